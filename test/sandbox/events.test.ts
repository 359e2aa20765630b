import { sandboxPerTest } from './http'

describe('custom events', () => {
  const context = sandboxPerTest()
  const track = (event: object) => context.api.post('/api/events/track', { email: 'ann@example.com', ...event })

  it('records a tracked event on its user, replying with the event’s id', async () => {
    const answer = await track({ eventName: 'Viewed', id: 'ev-1', createdAt: 1_700_000_000, dataFields: { page: '/' } })
    expect(answer).toMatchObject({ status: 200, body: { code: 'Success', params: { id: 'ev-1' } } })
    expect(context.sandbox.state.events({ email: 'ann@example.com' })).toEqual([
      {
        id: 'ev-1',
        eventType: 'customEvent',
        eventName: 'Viewed',
        createdAt: '2023-11-14 22:13:20 +00:00',
        dataFields: { page: '/' },
        email: 'ann@example.com'
      }
    ])
  })

  it('generates an id when none is sent', async () => {
    const answer = await track({ eventName: 'Viewed' })
    expect(answer.body.params).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/) })
  })

  it('updates the event already stored under an id that is sent again', async () => {
    await track({ eventName: 'Viewed', id: 'ev-1', dataFields: { n: 1 } })
    await track({ eventName: 'Viewed', id: 'ev-1', dataFields: { n: 2 } })
    expect(context.sandbox.state.events({ email: 'ann@example.com' })).toMatchObject([
      { id: 'ev-1', dataFields: { n: 2 } }
    ])
  })

  it('records every event of a trackBulk', async () => {
    const answer = await context.api.post('/api/events/trackBulk', {
      events: [
        { email: 'ann@example.com', eventName: 'One' },
        { email: 'ann@example.com', eventName: 'Two' }
      ]
    })
    expect(answer.body).toMatchObject({ successCount: 2, failCount: 0 })
    expect(context.sandbox.state.counts().events).toBe(2)
  })

  it('reads a user’s events newest first, by email or by userId', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    await track({ eventName: 'Old', createdAt: 1_600_000_000 })
    await track({ eventName: 'New', createdAt: 1_700_000_000 })
    const byEmail = await context.api.get('/api/events/ann%40example.com')
    const byUserId = await context.api.get('/api/events/byUserId/u-1')
    expect(byEmail.body).toMatchObject({ events: [{ eventName: 'New' }, { eventName: 'Old' }] })
    expect(byUserId.body).toEqual(byEmail.body)
  })

  it('reads at most `limit` events, 30 by default', async () => {
    const events = Array.from({ length: 35 }, (_, index) => ({ email: 'ann@example.com', eventName: `e${index}` }))
    await context.api.post('/api/events/trackBulk', { events })
    expect((await context.api.get('/api/events/ann%40example.com')).body.events).toHaveLength(30)
    expect((await context.api.get('/api/events/ann%40example.com?limit=5')).body.events).toHaveLength(5)
  })

  it('refuses a limit outside 1 to 200', async () => {
    const answer = await context.api.get('/api/events/ann%40example.com?limit=201')
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadParams' } })
  })

  it('reads no events for an unknown user', async () => {
    expect((await context.api.get('/api/events/byUserId/nobody')).body).toEqual({ events: [] })
  })
})
