import {
  fieldsToJsonSchema,
  IntegrationError,
  PayloadValidationError,
  validateSchema,
  type SegmentEvent
} from '@segment/actions-core'
import definition from '../../src/index'
import { fieldLabels } from '../../src/tester/catalog'
import { outcomeOfError, plainProblem, triggerOutcome, UNREADABLE_TRIGGER } from '../../src/tester/outcome'

const orderCompleted = { type: 'track', event: 'Order Completed', userId: 'u1' } as SegmentEvent
const trackPurchaseFields = definition.actions.trackPurchase.fields
const labels = fieldLabels(trackPurchaseFields)

/** The error actions-core's validation throws for a payload against the trackPurchase fields. */
function schemaError(payload: object): Error {
  try {
    validateSchema(payload, fieldsToJsonSchema(trackPurchaseFields))
  } catch (error) {
    return error as Error
  }
  throw new Error('the payload is valid')
}

describe('triggerOutcome', () => {
  test('lets through an event the condition matches', () => {
    expect(triggerOutcome('type = "track" and event = "Order Completed"', orderCompleted)).toBeUndefined()
  })

  test('stops an event the condition does not match', () => {
    expect(triggerOutcome('type = "identify"', orderCompleted)).toEqual({ kind: 'not-matched' })
  })

  test('stops at a condition that cannot be read, saying what conditions look like', () => {
    expect(triggerOutcome('type = "track" and (', orderCompleted)).toEqual({
      kind: 'invalid-trigger',
      message: UNREADABLE_TRIGGER
    })
  })
})

describe('plainProblem', () => {
  test('names a required top-level field by its label and says the mapping gives it nothing', () => {
    expect(plainProblem("The root value is missing the required field 'total'.", labels)).toBe(
      'Total (total) is required, but the mapping gives it no value for this event.'
    )
  })

  test('names a field without a label by its key', () => {
    expect(plainProblem("The root value is missing the required field 'extra'.", labels)).toBe(
      'extra is required, but the mapping gives it no value for this event.'
    )
  })

  test('leaves every other problem in the validator’s words', () => {
    expect(plainProblem('Price must be a number but it was a string.', labels)).toBe(
      'Price must be a number but it was a string.'
    )
  })
})

describe('outcomeOfError', () => {
  test('schema problems before any request: an invalid payload, one plain sentence per problem', () => {
    const error = schemaError({ user: { email: 'a@b.co' }, items: [{ id: 'p', name: 'P', price: 'x', quantity: 1 }] })
    expect(outcomeOfError(error, 0, labels)).toEqual({
      kind: 'invalid-payload',
      problems: [
        'Total (total) is required, but the mapping gives it no value for this event.',
        'Price must be a number but it was a string.'
      ]
    })
  })

  test("the destination's own validation before any request: an invalid payload", () => {
    expect(outcomeOfError(new PayloadValidationError('Must include email or userId.'), 0, labels)).toEqual({
      kind: 'invalid-payload',
      problems: ['Must include email or userId.']
    })
  })

  test("an error once a request went out is Iterable's answer: a failure with its status", () => {
    const error = new IntegrationError('Iterable answered 400 BadParams: no', 'BadParams', 400)
    expect(outcomeOfError(error, 1, labels)).toEqual({
      kind: 'failed',
      status: 400,
      message: 'Iterable answered 400 BadParams: no'
    })
  })

  test('anything else thrown is a failure in its own words', () => {
    expect(outcomeOfError('boom', 0, labels)).toEqual({ kind: 'failed', message: 'boom' })
  })
})
