/**
 * TypeScript views of the request bodies Iterable accepts (the definitions in schema.ts), shared by the
 * destination that builds them and the sandbox that reads them.
 */

type DataFields = Record<string, unknown>

/** ApiUserUpdateRequest; as an item of a bulk update, OptionalApiUser. */
export interface UserRequest {
  email?: string
  userId?: string
  dataFields?: DataFields
  mergeNestedObjects?: boolean
  preferUserId?: boolean
  createNewFields?: boolean
}

export interface TrackRequest {
  eventName: string
  email?: string
  userId?: string
  id?: string
  createdAt?: number
  dataFields?: DataFields
  campaignId?: number
  templateId?: number
  createNewFields?: boolean
}

export interface BulkTrackRequest {
  events: TrackRequest[]
}

export interface BulkUpdateUsersRequest {
  users: UserRequest[]
  updateOnly?: boolean
  createNewFields?: boolean
}

export interface UpdateEmailRequest {
  newEmail: string
  currentEmail?: string
  currentUserId?: string
}

export interface CommerceItem {
  id: string
  name: string
  price: number
  quantity: number
  sku?: string
  categories?: string[]
  description?: string
  url?: string
  imageUrl?: string
  dataFields?: DataFields
}

export interface UpdateCartRequest {
  user: UserRequest
  items: CommerceItem[]
}

export interface TrackPurchaseRequest {
  user: UserRequest
  items: CommerceItem[]
  total: number
  id?: string
  createdAt?: number
  dataFields?: DataFields
  campaignId?: number
  templateId?: number
}
