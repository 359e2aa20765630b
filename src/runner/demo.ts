import { join } from 'node:path'
import type { SegmentEvent } from '@segment/actions-core'
import definition from '../index'
import type { EventView, Sandbox, UserKey, UserView } from '../sandbox'
import { concurrencyLimit } from './concurrency'
import { DEFAULT_CONCURRENCY } from './args'
import { connect } from './connection'
import { fileText } from './files'
import type { Io, Tuning } from './io'
import { runnerInput } from './pipeline'
import { deliverEvents, type EventOutcome } from './runner'
import { presetSubscriptions, toRoutes } from './subscriptions'
import { identifiersOf } from './user-keys'

/** Resolves from src/runner and dist/runner alike. */
export const EXAMPLE_EVENTS = join(__dirname, '..', '..', 'examples', 'events.ndjson')

const ARROW = ' → '

/** "identify", "track Order Completed", "page Pricing". */
function describeEvent(event: SegmentEvent | undefined): string {
  if (!event) return '(not an event)'
  const name = event.type === 'track' ? event.event : event.name
  return typeof name === 'string' && name ? `${event.type} "${name}"` : String(event.type ?? '(no type)')
}

/** One row per delivery (or per record that had none): line, event, action, endpoint, outcome. */
export function deliveryRows(outcome: EventOutcome): string[][] {
  const head = [String(outcome.line), describeEvent(outcome.event)]
  if (outcome.deliveries.length === 0) return [[...head, '—', '—', `${outcome.status}: ${outcome.reason}`]]
  return outcome.deliveries.map((delivery) => [
    ...head,
    delivery.action,
    delivery.requests.join(', ') || '—',
    delivery.delivered ? 'delivered' : `failed: ${delivery.reason}`
  ])
}

/** A header and rows as aligned columns: the line number right-aligned, the rest joined by arrows. */
export function formatRows(header: string[], rows: string[][]): string {
  const all = [header, ...rows]
  const widths = header.map((_cell, column) => Math.max(...all.map((row) => row[column].length)))
  const format = ([line, ...cells]: string[], separator: string) => {
    const padded = cells.map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index + 1])))
    return `${line.padStart(widths[0])}  ${padded.join(separator)}`
  }
  return [format(header, ' '.repeat(ARROW.length)), ...rows.map((row) => format(row, ARROW))].join('\n')
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/** What the sandbox holds for one user, as a few indented lines. */
export function describeUser(user: UserView, events: EventView[]): string {
  // Identifiers head the block; signup and update times are the sandbox's clock, not the events'.
  const { shoppingCartItems, email, userId, signupDate, profileUpdatedAt, ...fields } = user.dataFields
  const cart = Array.isArray(shoppingCartItems) ? (shoppingCartItems as Array<Record<string, unknown>>) : []
  const oldestFirst = [...events].reverse()
  const customEvents = oldestFirst.filter((event) => event.eventType === 'customEvent')
  const purchases = oldestFirst.filter((event) => event.eventType === 'purchase')
  const items = (list: Array<Record<string, unknown>>) =>
    list.map((item) => `${show(item.name)} ×${show(item.quantity)} at ${show(item.price)}`).join(', ')
  const lines = [
    `${user.email ?? '(no email)'}${user.userId ? ` (userId ${user.userId})` : ''}`,
    `  profile    ${Object.entries(fields)
      .map(([key, value]) => `${key}: ${show(value)}`)
      .join(', ')}`,
    `  events     ${customEvents.map((event) => `${show(event.eventName)} (${event.createdAt})`).join(', ') || 'none'}`,
    `  cart       ${cart.length > 0 ? items(cart) : 'empty'}`,
    `  purchases  ${
      purchases
        .map((purchase) => {
          const bought = Array.isArray(purchase.shoppingCartItems)
            ? items(purchase.shoppingCartItems as Array<Record<string, unknown>>)
            : ''
          return `${purchase.id}: total ${show(purchase.total)} (${bought})`
        })
        .join(', ') || 'none'
    }`
  ]
  return lines.join('\n')
}

/** The sandbox's users that the events name, each once, in the order the events first name them. */
function usersNamedBy(outcomes: EventOutcome[], sandbox: Sandbox): Array<{ user: UserView; key: UserKey }> {
  const found = new Map<string, { user: UserView; key: UserKey }>()
  for (const { event } of outcomes) {
    for (const { kind, value } of event ? identifiersOf(event) : []) {
      if (kind === 'anonymousId') continue
      const key = (kind === 'email' ? { email: value } : { userId: value }) satisfies UserKey
      const user = sandbox.state.user(key)
      const identity = user && `${user.email}|${user.userId}`
      if (user && identity && !found.has(identity)) found.set(identity, { user, key })
    }
  }
  return [...found.values()]
}

/**
 * `demo` (what `npm start` runs): delivers the example events to a fresh sandbox through the
 * destination's presets, shows what happened to each, then what the sandbox holds per user.
 */
export async function demo(io: Io, tuning: Tuning): Promise<number> {
  const connection = await connect({ region: 'united_states', sandbox: true, projectType: 'email' }, tuning)
  // connect always starts a sandbox when the target asks for one.
  const sandbox = connection.sandbox!
  try {
    const outcomes: EventOutcome[] = []
    const deliveries = deliverEvents(runnerInput(fileText(EXAMPLE_EVENTS)), {
      routes: toRoutes(presetSubscriptions(definition), definition),
      context: {
        destination: connection.destination,
        settings: connection.settings,
        retry: tuning.retry,
        limit: concurrencyLimit(DEFAULT_CONCURRENCY)
      },
      windowSize: tuning.windowSize
    })
    for await (const outcome of deliveries) outcomes.push(outcome)

    const out = (text: string) => io.stdout.write(`${text}\n`)
    out(`Delivering examples/events.ndjson to ${connection.description}`)
    out('through the Iterable (Actions) destination with its default subscriptions (the presets).\n')
    out(formatRows(['line', 'event', 'action', 'Iterable endpoint', 'outcome'], outcomes.flatMap(deliveryRows)))
    out('\nWhat the sandbox now holds, per user:\n')
    for (const { user, key } of usersNamedBy(outcomes, sandbox))
      out(`${describeUser(user, sandbox.state.events(key))}\n`)
    const counts = sandbox.state.counts()
    out(
      `In all: ${plural(counts.users, 'user')}, ${plural(counts.events, 'custom event')}, ${plural(counts.purchases, 'purchase')}.`
    )
    return 0
  } finally {
    await connection.close()
  }
}
