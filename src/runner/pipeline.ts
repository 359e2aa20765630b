import { parseRecord, readRecords, type InputEvent, type MalformedRecord } from './records'
import { markPreviouslyDelivered, readResultLines } from './resume'
import type { RunnerInput } from './runner'

async function* parsed(chunks: AsyncIterable<string>): AsyncGenerator<InputEvent | MalformedRecord> {
  for await (const record of readRecords(chunks)) yield 'text' in record ? parseRecord(record) : record
}

/** The runner's input from text chunks: events, malformed records, and, given previous results, events already delivered. */
export function runnerInput(
  chunks: AsyncIterable<string>,
  previousResults?: AsyncIterable<string>
): AsyncIterable<RunnerInput> {
  return previousResults ? markPreviouslyDelivered(parsed(chunks), readResultLines(previousResults)) : parsed(chunks)
}
