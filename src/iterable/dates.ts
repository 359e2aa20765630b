import { PayloadValidationError } from '@segment/actions-core'

/**
 * Iterable reads date fields inside `dataFields` only in its own format, `YYYY-MM-DD HH:mm:ss +00:00`;
 * Segment sends ISO 8601. These functions convert without touching the caller's data.
 */

// Date and time, optional seconds and fraction, optional zone. Date-only strings stay as they are:
// they are as likely to be plain text (a birthday, a SKU) as a moment in time.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

const ZONE = /^([+-])(\d{2}):?(\d{2})$/

/** Minutes east of UTC for a zone designator, or undefined for an impossible one (+25:00). */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0
  const [, sign, hours, minutes] = ZONE.exec(zone) ?? []
  if (+hours > 23 || +minutes > 59) return undefined
  return (sign === '-' ? -1 : 1) * (+hours * 60 + +minutes)
}

/** The instant an ISO 8601 date-time string names, or undefined for anything that is not a real one. */
export function parseIsoDateTime(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone = 'Z'] = match
  const offset = offsetMinutes(zone)
  if (offset === undefined || +hour > 23 || +minute > 59 || +second > 59) return undefined
  const moment = new Date(0)
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 literally.
  moment.setUTCFullYear(+year, +month - 1, +day)
  if (moment.getUTCFullYear() !== +year || moment.getUTCMonth() !== +month - 1 || moment.getUTCDate() !== +day) {
    return undefined
  }
  moment.setUTCHours(+hour, +minute - offset, +second, Math.floor(Number(`0${fraction}`) * 1000))
  return moment
}

/** A moment in Iterable's date format, always in UTC. */
export function toIterableDate(moment: Date): string {
  const iso = moment.toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +00:00`
}

// The range of instants a JavaScript Date can hold, in milliseconds either side of 1970.
const MAX_DATE_MILLIS = 8.64e15

/**
 * Unix seconds, as Iterable's `createdAt` expects, for an ISO 8601 string or epoch milliseconds;
 * undefined when there is no timestamp. A timestamp that names no real instant is refused rather
 * than silently replaced by the time Iterable receives the event.
 */
export function toUnixSeconds(timestamp: string | number | undefined): number | undefined {
  if (timestamp === undefined || timestamp === '') return undefined
  const millis =
    typeof timestamp === 'number'
      ? timestamp
      : ISO_DATE_TIME.test(timestamp)
        ? (parseIsoDateTime(timestamp)?.getTime() ?? NaN)
        : Date.parse(timestamp)
  if (!Number.isFinite(millis) || Math.abs(millis) > MAX_DATE_MILLIS) {
    throw new PayloadValidationError(`Timestamp ${JSON.stringify(timestamp)} is not a valid time.`)
  }
  return Math.floor(millis / 1000)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * How deeply data may nest. JSON itself cannot be written much deeper (V8's JSON.stringify overflows
 * its stack at a few thousand levels), and no real profile or event nests anywhere near this.
 */
export const MAX_DATA_DEPTH = 100

/**
 * A copy of `value` in which every ISO date-time string inside objects and arrays is in Iterable's
 * format. Parts without dates are shared with the input, never changed, so converting is cheap and
 * idempotent. Data nested deeper than MAX_DATA_DEPTH is refused as a validation error.
 */
export function convertDates<T>(value: T, depth = 0): T {
  if (typeof value === 'string') {
    const moment = looksLikeDateTime(value) ? parseIsoDateTime(value) : undefined
    return (moment ? toIterableDate(moment) : value) as T
  }
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_DATA_DEPTH) {
    throw new PayloadValidationError(`Data nested deeper than ${MAX_DATA_DEPTH} levels cannot be sent to Iterable.`)
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item, index) => {
      const converted = convertDates(item, depth + 1)
      if (converted !== item) (copy ??= [...value])[index] = converted
    })
    return (copy ?? value) as T
  }
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const key of Object.keys(value)) {
    const item = value[key]
    const converted = convertDates(item, depth + 1)
    if (converted === item) continue
    // Spreading copies "__proto__" as an own key; assigning it would set the copy's prototype instead.
    copy ??= { ...value }
    if (key === '__proto__') Object.defineProperty(copy, key, { value: converted, enumerable: true, writable: true })
    else copy[key] = converted
  }
  return (copy ?? value) as T
}

/** A cheap look at the characters every ISO date-time has ("YYYY-MM-DDTHH:mm"), before the full parse. */
function looksLikeDateTime(text: string): boolean {
  return text.length >= 16 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 84
}
