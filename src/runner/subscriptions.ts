import {
  defaultValues,
  type DestinationDefinition,
  type JSONObject,
  type SegmentEvent,
  type Subscription
} from '@segment/actions-core'
import { parseFql, validate, type Subscription as Condition } from '@segment/destination-subscriptions'
import { DEFAULT_BATCH_SIZE } from '../iterable/endpoints'

/** A subscription ready to route events: its FQL parsed once, its batching read from its mapping. */
export interface Route {
  /** Position among the subscriptions; an event matching several is delivered to them in this order. */
  index: number
  subscription: Subscription
  condition: Condition
  /** Events per call to the action's batch, or 0 when the action takes events one at a time. */
  batchSize: number
}

/** A subscriptions file that cannot be used, with what is wrong with it. */
export class SubscriptionsError extends Error {}

/** The subscriptions a new Iterable (Actions) instance gets: the presets that have a trigger. */
export function presetSubscriptions<Settings>(definition: DestinationDefinition<Settings>): Subscription[] {
  return (definition.presets ?? []).flatMap((preset) =>
    preset.type === 'automatic'
      ? [
          {
            name: preset.name,
            partnerAction: preset.partnerAction,
            subscribe: preset.subscribe,
            mapping: preset.mapping
          }
        ]
      : []
  )
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Subscriptions from a JSON array of `{name?, partnerAction, subscribe, mapping?}`, as Segment stores
 * them. A subscription without a mapping gets its action's default mapping.
 */
export function parseSubscriptions<Settings>(
  text: string,
  definition: DestinationDefinition<Settings>
): Subscription[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new SubscriptionsError(`not valid JSON (${(error as Error).message})`)
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new SubscriptionsError('expected a non-empty JSON array of subscriptions')
  }
  const actions = Object.keys(definition.actions)
  return value.map((entry, position) => {
    const where = `subscription ${position + 1}`
    if (!isObject(entry)) throw new SubscriptionsError(`${where} is not an object`)
    const { name, partnerAction, subscribe, mapping } = entry
    if (typeof partnerAction !== 'string' || !actions.includes(partnerAction)) {
      throw new SubscriptionsError(`${where}: partnerAction must be one of ${actions.join(', ')}`)
    }
    if (typeof subscribe !== 'string' || !subscribe.trim()) {
      throw new SubscriptionsError(`${where}: subscribe must be an FQL condition such as type = "track"`)
    }
    if (mapping !== undefined && !isObject(mapping)) throw new SubscriptionsError(`${where}: mapping must be an object`)
    return {
      ...(typeof name === 'string' && { name }),
      partnerAction,
      subscribe,
      mapping: (mapping as JSONObject | undefined) ?? defaultValues(definition.actions[partnerAction].fields)
    }
  })
}

function batchSizeOf<Settings>(subscription: Subscription, definition: DestinationDefinition<Settings>): number {
  const mapping = subscription.mapping ?? {}
  if (!definition.actions[subscription.partnerAction]?.performBatch || mapping.enable_batching !== true) return 0
  const asked = mapping.batch_size
  return typeof asked === 'number' && asked >= 1 ? Math.min(Math.floor(asked), DEFAULT_BATCH_SIZE) : DEFAULT_BATCH_SIZE
}

/** Routes for subscriptions, in order; an FQL condition that does not parse is an error. */
export function toRoutes<Settings>(
  subscriptions: Subscription[],
  definition: DestinationDefinition<Settings>
): Route[] {
  return subscriptions.map((subscription, index) => {
    const condition = parseFql(subscription.subscribe)
    if ('error' in condition) {
      const label = subscription.name ?? `subscription ${index + 1}`
      throw new SubscriptionsError(`${label}: invalid subscribe condition (${condition.error.message})`)
    }
    return { index, subscription, condition, batchSize: batchSizeOf(subscription, definition) }
  })
}

/** The routes whose condition the event meets, in order. */
export function routesFor(event: SegmentEvent, routes: readonly Route[]): Route[] {
  return routes.filter((route) => validate(route.condition, event))
}
