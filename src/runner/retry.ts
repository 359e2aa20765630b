/** How often and how patiently a delivery that failed for a passing reason is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number
  /** Wait before the first retry; each later retry waits twice as long as the one before. */
  baseDelayMs: number
  /** Longest wait of our own choosing; a longer Retry-After from Iterable is still honoured. */
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 }

/**
 * Milliseconds to wait after the `attempt`-th try failed: exponential backoff with jitter (so that
 * retries of many events spread out), and never less than the Retry-After Iterable sent.
 */
export function delayBeforeRetry(
  attempt: number,
  retryAfterSeconds: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random
): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  const jittered = backoff / 2 + (random() * backoff) / 2
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000)
}
