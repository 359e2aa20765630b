/** The sandbox users an event touched, as the page shows them. */
import type { SandboxState, UserKey } from '../sandbox'
import type { ProfileView, RecordedExchange } from './api-types'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A user's identifiers in one part of a request body: its email, its new email, its userId. */
function keysIn(part: unknown): UserKey[] {
  if (!isRecord(part)) return []
  const emails = [part.email, part.newEmail].filter((email) => typeof email === 'string')
  return [...emails.map((email) => ({ email })), ...(typeof part.userId === 'string' ? [{ userId: part.userId }] : [])]
}

/**
 * Who the requests name: the top level of event and user requests, the `user` of commerce requests, and
 * the new email of an email change (the user is found by it afterwards). Emails come before userIds, since
 * an email-based project may hold several users with one userId.
 */
export function usersNamedIn(exchanges: RecordedExchange[]): UserKey[] {
  const keys = exchanges.flatMap(({ request }) => {
    const body = request.body
    return isRecord(body) ? [...keysIn(body), ...keysIn(body.user)] : []
  })
  const byEmailFirst = [...keys.filter((key) => 'email' in key), ...keys.filter((key) => 'userId' in key)]
  const seen = new Set<string>()
  return byEmailFirst.filter((key) => {
    const text = JSON.stringify(key)
    if (seen.has(text)) return false
    seen.add(text)
    return true
  })
}

export function profileOf(state: SandboxState, key: UserKey): ProfileView | undefined {
  const user = state.user(key)
  if (!user) return undefined
  const { shoppingCartItems, ...fields } = user.dataFields
  const events = state.events(key)
  return {
    ...(user.email !== undefined && { email: user.email }),
    ...(user.userId !== undefined && { userId: user.userId }),
    fields,
    cart: Array.isArray(shoppingCartItems) ? shoppingCartItems : [],
    events: events.filter((event) => event.eventType === 'customEvent'),
    purchases: events.filter((event) => event.eventType === 'purchase')
  }
}

/** Each sandbox user the requests name, once, as the sandbox holds them now. */
export function profilesNamedIn(state: SandboxState, exchanges: RecordedExchange[]): ProfileView[] {
  const profiles = new Map<string, ProfileView>()
  for (const key of usersNamedIn(exchanges)) {
    const profile = profileOf(state, key)
    const identity = profile && `${profile.email ?? ''}\u0000${profile.userId ?? ''}`
    if (profile && identity !== undefined && !profiles.has(identity)) profiles.set(identity, profile)
  }
  return [...profiles.values()]
}
