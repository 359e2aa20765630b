/// <reference lib="dom" />
/**
 * A textarea for a JSON object with line numbers, which reports the first syntax problem as you type,
 * by line and column, and marks that line.
 */
import { h } from './dom.mjs'
import { readJson, type JsonProblem } from './json-problem.mjs'

export type ObjectReading = { value: Record<string, unknown> } | { problem: JsonProblem }

function readObject(text: string): ObjectReading {
  const reading = readJson(text)
  if ('problem' in reading) return reading
  const { value } = reading
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { value: value as Record<string, unknown> }
  }
  return { problem: { line: 1, column: 1, message: 'expected a JSON object, in { }' } }
}

export class JsonObjectEditor {
  /** The editor and its error line, to place in the page. */
  readonly element: HTMLElement
  private readonly textarea: HTMLTextAreaElement
  private readonly gutter: HTMLElement
  private readonly box: HTMLElement
  private readonly error: HTMLElement

  constructor(options: { id: string; label: string; rows: number; text: string }) {
    const errorId = `${options.id}-error`
    this.textarea = h('textarea', {
      id: options.id,
      rows: String(options.rows),
      spellcheck: 'false',
      autocomplete: 'off',
      wrap: 'off',
      'aria-label': options.label,
      'aria-describedby': errorId
    })
    this.textarea.value = options.text
    this.gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' })
    this.box = h('div', { class: 'editor' }, this.gutter, this.textarea)
    this.error = h('p', { class: 'json-error', id: errorId, role: 'alert' })
    this.error.hidden = true
    this.element = h('div', {}, this.box, this.error)
    this.textarea.addEventListener('input', () => this.refresh())
    this.textarea.addEventListener('scroll', () => {
      this.gutter.scrollTop = this.textarea.scrollTop
    })
    this.refresh()
  }

  set text(text: string) {
    this.textarea.value = text
    this.refresh()
  }

  /** The object, or the problem (which the editor shows). */
  read(): ObjectReading {
    return this.refresh()
  }

  /** Puts the caret on the problem, so that the person can fix it straight away. */
  focusOn({ line, column }: JsonProblem): void {
    const lines = this.textarea.value.split('\n')
    const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1
    this.textarea.focus()
    this.textarea.setSelectionRange(offset, offset)
  }

  private refresh(): ObjectReading {
    const text = this.textarea.value
    const reading = readObject(text)
    const problem = 'problem' in reading ? reading.problem : undefined
    const lineCount = text.split('\n').length
    const numbers = Array.from({ length: lineCount }, (_, index) => {
      const line = index + 1
      return h('span', line === problem?.line ? { class: 'error-line' } : {}, String(line))
    })
    this.gutter.replaceChildren(...numbers.flatMap((number, index) => (index === 0 ? [number] : ['\n', number])))
    this.gutter.scrollTop = this.textarea.scrollTop
    this.box.classList.toggle('invalid', problem !== undefined)
    this.textarea.setAttribute('aria-invalid', String(problem !== undefined))
    this.error.hidden = problem === undefined
    this.error.textContent = problem ? `Line ${problem.line}, column ${problem.column}: ${problem.message}` : ''
    return reading
  }
}
