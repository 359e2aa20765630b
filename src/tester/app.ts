/**
 * What the tester's API does, without HTTP: the setup the page starts from, sending an event, keeping an
 * API key in memory. The key is used for requests to Iterable and never returned.
 */
import definition from '../index'
import type { Region } from '../iterable/endpoints'
import type { Sandbox } from '../sandbox'
import type { SendResponse, Setup } from './api-types'
import { actionSummaries, defaultSubscriptions, PROJECT_LABELS, REGION_LABELS } from './catalog'
import { runSubscriptions, type DeliveryTarget } from './deliver'
import { EXAMPLES } from './examples'
import { profilesNamedIn } from './profiles'
import { BadRequest, parseSendRequest } from './send-request'

/** The sandbox accepts any key; a fixed one keeps the user's key away from it. */
const SANDBOX_API_KEY = 'sandbox'

export class TesterApp {
  private apiKey: string | undefined

  /** `iterableStandIn`: where requests for Iterable go instead of Iterable (tests stand a sandbox there). */
  constructor(
    readonly sandbox: Sandbox,
    private readonly iterableStandIn?: string
  ) {}

  /** The kept key, for the HTTP layer to scrub from everything it writes. */
  get secrets(): string[] {
    return this.apiKey === undefined ? [] : [this.apiKey]
  }

  setup(): Setup {
    return {
      examples: EXAMPLES,
      subscriptions: defaultSubscriptions(definition),
      actions: actionSummaries(definition),
      regions: Object.entries(REGION_LABELS).map(([value, label]) => ({ value: value as Region, label })),
      sandboxProject: PROJECT_LABELS[this.sandbox.projectType],
      apiKeySet: this.apiKey !== undefined
    }
  }

  keepApiKey(body: unknown): void {
    const apiKey = (body as { apiKey?: unknown } | null)?.apiKey
    if (typeof apiKey !== 'string' || apiKey.trim() === '') {
      throw new BadRequest('expected {"apiKey": "..."} with a non-empty key')
    }
    this.apiKey = apiKey.trim()
  }

  forgetApiKey(): void {
    this.apiKey = undefined
  }

  resetSandbox(): void {
    this.sandbox.reset()
  }

  async send(body: unknown): Promise<SendResponse> {
    const { event, settings, subscriptions } = parseSendRequest(body, Object.keys(definition.actions))
    const toSandbox = settings.target === 'sandbox'
    const apiKey = toSandbox ? SANDBOX_API_KEY : this.apiKey
    if (apiKey === undefined) throw new BadRequest('no API key is kept: enter one before sending to Iterable')
    const target: DeliveryTarget = {
      settings: { apiKey, dataCenterLocation: settings.region },
      standInUrl: toSandbox ? this.sandbox.url : this.iterableStandIn
    }
    const results = await runSubscriptions(event, subscriptions, target)
    const exchanges = results.flatMap((result) => result.exchanges)
    return {
      deliveredTo: toSandbox
        ? `the embedded Iterable sandbox (${PROJECT_LABELS[this.sandbox.projectType]})`
        : `Iterable (${REGION_LABELS[settings.region]} data center)`,
      results,
      profiles: toSandbox ? profilesNamedIn(this.sandbox.state, exchanges) : []
    }
  }
}
