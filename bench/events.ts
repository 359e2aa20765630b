import type { SegmentEvent } from '@segment/actions-core'

/**
 * Realistic Segment events for the benchmarks, the same for every run: a pool of users who identify,
 * browse, update carts and order, in the proportions of a typical e-commerce source.
 */

const EVENT_NAMES = ['Product Viewed', 'Product Searched', 'Signed In', 'Coupon Applied', 'Video Played']

function products(seed: number) {
  return Array.from({ length: 1 + (seed % 3) }, (_, index) => ({
    product_id: `sku-${(seed + index) % 500}`,
    sku: `SKU-${(seed + index) % 500}`,
    name: `Product ${(seed + index) % 500}`,
    price: 5 + ((seed * 7 + index) % 200),
    quantity: 1 + (index % 2),
    category: ['Kitchen', 'Garden', 'Books'][(seed + index) % 3],
    url: `https://shop.example.com/p/${(seed + index) % 500}`,
    image_url: `https://shop.example.com/p/${(seed + index) % 500}.png`
  }))
}

export type EventKind = 'identify' | 'track' | 'cart' | 'order'

/** Per 20 events: 3 identifies, 13 custom tracks, 2 cart updates, 2 orders. */
const MIX: EventKind[] = [
  'identify',
  'track',
  'track',
  'cart',
  'track',
  'track',
  'identify',
  'track',
  'track',
  'order',
  'track',
  'track',
  'identify',
  'track',
  'cart',
  'track',
  'track',
  'order',
  'track',
  'track'
]

/** The n-th event of a given kind, for a pool of `users` users. */
export function eventOf(kind: EventKind, n: number, users = 10_000): SegmentEvent {
  const user = n % users
  const userId = `user-${user}`
  const email = `user${user}@example.com`
  const timestamp = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString()
  const base = { messageId: `msg-${kind}-${n}`, userId, timestamp, context: { traits: { email } } }
  switch (kind) {
    case 'identify':
      return {
        ...base,
        type: 'identify',
        traits: {
          email,
          firstName: `First${user}`,
          lastName: `Last${user}`,
          phone: `+1415555${String(user % 10_000).padStart(4, '0')}`,
          plan: ['free', 'pro', 'team'][user % 3],
          signedUpAt: new Date(Date.UTC(2024, 0, 1) + user * 60_000).toISOString(),
          preferences: { newsletter: user % 2 === 0, language: 'en' }
        }
      }
    case 'track':
      return {
        ...base,
        type: 'track',
        event: EVENT_NAMES[n % EVENT_NAMES.length],
        properties: { product_id: `sku-${n % 500}`, query: `term ${n % 50}`, value: n % 100, at: timestamp }
      }
    case 'cart':
      return {
        ...base,
        type: 'track',
        event: 'Cart Updated',
        properties: { cart_id: `cart-${user}`, products: products(n) }
      }
    case 'order':
      return {
        ...base,
        type: 'track',
        event: 'Order Completed',
        properties: {
          order_id: `order-${n}`,
          total: 100 + (n % 400),
          currency: 'USD',
          coupon: 'SPRING',
          products: products(n)
        }
      }
  }
}

/** The n-th event of the realistic mix. */
export function mixedEvent(n: number, users?: number): SegmentEvent {
  return eventOf(MIX[n % MIX.length], n, users)
}

const BATCHED_MIX = MIX.filter((kind) => kind === 'identify' || kind === 'track')

/**
 * The n-th event of the realistic mix without its cart updates and orders: only events that travel in
 * bulk calls, for runs where the single calls' cost would dominate the time and not the question.
 */
export function batchedEvent(n: number, users?: number): SegmentEvent {
  return eventOf(BATCHED_MIX[n % BATCHED_MIX.length], n, users)
}
