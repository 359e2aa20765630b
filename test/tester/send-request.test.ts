import { BadRequest, parseSendRequest } from '../../src/tester/send-request'

const ACTIONS = ['customEvent', 'trackPurchase']
const subscription = { name: 'Orders', partnerAction: 'trackPurchase', subscribe: 'type = "track"', mapping: {} }
const valid = {
  event: { type: 'track' },
  settings: { region: 'europe', target: 'sandbox' },
  subscriptions: [subscription]
}

test('reads a complete request as it is', () => {
  expect(parseSendRequest(valid, ACTIONS)).toEqual(valid)
})

test.each([
  ['not an object', [], 'expected a JSON object {event, settings, subscriptions}'],
  ['an event that is not an object', { ...valid, event: 'track' }, 'event must be a JSON object (a Segment event)'],
  [
    'an event whose context is not an object',
    { ...valid, event: { context: null } },
    'event: "context" must be a JSON object'
  ],
  ['no settings', { ...valid, settings: undefined }, 'settings must be an object {region, target}'],
  [
    'an unknown region',
    { ...valid, settings: { region: 'asia', target: 'sandbox' } },
    'settings.region must be one of united_states, europe'
  ],
  [
    'an unknown target',
    { ...valid, settings: { region: 'europe', target: 'mars' } },
    'settings.target must be one of sandbox, iterable'
  ],
  [
    'an unknown action',
    { ...valid, subscriptions: [{ ...subscription, partnerAction: 'sendSms' }] },
    'subscriptions[0].partnerAction must be one of customEvent, trackPurchase'
  ],
  [
    'a trigger that is not text',
    { ...valid, subscriptions: [{ ...subscription, subscribe: 1 }] },
    'subscriptions[0].subscribe must be a string (an FQL condition)'
  ],
  [
    'a mapping that is not an object',
    { ...valid, subscriptions: [{ ...subscription, mapping: [] }] },
    'subscriptions[0].mapping must be an object'
  ],
  [
    'a subscription without a name',
    { ...valid, subscriptions: [{ ...subscription, name: undefined }] },
    'subscriptions[0].name must be a string'
  ]
])('refuses %s, saying what is wrong', (_case, body, message) => {
  expect(() => parseSendRequest(body, ACTIONS)).toThrow(new BadRequest(message))
})
