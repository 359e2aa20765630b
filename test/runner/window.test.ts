import type { SegmentEvent } from '@segment/actions-core'
import definition from '../../src'
import type { CallContext } from '../../src/runner/calls'
import { concurrencyLimit } from '../../src/runner/concurrency'
import { deliverEvents, type EventOutcome, type RunnerInput } from '../../src/runner/runner'
import { presetSubscriptions, toRoutes } from '../../src/runner/subscriptions'

const routes = toRoutes(presetSubscriptions(definition), definition)
const cartUpdate = (userId: string): SegmentEvent => ({ type: 'track', event: 'Cart Updated', userId, properties: {} })

it('reads no further than the window ahead of the oldest event not yet answered, and answers in input order', async () => {
  let releaseFirst = () => {}
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
  // A runtime whose call for u-1 hangs until released while every other call succeeds at once.
  const destination = {
    onEvent: async (event: SegmentEvent) => {
      if (event.userId === 'u-1') await firstHeld
      return []
    }
  }
  const context = {
    destination,
    settings: { apiKey: 'k' },
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    limit: concurrencyLimit(8)
  } as unknown as CallContext
  let read = 0
  const input = (async function* (): AsyncGenerator<RunnerInput> {
    for (let line = 1; line <= 10; line++) {
      read = line
      yield { line, event: cartUpdate(`u-${line}`) }
    }
  })()

  const outcomes: EventOutcome[] = []
  const delivering = (async () => {
    for await (const outcome of deliverEvents(input, { routes, context, windowSize: 3 })) outcomes.push(outcome)
  })()
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(read).toBe(3)
  expect(outcomes).toEqual([])

  releaseFirst()
  await delivering
  expect(outcomes.map((outcome) => [outcome.line, outcome.status])).toEqual(
    Array.from({ length: 10 }, (_outcome, index) => [index + 1, 'delivered'])
  )
})
