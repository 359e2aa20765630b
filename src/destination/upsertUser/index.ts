import type { ActionDefinition } from '@segment/actions-core'
import { urlFor } from '../../iterable/endpoints'
import { sendInBulk } from '../bulk-request'
import { batchSize, email, enableBatching, mergeNestedObjects, phoneNumber, userId } from '../fields'
import type { Settings } from '../generated-types'
import { sendToIterable } from '../request'
import { requireIdentity } from '../users'
import type { Payload } from './generated-types'
import { toBulkUser, toUpdateEmailRequest, toUserUpdateRequest } from './user-update'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Upsert User',
  description: 'Creates or updates a user',
  defaultSubscription: 'type = "identify"',
  fields: {
    email: { ...email, default: { '@path': '$.traits.email' } },
    userId,
    dataFields: {
      label: 'User Data Fields',
      description: 'Data to store on the user profile.',
      type: 'object',
      required: false,
      default: { '@path': '$.traits' }
    },
    phoneNumber: { ...phoneNumber, default: { '@path': '$.traits.phone' } },
    mergeNestedObjects,
    newEmail: {
      label: 'New Email',
      description:
        "A new email address for the user. A single event changes it with Iterable's updateEmail after updating the profile; in a batch it is sent as the user's `dataFields.email`.",
      type: 'string',
      format: 'email',
      required: false
    },
    updateOnly: {
      label: 'Update Only',
      description:
        'Batches only: when true, Iterable updates existing users and creates none (`updateOnly` on bulk update).',
      type: 'boolean',
      required: false
    },
    enable_batching: enableBatching,
    batch_size: batchSize
  },
  perform: async (request, { settings, payload }) => {
    requireIdentity(payload)
    const updated = await sendToIterable(request, urlFor(settings.dataCenterLocation, 'updateUser'), {
      method: 'POST',
      json: toUserUpdateRequest(payload)
    })
    const { newEmail } = payload
    if (!newEmail) return updated
    try {
      return await sendToIterable(request, urlFor(settings.dataCenterLocation, 'updateEmail'), {
        method: 'POST',
        json: toUpdateEmailRequest({ ...payload, newEmail })
      })
    } catch (error) {
      ;(error as Error).message = `The profile was updated but the email was not changed: ${(error as Error).message}`
      throw error
    }
  },
  performBatch: (request, { settings, payload }) =>
    sendInBulk(request, settings, payload, {
      endpoint: 'updateUsersBulk',
      listKey: 'users',
      toItem: toBulkUser,
      requestProperties: (user) => (user.updateOnly ? { updateOnly: true } : {})
    })
}

export default action
