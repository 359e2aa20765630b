import type { SegmentEvent } from '@segment/actions-core'

/** A shopper's Cart Updated / Order Completed events, and what Iterable should receive for them. */

export const products = [
  {
    product_id: 'p-1',
    sku: 'SKU-1',
    category: 'Shoes',
    name: 'Runner',
    price: 89.5,
    quantity: 2,
    url: 'https://shop.example.com/p-1',
    image_url: 'https://shop.example.com/p-1.png',
    description: 'A light running shoe'
  }
]

export const commerceEvent = (event: string, properties: Record<string, unknown> = {}): SegmentEvent => ({
  type: 'track',
  event,
  userId: 'user-1',
  messageId: 'msg-1',
  timestamp: '2023-05-17T10:00:00.000Z',
  properties: { products, ...properties },
  context: { traits: { email: 'ada@example.com', phone: '+14158675309', firstSeen: '2023-01-01T08:30:00+02:00' } }
})

export const expectedItem = {
  id: 'p-1',
  sku: 'SKU-1',
  categories: ['Shoes'],
  name: 'Runner',
  price: 89.5,
  quantity: 2,
  url: 'https://shop.example.com/p-1',
  imageUrl: 'https://shop.example.com/p-1.png',
  description: 'A light running shoe'
}

export const expectedUser = {
  email: 'ada@example.com',
  userId: 'user-1',
  dataFields: {
    email: 'ada@example.com',
    phone: '+14158675309',
    firstSeen: '2023-01-01 06:30:00 +00:00',
    phoneNumber: '+14158675309'
  },
  mergeNestedObjects: false
}
