import { validateDefinition } from '../../src/iterable/schema'
import { startSandbox, type ProjectType } from '../../src/sandbox'
import { apiFor, sandboxPerTest } from './http'

describe('reply shapes', () => {
  const context = sandboxPerTest()

  it('single calls answer Iterable’s IterableApiResponse, successes and errors alike', async () => {
    const replies = [
      await context.api.post('/api/users/update', { email: 'ann@example.com' }),
      await context.api.post('/api/events/track', { email: 'ann@', eventName: 'e' }),
      await context.api.post('/api/users/update', { email: 'ann@example.com', extra: 1 })
    ]
    for (const { body } of replies) expect(validateDefinition('IterableApiResponse', body)).toEqual([])
  })

  it('trackBulk answers Iterable’s BulkTrackResponse, every failedUpdates category present', async () => {
    const answer = await context.api.post('/api/events/trackBulk', {
      events: [{ email: 'ann@example.com', eventName: 'e' }]
    })
    expect(validateDefinition('BulkTrackResponse', answer.body)).toEqual([])
    expect(Object.keys(answer.body.failedUpdates as object).sort()).toEqual([
      'forgottenEmails',
      'forgottenUserIds',
      'invalidEmails',
      'invalidUserIds',
      'notFoundEmails',
      'notFoundUserIds'
    ])
  })

  it('bulkUpdate answers Iterable’s UserBulkUpdateListResponse, every failedUpdates category present', async () => {
    const answer = await context.api.post('/api/users/bulkUpdate', { users: [{ email: 'ann@example.com' }] })
    expect(validateDefinition('UserBulkUpdateListResponse', answer.body)).toEqual([])
    expect(Object.keys(answer.body.failedUpdates as object)).toHaveLength(10)
  })

  it('trackBulk keeps the deprecated top-level lists as Iterable defines them: malformed emails, unknown userIds', async () => {
    const sandbox = await startSandbox({ projectType: 'email' })
    try {
      const answer = await apiFor(sandbox.url).post('/api/events/trackBulk', {
        events: [
          { email: 'ann@', eventName: 'e' },
          { userId: 'u-unknown', eventName: 'e' }
        ]
      })
      expect(answer.body).toMatchObject({ invalidEmails: ['ann@'], invalidUserIds: ['u-unknown'] })
    } finally {
      await sandbox.close()
    }
  })

  it('bulkUpdate keeps the deprecated top-level lists as Iterable defines them: every user that failed', async () => {
    context.sandbox.state.forget({ userId: 'u-gone' })
    const answer = await context.api.post('/api/users/bulkUpdate', {
      users: [{ email: 'ann@' }, { userId: 'u-gone' }, { email: 'bob@example.com' }]
    })
    expect(answer.body).toMatchObject({ invalidEmails: ['ann@'], invalidUserIds: ['u-gone'] })
  })

  it('GET /api/webhooks answers an empty list of webhooks', async () => {
    expect((await context.api.get('/api/webhooks')).body).toEqual({ webhooks: [] })
  })
})

describe('resetting the sandbox', () => {
  const context = sandboxPerTest()

  it('POST /sandbox/reset empties the project', async () => {
    await context.api.post('/api/events/track', { email: 'ann@example.com', eventName: 'e' })
    context.sandbox.state.forget({ email: 'bob@example.com' })
    await context.api.post('/sandbox/reset')
    expect(context.sandbox.state.counts()).toEqual({ users: 0, events: 0, purchases: 0 })
    expect((await context.api.post('/api/users/update', { email: 'bob@example.com' })).status).toBe(200)
  })

  it('the handle’s state.reset() empties the project too', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    context.sandbox.state.reset()
    expect(context.sandbox.state.user({ email: 'ann@example.com' })).toBeUndefined()
  })
})

describe('starting a sandbox', () => {
  it('runs a hybrid project unless told otherwise', async () => {
    const sandbox = await startSandbox()
    await sandbox.close()
    expect(sandbox.projectType).toBe('hybrid')
  })

  it('listens on loopback, on a free port when given port 0', async () => {
    const sandbox = await startSandbox({ port: 0 })
    await sandbox.close()
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('refuses a project type Iterable does not have', async () => {
    await expect(startSandbox({ projectType: 'phone' as ProjectType })).rejects.toThrow(/projectType/)
  })

  it('refuses a rateScale that is not positive', async () => {
    await expect(startSandbox({ rateScale: 0 })).rejects.toThrow(/rateScale/)
  })

  it('refuses an empty apiKey', async () => {
    await expect(startSandbox({ apiKey: '' })).rejects.toThrow(/apiKey/)
  })
})
