import { setTimeout as sleep } from 'node:timers/promises'
import { MAX_REQUEST_BODY_BYTES } from '../../src/iterable/endpoints'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { apiFor, sandboxPerTest } from './http'

/** A trackBulk body of exactly `bytes` bytes. */
function trackBulkOfSize(bytes: number): string {
  const shell = JSON.stringify({ events: [{ email: 'ann@example.com', eventName: 'e', dataFields: { pad: '' } }] })
  return shell.replace('"pad":""', `"pad":"${'x'.repeat(bytes - shell.length)}"`)
}

describe('the request body limit', () => {
  const context = sandboxPerTest()

  it(`accepts a body of exactly ${MAX_REQUEST_BODY_BYTES} bytes`, async () => {
    const answer = await context.api.send('POST', '/api/events/trackBulk', trackBulkOfSize(MAX_REQUEST_BODY_BYTES))
    expect(answer).toMatchObject({ status: 200, body: { successCount: 1 } })
  })

  it('answers 413 to one byte more, processing nothing', async () => {
    const answer = await context.api.send('POST', '/api/events/trackBulk', trackBulkOfSize(MAX_REQUEST_BODY_BYTES + 1))
    expect(answer.status).toBe(413)
    expect(context.sandbox.state.counts().events).toBe(0)
  })
})

describe('rate limits', () => {
  let sandbox: Sandbox | undefined
  const start = async (rateScale?: number) => {
    sandbox = await startSandbox({ rateScale })
    return apiFor(sandbox.url)
  }
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
  })
  const bulkUpdate = { users: [{ email: 'ann@example.com' }] }

  it('answer 429 RateLimitExceeded past an endpoint’s documented rate (bulkUpdate: 5 requests/second)', async () => {
    const api = await start()
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.post('/api/users/bulkUpdate', bulkUpdate)))
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 429])
    expect(answers.find((answer) => answer.status === 429)?.body).toMatchObject({ code: 'RateLimitExceeded' })
  })

  it.each([
    ['POST', '/api/events/track', 2000],
    ['POST', '/api/events/trackBulk', 10],
    ['POST', '/api/users/update', 500],
    ['POST', '/api/users/bulkUpdate', 5],
    ['DELETE', '/api/users/ann%40example.com', 100],
    ['DELETE', '/api/users/byUserId/u-1', 100],
    ['GET', '/api/users/getByEmail?email=ann%40example.com', 100],
    ['GET', '/api/users/byUserId/u-1', 100],
    ['GET', '/api/events/ann%40example.com', 100],
    ['GET', '/api/events/byUserId/u-1', 100],
    // Iterable publishes no limit for these; the sandbox allows them 2000 requests/second.
    ['POST', '/api/users/updateEmail', 2000],
    ['POST', '/api/commerce/updateCart', 2000],
    ['POST', '/api/commerce/trackPurchase', 2000],
    ['GET', '/api/webhooks', 2000]
  ])('hold %s %s to %d requests/second', async (method, path, perSecond) => {
    // Scaled so that the budget is two requests: the third in a row is refused.
    const api = await start(2 / perSecond)
    const statuses = []
    for (let i = 0; i < 3; i += 1)
      statuses.push((await api.send(method, path, method === 'GET' ? undefined : '{}')).status)
    expect(statuses[0]).not.toBe(429)
    expect(statuses[1]).not.toBe(429)
    expect(statuses[2]).toBe(429)
  })

  it('are counted per endpoint', async () => {
    const api = await start(0.2)
    expect((await api.post('/api/users/bulkUpdate', bulkUpdate)).status).toBe(200)
    expect((await api.post('/api/users/bulkUpdate', bulkUpdate)).status).toBe(429)
    expect((await api.post('/api/users/update', { email: 'ann@example.com' })).status).toBe(200)
  })

  it('scale with rateScale: 10 allows ten times the documented rate', async () => {
    const api = await start(10)
    const answers = await Promise.all(Array.from({ length: 40 }, () => api.post('/api/users/bulkUpdate', bulkUpdate)))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
  })

  it('refill as time passes', async () => {
    const api = await start(0.2)
    await api.post('/api/events/trackBulk', { events: [] })
    await api.post('/api/events/trackBulk', { events: [] })
    expect((await api.post('/api/events/trackBulk', { events: [] })).status).toBe(429)
    await sleep(550)
    expect((await api.post('/api/events/trackBulk', { events: [] })).status).toBe(200)
  })

  it('start afresh after POST /sandbox/reset', async () => {
    const api = await start(0.2)
    await api.post('/api/users/bulkUpdate', bulkUpdate)
    await api.post('/sandbox/reset')
    expect((await api.post('/api/users/bulkUpdate', bulkUpdate)).status).toBe(200)
  })
})
