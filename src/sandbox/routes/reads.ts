/** The reads Iterable offers to inspect a project: users by email or userId, a user's events, webhooks. */
import { invalidIdentifier } from '../failure'
import { isValidEmail, isValidUserId } from '../identity'
import { badParams, failureReply, type Reply } from '../replies'
import { iterableRoute, type Route, type RouteInput } from '../router'
import type { SandboxState, UserKey } from '../state'

/** GET /api/events/{email} and /byUserId/{userId}, documented at 100 requests/second per project. */
const EVENT_READS = [
  { name: 'getEventsByEmail', path: '/api/events/{email}', key: 'email' },
  { name: 'getEventsByUserId', path: '/api/events/byUserId/{userId}', key: 'userId' }
] as const
const EVENT_READS_PER_SECOND = 100

/** Iterable's `limit` on event reads: 30 unless set, at most 200. */
function eventLimit(query: URLSearchParams): number | undefined {
  const limit = Number(query.get('limit') ?? 30)
  return Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : undefined
}

function keyProblem(key: UserKey): Reply | undefined {
  if ('email' in key) return isValidEmail(key.email) ? undefined : failureReply(invalidIdentifier('email', key.email))
  return isValidUserId(key.userId) ? undefined : failureReply(invalidIdentifier('userId', key.userId))
}

/** UserResponse: `{user}`, or `{}` when there is no such user, as Iterable answers. */
function userReply(state: SandboxState, key: UserKey): Reply {
  const problem = keyProblem(key)
  if (problem) return problem
  const user = state.user(key)
  return { status: 200, body: user ? { user } : {} }
}

function eventsReply(state: SandboxState, key: UserKey, { query }: RouteInput): Reply {
  const limit = eventLimit(query)
  if (limit === undefined) return badParams(['limit must be a whole number from 1 to 200'])
  return keyProblem(key) ?? { status: 200, body: { events: state.events(key, limit) } }
}

export function readRoutes(state: SandboxState): Route[] {
  return [
    iterableRoute('getUserByEmail', ({ query }) => {
      const email = query.get('email')
      return email === null ? badParams(['email is required']) : userReply(state, { email })
    }),
    iterableRoute('getUserByUserId', ({ params: { userId } }) => userReply(state, { userId })),
    iterableRoute('getWebhooks', () => ({ status: 200, body: { webhooks: [] } })),
    ...EVENT_READS.map(({ name, path, key }): Route => ({
      method: 'GET',
      path,
      iterable: { endpoint: name, requestsPerSecond: EVENT_READS_PER_SECOND },
      handle: (input) => eventsReply(state, { [key]: input.params[key] } as UserKey, input)
    }))
  ]
}
