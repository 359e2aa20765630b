import type { Readable, Writable } from 'node:stream'
import type { ConnectionTuning } from './connection'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry'

/** The streams a command talks through: process.stdin/stdout/stderr, or test doubles. */
export interface Io {
  stdin: Readable & { isTTY?: boolean }
  stdout: Writable
  stderr: Writable & { isTTY?: boolean }
  /** Aborted when the person asks the command to stop (Ctrl+C): it stops reading input and finishes what it took. */
  interrupt?: AbortSignal
}

/** Knobs a person never needs; tests turn them to run fast. */
export interface Tuning extends ConnectionTuning {
  retry: RetryPolicy
  /** Records delivered together (see `deliverEvents`). */
  windowSize: number
}

export const DEFAULT_TUNING: Tuning = { rateScale: 1, retry: DEFAULT_RETRY_POLICY, windowSize: 5000 }
