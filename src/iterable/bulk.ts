/**
 * Iterable's bulk endpoints answer 200 even when they reject some of the users or events in a
 * request; the reply lists them. These functions split work into requests Iterable accepts and
 * read a bulk reply back into one verdict per item.
 */

/** The identity and name Iterable reports a bulk item by. */
export interface BulkItemKey {
  email?: string
  userId?: string
  eventName?: string
  /** A bulk user update may carry a new email here; Iterable reports a bad or taken one by that address. */
  dataFields?: { email?: unknown }
}

/** Why Iterable refused one item of a bulk request. */
export interface Rejection {
  status: number
  message: string
}

type Identifier = 'email' | 'userId'

/** Every list of a bulk reply's `failedUpdates`, in the order a match is reported. */
const FAILED_UPDATE_LISTS: ReadonlyArray<{ list: string; identifier: Identifier; status: number; reason: string }> = [
  { list: 'invalidEmails', identifier: 'email', status: 400, reason: 'invalid' },
  { list: 'invalidUserIds', identifier: 'userId', status: 400, reason: 'invalid' },
  { list: 'forgottenEmails', identifier: 'email', status: 400, reason: 'forgotten (GDPR)' },
  { list: 'forgottenUserIds', identifier: 'userId', status: 400, reason: 'forgotten (GDPR)' },
  { list: 'conflictEmails', identifier: 'email', status: 400, reason: 'conflicting (owned by another user)' },
  { list: 'conflictUserIds', identifier: 'userId', status: 400, reason: 'conflicting (owned by another user)' },
  { list: 'invalidDataEmails', identifier: 'email', status: 400, reason: 'invalid data fields for' },
  { list: 'invalidDataUserIds', identifier: 'userId', status: 400, reason: 'invalid data fields for' },
  { list: 'notFoundEmails', identifier: 'email', status: 404, reason: 'not found' },
  { list: 'notFoundUserIds', identifier: 'userId', status: 404, reason: 'not found' }
]

/** Deprecated top-level lists that older replies carry instead of, or beside, `failedUpdates`. */
const LEGACY_LISTS: typeof FAILED_UPDATE_LISTS = [
  { list: 'invalidEmails', identifier: 'email', status: 400, reason: 'rejected' },
  { list: 'invalidUserIds', identifier: 'userId', status: 400, reason: 'rejected' }
]

// Iterable treats email addresses case-insensitively and may echo them normalized.
const normalize = (identifier: Identifier, value: string) =>
  identifier === 'email' ? value.trim().toLowerCase() : value

function stringsAt(record: unknown, key: string): string[] {
  const value = (record as Record<string, unknown> | null | undefined)?.[key]
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/**
 * One entry per item, in order: undefined when Iterable accepted it, else why not. Costs one pass
 * over the reply's lists and one over the items.
 */
export function rejectionsInBulkReply(reply: unknown, items: readonly BulkItemKey[]): Array<Rejection | undefined> {
  const rejected: Record<Identifier, Map<string, Rejection>> = { email: new Map(), userId: new Map() }
  const failedUpdates = (reply as { failedUpdates?: unknown } | null)?.failedUpdates
  const sources = [
    ...FAILED_UPDATE_LISTS.map((kind) => ({ kind, values: stringsAt(failedUpdates, kind.list) })),
    ...LEGACY_LISTS.map((kind) => ({ kind, values: stringsAt(reply, kind.list) }))
  ]
  for (const { kind, values } of sources) {
    const byValue = rejected[kind.identifier]
    for (const value of values) {
      const key = normalize(kind.identifier, value)
      if (!byValue.has(key)) {
        byValue.set(key, {
          status: kind.status,
          message: `Iterable rejected this user: ${kind.reason} ${kind.identifier} ${value}`
        })
      }
    }
  }
  const disallowedEventNames = new Set(stringsAt(reply, 'disallowedEventNames'))

  const byEmail = (email: unknown) =>
    typeof email === 'string' ? rejected.email.get(normalize('email', email)) : undefined

  return items.map(({ email, userId, eventName, dataFields }) => {
    const rejection =
      byEmail(email) ?? (userId === undefined ? undefined : rejected.userId.get(userId)) ?? byEmail(dataFields?.email)
    if (rejection) return rejection
    if (eventName !== undefined && disallowedEventNames.has(eventName)) {
      return {
        status: 400,
        message: `Iterable rejected this event: event name "${eventName}" is not allowed in this project`
      }
    }
    return undefined
  })
}

export interface Packing {
  /** Indices of the items each request carries, in order. */
  requests: number[][]
  /** Indices of items too large to go in any request. */
  oversized: number[]
}

/**
 * Groups items, in order, into as few requests as fit both limits. `sizes` are the items' JSON
 * byte lengths; `envelopeBytes` is what the request adds around the list (its key, brackets,
 * other properties). Items are separated by one comma byte.
 */
export function packIntoRequests(
  sizes: readonly number[],
  limits: { maxItems: number; maxBytes: number; envelopeBytes: number }
): Packing {
  const requests: number[][] = []
  const oversized: number[] = []
  let current: number[] = []
  let currentBytes = limits.envelopeBytes
  sizes.forEach((size, index) => {
    if (limits.envelopeBytes + size > limits.maxBytes) {
      oversized.push(index)
      return
    }
    const added = current.length === 0 ? size : size + 1
    if (current.length === limits.maxItems || currentBytes + added > limits.maxBytes) {
      requests.push(current)
      current = []
      currentBytes = limits.envelopeBytes
      currentBytes += size
    } else {
      currentBytes += added
    }
    current.push(index)
  })
  if (current.length > 0) requests.push(current)
  return { requests, oversized }
}
