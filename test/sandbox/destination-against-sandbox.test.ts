import { Destination, type JSONObject, type SegmentEvent } from '@segment/actions-core'
import definition from '../../src/destination'
import type { Settings } from '../../src/destination/generated-types'
import { pointDestinationAt, startSandbox, type ProjectType, type Sandbox } from '../../src/sandbox'

const API_KEY = 'sandbox-key'

/** The automatic presets, as the subscriptions a runtime would run. */
const subscriptions = (definition.presets ?? [])
  .filter((preset) => preset.type === 'automatic')
  .map(({ name, partnerAction, subscribe, mapping }) => ({ name, partnerAction, subscribe, mapping }))

const products = [{ product_id: 'sku-1', name: 'Mug', price: 12.5, quantity: 2, category: 'Kitchen' }]

const identify: SegmentEvent = {
  type: 'identify',
  messageId: 'm-identify',
  timestamp: '2024-03-01T12:00:00.000Z',
  userId: 'u-1',
  traits: { email: 'ann@example.com', name: 'Ann', plan: 'pro', phone: '+14158675309' }
}

const track = (event: string, properties: JSONObject, second: number): SegmentEvent => ({
  type: 'track',
  event,
  messageId: `m-${event}`,
  timestamp: `2024-03-01T12:00:${String(second).padStart(2, '0')}.000Z`,
  userId: 'u-1',
  properties,
  context: { traits: { email: 'ann@example.com' } }
})

const songPlayed = track('Song Played', { title: 'Blue' }, 10)
const cartUpdated = track('Cart Updated', { products }, 20)
const orderCompleted = track('Order Completed', { order_id: 'order-1', total: 25, products }, 30)

describe.each<ProjectType>(['email', 'userId', 'hybrid'])('the destination against a %s project', (projectType) => {
  let sandbox: Sandbox
  let destination: Destination<Settings>
  const deliver = (event: SegmentEvent, dataCenterLocation = 'united_states') =>
    destination.onEvent(event, {
      apiKey: API_KEY,
      dataCenterLocation,
      subscriptions: subscriptions as unknown as JSONObject[]
    })

  beforeEach(async () => {
    sandbox = await startSandbox({ projectType, apiKey: API_KEY })
    destination = new Destination(pointDestinationAt(definition, sandbox.url))
  })
  afterEach(() => sandbox.close())

  it('identify, then track, then a cart and a purchase end with the profile, event, cart and purchase', async () => {
    await deliver(identify)
    await deliver(songPlayed)
    await deliver(cartUpdated)
    expect(sandbox.state.user({ userId: 'u-1' })?.dataFields.shoppingCartItems).toEqual([
      { id: 'sku-1', name: 'Mug', price: 12.5, quantity: 2, categories: ['Kitchen'] }
    ])
    await deliver(orderCompleted)

    expect(sandbox.state.user({ userId: 'u-1' })).toMatchObject({
      email: 'ann@example.com',
      userId: 'u-1',
      dataFields: { name: 'Ann', plan: 'pro', phoneNumber: '+14158675309', shoppingCartItems: [] }
    })
    expect(sandbox.state.events({ userId: 'u-1' })).toMatchObject([
      { eventType: 'purchase', id: 'order-1', total: 25, createdAt: '2024-03-01 12:00:30 +00:00' },
      {
        eventType: 'customEvent',
        id: 'm-Song Played',
        eventName: 'Song Played',
        dataFields: { title: 'Blue' },
        createdAt: '2024-03-01 12:00:10 +00:00'
      }
    ])
    expect(sandbox.state.counts()).toEqual({ users: 1, events: 1, purchases: 1 })
  })

  it('reaches the sandbox for the EU data center too', async () => {
    await deliver(identify, 'europe')
    expect(sandbox.state.user({ userId: 'u-1' })).toBeDefined()
  })

  it('passes testAuthentication with the sandbox’s key and fails with another', async () => {
    await expect(destination.testAuthentication({ apiKey: API_KEY })).resolves.not.toThrow()
    await expect(destination.testAuthentication({ apiKey: 'wrong' })).rejects.toThrow(/BadApiKey/)
  })
})

describe('a custom event before any identify', () => {
  const trackFirst = async (projectType: ProjectType) => {
    const sandbox = await startSandbox({ projectType, apiKey: API_KEY })
    const destination = new Destination(pointDestinationAt(definition, sandbox.url))
    const delivered = destination.onEvent(songPlayed, {
      apiKey: API_KEY,
      subscriptions: subscriptions as unknown as JSONObject[]
    })
    return { sandbox, delivered }
  }

  it('creates no profile in an email-based project, and the destination reports the failure', async () => {
    const { sandbox, delivered } = await trackFirst('email')
    await expect(delivered).rejects.toThrow(/UnknownEmailError/)
    expect(sandbox.state.counts().users).toBe(0)
    await sandbox.close()
  })

  it.each<ProjectType>(['userId', 'hybrid'])('creates the user in a %s project', async (projectType) => {
    const { sandbox, delivered } = await trackFirst(projectType)
    await delivered
    expect(sandbox.state.events({ userId: 'u-1' })).toMatchObject([{ eventName: 'Song Played' }])
    await sandbox.close()
  })
})

describe('a batch of custom events', () => {
  it('goes through trackBulk, a failure Iterable lists reaching only its own event', async () => {
    const sandbox = await startSandbox({ projectType: 'hybrid', apiKey: API_KEY })
    sandbox.state.forget({ email: 'bob@example.com' })
    const destination = new Destination(pointDestinationAt(definition, sandbox.url))
    const customEvents = subscriptions.filter((subscription) => subscription.partnerAction === 'customEvent')
    const events = ['ann@example.com', 'bob@example.com', 'cat@example.com'].map((email) => ({
      ...songPlayed,
      userId: undefined,
      messageId: `m-${email}`,
      properties: { email }
    }))
    const [result] = await destination.onBatch(events, {
      apiKey: API_KEY,
      subscriptions: customEvents as unknown as JSONObject[]
    })
    await sandbox.close()
    expect(result.multistatus?.map((entry) => entry.status)).toEqual([200, 400, 200])
    expect(result.multistatus?.[1]).toMatchObject({ errormessage: expect.stringContaining('forgotten') })
    expect(sandbox.state.counts()).toEqual({ users: 2, events: 2, purchases: 0 })
  })
})
