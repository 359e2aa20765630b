import { RetryableError, type Result } from '@segment/actions-core'
import { isRetryableStatus } from '../iterable/errors'

/** What became of one event at one subscription, after one try. */
export type Attempt =
  | { delivered: true }
  | { delivered: false; status: number; reason: string; retryable: boolean; retryAfterSeconds?: number }

type MultiStatusEntry = NonNullable<Result['multistatus']>[number]

const secondsOrUndefined = (value: unknown) => (typeof value === 'number' && value >= 0 ? value : undefined)

/**
 * The attempt an error thrown by `onEvent` stands for. actions-core's errors carry the HTTP status
 * that decides retrying; a RetryableError may also say how long Iterable asked us to wait. An error
 * without a status is a fault in the code, which no retry fixes.
 */
export function attemptOfError(error: unknown): Attempt {
  const { status, message, retry, retryAfterSeconds } = (error ?? {}) as {
    status?: unknown
    message?: unknown
    retry?: unknown
    retryAfterSeconds?: unknown
  }
  const httpStatus = typeof status === 'number' ? status : 500
  const retryable =
    error instanceof RetryableError || (typeof status === 'number' && retry !== false && isRetryableStatus(status))
  return {
    delivered: false,
    status: httpStatus,
    reason: typeof message === 'string' && message ? message : String(error),
    retryable,
    ...(retryable && { retryAfterSeconds: secondsOrUndefined(retryAfterSeconds) })
  }
}

/**
 * Whether the event of a batch entry went out to Iterable: actions-core blames INTEGRATIONS for an
 * entry that never left (it failed validation), DESTINATION for one that got a reply.
 */
export function entryWasSent(entry: MultiStatusEntry | undefined): boolean {
  return entry !== undefined && !('errorreporter' in entry && entry.errorreporter === 'INTEGRATIONS')
}

/** The attempt one entry of a batch's multistatus stands for. */
export function attemptOfEntry(entry: MultiStatusEntry | undefined): Attempt {
  if (!entry) {
    return { delivered: false, status: 500, reason: 'the runtime returned no outcome for this event', retryable: false }
  }
  if (!('errormessage' in entry) && entry.status >= 200 && entry.status < 300) return { delivered: true }
  const retryable = isRetryableStatus(entry.status)
  const retryAfter = secondsOrUndefined((entry.body as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds)
  return {
    delivered: false,
    status: entry.status,
    reason: 'errormessage' in entry ? entry.errormessage : `status ${entry.status}`,
    retryable,
    ...(retryable && { retryAfterSeconds: retryAfter })
  }
}
