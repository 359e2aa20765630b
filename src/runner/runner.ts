import type { SegmentEvent } from '@segment/actions-core'
import { runCall, type CallContext, type DeliveryResult } from './calls'
import type { RequestPacer } from './pacer'
import { Dispatcher, type Delivery } from './plan'
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
  /**
   * Records read ahead of the oldest one not yet answered: more makes fuller batches when some users'
   * deliveries wait, and holds more in memory.
   */
  windowSize: number
  /** Called as each record's outcome is known, in no particular order. */
  onSettled?: (outcome: EventOutcome) => void
  /** The pacer the destination's requests wait for: a batch that is not full is made up when its endpoint is free. */
  pacer?: RequestPacer
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

/** A record read and not yet answered; it has its outcome once every subscription it matched has had its say. */
interface InFlight {
  outcome?: EventOutcome
}

/** An event whose deliveries are under way: what those already made came to, and how many remain. */
interface Unsettled {
  record: InFlight
  outcomes: DeliveryOutcome[]
  remaining: number
}

/**
 * Delivers records as they are read and yields one outcome per record, in input order. Deliveries go
 * out as soon as each user's order allows (see `Dispatcher`); at most `windowSize` records are read
 * ahead of the oldest one not yet answered, so memory stays bounded whatever the input size.
 */
export async function* deliverEvents(
  input: AsyncIterable<RunnerInput>,
  options: RunnerOptions
): AsyncGenerator<EventOutcome> {
  const unanswered: InFlight[] = []
  const places = new Map<Delivery, { event: Unsettled; position: number }>()
  /** The request each subscription's latest call made: the endpoint its next batch most likely goes to. */
  const lastRequest = new Map<Route, string>()
  let failure: { error: unknown } | undefined
  let wake = () => {}
  const settle = (record: InFlight, outcome: EventOutcome) => {
    record.outcome = outcome
    options.onSettled?.(outcome)
  }
  const turnOf = async (route: Route) => {
    const [method, pathname] = lastRequest.get(route)?.split(' ') ?? []
    if (options.pacer && method && pathname) await options.pacer.whenFree(method, pathname)
  }
  const dispatcher = new Dispatcher(async (call) => {
    try {
      const results = await runCall(call, options.context)
      const made = results.find((result) => result.requests.length > 0)?.requests
      if (made) lastRequest.set(call.route, made[made.length - 1])
      call.deliveries.forEach((delivery, index) => {
        const { event, position } = places.get(delivery)!
        places.delete(delivery)
        event.outcomes[position] = deliveryOutcome(delivery.route.subscription.partnerAction, results[index])
        if (--event.remaining === 0) settle(event.record, eventOutcome(delivery.line, delivery.event, event.outcomes))
      })
    } catch (error) {
      failure ??= { error }
    }
    wake()
  }, turnOf)

  const start = (item: RunnerInput): InFlight => {
    const record: InFlight = {}
    if ('problem' in item || 'previous' in item) {
      settle(record, outcomeWithoutCall(item))
      return record
    }
    const routes = routesFor(item.event, options.routes)
    if (routes.length === 0) {
      settle(record, skippedOutcome(item))
      return record
    }
    const { line, event } = item
    const userKeys = userKeysOf(event)
    const unsettled: Unsettled = { record, outcomes: new Array(routes.length), remaining: routes.length }
    routes.forEach((route, position) => {
      const delivery = { line, event, route, userKeys }
      places.set(delivery, { event: unsettled, position })
      dispatcher.add(delivery)
    })
    return record
  }

  const reader = input[Symbol.asyncIterator]()
  let inputEnded = false
  for (;;) {
    if (failure) throw failure.error
    while (unanswered[0]?.outcome) yield unanswered.shift()!.outcome!
    if (inputEnded && unanswered.length === 0) return
    const full = unanswered.length >= options.windowSize
    dispatcher.mayFlush = inputEnded || full
    if (inputEnded || full) await new Promise<void>((resolve) => (wake = resolve))
    else {
      const next = await reader.next()
      if (next.done) inputEnded = true
      else unanswered.push(start(next.value))
    }
  }
}
