import type { UpdateEmailRequest, UserRequest } from '../../iterable/requests'
import { toIterableUser } from '../users'
import type { Payload } from './generated-types'

/** Iterable's ApiUserUpdateRequest for one user. */
export function toUserUpdateRequest(payload: Payload): UserRequest {
  return toIterableUser(payload)
}

/**
 * The same user as an item of a bulk update. Iterable's bulk endpoint has no updateEmail
 * counterpart: a new email travels as `dataFields.email`.
 */
export function toBulkUser(payload: Payload): UserRequest {
  const user = toIterableUser(payload)
  if (!payload.newEmail) return user
  return { ...user, dataFields: { ...user.dataFields, email: payload.newEmail } }
}

/** Iterable's UpdateEmailRequest; the current email takes precedence, as Iterable documents. */
export function toUpdateEmailRequest(payload: Payload & { newEmail: string }): UpdateEmailRequest {
  return payload.email
    ? { currentEmail: payload.email, newEmail: payload.newEmail }
    : { currentUserId: payload.userId, newEmail: payload.newEmail }
}
