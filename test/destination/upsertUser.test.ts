import { createTestIntegration, type SegmentEvent } from '@segment/actions-core'
import nock from 'nock'
import definition from '../../src'
import { API_KEY, captureBodies, EU, expectConformsTo, SUCCESS, US } from '../helpers/iterable'

const destination = createTestIntegration(definition)
const settings = { apiKey: API_KEY }

const identify = (traits: Record<string, unknown> = {}, overrides: Partial<SegmentEvent> = {}): SegmentEvent => ({
  type: 'identify',
  userId: 'user-1',
  traits: { email: 'ada@example.com', name: 'Ada', phone: '+14158675309', ...traits },
  ...overrides
})

describe('upsertUser, one user at a time', () => {
  it('updates the user on users/update with the default mappings', async () => {
    const bodies = captureBodies(US, '/api/users/update')
    await destination.testAction('upsertUser', {
      event: identify({ signedUpAt: '2023-05-17T10:00:00Z', birthday: '1990-01-02' }),
      settings,
      useDefaultMappings: true
    })
    expect(bodies).toEqual([
      {
        email: 'ada@example.com',
        userId: 'user-1',
        dataFields: {
          email: 'ada@example.com',
          name: 'Ada',
          phone: '+14158675309',
          signedUpAt: '2023-05-17 10:00:00 +00:00',
          birthday: '1990-01-02',
          phoneNumber: '+14158675309'
        },
        mergeNestedObjects: false
      }
    ])
    expectConformsTo('ApiUserUpdateRequest', bodies[0])
  })

  it('goes to the EU data center when Europe is configured', async () => {
    const bodies = captureBodies(EU, '/api/users/update')
    await destination.testAction('upsertUser', {
      event: identify(),
      settings: { apiKey: API_KEY, dataCenterLocation: 'europe' },
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
  })

  it('sends mergeNestedObjects when the mapping asks for it', async () => {
    const bodies = captureBodies(US, '/api/users/update')
    await destination.testAction('upsertUser', {
      event: identify(),
      mapping: { userId: { '@path': '$.userId' }, mergeNestedObjects: true },
      settings
    })
    expect(bodies[0]).toEqual({ userId: 'user-1', mergeNestedObjects: true })
  })

  it('clears the phone number with an explicit null', async () => {
    const bodies = captureBodies(US, '/api/users/update')
    await destination.testAction('upsertUser', { event: identify({ phone: null }), settings, useDefaultMappings: true })
    expect(bodies[0]).toMatchObject({ dataFields: { phoneNumber: null } })
  })

  it('leaves the phone number out when the user has none', async () => {
    const bodies = captureBodies(US, '/api/users/update')
    await destination.testAction('upsertUser', {
      event: identify({}, { traits: { email: 'ada@example.com' } }),
      settings,
      useDefaultMappings: true
    })
    expect(bodies[0]).not.toHaveProperty('dataFields.phoneNumber')
    expect(bodies[0]).not.toHaveProperty('phoneNumber')
  })

  it('refuses a user without email and userId, sending nothing', async () => {
    const bodies = captureBodies(US, '/api/users/update')
    await expect(
      destination.testAction('upsertUser', {
        event: identify({}, { userId: null, traits: { name: 'Ada' } }),
        settings,
        useDefaultMappings: true
      })
    ).rejects.toThrow('Must include email or userId.')
    expect(bodies).toHaveLength(0)
  })

  it('changes the email with users/updateEmail after updating the profile', async () => {
    const calls: string[] = []
    nock(US)
      .post('/api/users/update')
      .reply(200, () => (calls.push('update'), SUCCESS))
    nock(US)
      .post('/api/users/updateEmail', (body) => {
        calls.push('updateEmail')
        expectConformsTo('UpdateEmailRequest', body)
        return body.currentEmail === 'ada@example.com' && body.newEmail === 'ada@new.example.com'
      })
      .reply(200, SUCCESS)
    await destination.testAction('upsertUser', {
      event: identify(),
      mapping: { email: { '@path': '$.traits.email' }, newEmail: 'ada@new.example.com' },
      settings
    })
    expect(calls).toEqual(['update', 'updateEmail'])
  })

  it('names the user by currentUserId in updateEmail when there is no current email', async () => {
    nock(US).post('/api/users/update').reply(200, SUCCESS)
    const bodies = captureBodies(US, '/api/users/updateEmail')
    await destination.testAction('upsertUser', {
      event: identify(),
      mapping: { userId: { '@path': '$.userId' }, newEmail: 'ada@new.example.com' },
      settings
    })
    expect(bodies).toEqual([{ currentUserId: 'user-1', newEmail: 'ada@new.example.com' }])
  })
})

describe('upsertUser in batches', () => {
  it('updates the users together on users/bulkUpdate, with no updateOnly unless asked', async () => {
    const bodies = captureBodies(US, '/api/users/bulkUpdate', { successCount: 2, failCount: 0 })
    await destination.testBatchAction('upsertUser', {
      events: [identify(), identify({ email: 'bob@example.com' }, { userId: 'user-2' })],
      settings,
      useDefaultMappings: true
    })
    expect(bodies).toHaveLength(1)
    const body = bodies[0] as { users: Array<{ email: string }> }
    expect(body.users.map((user) => user.email)).toEqual(['ada@example.com', 'bob@example.com'])
    expect(body).not.toHaveProperty('updateOnly')
    expectConformsTo('BulkUpdateUsersRequest', body)
  })

  it('sends updateOnly: true when the mapping sets it', async () => {
    const bodies = captureBodies(US, '/api/users/bulkUpdate', { successCount: 1, failCount: 0 })
    await destination.testBatchAction('upsertUser', {
      events: [identify()],
      mapping: { userId: { '@path': '$.userId' }, updateOnly: true },
      settings
    })
    expect(bodies).toEqual([{ updateOnly: true, users: [{ userId: 'user-1' }] }])
  })

  it("puts a new email in the user's dataFields.email, as bulk updates have no updateEmail", async () => {
    const bodies = captureBodies(US, '/api/users/bulkUpdate', { successCount: 1, failCount: 0 })
    await destination.testBatchAction('upsertUser', {
      events: [identify()],
      mapping: { userId: { '@path': '$.userId' }, newEmail: 'ada@new.example.com' },
      settings
    })
    expect(bodies).toEqual([{ users: [{ userId: 'user-1', dataFields: { email: 'ada@new.example.com' } }] }])
  })

  it('keeps each user phone number in that user dataFields', async () => {
    const bodies = captureBodies(US, '/api/users/bulkUpdate', { successCount: 2, failCount: 0 })
    await destination.testBatchAction('upsertUser', {
      events: [identify({ phone: '+111' }), identify({ phone: '+222' }, { userId: 'user-2' })],
      settings,
      useDefaultMappings: true
    })
    const body = bodies[0] as { users: Array<{ dataFields: { phoneNumber: string } }> }
    expect(body.users.map((user) => user.dataFields.phoneNumber)).toEqual(['+111', '+222'])
  })
})
