import type { RawRecord } from './records'

/**
 * Splits text chunks into lines, one record per non-blank line, numbered from 1. Holds at most one
 * line and one chunk in memory, whatever the input size.
 */
export async function* splitLines(chunks: AsyncIterable<string>, firstLine = 1): AsyncGenerator<RawRecord> {
  let line = firstLine
  let pending = ''
  for await (const chunk of chunks) {
    const parts = (pending + chunk).split('\n')
    pending = parts.pop() ?? ''
    for (const part of parts) {
      const text = part.trim()
      if (text) yield { line, text }
      line++
    }
  }
  const text = pending.trim()
  if (text) yield { line, text }
}
