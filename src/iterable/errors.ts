import { IntegrationError, InvalidAuthenticationError, RetryableError } from '@segment/actions-core'

/** What came back from one request to Iterable. `body` is the parsed JSON, or the raw text. */
export interface IterableReply {
  status: number
  body: unknown
  /** Seconds from a Retry-After header, when Iterable sent one. */
  retryAfterSeconds?: number
}

/** Why a request to Iterable did not succeed, in the terms a runtime acts on. */
export interface Failure {
  status: number
  /** Iterable's `code` (e.g. BadParams), or our own name for a failure without a reply. */
  code: string
  message: string
  retryable: boolean
  retryAfterSeconds?: number
}

/** `code` of a reply body that carries one. */
export function replyCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function replyMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 500) : undefined
  const msg = (body as { msg?: unknown } | null)?.msg
  return typeof msg === 'string' ? msg : undefined
}

/** The HTTP status a failing `code` stands for when Iterable sends it with a 200. */
function statusForCode(code: string): number {
  switch (code) {
    case 'BadApiKey':
    case 'BadAuthorizationHeader':
    case 'Unauthorized':
    case 'InvalidJwtPayload':
      return 401
    case 'Forbidden':
    case 'ForbiddenParamsError':
      return 403
    case 'NotFound':
    case 'UnknownEmailError':
    case 'UnknownUserIdError':
      return 404
    case 'ForgottenUserError':
    case 'ExternalKeyConflict':
    case 'EmailAlreadyExists':
    case 'UserIdAlreadyExists':
      return 409
    case 'RateLimitExceeded':
      return 429
    case 'DatabaseError':
    case 'GenericError':
    case 'QueueEmailError':
      return 500
    default:
      return 400
  }
}

/** 408, 429 and 5xx say "not now": the same request may well succeed later. Nothing else will. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599)
}

const CONFLICT_EXPLANATIONS: Record<string, string> = {
  ForgottenUserError: 'the user was forgotten at their request (GDPR)',
  ExternalKeyConflict: 'the email or userId already belongs to another user',
  EmailAlreadyExists: 'the email already belongs to another user',
  UserIdAlreadyExists: 'the userId already belongs to another user'
}

/**
 * The failure a reply stands for, or undefined when Iterable accepted the request. A 2xx reply
 * whose `code` is not Success is a failure too, and so is a 2xx reply that is not JSON: we cannot
 * tell what Iterable did with the request.
 */
export function failureOf(reply: IterableReply): Failure | undefined {
  const code = replyCode(reply.body)
  const isOkStatus = reply.status >= 200 && reply.status < 300
  if (isOkStatus && (code === undefined || code === 'Success') && typeof reply.body === 'object' && reply.body) {
    return undefined
  }
  const status = !isOkStatus ? reply.status : code ? statusForCode(code) : 502
  const failureCode = code ?? (isOkStatus ? 'MalformedReply' : `HTTP${reply.status}`)
  const detail =
    replyMessage(reply.body) ?? (isOkStatus ? 'the reply was not the JSON Iterable sends' : 'no message in the reply')
  const explanation = CONFLICT_EXPLANATIONS[failureCode]
  const retryAfter = reply.retryAfterSeconds === undefined ? '' : ` (retry after ${reply.retryAfterSeconds} s)`
  return {
    status,
    code: failureCode,
    message: `Iterable answered ${reply.status} ${failureCode}: ${detail}${explanation ? ` (${explanation})` : ''}${retryAfter}`,
    retryable: isRetryableStatus(status),
    retryAfterSeconds: reply.retryAfterSeconds
  }
}

/** A request that got no reply: a timeout or a broken connection. Always worth retrying. */
export function transportFailure(error: unknown): Failure {
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string }
  const timedOut = /timeout/i.test(`${name} ${code}`) || code === 'ETIMEDOUT'
  return {
    status: timedOut ? 408 : 503,
    code: timedOut ? 'Timeout' : (code ?? 'NetworkError'),
    message: timedOut
      ? 'Iterable did not answer in time'
      : `Iterable could not be reached: ${message ?? String(error)}`,
    retryable: true
  }
}

/** A retryable failure that remembers how long Iterable asked us to wait. */
export class IterableRetryableError extends RetryableError {
  constructor(
    message: string,
    status: number,
    readonly retryAfterSeconds?: number
  ) {
    super(message, (status >= 500 && status <= 511) || status === 408 || status === 429 ? (status as 500) : 500)
  }
}

/** The actions-core error a runtime understands for a failure: its class says whether to retry. */
export function toActionsError(failure: Failure): Error {
  if (failure.status === 401 || failure.status === 403) {
    const error = new InvalidAuthenticationError(failure.message)
    error.status = failure.status
    return error
  }
  if (failure.retryable) return new IterableRetryableError(failure.message, failure.status, failure.retryAfterSeconds)
  const error = new IntegrationError(failure.message, failure.code, failure.status)
  error.retry = false
  return error
}
