import { IntegrationError, InvalidAuthenticationError, RetryableError } from '@segment/actions-core'
import {
  failureOf,
  IterableRetryableError,
  isRetryableStatus,
  replyCode,
  toActionsError,
  transportFailure,
  type Failure
} from '../../src/iterable/errors'

/** An IterableApiResponse as Iterable's definition describes it. */
const reply = (code: string, msg: string, params: object | null = null) => ({ msg, code, params })

describe('failureOf: replies that succeed', () => {
  it('sees no failure in a 200 Success', () => {
    expect(failureOf({ status: 200, body: reply('Success', 'Event tracked') })).toBeUndefined()
  })

  it('sees no failure in a 200 bulk reply, which carries no code', () => {
    expect(failureOf({ status: 200, body: { successCount: 2, failCount: 0 } })).toBeUndefined()
  })
})

describe('failureOf: a 200 that is not a success', () => {
  it.each([
    ['BadParams', 400],
    ['InvalidEmailAddressError', 400],
    ['BadApiKey', 401],
    ['Forbidden', 403],
    ['UnknownUserIdError', 404],
    ['ForgottenUserError', 409],
    ['RateLimitExceeded', 429],
    ['GenericError', 500]
  ])('fails a 200 whose code is %s, with status %i', (code, status) => {
    const failure = failureOf({ status: 200, body: reply(code, `Iterable says ${code}`) })
    expect(failure).toMatchObject({ status, code, retryable: status === 429 || status >= 500 })
    expect(failure?.message).toContain(`Iterable says ${code}`)
  })

  it.each([
    ['HTML', '<html>Bad gateway</html>'],
    ['empty', '']
  ])('fails a 200 whose body is %s instead of JSON', (_kind, body) => {
    const failure = failureOf({ status: 200, body })
    expect(failure).toMatchObject({ status: 502, code: 'MalformedReply' })
  })

  it("quotes a non-JSON body's text in the message", () => {
    expect(failureOf({ status: 200, body: '<html>Bad gateway</html>' })?.message).toContain('<html>Bad gateway</html>')
  })
})

describe('failureOf: error replies', () => {
  it('keeps 401 BadApiKey as a 401 that is not retryable', () => {
    const failure = failureOf({ status: 401, body: reply('BadApiKey', 'Invalid API key') })
    expect(failure).toMatchObject({ status: 401, code: 'BadApiKey', retryable: false })
    expect(failure?.message).toBe('Iterable answered 401 BadApiKey: Invalid API key')
  })

  it('keeps 403 as a 403 that is not retryable', () => {
    const failure = failureOf({ status: 403, body: reply('Forbidden', 'API key lacks permission') })
    expect(failure).toMatchObject({ status: 403, code: 'Forbidden', retryable: false })
  })

  it('makes 429 retryable and keeps the seconds of Retry-After', () => {
    const failure = failureOf({ status: 429, body: reply('RateLimitExceeded', 'Slow down'), retryAfterSeconds: 30 })
    expect(failure).toMatchObject({ status: 429, code: 'RateLimitExceeded', retryable: true, retryAfterSeconds: 30 })
    expect(failure?.message).toContain('retry after 30 s')
  })

  it.each([500, 502, 503, 504, 408])('makes %i retryable', (status) => {
    expect(failureOf({ status, body: reply('GenericError', 'Oops') })).toMatchObject({ status, retryable: true })
  })

  it('says which conflict a 409 ForgottenUserError is, and does not retry it', () => {
    const failure = failureOf({ status: 409, body: reply('ForgottenUserError', 'User was forgotten') })
    expect(failure).toMatchObject({ status: 409, code: 'ForgottenUserError', retryable: false })
    expect(failure?.message).toMatch(/forgotten.*GDPR/)
  })

  it('says which conflict a 409 ExternalKeyConflict is, and does not retry it', () => {
    const failure = failureOf({ status: 409, body: reply('ExternalKeyConflict', 'Conflict on userId u-1') })
    expect(failure).toMatchObject({ status: 409, code: 'ExternalKeyConflict', retryable: false })
    expect(failure?.message).toContain('Conflict on userId u-1')
    expect(failure?.message).toContain('already belongs to another user')
  })

  it("keeps Iterable's message for 400 BadParams and does not retry it", () => {
    const failure = failureOf({ status: 400, body: reply('BadParams', 'Invalid email: not-an-email') })
    expect(failure).toMatchObject({ status: 400, code: 'BadParams', retryable: false })
    expect(failure?.message).toBe('Iterable answered 400 BadParams: Invalid email: not-an-email')
  })

  it('names the HTTP status when the reply has no code', () => {
    const failure = failureOf({ status: 503, body: '' })
    expect(failure).toMatchObject({ status: 503, code: 'HTTP503', retryable: true })
    expect(failure?.message).toContain('no message in the reply')
  })
})

describe('transportFailure', () => {
  it("makes actions-core's request timeout a retryable 408", () => {
    const timeout = Object.assign(new Error('Request timed out after 10000ms'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT'
    })
    expect(transportFailure(timeout)).toMatchObject({ status: 408, code: 'Timeout', retryable: true })
  })

  it("makes actions-core's RequestTimeoutError a retryable 408", () => {
    const timeout = Object.assign(new Error('Request timed out before receiving a response'), {
      name: 'RequestTimeoutError',
      code: 'REQUESTTIMEOUTERROR'
    })
    expect(transportFailure(timeout)).toMatchObject({ status: 408, retryable: true })
  })

  it('makes a broken connection a retryable 503 that says what happened', () => {
    const reset = Object.assign(new Error('request failed, reason: socket hang up'), {
      name: 'FetchError',
      code: 'ECONNRESET'
    })
    const failure = transportFailure(reset)
    expect(failure).toMatchObject({ status: 503, code: 'ECONNRESET', retryable: true })
    expect(failure.message).toContain('socket hang up')
  })

  it('copes with something thrown that is not an Error', () => {
    expect(transportFailure(undefined)).toMatchObject({ status: 503, code: 'NetworkError', retryable: true })
  })
})

describe('toActionsError', () => {
  const failure = (status: number, code: string, extra: Partial<Failure> = {}): Failure => ({
    status,
    code,
    message: `Iterable answered ${status} ${code}: something`,
    retryable: isRetryableStatus(status),
    ...extra
  })

  it.each([401, 403])('makes %i an InvalidAuthenticationError with that status', (status) => {
    const error = toActionsError(failure(status, 'BadApiKey'))
    expect(error).toBeInstanceOf(InvalidAuthenticationError)
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({ status, message: `Iterable answered ${status} BadApiKey: something` })
  })

  it('makes 429 a RetryableError with status 429 that remembers Retry-After', () => {
    const error = toActionsError(failure(429, 'RateLimitExceeded', { retryAfterSeconds: 12 }))
    expect(error).toBeInstanceOf(RetryableError)
    expect(error).toBeInstanceOf(IterableRetryableError)
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 12 })
  })

  it.each([500, 502, 503, 504, 408])('makes %i a RetryableError with that status', (status) => {
    const error = toActionsError(failure(status, 'GenericError'))
    expect(error).toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({ status })
  })

  it.each([
    [409, 'ForgottenUserError'],
    [409, 'ExternalKeyConflict'],
    [400, 'BadParams'],
    [404, 'UnknownUserIdError']
  ])('makes %i %s an IntegrationError that is not retried', (status, code) => {
    const error = toActionsError(failure(status, code))
    expect(error).toBeInstanceOf(IntegrationError)
    expect(error).not.toBeInstanceOf(RetryableError)
    expect(error).toMatchObject({
      status,
      code,
      retry: false,
      message: `Iterable answered ${status} ${code}: something`
    })
  })
})

describe('replyCode', () => {
  it("reads Iterable's code, and nothing from bodies without one", () => {
    expect(replyCode(reply('BadParams', 'x'))).toBe('BadParams')
    expect(replyCode({ successCount: 1 })).toBeUndefined()
    expect(replyCode('text')).toBeUndefined()
    expect(replyCode(null)).toBeUndefined()
  })
})

describe('isRetryableStatus', () => {
  it('is true for 408, 429 and 5xx, nothing else', () => {
    expect([408, 429, 500, 503, 599].every(isRetryableStatus)).toBe(true)
    expect([200, 400, 401, 403, 404, 409, 413, 600].some(isRetryableStatus)).toBe(false)
  })
})
