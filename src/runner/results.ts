import { once } from 'node:events'
import type { FileHandle } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import type { EventOutcome, EventStatus } from './runner'

/** One line of a results file: what became of the event on input line `line`. */
export interface ResultLine {
  line: number
  messageId?: string
  /** The actions the event went to, joined by "+" when several subscriptions matched it. */
  action?: string
  status: EventStatus
  reason?: string
  /** Delivered by an earlier run and not sent again (--resume). */
  resumed?: true
}

export function toResultLine(outcome: EventOutcome): ResultLine {
  const { line, messageId, status, reason, deliveries } = outcome
  const action = deliveries.map((delivery) => delivery.action).join('+')
  const resumed = deliveries.length > 0 && deliveries.every((delivery) => delivery.resumed)
  return {
    line,
    ...(messageId !== undefined && { messageId }),
    ...(action && { action }),
    status,
    ...(reason !== undefined && { reason }),
    ...(resumed && { resumed: true })
  }
}

/** Writes result lines to an open file, waiting whenever the disk falls behind. */
export class ResultsWriter {
  private readonly stream: Writable

  constructor(
    file: FileHandle,
    private readonly redact: (text: string) => string
  ) {
    this.stream = file.createWriteStream()
  }

  async write(result: ResultLine): Promise<void> {
    if (!this.stream.write(this.redact(JSON.stringify(result)) + '\n')) await once(this.stream, 'drain')
  }

  async close(): Promise<void> {
    this.stream.end()
    await once(this.stream, 'close')
  }
}
