import { sandboxPerTest } from './http'

const MALFORMED_USER_IDS: Array<[string, string]> = [
  ['empty', ''],
  ['longer than 52 characters', 'u'.repeat(53)],
  ['non-ASCII', 'usér-1'],
  ['non-printable', 'user\u0007bell'],
  ['ending with a space', 'user-1 ']
]

const MALFORMED_EMAILS: Array<[string, string]> = [
  ['empty', ''],
  ['longer than 254 characters', `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`],
  ['non-ASCII', 'renée@example.com'],
  ['non-printable', 'ann\u0000@example.com'],
  ['ending with a space', 'ann@example.com '],
  ['without an @', 'ann.example.com'],
  ['without a domain', 'ann@'],
  ['without a dot in the domain', 'ann@localhost'],
  ['with a space inside', 'ann smith@example.com']
]

describe('malformed identifiers', () => {
  const context = sandboxPerTest()

  it.each(MALFORMED_USER_IDS)('a userId %s gets 400 InvalidUserIdError on a single call', async (_, userId) => {
    const answer = await context.api.post('/api/users/update', { userId })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InvalidUserIdError', params: { userId } } })
  })

  it.each(MALFORMED_EMAILS)('an email %s gets 400 InvalidEmailAddressError on a single call', async (_, email) => {
    const answer = await context.api.post('/api/events/track', { email, eventName: 'e' })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InvalidEmailAddressError', params: { email } } })
  })

  it('accepts a userId of exactly 52 printable ASCII characters', async () => {
    const answer = await context.api.post('/api/users/update', { userId: `${'u'.repeat(50)} x` })
    expect(answer.status).toBe(200)
  })

  it('also checks identifiers sent in dataFields, which change a profile', async () => {
    const answer = await context.api.post('/api/users/update', { userId: 'u-1', dataFields: { email: 'not-an-email' } })
    expect(answer).toMatchObject({ status: 400, body: { code: 'InvalidEmailAddressError' } })
  })

  it('lists malformed ones of a trackBulk under failedUpdates and counts the rest as successes', async () => {
    const answer = await context.api.post('/api/events/trackBulk', {
      events: [
        { email: 'ann@example.com', eventName: 'ok' },
        { email: 'ann@', eventName: 'bad email' },
        { userId: 'u'.repeat(53), eventName: 'bad userId' },
        { userId: 'fine-1', eventName: 'ok' }
      ]
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      successCount: 2,
      failCount: 2,
      failedUpdates: { invalidEmails: ['ann@'], invalidUserIds: ['u'.repeat(53)] }
    })
  })

  it('lists malformed ones of a bulkUpdate under failedUpdates and still updates the others', async () => {
    const answer = await context.api.post('/api/users/bulkUpdate', {
      users: [{ email: 'ann@example.com' }, { email: ' ann@example.com' }, { userId: 'trailing ' }]
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      successCount: 1,
      failCount: 2,
      failedUpdates: { invalidEmails: [' ann@example.com'], invalidUserIds: ['trailing '] }
    })
    expect(context.sandbox.state.user({ email: 'ann@example.com' })).toBeDefined()
  })
})
