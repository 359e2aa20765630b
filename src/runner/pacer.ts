import { setTimeout as sleep } from 'node:timers/promises'
import { ENDPOINTS } from '../iterable/endpoints'

interface Limit {
  method: string
  pattern: RegExp
  /** Milliseconds between two requests to the endpoint. */
  interval: number
}

/** Iterable's documented limits as request patterns; `{param}` segments match any one segment. */
function documentedLimits(scale: number): Limit[] {
  return Object.values(ENDPOINTS).flatMap((endpoint) => {
    const perSecond: number | undefined = 'requestsPerSecond' in endpoint ? endpoint.requestsPerSecond : undefined
    if (perSecond === undefined) return []
    const pattern = new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, '[^/]+')}$`)
    return [{ method: endpoint.method, pattern, interval: 1000 / (perSecond * scale) }]
  })
}

/**
 * Spaces the requests to each Iterable endpoint evenly at its documented rate, so that no second
 * carries more than the limit. Requests to endpoints without a documented limit pass at once.
 */
export class RequestPacer {
  private readonly limits: Limit[]
  private readonly nextSlot = new Map<Limit, number>()

  /** `scale` multiplies every limit (a sandbox started with the same `rateScale` allows as much). */
  constructor(scale = 1) {
    this.limits = documentedLimits(scale)
  }

  /** Resolves when a request to `method` `pathname` may be sent, and takes that turn. */
  async wait(method: string, pathname: string): Promise<void> {
    const limit = this.limitOf(method, pathname)
    if (!limit) return
    const slot = Math.max(performance.now(), this.nextSlot.get(limit) ?? 0)
    this.nextSlot.set(limit, slot + limit.interval)
    await until(slot)
  }

  /** Resolves when a request to `method` `pathname` could be sent at once; unlike `wait`, takes no turn. */
  async whenFree(method: string, pathname: string): Promise<void> {
    const limit = this.limitOf(method, pathname)
    if (limit) await until(this.nextSlot.get(limit) ?? 0)
  }

  private limitOf(method: string, pathname: string): Limit | undefined {
    return this.limits.find((candidate) => candidate.method === method && candidate.pattern.test(pathname))
  }
}

/** Resolves at `time` by performance.now(). */
async function until(time: number): Promise<void> {
  // Timers may fire up to a millisecond early by this clock; wait until the time has truly come.
  for (let wait = time - performance.now(); wait > 0; wait = time - performance.now()) await sleep(Math.ceil(wait))
}
