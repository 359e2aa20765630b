import { defaultValues, Destination, type SegmentEvent, type Subscription } from '@segment/actions-core'
import nock from 'nock'
import definition from '../../src'
import { API_KEY, SUCCESS, US } from '../helpers/iterable'

const presets = definition.presets ?? []
const automatic = presets.filter(
  (preset): preset is Extract<typeof preset, { type: 'automatic' }> => preset.type === 'automatic'
)

describe('automatic presets', () => {
  it.each([
    ['Track Calls', 'type = "track" and event != "Order Completed" and event != "Cart Updated"', 'customEvent'],
    ['Identify Calls', 'type = "identify"', 'upsertUser'],
    ['Update Cart Calls', 'type = "track" and event = "Cart Updated"', 'cartUpdates'],
    ['Order Completed Calls', 'type = "track" and event = "Order Completed"', 'trackPurchase']
  ])('"%s" triggers on %s and runs %s with its default mapping', (name, subscribe, partnerAction) => {
    expect(automatic.find((preset) => preset.name === name)).toEqual({
      name,
      subscribe,
      partnerAction,
      mapping: defaultValues(definition.actions[partnerAction].fields),
      type: 'automatic'
    })
  })
})

describe('Linked Audiences and Journeys presets', () => {
  it.each([
    ['Associated Entity Added', 'warehouse_entity_added_track', 'customEvent', '$.properties'],
    ['Associated Entity Removed', 'warehouse_entity_removed_track', 'customEvent', '$.properties'],
    ['Entities Audience Entered', 'warehouse_audience_entered_track', 'customEvent', '$.properties'],
    ['Entities Audience Exited', 'warehouse_audience_exited_track', 'customEvent', '$.properties'],
    [
      'Entities Audience Membership Changed',
      'warehouse_audience_membership_changed_identify',
      'upsertUser',
      '$.traits'
    ],
    ['Journeys Step Transition Track', 'journeys_step_entered_track', 'customEvent', '$.properties'],
    ['Journeys Step Entered', 'journeys_step_entered_track', 'customEvent', '$.properties']
  ])('"%s" (%s) runs %s with dataFields from %s', (name, eventSlug, partnerAction, dataPath) => {
    expect(presets.find((preset) => preset.name === name)).toEqual({
      name,
      partnerAction,
      eventSlug,
      type: 'specificEvent',
      mapping: { ...defaultValues(definition.actions[partnerAction].fields), dataFields: { '@path': dataPath } }
    })
  })
})

describe('the automatic presets as a runtime runs them', () => {
  const subscriptions: Subscription[] = automatic
  const destination = new Destination(definition)

  /** The Iterable path each event reached, with the presets as the only subscriptions. */
  async function pathsReachedBy(event: SegmentEvent): Promise<string[]> {
    const paths: string[] = []
    nock(US)
      .post(/.*/)
      .reply(200, (uri) => (paths.push(uri), SUCCESS))
      .persist()
    await destination.onEvent(event, { apiKey: API_KEY, subscriptions } as never)
    return paths
  }

  const products = [{ product_id: 'p-1', name: 'Runner', price: 10, quantity: 1 }]

  it.each<[string, SegmentEvent, string[]]>([
    ['an identify', { type: 'identify', userId: 'u1', traits: { email: 'a@example.com' } }, ['/api/users/update']],
    ['a custom track', { type: 'track', event: 'Signed Up', userId: 'u1' }, ['/api/events/track']],
    [
      'a Cart Updated track',
      { type: 'track', event: 'Cart Updated', userId: 'u1', properties: { products } },
      ['/api/commerce/updateCart']
    ],
    [
      'an Order Completed track',
      { type: 'track', event: 'Order Completed', userId: 'u1', properties: { products, total: 10, order_id: 'o1' } },
      ['/api/commerce/trackPurchase']
    ],
    ['a page call', { type: 'page', name: 'Home', userId: 'u1' }, []]
  ])('route %s to %j', async (_kind, event, expected) => {
    expect(await pathsReachedBy(event)).toEqual(expected)
  })
})
