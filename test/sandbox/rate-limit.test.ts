import { RateLimiter } from '../../src/sandbox/rate-limit'

describe('the rate limiter’s token bucket', () => {
  it('lets a full second’s worth of requests through at once, then refuses', () => {
    const limiter = new RateLimiter(1)
    const taken = Array.from({ length: 11 }, () => limiter.tryTake('trackBulk', 10, 0))
    expect(taken.filter(Boolean)).toHaveLength(10)
    expect(taken[10]).toBe(false)
  })

  it('refills at the documented rate', () => {
    const limiter = new RateLimiter(1)
    for (let i = 0; i < 10; i += 1) limiter.tryTake('trackBulk', 10, 0)
    expect(limiter.tryTake('trackBulk', 10, 50)).toBe(false)
    expect(limiter.tryTake('trackBulk', 10, 100)).toBe(true)
  })

  it('never holds more than a second’s worth, however long it idles', () => {
    const limiter = new RateLimiter(1)
    limiter.tryTake('bulkUpdate', 5, 0)
    const taken = Array.from({ length: 6 }, () => limiter.tryTake('bulkUpdate', 5, 60_000))
    expect(taken.filter(Boolean)).toHaveLength(5)
  })

  it('lets one request through even when the scaled rate is below one per second', () => {
    const limiter = new RateLimiter(0.01)
    expect(limiter.tryTake('bulkUpdate', 5, 0)).toBe(true)
    expect(limiter.tryTake('bulkUpdate', 5, 1000)).toBe(false)
    expect(limiter.tryTake('bulkUpdate', 5, 20_000)).toBe(true)
  })

  it('refuses a scale that is not a positive number', () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError)
    expect(() => new RateLimiter(Number.NaN)).toThrow(RangeError)
  })
})
