import type { ActionDefinition } from '@segment/actions-core'
import { urlFor } from '../../iterable/endpoints'
import { sendInBulk } from '../bulk-request'
import {
  batchSize,
  campaignId,
  createdAt,
  email,
  EMAIL_FROM_EVENT,
  enableBatching,
  eventDataFields,
  templateId,
  userId
} from '../fields'
import type { Settings } from '../generated-types'
import { sendToIterable } from '../request'
import { requireIdentity } from '../users'
import type { Payload } from './generated-types'
import { toTrackRequest } from './track-request'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Custom Event',
  description: 'Track a custom event to a user profile',
  defaultSubscription: 'type = "track" and event != "Order Completed" and event != "Cart Updated"',
  fields: {
    email: { ...email, default: EMAIL_FROM_EVENT },
    userId,
    eventName: {
      label: 'Event name',
      description: 'Name of the event',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    dataFields: eventDataFields,
    id: {
      label: 'Event ID',
      description: 'A unique ID. If an event exists with that id, the event will be updated',
      type: 'string',
      required: false,
      default: { '@path': '$.messageId' }
    },
    createdAt,
    campaignId,
    templateId,
    enable_batching: enableBatching,
    batch_size: batchSize
  },
  perform: (request, { settings, payload }) => {
    requireIdentity(payload)
    return sendToIterable(request, urlFor(settings.dataCenterLocation, 'trackEvent'), {
      method: 'POST',
      json: toTrackRequest(payload)
    })
  },
  performBatch: (request, { settings, payload }) =>
    sendInBulk(request, settings, payload, {
      endpoint: 'trackEventsBulk',
      listKey: 'events',
      toItem: toTrackRequest
    })
}

export default action
