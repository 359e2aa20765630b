import fc from 'fast-check'
import { PayloadValidationError } from '@segment/actions-core'
import { toCommerceItem } from '../../src/iterable/commerce'
import { convertDates, parseIsoDateTime, toIterableDate, toUnixSeconds } from '../../src/iterable/dates'
import { toIterableUser } from '../../src/destination/users'

/** Freezes a value and everything inside it, so that any write throws in strict mode. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}

describe('toIterableDate', () => {
  it('writes a moment as YYYY-MM-DD HH:mm:ss +00:00 in UTC', () => {
    expect(toIterableDate(new Date(Date.UTC(2023, 4, 7, 9, 5, 3, 999)))).toBe('2023-05-07 09:05:03 +00:00')
  })
})

describe('parseIsoDateTime', () => {
  it('returns the instant an ISO date-time names', () => {
    expect(parseIsoDateTime('2023-05-17T10:00:00+02:00')?.toISOString()).toBe('2023-05-17T08:00:00.000Z')
  })

  it('returns undefined for text that is not a date-time', () => {
    expect(parseIsoDateTime('2023-05-17')).toBeUndefined()
    expect(parseIsoDateTime('not a date')).toBeUndefined()
  })
})

describe('convertDates on a single string', () => {
  it.each([
    ['Z', '2023-05-17T10:00:00Z', '2023-05-17 10:00:00 +00:00'],
    ['a positive offset', '2023-05-17T10:00:00+02:00', '2023-05-17 08:00:00 +00:00'],
    ['a negative half-hour offset', '2023-05-17T10:00:00-05:30', '2023-05-17 15:30:00 +00:00'],
    ['an offset without a colon', '2023-05-17T10:00:00+0530', '2023-05-17 04:30:00 +00:00'],
    ['an offset that moves it to the next day', '2023-05-17T23:30:00-02:00', '2023-05-18 01:30:00 +00:00'],
    ['an offset that moves it to the previous year', '2024-01-01T01:00:00+03:00', '2023-12-31 22:00:00 +00:00'],
    ['milliseconds', '2023-05-17T10:00:00.987Z', '2023-05-17 10:00:00 +00:00'],
    ['a long fraction, truncated rather than rounded', '2023-05-17T10:00:59.999999Z', '2023-05-17 10:00:59 +00:00'],
    ['no seconds', '2023-05-17T10:00Z', '2023-05-17 10:00:00 +00:00'],
    ['no zone, read as UTC', '2023-05-17T10:00:00', '2023-05-17 10:00:00 +00:00'],
    ['a leap day', '2024-02-29T12:00:00Z', '2024-02-29 12:00:00 +00:00']
  ])('converts an ISO date-time with %s to UTC', (_case, iso, iterable) => {
    expect(convertDates(iso)).toBe(iterable)
  })

  it.each([
    ['a date-only string', '2023-05-17'],
    ['a date-like code that is no date', '1234-12-99'],
    ['a day February does not have', '2023-02-30T10:00:00Z'],
    ['February 29th in a common year', '2023-02-29T10:00:00Z'],
    ['hour 24', '2023-05-17T24:00:00Z'],
    ['minute 60', '2023-05-17T10:60:00Z'],
    ['month 13', '2023-13-01T10:00:00Z'],
    ['plain text', 'not a date'],
    ['a date-time inside a sentence', 'shipped on 2023-05-17T10:00:00Z'],
    ['a date-time in Iterable format already', '2023-05-17 10:00:00 +00:00'],
    ['an empty string', '']
  ])('leaves %s as it is', (_case, text) => {
    expect(convertDates(text)).toBe(text)
  })

  it.each([
    ['+25:00', '2023-05-17T10:00:00+25:00'],
    ['+99:99', '2023-05-17T10:00:00+99:99']
  ])('leaves a date-time with the impossible offset %s as it is instead of throwing', (_offset, text) => {
    expect(() => convertDates(text)).not.toThrow()
    expect(convertDates(text)).toBe(text)
  })

  it.each([42, 1.5, true, false, null, undefined])('leaves the non-string %p as it is', (value) => {
    expect(convertDates(value)).toBe(value)
  })
})

describe('convertDates on objects and arrays', () => {
  it('converts date-times at any depth of nested objects and arrays', () => {
    const input = {
      signedUpAt: '2023-05-17T10:00:00Z',
      plan: { renewsAt: '2024-01-01T00:00:00+01:00', history: [{ at: '2022-12-31T23:59:59.5Z', tier: 'pro' }] },
      logins: ['2023-05-01T08:00:00Z', 'yesterday', 3],
      matrix: [[['2023-05-17T10:00:00-01:00']]]
    }
    expect(convertDates(input)).toEqual({
      signedUpAt: '2023-05-17 10:00:00 +00:00',
      plan: { renewsAt: '2023-12-31 23:00:00 +00:00', history: [{ at: '2022-12-31 23:59:59 +00:00', tier: 'pro' }] },
      logins: ['2023-05-01 08:00:00 +00:00', 'yesterday', 3],
      matrix: [[['2023-05-17 11:00:00 +00:00']]]
    })
  })

  it('leaves date-only strings and non-dates inside objects as they are', () => {
    const input = { birthday: '2023-05-17', code: '1234-12-99', note: 'not a date', bad: '2023-02-30T10:00:00Z' }
    expect(convertDates(input)).toEqual(input)
  })

  it('does not mutate its input', () => {
    const input = deepFreeze({ at: '2023-05-17T10:00:00Z', nested: { list: ['2023-05-17T10:00:00Z', { x: 1 }] } })
    const before = structuredClone(input)
    const output = convertDates(input)
    expect(input).toEqual(before)
    expect(output).not.toBe(input)
    expect(output.nested).not.toBe(input.nested)
  })

  it('returns the very same value when there is nothing to convert', () => {
    const input = { name: 'Jane', tags: ['a', 'b'], address: { city: 'Paris', since: '2023-05-17' } }
    expect(convertDates(input)).toBe(input)
  })

  it('shares the branches that hold no date with its input', () => {
    const input = { changed: { at: '2023-05-17T10:00:00Z' }, untouched: { city: 'Paris' }, list: [{ n: 1 }] }
    const output = convertDates(input)
    expect(output.changed).not.toBe(input.changed)
    expect(output.untouched).toBe(input.untouched)
    expect(output.list).toBe(input.list)
  })

  it('is idempotent', () => {
    const input = { at: '2023-05-17T10:00:00+02:00', list: ['2023-05-17T10:00:00Z', 'x'], deep: { d: '2023-05-17' } }
    const once = convertDates(input)
    const twice = convertDates(once)
    expect(twice).toEqual(once)
    expect(twice).toBe(once)
  })

  it('leaves objects that are not plain data, such as Date instances, as they are', () => {
    const moment = new Date('2023-05-17T10:00:00Z')
    expect(convertDates({ moment }).moment).toBe(moment)
  })

  it('keeps a "__proto__" key as data and leaves Object.prototype untouched', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "2023-05-17T10:00:00Z"}, "at": "2023-05-17T10:00:00Z"}')
    const output = convertDates(input) as Record<string, unknown>
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype)
    expect(Object.hasOwn(output, '__proto__')).toBe(true)
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({
      polluted: '2023-05-17 10:00:00 +00:00'
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
  })

  it('keeps a "constructor" key as data', () => {
    const input = JSON.parse('{"constructor": {"prototype": {"at": "2023-05-17T10:00:00Z"}}}')
    const output = convertDates(input) as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(output, 'constructor')?.value).toEqual({
      prototype: { at: '2023-05-17 10:00:00 +00:00' }
    })
    expect(Object.hasOwn(Object.prototype, 'at')).toBe(false)
    expect(({} as Record<string, unknown>).constructor).toBe(Object)
  })
})

describe('dates inside item and user dataFields', () => {
  it("converts date-times in an item's extra properties and explicit dataFields", () => {
    const item = toCommerceItem({
      id: 'p1',
      name: 'Shoe',
      price: 10,
      quantity: 1,
      releasedAt: '2023-05-17T10:00:00+02:00',
      dataFields: { restock: { at: ['2023-06-01T00:00:00Z'] }, launch: '2023-05-17' }
    })
    expect(item.dataFields).toEqual({
      releasedAt: '2023-05-17 08:00:00 +00:00',
      restock: { at: ['2023-06-01 00:00:00 +00:00'] },
      launch: '2023-05-17'
    })
  })

  it("converts date-times in a user's dataFields without touching the mapped user", () => {
    const user = deepFreeze({
      email: 'jane@example.com',
      dataFields: {
        lastSeen: '2023-05-17T10:00:00Z',
        trips: [{ from: '2023-07-01T09:30:00-04:00' }],
        bday: '1990-01-01'
      }
    })
    expect(toIterableUser(user).dataFields).toEqual({
      lastSeen: '2023-05-17 10:00:00 +00:00',
      trips: [{ from: '2023-07-01 13:30:00 +00:00' }],
      bday: '1990-01-01'
    })
    expect(user.dataFields.lastSeen).toBe('2023-05-17T10:00:00Z')
  })
})

describe('toUnixSeconds', () => {
  it('turns an ISO timestamp into whole unix seconds', () => {
    expect(toUnixSeconds('2023-05-17T10:00:00Z')).toBe(1684317600)
  })

  it('honours the offset of the timestamp', () => {
    expect(toUnixSeconds('2023-05-17T12:00:00+02:00')).toBe(1684317600)
  })

  it('rounds a fraction of a second down', () => {
    expect(toUnixSeconds('2023-05-17T10:00:00.999Z')).toBe(1684317600)
  })

  it('reads a number as milliseconds since the epoch', () => {
    expect(toUnixSeconds(1684317600999)).toBe(1684317600)
  })

  it.each([undefined, ''])('gives no time for %p, so Iterable uses the time it receives the event', (value) => {
    expect(toUnixSeconds(value)).toBeUndefined()
  })

  it.each(['not a date', '2023-02-30T10:00:00Z', Number.NaN, 1e300])('refuses %p as a validation error', (value) => {
    expect(() => toUnixSeconds(value)).toThrow(PayloadValidationError)
  })
})

describe('date conversion, for any input', () => {
  const anyJson = fc.jsonValue({ maxDepth: 4 })
  const isoMoment = fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
    .map((date) => date.toISOString())

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, isoMoment), (value) => {
        const once = convertDates(value)
        expect(convertDates(once)).toEqual(once)
      }),
      { numRuns: 500 }
    )
  })

  // Strings shaped like ISO date-times with one impossible part: a month past 12, a day past the
  // month's end, an hour past 23, a minute or second past 59.
  const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  const impossibleDateTime = fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      part: fc.constantFrom('month', 'day', 'hour', 'minute', 'second'),
      excess: fc.integer({ min: 1, max: 40 })
    })
    .map(({ year, month, part, excess }) => {
      const value = { month, day: 1, hour: 0, minute: 0, second: 0 }
      const limits = { month: 12, day: daysIn(year, month), hour: 23, minute: 59, second: 59 }
      value[part as keyof typeof value] = Math.min(limits[part as keyof typeof limits] + excess, 99)
      return `${pad(year, 4)}-${pad(value.month)}-${pad(value.day)}T${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}Z`
    })

  it('never turns a date-time with an impossible part into a date', () => {
    fc.assert(
      fc.property(impossibleDateTime, (text) => {
        expect(convertDates(text)).toBe(text)
      }),
      { numRuns: 1000 }
    )
  })

  it('leaves any string that is not shaped like an ISO date-time as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}T/.test(text))
        expect(convertDates(text)).toBe(text)
      }),
      { numRuns: 1000 }
    )
  })

  it('converts every ISO date-time to the same instant in Iterable’s format', () => {
    fc.assert(
      fc.property(isoMoment, (iso) => {
        const converted = convertDates(iso)
        expect(converted).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/)
        expect(Date.parse(`${converted.slice(0, 10)}T${converted.slice(11, 19)}Z`)).toBe(
          Math.floor(Date.parse(iso) / 1000) * 1000
        )
      }),
      { numRuns: 500 }
    )
  })
})
