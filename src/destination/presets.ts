import { defaultValues, type Preset } from '@segment/actions-core'
import cartUpdates from './cartUpdates'
import customEvent from './customEvent'
import trackPurchase from './trackPurchase'
import upsertUser from './upsertUser'

const automatic = (name: string, partnerAction: string, subscribe: string, fields: object): Preset => ({
  name,
  subscribe,
  partnerAction,
  mapping: defaultValues(fields as Parameters<typeof defaultValues>[0]),
  type: 'automatic'
})

type EventSlug = Extract<Preset, { type: 'specificEvent' }>['eventSlug']

/** Linked Audiences and Journeys events: their data is in `properties` (track) or `traits` (identify). */
const specificEvent = (name: string, eventSlug: EventSlug): Preset => {
  const isIdentify = eventSlug.endsWith('_identify')
  const action = isIdentify ? upsertUser : customEvent
  return {
    name,
    partnerAction: isIdentify ? 'upsertUser' : 'customEvent',
    mapping: {
      ...defaultValues(action.fields),
      dataFields: { '@path': isIdentify ? '$.traits' : '$.properties' }
    },
    type: 'specificEvent',
    eventSlug
  }
}

export const presets: Preset[] = [
  automatic(
    'Track Calls',
    'customEvent',
    'type = "track" and event != "Order Completed" and event != "Cart Updated"',
    customEvent.fields
  ),
  automatic('Identify Calls', 'upsertUser', 'type = "identify"', upsertUser.fields),
  automatic('Update Cart Calls', 'cartUpdates', 'type = "track" and event = "Cart Updated"', cartUpdates.fields),
  automatic(
    'Order Completed Calls',
    'trackPurchase',
    'type = "track" and event = "Order Completed"',
    trackPurchase.fields
  ),
  specificEvent('Associated Entity Added', 'warehouse_entity_added_track'),
  specificEvent('Associated Entity Removed', 'warehouse_entity_removed_track'),
  specificEvent('Entities Audience Entered', 'warehouse_audience_entered_track'),
  specificEvent('Entities Audience Exited', 'warehouse_audience_exited_track'),
  specificEvent('Entities Audience Membership Changed', 'warehouse_audience_membership_changed_identify'),
  specificEvent('Journeys Step Transition Track', 'journeys_step_entered_track'),
  specificEvent('Journeys Step Entered', 'journeys_step_entered_track')
]
