import { createTestIntegration, type SegmentEvent } from '@segment/actions-core'
import definition from '../../src'
import { API_KEY, captureBodies, EU, expectConformsTo, US } from '../helpers/iterable'

const destination = createTestIntegration(definition)
const settings = { apiKey: API_KEY }

const signedUp = (overrides: Partial<SegmentEvent> = {}): SegmentEvent => ({
  type: 'track',
  event: 'Signed Up',
  messageId: 'msg-1',
  userId: 'user-1',
  timestamp: '2023-05-17T10:00:00.000Z',
  properties: { plan: 'pro', trialEndsAt: '2023-06-01T00:00:00Z', campaignId: 123, templateId: 456 },
  context: { traits: { email: 'trait@example.com' } },
  ...overrides
})

describe('customEvent, one event at a time', () => {
  it('tracks the event on events/track with the default mappings', async () => {
    const bodies = captureBodies(US, '/api/events/track')
    await destination.testAction('customEvent', { event: signedUp(), settings, useDefaultMappings: true })
    expect(bodies).toEqual([
      {
        email: 'trait@example.com',
        userId: 'user-1',
        eventName: 'Signed Up',
        id: 'msg-1',
        createdAt: 1684317600,
        dataFields: {
          plan: 'pro',
          trialEndsAt: '2023-06-01 00:00:00 +00:00',
          campaignId: 123,
          templateId: 456
        },
        campaignId: 123,
        templateId: 456
      }
    ])
    expectConformsTo('TrackRequest', bodies[0])
  })

  it('prefers properties.email over the email in context.traits', async () => {
    const bodies = captureBodies(US, '/api/events/track')
    await destination.testAction('customEvent', {
      event: signedUp({ properties: { email: 'property@example.com' } }),
      settings,
      useDefaultMappings: true
    })
    expect(bodies[0]).toMatchObject({ email: 'property@example.com' })
  })

  it('goes to the EU data center when Europe is configured', async () => {
    const bodies = captureBodies(EU, '/api/events/track')
    await destination.testAction('customEvent', {
      event: signedUp(),
      settings: { apiKey: API_KEY, dataCenterLocation: 'europe' },
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
  })

  it('leaves createdAt out when the event has no timestamp, so Iterable uses the time it received it', async () => {
    const bodies = captureBodies(US, '/api/events/track')
    await destination.testAction('customEvent', {
      event: signedUp({ timestamp: undefined }),
      settings,
      useDefaultMappings: true
    })
    expect(bodies[0]).not.toHaveProperty('createdAt')
  })

  it('sends no batching field to Iterable', async () => {
    const bodies = captureBodies(US, '/api/events/track')
    await destination.testAction('customEvent', { event: signedUp(), settings, useDefaultMappings: true })
    expect(bodies[0]).not.toHaveProperty('enable_batching')
    expect(bodies[0]).not.toHaveProperty('batch_size')
  })

  it('refuses an event without email and userId, sending nothing', async () => {
    const bodies = captureBodies(US, '/api/events/track')
    await expect(
      destination.testAction('customEvent', {
        event: signedUp({ userId: null, context: {}, properties: {} }),
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow('Must include email or userId.')
    expect(bodies).toHaveLength(0)
  })

  it('refuses an event without a name', async () => {
    await expect(
      destination.testAction('customEvent', {
        event: signedUp({ event: undefined }),
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow(/eventName/)
  })

  it('does not change the event it is given', async () => {
    captureBodies(US, '/api/events/track')
    const event = signedUp()
    const before = structuredClone(event)
    await destination.testAction('customEvent', { event, settings, useDefaultMappings: true })
    expect(event).toEqual(before)
  })
})

describe('customEvent in batches', () => {
  it('tracks the events together on events/trackBulk', async () => {
    const bodies = captureBodies(US, '/api/events/trackBulk', { successCount: 2, failCount: 0 })
    await destination.testBatchAction('customEvent', {
      events: [signedUp(), signedUp({ messageId: 'msg-2', event: 'Logged In' })],
      settings,
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
    const body = bodies[0] as { events: Array<{ eventName: string; id: string }> }
    expect(body.events.map(({ eventName, id }) => [eventName, id])).toEqual([
      ['Signed Up', 'msg-1'],
      ['Logged In', 'msg-2']
    ])
    expectConformsTo('BulkTrackRequest', body)
  })

  it('uses the EU bulk endpoint when Europe is configured', async () => {
    const bodies = captureBodies(EU, '/api/events/trackBulk', { successCount: 1, failCount: 0 })
    await destination.testBatchAction('customEvent', {
      events: [signedUp()],
      settings: { apiKey: API_KEY, dataCenterLocation: 'europe' },
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
  })
})
