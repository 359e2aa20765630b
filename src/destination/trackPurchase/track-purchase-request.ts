import { toCommerceItem } from '../../iterable/commerce'
import { convertDates, toUnixSeconds } from '../../iterable/dates'
import type { TrackPurchaseRequest } from '../../iterable/requests'
import { definedOnly, toIterableUser } from '../users'
import type { Payload } from './generated-types'

/** The order's own data, without `products`: they already travel as the purchase's items. */
function purchaseDataFields(dataFields: Payload['dataFields']): Record<string, unknown> | undefined {
  if (!dataFields) return undefined
  const { products: _products, ...rest } = dataFields
  return convertDates(rest)
}

export function toTrackPurchaseRequest(payload: Payload): TrackPurchaseRequest {
  return definedOnly({
    id: payload.id || undefined,
    user: toIterableUser(payload.user),
    items: payload.items.map(toCommerceItem),
    total: payload.total,
    createdAt: toUnixSeconds(payload.createdAt),
    dataFields: purchaseDataFields(payload.dataFields),
    campaignId: payload.campaignId,
    templateId: payload.templateId
  })
}
