import type { SegmentEvent } from '@segment/actions-core'
import definition from '../../src'
import { runCall, type CallContext } from '../../src/runner/calls'
import { concurrencyLimit } from '../../src/runner/concurrency'
import type { Call } from '../../src/runner/plan'
import { presetSubscriptions, toRoutes } from '../../src/runner/subscriptions'

const route = toRoutes(presetSubscriptions(definition), definition).find(
  (candidate) => candidate.subscription.partnerAction === 'customEvent'
)!
const event = (name: string): SegmentEvent => ({ type: 'track', event: name, userId: 'u1' })

/** A runtime whose batch call throws as a whole, and whose single call fails only the event named "Bad". */
function runtimeThatThrowsForTheBatch(thrown: Error & { status?: number }) {
  const singles: string[] = []
  const destination = {
    onBatch: async () => {
      throw thrown
    },
    onEvent: async (single: SegmentEvent) => {
      singles.push(single.event!)
      if (single.event === 'Bad') throw new TypeError('cannot process this event')
      return []
    }
  }
  const context = {
    destination,
    settings: { apiKey: 'k' },
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    limit: concurrencyLimit(1)
  } as unknown as CallContext
  return { context, singles }
}

const callOf = (events: SegmentEvent[]): Call =>
  ({ route, deliveries: events.map((single, index) => ({ line: index + 1, event: single })) }) as unknown as Call

describe('a call whose batch the runtime fails as a whole', () => {
  it('tries each event alone, in order, so that only the one at fault fails', async () => {
    const { context, singles } = runtimeThatThrowsForTheBatch(new TypeError('the batch could not be mapped'))
    const results = await runCall(callOf([event('Good 1'), event('Bad'), event('Good 2')]), context)
    expect(singles).toEqual(['Good 1', 'Bad', 'Good 2'])
    expect(results.map((result) => result.delivered)).toEqual([true, false, true])
    expect(results[1].reason).toBe('cannot process this event')
  })

  it('retries the batch as a batch when the failure is one a retry can fix', async () => {
    const unavailable = Object.assign(new Error('Iterable could not be reached'), { status: 503 })
    const { context, singles } = runtimeThatThrowsForTheBatch(unavailable)
    const results = await runCall(callOf([event('Good 1'), event('Good 2')]), context)
    expect(singles).toEqual([])
    expect(results.map((result) => result.delivered)).toEqual([false, false])
    expect(results[0]).toMatchObject({ attempts: 3, reason: expect.stringContaining('could not be reached') })
  })
})
