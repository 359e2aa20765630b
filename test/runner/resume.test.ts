import type { RunnerInput } from '../../src/runner/runner'
import type { InputEvent, MalformedRecord } from '../../src/runner/records'
import { markPreviouslyDelivered, readResultLines, ResumeError } from '../../src/runner/resume'

async function* from<T>(...items: T[]): AsyncGenerator<T> {
  yield* items
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = []
  for await (const item of items) collected.push(item)
  return collected
}

const event = (line: number, messageId?: string): InputEvent => ({ line, event: { type: 'track', messageId } })
const results = (...lines: object[]) => from(lines.map((line) => JSON.stringify(line)).join('\n') + '\n')

describe('resuming from a results file', () => {
  it('marks the events the results record as delivered, and only those', async () => {
    const input = from<InputEvent | MalformedRecord>(event(1, 'm1'), event(2, 'm2'), event(3, 'm3'), {
      line: 4,
      problem: 'x'
    })
    const previous = readResultLines(
      results(
        { line: 1, messageId: 'm1', action: 'customEvent', status: 'delivered' },
        { line: 2, messageId: 'm2', action: 'customEvent', status: 'failed', reason: 'no' },
        { line: 4, status: 'malformed' }
      )
    )
    const marked: RunnerInput[] = await all(markPreviouslyDelivered(input, previous))
    expect(marked.map((item) => ('previous' in item ? `${item.line} resumed` : `${item.line}`))).toEqual([
      '1 resumed',
      '2',
      '3',
      '4'
    ])
  })

  it('refuses results whose messageIds differ from the input', async () => {
    const previous = readResultLines(results({ line: 1, messageId: 'other', status: 'delivered' }))
    await expect(all(markPreviouslyDelivered(from(event(1, 'm1')), previous))).rejects.toThrow(
      'input line 1 has messageId m1 but the results record other: they are not from the same input'
    )
  })

  it('ignores a last line cut off by an interrupted run', async () => {
    const previous = from('{"line":1,"status":"delivered"}\n{"line":2,"sta')
    expect(await all(readResultLines(previous))).toEqual([{ line: 1, status: 'delivered' }])
  })

  it('refuses a line that is not JSON before the last', async () => {
    await expect(all(readResultLines(from('{"line":1,"sta\n{"line":2,"status":"delivered"}\n')))).rejects.toThrow(
      'line 1 is not JSON'
    )
  })

  it('refuses a file whose lines are not result lines', async () => {
    await expect(all(readResultLines(from('{"hello":"world"}\n')))).rejects.toThrow(ResumeError)
  })

  it('refuses results out of line order', async () => {
    await expect(
      all(readResultLines(results({ line: 2, status: 'delivered' }, { line: 1, status: 'delivered' })))
    ).rejects.toThrow(/ascending input line order/)
  })
})
