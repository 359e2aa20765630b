import { createTestIntegration } from '@segment/actions-core'
import definition from '../../src'
import { commerceEvent, expectedItem, expectedUser } from '../helpers/commerce-events'
import { API_KEY, captureBodies, EU, expectConformsTo, US } from '../helpers/iterable'

const destination = createTestIntegration(definition)
const settings = { apiKey: API_KEY }

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
