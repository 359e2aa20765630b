import type { EventOutcome, EventStatus } from './runner'

/** The outcomes the summary tells apart, in the order it shows them. */
const OUTCOMES = ['delivered', 'already delivered', 'failed', 'skipped', 'malformed'] as const
type Outcome = (typeof OUTCOMES)[number]

const NO_ACTION = '(no action)'

/** Counts of outcomes per event and per action, as outcomes arrive. */
export class Tally {
  readonly events: Record<EventStatus, number> = { delivered: 0, failed: 0, skipped: 0, malformed: 0 }
  private readonly byAction = new Map<string, Map<Outcome, number>>()

  add(outcome: EventOutcome): void {
    this.events[outcome.status]++
    if (outcome.deliveries.length === 0) this.count(NO_ACTION, outcome.status as Outcome)
    for (const delivery of outcome.deliveries) {
      this.count(delivery.action, delivery.resumed ? 'already delivered' : delivery.delivered ? 'delivered' : 'failed')
    }
  }

  get total(): number {
    return Object.values(this.events).reduce((sum, count) => sum + count, 0)
  }

  /** Events that did not get where they were going. */
  get problems(): number {
    return this.events.failed + this.events.malformed
  }

  /** [action, outcome, count] for every pair that occurred, actions in the order first seen. */
  rows(): Array<[string, Outcome, number]> {
    const actions = [...this.byAction.keys()].sort((a, b) => Number(a === NO_ACTION) - Number(b === NO_ACTION))
    return actions.flatMap((action) =>
      OUTCOMES.flatMap((outcome): Array<[string, Outcome, number]> => {
        const count = this.byAction.get(action)?.get(outcome)
        return count ? [[action, outcome, count]] : []
      })
    )
  }

  private count(action: string, outcome: Outcome): void {
    const counts = this.byAction.get(action) ?? new Map<Outcome, number>()
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
    this.byAction.set(action, counts)
  }
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`

/** The end-of-run summary: events by outcome, then a table of actions by outcome. */
export function formatSummary(tally: Tally, elapsedMs: number): string {
  const statuses = (Object.entries(tally.events) as Array<[EventStatus, number]>)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count.toLocaleString('en-US')} ${status}`)
  const head = `${plural(tally.total, 'event')} in ${(elapsedMs / 1000).toFixed(1)} s${statuses.length ? `: ${statuses.join(', ')}` : ''}`
  const rows = tally.rows()
  if (rows.length === 0) return `${head}\n`
  const columns = OUTCOMES.filter((outcome) => rows.some(([, rowOutcome]) => rowOutcome === outcome))
  const actions = [...new Set(rows.map(([action]) => action))]
  const cell = (action: string, outcome: Outcome) =>
    rows
      .find(([rowAction, rowOutcome]) => rowAction === action && rowOutcome === outcome)?.[2]
      .toLocaleString('en-US') ?? ''
  const actionWidth = Math.max('action'.length, ...actions.map((action) => action.length))
  const line = (first: string, cells: string[]) =>
    [first.padEnd(actionWidth), ...cells.map((text, index) => text.padStart(columns[index].length))]
      .join('  ')
      .trimEnd()
  const table = [
    line('action', [...columns]),
    ...actions.map((action) =>
      line(
        action,
        columns.map((outcome) => cell(action, outcome))
      )
    )
  ]
  return `${head}\n\n${table.map((row) => `  ${row}`).join('\n')}\n`
}
