import type { InputRecord } from './records'

/**
 * Splits a JSON array, arriving as text chunks, into the text of each of its elements, with the line
 * each element starts on. It tracks only nesting and strings, so memory holds one element at a time;
 * each element is parsed later, so a malformed element costs that element only. Content before the
 * opening `[` must be whitespace.
 */
export async function* splitJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<InputRecord> {
  let line = 1
  let depth = 0
  let inString = false
  let escaped = false
  let ended = false
  let element = ''
  let elementLine = 0

  for await (const chunk of chunks) {
    let copiedUpTo = 0
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk[index]
      if (char === '\n') line++
      if (ended) {
        if (!/\s/.test(char)) {
          yield { line, problem: 'unexpected content after the end of the JSON array' }
          return
        }
        continue
      }
      if (inString) {
        if (escaped) escaped = false
        else if (char === '\\') escaped = true
        else if (char === '"') inString = false
        continue
      }
      if (depth === 0) {
        if (char === '[') depth = 1
        else if (!/\s/.test(char)) {
          yield { line, problem: 'expected a JSON array' }
          return
        }
        copiedUpTo = index + 1
        continue
      }
      const endsElement = depth === 1 && (char === ',' || char === ']')
      if (endsElement) {
        element += chunk.slice(copiedUpTo, index)
        copiedUpTo = index + 1
        const text = element.trim()
        if (text) yield { line: elementLine, text }
        else if (char === ',') yield { line, problem: 'empty element in the JSON array' }
        element = ''
        elementLine = 0
        if (char === ']') {
          depth = 0
          ended = true
        }
        continue
      }
      if (depth === 1 && elementLine === 0) {
        if (/\s/.test(char)) {
          copiedUpTo = index + 1
          continue
        }
        elementLine = line
      }
      if (char === '"') inString = true
      else if (char === '{' || char === '[') depth++
      else if (char === '}' || char === ']') depth--
    }
    if (depth > 0 && !ended) element += chunk.slice(copiedUpTo)
  }
  if (!ended) yield { line, problem: 'the JSON array is not closed: the input ends inside it' }
}
