import type { JSONObject, SegmentEvent } from '@segment/actions-core'
import definition from '../../src'
import type { Target } from '../../src/runner/args'
import { concurrencyLimit } from '../../src/runner/concurrency'
import { connect, type Connection, type ConnectionTuning } from '../../src/runner/connection'
import type { RetryPolicy } from '../../src/runner/retry'
import { deliverEvents, type EventOutcome } from '../../src/runner/runner'
import { presetSubscriptions, toRoutes } from '../../src/runner/subscriptions'
import type { Sandbox } from '../../src/sandbox'

/** Through real HTTP on loopback: the runner, the destination, the sandbox. */

const FAST_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 }
const SANDBOX: Target = { region: 'united_states', sandbox: true, projectType: 'email' }
const routes = toRoutes(presetSubscriptions(definition), definition)

let connection: Connection
let sandbox: Sandbox

async function open(tuning: Partial<ConnectionTuning> = {}, target: Target = SANDBOX): Promise<void> {
  connection = await connect(target, { rateScale: 20, ...tuning })
  sandbox = connection.sandbox!
}

afterEach(async () => {
  await connection?.close()
})

async function deliver(
  events: SegmentEvent[],
  options: { windowSize?: number; retry?: RetryPolicy } = {}
): Promise<EventOutcome[]> {
  const input = (async function* () {
    yield* events.map((event, index) => ({ line: index + 1, event }))
  })()
  const outcomes: EventOutcome[] = []
  const delivering = deliverEvents(input, {
    routes,
    windowSize: options.windowSize ?? 1000,
    context: {
      destination: connection.destination,
      settings: connection.settings,
      retry: options.retry ?? FAST_RETRY,
      limit: concurrencyLimit(8)
    }
  })
  for await (const outcome of delivering) outcomes.push(outcome)
  return outcomes
}

const identify = (userId: string, traits: JSONObject): SegmentEvent => ({
  type: 'identify',
  userId,
  traits
})
const track = (userId: string, event: string): SegmentEvent => ({ type: 'track', userId, event, properties: {} })
const cartUpdate = (userId: string): SegmentEvent => ({
  type: 'track',
  userId,
  event: 'Cart Updated',
  properties: { products: [{ product_id: 'p1', name: 'Mug', price: 9, quantity: 1 }] }
})

describe('ordering', () => {
  it("delivers each user's profile updates before that user's later events, with batching on and across windows", async () => {
    await open()
    const users = Array.from({ length: 30 }, (_user, index) => `u-${index}`)
    // Round by round, so that every window holds many users' events and cuts users' histories in two.
    const events = [
      ...users.map((userId) => identify(userId, { email: `${userId}@example.com`, plan: 'free' })),
      ...users.map((userId) => track(userId, 'Signed In')),
      ...users.map((userId) => identify(userId, { plan: 'pro' })),
      ...users.map((userId) => track(userId, 'Upgraded'))
    ]
    const outcomes = await deliver(events, { windowSize: 45 })

    // In an email-based project an event for a userId Iterable does not know yet fails: none did.
    expect(outcomes.filter((outcome) => outcome.status !== 'delivered')).toEqual([])
    for (const userId of users) {
      expect(sandbox.state.user({ userId })?.dataFields.plan).toBe('pro')
      expect(sandbox.state.events({ userId }).map((event) => event.eventName)).toEqual(['Upgraded', 'Signed In'])
    }
    const requests = new Set(outcomes.flatMap((outcome) => outcome.deliveries.flatMap((delivery) => delivery.requests)))
    expect(requests).toEqual(new Set(['POST /api/users/bulkUpdate', 'POST /api/events/trackBulk']))
  })

  it('keeps no response once its call is over, so memory stays flat however many events go', async () => {
    await open()
    const users = Array.from({ length: 20 }, (_user, index) => `u-${index}`)
    await deliver([...users.map((userId) => identify(userId, { email: `${userId}@example.com` })), cartUpdate('u-1')])
    expect(connection.destination.responses).toEqual([])
  })

  it('answers one outcome per event, in input order', async () => {
    await open()
    const outcomes = await deliver(
      [cartUpdate('u-1'), identify('u-2', { email: 'b@example.com' }), track('u-2', 'X')],
      {
        windowSize: 2
      }
    )
    expect(outcomes.map((outcome) => [outcome.line, outcome.status])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
      [3, 'delivered']
    ])
  })
})

describe('retrying', () => {
  it('retries a 429 from Iterable after the Retry-After it sent, and the events end delivered', async () => {
    await open({ sandbox: { faults: { rateLimitBurst: { count: 1, retryAfterSeconds: 1 } } } })
    const started = performance.now()
    const outcomes = await deliver([
      identify('u-1', { email: 'a@example.com' }),
      identify('u-2', { email: 'b@example.com' })
    ])
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['delivered', 'delivered'])
    expect(outcomes[0].deliveries[0]).toMatchObject({ attempts: 2, requests: ['POST /api/users/bulkUpdate'] })
  })

  it('retries server errors with backoff until the events are delivered', async () => {
    await open({ sandbox: { faults: { serverErrorRate: 0.5, seed: 7 } } })
    const users = Array.from({ length: 12 }, (_user, index) => `u-${index}`)
    await deliver(users.map((userId) => identify(userId, { email: `${userId}@example.com` })))
    const outcomes = await deliver(users.map(cartUpdate), { retry: { attempts: 12, baseDelayMs: 1, maxDelayMs: 5 } })
    expect(outcomes.every((outcome) => outcome.status === 'delivered')).toBe(true)
    expect(outcomes.some((outcome) => outcome.deliveries[0].attempts > 1)).toBe(true)
  })

  it('retries a request whose reply never fully came (a timeout)', async () => {
    // With seed 8 the first reply is cut off halfway and the second is whole.
    await open({ requestTimeoutMs: 200, sandbox: { faults: { dropConnectionRate: 0.5, seed: 8 } } })
    const users = ['u-1', 'u-2', 'u-3', 'u-4', 'u-5', 'u-6']
    const outcomes = await deliver(
      users.map((userId) => identify(userId, { email: `${userId}@example.com` })),
      {
        retry: { attempts: 12, baseDelayMs: 1, maxDelayMs: 5 }
      }
    )
    expect(outcomes.every((outcome) => outcome.status === 'delivered')).toBe(true)
    expect(outcomes[0].deliveries[0].attempts).toBe(2)
  })

  it('gives up after the last try and says how many it took', async () => {
    await open({ sandbox: { faults: { serverErrorRate: 1 } } })
    const [outcome] = await deliver([identify('u-1', { email: 'a@example.com' })], {
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }
    })
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/500 GenericError.*\(after 3 tries\)$/)
    })
  })

  it('never retries what retrying cannot fix', async () => {
    await open()
    const [outcome] = await deliver([identify('u-1', { email: 'a@example.com', phone: 'call me' })])
    expect(outcome.status).toBe('failed')
    expect(outcome.deliveries[0]).toMatchObject({ attempts: 1, requests: ['POST /api/users/update'] })
  })
})

it('stops sending once Iterable refuses the API key, and says so for every event not sent', async () => {
  await open({ sandbox: { apiKey: 'the-only-key-the-sandbox-accepts' } })
  const outcomes = await deliver([identify('u-1', { email: 'a@example.com' }), track('u-1', 'A'), cartUpdate('u-1')])
  expect(outcomes[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('401') })
  expect(outcomes.slice(1).map((outcome) => outcome.reason)).toEqual([
    expect.stringMatching(/^not sent: Iterable refused the API key/),
    expect.stringMatching(/^not sent: Iterable refused the API key/)
  ])
  expect(outcomes[2].deliveries[0].requests).toEqual([])
})
