import { parseRecord, readRecords, type InputEvent, type MalformedRecord } from './records'
import { markPreviouslyDelivered, readResultLines } from './resume'
import type { RunnerInput } from './runner'

async function* parsed(
  chunks: AsyncIterable<string>,
  interrupt: AbortSignal | undefined
): AsyncGenerator<InputEvent | MalformedRecord> {
  for await (const record of readRecords(chunks)) {
    // Stop taking records when interrupted; those already taken are still delivered and recorded.
    if (interrupt?.aborted) return
    yield 'text' in record ? parseRecord(record) : record
  }
}

/**
 * The runner's input from text chunks: events, malformed records, and, given previous results,
 * events already delivered. It ends early, between records, once `interrupt` is aborted.
 */
export function runnerInput(
  chunks: AsyncIterable<string>,
  previousResults?: AsyncIterable<string>,
  interrupt?: AbortSignal
): AsyncIterable<RunnerInput> {
  const records = parsed(chunks, interrupt)
  return previousResults ? markPreviouslyDelivered(records, readResultLines(previousResults)) : records
}
