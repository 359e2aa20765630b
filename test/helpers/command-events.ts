import { writeFileSync } from 'node:fs'

/**
 * Segment events for the command's tests: per user an identify, then custom events, a cart and an
 * order, with stable messageIds and order ids so that outcomes and stored records can be matched.
 */
export function shopperEvents(users: number, tracksPerUser = 3): object[] {
  return Array.from({ length: users }, (_, index) => {
    const userId = `shopper-${index}`
    const email = `shopper${index}@example.com`
    const products = [{ product_id: `p-${index}`, name: 'Mug', price: 9, quantity: 1 }]
    return [
      { type: 'identify', messageId: `${userId}-identify`, userId, traits: { email, plan: 'free' } },
      ...Array.from({ length: tracksPerUser }, (_track, n) => ({
        type: 'track',
        messageId: `${userId}-track-${n}`,
        userId,
        event: 'Song Played',
        properties: { n }
      })),
      { type: 'track', messageId: `${userId}-cart`, userId, event: 'Cart Updated', properties: { products } },
      {
        type: 'track',
        messageId: `${userId}-order`,
        userId,
        event: 'Order Completed',
        properties: { order_id: `order-${index}`, total: 9, products }
      }
    ]
  }).flat()
}

export function writeNdjson(path: string, events: object[]): string {
  writeFileSync(path, events.map((event) => JSON.stringify(event)).join('\n') + '\n')
  return path
}
