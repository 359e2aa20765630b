import type { SegmentEvent } from '@segment/actions-core'
import type { Route } from './subscriptions'

/** One event on its way to one subscription. */
export interface Delivery {
  line: number
  event: SegmentEvent
  route: Route
  /** See `userKeysOf`. */
  userKeys: string[]
}

/** One call to the destination: a single event, or a batch of events for the same subscription. */
export interface Call {
  route: Route
  deliveries: Delivery[]
}

/** Calls that must run one after another, in order. */
export type Lane = Call[]

/** Lanes that may run at the same time; a step starts when the previous one has finished. */
export type Step = Lane[]

/**
 * Orders deliveries into steps so that each user's deliveries happen in input order while everything
 * else runs together. A delivery goes one step after its user's previous delivery, except that it
 * joins that delivery's step when both go to the same batching subscription: they then travel in the
 * same lane of batches, in input order. Within a step, a batching subscription's deliveries form one
 * lane of batches of up to its batch size; every other delivery is a lane of its own.
 */
export function planSteps(deliveries: readonly Delivery[]): Step[] {
  const latest = new Map<string, { step: number; routeIndex: number }>()
  const byStep: Delivery[][] = []
  for (const delivery of deliveries) {
    const batching = delivery.route.batchSize > 0
    let step = 0
    for (const key of delivery.userKeys) {
      const previous = latest.get(key)
      if (!previous) continue
      const sameBatchLane = batching && previous.routeIndex === delivery.route.index
      step = Math.max(step, sameBatchLane ? previous.step : previous.step + 1)
    }
    for (const key of delivery.userKeys) latest.set(key, { step, routeIndex: delivery.route.index })
    ;(byStep[step] ??= []).push(delivery)
  }
  return byStep.map(toLanes)
}

function toLanes(deliveries: Delivery[]): Step {
  const batchLanes = new Map<number, Lane>()
  const lanes: Lane[] = []
  for (const delivery of deliveries) {
    const { route } = delivery
    if (route.batchSize === 0) {
      lanes.push([{ route, deliveries: [delivery] }])
      continue
    }
    let lane = batchLanes.get(route.index)
    if (!lane) {
      lane = []
      batchLanes.set(route.index, lane)
      lanes.push(lane)
    }
    const open = lane[lane.length - 1]
    if (open && open.deliveries.length < route.batchSize) open.deliveries.push(delivery)
    else lane.push({ route, deliveries: [delivery] })
  }
  return lanes
}
