/** Reads the body of POST /api/send, refusing with a reason what the tester cannot run. */
import type { JSONObject } from '@segment/actions-core'
import { REGIONS, type Region } from '../iterable/endpoints'
import { parseRecord } from '../runner/records'
import type { SendRequest, Target, TesterSubscription } from './api-types'

/** A request the API refuses (400), with what is wrong in its message. */
export class BadRequest extends Error {}

const TARGETS: Target[] = ['sandbox', 'iterable']

const isObject = (value: unknown): value is JSONObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function subscriptionAt(value: unknown, position: number, actions: string[]): TesterSubscription {
  const where = `subscriptions[${position}]`
  if (!isObject(value)) throw new BadRequest(`${where} must be an object`)
  const { name, partnerAction, subscribe, mapping } = value
  if (typeof name !== 'string') throw new BadRequest(`${where}.name must be a string`)
  if (typeof partnerAction !== 'string' || !actions.includes(partnerAction)) {
    throw new BadRequest(`${where}.partnerAction must be one of ${actions.join(', ')}`)
  }
  if (typeof subscribe !== 'string') throw new BadRequest(`${where}.subscribe must be a string (an FQL condition)`)
  if (!isObject(mapping)) throw new BadRequest(`${where}.mapping must be an object`)
  return { name, partnerAction, subscribe, mapping }
}

export function parseSendRequest(body: unknown, actions: string[]): SendRequest {
  if (!isObject(body)) throw new BadRequest('expected a JSON object {event, settings, subscriptions}')
  const { event, settings, subscriptions } = body
  if (!isObject(event)) throw new BadRequest('event must be a JSON object (a Segment event)')
  // Read as `send` reads each record of its input, so that the tester takes exactly the events it takes.
  const asRecord = parseRecord({ line: 1, text: JSON.stringify(event) })
  if ('problem' in asRecord) throw new BadRequest(`event: ${asRecord.problem}`)
  if (!isObject(settings)) throw new BadRequest('settings must be an object {region, target}')
  const { region, target } = settings
  if (typeof region !== 'string' || !Object.hasOwn(REGIONS, region)) {
    throw new BadRequest(`settings.region must be one of ${Object.keys(REGIONS).join(', ')}`)
  }
  if (!TARGETS.includes(target as Target)) throw new BadRequest(`settings.target must be one of ${TARGETS.join(', ')}`)
  if (!Array.isArray(subscriptions)) throw new BadRequest('subscriptions must be an array')
  return {
    event,
    settings: { region: region as Region, target: target as Target },
    subscriptions: subscriptions.map((subscription, position) => subscriptionAt(subscription, position, actions))
  }
}
