import type { SegmentEvent } from '@segment/actions-core'
import { splitJsonArray } from './json-array'
import { splitLines } from './ndjson'

/** The text of one event as it appears in the input, and the line it starts on. */
export interface RawRecord {
  line: number
  text: string
}

/** Why part of the input could not be read as an event. */
export interface MalformedRecord {
  line: number
  problem: string
}

export type InputRecord = RawRecord | MalformedRecord

export interface InputEvent {
  line: number
  event: SegmentEvent
}

export const messageIdOf = (event: SegmentEvent | undefined): string | undefined =>
  typeof event?.messageId === 'string' ? event.messageId : undefined

/**
 * The records of NDJSON or of a JSON array, told apart by the first character that is not
 * whitespace (`[` starts an array). Either way the input is streamed.
 */
export async function* readRecords(chunks: AsyncIterable<string>): AsyncGenerator<InputRecord> {
  const iterator = chunks[Symbol.asyncIterator]()
  const skipped: string[] = []
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const chunk = next.value
    // \s includes a byte order mark, so a BOM is skipped like whitespace.
    const start = chunk.search(/\S/)
    if (start === -1) {
      skipped.push(chunk)
      continue
    }
    const rest = (async function* () {
      yield skipped.join('') + chunk
      for (let more = await iterator.next(); !more.done; more = await iterator.next()) yield more.value
    })()
    yield* chunk[start] === '[' ? splitJsonArray(rest) : splitLines(rest)
    return
  }
}

/** An event, or why the record is not one: it must be a JSON object. */
export function parseRecord(record: RawRecord): InputEvent | MalformedRecord {
  let value: unknown
  try {
    value = JSON.parse(record.text)
  } catch (error) {
    return { line: record.line, problem: `not valid JSON (${(error as Error).message})` }
  }
  if (!isJsonObject(value)) return { line: record.line, problem: 'not a JSON object' }
  // actions-core itself throws a TypeError on a `context` that is null, failing every event batched
  // with this one; Segment's spec makes these three objects, so anything else is refused here.
  const notObject = ENVELOPE_OBJECTS.find((key) => value[key] !== undefined && !isJsonObject(value[key]))
  if (notObject) return { line: record.line, problem: `"${notObject}" must be a JSON object` }
  if (nestsDeeperThan(value, MAX_EVENT_DEPTH)) {
    return { line: record.line, problem: `nested deeper than ${MAX_EVENT_DEPTH} levels, more than the runtime can map` }
  }
  return { line: record.line, event: value as unknown as SegmentEvent }
}

/**
 * actions-core maps events recursively and overflows its stack a few thousand levels deep; the
 * destination refuses data fields deeper than 100 levels anyway, with its own message.
 */
const MAX_EVENT_DEPTH = 1000

/** Whether `value` nests objects or arrays more than `limit` deep; iterative, so any depth is safe. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]]
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth >= limit) return true
    for (const child of Object.values(current)) pending.push([child, depth + 1])
  }
  return false
}

const ENVELOPE_OBJECTS = ['context', 'properties', 'traits'] as const

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** How many records the input holds, for a progress total; reads it once without parsing events. */
export async function countRecords(chunks: AsyncIterable<string>): Promise<number> {
  const records = readRecords(chunks)
  let count = 0
  while (!(await records.next()).done) count++
  return count
}
