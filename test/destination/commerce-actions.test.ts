import { createTestIntegration, type SegmentEvent } from '@segment/actions-core'
import definition from '../../src'
import { API_KEY, captureBodies, EU, expectConformsTo, US } from '../helpers/iterable'

const destination = createTestIntegration(definition)
const settings = { apiKey: API_KEY }

const products = [
  {
    product_id: 'p-1',
    sku: 'SKU-1',
    category: 'Shoes',
    name: 'Runner',
    price: 89.5,
    quantity: 2,
    url: 'https://shop.example.com/p-1',
    image_url: 'https://shop.example.com/p-1.png',
    description: 'A light running shoe'
  }
]

const commerceEvent = (event: string, properties: Record<string, unknown> = {}): SegmentEvent => ({
  type: 'track',
  event,
  userId: 'user-1',
  messageId: 'msg-1',
  timestamp: '2023-05-17T10:00:00.000Z',
  properties: { products, ...properties },
  context: { traits: { email: 'ada@example.com', phone: '+14158675309', firstSeen: '2023-01-01T08:30:00+02:00' } }
})

const expectedItem = {
  id: 'p-1',
  sku: 'SKU-1',
  categories: ['Shoes'],
  name: 'Runner',
  price: 89.5,
  quantity: 2,
  url: 'https://shop.example.com/p-1',
  imageUrl: 'https://shop.example.com/p-1.png',
  description: 'A light running shoe'
}

const expectedUser = {
  email: 'ada@example.com',
  userId: 'user-1',
  dataFields: {
    email: 'ada@example.com',
    phone: '+14158675309',
    firstSeen: '2023-01-01 06:30:00 +00:00',
    phoneNumber: '+14158675309'
  },
  mergeNestedObjects: false
}

describe('cartUpdates', () => {
  it("replaces the user's cart on commerce/updateCart with the default mappings", async () => {
    const bodies = captureBodies(US, '/api/commerce/updateCart')
    await destination.testAction('cartUpdates', {
      event: commerceEvent('Cart Updated'),
      settings,
      useDefaultMappings: true
    })
    expect(bodies).toEqual([{ user: expectedUser, items: [expectedItem] }])
    expectConformsTo('UpdateCartRequest', bodies[0])
  })

  it('goes to the EU data center when Europe is configured', async () => {
    const bodies = captureBodies(EU, '/api/commerce/updateCart')
    await destination.testAction('cartUpdates', {
      event: commerceEvent('Cart Updated'),
      settings: { apiKey: API_KEY, dataCenterLocation: 'europe' },
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
  })

  it("moves an item's extra values into its dataFields, converting dates", async () => {
    const bodies = captureBodies(US, '/api/commerce/updateCart')
    await destination.testAction('cartUpdates', {
      event: commerceEvent('Cart Updated'),
      mapping: {
        user: { userId: { '@path': '$.userId' } },
        items: [{ id: 'p-1', name: 'Runner', price: 1, quantity: 1, color: 'red', restockAt: '2023-07-01T12:00:00Z' }]
      },
      settings
    })
    expect(bodies).toEqual([
      {
        user: { userId: 'user-1' },
        items: [
          {
            id: 'p-1',
            name: 'Runner',
            price: 1,
            quantity: 1,
            dataFields: { color: 'red', restockAt: '2023-07-01 12:00:00 +00:00' }
          }
        ]
      }
    ])
  })

  it('refuses a cart whose user has no email and no userId, sending nothing', async () => {
    const bodies = captureBodies(US, '/api/commerce/updateCart')
    await expect(
      destination.testAction('cartUpdates', {
        event: { ...commerceEvent('Cart Updated'), userId: null, context: {} },
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow('Must include email or userId.')
    expect(bodies).toHaveLength(0)
  })

  it('refuses an item without the fields Iterable requires', async () => {
    await expect(
      destination.testAction('cartUpdates', {
        event: commerceEvent('Cart Updated', { products: [{ product_id: 'p-1', name: 'Runner', price: 1 }] }),
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow(/quantity/)
  })
})

describe('trackPurchase', () => {
  const order = commerceEvent('Order Completed', {
    order_id: 'order-1',
    total: 179,
    coupon: 'SPRING',
    paidAt: '2023-05-17T09:59:00Z',
    campaignId: 11,
    templateId: 22
  })

  it('tracks the purchase on commerce/trackPurchase with the default mappings', async () => {
    const bodies = captureBodies(US, '/api/commerce/trackPurchase')
    await destination.testAction('trackPurchase', { event: order, settings, useDefaultMappings: true })
    expect(bodies).toEqual([
      {
        id: 'order-1',
        user: expectedUser,
        items: [expectedItem],
        total: 179,
        createdAt: 1684317600,
        dataFields: {
          order_id: 'order-1',
          total: 179,
          coupon: 'SPRING',
          paidAt: '2023-05-17 09:59:00 +00:00',
          campaignId: 11,
          templateId: 22
        },
        campaignId: 11,
        templateId: 22
      }
    ])
    expectConformsTo('TrackPurchaseRequest', bodies[0])
  })

  it('drops products from the purchase dataFields: they travel as items', async () => {
    const bodies = captureBodies(US, '/api/commerce/trackPurchase')
    await destination.testAction('trackPurchase', { event: order, settings, useDefaultMappings: true })
    expect(bodies[0]).not.toHaveProperty('dataFields.products')
  })

  it('goes to the EU data center when Europe is configured', async () => {
    const bodies = captureBodies(EU, '/api/commerce/trackPurchase')
    await destination.testAction('trackPurchase', {
      event: order,
      settings: { apiKey: API_KEY, dataCenterLocation: 'europe' },
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
  })

  it('refuses an order without a total', async () => {
    await expect(
      destination.testAction('trackPurchase', {
        event: commerceEvent('Order Completed', { order_id: 'order-1' }),
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow(/total/)
  })

  it('refuses a purchase whose user has no email and no userId, sending nothing', async () => {
    const bodies = captureBodies(US, '/api/commerce/trackPurchase')
    await expect(
      destination.testAction('trackPurchase', {
        event: { ...order, userId: null, context: {} },
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow('Must include email or userId.')
    expect(bodies).toHaveLength(0)
  })
})
