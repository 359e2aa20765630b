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

/** Unix seconds, as Iterable's `createdAt` expects; undefined when there is no real time. */
export function toUnixSeconds(timestamp: string | number | undefined): number | undefined {
  if (timestamp === undefined || timestamp === '') return undefined
  const millis =
    typeof timestamp === 'number'
      ? timestamp
      : ISO_DATE_TIME.test(timestamp)
        ? parseIsoDateTime(timestamp)?.getTime()
        : Date.parse(timestamp)
  return millis !== undefined && Number.isFinite(millis) ? Math.floor(millis / 1000) : undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * A copy of `value` in which every ISO date-time string, however deeply nested in objects and
 * arrays, is in Iterable's format. Parts without dates are shared with the input, never changed,
 * so converting is cheap and idempotent.
 */
export function convertDates<T>(value: T): T {
  if (typeof value === 'string') {
    const moment = parseIsoDateTime(value)
    return (moment ? toIterableDate(moment) : value) as T
  }
  if (Array.isArray(value)) {
    const converted = value.map(convertDates)
    return (converted.some((item, index) => item !== value[index]) ? converted : value) as T
  }
  if (isPlainObject(value)) {
    let changed = false
    const entries = Object.entries(value).map(([key, item]) => {
      const convertedItem = convertDates(item)
      changed ||= convertedItem !== item
      return [key, convertedItem] as const
    })
    // fromEntries defines own properties, so a key such as "__proto__" stays data, never a prototype.
    return (changed ? Object.fromEntries(entries) : value) as T
  }
  return value
}
