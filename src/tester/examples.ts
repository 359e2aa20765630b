import type { ExampleEvent } from './api-types'

/**
 * Events to start from. They share one user (Ada, `user-42`), so sending them one after another shows her
 * profile fill up: identify her first, since an email-based project creates no user for a custom event.
 */

const ada = { email: 'ada@example.com' }

/** What Ada puts in her cart, then orders. */
const cartProducts = [
  { product_id: 'sku-lamp', sku: 'LAMP-01', name: 'Desk Lamp', price: 39.5, quantity: 1, category: 'Home' },
  { product_id: 'sku-ink', sku: 'INK-03', name: 'Ink Set', price: 12, quantity: 2, category: 'Stationery' }
]

export const EXAMPLES: ExampleEvent[] = [
  {
    name: 'Identify',
    event: {
      type: 'identify',
      messageId: 'tester-identify-1',
      timestamp: '2026-03-02T09:15:00.000Z',
      userId: 'user-42',
      traits: {
        ...ada,
        firstName: 'Ada',
        lastName: 'Lovelace',
        phone: '+14155550123',
        plan: 'premium',
        birthday: '1990-05-17'
      }
    }
  },
  {
    name: 'Custom track (Article Read)',
    event: {
      type: 'track',
      event: 'Article Read',
      messageId: 'tester-track-1',
      timestamp: '2026-03-02T09:20:00.000Z',
      userId: 'user-42',
      properties: { title: 'Notes on the Analytical Engine', readingMinutes: 12 },
      context: { traits: ada }
    }
  },
  {
    name: 'Cart Updated',
    event: {
      type: 'track',
      event: 'Cart Updated',
      messageId: 'tester-cart-1',
      timestamp: '2026-03-02T09:25:00.000Z',
      userId: 'user-42',
      properties: {
        cart_id: 'cart-7',
        products: cartProducts
      },
      context: { traits: ada }
    }
  },
  {
    name: 'Order Completed',
    event: {
      type: 'track',
      event: 'Order Completed',
      messageId: 'tester-order-1',
      timestamp: '2026-03-02T09:30:00.000Z',
      userId: 'user-42',
      properties: {
        order_id: 'order-1843',
        total: 63.5,
        currency: 'USD',
        products: cartProducts
      },
      context: { traits: ada }
    }
  },
  {
    name: 'Track without identity',
    event: {
      type: 'track',
      event: 'Newsletter Viewed',
      messageId: 'tester-anonymous-1',
      timestamp: '2026-03-02T09:35:00.000Z',
      anonymousId: 'anon-5c1d',
      properties: { issue: 'March' }
    }
  }
]
