import type { SegmentEvent } from '@segment/actions-core'
import { planSteps, type Delivery, type Step } from '../../src/runner/plan'
import type { Route } from '../../src/runner/subscriptions'
import { userKeysOf } from '../../src/runner/user-keys'

const route = (index: number, partnerAction: string, batchSize: number): Route =>
  ({ index, subscription: { partnerAction, subscribe: 'type = "track"' }, condition: {}, batchSize }) as Route

const identify = route(0, 'upsertUser', 1001)
const track = route(1, 'customEvent', 1001)
const cart = route(2, 'cartUpdates', 0)

let line = 0
function delivery(to: Route, event: SegmentEvent): Delivery {
  line++
  return { line, event, route: to, userKeys: userKeysOf(event) }
}

/** Each step as lanes of calls, each call as the lines it carries. */
const lines = (steps: Step[]) =>
  steps.map((step) => step.map((lane) => lane.map((call) => call.deliveries.map((d) => d.line))))

beforeEach(() => {
  line = 0
})

describe('planning deliveries', () => {
  it("sends a user's profile update a step before that user's later events", () => {
    const steps = planSteps([
      delivery(identify, { type: 'identify', userId: 'u1' }),
      delivery(track, { type: 'track', userId: 'u1' })
    ])
    expect(lines(steps)).toEqual([[[[1]]], [[[2]]]])
  })

  it("batches different users' events of the same subscription together", () => {
    const steps = planSteps([
      delivery(identify, { type: 'identify', userId: 'u1' }),
      delivery(identify, { type: 'identify', userId: 'u2' }),
      delivery(track, { type: 'track', userId: 'u1' }),
      delivery(track, { type: 'track', userId: 'u2' })
    ])
    expect(lines(steps)).toEqual([[[[1, 2]]], [[[3, 4]]]])
  })

  it("keeps a user's consecutive events of one batching subscription in the same batch, in order", () => {
    const steps = planSteps([
      delivery(track, { type: 'track', userId: 'u1' }),
      delivery(track, { type: 'track', userId: 'u1' })
    ])
    expect(lines(steps)).toEqual([[[[1, 2]]]])
  })

  it("sends a user's events to a subscription that does not batch one step apart", () => {
    const steps = planSteps([
      delivery(cart, { type: 'track', userId: 'u1' }),
      delivery(cart, { type: 'track', userId: 'u1' })
    ])
    expect(lines(steps)).toEqual([[[[1]]], [[[2]]]])
  })

  it('runs events of a subscription that does not batch each in a lane of its own', () => {
    const steps = planSteps([
      delivery(cart, { type: 'track', userId: 'u1' }),
      delivery(cart, { type: 'track', userId: 'u2' })
    ])
    expect(lines(steps)).toEqual([[[[1]], [[2]]]])
  })

  it('treats events that share an email as the same user, whatever the case', () => {
    const steps = planSteps([
      delivery(identify, { type: 'identify', userId: 'u1', traits: { email: 'Jane@Example.com' } }),
      delivery(track, { type: 'track', properties: { email: 'jane@example.com' } })
    ])
    expect(lines(steps)).toEqual([[[[1]]], [[[2]]]])
  })

  it('splits a step into batches of the batch size, one after another in one lane', () => {
    const small = route(1, 'customEvent', 2)
    const steps = planSteps(['a', 'b', 'c'].map((userId) => delivery(small, { type: 'track', userId })))
    expect(lines(steps)).toEqual([[[[1, 2], [3]]]])
  })

  it('places an event without any identifier in the first step', () => {
    const steps = planSteps([
      delivery(identify, { type: 'identify', userId: 'u1' }),
      delivery(track, { type: 'track', userId: 'u1' }),
      delivery(track, { type: 'track' })
    ])
    expect(lines(steps)).toEqual([[[[1]], [[3]]], [[[2]]]])
  })
})
