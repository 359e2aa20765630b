import { sandboxPerTest } from './http'

describe('request bodies are checked against Iterable definitions', () => {
  const context = sandboxPerTest()

  it('answers 400 BadParams naming a field of the wrong type', async () => {
    const answer = await context.api.post('/api/events/track', { email: 'a@example.com', eventName: 7 })
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'BadParams', params: { problems: ['eventName must be a string'] } }
    })
    expect(answer.body.msg).toContain('eventName must be a string')
  })

  it('answers 400 BadParams naming a missing required field', async () => {
    const answer = await context.api.post('/api/events/track', { email: 'a@example.com' })
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'BadParams', params: { problems: ['eventName is required'] } }
    })
  })

  it('rejects a property Iterable does not define, so none can leak through unnoticed', async () => {
    const answer = await context.api.post('/api/users/update', { email: 'a@example.com', traits: { plan: 'pro' } })
    expect(answer).toMatchObject({
      status: 400,
      body: { params: { problems: ['traits is not a property Iterable defines'] } }
    })
    expect(context.sandbox.state.user({ email: 'a@example.com' })).toBeUndefined()
  })

  it('names the item of a bulk request that breaks the definition', async () => {
    const answer = await context.api.post('/api/events/trackBulk', {
      events: [
        { email: 'a@example.com', eventName: 'ok' },
        { email: 'b@example.com', eventName: 'late', createdAt: 1.5 }
      ]
    })
    expect(answer).toMatchObject({
      status: 400,
      body: { params: { problems: ['events[1].createdAt must be an integer'] } }
    })
    expect(context.sandbox.state.counts().events).toBe(0)
  })

  it('checks nested definitions such as the commerce items of a purchase', async () => {
    const answer = await context.api.post('/api/commerce/trackPurchase', {
      user: { email: 'a@example.com' },
      items: [{ id: 'sku-1', name: 'Mug', price: 5, quantity: 1, colour: 'blue' }],
      total: 5
    })
    expect(answer.body.params).toEqual({ problems: ['items[0].colour is not a property Iterable defines'] })
  })

  it('answers 400 BadJsonBody to a body that is not JSON', async () => {
    const answer = await context.api.send('POST', '/api/users/update', '{"email": ')
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadJsonBody' } })
  })

  it('needs an email or a userId to know whom a call is about', async () => {
    const answer = await context.api.post('/api/events/track', { eventName: 'orphan' })
    expect(answer).toMatchObject({
      status: 400,
      body: { params: { problems: ['the body needs an email or a userId'] } }
    })
  })

  it('needs an email or a userId on every user of a bulk update, naming the one without', async () => {
    const answer = await context.api.post('/api/users/bulkUpdate', {
      users: [{ email: 'a@example.com' }, { dataFields: {} }]
    })
    expect(answer).toMatchObject({
      status: 400,
      body: { params: { problems: ['users[1] needs an email or a userId'] } }
    })
  })

  it('refuses event ids longer than 512 bytes, as Iterable documents', async () => {
    const answer = await context.api.post('/api/events/track', {
      email: 'a@example.com',
      eventName: 'e',
      id: 'x'.repeat(513)
    })
    expect(answer.body.params).toEqual({ problems: ['id cannot be longer than 512 bytes'] })
  })

  it('refuses a createdAt in milliseconds: Iterable expects unix seconds', async () => {
    const answer = await context.api.post('/api/events/track', {
      email: 'a@example.com',
      eventName: 'e',
      createdAt: 1_700_000_000_000
    })
    expect(answer.body.params).toEqual({ problems: ['createdAt must be a unix timestamp in seconds'] })
  })

  it('answers 404 NotFound to a route the sandbox does not model', async () => {
    const answer = await context.api.get('/api/campaigns')
    expect(answer).toMatchObject({ status: 404, body: { code: 'NotFound' } })
  })
})
