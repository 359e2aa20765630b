import { Destination, PayloadValidationError, type JSONObject, type SegmentEvent } from '@segment/actions-core'
import fc from 'fast-check'
import nock from 'nock'
import definition from '../../src'
import { toCommerceItem } from '../../src/iterable/commerce'
import { convertDates } from '../../src/iterable/dates'
import { ENDPOINTS } from '../../src/iterable/endpoints'
import { validateDefinition, type DefinitionName } from '../../src/iterable/schema'
import { API_KEY, US } from '../helpers/iterable'

/**
 * Events come from millions of browsers and phones: whatever they carry, each one ends as a request
 * Iterable's definitions accept or as a clear validation error for that event alone.
 */

const RUNS = 150

const DEFINITION_BY_PATH = new Map<string, DefinitionName>(
  Object.values(ENDPOINTS)
    .filter((endpoint) => 'requestDefinition' in endpoint)
    .map((endpoint) => [endpoint.path, (endpoint as { requestDefinition: DefinitionName }).requestDefinition])
)

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'email', 'phone', 'products', 'userId', ''),
  fc.string({ maxLength: 12 })
)
const hostileLeaf = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '2023-05-17T10:00:00Z',
    '2023-05-17',
    '1234-12-99',
    '2023-02-30T10:00:00Z',
    '2023-05-17T10:00:00+25:00'
  ),
  fc.constant('x'.repeat(100_000))
)
// Objects are built with fromEntries so that "__proto__" and friends are real own keys, as JSON.parse makes them.
const { value: hostileValue, object: hostileObject } = fc.letrec<{ value: unknown; object: Record<string, unknown> }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileLeaf,
      fc.array(tie('value'), { maxLength: 4 }),
      tie('object')
    ),
    object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries))
  })
)

const hostileEvent: fc.Arbitrary<SegmentEvent> = fc
  .record({
    type: fc.constantFrom('track', 'identify'),
    event: fc.oneof(fc.constantFrom('Signed Up', 'Cart Updated', 'Order Completed'), hostileValue),
    userId: fc.oneof(fc.constant('user-1'), hostileValue),
    messageId: fc.oneof(fc.uuid(), hostileValue),
    timestamp: fc.oneof(fc.constant('2023-05-17T10:00:00.000Z'), hostileValue),
    properties: fc.oneof(
      hostileValue,
      fc.record({ email: hostileValue, products: hostileValue, total: hostileValue, order_id: hostileValue })
    ),
    traits: hostileValue,
    // The context must be an object: actions-core itself throws a TypeError on `context: null`
    // before any action runs, so the command rejects such an envelope before the runtime sees it.
    context: fc.oneof(hostileObject, fc.record({ traits: hostileValue }))
  })
  .map((event) => event as unknown as SegmentEvent)

const settings = {
  apiKey: API_KEY,
  subscriptions: (definition.presets ?? []).filter((preset) => preset.type === 'automatic')
}

/** Answers every Iterable call with success and keeps the problems found in any body sent. */
function acceptEverything(): string[] {
  const problems: string[] = []
  nock(US)
    .post(/.*/)
    .reply(200, (uri, body) => {
      const bulk = uri.endsWith('Bulk') || uri.endsWith('bulkUpdate')
      problems.push(...validateDefinition(DEFINITION_BY_PATH.get(uri)!, body).map((problem) => `${uri}: ${problem}`))
      return bulk ? { successCount: 1, failCount: 0 } : { msg: '', code: 'Success', params: null }
    })
    .persist()
  return problems
}

/** A failure the runtime reports for one event: a validation error, never a crash. */
function expectValidationError(error: unknown): void {
  expect(error).toBeInstanceOf(Error)
  expect(error).not.toBeInstanceOf(TypeError)
  expect(error).not.toBeInstanceOf(RangeError)
  expect((error as { status?: number }).status).toBe(400)
}

describe('any event, any shape', () => {
  const destination = new Destination(definition)
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

  it('one at a time: a request Iterable accepts, or a validation error; the event unchanged', async () => {
    const problems = acceptEverything()
    await fc.assert(
      fc.asyncProperty(hostileEvent, async (event) => {
        const before = structuredClone(event)
        await destination.onEvent(event, settings as never).catch(expectValidationError)
        expect(event).toEqual(before)
      }),
      { numRuns: RUNS }
    )
    expect(problems).toEqual([])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  })

  it('in batches: one entry per event, each delivered or failed on its own, never a crashed batch', async () => {
    const problems = acceptEverything()
    // A runtime batches only for actions that can take a batch.
    const batchSettings = {
      ...settings,
      subscriptions: settings.subscriptions.filter((preset) => definition.actions[preset.partnerAction].performBatch)
    }
    await fc.assert(
      fc.asyncProperty(fc.array(hostileEvent, { minLength: 1, maxLength: 8 }), async (events) => {
        const before = structuredClone(events)
        const results = await destination.onBatch(events, batchSettings as never)
        for (const result of results) {
          if (!result.multistatus) continue
          expect(result.multistatus).toHaveLength(events.length)
          for (const entry of result.multistatus) {
            if (entry.status >= 300) expect('errormessage' in entry && entry.errormessage).toBeTruthy()
          }
        }
        expect(events).toEqual(before)
      }),
      { numRuns: RUNS }
    )
    expect(problems).toEqual([])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  })
})

describe('deeply nested data', () => {
  const destination = new Destination(definition)

  function nested(depth: number): JSONObject {
    let value: JSONObject = { at: '2023-05-17T10:00:00Z' }
    for (let level = 0; level < depth; level++) value = { inner: value, list: [level] }
    return value
  }

  it('10,000 levels are refused by date conversion as a validation error, not a stack overflow', () => {
    expect(() => convertDates(nested(10_000))).toThrow(PayloadValidationError)
  })

  it('10,000 levels inside a cart item are refused as a validation error, not a stack overflow', () => {
    expect(() => toCommerceItem({ id: 'p', name: 'n', price: 1, quantity: 1, specs: nested(10_000) })).toThrow(
      /nested deeper than/
    )
  })

  // The actions-core runtime itself recurses while mapping (removeUndefined) and overflows at a few
  // thousand levels, before any action runs; 1,000 levels reach our code.
  const deep = nested(1_000)
  const events: Array<[string, SegmentEvent]> = [
    ['an identify', { type: 'identify', userId: 'u1', traits: deep }],
    ['a custom track', { type: 'track', event: 'Signed Up', userId: 'u1', properties: deep }],
    [
      'an Order Completed track',
      {
        type: 'track',
        event: 'Order Completed',
        userId: 'u1',
        properties: { total: 1, products: [{ product_id: 'p', name: 'n', price: 1, quantity: 1 }] },
        context: { traits: deep }
      }
    ]
  ]

  it.each(events)('deep data in %s is refused as a validation error for that event', async (_kind, event) => {
    acceptEverything()
    await expect(destination.onEvent(event, settings as never)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('nested deeper than')
    })
  })

  it('deep data in one event of a batch fails that event alone', async () => {
    acceptEverything()
    const [result] = await destination.onBatch(
      [
        { type: 'track', event: 'Signed Up', userId: 'u1', properties: deep },
        { type: 'track', event: 'Signed Up', userId: 'u2', properties: { plan: 'pro' } }
      ],
      { apiKey: API_KEY, subscriptions: [settings.subscriptions[0]] } as never
    )
    expect(result.multistatus?.map((entry) => entry.status)).toEqual([400, 200])
  })
})
