import type { ActionDefinition } from '@segment/actions-core'
import { urlFor } from '../../iterable/endpoints'
import { cartItems, userData } from '../fields'
import type { Settings } from '../generated-types'
import { sendToIterable } from '../request'
import { requireIdentity } from '../users'
import type { Payload } from './generated-types'
import { toUpdateCartRequest } from './update-cart-request'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Cart Updates',
  description: 'Updates the shoppingCartItems field on the user profile.',
  defaultSubscription: 'type = "track" and event = "Cart Updated"',
  fields: {
    user: userData,
    items: cartItems
  },
  perform: (request, { settings, payload }) => {
    requireIdentity(payload.user)
    return sendToIterable(request, urlFor(settings.dataCenterLocation, 'updateCart'), {
      method: 'POST',
      json: toUpdateCartRequest(payload)
    })
  }
}

export default action
