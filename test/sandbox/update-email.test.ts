import { sandboxPerTest } from './http'

describe('users/updateEmail in an email-based project', () => {
  const context = sandboxPerTest({ projectType: 'email' })
  const updateEmail = (body: object) => context.api.post('/api/users/updateEmail', body)

  beforeEach(async () => {
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      userId: 'u-1',
      dataFields: { plan: 'pro' }
    })
    await context.api.post('/api/events/track', { email: 'ann@example.com', eventName: 'Viewed' })
  })

  it('moves the user, with its data and events, to the new email', async () => {
    const answer = await updateEmail({ currentEmail: 'ann@example.com', newEmail: 'ann@new.example.com' })
    expect(answer).toMatchObject({ status: 200, body: { code: 'Success' } })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })).toBeUndefined()
    expect(context.sandbox.state.user({ email: 'ann@new.example.com' })?.dataFields).toMatchObject({ plan: 'pro' })
    expect(context.sandbox.state.events({ email: 'ann@new.example.com' })).toHaveLength(1)
  })

  it('finds the user by currentUserId when no currentEmail is sent', async () => {
    await updateEmail({ currentUserId: 'u-1', newEmail: 'ann@new.example.com' })
    expect(context.sandbox.state.user({ userId: 'u-1' })?.email).toBe('ann@new.example.com')
  })

  it('lets currentEmail take precedence over currentUserId', async () => {
    await context.api.post('/api/users/update', { email: 'bob@example.com', userId: 'u-2' })
    await updateEmail({ currentEmail: 'bob@example.com', currentUserId: 'u-1', newEmail: 'bob@new.example.com' })
    expect(context.sandbox.state.user({ userId: 'u-2' })?.email).toBe('bob@new.example.com')
    expect(context.sandbox.state.user({ userId: 'u-1' })?.email).toBe('ann@example.com')
  })

  it('needs currentEmail or currentUserId', async () => {
    const answer = await updateEmail({ newEmail: 'ann@new.example.com' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadParams' } })
  })

  it('refuses a malformed new email with 400 InvalidEmailAddressError', async () => {
    const answer = await updateEmail({ currentEmail: 'ann@example.com', newEmail: 'ann@' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InvalidEmailAddressError' } })
  })

  it('answers 409 EmailAlreadyExists when the new email is another user’s', async () => {
    await context.api.post('/api/users/update', { email: 'bob@example.com' })
    const answer = await updateEmail({ currentEmail: 'ann@example.com', newEmail: 'bob@example.com' })
    expect(answer).toMatchObject({ status: 409, body: { code: 'EmailAlreadyExists' } })
  })

  it('answers 409 ForgottenUserError when the new email was forgotten', async () => {
    context.sandbox.state.forget({ email: 'gone@example.com' })
    const answer = await updateEmail({ currentEmail: 'ann@example.com', newEmail: 'gone@example.com' })
    expect(answer).toMatchObject({ status: 409, body: { code: 'ForgottenUserError' } })
  })

  it('answers 400 UnknownEmailError when there is no current user', async () => {
    const answer = await updateEmail({ currentEmail: 'nobody@example.com', newEmail: 'someone@example.com' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'UnknownEmailError' } })
  })
})

describe('users/updateEmail in other project types', () => {
  const context = sandboxPerTest({ projectType: 'hybrid' })

  it('is refused: Iterable has them change emails through users/update', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    const answer = await context.api.post('/api/users/updateEmail', {
      currentEmail: 'ann@example.com',
      newEmail: 'ann@new.example.com'
    })
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadParams' } })
    expect(answer.body.msg).toContain('/api/users/update')
  })
})
