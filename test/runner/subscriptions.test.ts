import type { SegmentEvent } from '@segment/actions-core'
import definition from '../../src'
import {
  parseSubscriptions,
  presetSubscriptions,
  routesFor,
  SubscriptionsError,
  toRoutes
} from '../../src/runner/subscriptions'

describe('default subscriptions', () => {
  const routes = toRoutes(presetSubscriptions(definition), definition)
  const actionsFor = (event: SegmentEvent) => routesFor(event, routes).map((route) => route.subscription.partnerAction)

  it('are the four presets that have a trigger', () => {
    expect(routes.map((route) => route.subscription.partnerAction)).toEqual([
      'customEvent',
      'upsertUser',
      'cartUpdates',
      'trackPurchase'
    ])
  })

  it('route each kind of event to exactly its action', () => {
    expect(actionsFor({ type: 'identify' })).toEqual(['upsertUser'])
    expect(actionsFor({ type: 'track', event: 'Signed Up' })).toEqual(['customEvent'])
    expect(actionsFor({ type: 'track', event: 'Cart Updated' })).toEqual(['cartUpdates'])
    expect(actionsFor({ type: 'track', event: 'Order Completed' })).toEqual(['trackPurchase'])
    expect(actionsFor({ type: 'page', name: 'Home' })).toEqual([])
  })

  it('batch the actions that can, up to 1001 events a call', () => {
    expect(routes.map((route) => route.batchSize)).toEqual([1001, 1001, 0, 0])
  })
})

describe('a subscriptions file', () => {
  it('gives a subscription without a mapping its action default mapping', () => {
    const [subscription] = parseSubscriptions(
      '[{"partnerAction":"customEvent","subscribe":"type = \\"track\\""}]',
      definition
    )
    expect(subscription.mapping).toMatchObject({ eventName: { '@path': '$.event' }, enable_batching: true })
  })

  it('reads batching from the mapping: off unless enable_batching is true, batch_size capped at 1001', () => {
    const subscriptions = parseSubscriptions(
      JSON.stringify([
        { partnerAction: 'customEvent', subscribe: 'type = "track"', mapping: { enable_batching: false } },
        {
          partnerAction: 'customEvent',
          subscribe: 'type = "track"',
          mapping: { enable_batching: true, batch_size: 50 }
        },
        {
          partnerAction: 'upsertUser',
          subscribe: 'type = "identify"',
          mapping: { enable_batching: true, batch_size: 5000 }
        }
      ]),
      definition
    )
    expect(toRoutes(subscriptions, definition).map((route) => route.batchSize)).toEqual([0, 50, 1001])
  })

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['not an array', '{}', /expected a non-empty JSON array/],
    [
      'an unknown action',
      '[{"partnerAction":"sendSms","subscribe":"type = \\"track\\""}]',
      /partnerAction must be one of customEvent, upsertUser, cartUpdates, trackPurchase/
    ],
    ['no trigger', '[{"partnerAction":"customEvent"}]', /subscribe must be an FQL condition/],
    [
      'a mapping that is not an object',
      '[{"partnerAction":"customEvent","subscribe":"type = \\"track\\"","mapping":[]}]',
      /mapping must be an object/
    ]
  ])('is refused when it has %s', (_case, text, message) => {
    expect(() => parseSubscriptions(text, definition)).toThrow(SubscriptionsError)
    expect(() => parseSubscriptions(text, definition)).toThrow(message)
  })

  it('is refused when a trigger is not valid FQL', () => {
    const subscriptions = parseSubscriptions(
      '[{"name":"Broken","partnerAction":"customEvent","subscribe":"type = = \\"track"}]',
      definition
    )
    expect(() => toRoutes(subscriptions, definition)).toThrow(/Broken: invalid subscribe condition/)
  })
})
