import { toCommerceItem, type CommerceItem } from '../../iterable/commerce'
import { toIterableUser, type IterableUser } from '../users'
import type { Payload } from './generated-types'

/** Iterable's UpdateCartRequest: the cart's items replace the user's `shoppingCartItems`. */
export function toUpdateCartRequest(payload: Payload): { user: IterableUser; items: CommerceItem[] } {
  return { user: toIterableUser(payload.user), items: payload.items.map(toCommerceItem) }
}
