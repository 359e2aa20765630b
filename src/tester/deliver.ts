/**
 * Runs one event through actions-core's `Destination`, one subscription at a time in the order given, as
 * `iterable-actions send` delivers an event that several subscriptions match: `onEvent` with the settings
 * and that one subscription. Each call is tried once, so the page shows Iterable's first answer as it is.
 */
import { Destination, transform, type JSONObject, type SegmentEvent } from '@segment/actions-core'
import definition, { type Settings } from '../index'
import { pointDestinationAt } from '../sandbox'
import type { Outcome, RecordedExchange, SubscriptionResult, TesterSubscription } from './api-types'
import { fieldLabels } from './catalog'
import { outcomeOfError, triggerOutcome } from './outcome'
import { recordRequests } from './record-requests'

export interface DeliveryTarget {
  settings: Settings
  /** Where requests meant for Iterable go instead (the embedded sandbox); Iterable itself when absent. */
  standInUrl?: string
}

const DELIVERED: Outcome = { kind: 'delivered' }

/** The runtime as `send` builds it, with every request recorded before it is pointed at a stand-in. */
function runtimeFor(target: DeliveryTarget, onExchange: (exchange: RecordedExchange) => void): Destination<Settings> {
  const recorded = recordRequests(definition, onExchange)
  return new Destination(target.standInUrl === undefined ? recorded : pointDestinationAt(recorded, target.standInUrl))
}

async function runSubscription(
  event: JSONObject,
  subscription: TesterSubscription,
  target: DeliveryTarget
): Promise<SubscriptionResult> {
  const { name, partnerAction, subscribe, mapping } = subscription
  const summary = { name, partnerAction, subscribe }
  // The runtime takes any object as an event: what it lacks matches no condition and maps to nothing.
  const segmentEvent = event as unknown as SegmentEvent
  const stopped = triggerOutcome(subscribe, segmentEvent)
  if (stopped) return { ...summary, outcome: stopped, exchanges: [] }

  let payload: JSONObject
  try {
    payload = transform(mapping, event)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ...summary, outcome: { kind: 'invalid-mapping', message }, exchanges: [] }
  }

  const exchanges: RecordedExchange[] = []
  const destination = runtimeFor(target, (exchange) => exchanges.push(exchange))
  const settings = { ...target.settings, subscriptions: [subscription] } as unknown as JSONObject
  const labels = fieldLabels(definition.actions[partnerAction].fields)
  const outcome = await destination.onEvent(segmentEvent, settings).then(
    () => DELIVERED,
    (error: unknown) => outcomeOfError(error, exchanges.length, labels)
  )
  return { ...summary, outcome, payload, exchanges }
}

export async function runSubscriptions(
  event: JSONObject,
  subscriptions: TesterSubscription[],
  target: DeliveryTarget
): Promise<SubscriptionResult[]> {
  const results: SubscriptionResult[] = []
  for (const subscription of subscriptions) results.push(await runSubscription(event, subscription, target))
  return results
}
