/**
 * Iterable's per-project, per-endpoint rate limits, as one token bucket per endpoint: it holds up to one
 * second's worth of requests and refills continuously, so a steady stream at the documented rate always
 * passes and anything faster is answered 429. O(1) per request, whatever the traffic.
 */

interface Bucket {
  tokens: number
  refilledAt: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  /** `scale` multiplies every limit: 10 allows ten times the documented rate, 0.1 a tenth of it. */
  constructor(private readonly scale: number) {
    if (!(scale > 0 && Number.isFinite(scale)))
      throw new RangeError(`rateScale must be a positive number, not ${scale}`)
  }

  /** Takes one request from `endpoint`'s budget of `perSecond` (before scaling); false when it is spent. */
  tryTake(endpoint: string, perSecond: number, now = performance.now()): boolean {
    const rate = perSecond * this.scale
    // A bucket smaller than one request would never let anything through.
    const capacity = Math.max(1, rate)
    const bucket = this.buckets.get(endpoint) ?? { tokens: capacity, refilledAt: now }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.refilledAt) / 1000) * rate)
    bucket.refilledAt = now
    this.buckets.set(endpoint, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  reset(): void {
    this.buckets.clear()
  }
}
