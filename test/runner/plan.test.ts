import type { SegmentEvent } from '@segment/actions-core'
import { Dispatcher, type Call, type Delivery } from '../../src/runner/plan'
import type { Route } from '../../src/runner/subscriptions'
import { userKeysOf } from '../../src/runner/user-keys'

const route = (index: number, partnerAction: string, batchSize: number): Route =>
  ({ index, subscription: { partnerAction, subscribe: 'type = "track"' }, condition: {}, batchSize }) as Route

const identify = route(0, 'upsertUser', 1001)
const track = route(1, 'customEvent', 1001)
const cart = route(2, 'cartUpdates', 0)

interface Deferred {
  promise: Promise<void>
  resolve(): void
}

function deferred(): Deferred {
  let resolve = () => {}
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

/** A dispatcher whose calls end only when the test ends them; `started` lists each call's lines. */
function dispatcherForTest(turnOf?: (route: Route) => Promise<void>) {
  const started: number[][] = []
  const ends: Deferred[] = []
  const dispatcher = new Dispatcher((call: Call) => {
    started.push(call.deliveries.map((delivery) => delivery.line))
    const end = deferred()
    ends.push(end)
    return end.promise
  }, turnOf)
  let line = 0
  const add = (to: Route, event: SegmentEvent) => {
    line++
    const delivery: Delivery = { line, event, route: to, userKeys: userKeysOf(event) }
    dispatcher.add(delivery)
  }
  /** Ends the n-th call started (from 0) and lets what it released get going. */
  const end = async (call: number) => {
    ends[call].resolve()
    await quiet()
  }
  return { dispatcher, started, add, end }
}

/** Lets promise reactions and the dispatcher's deferred pumping run. */
async function quiet(): Promise<void> {
  for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve))
}

describe('dispatching deliveries', () => {
  it("makes a user's profile update before that user's later events, however many come", async () => {
    const { dispatcher, started, add, end } = dispatcherForTest()
    add(identify, { type: 'identify', userId: 'u1' })
    add(track, { type: 'track', userId: 'u1' })
    add(track, { type: 'track', userId: 'u1' })
    dispatcher.mayFlush = true
    await quiet()
    expect(started).toEqual([[1]])
    await end(0)
    expect(started).toEqual([[1], [2, 3]])
  })

  it("batches different users' deliveries to the same subscription together", async () => {
    const { dispatcher, started, add, end } = dispatcherForTest()
    add(identify, { type: 'identify', userId: 'u1' })
    add(identify, { type: 'identify', userId: 'u2' })
    add(track, { type: 'track', userId: 'u1' })
    add(track, { type: 'track', userId: 'u2' })
    dispatcher.mayFlush = true
    await quiet()
    expect(started).toEqual([[1, 2]])
    await end(0)
    expect(started).toEqual([
      [1, 2],
      [3, 4]
    ])
  })

  it("never holds one user's delivery back for another user's", async () => {
    const { dispatcher, started, add } = dispatcherForTest()
    add(identify, { type: 'identify', userId: 'u1' })
    add(track, { type: 'track', userId: 'u1' })
    add(track, { type: 'track', userId: 'u2' })
    add(cart, { type: 'track', userId: 'u3' })
    dispatcher.mayFlush = true
    await quiet()
    // u1's track waits for u1's profile update; u2's track and u3's cart go at once.
    expect([...started].sort()).toEqual([[1], [3], [4]])
  })

  it("makes a user's deliveries to a subscription that does not batch one after another", async () => {
    const { started, add, end } = dispatcherForTest()
    add(cart, { type: 'track', userId: 'u1' })
    add(cart, { type: 'track', userId: 'u1' })
    add(cart, { type: 'track', userId: 'u2' })
    await quiet()
    expect(started).toEqual([[1], [3]])
    await end(0)
    expect(started).toEqual([[1], [3], [2]])
  })

  it('treats deliveries that share an email as the same user, whatever the case', async () => {
    const { dispatcher, started, add } = dispatcherForTest()
    add(identify, { type: 'identify', userId: 'u1', traits: { email: 'Jane@Example.com' } })
    add(track, { type: 'track', properties: { email: 'jane@example.com' } })
    add(track, { type: 'track' })
    dispatcher.mayFlush = true
    await quiet()
    // The event without any identifier waits for nobody.
    expect(started).toEqual([[1], [3]])
  })

  it('sends a full batch at once and one that is not full only once allowed to', async () => {
    const { dispatcher, started, add, end } = dispatcherForTest()
    const small = route(1, 'customEvent', 2)
    for (const userId of ['a', 'b', 'c']) add(small, { type: 'track', userId })
    await quiet()
    expect(started).toEqual([[1, 2]])
    await end(0)
    expect(started).toEqual([[1, 2]])
    dispatcher.mayFlush = true
    await quiet()
    expect(started).toEqual([[1, 2], [3]])
  })

  it('sends one batch of a subscription at a time, in input order, each as full as what is waiting', async () => {
    const { dispatcher, started, add, end } = dispatcherForTest()
    const small = route(1, 'customEvent', 2)
    for (const userId of ['a', 'b', 'c', 'd', 'e']) add(small, { type: 'track', userId })
    dispatcher.mayFlush = true
    await quiet()
    expect(started).toEqual([[1, 2]])
    await end(0)
    await end(1)
    expect(started).toEqual([[1, 2], [3, 4], [5]])
  })

  it('makes up a batch that is not full only when its turn comes, so that what arrives meanwhile joins it', async () => {
    const turn = deferred()
    const { dispatcher, started, add } = dispatcherForTest(() => turn.promise)
    add(track, { type: 'track', userId: 'a' })
    dispatcher.mayFlush = true
    await quiet()
    add(track, { type: 'track', userId: 'b' })
    await quiet()
    expect(started).toEqual([])
    turn.resolve()
    await quiet()
    expect(started).toEqual([[1, 2]])
  })
})
