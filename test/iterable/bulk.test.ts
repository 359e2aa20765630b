import { packIntoRequests, rejectionsInBulkReply, type BulkItemKey } from '../../src/iterable/bulk'
import { validateDefinition } from '../../src/iterable/schema'

describe('rejectionsInBulkReply', () => {
  it('marks the user of every failedUpdates category at once, with its status and reason', () => {
    const reply = {
      successCount: 2,
      failCount: 10,
      failedUpdates: {
        invalidEmails: ['bad@@example.com'],
        invalidUserIds: ['bad id '],
        notFoundEmails: ['ghost@example.com'],
        notFoundUserIds: ['ghost-id'],
        forgottenEmails: ['a@b.c'],
        forgottenUserIds: ['gone-id'],
        conflictEmails: ['taken@example.com'],
        conflictUserIds: ['taken-id'],
        invalidDataEmails: ['typo@example.com'],
        invalidDataUserIds: ['typo-id']
      }
    }
    expect(validateDefinition('UserBulkUpdateListResponse', reply)).toEqual([])
    const items: BulkItemKey[] = [
      { email: 'ok@example.com' },
      { email: 'bad@@example.com' },
      { userId: 'bad id ' },
      { email: 'ghost@example.com' },
      { userId: 'ghost-id' },
      { email: 'a@b.c' },
      { userId: 'gone-id' },
      { email: 'taken@example.com' },
      { userId: 'taken-id' },
      { email: 'typo@example.com' },
      { userId: 'typo-id' },
      { userId: 'ok-id' }
    ]
    expect(rejectionsInBulkReply(reply, items)).toEqual([
      undefined,
      { status: 400, message: 'Iterable rejected this user: invalid email bad@@example.com' },
      { status: 400, message: 'Iterable rejected this user: invalid userId bad id ' },
      { status: 404, message: 'Iterable rejected this user: not found email ghost@example.com' },
      { status: 404, message: 'Iterable rejected this user: not found userId ghost-id' },
      { status: 400, message: 'Iterable rejected this user: forgotten (GDPR) email a@b.c' },
      { status: 400, message: 'Iterable rejected this user: forgotten (GDPR) userId gone-id' },
      {
        status: 400,
        message: 'Iterable rejected this user: conflicting (owned by another user) email taken@example.com'
      },
      { status: 400, message: 'Iterable rejected this user: conflicting (owned by another user) userId taken-id' },
      { status: 400, message: 'Iterable rejected this user: invalid data fields for email typo@example.com' },
      { status: 400, message: 'Iterable rejected this user: invalid data fields for userId typo-id' },
      undefined
    ])
  })

  it('marks users listed in the legacy top-level invalidEmails and invalidUserIds', () => {
    const reply = { successCount: 1, failCount: 2, invalidEmails: ['old@example.com'], invalidUserIds: ['old-id'] }
    const rejections = rejectionsInBulkReply(reply, [
      { email: 'old@example.com' },
      { userId: 'old-id' },
      { userId: 'x' }
    ])
    expect(rejections).toEqual([
      { status: 400, message: expect.stringContaining('old@example.com') },
      { status: 400, message: expect.stringContaining('old-id') },
      undefined
    ])
  })

  it('marks every event whose name Iterable does not allow, and only those', () => {
    const reply = { successCount: 1, failCount: 2, disallowedEventNames: ['Secret Event'] }
    expect(validateDefinition('BulkTrackResponse', reply)).toEqual([])
    const rejections = rejectionsInBulkReply(reply, [
      { email: 'a@example.com', eventName: 'Secret Event' },
      { email: 'a@example.com', eventName: 'Viewed' },
      { userId: 'u-2', eventName: 'Secret Event' }
    ])
    const disallowed = { status: 400, message: expect.stringContaining('"Secret Event" is not allowed') }
    expect(rejections).toEqual([disallowed, undefined, disallowed])
  })

  it('matches email addresses whatever their case', () => {
    const reply = {
      successCount: 0,
      failCount: 2,
      failedUpdates: { forgottenEmails: ['Jane@Example.COM', 'bob@x.io'] }
    }
    const rejections = rejectionsInBulkReply(reply, [{ email: 'jane@example.com' }, { email: 'BOB@X.IO' }])
    expect(rejections.map((rejection) => rejection?.status)).toEqual([400, 400])
  })

  it('matches userIds exactly', () => {
    const reply = { successCount: 1, failCount: 0, failedUpdates: { notFoundUserIds: ['User-1'] } }
    expect(rejectionsInBulkReply(reply, [{ userId: 'user-1' }, { userId: 'User-1' }])).toEqual([
      undefined,
      { status: 404, message: 'Iterable rejected this user: not found userId User-1' }
    ])
  })

  it('marks an item listed by its userId even when it also has an email', () => {
    const reply = { successCount: 0, failCount: 1, failedUpdates: { forgottenUserIds: ['u-9'] } }
    expect(rejectionsInBulkReply(reply, [{ email: 'fine@example.com', userId: 'u-9' }])[0]?.status).toBe(400)
  })

  it('marks every item of the same user', () => {
    const reply = { successCount: 0, failCount: 2, failedUpdates: { notFoundEmails: ['x@example.com'] } }
    const rejections = rejectionsInBulkReply(reply, [
      { email: 'x@example.com', eventName: 'A' },
      { email: 'x@example.com', eventName: 'B' }
    ])
    expect(rejections.map((rejection) => rejection?.status)).toEqual([404, 404])
  })

  it('leaves every item that is not listed undefined, one entry per item', () => {
    const reply = { successCount: 3, failCount: 0, failedUpdates: { invalidEmails: [], notFoundUserIds: [] } }
    expect(
      rejectionsInBulkReply(reply, [{ email: 'a@b.c' }, { userId: 'u' }, { email: 'c@d.e', userId: 'v' }])
    ).toEqual([undefined, undefined, undefined])
  })

  it.each([null, undefined, 'OK', { successCount: 1, failCount: 0, failedUpdates: { invalidEmails: 'a@b.c' } }])(
    'accepts every item of the reply %p, which lists nothing',
    (reply) => {
      expect(rejectionsInBulkReply(reply, [{ email: 'a@b.c' }])).toEqual([undefined])
    }
  )

  it('matches in linear time', () => {
    const count = 50_000
    const items = Array.from({ length: count }, (_, i) => ({ email: `user${i}@example.com`, userId: `u-${i}` }))
    const reply = {
      successCount: count / 2,
      failCount: count / 2,
      failedUpdates: { notFoundEmails: items.filter((_, i) => i % 2 === 0).map((item) => item.email) }
    }
    const started = performance.now()
    const rejections = rejectionsInBulkReply(reply, items)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(rejections.filter(Boolean)).toHaveLength(count / 2)
  })
})

describe('packIntoRequests', () => {
  const roomy = { maxItems: 1000, maxBytes: 1_000_000, envelopeBytes: 13 }

  it('puts everything in one request when it fits', () => {
    expect(packIntoRequests([10, 20, 30], roomy)).toEqual({ requests: [[0, 1, 2]], oversized: [] })
  })

  it('splits by item count', () => {
    expect(packIntoRequests([10, 10, 10, 10, 10], { ...roomy, maxItems: 2 })).toEqual({
      requests: [[0, 1], [2, 3], [4]],
      oversized: []
    })
  })

  it('splits by bytes, counting the envelope and one comma between items', () => {
    // 10 envelope + 10 + 1 + 9 = 30 bytes
    expect(packIntoRequests([10, 9], { maxItems: 10, maxBytes: 30, envelopeBytes: 10 }).requests).toEqual([[0, 1]])
    expect(packIntoRequests([10, 9], { maxItems: 10, maxBytes: 29, envelopeBytes: 10 }).requests).toEqual([[0], [1]])
  })

  it('counts the envelope against the limit', () => {
    expect(packIntoRequests([15], { maxItems: 10, maxBytes: 20, envelopeBytes: 0 })).toEqual({
      requests: [[0]],
      oversized: []
    })
    expect(packIntoRequests([15], { maxItems: 10, maxBytes: 20, envelopeBytes: 10 })).toEqual({
      requests: [],
      oversized: [0]
    })
  })

  it('reports an item too large for any request alone and packs the others around it', () => {
    expect(packIntoRequests([5, 21, 5, 20], { maxItems: 10, maxBytes: 30, envelopeBytes: 10 })).toEqual({
      requests: [[0, 2], [3]],
      oversized: [1]
    })
  })

  it('keeps the items in order across requests', () => {
    const sizes = Array.from({ length: 50 }, (_, i) => 1 + (i % 7) * 3)
    const { requests } = packIntoRequests(sizes, { maxItems: 6, maxBytes: 60, envelopeBytes: 5 })
    expect(requests.flat()).toEqual(sizes.map((_, i) => i))
    for (const request of requests) {
      expect(request.length).toBeLessThanOrEqual(6)
      expect(5 + request.reduce((sum, i) => sum + sizes[i], 0) + request.length - 1).toBeLessThanOrEqual(60)
    }
  })

  it('fills a request up to exactly the byte length of the JSON it stands for', () => {
    const events = [{ eventName: 'A', email: 'é@example.com' }, { eventName: 'B' }, { eventName: 'C', userId: 'ü' }]
    const sizes = events.map((event) => Buffer.byteLength(JSON.stringify(event)))
    const envelopeBytes = Buffer.byteLength(JSON.stringify({ events: [] }))
    const exact = Buffer.byteLength(JSON.stringify({ events }))
    expect(packIntoRequests(sizes, { maxItems: 10, maxBytes: exact, envelopeBytes }).requests).toEqual([[0, 1, 2]])
    expect(packIntoRequests(sizes, { maxItems: 10, maxBytes: exact - 1, envelopeBytes }).requests).toHaveLength(2)
  })

  it('packs nothing into no requests', () => {
    expect(packIntoRequests([], roomy)).toEqual({ requests: [], oversized: [] })
  })
})
