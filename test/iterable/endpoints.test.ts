import {
  baseUrlFor,
  DEFAULT_BATCH_SIZE,
  ENDPOINTS,
  MAX_REQUEST_BODY_BYTES,
  REGIONS,
  urlFor
} from '../../src/iterable/endpoints'

describe('regions', () => {
  it("uses Iterable's US API for united_states", () => {
    expect(baseUrlFor('united_states')).toBe('https://api.iterable.com')
  })

  it("uses Iterable's EU API for europe", () => {
    expect(baseUrlFor('europe')).toBe('https://api.eu.iterable.com')
  })

  it.each([undefined, '', 'mars', 'EUROPE', '__proto__', 'toString', 'hasOwnProperty'])(
    'falls back to the US for the unknown region %p',
    (region) => {
      expect(baseUrlFor(region)).toBe(REGIONS.united_states)
    }
  )
})

describe('urlFor', () => {
  it.each([
    ['trackEvent', '/api/events/track'],
    ['trackEventsBulk', '/api/events/trackBulk'],
    ['updateUser', '/api/users/update'],
    ['updateUsersBulk', '/api/users/bulkUpdate'],
    ['updateEmail', '/api/users/updateEmail'],
    ['updateCart', '/api/commerce/updateCart'],
    ['trackPurchase', '/api/commerce/trackPurchase'],
    ['getWebhooks', '/api/webhooks']
  ] as const)('builds %s as %s on the chosen region', (name, path) => {
    expect(urlFor('united_states', name)).toBe(`https://api.iterable.com${path}`)
    expect(urlFor('europe', name)).toBe(`https://api.eu.iterable.com${path}`)
  })

  it('falls back to the US for an unknown region', () => {
    expect(urlFor('mars', 'trackEvent')).toBe('https://api.iterable.com/api/events/track')
  })

  it('URL-encodes path parameters', () => {
    expect(urlFor('europe', 'deleteUserByEmail', { email: 'jane+tag@example.com' })).toBe(
      'https://api.eu.iterable.com/api/users/jane%2Btag%40example.com'
    )
    expect(urlFor('united_states', 'deleteUserByUserId', { userId: 'a/b c?d#e&f' })).toBe(
      'https://api.iterable.com/api/users/byUserId/a%2Fb%20c%3Fd%23e%26f'
    )
  })

  it('keeps an encoded parameter inside its own path segment', () => {
    const url = new URL(urlFor('united_states', 'deleteUserByUserId', { userId: '../../webhooks' }))
    expect(url.pathname).toBe('/api/users/byUserId/..%2F..%2Fwebhooks')
  })
})

describe("Iterable's documented limits", () => {
  it('caps a request body at 4,000,000 bytes and a bulk request at 1001 items', () => {
    expect(MAX_REQUEST_BODY_BYTES).toBe(4_000_000)
    expect(DEFAULT_BATCH_SIZE).toBe(1001)
  })

  it('records the per-project rate limit of each endpoint we send to', () => {
    expect(ENDPOINTS.trackEvent.requestsPerSecond).toBe(2000)
    expect(ENDPOINTS.trackEventsBulk.requestsPerSecond).toBe(10)
    expect(ENDPOINTS.updateUser.requestsPerSecond).toBe(500)
    expect(ENDPOINTS.updateUsersBulk.requestsPerSecond).toBe(5)
  })
})
