import { sandboxPerTest } from './http'

describe('GDPR-forgotten users', () => {
  const context = sandboxPerTest()

  it('are deleted when forgotten', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    context.sandbox.state.forget({ email: 'ann@example.com' })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })).toBeUndefined()
  })

  it('make a single call about them answer 409 ForgottenUserError', async () => {
    context.sandbox.state.forget({ userId: 'u-1' })
    const answer = await context.api.post('/api/events/track', { userId: 'u-1', eventName: 'Viewed' })
    expect(answer).toMatchObject({ status: 409, body: { code: 'ForgottenUserError', params: { userId: 'u-1' } } })
  })

  it('are listed under forgottenEmails and forgottenUserIds in bulk replies', async () => {
    context.sandbox.state.forget({ email: 'ann@example.com' })
    context.sandbox.state.forget({ userId: 'u-1' })
    const answer = await context.api.post('/api/users/bulkUpdate', {
      users: [{ email: 'ann@example.com' }, { userId: 'u-1' }, { email: 'bob@example.com' }]
    })
    expect(answer.body).toMatchObject({
      successCount: 1,
      failCount: 2,
      failedUpdates: { forgottenEmails: ['ann@example.com'], forgottenUserIds: ['u-1'] }
    })
  })

  it('can be forgotten over HTTP through POST /sandbox/forget', async () => {
    expect((await context.api.post('/sandbox/forget', { email: 'ann@example.com' })).status).toBe(200)
    const answer = await context.api.post('/api/users/update', { email: 'ann@example.com' })
    expect(answer.status).toBe(409)
  })

  it('are forgotten by exactly one identifier', async () => {
    const answer = await context.api.post('/sandbox/forget', { email: 'ann@example.com', userId: 'u-1' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadParams' } })
  })
})

describe('deleting users', () => {
  const context = sandboxPerTest({ projectType: 'hybrid' })

  it('DELETE /api/users/{email} deletes the user, its events with it, the email URL-decoded', async () => {
    await context.api.post('/api/events/track', { email: 'ann+tag@example.com', eventName: 'Viewed' })
    const answer = await context.api.delete(`/api/users/${encodeURIComponent('ann+tag@example.com')}`)
    expect(answer).toMatchObject({ status: 200, body: { code: 'Success' } })
    expect(context.sandbox.state.counts()).toEqual({ users: 0, events: 0, purchases: 0 })
  })

  it('DELETE /api/users/byUserId/{userId} deletes the user, the userId URL-decoded', async () => {
    await context.api.post('/api/users/update', { userId: 'team/42 a' })
    const answer = await context.api.delete(`/api/users/byUserId/${encodeURIComponent('team/42 a')}`)
    expect(answer.status).toBe(200)
    expect(context.sandbox.state.user({ userId: 'team/42 a' })).toBeUndefined()
  })

  it('does not prevent the user from coming back, unlike forgetting', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    await context.api.delete('/api/users/ann%40example.com')
    expect((await context.api.post('/api/users/update', { email: 'ann@example.com' })).status).toBe(200)
  })

  it('answers 400 UnknownEmailError / UnknownUserIdError when there is no such user', async () => {
    expect((await context.api.delete('/api/users/nobody%40example.com')).body).toMatchObject({
      code: 'UnknownEmailError'
    })
    expect((await context.api.delete('/api/users/byUserId/nobody')).body).toMatchObject({ code: 'UnknownUserIdError' })
  })
})

describe('deleting users in an email-based project', () => {
  const context = sandboxPerTest({ projectType: 'email' })

  it('deletes every user that shares the userId, as Iterable documents', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'shared' })
    await context.api.post('/api/users/update', { email: 'bob@example.com', userId: 'shared' })
    await context.api.delete('/api/users/byUserId/shared')
    expect(context.sandbox.state.counts().users).toBe(0)
  })
})

describe('deleting users in a userID-based project', () => {
  const context = sandboxPerTest({ projectType: 'userId' })

  it('is refused by email, which Iterable does not support there', async () => {
    await context.api.post('/api/users/update', { userId: 'u-1', email: 'ann@example.com' })
    const answer = await context.api.delete('/api/users/ann%40example.com')
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadParams' } })
    expect(context.sandbox.state.counts().users).toBe(1)
  })
})
