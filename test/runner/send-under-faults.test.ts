import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { runCli, type Tuning } from '../../src/runner/command'
import { startSandbox, type FaultOptions, type Sandbox } from '../../src/sandbox'
import { shopperEvents, writeNdjson } from '../helpers/command-events'

/**
 * The command against a sandbox that fails in every way Iterable and the network can: whatever
 * happens, every input event ends exactly once in the results, delivered or failed with a reason,
 * and a retried event never becomes two records in Iterable (its id is the same on every try).
 */

const USERS = 20
const events = shopperEvents(USERS)
const customEventIds = events.filter((event) => (event as { event?: string }).event === 'Song Played').length
const TUNING: Partial<Tuning> = {
  rateScale: 20,
  retry: { attempts: 8, baseDelayMs: 5, maxDelayMs: 40 },
  requestTimeoutMs: 300
}

class Sink extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

interface ResultLine {
  line: number
  messageId?: string
  status: string
  reason?: string
}

let dir: string
let sandbox: Sandbox
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faults-'))
})
afterEach(async () => {
  await sandbox?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function sendUnder(
  faults: FaultOptions,
  tuning: Partial<Tuning> = {}
): Promise<{ code: number; results: ResultLine[] }> {
  sandbox = await startSandbox({ projectType: 'hybrid', rateScale: 20, faults })
  const input = writeNdjson(join(dir, 'events.ndjson'), events)
  const out = join(dir, 'results.ndjson')
  const io = { stdin: Readable.from([]), stdout: new Sink(), stderr: new Sink() }
  const code = await runCli(
    ['send', input, '--sandbox-url', sandbox.url, '--out', out],
    io,
    {},
    { ...TUNING, ...tuning }
  )
  const results = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ResultLine)
  return { code, results }
}

function expectEveryEventExactlyOnce(results: ResultLine[]): void {
  expect(results.map((result) => result.line)).toEqual(events.map((_event, index) => index + 1))
  for (const result of results) {
    if (result.status !== 'delivered') expect(result).toMatchObject({ status: 'failed', reason: expect.any(String) })
  }
}

function expectNoDuplicateRecords(): void {
  const { events: stored, purchases } = sandbox.state.counts()
  expect(stored).toBeLessThanOrEqual(customEventIds)
  expect(purchases).toBeLessThanOrEqual(USERS)
}

describe('send when Iterable fails', () => {
  it.each<[string, FaultOptions, keyof Sandbox['faults']['injected'] | undefined]>([
    ['20% of requests answered 5xx', { serverErrorRate: 0.2, serverErrorStatus: 503, seed: 7 }, 'serverError'],
    ['a burst of 429s with Retry-After', { rateLimitBurst: { count: 3, retryAfterSeconds: 1 } }, 'rateLimited'],
    ['a burst of 429s without Retry-After', { rateLimitBurst: { count: 3 } }, 'rateLimited'],
    ['added latency', { latencyMs: 40 }, undefined],
    ['connections reset halfway through the reply', { dropConnectionRate: 0.2, seed: 8 }, 'dropped'],
    ['malformed JSON replies', { malformedJsonRate: 0.2, seed: 9 }, 'malformed']
  ])('delivers every event exactly once despite %s', async (_fault, faults, injected) => {
    const { code, results } = await sendUnder(faults)
    if (injected) expect(sandbox.faults.injected[injected]).toBeGreaterThan(0)
    expectEveryEventExactlyOnce(results)
    expect(results.filter((result) => result.status !== 'delivered')).toEqual([])
    expect(code).toBe(0)
    expect(sandbox.state.counts()).toEqual({ users: USERS, events: customEventIds, purchases: USERS })
  })

  it('records every event as failed, with the timeout as its reason, when Iterable never answers in time', async () => {
    const { code, results } = await sendUnder(
      { latencyMs: 1000 },
      { retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 }, requestTimeoutMs: 100 }
    )
    expectEveryEventExactlyOnce(results)
    expect(code).toBe(1)
    for (const result of results) {
      expect(result).toMatchObject({ status: 'failed', reason: expect.stringContaining('did not answer in time') })
    }
    expectNoDuplicateRecords()
  })
})
