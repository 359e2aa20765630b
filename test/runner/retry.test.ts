import { InvalidAuthenticationError, IntegrationError, PayloadValidationError } from '@segment/actions-core'
import { IterableRetryableError } from '../../src/iterable/errors'
import { attemptOfEntry, attemptOfError } from '../../src/runner/outcomes'
import { delayBeforeRetry, type RetryPolicy } from '../../src/runner/retry'

const policy: RetryPolicy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1000 }

describe('backoff', () => {
  it('doubles with each try, between half and all of the nominal delay', () => {
    expect(delayBeforeRetry(1, undefined, policy, () => 0)).toBe(50)
    expect(delayBeforeRetry(1, undefined, policy, () => 1)).toBe(100)
    expect(delayBeforeRetry(3, undefined, policy, () => 1)).toBe(400)
  })

  it('stops growing at the longest delay', () => {
    expect(delayBeforeRetry(10, undefined, policy, () => 1)).toBe(1000)
  })

  it('never waits less than the Retry-After Iterable sent, even beyond the longest delay', () => {
    expect(delayBeforeRetry(1, 2, policy, () => 1)).toBe(2000)
  })
})

describe('what is retried', () => {
  it('is a RetryableError, with the wait Iterable asked for', () => {
    expect(attemptOfError(new IterableRetryableError('slow down', 429, 3))).toEqual({
      delivered: false,
      status: 429,
      reason: 'slow down',
      retryable: true,
      retryAfterSeconds: 3
    })
  })

  it('is not an authentication, validation or integration error', () => {
    const errors = [
      new InvalidAuthenticationError('bad key'),
      new PayloadValidationError('no email'),
      Object.assign(new IntegrationError('gone', 'NotFound', 404), { retry: false })
    ]
    for (const error of errors) expect(attemptOfError(error)).toMatchObject({ delivered: false, retryable: false })
  })

  it('is not an error without a status, which is a fault in the code', () => {
    expect(attemptOfError(new TypeError('x is undefined'))).toMatchObject({ status: 500, retryable: false })
  })

  it('is a batch entry with a retryable status, with its retryAfterSeconds', () => {
    const entry = {
      status: 429,
      errortype: 'TOO_MANY_REQUESTS',
      errormessage: 'slow',
      errorreporter: 'DESTINATION',
      body: { retryAfterSeconds: 1 }
    }
    expect(attemptOfEntry(entry as never)).toEqual({
      delivered: false,
      status: 429,
      reason: 'slow',
      retryable: true,
      retryAfterSeconds: 1
    })
  })

  it('is not a batch entry that failed validation', () => {
    const entry = {
      status: 400,
      errortype: 'PAYLOAD_VALIDATION_FAILED',
      errormessage: 'bad',
      errorreporter: 'INTEGRATIONS'
    }
    expect(attemptOfEntry(entry as never)).toMatchObject({ delivered: false, retryable: false })
  })
})
