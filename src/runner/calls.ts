import { AsyncLocalStorage } from 'node:async_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Destination, JSONObject, SegmentEvent } from '@segment/actions-core'
import type { Settings } from '../index'
import { attemptOfEntry, attemptOfError, entryWasSent, type Attempt } from './outcomes'
import type { Call } from './plan'
import { delayBeforeRetry, type RetryPolicy } from './retry'

/** How one delivery ended, after every try it was given. */
export interface DeliveryResult {
  delivered: boolean
  reason?: string
  attempts: number
  /** The requests it took, as "POST /api/events/track". */
  requests: string[]
}

const DELIVERED: Attempt = { delivered: true }

/** What every call of a run shares. */
export interface CallContext {
  destination: Destination<Settings>
  settings: Settings
  retry: RetryPolicy
  /** Bounds how many calls are in flight at once. */
  limit: <T>(task: () => Promise<T>) => Promise<T>
  /** Set once Iterable refuses the API key: nothing more is sent, since nothing more can succeed. */
  stopped?: string
}

/** The requests made on behalf of the call in progress; the request gate adds to it. */
const requestsOfCall = new AsyncLocalStorage<string[]>()

export function recordRequest(method: string, url: URL): void {
  requestsOfCall.getStore()?.push(`${method} ${url.pathname}`)
}

/** One delivery's try: how it went, and whether its event went out to Iterable. */
interface Try {
  attempt: Attempt
  sent: boolean
}

/** One try of a call: `onEvent` for a single event, `onBatch` for several; one Try per delivery. */
async function tryOnce(call: Call, context: CallContext, requests: string[]): Promise<Try[]> {
  const settings = { ...context.settings, subscriptions: [call.route.subscription] } as unknown as JSONObject
  const events = call.deliveries.map((delivery) => delivery.event)
  const alone = async (event: SegmentEvent): Promise<Try> => {
    const requestsBefore = requests.length
    const attempt = await context.destination.onEvent(event, settings).then(() => DELIVERED, attemptOfError)
    return { attempt, sent: requests.length > requestsBefore }
  }
  return context.limit(() =>
    requestsOfCall.run(requests, async () => {
      if (events.length === 1) return [await alone(events[0])]
      try {
        const [result] = await context.destination.onBatch(events, settings)
        return events.map((_event, index) => {
          const entry = result?.multistatus?.[index]
          return { attempt: attemptOfEntry(entry), sent: entryWasSent(entry) }
        })
      } catch (error) {
        const attempt = attemptOfError(error)
        if (!attempt.delivered && attempt.retryable) return events.map(() => ({ attempt, sent: false }))
        // The runtime failed the batch as a whole, which one event it cannot process can cause:
        // each event alone, in order, so that only the ones at fault fail.
        const tries: Try[] = []
        for (const event of events) tries.push(await alone(event))
        return tries
      }
    })
  )
}

const isAuthFailure = (attempt: Attempt) => !attempt.delivered && (attempt.status === 401 || attempt.status === 403)

/**
 * Makes a call, then calls again with the deliveries that failed for a passing reason, after a
 * backoff that honours Retry-After, until each is delivered, fails for good or runs out of tries.
 * Answers one result per delivery, in order.
 */
export async function runCall(call: Call, context: CallContext): Promise<DeliveryResult[]> {
  const requests: string[] = []
  const sent = new Set<number>()
  // A delivery is credited with the call's requests only if its event went out in them.
  const requestsOf = (index: number) => (sent.has(index) ? requests : [])
  const results: DeliveryResult[] = new Array(call.deliveries.length)
  let pending = call.deliveries.map((_delivery, index) => index)
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (context.stopped) {
      const reason = `not sent: ${context.stopped}`
      for (const index of pending) results[index] = { delivered: false, reason, attempts: attempt - 1, requests: [] }
      break
    }
    const deliveries = pending.map((index) => call.deliveries[index])
    const tries = await tryOnce({ ...call, deliveries }, context, requests)
    const retrying: number[] = []
    let wait = 0
    tries.forEach((tried, position) => {
      const index = pending[position]
      const outcome = tried.attempt
      if (tried.sent) sent.add(index)
      if (outcome.delivered) {
        results[index] = { delivered: true, attempts: attempt, requests: requestsOf(index) }
      } else if (outcome.retryable && attempt < context.retry.attempts) {
        retrying.push(index)
        wait = Math.max(wait, delayBeforeRetry(attempt, outcome.retryAfterSeconds, context.retry))
      } else {
        if (isAuthFailure(outcome)) context.stopped ??= `Iterable refused the API key (${outcome.reason})`
        results[index] = { delivered: false, reason: outcome.reason, attempts: attempt, requests: requestsOf(index) }
      }
    })
    pending = retrying
    if (pending.length > 0) await sleep(wait)
  }
  return results
}
