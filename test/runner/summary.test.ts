import type { EventOutcome } from '../../src/runner/runner'
import { formatProgress } from '../../src/runner/progress'
import { formatSummary, Tally } from '../../src/runner/summary'

const outcome = (status: EventOutcome['status'], deliveries: EventOutcome['deliveries'] = []): EventOutcome => ({
  line: 1,
  status,
  deliveries
})
const delivered = (action: string, resumed = false) => ({
  action,
  delivered: true,
  attempts: 1,
  requests: [],
  ...(resumed && { resumed })
})
const failed = (action: string) => ({ action, delivered: false, attempts: 1, reason: 'no', requests: [] })

describe('the summary', () => {
  it('counts events by outcome, then deliveries by action and outcome', () => {
    const tally = new Tally()
    for (const each of [
      outcome('delivered', [delivered('upsertUser')]),
      outcome('delivered', [delivered('customEvent')]),
      outcome('failed', [failed('customEvent')]),
      outcome('delivered', [delivered('customEvent', true)]),
      outcome('skipped'),
      outcome('malformed')
    ])
      tally.add(each)
    expect(formatSummary(tally, 1234)).toBe(
      [
        '6 events in 1.2 s: 3 delivered, 1 failed, 1 skipped, 1 malformed',
        '',
        '  action       delivered  already delivered  failed  skipped  malformed',
        '  upsertUser           1',
        '  customEvent          1                  1       1',
        '  (no action)                                              1          1',
        ''
      ].join('\n')
    )
  })

  it('counts failed and malformed events as problems, skipped ones not', () => {
    const tally = new Tally()
    for (const each of [outcome('skipped'), outcome('failed', [failed('customEvent')]), outcome('malformed')])
      tally.add(each)
    expect(tally.problems).toBe(2)
  })
})

describe('the progress line', () => {
  it('shows a bar, done of total, the rate and failures when the total is known', () => {
    expect(formatProgress({ done: 500, total: 1000, failed: 3, elapsedMs: 2000 })).toBe(
      '[############............] 500/1,000 50%  250 events/s  3 failed'
    )
  })

  it('shows what is done so far when the total is not known', () => {
    expect(formatProgress({ done: 1500, failed: 0, elapsedMs: 1000 })).toBe('1,500 events  1,500 events/s  0 failed')
  })
})
