import { sandboxPerTest } from './http'

const mug = { id: 'sku-1', name: 'Mug', price: 12.5, quantity: 2 }
const tea = { id: 'sku-2', name: 'Tea', price: 4, quantity: 1, dataFields: { blend: 'earl grey' } }

describe('commerce', () => {
  const context = sandboxPerTest()
  const cartOf = (email: string) => context.sandbox.state.user({ email })?.dataFields.shoppingCartItems

  it('updateCart sets the user’s shoppingCartItems to the items sent', async () => {
    await context.api.post('/api/commerce/updateCart', { user: { email: 'ann@example.com' }, items: [mug] })
    const answer = await context.api.post('/api/commerce/updateCart', {
      user: { email: 'ann@example.com' },
      items: [tea]
    })
    expect(answer).toMatchObject({ status: 200, body: { code: 'Success' } })
    expect(cartOf('ann@example.com')).toEqual([tea])
  })

  it('updateCart creates the user and merges the user’s dataFields', async () => {
    await context.api.post('/api/commerce/updateCart', {
      user: { email: 'ann@example.com', dataFields: { plan: 'pro' } },
      items: [mug]
    })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })?.dataFields).toMatchObject({ plan: 'pro' })
  })

  it('trackPurchase records the purchase and clears the cart', async () => {
    await context.api.post('/api/commerce/updateCart', { user: { email: 'ann@example.com' }, items: [mug] })
    const answer = await context.api.post('/api/commerce/trackPurchase', {
      id: 'order-1',
      user: { email: 'ann@example.com' },
      items: [mug],
      total: 25,
      createdAt: 1_700_000_000,
      dataFields: { coupon: 'TEA' }
    })
    expect(answer).toMatchObject({ status: 200, body: { code: 'Success', params: { id: 'order-1' } } })
    expect(cartOf('ann@example.com')).toEqual([])
    expect(context.sandbox.state.purchases({ email: 'ann@example.com' })).toEqual([
      {
        id: 'order-1',
        eventType: 'purchase',
        createdAt: '2023-11-14 22:13:20 +00:00',
        total: 25,
        shoppingCartItems: [mug],
        dataFields: { coupon: 'TEA' },
        email: 'ann@example.com'
      }
    ])
  })

  it('trackPurchase creates the user it is about', async () => {
    await context.api.post('/api/commerce/trackPurchase', { user: { userId: 'u-1' }, items: [tea], total: 4 })
    expect(context.sandbox.state.purchases({ userId: 'u-1' })).toHaveLength(1)
  })

  it('updates the purchase already stored under an order id that is sent again', async () => {
    const purchase = { id: 'order-1', user: { email: 'ann@example.com' }, items: [mug] }
    await context.api.post('/api/commerce/trackPurchase', { ...purchase, total: 25 })
    await context.api.post('/api/commerce/trackPurchase', { ...purchase, total: 20 })
    expect(context.sandbox.state.purchases({ email: 'ann@example.com' })).toMatchObject([{ id: 'order-1', total: 20 }])
  })

  it('shows purchases among the user’s events', async () => {
    await context.api.post('/api/events/track', {
      email: 'ann@example.com',
      eventName: 'Viewed',
      createdAt: 1_600_000_000
    })
    await context.api.post('/api/commerce/trackPurchase', {
      user: { email: 'ann@example.com' },
      items: [mug],
      total: 25
    })
    const answer = await context.api.get('/api/events/ann%40example.com')
    expect(answer.body).toMatchObject({ events: [{ eventType: 'purchase', total: 25 }, { eventType: 'customEvent' }] })
  })

  it('refuses a commerce user without an email or a userId', async () => {
    const answer = await context.api.post('/api/commerce/updateCart', { user: { dataFields: {} }, items: [] })
    expect(answer).toMatchObject({ status: 400, body: { params: { problems: ['user needs an email or a userId'] } } })
  })
})
