import { toCommerceItem } from '../../iterable/commerce'
import type { UpdateCartRequest } from '../../iterable/requests'
import { toIterableUser } from '../users'
import type { Payload } from './generated-types'

/** Iterable's UpdateCartRequest: the cart's items replace the user's `shoppingCartItems`. */
export function toUpdateCartRequest(payload: Payload): UpdateCartRequest {
  return { user: toIterableUser(payload.user), items: payload.items.map(toCommerceItem) }
}
