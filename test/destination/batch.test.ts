import {
  createTestIntegration,
  defaultValues,
  Destination,
  IntegrationError,
  InvalidAuthenticationError,
  RetryableError,
  type JSONObject,
  type JSONValue,
  type SegmentEvent
} from '@segment/actions-core'
import nock from 'nock'
import definition from '../../src'
import type { DefinitionName } from '../../src/iterable/schema'
import { API_KEY, EU, expectConformsTo, SUCCESS, US } from '../helpers/iterable'

/*
 * Per-event outcomes of batches (issue 3): performBatch answers one multistatus entry per event,
 * in order, telling the truth about what Iterable did with each, and perform maps every Iterable
 * error reply to the actions-core error a runtime acts on.
 */

const TIMESTAMP = '2023-05-17T10:00:00.000Z'
const MAX_BYTES = 4_000_000

type BatchAction = 'customEvent' | 'upsertUser'
type Region = 'united_states' | 'europe'

/** One multistatus entry as a runtime sees it. */
interface Entry {
  status: number
  errortype?: string
  errormessage?: string
  errorreporter?: string
  sent?: Record<string, unknown>
  body?: Record<string, unknown>
}

/** Runs a batch for one action and returns its multistatus array. */
type RunBatch = (action: BatchAction, events: SegmentEvent[], mapping?: JSONObject, region?: Region) => Promise<Entry[]>

/** The entry of the n-th event Iterable rejected inside a 200 bulk reply. */
const rejectedEntryOf = (sent: unknown[], reply: unknown) => (n: number, status: number, errormessage: string) => ({
  status,
  errortype: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
  errormessage,
  errorreporter: 'DESTINATION',
  sent: sent[n],
  body: reply
})

const viaTestBatchAction: RunBatch = async (action, events, mapping = {}, region = 'united_states') => {
  const destination = createTestIntegration(definition)
  await destination.testBatchAction(action, {
    events,
    mapping,
    settings: { apiKey: API_KEY, dataCenterLocation: region },
    useDefaultMappings: true
  })
  return destination.results[0].multistatus as unknown as Entry[]
}

const SUBSCRIBE: Record<BatchAction, string> = { customEvent: 'type = "track"', upsertUser: 'type = "identify"' }

/** The way a runtime delivers a batch: a subscription with the action's default mapping. */
const viaOnBatch: RunBatch = async (action, events, mapping = {}, region = 'united_states') => {
  const subscription = {
    subscribe: SUBSCRIBE[action],
    partnerAction: action,
    mapping: { ...defaultValues(definition.actions[action].fields), ...mapping }
  }
  const results = await new Destination(definition).onBatch(events, {
    apiKey: API_KEY,
    dataCenterLocation: region,
    subscriptions: [subscription] as unknown as JSONObject[]
  })
  expect(results).toHaveLength(1)
  return results[0].multistatus as unknown as Entry[]
}

interface Who {
  email?: string
  userId?: string
}

/** A track event; `who` decides which identifiers it carries (none at all when empty). */
function played(n: number, who: Who = { email: `user${n}@example.com`, userId: `user-${n}` }, extra: object = {}) {
  return {
    type: 'track',
    event: 'Song Played',
    messageId: `msg-${n}`,
    timestamp: TIMESTAMP,
    userId: who.userId ?? null,
    properties: { ...(who.email === undefined ? {} : { email: who.email }), song: `Song ${n}` },
    ...extra
  } as SegmentEvent
}

/** An identify event; `who` decides which identifiers it carries (none at all when empty). */
function identified(
  n: number,
  who: Who = { email: `user${n}@example.com`, userId: `user-${n}` },
  extra: Partial<SegmentEvent> = {}
) {
  return {
    type: 'identify',
    messageId: `msg-${n}`,
    timestamp: TIMESTAMP,
    userId: who.userId ?? null,
    traits: { ...(who.email === undefined ? {} : { email: who.email }), plan: 'pro' },
    ...extra
  } as SegmentEvent
}

type Item = Record<string, unknown>
interface BulkBody {
  events?: Item[]
  users?: Item[]
  updateOnly?: boolean
}
interface BulkCall {
  body: BulkBody
  bytes: number
}
type Answer = [status: number, body: object | string, headers?: Record<string, string>]

/** Records every request to a bulk endpoint, checks it against Iterable's definition and answers it. */
function bulkEndpoint(
  origin: string,
  path: '/api/events/trackBulk' | '/api/users/bulkUpdate',
  answer: (body: BulkBody, call: number) => Answer
): BulkCall[] {
  const calls: BulkCall[] = []
  nock(origin)
    .post(path)
    .reply((_uri, requestBody) => {
      const text = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody)
      const body = JSON.parse(text) as BulkBody
      calls.push({ body, bytes: Buffer.byteLength(text) })
      return answer(body, calls.length - 1)
    })
    .persist()
  return calls
}

const REQUEST_DEFINITION: Record<string, DefinitionName> = {
  '/api/events/trackBulk': 'BulkTrackRequest',
  '/api/users/bulkUpdate': 'BulkUpdateUsersRequest'
}

function expectEveryBodyConforms(path: string, calls: BulkCall[]): void {
  for (const { body } of calls) expectConformsTo(REQUEST_DEFINITION[path], body)
}

const NO_EVENT_FAILURES = {
  invalidEmails: [],
  invalidUserIds: [],
  notFoundEmails: [],
  notFoundUserIds: [],
  forgottenEmails: [],
  forgottenUserIds: []
}

/** Iterable's BulkTrackResponse. */
function trackBulkReply(successCount: number, rest: object = {}) {
  const reply = {
    successCount,
    failCount: 0,
    createdFields: [],
    filteredOutFields: [],
    disallowedEventNames: [],
    failedUpdates: NO_EVENT_FAILURES,
    ...rest
  }
  expectConformsTo('BulkTrackResponse', reply)
  return reply
}

/** Iterable's UserBulkUpdateListResponse. */
function bulkUpdateReply(successCount: number, rest: object = {}) {
  const reply = { successCount, failCount: 0, createdFields: [], filteredOutFields: [], failedUpdates: {}, ...rest }
  expectConformsTo('UserBulkUpdateListResponse', reply)
  return reply
}

/** Iterable's IterableApiResponse. */
const apiReply = (code: string, msg: string, params: JSONValue = null) => ({ msg, code, params })

const MISSING_IDENTITY: Entry = {
  status: 400,
  errortype: 'PAYLOAD_VALIDATION_FAILED',
  errormessage: 'Must include email or userId.',
  errorreporter: 'INTEGRATIONS'
}

const eventCount = (body: BulkBody) => (body.events ?? body.users ?? []).length

// Built once: one event alone larger than a request may be.
let hugeText: string | undefined
const huge = () => (hugeText ??= 'x'.repeat(MAX_BYTES + 1))

describe.each([
  ['testBatchAction', viaTestBatchAction],
  ['Destination.onBatch', viaOnBatch]
] as Array<[string, RunBatch]>)('performBatch through %s', (_runner, runBatch) => {
  describe('customEvent → events/trackBulk', () => {
    const PATH = '/api/events/trackBulk'

    it("answers exactly one entry per event, in order, each with what was sent and Iterable's body", async () => {
      const reply = trackBulkReply(3)
      const calls = bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('customEvent', [played(0), played(1), played(2)])

      expect(calls).toHaveLength(1)
      expectEveryBodyConforms(PATH, calls)
      expect(calls[0].body.events?.[0]).toEqual({
        email: 'user0@example.com',
        userId: 'user-0',
        eventName: 'Song Played',
        id: 'msg-0',
        createdAt: 1684317600,
        dataFields: { email: 'user0@example.com', song: 'Song 0' }
      })
      expect(entries).toEqual([0, 1, 2].map((n) => ({ status: 200, sent: calls[0].body.events?.[n], body: reply })))
      expect(entries.map((entry) => entry.sent?.id)).toEqual(['msg-0', 'msg-1', 'msg-2'])
    })

    it('sends to the EU data center when Europe is configured', async () => {
      const calls = bulkEndpoint(EU, PATH, (body) => [200, trackBulkReply(eventCount(body))])
      const entries = await runBatch('customEvent', [played(0), played(1)], {}, 'europe')
      expect(calls).toHaveLength(1)
      expect(entries.map((entry) => entry.status)).toEqual([200, 200])
    })

    it('gives a payload without email and userId its own 400 and sends the others', async () => {
      const calls = bulkEndpoint(US, PATH, (body) => [200, trackBulkReply(eventCount(body))])
      const entries = await runBatch('customEvent', [played(0), played(1, {}), played(2)])

      expect(calls.flatMap(({ body }) => body.events?.map((event) => event.id))).toEqual(['msg-0', 'msg-2'])
      expect(entries).toHaveLength(3)
      expect(entries[1]).toEqual(MISSING_IDENTITY)
      expect(entries[0]).toMatchObject({ status: 200, sent: { id: 'msg-0' } })
      expect(entries[2]).toMatchObject({ status: 200, sent: { id: 'msg-2' } })
    })

    it("fails exactly the events of every failedUpdates category and disallowed name, the others get Iterable's body", async () => {
      const reply = trackBulkReply(2, {
        failCount: 7,
        disallowedEventNames: ['Internal Ping'],
        failedUpdates: {
          invalidEmails: ['typo@gmial.con'],
          invalidUserIds: ['user 2 '],
          notFoundEmails: ['ghost@example.com'],
          notFoundUserIds: ['ghost-4'],
          forgottenEmails: ['a@b.c'],
          forgottenUserIds: ['gone-6']
        }
      })
      const calls = bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('customEvent', [
        played(0),
        played(1, { email: 'typo@gmial.con' }),
        played(2, { userId: 'user 2 ' }),
        played(3, { email: 'ghost@example.com' }),
        played(4, { userId: 'ghost-4' }),
        played(5, { email: 'a@b.c' }),
        played(6, { userId: 'gone-6' }),
        played(7, undefined, { event: 'Internal Ping' }),
        played(8)
      ])

      expectEveryBodyConforms(PATH, calls)
      const sent = calls[0].body.events ?? []
      const rejected = rejectedEntryOf(sent, reply)
      expect(entries).toEqual([
        { status: 200, sent: sent[0], body: reply },
        rejected(1, 400, 'Iterable rejected this user: invalid email typo@gmial.con'),
        rejected(2, 400, 'Iterable rejected this user: invalid userId user 2 '),
        rejected(3, 404, 'Iterable rejected this user: not found email ghost@example.com'),
        rejected(4, 404, 'Iterable rejected this user: not found userId ghost-4'),
        rejected(5, 400, 'Iterable rejected this user: forgotten (GDPR) email a@b.c'),
        rejected(6, 400, 'Iterable rejected this user: forgotten (GDPR) userId gone-6'),
        rejected(7, 400, 'Iterable rejected this event: event name "Internal Ping" is not allowed in this project'),
        { status: 200, sent: sent[8], body: reply }
      ])
    })

    it('fails the events Iterable lists in the legacy top-level invalidEmails and invalidUserIds', async () => {
      const reply = trackBulkReply(1, { failCount: 2, invalidEmails: ['old@example.com'], invalidUserIds: ['old-2'] })
      bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('customEvent', [
        played(0),
        played(1, { email: 'old@example.com' }),
        played(2, { userId: 'old-2' })
      ])
      expect(entries.map((entry) => entry.status)).toEqual([200, 400, 400])
      expect(entries[1].errormessage).toContain('old@example.com')
      expect(entries[2].errormessage).toContain('old-2')
    })

    it('keeps filteredOutFields visible in the success bodies', async () => {
      const reply = trackBulkReply(2, { filteredOutFields: ['song'], createdFields: ['mood'] })
      bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('customEvent', [played(0), played(1)])
      for (const entry of entries) {
        expect(entry.status).toBe(200)
        expect(entry.body).toMatchObject({ filteredOutFields: ['song'], createdFields: ['mood'] })
      }
    })

    it('maps every outcome back to its event when invalid payloads and Iterable rejections are mixed', async () => {
      const reply = trackBulkReply(3, {
        failCount: 2,
        failedUpdates: { ...NO_EVENT_FAILURES, forgottenEmails: ['a@b.c'], notFoundUserIds: ['ghost-6'] }
      })
      const calls = bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('customEvent', [
        played(0),
        played(1, { email: 'not-an-email', userId: 'user-1' }), // refused by the field's email format
        played(2, {}),
        played(3, { email: 'a@b.c' }),
        played(4),
        played(5, {}),
        played(6, { userId: 'ghost-6' }),
        played(7)
      ])

      expect(calls).toHaveLength(1)
      expect(calls[0].body.events?.map((event) => event.id)).toEqual(['msg-0', 'msg-3', 'msg-4', 'msg-6', 'msg-7'])
      expect(entries).toHaveLength(8)
      expect(entries.map((entry) => entry.status)).toEqual([200, 400, 400, 400, 200, 400, 404, 200])
      expect(entries[1]).toMatchObject({ errortype: 'PAYLOAD_VALIDATION_FAILED' })
      expect(entries[1].errormessage).not.toBe('Must include email or userId.')
      expect(entries[2]).toEqual(MISSING_IDENTITY)
      expect(entries[3]).toMatchObject({ sent: { id: 'msg-3' }, errormessage: expect.stringContaining('forgotten') })
      expect(entries[5]).toEqual(MISSING_IDENTITY)
      expect(entries[6]).toMatchObject({ sent: { id: 'msg-6' }, errormessage: expect.stringContaining('ghost-6') })
      expect([0, 4, 7].map((n) => entries[n].sent?.id)).toEqual(['msg-0', 'msg-4', 'msg-7'])
    })

    it('sends a value that only looks like a date-time, with an impossible offset, unchanged instead of failing the batch', async () => {
      const calls = bulkEndpoint(US, PATH, (body) => [200, trackBulkReply(eventCount(body))])
      const odd = played(1, undefined, {
        properties: { email: 'user1@example.com', code: '2023-05-17T10:00:00+25:00' }
      })
      const entries = await runBatch('customEvent', [played(0), odd, played(2)])
      expect(entries.map((entry) => entry.status)).toEqual([200, 200, 200])
      expect(calls[0].body.events?.[1].dataFields).toEqual({
        email: 'user1@example.com',
        code: '2023-05-17T10:00:00+25:00'
      })
    })

    describe('a failure of the whole request', () => {
      it.each([
        { status: 401, errortype: 'UNAUTHORIZED', reply: apiReply('BadApiKey', 'Invalid API key', { ip: '1.2.3.4' }) },
        { status: 403, errortype: 'FORBIDDEN', reply: apiReply('Forbidden', 'API key lacks the events permission') },
        { status: 400, errortype: 'BAD_REQUEST', reply: apiReply('BadParams', 'events[0].eventName is empty') },
        { status: 500, errortype: 'INTERNAL_SERVER_ERROR', reply: apiReply('GenericError', 'Something broke') },
        { status: 503, errortype: 'SERVICE_UNAVAILABLE', reply: apiReply('DatabaseError', 'Try again later') }
      ])(
        "gives each event a $status $reply.code entry with Iterable's code and msg",
        async ({ status, errortype, reply }) => {
          const calls = bulkEndpoint(US, PATH, () => [status, reply])
          const entries = await runBatch('customEvent', [played(0), played(1, {}), played(2)])

          expect(calls).toHaveLength(1)
          expect(entries).toHaveLength(3)
          expect(entries[1]).toEqual(MISSING_IDENTITY)
          for (const n of [0, 2]) {
            expect(entries[n]).toMatchObject({ status, errortype, sent: { id: `msg-${n}` }, body: reply })
            expect(entries[n].errormessage).toContain(reply.code)
            expect(entries[n].errormessage).toContain(reply.msg)
          }
        }
      )

      it('gives each event a retryable 429 that keeps Retry-After in the body and the message', async () => {
        const reply = apiReply('RateLimitExceeded', 'Rate limit exceeded for trackBulk')
        bulkEndpoint(US, PATH, () => [429, reply, { 'Retry-After': '30' }])
        const entries = await runBatch('customEvent', [played(0), played(1)])

        for (const entry of entries) {
          expect(entry).toMatchObject({
            status: 429,
            errortype: 'TOO_MANY_REQUESTS',
            body: { ...reply, retryAfterSeconds: 30 }
          })
          expect(entry.errormessage).toContain('RateLimitExceeded')
          expect(entry.errormessage).toContain('retry after 30 s')
        }
      })

      it('gives each event a 5xx entry when the reply is not JSON', async () => {
        bulkEndpoint(US, PATH, () => [502, '<html><body>Bad Gateway</body></html>'])
        const entries = await runBatch('customEvent', [played(0), played(1)])
        for (const entry of entries) {
          expect(entry).toMatchObject({ status: 502, errortype: 'BAD_GATEWAY' })
          expect(entry.errormessage).toContain('Bad Gateway')
        }
      })

      it('fails every event, rather than reporting it delivered, when a 200 reply is not JSON', async () => {
        bulkEndpoint(US, PATH, () => [200, 'OK'])
        const entries = await runBatch('customEvent', [played(0), played(1)])
        for (const entry of entries) {
          expect(entry.status).not.toBe(200)
          expect(entry.errormessage).toContain('MalformedReply')
        }
      })

      it('gives each event a retryable 408 when Iterable does not answer in time', async () => {
        jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
        try {
          nock(US).post(PATH).delay(60_000).reply(200, trackBulkReply(2))
          const run = runBatch('customEvent', [played(0), played(1)])
          await jest.advanceTimersByTimeAsync(10_001)
          const entries = await run
          expect(entries).toHaveLength(2)
          for (const entry of entries) {
            expect(entry).toMatchObject({ status: 408, errortype: 'REQUEST_TIMEOUT' })
            expect(entry.errormessage).toContain('did not answer in time')
          }
        } finally {
          nock.abortPendingRequests() // nock's delay runs on a real timer
          jest.useRealTimers()
        }
      })
    })

    describe('size limits', () => {
      it('splits 2,500 events into requests of at most batch_size (1001) and stitches the outcomes back in order', async () => {
        const calls = bulkEndpoint(US, PATH, (body, call) =>
          call === 1 ? [503, apiReply('GenericError', 'Overloaded')] : [200, trackBulkReply(eventCount(body))]
        )
        const events = Array.from({ length: 2500 }, (_, n) => played(n))
        const entries = await runBatch('customEvent', events)

        expect(calls.map(({ body }) => eventCount(body))).toEqual([1001, 1001, 498])
        for (const { bytes } of calls) expect(bytes).toBeLessThanOrEqual(MAX_BYTES)
        expectEveryBodyConforms(PATH, calls)
        const ids = events.map((event) => event.messageId)
        expect(calls.flatMap(({ body }) => body.events?.map((event) => event.id))).toEqual(ids)
        expect(entries.map((entry) => entry.sent?.id)).toEqual(ids)
        expect(entries.map((entry) => entry.status)).toEqual([
          ...Array<number>(1001).fill(200),
          ...Array<number>(1001).fill(503),
          ...Array<number>(498).fill(200)
        ])
      })

      it('honours a batch_size smaller than the default', async () => {
        const calls = bulkEndpoint(US, PATH, (body) => [200, trackBulkReply(eventCount(body))])
        const entries = await runBatch(
          'customEvent',
          [0, 1, 2, 3, 4].map((n) => played(n)),
          { batch_size: 2 }
        )
        expect(calls.map(({ body }) => eventCount(body))).toEqual([2, 2, 1])
        expect(entries.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200])
      })

      it('splits a batch whose bytes exceed 4,000,000 into requests that each fit', async () => {
        const lyrics = 'la'.repeat(475_000)
        const calls = bulkEndpoint(US, PATH, (body) => [200, trackBulkReply(eventCount(body))])
        const events = [0, 1, 2, 3, 4].map((n) =>
          played(n, undefined, { properties: { email: `user${n}@example.com`, lyrics } })
        )
        const entries = await runBatch('customEvent', events)

        expect(calls.map(({ body }) => eventCount(body))).toEqual([4, 1])
        for (const { bytes } of calls) expect(bytes).toBeLessThanOrEqual(MAX_BYTES)
        expect(calls[0].bytes).toBeGreaterThan(3_500_000)
        expect(entries.map((entry) => [entry.status, entry.sent?.id])).toEqual(
          [0, 1, 2, 3, 4].map((n) => [200, `msg-${n}`])
        )
      })

      it('gives a single event larger than 4,000,000 bytes its own 413 entry and sends the others', async () => {
        const calls = bulkEndpoint(US, PATH, (body) => [200, trackBulkReply(eventCount(body))])
        const tooLarge = played(1, undefined, { properties: { email: 'user1@example.com', lyrics: huge() } })
        const entries = await runBatch('customEvent', [played(0), tooLarge, played(2)])

        expect(calls).toHaveLength(1)
        expect(calls[0].body.events?.map((event) => event.id)).toEqual(['msg-0', 'msg-2'])
        expect(entries).toHaveLength(3)
        expect(entries[1]).toMatchObject({ status: 413, errortype: 'PAYLOAD_TOO_LARGE' })
        expect(entries[1].errormessage).toContain('4000000 bytes')
        expect(entries[0]).toMatchObject({ status: 200, sent: { id: 'msg-0' } })
        expect(entries[2]).toMatchObject({ status: 200, sent: { id: 'msg-2' } })
      })
    })
  })

  describe('upsertUser → users/bulkUpdate', () => {
    const PATH = '/api/users/bulkUpdate'

    it("answers exactly one entry per user, in order, each with what was sent and Iterable's body", async () => {
      const reply = bulkUpdateReply(2)
      const calls = bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('upsertUser', [
        identified(0, undefined, { traits: { email: 'user0@example.com', phone: '+14158675309' } }),
        identified(1)
      ])

      expect(calls).toHaveLength(1)
      expectEveryBodyConforms(PATH, calls)
      expect(calls[0].body).toEqual({
        users: [
          {
            email: 'user0@example.com',
            userId: 'user-0',
            dataFields: { email: 'user0@example.com', phone: '+14158675309', phoneNumber: '+14158675309' },
            mergeNestedObjects: false
          },
          {
            email: 'user1@example.com',
            userId: 'user-1',
            dataFields: { email: 'user1@example.com', plan: 'pro' },
            mergeNestedObjects: false
          }
        ]
      })
      expect(entries).toEqual([0, 1].map((n) => ({ status: 200, sent: calls[0].body.users?.[n], body: reply })))
    })

    it('gives a user without email and userId its own 400 and sends the others', async () => {
      const calls = bulkEndpoint(US, PATH, (body) => [200, bulkUpdateReply(eventCount(body))])
      const entries = await runBatch('upsertUser', [identified(0, {}), identified(1)])
      expect(calls[0].body.users?.map((user) => user.userId)).toEqual(['user-1'])
      expect(entries).toEqual([
        MISSING_IDENTITY,
        expect.objectContaining({ status: 200, sent: calls[0].body.users?.[0] })
      ])
    })

    it("fails exactly the users of every failedUpdates category at once, the others get Iterable's body", async () => {
      const reply = bulkUpdateReply(2, {
        failCount: 12,
        invalidEmails: ['legacy@example.com'],
        invalidUserIds: ['legacy-12'],
        failedUpdates: {
          invalidEmails: ['typo@gmial.con'],
          invalidUserIds: ['user 2 '],
          notFoundEmails: ['ghost@example.com'],
          notFoundUserIds: ['ghost-4'],
          forgottenEmails: ['a@b.c'],
          forgottenUserIds: ['gone-6'],
          conflictEmails: ['taken@example.com'],
          conflictUserIds: ['taken-8'],
          invalidDataEmails: ['baddata@example.com'],
          invalidDataUserIds: ['baddata-10']
        }
      })
      const calls = bulkEndpoint(US, PATH, () => [200, reply])
      const entries = await runBatch('upsertUser', [
        identified(0),
        identified(1, { email: 'typo@gmial.con' }),
        identified(2, { userId: 'user 2 ' }),
        identified(3, { email: 'ghost@example.com' }),
        identified(4, { userId: 'ghost-4' }),
        identified(5, { email: 'a@b.c' }),
        identified(6, { userId: 'gone-6' }),
        identified(7, { email: 'taken@example.com' }),
        identified(8, { userId: 'taken-8' }),
        identified(9, { email: 'baddata@example.com' }),
        identified(10, { userId: 'baddata-10' }),
        identified(11, { email: 'legacy@example.com' }),
        identified(12, { userId: 'legacy-12' }),
        identified(13)
      ])

      expectEveryBodyConforms(PATH, calls)
      const sent = calls[0].body.users ?? []
      expect(sent).toHaveLength(14)
      const rejected = rejectedEntryOf(sent, reply)
      expect(entries).toEqual([
        { status: 200, sent: sent[0], body: reply },
        rejected(1, 400, 'Iterable rejected this user: invalid email typo@gmial.con'),
        rejected(2, 400, 'Iterable rejected this user: invalid userId user 2 '),
        rejected(3, 404, 'Iterable rejected this user: not found email ghost@example.com'),
        rejected(4, 404, 'Iterable rejected this user: not found userId ghost-4'),
        rejected(5, 400, 'Iterable rejected this user: forgotten (GDPR) email a@b.c'),
        rejected(6, 400, 'Iterable rejected this user: forgotten (GDPR) userId gone-6'),
        rejected(7, 400, 'Iterable rejected this user: conflicting (owned by another user) email taken@example.com'),
        rejected(8, 400, 'Iterable rejected this user: conflicting (owned by another user) userId taken-8'),
        rejected(9, 400, 'Iterable rejected this user: invalid data fields for email baddata@example.com'),
        rejected(10, 400, 'Iterable rejected this user: invalid data fields for userId baddata-10'),
        rejected(11, 400, 'Iterable rejected this user: rejected email legacy@example.com'),
        rejected(12, 400, 'Iterable rejected this user: rejected userId legacy-12'),
        { status: 200, sent: sent[13], body: reply }
      ])
    })

    it('gives each user a 401 entry, not retryable, when the API key is refused', async () => {
      const reply = apiReply('BadApiKey', 'Invalid API key')
      bulkEndpoint(US, PATH, () => [401, reply])
      const entries = await runBatch('upsertUser', [identified(0), identified(1)])
      for (const entry of entries) {
        expect(entry).toMatchObject({ status: 401, errortype: 'UNAUTHORIZED', body: reply })
        expect(entry.errormessage).toContain('BadApiKey')
      }
    })

    describe('updateOnly', () => {
      const mapping = { updateOnly: { '@path': '$.context.updateOnly' } }
      const withUpdateOnly = (n: number, updateOnly?: boolean) =>
        identified(n, undefined, updateOnly === undefined ? {} : { context: { updateOnly } })

      it('sends updateOnly: true on the request when the users ask for it', async () => {
        const calls = bulkEndpoint(US, PATH, (body) => [200, bulkUpdateReply(eventCount(body))])
        await runBatch('upsertUser', [withUpdateOnly(0, true), withUpdateOnly(1, true)], mapping)
        expect(calls).toHaveLength(1)
        expect(calls[0].body.updateOnly).toBe(true)
        expectEveryBodyConforms(PATH, calls)
      })

      it('leaves updateOnly out when it is false or not set', async () => {
        const calls = bulkEndpoint(US, PATH, (body) => [200, bulkUpdateReply(eventCount(body))])
        await runBatch('upsertUser', [withUpdateOnly(0, false), withUpdateOnly(1)], mapping)
        expect(calls).toHaveLength(1)
        expect(calls[0].body).not.toHaveProperty('updateOnly')
        expect(calls[0].body.users).toHaveLength(2)
      })

      it('sends users with and without updateOnly in separate requests and keeps their outcomes in order', async () => {
        const calls = bulkEndpoint(US, PATH, (body) =>
          body.updateOnly
            ? [200, bulkUpdateReply(1, { failCount: 1, failedUpdates: { notFoundEmails: ['user3@example.com'] } })]
            : [200, bulkUpdateReply(eventCount(body))]
        )
        const entries = await runBatch(
          'upsertUser',
          [
            withUpdateOnly(0),
            withUpdateOnly(1, true),
            withUpdateOnly(2, false),
            withUpdateOnly(3, true),
            withUpdateOnly(4)
          ],
          mapping
        )

        expect(calls).toHaveLength(2)
        expectEveryBodyConforms(PATH, calls)
        const plain = calls.find(({ body }) => !('updateOnly' in body))
        const updateOnly = calls.find(({ body }) => body.updateOnly === true)
        expect(plain?.body.users?.map((user) => user.userId)).toEqual(['user-0', 'user-2', 'user-4'])
        expect(updateOnly?.body.users?.map((user) => user.userId)).toEqual(['user-1', 'user-3'])
        expect(entries.map((entry) => [entry.status, entry.sent?.userId])).toEqual([
          [200, 'user-0'],
          [200, 'user-1'],
          [200, 'user-2'],
          [404, 'user-3'],
          [200, 'user-4']
        ])
      })
    })

    describe('newEmail', () => {
      const mapping = { newEmail: { '@path': '$.context.newEmail' } }

      it("sends the new email as the user's dataFields.email, and no newEmail", async () => {
        const calls = bulkEndpoint(US, PATH, (body) => [200, bulkUpdateReply(eventCount(body))])
        await runBatch(
          'upsertUser',
          [identified(0, { email: 'old@example.com' }, { context: { newEmail: 'new@example.com' } }), identified(1)],
          mapping
        )
        expectEveryBodyConforms(PATH, calls)
        const [changed, unchanged] = calls[0].body.users ?? []
        expect(changed).toEqual({
          email: 'old@example.com',
          dataFields: { email: 'new@example.com', plan: 'pro' },
          mergeNestedObjects: false
        })
        expect(unchanged.dataFields).toEqual({ email: 'user1@example.com', plan: 'pro' })
        expect(JSON.stringify(calls[0].body)).not.toContain('newEmail')
      })

      it('fails the user whose new email Iterable reports as belonging to another user', async () => {
        const reply = bulkUpdateReply(1, { failCount: 1, failedUpdates: { conflictEmails: ['taken@example.com'] } })
        bulkEndpoint(US, PATH, () => [200, reply])
        const entries = await runBatch(
          'upsertUser',
          [identified(0, { email: 'old@example.com' }, { context: { newEmail: 'taken@example.com' } }), identified(1)],
          mapping
        )
        expect(entries[0]).toMatchObject({ status: 400, errormessage: expect.stringContaining('taken@example.com') })
        expect(entries[1]).toMatchObject({ status: 200 })
      })
    })
  })
})

/* ---------------------------------------------------------------------------------------------- */

const productsOf = (n: number) => [
  { product_id: `p-${n}`, sku: `SKU-${n}`, category: 'Shoes', name: 'Running shoe', price: 89.9, quantity: 1 }
]

const PERFORM_CASES = [
  {
    action: 'customEvent',
    path: '/api/events/track',
    request: 'TrackRequest',
    event: played(1)
  },
  {
    action: 'upsertUser',
    path: '/api/users/update',
    request: 'ApiUserUpdateRequest',
    event: identified(1)
  },
  {
    action: 'cartUpdates',
    path: '/api/commerce/updateCart',
    request: 'UpdateCartRequest',
    event: played(1, undefined, {
      event: 'Cart Updated',
      properties: { email: 'user1@example.com', products: productsOf(1) }
    })
  },
  {
    action: 'trackPurchase',
    path: '/api/commerce/trackPurchase',
    request: 'TrackPurchaseRequest',
    event: played(1, undefined, {
      event: 'Order Completed',
      properties: { email: 'user1@example.com', order_id: 'o-1', total: 89.9, products: productsOf(1) }
    })
  }
] as const

describe.each(PERFORM_CASES)('$action perform → POST $path', ({ action, path, request, event }) => {
  const bodies: unknown[] = []

  /** Answers the action's endpoint once with `status` and `reply`, recording the body. */
  function iterableAnswers(status: number, reply: object, headers: Record<string, string> = {}) {
    nock(US)
      .post(path)
      .reply(
        status,
        (_uri, body) => {
          bodies.push(body)
          return reply
        },
        headers
      )
  }

  const perform = () =>
    createTestIntegration(definition).testAction(action, {
      event,
      settings: { apiKey: API_KEY, dataCenterLocation: 'united_states' },
      useDefaultMappings: true
    })

  /** The error perform rejects with. */
  async function failure(): Promise<Error & { status?: number; retry?: boolean; code?: string }> {
    const error = await perform().then(
      () => undefined,
      (thrown: unknown) => thrown
    )
    expect(error).toBeInstanceOf(Error)
    return error as Error
  }

  beforeEach(() => {
    bodies.length = 0
  })

  afterEach(() => {
    for (const body of bodies) expectConformsTo(request, body)
  })

  it('resolves on 200 Success', async () => {
    iterableAnswers(200, SUCCESS)
    await expect(perform()).resolves.toHaveLength(1)
    expect(bodies).toHaveLength(1)
  })

  it.each([
    [401, apiReply('BadApiKey', 'Invalid API key')],
    [403, apiReply('Forbidden', 'API key lacks permission')]
  ])('throws an InvalidAuthenticationError that keeps status %i and is not retryable', async (status, reply) => {
    iterableAnswers(status, reply)
    const error = await failure()
    expect(error).toBeInstanceOf(InvalidAuthenticationError)
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error.status).toBe(status)
    expect(error.message).toContain(reply.code)
    expect(error.message).toContain(reply.msg)
  })

  it('throws a RetryableError with status 429 that keeps Retry-After on 429', async () => {
    iterableAnswers(429, apiReply('RateLimitExceeded', 'Too many requests'), { 'Retry-After': '7' })
    const error = await failure()
    expect(error).toBeInstanceOf(RetryableError)
    expect(error.status).toBe(429)
    expect(error).toMatchObject({ retryAfterSeconds: 7 })
    expect(error.message).toContain('RateLimitExceeded')
    expect(error.message).toContain('retry after 7 s')
  })

  it.each([500, 503])('throws a RetryableError with status %i', async (status) => {
    iterableAnswers(status, apiReply('GenericError', 'Internal error'))
    const error = await failure()
    expect(error).toBeInstanceOf(RetryableError)
    expect(error.status).toBe(status)
    expect(error.message).toContain('Internal error')
  })

  it('does not retry a 409 ForgottenUserError and says the user was forgotten', async () => {
    iterableAnswers(409, apiReply('ForgottenUserError', 'Request contains a forgotten user'))
    const error = await failure()
    expect(error).toBeInstanceOf(IntegrationError)
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({ status: 409, retry: false, code: 'ForgottenUserError' })
    expect(error.message).toContain('Request contains a forgotten user')
    expect(error.message).toMatch(/forgotten at their request \(GDPR\)/)
  })

  it('does not retry a 409 ExternalKeyConflict and says the identifier belongs to another user', async () => {
    iterableAnswers(409, apiReply('ExternalKeyConflict', 'userId user-1 is already in use'))
    const error = await failure()
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({ status: 409, retry: false, code: 'ExternalKeyConflict' })
    expect(error.message).toContain('already belongs to another user')
  })

  it("throws Iterable's message on 400 BadParams and does not retry it", async () => {
    iterableAnswers(400, apiReply('BadParams', 'Invalid email: user1@example'))
    const error = await failure()
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({ status: 400, retry: false, code: 'BadParams' })
    expect(error.message).toContain('Invalid email: user1@example')
  })

  it('rejects a 200 whose code is not Success', async () => {
    iterableAnswers(200, apiReply('InvalidEmailAddressError', 'Invalid email address'))
    const error = await failure()
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({ status: 400, code: 'InvalidEmailAddressError' })
    expect(error.message).toContain('Invalid email address')
  })
})

describe('upsertUser perform with newEmail', () => {
  const event = identified(
    1,
    { email: 'old@example.com', userId: 'user-1' },
    { context: { newEmail: 'new@example.com' } }
  )
  const perform = () =>
    createTestIntegration(definition).testAction('upsertUser', {
      event,
      mapping: { newEmail: { '@path': '$.context.newEmail' } },
      settings: { apiKey: API_KEY, dataCenterLocation: 'united_states' },
      useDefaultMappings: true
    })

  it('changes the email with users/updateEmail after users/update succeeds', async () => {
    const updateBodies: unknown[] = []
    const emailBodies: unknown[] = []
    nock(US)
      .post('/api/users/update', (body) => updateBodies.push(body) > 0)
      .reply(200, SUCCESS)
      .post('/api/users/updateEmail', (body) => emailBodies.push(body) > 0)
      .reply(200, SUCCESS)
    await perform()
    expect(updateBodies).toHaveLength(1)
    expectConformsTo('ApiUserUpdateRequest', updateBodies[0])
    expect(emailBodies).toEqual([{ currentEmail: 'old@example.com', newEmail: 'new@example.com' }])
    expectConformsTo('UpdateEmailRequest', emailBodies[0])
  })

  it('does not attempt users/updateEmail when users/update fails', async () => {
    nock(US).post('/api/users/update').reply(400, apiReply('BadParams', 'Invalid dataFields'))
    const updateEmail = nock(US).post('/api/users/updateEmail').reply(200, SUCCESS)
    await expect(perform()).rejects.toThrow('Invalid dataFields')
    expect(updateEmail.isDone()).toBe(false)
  })

  it('says the profile was updated but the email was not when users/updateEmail fails', async () => {
    const update = nock(US).post('/api/users/update').reply(200, SUCCESS)
    nock(US).post('/api/users/updateEmail').reply(409, apiReply('EmailAlreadyExists', 'new@example.com already exists'))
    const error = (await perform().then(
      () => undefined,
      (thrown: unknown) => thrown
    )) as IntegrationError
    expect(update.isDone()).toBe(true)
    expect(error).toBeInstanceOf(IntegrationError)
    expect(error.message).toMatch(/^The profile was updated but the email was not changed: /)
    expect(error.message).toContain('new@example.com already exists')
    expect(error).toMatchObject({ status: 409, retry: false })
  })
})
