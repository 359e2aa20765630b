import type { Writable } from 'node:stream'

export interface ProgressStats {
  done: number
  /** Known when the input is a file that was counted first. */
  total?: number
  failed: number
  elapsedMs: number
}

const BAR_WIDTH = 24
const number = (value: number) => value.toLocaleString('en-US')

/** One line: a bar when the total is known, events done, events per second, failures so far. */
export function formatProgress({ done, total, failed, elapsedMs }: ProgressStats): string {
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0
  const tail = `${number(rate)} events/s  ${number(failed)} failed`
  if (total === undefined || total === 0) return `${number(done)} events  ${tail}`
  const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH))
  const percent = Math.floor((done / total) * 100)
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${number(done)}/${number(total)} ${percent}%  ${tail}`
}

const REDRAW_INTERVAL_MS = 100
const CLEAR_LINE = '\r\x1b[2K'

/**
 * Messages for a person at a terminal, with a progress line kept below them: a message clears the
 * line, prints, and the line comes back at the next redraw. Without a terminal, only messages.
 */
export class Reporter {
  private shown = false
  private lastDrawn = -Infinity

  constructor(
    private readonly stream: Writable,
    private readonly showProgress: boolean,
    private readonly redact: (text: string) => string
  ) {}

  note(message: string): void {
    this.clear()
    this.stream.write(this.redact(message) + '\n')
  }

  /** Redraws the progress line, at most ten times a second unless `force`. */
  progress(stats: ProgressStats, force = false): void {
    if (!this.showProgress) return
    const now = performance.now()
    if (!force && now - this.lastDrawn < REDRAW_INTERVAL_MS) return
    this.lastDrawn = now
    this.stream.write(CLEAR_LINE + formatProgress(stats))
    this.shown = true
  }

  /** Leaves the last progress line on screen and moves below it. */
  finish(stats: ProgressStats): void {
    if (!this.showProgress) return
    this.progress(stats, true)
    this.stream.write('\n')
    this.shown = false
  }

  private clear(): void {
    if (!this.shown) return
    this.stream.write(CLEAR_LINE)
    this.shown = false
    this.lastDrawn = -Infinity
  }
}
