import { PayloadValidationError } from '@segment/actions-core'
import { convertDates } from '../iterable/dates'
import type { UserRequest } from '../iterable/requests'

/** How every action names and describes the user an event belongs to. */

export const MISSING_IDENTITY = 'Must include email or userId.'

export interface Identity {
  email?: string
  userId?: string
}

/** The user as the mapping resolved it. */
export interface MappedUser extends Identity {
  dataFields?: Record<string, unknown>
  phoneNumber?: string | null
  mergeNestedObjects?: boolean
}

export function hasIdentity({ email, userId }: Identity): boolean {
  return Boolean(email || userId)
}

/** Iterable needs an email or a userId to know whose event it is. */
export function requireIdentity(identity: Identity): void {
  if (!hasIdentity(identity)) throw new PayloadValidationError(MISSING_IDENTITY)
}

/** Only the keys whose value is defined, so a body carries nothing Iterable would misread. */
export function definedOnly<T extends object>(record: T): T {
  const defined: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (value !== undefined) defined[key] = value
  return defined as T
}

/**
 * Iterable's user for a mapped one: empty identifiers left out, dates in `dataFields` converted,
 * and the phone number in `dataFields.phoneNumber` where Iterable keeps it (null clears it).
 */
export function toIterableUser(user: MappedUser): UserRequest {
  const converted = convertDates(user.dataFields ?? {})
  const dataFields = user.phoneNumber === undefined ? converted : { ...converted, phoneNumber: user.phoneNumber }
  return definedOnly({
    email: user.email || undefined,
    userId: user.userId || undefined,
    dataFields: Object.keys(dataFields).length > 0 ? dataFields : undefined,
    mergeNestedObjects: user.mergeNestedObjects
  })
}
