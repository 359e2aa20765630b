/**
 * Who a request is about: what makes an email or a userId acceptable to Iterable, and how each of
 * Iterable's project types identifies, creates and de-duplicates users (Iterable's "Project Types and
 * Unique Identifiers" and "Creating and Identifying Users with Iterable APIs" articles).
 */
import { createHash } from 'node:crypto'

export type ProjectType = 'email' | 'userId' | 'hybrid'

export const PROJECT_TYPES: readonly ProjectType[] = ['email', 'userId', 'hybrid']

export interface ProjectRules {
  /**
   * How a request's identifiers find its user. 'email': by the email whenever one is sent (Iterable: "email
   * is prioritized"), else by the userId; 'userId': by the userId only; 'emailOrUserId': by whichever matches,
   * the email first.
   */
  findsUsersBy: 'email' | 'userId' | 'emailOrUserId'
  /** Whether two users may not share an email. */
  uniqueEmail: boolean
  /** Whether two users may not share a userId (email-based projects allow duplicates and act on the first). */
  uniqueUserId: boolean
  /** Whether a custom event for an unknown user creates that user (the seed: not in email-based projects). */
  eventsCreateUsers: boolean
}

export const PROJECT_RULES: Record<ProjectType, ProjectRules> = {
  email: { findsUsersBy: 'email', uniqueEmail: true, uniqueUserId: false, eventsCreateUsers: false },
  userId: { findsUsersBy: 'userId', uniqueEmail: false, uniqueUserId: true, eventsCreateUsers: true },
  hybrid: { findsUsersBy: 'emailOrUserId', uniqueEmail: true, uniqueUserId: true, eventsCreateUsers: true }
}

/** Iterable's documented maximum length of a userId. */
const MAX_USER_ID_LENGTH = 52

/** The longest address SMTP can carry (RFC 5321); Iterable publishes no figure of its own. */
const MAX_EMAIL_LENGTH = 254

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/
const EMAIL_LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/

/**
 * Malformed userIds as Iterable's definition describes them: empty, too long, containing non-ASCII or
 * non-printable characters, or ending with a space.
 */
export function isValidUserId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_USER_ID_LENGTH &&
    PRINTABLE_ASCII.test(value) &&
    !value.endsWith(' ')
  )
}

/** The same rules as userIds, plus the shape `local@domain.tld` with an ASCII domain. */
export function isValidEmail(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_EMAIL_LENGTH || !PRINTABLE_ASCII.test(value)) return false
  const at = value.lastIndexOf('@')
  const local = value.slice(0, at)
  const labels = value.slice(at + 1).split('.')
  return (
    at > 0 &&
    local.length <= 64 &&
    EMAIL_LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label))
  )
}

/** Iterable treats email addresses case-insensitively, so the sandbox keys and stores them in lower case. */
export function normalizeEmail(email: string): string {
  return email.toLowerCase()
}

/**
 * The address an email-based project gives a user created from a userId alone (`preferUserId`):
 * Iterable generates one in the reserved `placeholder.email` domain.
 */
export function placeholderEmailFor(userId: string): string {
  return `${createHash('sha256').update(userId).digest('hex').slice(0, 32)}@placeholder.email`
}
