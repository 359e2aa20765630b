/** Which route answers a method and path; path parameters are single, URL-decoded segments. */
import { ENDPOINTS, type EndpointName } from '../iterable/endpoints'
import type { DefinitionName } from '../iterable/schema'
import type { Reply } from './replies'

export interface RouteInput {
  /** The parsed JSON body; when the route names a definition, one that `validateDefinition` accepted. */
  body: unknown
  params: Record<string, string>
  query: URLSearchParams
}

/** What makes a route one of Iterable's: it needs the Api-Key, has a rate limit and suffers injected faults. */
export interface IterableTraits {
  /** Rate-limit bucket: requests to the same endpoint share one. */
  endpoint: string
  requestsPerSecond: number
  definition?: DefinitionName
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  /** Absent on the sandbox's own control routes. */
  iterable?: IterableTraits
  handle(input: RouteInput): Reply
}

/**
 * Iterable publishes no rate limit for updateEmail, updateCart, trackPurchase or getWebhooks; the sandbox
 * allows them as much as its fastest documented single-call endpoint (events/track) so they never hold a
 * test back.
 */
export const UNPUBLISHED_REQUESTS_PER_SECOND = 2000

/** A route for one of the endpoints in src/iterable/endpoints.ts: same method, path, body definition and limit. */
export function iterableRoute(name: EndpointName, handle: Route['handle']): Route {
  const endpoint: { method: Route['method']; path: string; requestDefinition?: string; requestsPerSecond?: number } =
    ENDPOINTS[name]
  return {
    method: endpoint.method,
    path: endpoint.path,
    iterable: {
      endpoint: name,
      requestsPerSecond: endpoint.requestsPerSecond ?? UNPUBLISHED_REQUESTS_PER_SECOND,
      definition: endpoint.requestDefinition as DefinitionName | undefined
    },
    handle
  }
}

export interface Match {
  route: Route
  params: Record<string, string>
}

interface CompiledRoute {
  route: Route
  segments: string[]
}

const splitPath = (path: string) => path.split('/').filter((segment) => segment !== '')

export class Router {
  private readonly compiled: CompiledRoute[]

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: splitPath(route.path) }))
  }

  /** The route for this request, or undefined when the sandbox does not model it (or the path is malformed). */
  match(method: string, pathname: string): Match | undefined {
    const segments = splitPath(pathname)
    for (const { route, segments: pattern } of this.compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue
      const params = bind(pattern, segments)
      if (params) return { route, params }
    }
    return undefined
  }
}

function bind(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  for (const [index, expected] of pattern.entries()) {
    const actual = segments[index]
    if (expected.startsWith('{') && expected.endsWith('}')) {
      const decoded = decodeSegment(actual)
      if (decoded === undefined) return undefined
      params[expected.slice(1, -1)] = decoded
    } else if (expected !== actual) {
      return undefined
    }
  }
  return params
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
