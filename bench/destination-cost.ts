import { Destination, type DestinationDefinition, type JSONObject, type SegmentEvent } from '@segment/actions-core'
import definition from '../src'
import { pointDestinationAt } from '../src/sandbox/point-at-sandbox'
import { eventOf, type EventKind } from './events'
import { microsecondsPerItem, round } from './stats'
import type { StubServer } from './stub-server'

/**
 * Part 1: what one event costs through actions-core's runtime, ours beside the runtime's own floor: the
 * same runtime, events, fields and mappings through a trivial action that posts the payload as it is.
 */

const ACTIONS: Array<{ action: string; kind: EventKind }> = [
  { action: 'customEvent', kind: 'track' },
  { action: 'upsertUser', kind: 'identify' },
  { action: 'cartUpdates', kind: 'cart' },
  { action: 'trackPurchase', kind: 'order' }
]

const SINGLE_EVENTS = 500
const BATCH_EVENTS = 1000

/** A destination with one action that has `fields` and does no work of its own beyond one request. */
function floorDefinition(
  action: string,
  fields: DestinationDefinition['actions'][string]['fields'],
  url: string
): DestinationDefinition {
  return {
    // actions-core caches compiled schemas by destination name and action title: one name per action.
    name: `Floor for ${action}`,
    mode: 'cloud',
    actions: {
      floor: {
        title: 'Floor',
        description: 'Posts the mapped payload unchanged.',
        fields,
        perform: (request, { payload }) => request(url, { method: 'POST', json: payload }),
        performBatch: (request, { payload }) => request(url, { method: 'POST', json: payload })
      }
    }
  }
}

export interface CostRow {
  action: string
  mode: 'perform' | 'performBatch'
  oursMicroseconds: number
  floorMicroseconds: number
  ratio: number
}

export async function measureDestinationCost(stub: StubServer): Promise<CostRow[]> {
  const ours = new Destination(pointDestinationAt(definition, stub.url))
  const rows: CostRow[] = []
  for (const { action, kind } of ACTIONS) {
    const preset = definition.presets!.find(
      (candidate) => candidate.type === 'automatic' && candidate.partnerAction === action
    )!
    const subscription = { ...preset } as unknown as JSONObject
    const floor = new Destination(floorDefinition(action, definition.actions[action].fields, `${stub.url}/floor`))
    const floorSubscription = { ...subscription, partnerAction: 'floor' }
    const settingsFor = (subscriptions: JSONObject[]) => ({ apiKey: 'bench', subscriptions }) as unknown as JSONObject

    const singles: SegmentEvent[] = Array.from({ length: SINGLE_EVENTS }, (_, n) => eventOf(kind, n))
    const oneByOne =
      (destination: { onEvent(event: SegmentEvent, settings: JSONObject): Promise<unknown> }, settings: JSONObject) =>
      async () => {
        for (const event of singles) await destination.onEvent(event, settings)
      }
    const oursSingle = await microsecondsPerItem(oneByOne(ours, settingsFor([subscription])), SINGLE_EVENTS)
    const floorSingle = await microsecondsPerItem(oneByOne(floor, settingsFor([floorSubscription])), SINGLE_EVENTS)
    rows.push({
      action,
      mode: 'perform',
      oursMicroseconds: round(oursSingle),
      floorMicroseconds: round(floorSingle),
      ratio: round(oursSingle / floorSingle)
    })

    if (!definition.actions[action].performBatch) continue
    const batch: SegmentEvent[] = Array.from({ length: BATCH_EVENTS }, (_, n) => eventOf(kind, n))
    const together =
      (
        destination: { onBatch(events: SegmentEvent[], settings: JSONObject): Promise<unknown> },
        settings: JSONObject
      ) =>
      () =>
        destination.onBatch(batch, settings)
    const oursBatch = await microsecondsPerItem(together(ours, settingsFor([subscription])), BATCH_EVENTS)
    const floorBatch = await microsecondsPerItem(together(floor, settingsFor([floorSubscription])), BATCH_EVENTS)
    rows.push({
      action,
      mode: 'performBatch',
      oursMicroseconds: round(oursBatch),
      floorMicroseconds: round(floorBatch),
      ratio: round(oursBatch / floorBatch)
    })
  }
  return rows
}
