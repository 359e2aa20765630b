import { sandboxPerTest } from './http'

describe('user profiles', () => {
  const context = sandboxPerTest()
  const dataFieldsOf = (email: string) => context.sandbox.state.user({ email })?.dataFields

  it('merges dataFields at the top level: keys sent replace, keys not sent stay', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', dataFields: { plan: 'free', age: 30 } })
    await context.api.post('/api/users/update', { email: 'ann@example.com', dataFields: { plan: 'pro' } })
    expect(dataFieldsOf('ann@example.com')).toMatchObject({ plan: 'pro', age: 30 })
  })

  it('replaces a top-level object whole unless mergeNestedObjects is set', async () => {
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { mySettings: { mobile: true } }
    })
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { mySettings: { email: true } }
    })
    expect(dataFieldsOf('ann@example.com')?.mySettings).toEqual({ email: true })
  })

  it('with mergeNestedObjects, merges a top-level object into the stored one (Iterable’s example)', async () => {
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { mySettings: { mobile: true } }
    })
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      mergeNestedObjects: true,
      dataFields: { mySettings: { email: true } }
    })
    expect(dataFieldsOf('ann@example.com')?.mySettings).toEqual({ mobile: true, email: true })
  })

  it('with mergeNestedObjects, merges one level deep only: deeper objects are still replaced', async () => {
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { prefs: { channels: { sms: true }, lang: 'en' } }
    })
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      mergeNestedObjects: true,
      dataFields: { prefs: { channels: { push: true } } }
    })
    expect(dataFieldsOf('ann@example.com')?.prefs).toEqual({ channels: { push: true }, lang: 'en' })
  })

  it('merges the dataFields of each user of a bulkUpdate the same way', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', dataFields: { a: { x: 1 }, keep: true } })
    await context.api.post('/api/users/bulkUpdate', {
      users: [{ email: 'ann@example.com', mergeNestedObjects: true, dataFields: { a: { y: 2 } } }]
    })
    expect(dataFieldsOf('ann@example.com')).toMatchObject({ a: { x: 1, y: 2 }, keep: true })
  })

  it('keeps phoneNumber among the dataFields', async () => {
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { phoneNumber: '+14158675309' }
    })
    const answer = await context.api.get('/api/users/getByEmail?email=ann%40example.com')
    expect(answer.body).toMatchObject({ user: { dataFields: { phoneNumber: '+14158675309' } } })
  })

  it('refuses a phoneNumber that is not E.164: 400 on a single call', async () => {
    const answer = await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { phoneNumber: '415 867 5309' }
    })
    expect(answer).toMatchObject({ status: 400, body: { code: 'BadParams' } })
    expect(answer.body.msg).toContain('phoneNumber')
  })

  it('lists a user with a bad phoneNumber under invalidDataEmails in a bulkUpdate', async () => {
    const answer = await context.api.post('/api/users/bulkUpdate', {
      users: [
        { email: 'ann@example.com', dataFields: { phoneNumber: 'call me' } },
        { userId: 'u-2', dataFields: { phoneNumber: 14158675309 } }
      ]
    })
    expect(answer.body).toMatchObject({
      failCount: 2,
      failedUpdates: { invalidDataEmails: ['ann@example.com'], invalidDataUserIds: ['u-2'] }
    })
  })

  it('changes a user’s userId through dataFields.userId', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com', userId: 'old' })
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      dataFields: { userId: 'new', plan: 'pro' }
    })
    expect(context.sandbox.state.user({ userId: 'new' })).toMatchObject({ email: 'ann@example.com' })
    expect(context.sandbox.state.user({ userId: 'old' })).toBeUndefined()
  })

  it('treats emails case-insensitively, storing them in lower case', async () => {
    await context.api.post('/api/users/update', { email: 'Ann@Example.COM', dataFields: { a: 1 } })
    await context.api.post('/api/users/update', { email: 'ann@example.com', dataFields: { b: 2 } })
    expect(context.sandbox.state.user({ email: 'ANN@example.com' })).toMatchObject({
      email: 'ann@example.com',
      dataFields: { a: 1, b: 2 }
    })
  })

  it('never creates users in a bulkUpdate with updateOnly, listing them as not found', async () => {
    await context.api.post('/api/users/update', { email: 'ann@example.com' })
    const answer = await context.api.post('/api/users/bulkUpdate', {
      updateOnly: true,
      users: [
        { email: 'ann@example.com', dataFields: { seen: true } },
        { email: 'bob@example.com', dataFields: { seen: true } },
        { userId: 'u-3' }
      ]
    })
    expect(answer.body).toMatchObject({
      successCount: 1,
      failCount: 2,
      failedUpdates: { notFoundEmails: ['bob@example.com'], notFoundUserIds: ['u-3'] }
    })
    expect(context.sandbox.state.counts().users).toBe(1)
  })

  it('shows a user as Iterable’s UserResponse, identifiers and dates among the dataFields', async () => {
    await context.api.post('/api/users/update', {
      email: 'ann@example.com',
      userId: 'u-1',
      dataFields: { plan: 'pro' }
    })
    const answer = await context.api.get('/api/users/byUserId/u-1')
    expect(answer.body).toEqual({
      user: {
        email: 'ann@example.com',
        userId: 'u-1',
        dataFields: {
          plan: 'pro',
          email: 'ann@example.com',
          userId: 'u-1',
          signupDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+00:00$/),
          profileUpdatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+00:00$/)
        }
      }
    })
  })

  it('refuses to look up a malformed identifier, or none', async () => {
    expect((await context.api.get('/api/users/getByEmail?email=ann%40')).body).toMatchObject({
      code: 'InvalidEmailAddressError'
    })
    expect((await context.api.get('/api/events/byUserId/u%20')).body).toMatchObject({ code: 'InvalidUserIdError' })
    expect((await context.api.get('/api/users/getByEmail')).body).toMatchObject({ code: 'BadParams' })
  })

  it('answers {} for a user that does not exist, as Iterable does', async () => {
    expect(await context.api.get('/api/users/getByEmail?email=nobody%40example.com')).toMatchObject({
      status: 200,
      body: {}
    })
    expect((await context.api.get('/api/users/byUserId/nobody')).body).toEqual({})
  })
})
