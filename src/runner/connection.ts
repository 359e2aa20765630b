import { Destination } from '@segment/actions-core'
import definition, { type Settings } from '../index'
import { pointDestinationAt, startSandbox, type Sandbox, type SandboxOptions } from '../sandbox'
import type { Target } from './args'
import { recordRequest } from './calls'
import { RequestPacer } from './pacer'
import { gateRequests } from './request-gate'

/** The destination as a runtime runs it, with the settings for where its events go. */
export interface Connection {
  destination: Destination<Settings>
  settings: Settings
  /** Where events go, for people to read. */
  description: string
  /** Spaces the destination's requests at Iterable's rate limits. */
  pacer: RequestPacer
  /** The embedded sandbox, when events go there. */
  sandbox?: Sandbox
  close(): Promise<void>
}

export interface ConnectionTuning {
  /** Multiplies Iterable's documented rate limits, for the runner and for a sandbox alike. */
  rateScale: number
  /**
   * Milliseconds to wait for a whole reply before giving up on a request (a retryable timeout);
   * actions-core's 10 s unless set.
   */
  requestTimeoutMs?: number
  /** More options for an embedded sandbox (tests inject faults this way). */
  sandbox?: Omit<SandboxOptions, 'projectType' | 'rateScale'>
}

/** The definition with every request given `timeoutMs` (when set) to complete, reply body included. */
function withRequestTimeout(
  destinationDefinition: typeof definition,
  timeoutMs: number | undefined
): typeof definition {
  const { extendRequest } = destinationDefinition
  if (timeoutMs === undefined) return destinationDefinition
  return { ...destinationDefinition, extendRequest: (data) => ({ ...extendRequest?.(data), timeout: timeoutMs }) }
}

/**
 * actions-core's runtime for a definition, without its record of responses: `Destination` keeps every
 * response it receives, for its test helpers, which over a run of millions of events holds gigabytes
 * (and makes the garbage collector work ever harder). Nothing here reads them.
 */
function runtimeFor(destinationDefinition: typeof definition): Destination<Settings> {
  const destination = new Destination(destinationDefinition)
  Object.defineProperty(destination, 'responses', { get: () => [] })
  return destination
}

/** The sandbox accepts any key; a fixed one keeps the user's key away from it. */
const SANDBOX_API_KEY = 'sandbox'

const PROJECT_LABELS: Record<Target['projectType'], string> = {
  email: 'an email-based',
  userId: 'a userID-based',
  hybrid: 'a hybrid'
}

const REGION_LABELS: Record<Target['region'], string> = { united_states: 'United States', europe: 'Europe' }

/**
 * The destination, paced to Iterable's rate limits, sending to a running sandbox when
 * `target.sandboxUrl` names one, to Iterable when there is a key, and otherwise to a freshly started
 * embedded sandbox (also when `target.sandbox` asks for it).
 */
export async function connect(target: Target, tuning: ConnectionTuning): Promise<Connection> {
  const pacer = new RequestPacer(tuning.rateScale)
  const pace = (destinationDefinition: typeof definition) =>
    gateRequests(withRequestTimeout(destinationDefinition, tuning.requestTimeoutMs), async (method, url) => {
      recordRequest(method, url)
      await pacer.wait(method, url.pathname)
    })
  if (target.sandboxUrl) {
    return {
      destination: runtimeFor(pace(pointDestinationAt(definition, target.sandboxUrl))),
      settings: { apiKey: target.apiKey ?? SANDBOX_API_KEY, dataCenterLocation: target.region },
      pacer,
      description: `the Iterable sandbox at ${target.sandboxUrl}`,
      close: async () => {}
    }
  }
  if (target.apiKey && !target.sandbox) {
    return {
      destination: runtimeFor(pace(definition)),
      settings: { apiKey: target.apiKey, dataCenterLocation: target.region },
      pacer,
      description: `Iterable (${REGION_LABELS[target.region]} data center)`,
      close: async () => {}
    }
  }
  const sandbox = await startSandbox({
    ...tuning.sandbox,
    projectType: target.projectType,
    rateScale: tuning.rateScale
  })
  return {
    destination: runtimeFor(pace(pointDestinationAt(definition, sandbox.url))),
    settings: { apiKey: SANDBOX_API_KEY, dataCenterLocation: target.region },
    pacer,
    description: `the embedded Iterable sandbox (${PROJECT_LABELS[sandbox.projectType]} project at ${sandbox.url})`,
    sandbox,
    close: () => sandbox.close()
  }
}
