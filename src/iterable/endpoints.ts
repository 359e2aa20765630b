/** Where Iterable's REST API lives and what it allows, from Iterable's published API definition. */

export const REGIONS = {
  united_states: 'https://api.iterable.com',
  europe: 'https://api.eu.iterable.com'
} as const

export type Region = keyof typeof REGIONS

/** The base URL of a data center; anything unknown falls back to the US, Iterable's default. */
export function baseUrlFor(region: string | undefined): string {
  return Object.hasOwn(REGIONS, region ?? '') ? REGIONS[region as Region] : REGIONS.united_states
}

export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  /** Name of the request body's definition in `schema.ts`, for endpoints that take a body. */
  requestDefinition?: string
  /** Documented limit, per project. */
  requestsPerSecond?: number
}

export const ENDPOINTS = {
  trackEvent: { method: 'POST', path: '/api/events/track', requestDefinition: 'TrackRequest', requestsPerSecond: 2000 },
  trackEventsBulk: {
    method: 'POST',
    path: '/api/events/trackBulk',
    requestDefinition: 'BulkTrackRequest',
    requestsPerSecond: 10
  },
  updateUser: {
    method: 'POST',
    path: '/api/users/update',
    requestDefinition: 'ApiUserUpdateRequest',
    requestsPerSecond: 500
  },
  updateUsersBulk: {
    method: 'POST',
    path: '/api/users/bulkUpdate',
    requestDefinition: 'BulkUpdateUsersRequest',
    requestsPerSecond: 5
  },
  updateEmail: { method: 'POST', path: '/api/users/updateEmail', requestDefinition: 'UpdateEmailRequest' },
  updateCart: { method: 'POST', path: '/api/commerce/updateCart', requestDefinition: 'UpdateCartRequest' },
  trackPurchase: { method: 'POST', path: '/api/commerce/trackPurchase', requestDefinition: 'TrackPurchaseRequest' },
  getWebhooks: { method: 'GET', path: '/api/webhooks' },
  deleteUserByUserId: { method: 'DELETE', path: '/api/users/byUserId/{userId}', requestsPerSecond: 100 },
  deleteUserByEmail: { method: 'DELETE', path: '/api/users/{email}', requestsPerSecond: 100 },
  getUserByEmail: { method: 'GET', path: '/api/users/getByEmail', requestsPerSecond: 100 },
  getUserByUserId: { method: 'GET', path: '/api/users/byUserId/{userId}', requestsPerSecond: 100 }
} as const satisfies Record<string, Endpoint>

export type EndpointName = keyof typeof ENDPOINTS

/** Iterable documents about 4 MB as the largest request body; we stay at or under this many bytes. */
export const MAX_REQUEST_BODY_BYTES = 4_000_000

/** Segment's batching default for Iterable's bulk endpoints. */
export const DEFAULT_BATCH_SIZE = 1001

/** The absolute URL of an endpoint in a region, with path parameters URL-encoded. */
export function urlFor(region: string | undefined, name: EndpointName, params: Record<string, string> = {}): string {
  const path = ENDPOINTS[name].path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key] ?? ''))
  return baseUrlFor(region) + path
}
