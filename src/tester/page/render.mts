/// <reference lib="dom" />
/** What a send did, as elements: one card per subscription, then the sandbox profiles it touched. */
import type { EventView, Outcome, ProfileView, RecordedExchange, SubscriptionResult } from '../api-types.js'
import { append, h, pretty, type Child } from './dom.mjs'

const BADGES: Record<Outcome['kind'], string> = {
  delivered: 'Delivered',
  failed: 'Failed',
  'invalid-payload': 'Not sent: invalid payload',
  'invalid-mapping': 'Not sent: mapping error',
  'invalid-trigger': 'Invalid trigger',
  'not-matched': 'Trigger did not match'
}

function badgeOf(outcome: Outcome): string {
  return outcome.kind === 'failed' && outcome.status !== undefined ? `Failed (${outcome.status})` : BADGES[outcome.kind]
}

/** What went wrong, one sentence each. */
function problemsOf(outcome: Outcome): string[] {
  switch (outcome.kind) {
    case 'invalid-payload':
      return outcome.problems
    case 'invalid-mapping':
      return [`The mapping cannot be applied: ${outcome.message}`]
    case 'invalid-trigger':
      return [outcome.message]
    case 'failed':
      return [outcome.message]
    default:
      return []
  }
}

const jsonBlock = (value: unknown): HTMLElement => h('pre', { class: 'json' }, pretty(value))

function headerTable(headers: Record<string, string>): HTMLElement {
  return h(
    'table',
    { class: 'pairs' },
    ...Object.entries(headers).map(([name, value]) => h('tr', {}, h('th', {}, name), h('td', {}, value)))
  )
}

function exchangeView({ request, reply, error }: RecordedExchange, position: number, count: number): HTMLElement {
  const title = count > 1 ? `Request ${position + 1} of ${count}` : 'Request'
  const replyView: Child[] = reply
    ? [
        h('h4', {}, 'Reply'),
        h('p', { class: `line ${reply.status < 300 ? 'status-ok' : 'status-bad'}` }, `HTTP ${reply.status}`),
        jsonBlock(reply.body),
        h('details', {}, h('summary', {}, 'Reply headers'), headerTable(reply.headers))
      ]
    : [h('h4', {}, 'Reply'), h('p', { class: 'line status-bad' }, `No reply: ${error ?? 'unknown reason'}`)]
  return h(
    'div',
    { class: 'exchange' },
    h('h4', {}, title),
    h('p', { class: 'line' }, `${request.method} ${request.url}`),
    request.deliveredTo && h('p', { class: 'hint' }, `Answered by the embedded sandbox at ${request.deliveredTo}`),
    headerTable(request.headers),
    request.body !== undefined && jsonBlock(request.body),
    ...replyView
  )
}

export function resultView(result: SubscriptionResult): HTMLElement {
  const { outcome } = result
  const head = h(
    'div',
    { class: 'result-head' },
    h('h3', {}, result.name),
    h('span', { class: 'action' }, result.partnerAction),
    h('span', { class: 'badge' }, badgeOf(outcome))
  )
  const matched = outcome.kind !== 'not-matched' && outcome.kind !== 'invalid-trigger'
  const trigger = h(
    'p',
    { class: 'trigger' },
    'Trigger ',
    h('code', {}, result.subscribe || '(empty)'),
    matched ? ' matched.' : outcome.kind === 'not-matched' ? ' does not match this event.' : ''
  )
  const card = h('article', { class: `result ${outcome.kind}`, 'data-action': result.partnerAction }, head, trigger)
  if (outcome.kind === 'not-matched') return card

  const problems = problemsOf(outcome)
  const sentNothing = result.exchanges.length === 0 && matched
  return append(
    card,
    problems.length > 0 && h('ul', { class: 'problems' }, ...problems.map((problem) => h('li', {}, problem))),
    sentNothing && h('p', { class: 'hint' }, 'Nothing was sent to Iterable.'),
    result.payload && h('details', { open: '' }, h('summary', {}, 'Payload after mapping'), jsonBlock(result.payload)),
    ...result.exchanges.map((exchange, index) => exchangeView(exchange, index, result.exchanges.length))
  )
}

function entries<Item>(title: string, items: Item[], line: (item: Item) => string): Child[] {
  const heading = h('h4', {}, `${title} (${items.length})`)
  if (items.length === 0) return [heading, h('p', { class: 'hint' }, 'none')]
  return [
    heading,
    ...items.map((item) => h('details', { class: 'entry' }, h('summary', {}, line(item)), jsonBlock(item)))
  ]
}

const eventLine = (event: EventView): string => `${String(event.eventName)} · ${event.createdAt}`
const purchaseLine = (purchase: EventView): string => {
  const items = Array.isArray(purchase.shoppingCartItems) ? purchase.shoppingCartItems.length : 0
  return `${purchase.id} · ${purchase.createdAt} · total ${String(purchase.total)} · ${items} item${items === 1 ? '' : 's'}`
}
const cartLine = (item: unknown): string => {
  const { id, name, quantity, price } = item as Record<string, unknown>
  return `${String(id)} · ${String(name)} · ${String(quantity)} × ${String(price)}`
}

export function profileView(profile: ProfileView): HTMLElement {
  const who = [profile.email, profile.userId && `userId ${profile.userId}`].filter(Boolean).join(' · ')
  return h(
    'article',
    { class: 'profile' },
    h('h3', {}, who),
    h('h4', {}, 'Fields'),
    h(
      'table',
      { class: 'pairs' },
      ...Object.entries(profile.fields).map(([name, value]) =>
        h('tr', {}, h('th', {}, name), h('td', {}, typeof value === 'string' ? value : JSON.stringify(value)))
      )
    ),
    ...entries('Cart', profile.cart, cartLine),
    ...entries('Purchases', profile.purchases, purchaseLine),
    ...entries('Custom events', profile.events, eventLine)
  )
}
