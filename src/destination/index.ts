import type { DestinationDefinition } from '@segment/actions-core'
import { urlFor } from '../iterable/endpoints'
import cartUpdates from './cartUpdates'
import customEvent from './customEvent'
import { deleteUser } from './delete-user'
import type { Settings } from './generated-types'
import { presets } from './presets'
import { sendToIterable } from './request'
import trackPurchase from './trackPurchase'
import upsertUser from './upsertUser'

const destination: DestinationDefinition<Settings> = {
  name: 'Iterable (Actions)',
  slug: 'actions-iterable',
  mode: 'cloud',
  description: 'Send Segment events to Iterable: custom events, user profiles, carts and purchases.',
  authentication: {
    scheme: 'custom',
    fields: {
      apiKey: {
        label: 'API Key',
        description:
          "To obtain the API Key, go to the Iterable app and naviate to Integrations > API Keys. Create a new API Key with the 'Server-Side' type.",
        type: 'password',
        required: true
      },
      dataCenterLocation: {
        label: 'Data Center Location',
        description: 'The location where your Iterable data is hosted.',
        type: 'string',
        format: 'text',
        required: false,
        choices: [
          { label: 'United States', value: 'united_states' },
          { label: 'Europe', value: 'europe' }
        ],
        default: 'united_states'
      }
    },
    // A cheap authenticated read: it succeeds only with a valid key for this data center.
    testAuthentication: (request, { settings }) =>
      sendToIterable(request, urlFor(settings.dataCenterLocation, 'getWebhooks'), { method: 'GET' })
  },
  extendRequest: ({ settings }) => ({ headers: { 'Api-Key': settings.apiKey } }),
  presets,
  actions: { customEvent, upsertUser, cartUpdates, trackPurchase },
  onDelete: (request, { settings, payload }) => deleteUser(request, settings, payload.userId)
}

export default destination
