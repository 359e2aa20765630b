import type { SegmentEvent } from '@segment/actions-core'
import { runCall, type CallContext, type DeliveryResult } from './calls'
import { planSteps, type Delivery } from './plan'
import { messageIdOf, type InputEvent, type MalformedRecord } from './records'
import type { PreviouslyDelivered } from './resume'
import { routesFor, type Route } from './subscriptions'
import { userKeysOf } from './user-keys'

export type EventStatus = 'delivered' | 'failed' | 'skipped' | 'malformed'

/** What became of one event at one subscription. */
export interface DeliveryOutcome {
  action: string
  delivered: boolean
  /** Delivered by an earlier run, according to the results file given to --resume. */
  resumed?: boolean
  /** Tries it took in this run. */
  attempts: number
  reason?: string
  /** The requests it took, as "POST /api/events/track". */
  requests: string[]
}

/** What became of one record of the input. */
export interface EventOutcome {
  line: number
  messageId?: string
  event?: SegmentEvent
  status: EventStatus
  /** One per subscription the event matched, in subscription order. */
  deliveries: DeliveryOutcome[]
  reason?: string
}

export type RunnerInput = InputEvent | MalformedRecord | PreviouslyDelivered

export interface RunnerOptions {
  routes: Route[]
  context: CallContext
  /** Records delivered together: larger windows make fuller batches and hold more in memory. */
  windowSize: number
  /** Called as each record's outcome is known, in no particular order. */
  onSettled?: (outcome: EventOutcome) => void
}

function deliveryOutcome(action: string, result: DeliveryResult): DeliveryOutcome {
  const tries = result.attempts > 1 ? ` (after ${result.attempts} tries)` : ''
  return {
    action,
    delivered: result.delivered,
    attempts: result.attempts,
    requests: [...new Set(result.requests)],
    ...(!result.delivered && { reason: `${result.reason}${tries}` })
  }
}

function eventOutcome(line: number, event: SegmentEvent, deliveries: DeliveryOutcome[]): EventOutcome {
  const failures = deliveries.filter((delivery) => !delivery.delivered)
  const named = deliveries.length > 1
  return {
    line,
    messageId: messageIdOf(event),
    event,
    status: failures.length === 0 ? 'delivered' : 'failed',
    deliveries,
    ...(failures.length > 0 && {
      reason: failures.map(({ action, reason }) => (named ? `${action}: ${reason}` : reason)).join('; ')
    })
  }
}

/** The outcome of a record that needs no call: malformed, or delivered by an earlier run. */
function outcomeWithoutCall(item: MalformedRecord | PreviouslyDelivered): EventOutcome {
  if ('problem' in item) return { line: item.line, status: 'malformed', deliveries: [], reason: item.problem }
  const actions = item.previous.action ? item.previous.action.split('+') : []
  return {
    line: item.line,
    messageId: messageIdOf(item.event),
    event: item.event,
    status: 'delivered',
    deliveries: actions.map((action) => ({ action, delivered: true, resumed: true, attempts: 0, requests: [] }))
  }
}

function skippedOutcome({ line, event }: InputEvent): EventOutcome {
  return {
    line,
    messageId: messageIdOf(event),
    event,
    status: 'skipped',
    deliveries: [],
    reason: 'no subscription matches this event'
  }
}

/** Where a delivery's outcome goes: its record, and its place among that record's subscriptions. */
interface Slot {
  item: number
  position: number
}

/**
 * Delivers one window of records and answers their outcomes in input order. Deliveries run in the
 * steps `planSteps` orders them in; an event settles when all its subscriptions have.
 */
async function deliverWindow(items: RunnerInput[], options: RunnerOptions): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = new Array(items.length)
  const settle = (item: number, outcome: EventOutcome) => {
    outcomes[item] = outcome
    options.onSettled?.(outcome)
  }
  const deliveries: Delivery[] = []
  const slots = new Map<Delivery, Slot>()
  const pending = new Map<number, { outcomes: DeliveryOutcome[]; remaining: number }>()
  items.forEach((item, index) => {
    if ('problem' in item || 'previous' in item) return settle(index, outcomeWithoutCall(item))
    const routes = routesFor(item.event, options.routes)
    if (routes.length === 0) return settle(index, skippedOutcome(item))
    const { line, event } = item
    const userKeys = userKeysOf(event)
    pending.set(index, { outcomes: new Array(routes.length), remaining: routes.length })
    routes.forEach((route, position) => {
      const delivery = { line, event, route, userKeys }
      deliveries.push(delivery)
      slots.set(delivery, { item: index, position })
    })
  })

  for (const step of planSteps(deliveries)) {
    await Promise.all(
      step.map(async (lane) => {
        for (const call of lane) {
          const results = await runCall(call, options.context)
          call.deliveries.forEach((delivery, index) => {
            const { item, position } = slots.get(delivery)!
            const event = pending.get(item)!
            event.outcomes[position] = deliveryOutcome(delivery.route.subscription.partnerAction, results[index])
            if (--event.remaining === 0) settle(item, eventOutcome(delivery.line, delivery.event, event.outcomes))
          })
        }
      })
    )
  }
  return outcomes
}

/**
 * Delivers records as they are read, a window at a time, and yields one outcome per record in
 * input order. Each window finishes before the next starts, so a user's order holds across windows
 * too, and memory holds one window whatever the input size.
 */
export async function* deliverEvents(
  input: AsyncIterable<RunnerInput>,
  options: RunnerOptions
): AsyncGenerator<EventOutcome> {
  let window: RunnerInput[] = []
  for await (const item of input) {
    window.push(item)
    if (window.length >= options.windowSize) {
      yield* await deliverWindow(window, options)
      window = []
    }
  }
  if (window.length > 0) yield* await deliverWindow(window, options)
}
