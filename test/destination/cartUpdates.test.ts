import { createTestIntegration } from '@segment/actions-core'
import definition from '../../src'
import { commerceEvent, expectedItem, expectedUser } from '../helpers/commerce-events'
import { API_KEY, captureBodies, EU, expectConformsTo, US } from '../helpers/iterable'

const destination = createTestIntegration(definition)
const settings = { apiKey: API_KEY }

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
