/**
 * Where JSON text goes wrong, as a line and column a person can find. Browsers' JSON.parse messages do
 * not always give a position ("Unexpected token '}', ... is not valid JSON"), so a small scanner that
 * follows the JSON grammar finds the first offending character.
 */

export interface JsonProblem {
  /** 1-based. */
  line: number
  /** 1-based, counted in characters. */
  column: number
  message: string
}

export type JsonReading = { value: unknown } | { problem: JsonProblem }

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

class Scanner {
  private offset = 0

  constructor(private readonly text: string) {}

  document(): void {
    this.skipWhitespace()
    if (this.offset === this.text.length) this.fail('the text is empty: expected a JSON value')
    this.value()
    this.skipWhitespace()
    if (this.offset < this.text.length) this.fail('unexpected text after the end of the JSON value')
  }

  private fail(message: string, offset = this.offset): never {
    throw new SyntaxProblem(message, offset)
  }

  /** A method rather than a getter, so that the compiler does not assume it unchanged as the scan moves on. */
  private peek(): string | undefined {
    return this.text[this.offset]
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.peek() ?? '')) this.offset++
  }

  private failAtEnd(expected: string): never {
    return this.fail(`the text ends too early: expected ${expected}`)
  }

  private value(): void {
    const next = this.peek()
    if (next === undefined) this.failAtEnd('a value')
    if (next === '{') return this.object()
    if (next === '[') return this.array()
    if (next === '"') return this.string()
    if (next === '-' || (next >= '0' && next <= '9')) return this.number()
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.offset)) {
        this.offset += literal.length
        return
      }
    }
    const quoteHint = next === "'" ? ' (strings take double quotes)' : ''
    this.fail(`expected a value (object, array, string, number, true, false or null)${quoteHint}`)
  }

  private object(): void {
    this.offset++
    this.skipWhitespace()
    if (this.peek() === '}') {
      this.offset++
      return
    }
    for (;;) {
      this.skipWhitespace()
      if (this.peek() === undefined) this.failAtEnd('a property name')
      if (this.peek() !== '"') {
        const hint = this.peek() === '}' ? ' (a comma cannot come before })' : ''
        this.fail(`expected a property name in double quotes${hint}`)
      }
      this.string()
      this.skipWhitespace()
      if (this.peek() === undefined) this.failAtEnd("':'")
      if (this.peek() !== ':') this.fail("expected ':' after the property name")
      this.offset++
      this.skipWhitespace()
      this.value()
      this.skipWhitespace()
      if (this.peek() === ',') {
        this.offset++
        continue
      }
      if (this.peek() === '}') {
        this.offset++
        return
      }
      if (this.peek() === undefined) this.failAtEnd("',' or '}'")
      this.fail("expected ',' or '}' after the property's value")
    }
  }

  private array(): void {
    this.offset++
    this.skipWhitespace()
    if (this.peek() === ']') {
      this.offset++
      return
    }
    for (;;) {
      this.skipWhitespace()
      if (this.peek() === ']') this.fail('expected a value (a comma cannot come before ])')
      this.value()
      this.skipWhitespace()
      if (this.peek() === ',') {
        this.offset++
        continue
      }
      if (this.peek() === ']') {
        this.offset++
        return
      }
      if (this.peek() === undefined) this.failAtEnd("',' or ']'")
      this.fail("expected ',' or ']' after the array element")
    }
  }

  private string(): void {
    const start = this.offset
    this.offset++
    for (;;) {
      const next = this.peek()
      if (next === undefined) this.fail('this string is never closed with "', start)
      if (next === '"') {
        this.offset++
        return
      }
      if (next < ' ') this.fail('a line break or control character inside a string; write it escaped, as \\n or \\t')
      if (next === '\\') {
        const escaped = this.text[this.offset + 1]
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
          this.offset += 6
          continue
        }
        if (escaped === undefined || !ESCAPES.has(escaped)) this.fail('an invalid escape in a string')
        this.offset += 2
        continue
      }
      this.offset++
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.offset
    const match = NUMBER.exec(this.text)
    if (!match) this.fail('an invalid number')
    this.offset += match[0].length
  }
}

/** Line and column (both 1-based) of an offset into the text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: offset - lineStart + 1 }
}

/** The first syntax problem in the text, or undefined when it is JSON. */
export function findJsonProblem(text: string): JsonProblem | undefined {
  try {
    new Scanner(text).document()
    return undefined
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error
    return { ...positionOf(text, error.offset), message: error.message }
  }
}

/** The text's value, or where and why it is not JSON. */
export function readJson(text: string): JsonReading {
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    // The scanner and JSON.parse follow one grammar; should they ever disagree, the browser's word stands.
    const problem = findJsonProblem(text) ?? { line: 1, column: 1, message: (error as Error).message }
    return { problem }
  }
}
