/** Iterable's reply shapes: `{msg, code, params}` for single calls, counts and `failedUpdates` for bulk ones. */
import type { IterableResponseCode } from '../iterable/schema'
import type { Failure, FailureKind, IdentifierField } from './failure'

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export function reply(status: number, code: IterableResponseCode, msg: string, params: object = {}): Reply {
  return { status, body: { msg, code, params } }
}

export function success(msg = '', params: object = {}): Reply {
  return reply(200, 'Success', msg, params)
}

/** 400 BadParams naming every problem found, e.g. "events[2].createdAt must be an integer". */
export function badParams(problems: readonly string[]): Reply {
  return reply(400, 'BadParams', `Invalid params: ${problems.join('; ')}`, { problems })
}

const SINGLE_REPLIES: Record<FailureKind, Record<IdentifierField, [number, IterableResponseCode]>> = {
  invalid: { email: [400, 'InvalidEmailAddressError'], userId: [400, 'InvalidUserIdError'] },
  notFound: { email: [400, 'UnknownEmailError'], userId: [400, 'UnknownUserIdError'] },
  forgotten: { email: [409, 'ForgottenUserError'], userId: [409, 'ForgottenUserError'] },
  conflict: { email: [409, 'EmailAlreadyExists'], userId: [409, 'UserIdAlreadyExists'] },
  invalidData: { email: [400, 'BadParams'], userId: [400, 'BadParams'] }
}

/** How a single call answers a failure; `params` names the identifier involved. */
export function failureReply(failure: Failure): Reply {
  const [status, code] = SINGLE_REPLIES[failure.kind][failure.field]
  return reply(status, code, failure.message, { [failure.field]: failure.value })
}

const EVENT_CATEGORIES = [
  'invalidEmails',
  'invalidUserIds',
  'notFoundEmails',
  'notFoundUserIds',
  'forgottenEmails',
  'forgottenUserIds'
] as const

const USER_CATEGORIES = [
  ...EVENT_CATEGORIES,
  'conflictEmails',
  'conflictUserIds',
  'invalidDataEmails',
  'invalidDataUserIds'
] as const

/** Counts the outcomes of one bulk request and lists failures by category, as Iterable's bulk replies do. */
class BulkTally<Category extends string> {
  private successCount = 0
  private failCount = 0
  private readonly failedUpdates: Record<string, string[]>

  constructor(categories: readonly Category[]) {
    this.failedUpdates = Object.fromEntries(categories.map((category) => [category, []]))
  }

  succeed(): void {
    this.successCount += 1
  }

  fail(failure: Failure): void {
    const category = `${failure.kind}${failure.field === 'email' ? 'Emails' : 'UserIds'}`
    const values = this.failedUpdates[category]
    if (!values) throw new Error(`A ${failure.kind} failure has no category in this bulk reply`)
    values.push(failure.value)
    this.failCount += 1
  }

  protected counts() {
    return {
      successCount: this.successCount,
      failCount: this.failCount,
      failedUpdates: this.failedUpdates as Record<Category, string[]>
    }
  }

  /** Every value listed under a category about emails (or userIds). */
  protected all(field: 'Emails' | 'UserIds'): string[] {
    return Object.entries(this.failedUpdates).flatMap(([category, values]) => (category.endsWith(field) ? values : []))
  }
}

/**
 * trackBulk's BulkTrackResponse. The deprecated top-level lists keep the meanings Iterable's definition
 * gives them: `invalidEmails` are malformed emails, `invalidUserIds` are userIds that were not found.
 */
export class EventBulkTally extends BulkTally<(typeof EVENT_CATEGORIES)[number]> {
  constructor() {
    super(EVENT_CATEGORIES)
  }

  reply(): Reply {
    const counts = this.counts()
    const { invalidEmails, notFoundUserIds } = counts.failedUpdates
    return { status: 200, body: { ...counts, invalidEmails, invalidUserIds: notFoundUserIds } }
  }
}

/**
 * bulkUpdate's UserBulkUpdateListResponse. Its deprecated top-level lists hold every email and userId of a
 * user that failed to update, whatever the reason.
 */
export class UserBulkTally extends BulkTally<(typeof USER_CATEGORIES)[number]> {
  constructor() {
    super(USER_CATEGORIES)
  }

  reply(): Reply {
    return {
      status: 200,
      body: { ...this.counts(), invalidEmails: this.all('Emails'), invalidUserIds: this.all('UserIds') }
    }
  }
}
