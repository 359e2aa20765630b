import type { SegmentEvent } from '@segment/actions-core'
import { splitLines } from './ndjson'
import { messageIdOf, type InputEvent, type MalformedRecord } from './records'
import type { ResultLine } from './results'
import type { RunnerInput } from './runner'

/** An event a previous run delivered, according to its results file: it is not sent again. */
export interface PreviouslyDelivered {
  line: number
  event: SegmentEvent
  previous: ResultLine
}

/** A results file that cannot be resumed from, or that belongs to another input. */
export class ResumeError extends Error {}

/**
 * The lines of a results file, checked to be result lines in ascending line order. A last line
 * that is not JSON is taken as cut off by an interrupted run and ignored: its event is sent again.
 */
export async function* readResultLines(chunks: AsyncIterable<string>): AsyncGenerator<ResultLine> {
  let lastLine = 0
  let cutOff: number | undefined
  for await (const { line, text } of splitLines(chunks)) {
    if (cutOff !== undefined) throw new ResumeError(`line ${cutOff} is not JSON`)
    let result: Partial<ResultLine>
    try {
      result = JSON.parse(text) as Partial<ResultLine>
    } catch {
      cutOff = line
      continue
    }
    if (typeof result !== 'object' || result === null || !Number.isInteger(result.line) || !result.status) {
      throw new ResumeError(`line ${line} is not a result line ({"line":…,"status":…})`)
    }
    if ((result.line as number) <= lastLine) {
      throw new ResumeError(`line ${line}: results must be in ascending input line order, as this command writes them`)
    }
    lastLine = result.line as number
    yield result as ResultLine
  }
}

/**
 * The input with each event the previous results record as delivered marked as such. Both are read
 * in step, in line order, so memory stays bounded; a messageId that differs between the input and
 * the results means they do not belong together.
 */
export async function* markPreviouslyDelivered(
  input: AsyncIterable<InputEvent | MalformedRecord>,
  previous: AsyncIterable<ResultLine>
): AsyncGenerator<RunnerInput> {
  const results = previous[Symbol.asyncIterator]()
  let next = await results.next()
  for await (const item of input) {
    while (!next.done && next.value.line < item.line) next = await results.next()
    const result = next.done || next.value.line !== item.line ? undefined : next.value
    if (!result || !('event' in item) || result.status !== 'delivered') {
      yield item
      continue
    }
    const messageId = messageIdOf(item.event)
    if (result.messageId !== messageId) {
      throw new ResumeError(
        `input line ${item.line} has messageId ${messageId ?? '(none)'} but the results record ${result.messageId ?? '(none)'}: they are not from the same input`
      )
    }
    yield { line: item.line, event: item.event, previous: result }
  }
}
