import type { SegmentEvent } from '@segment/actions-core'

export interface Identifier {
  kind: 'userId' | 'anonymousId' | 'email'
  value: string
}

const emailOf = (record: unknown) => (record as { email?: unknown } | undefined)?.email

/**
 * Every identifier an event carries for its user: userId, anonymousId and any email a mapping may
 * read (traits, context traits, properties), each once. Emails are lower-cased: Iterable matches
 * them case-insensitively.
 */
export function identifiersOf(event: SegmentEvent): Identifier[] {
  const candidates: Array<[Identifier['kind'], unknown]> = [
    ['userId', event.userId],
    ['anonymousId', event.anonymousId],
    ...[emailOf(event.traits), emailOf(event.context?.traits), emailOf(event.properties)].map(
      (email): [Identifier['kind'], unknown] => ['email', typeof email === 'string' ? email.toLowerCase() : email]
    )
  ]
  const seen = new Set<string>()
  return candidates.flatMap(([kind, value]) => {
    if (typeof value !== 'string' || !value.trim()) return []
    const key = `${kind}:${value.trim()}`
    if (seen.has(key)) return []
    seen.add(key)
    return [{ kind, value: value.trim() }]
  })
}

/**
 * Keys that tell users apart for ordering: two events that share one are treated as the same
 * user's, so ordering errs on the side of caution whatever identifier a mapping picks.
 */
export function userKeysOf(event: SegmentEvent): string[] {
  return identifiersOf(event).map(({ kind, value }) => `${kind}:${value}`)
}
