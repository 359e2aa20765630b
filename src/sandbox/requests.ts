/**
 * TypeScript views of the request bodies the sandbox accepts. A body is only read through these types
 * after `validateDefinition` (src/iterable/schema.ts) has found no problem with it.
 */
import type { DataFields } from './data-fields'

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
  [detail: string]: unknown
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
