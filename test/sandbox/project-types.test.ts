import { sandboxPerTest } from './http'

describe('an email-based project', () => {
  const context = sandboxPerTest({ projectType: 'email' })

  it('creates a user from an email', async () => {
    const answer = await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    expect(answer).toMatchObject({ status: 200, body: { code: 'Success' } })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })).toMatchObject({
      email: 'ann@example.com',
      userId: 'u-1'
    })
  })

  it('does not create a user from a userId alone: 400 UnknownUserIdError', async () => {
    const answer = await context.api.post('/api/users/update', { userId: 'u-1' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'UnknownUserIdError', params: { userId: 'u-1' } } })
    expect(context.sandbox.state.counts().users).toBe(0)
  })

  it('creates a user from a userId with preferUserId, giving it a placeholder email', async () => {
    await context.api.post('/api/users/update', { userId: 'u-1', preferUserId: true })
    expect(context.sandbox.state.user({ userId: 'u-1' })?.email).toMatch(/^[0-9a-f]{32}@placeholder\.email$/)
  })

  it('creates no user for a custom event about an unknown email: 400 UnknownEmailError', async () => {
    const answer = await context.api.post('/api/events/track', { email: 'ann@example.com', eventName: 'Viewed' })
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'UnknownEmailError', params: { email: 'ann@example.com' } }
    })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })).toBeUndefined()
  })

  it('fails a custom event about an unknown userId: 400 UnknownUserIdError', async () => {
    const answer = await context.api.post('/api/events/track', { userId: 'u-1', eventName: 'Viewed' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'UnknownUserIdError' } })
  })

  it('lists bulk events about unknown users under notFoundEmails and notFoundUserIds', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    const answer = await context.api.post('/api/events/trackBulk', {
      events: [
        { email: 'ann@example.com', eventName: 'Viewed' },
        { userId: 'u-1', eventName: 'Viewed' },
        { email: 'bob@example.com', eventName: 'Viewed' },
        { userId: 'u-2', eventName: 'Viewed' }
      ]
    })
    expect(answer.body).toMatchObject({
      successCount: 2,
      failCount: 2,
      failedUpdates: { notFoundEmails: ['bob@example.com'], notFoundUserIds: ['u-2'] }
    })
    expect(context.sandbox.state.events({ email: 'ann@example.com' })).toHaveLength(2)
    expect(context.sandbox.state.counts().users).toBe(1)
  })

  it('finds a user by email first when both are sent, and overwrites its userId', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-2' })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })?.userId).toBe('u-2')
  })

  it('lets two users share a userId (email-based projects do not enforce its uniqueness)', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'shared' })
    const answer = await context.api.post('/api/users/update', { email: 'bob@example.com', userId: 'shared' })
    expect(answer.status).toBe(200)
    expect(context.sandbox.state.counts().users).toBe(2)
  })

  it('keeps emails unique: taking another user’s email is 409 EmailAlreadyExists', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    await context.api.post('/api/users/update', { email: 'bob@example.com' })
    const answer = await context.api.post('/api/users/update', {
      email: 'bob@example.com',
      dataFields: { email: 'ann@example.com' }
    })
    expect(answer).toMatchObject({
      status: 409,
      body: { code: 'EmailAlreadyExists', params: { email: 'ann@example.com' } }
    })
  })

  it('does not create a user from the userId of a cart update either', async () => {
    const answer = await context.api.post('/api/commerce/updateCart', { user: { userId: 'u-1' }, items: [] })
    expect(answer).toMatchObject({ status: 400, body: { code: 'UnknownUserIdError' } })
  })
})

describe('a userID-based project', () => {
  const context = sandboxPerTest({ projectType: 'userId' })

  it('creates a user from a userId, the email being optional', async () => {
    await context.api.post('/api/users/update', { userId: 'u-1' })
    await context.api.post('/api/users/update', { userId: 'u-2', email: 'bob@example.com' })
    expect(context.sandbox.state.user({ userId: 'u-1' })).toMatchObject({ userId: 'u-1' })
    expect(context.sandbox.state.user({ userId: 'u-2' })).toMatchObject({ email: 'bob@example.com' })
  })

  it('neither finds nor creates a user from an email alone: 400 UnknownEmailError', async () => {
    await context.api.post('/api/users/update', { userId: 'u-1', email: 'ann@example.com' })
    const answer = await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { plan: 'pro' }
    })
    expect(answer).toMatchObject({ status: 400, body: { code: 'UnknownEmailError' } })
    expect(context.sandbox.state.user({ userId: 'u-1' })?.dataFields.plan).toBeUndefined()
  })

  it('creates the user of a custom event about an unknown userId', async () => {
    const answer = await context.api.post('/api/events/track', { userId: 'u-1', eventName: 'Viewed' })
    expect(answer.status).toBe(200)
    expect(context.sandbox.state.events({ userId: 'u-1' })).toMatchObject([{ eventName: 'Viewed' }])
  })

  it('lists bulk events sent by email alone under notFoundEmails', async () => {
    const answer = await context.api.post('/api/events/trackBulk', {
      events: [{ email: 'ann@example.com', eventName: 'e' }]
    })
    expect(answer.body).toMatchObject({
      successCount: 0,
      failCount: 1,
      failedUpdates: { notFoundEmails: ['ann@example.com'] }
    })
  })

  it('lets two users share an email (userID-based projects do not enforce its uniqueness)', async () => {
    await context.api.post('/api/users/update', { userId: 'u-1', email: 'family@example.com' })
    const answer = await context.api.post('/api/users/update', { userId: 'u-2', email: 'family@example.com' })
    expect(answer.status).toBe(200)
    expect(context.sandbox.state.counts().users).toBe(2)
  })

  it('keeps userIds unique: taking another user’s userId is 409, conflictUserIds in bulk', async () => {
    await context.api.post('/api/users/update', { userId: 'u-1' })
    await context.api.post('/api/users/update', { userId: 'u-2' })
    const single = await context.api.post('/api/users/update', { userId: 'u-2', dataFields: { userId: 'u-1' } })
    expect(single).toMatchObject({ status: 409, body: { code: 'UserIdAlreadyExists', params: { userId: 'u-1' } } })
    const bulk = await context.api.post('/api/users/bulkUpdate', {
      users: [{ userId: 'u-2', dataFields: { userId: 'u-1' } }]
    })
    expect(bulk.body).toMatchObject({ failCount: 1, failedUpdates: { conflictUserIds: ['u-1'] } })
  })
})

describe('a hybrid project', () => {
  const context = sandboxPerTest({ projectType: 'hybrid' })

  it('creates a user from an email alone or from a userId alone', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    await context.api.post('/api/users/update', { userId: 'u-2' })
    expect(context.sandbox.state.counts().users).toBe(2)
  })

  it('creates the user of a custom event about an unknown email or userId', async () => {
    await context.api.post('/api/events/track', { email: 'ann@example.com', eventName: 'Viewed' })
    await context.api.post('/api/events/track', { userId: 'u-2', eventName: 'Viewed' })
    expect(context.sandbox.state.events({ email: 'ann@example.com' })).toHaveLength(1)
    expect(context.sandbox.state.events({ userId: 'u-2' })).toHaveLength(1)
  })

  it('joins a userId to the user found by email', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    expect(context.sandbox.state.user({ userId: 'u-1' })?.email).toBe('ann@example.com')
    expect(context.sandbox.state.counts().users).toBe(1)
  })

  it('answers 409 EmailAlreadyExists when an update would give a user another user’s email', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    await context.api.post('/api/users/update', { userId: 'u-2' })
    const answer = await context.api.post('/api/users/update', {
      userId: 'u-2',
      dataFields: { email: 'ann@example.com' }
    })
    expect(answer).toMatchObject({ status: 409, body: { code: 'EmailAlreadyExists' } })
  })

  it('answers 409 UserIdAlreadyExists when an update would give a user another user’s userId', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    await context.api.post('/api/users/update', { email: 'bob@example.com' })
    const answer = await context.api.post('/api/users/update', { email: 'bob@example.com', userId: 'u-1' })
    expect(answer).toMatchObject({ status: 409, body: { code: 'UserIdAlreadyExists', params: { userId: 'u-1' } } })
    expect(context.sandbox.state.user({ email: 'bob@example.com' })?.userId).toBeUndefined()
  })

  it('lists conflicting identifiers of a bulkUpdate under conflictEmails and conflictUserIds', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'u-1' })
    await context.api.post('/api/users/update', { email: 'bob@example.com', userId: 'u-2' })
    const answer = await context.api.post('/api/users/bulkUpdate', {
      users: [
        { email: 'bob@example.com', userId: 'u-1' },
        { userId: 'u-2', dataFields: { email: 'ann@example.com' } },
        { email: 'cat@example.com', userId: 'u-3' }
      ]
    })
    expect(answer.body).toMatchObject({
      successCount: 1,
      failCount: 2,
      failedUpdates: { conflictUserIds: ['u-1'], conflictEmails: ['ann@example.com'] }
    })
  })
})
