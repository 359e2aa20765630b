import { startSandbox, type FaultOptions, type Sandbox } from '../../src/sandbox'
import { API_KEY, apiFor } from './http'

describe('injected faults', () => {
  let started: Sandbox | undefined
  const start = async (faults?: FaultOptions) => {
    const sandbox = await startSandbox({ faults })
    started = sandbox
    return { api: apiFor(sandbox.url), sandbox }
  }
  afterEach(async () => {
    await started?.close()
    started = undefined
  })
  const update = { email: 'ann@example.com' }

  it('a serverErrorRate of 1 answers every API request 500 GenericError, processing none', async () => {
    const { api, sandbox } = await start({ serverErrorRate: 1 })
    const answer = await api.post('/api/users/update', update)
    expect(answer).toMatchObject({ status: 500, body: { code: 'GenericError' } })
    expect(sandbox.state.counts().users).toBe(0)
  })

  it('serverErrorStatus chooses the 5xx', async () => {
    const { api } = await start({ serverErrorRate: 1, serverErrorStatus: 503 })
    expect((await api.get('/api/webhooks')).status).toBe(503)
  })

  it('draws random 5xx from the seed: the same seed gives the same failures', async () => {
    const statusesWithSeed = async (seed: number) => {
      const seeded = await startSandbox({ faults: { serverErrorRate: 0.5, seed } })
      const api = apiFor(seeded.url)
      const statuses: number[] = []
      for (let i = 0; i < 20; i += 1) statuses.push((await api.get('/api/webhooks')).status)
      await seeded.close()
      return statuses
    }
    const first = await statusesWithSeed(42)
    expect(first).toContain(200)
    expect(first).toContain(500)
    expect(await statusesWithSeed(42)).toEqual(first)
    expect(await statusesWithSeed(7)).not.toEqual(first)
  })

  it('a rateLimitBurst answers the next requests 429 RateLimitExceeded, then lets them through', async () => {
    const { api } = await start({ rateLimitBurst: { count: 2 } })
    const statuses = [await api.get('/api/webhooks'), await api.get('/api/webhooks'), await api.get('/api/webhooks')]
    expect(statuses.map((answer) => answer.status)).toEqual([429, 429, 200])
    expect(statuses[0].body).toMatchObject({ code: 'RateLimitExceeded' })
    expect(statuses[0].headers.get('retry-after')).toBeNull()
  })

  it('a rateLimitBurst with retryAfterSeconds sends Retry-After', async () => {
    const { api } = await start({ rateLimitBurst: { count: 1, retryAfterSeconds: 3 } })
    expect((await api.get('/api/webhooks')).headers.get('retry-after')).toBe('3')
  })

  it('latencyMs delays every reply', async () => {
    const { api } = await start({ latencyMs: 150 })
    const started = performance.now()
    await api.get('/api/webhooks')
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('a dropConnectionRate of 1 processes the request, then cuts the connection mid-reply', async () => {
    const { api, sandbox } = await start({ dropConnectionRate: 1 })
    await expect(api.post('/api/users/update', update)).rejects.toThrow()
    expect(sandbox.state.user(update)).toBeDefined()
  })

  it('a malformedJsonRate of 1 processes the request, then answers with truncated JSON', async () => {
    const { sandbox } = await start({ malformedJsonRate: 1 })
    const response = await fetch(`${sandbox.url}/api/users/update`, {
      method: 'POST',
      headers: { 'api-key': API_KEY },
      body: JSON.stringify(update)
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    const text = await response.text()
    expect(text).toMatch(/^\{"msg":/)
    expect(() => JSON.parse(text)).toThrow()
    expect(sandbox.state.user(update)).toBeDefined()
  })

  it('can be changed while the sandbox runs, through the handle', async () => {
    const { api, sandbox } = await start()
    sandbox.faults.set({ serverErrorRate: 1 })
    expect((await api.get('/api/webhooks')).status).toBe(500)
    sandbox.faults.clear()
    expect((await api.get('/api/webhooks')).status).toBe(200)
  })

  it('can be changed over HTTP through POST and DELETE /sandbox/faults', async () => {
    const { api } = await start()
    const set = await api.post('/sandbox/faults', { serverErrorRate: 1 })
    expect(set.body).toEqual({ faults: { serverErrorRate: 1 } })
    expect((await api.get('/api/webhooks')).status).toBe(500)
    await api.delete('/sandbox/faults')
    expect((await api.get('/api/webhooks')).status).toBe(200)
  })

  it('refuses options it does not know or values out of range', async () => {
    const { api, sandbox } = await start()
    const answer = await api.post('/sandbox/faults', { serverErrorRate: 2, slowness: 1 })
    expect(answer.body).toMatchObject({
      code: 'BadParams',
      params: { problems: ['slowness is not a fault option', 'serverErrorRate must be a number from 0 to 1'] }
    })
    expect(() => sandbox.faults.set({ latencyMs: -1 })).toThrow(RangeError)
  })

  it('leave the sandbox’s own routes alone', async () => {
    const { api } = await start({ serverErrorRate: 1 })
    expect((await api.post('/sandbox/reset')).status).toBe(200)
  })
})
