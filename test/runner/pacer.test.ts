import { RequestPacer } from '../../src/runner/pacer'

async function timesOf(pacer: RequestPacer, method: string, path: string, count: number): Promise<number[]> {
  const started = performance.now()
  return Promise.all(
    Array.from({ length: count }, () => pacer.wait(method, path).then(() => performance.now() - started))
  )
}

describe('pacing requests to Iterable', () => {
  it('spaces requests to an endpoint at its documented rate (users/bulkUpdate: 5 a second, here scaled by 10)', async () => {
    const times = (await timesOf(new RequestPacer(10), 'POST', '/api/users/bulkUpdate', 4)).sort((a, b) => a - b)
    // One every 20 ms: the k-th request waits at least k × 20 ms.
    times.forEach((time, k) => expect(time).toBeGreaterThanOrEqual(k * 20))
    expect(times[3]).toBeLessThan(200)
  })

  it('paces each endpoint on its own', async () => {
    const pacer = new RequestPacer(10)
    await pacer.wait('POST', '/api/users/bulkUpdate')
    const [trackBulk] = await timesOf(pacer, 'POST', '/api/events/trackBulk', 1)
    expect(trackBulk).toBeLessThan(10)
  })

  it('lets requests to endpoints without a documented limit through at once', async () => {
    const times = await timesOf(new RequestPacer(), 'POST', '/api/commerce/updateCart', 20)
    expect(Math.max(...times)).toBeLessThan(20)
  })

  it('matches endpoints with a path parameter by their pattern', async () => {
    const times = (await timesOf(new RequestPacer(10), 'GET', '/api/users/byUserId/u-1', 3)).sort((a, b) => a - b)
    // 100 a second scaled by 10: one every millisecond.
    expect(times[2]).toBeGreaterThanOrEqual(2)
  })
})

describe('knowing when an endpoint is free', () => {
  it('resolves once the next request to the endpoint could go, without taking that turn', async () => {
    const pacer = new RequestPacer(10)
    const started = performance.now()
    await pacer.wait('POST', '/api/users/bulkUpdate')
    await pacer.whenFree('POST', '/api/users/bulkUpdate')
    // One request every 20 ms: free again 20 ms after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(19)
    const [next] = await timesOf(pacer, 'POST', '/api/users/bulkUpdate', 1)
    expect(next).toBeLessThan(15)
  })

  it('resolves at once for an endpoint nothing has been sent to, or without a documented limit', async () => {
    const pacer = new RequestPacer()
    const started = performance.now()
    await pacer.whenFree('POST', '/api/events/trackBulk')
    await pacer.whenFree('POST', '/api/commerce/updateCart')
    expect(performance.now() - started).toBeLessThan(15)
  })
})
