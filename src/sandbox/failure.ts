/**
 * Why one user or event could not be processed. A single call turns it into an error reply; a bulk call
 * lists `value` under the matching `failedUpdates` category (e.g. kind 'notFound' + field 'userId' is
 * `notFoundUserIds`).
 */

export type FailureKind = 'invalid' | 'notFound' | 'forgotten' | 'conflict' | 'invalidData'
export type IdentifierField = 'email' | 'userId'

export class Failure {
  constructor(
    readonly kind: FailureKind,
    readonly field: IdentifierField,
    readonly value: string,
    readonly message: string
  ) {}
}

export function invalidIdentifier(field: IdentifierField, value: unknown): Failure {
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  return new Failure('invalid', field, shown, `Invalid ${field}: ${JSON.stringify(value)}`)
}

export function notFound(field: IdentifierField, value: string, why: string): Failure {
  return new Failure('notFound', field, value, `No user with ${field} ${value}: ${why}`)
}

export function forgotten(field: IdentifierField, value: string): Failure {
  return new Failure('forgotten', field, value, `The user with ${field} ${value} has been forgotten (GDPR)`)
}

export function conflict(field: IdentifierField, value: string): Failure {
  return new Failure('conflict', field, value, `Another user already has ${field} ${value}`)
}

export function invalidData(field: IdentifierField, value: string, problem: string): Failure {
  return new Failure('invalidData', field, value, problem)
}
