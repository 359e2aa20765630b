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

/** Makes a call; resolves once its deliveries have their outcomes, and never rejects. */
export type SendCall = (call: Call) => Promise<void>

/** Resolves when a call for `route` would go out at once rather than wait for its turn at Iterable's rate limit. */
export type TurnOf = (route: Route) => Promise<void>

/** A delivery given to the dispatcher: when it joined its subscription's queue, and when its call ended. */
interface Tracked {
  delivery: Delivery
  queued: Promise<void>
  done: Promise<void>
  markQueued(): void
  markDone(): void
}

function tracked(delivery: Delivery): Tracked {
  let markQueued = () => {}
  let markDone = () => {}
  const queued = new Promise<void>((resolve) => (markQueued = resolve))
  const done = new Promise<void>((resolve) => (markDone = resolve))
  return { delivery, queued, done, markQueued, markDone }
}

/** A batching subscription's deliveries, sent in input order one batch at a time. */
interface BatchLane {
  route: Route
  waiting: Tracked[]
  busy: boolean
  pumpScheduled: boolean
}

/**
 * Sends deliveries as they come, as soon as each user's order allows: a delivery waits until its user's
 * previous delivery has been made, except that it queues right behind it when both go to the same
 * batching subscription, whose batches go one after another in input order. Different users' deliveries
 * never wait for each other, so a batching subscription keeps sending while other users' single calls
 * and retries are under way.
 *
 * A batching subscription sends a batch once it has a full one, or, with `mayFlush` set, whatever it
 * has: the caller sets it when no more deliveries will come for now (the input ended, or as much is in
 * flight as it allows), so batches are as full as the input makes them. A batch that is not full is
 * made up only when `turnOf` says it could go out at once: deliveries that arrive while its
 * subscription waits for its turn at the rate limit still join it, instead of waiting a turn more.
 */
export class Dispatcher {
  /** The latest delivery of each user key whose call has not ended. */
  private readonly latest = new Map<string, Tracked>()
  private readonly lanes = new Map<Route, BatchLane>()
  private flushing = false

  constructor(
    private readonly send: SendCall,
    private readonly turnOf: TurnOf = async () => {}
  ) {}

  add(delivery: Delivery): void {
    const entry = tracked(delivery)
    const batching = delivery.route.batchSize > 0
    const before = new Set<Tracked>()
    for (const key of delivery.userKeys) {
      const previous = this.latest.get(key)
      if (previous) before.add(previous)
      this.latest.set(key, entry)
    }
    void entry.done.then(() => {
      for (const key of delivery.userKeys) if (this.latest.get(key) === entry) this.latest.delete(key)
    })
    if (before.size === 0) return this.enqueue(entry)
    const ready = [...before].map((previous) =>
      batching && previous.delivery.route === delivery.route ? previous.queued : previous.done
    )
    void Promise.all(ready).then(() => this.enqueue(entry))
  }

  /** Lets batching subscriptions send batches that are not full, or asks them to wait for full ones again. */
  set mayFlush(value: boolean) {
    if (value === this.flushing) return
    this.flushing = value
    if (value) for (const lane of this.lanes.values()) this.pump(lane)
  }

  private enqueue(entry: Tracked): void {
    entry.markQueued()
    const { route } = entry.delivery
    if (route.batchSize === 0) return void this.call(route, [entry])
    let lane = this.lanes.get(route)
    if (!lane) {
      lane = { route, waiting: [], busy: false, pumpScheduled: false }
      this.lanes.set(route, lane)
    }
    lane.waiting.push(entry)
    this.schedulePump(lane)
  }

  /**
   * Pumps once the current burst of deliveries is queued: the end of a call releases its users' next
   * deliveries one promise reaction at a time, and a batch sent at the first of them would leave the
   * rest for the next.
   */
  private schedulePump(lane: BatchLane): void {
    if (lane.pumpScheduled) return
    lane.pumpScheduled = true
    setImmediate(() => {
      lane.pumpScheduled = false
      this.pump(lane)
    })
  }

  private pump(lane: BatchLane): void {
    const { route, waiting } = lane
    const full = waiting.length >= route.batchSize
    if (lane.busy || waiting.length === 0 || (!full && !this.flushing)) return
    lane.busy = true
    void (full ? Promise.resolve() : this.turnOf(route))
      .then(() => this.call(route, waiting.splice(0, route.batchSize)))
      .then(() => {
        lane.busy = false
        this.schedulePump(lane)
      })
  }

  private async call(route: Route, entries: Tracked[]): Promise<void> {
    await this.send({ route, deliveries: entries.map((entry) => entry.delivery) })
    for (const entry of entries) entry.markDone()
  }
}
