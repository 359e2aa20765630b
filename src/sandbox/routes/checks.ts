/**
 * Request rules Iterable states in prose rather than in its definitions. Breaking one makes the whole
 * request a 400 BadParams, in bulk calls too, naming the item (e.g. "events[3] needs an email or a userId").
 */

/** Iterable's limit on event and purchase ids. */
const MAX_ID_BYTES = 512

/** The last second of year 9999: a larger createdAt is a timestamp in milliseconds, not Iterable's seconds. */
const LATEST_CREATED_AT = 253_402_300_799

const at = (path: string) => (path ? `${path}.` : '')

/** Iterable identifies the user of every call by an email or a userId (top level, or in `user`). */
export function identifierProblems(user: { email?: string; userId?: string }, path: string): string[] {
  return user.email === undefined && user.userId === undefined
    ? [`${path || 'the body'} needs an email or a userId`]
    : []
}

/** Ids of at most 512 bytes, and createdAt in unix seconds. */
export function eventProblems(event: { id?: string; createdAt?: number }, path: string): string[] {
  const problems: string[] = []
  if (event.id !== undefined && Buffer.byteLength(event.id) > MAX_ID_BYTES) {
    problems.push(`${at(path)}id cannot be longer than ${MAX_ID_BYTES} bytes`)
  }
  if (event.createdAt !== undefined && (event.createdAt < 0 || event.createdAt > LATEST_CREATED_AT)) {
    problems.push(`${at(path)}createdAt must be a unix timestamp in seconds`)
  }
  return problems
}
