/** How a subscription handled an event, told in words a person reads on the page. */
import { PayloadValidationError, type SegmentEvent } from '@segment/actions-core'
import { parseFql, validate } from '@segment/destination-subscriptions'
import type { Outcome } from './api-types'

/** The FQL parser's own errors say nothing a person can act on ("Cannot read properties of undefined"). */
export const UNREADABLE_TRIGGER =
  'The trigger is not a condition the runtime can read. Conditions look like: type = "track" and event = "Order Completed".'

/**
 * Whether the trigger lets the event through, judged by the same FQL parser and matcher actions-core's
 * `Destination` uses: undefined when it matches, else why the subscription stops here.
 */
export function triggerOutcome(subscribe: string, event: SegmentEvent): Outcome | undefined {
  const condition = parseFql(subscribe)
  if ('error' in condition) return { kind: 'invalid-trigger', message: UNREADABLE_TRIGGER }
  return validate(condition, event) ? undefined : { kind: 'not-matched' }
}

const MISSING_AT_TOP = /^The root value is missing the required field '([^']+)'\.$/

/**
 * One schema problem, with the field's label where the validator speaks of "the root value": a mapping that
 * resolves a required field to nothing is the usual reason, and the label is what the mapping editor shows.
 */
export function plainProblem(message: string, labels: Record<string, string>): string {
  const missing = MISSING_AT_TOP.exec(message)
  if (!missing) return message
  const key = missing[1]
  const field = labels[key] ? `${labels[key]} (${key})` : key
  return `${field} is required, but the mapping gives it no value for this event.`
}

/** The list of problems actions-core's schema validation (an AggregateAjvError) reports, each in one sentence. */
function schemaProblems(error: Error): string[] | undefined {
  if (error.name !== 'AggregateAjvError' && error.name !== 'ValidationError') return undefined
  const { errors } = error as Error & { errors?: Array<{ message?: unknown }> }
  const messages = (errors ?? []).flatMap(({ message }) => (typeof message === 'string' ? [message] : []))
  return messages.length > 0 ? messages : [error.message]
}

/**
 * What an error thrown by the runtime means. Once a request has gone out it is Iterable's answer (or the
 * lack of one); before that it is the payload failing validation, so nothing was sent.
 */
export function outcomeOfError(error: unknown, requestsSent: number, labels: Record<string, string>): Outcome {
  const failure = error instanceof Error ? error : new Error(String(error))
  const problems = schemaProblems(failure)
  if (requestsSent === 0 && problems) {
    return { kind: 'invalid-payload', problems: problems.map((problem) => plainProblem(problem, labels)) }
  }
  if (requestsSent === 0 && failure instanceof PayloadValidationError) {
    return { kind: 'invalid-payload', problems: [failure.message] }
  }
  const { status } = failure as Error & { status?: unknown }
  return { kind: 'failed', message: failure.message, ...(typeof status === 'number' && { status }) }
}
