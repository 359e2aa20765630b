import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { runCli, type Tuning } from '../src/runner/command'

/** The command in-process, over real HTTP to its embedded sandbox on loopback. */

const EXAMPLES = join(__dirname, '..', 'examples', 'events.ndjson')
const FAST: Partial<Tuning> = { rateScale: 20, retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 } }

class Capture extends Writable {
  text = ''
  constructor(readonly isTTY = false) {
    super()
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function run(
  argv: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; terminal?: boolean; tuning?: Partial<Tuning> } = {}
): Promise<Run> {
  const stdout = new Capture()
  const stderr = new Capture(options.terminal)
  const stdin = Readable.from([Buffer.from(options.stdin ?? '')], { objectMode: false })
  const code = await runCli(argv, { stdin, stdout, stderr }, options.env ?? {}, { ...FAST, ...options.tuning })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iterable-actions-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const ndjson = (...lines: object[]) => lines.map((line) => JSON.stringify(line)).join('\n') + '\n'
const resultsIn = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const identify = (userId: string, email: string) => ({
  type: 'identify',
  messageId: `m-${userId}`,
  userId,
  traits: { email }
})

describe('send', () => {
  it('delivers the example file and records every event’s outcome, one line each, in input order', async () => {
    const out = join(dir, 'results.ndjson')
    const { code, stdout } = await run(['send', EXAMPLES, '--out', out])
    const delivered = (line: number, action: string) => ({
      line,
      messageId: `msg-${String(line).padStart(4, '0')}`,
      action,
      status: 'delivered'
    })
    const failed = (line: number, action: string, reason: string) => ({
      ...delivered(line, action),
      status: 'failed',
      reason
    })
    expect(resultsIn(out)).toEqual([
      delivered(1, 'upsertUser'),
      delivered(2, 'customEvent'),
      delivered(3, 'upsertUser'),
      delivered(4, 'cartUpdates'),
      delivered(5, 'customEvent'),
      { line: 6, messageId: 'msg-0006', status: 'skipped', reason: 'no subscription matches this event' },
      failed(7, 'customEvent', 'Must include email or userId.'),
      delivered(8, 'trackPurchase'),
      failed(9, 'upsertUser', 'Email Address must be a valid email address string but it was not.'),
      delivered(10, 'cartUpdates'),
      delivered(11, 'upsertUser'),
      delivered(12, 'customEvent'),
      delivered(13, 'upsertUser'),
      delivered(14, 'customEvent'),
      failed(15, 'customEvent', 'Iterable rejected this user: not found userId u-1004')
    ])
    expect(stdout).toMatch(/^15 events in \d+\.\d s: 11 delivered, 3 failed, 1 skipped\n/)
    expect(code).toBe(1)
  })

  it('reads NDJSON from stdin and exits 0 when every event is delivered', async () => {
    const { code, stdout, stderr } = await run(['send', '-'], {
      stdin: ndjson(identify('u-1', 'a@example.com'), { type: 'track', userId: 'u-1', event: 'Signed In' })
    })
    expect(stderr).toContain('Delivering stdin to the embedded Iterable sandbox (an email-based project')
    expect(stdout).toMatch(/^2 events in \d+\.\d s: 2 delivered\n/)
    expect(code).toBe(0)
  })

  it('reads a JSON array', async () => {
    const events = file(
      'events.json',
      JSON.stringify([identify('u-1', 'a@example.com'), identify('u-2', 'b@example.com')], null, 2)
    )
    const { code, stdout } = await run(['send', events])
    expect(stdout).toMatch(/: 2 delivered\n/)
    expect(code).toBe(0)
  })

  it('reports a malformed line with its line number, skips it, delivers the rest and exits 1', async () => {
    const events = file(
      'events.ndjson',
      `${JSON.stringify(identify('u-1', 'a@example.com'))}\n{"type": "track",\n[1]\n`
    )
    const out = join(dir, 'results.ndjson')
    const { code, stderr } = await run(['send', events, '--out', out])
    expect(stderr).toMatch(/^line 2: skipped, not valid JSON \(.+\)$/m)
    expect(stderr).toContain('line 3: skipped, not a JSON object')
    expect(resultsIn(out).map((result) => [result.line, result.status])).toEqual([
      [1, 'delivered'],
      [2, 'malformed'],
      [3, 'malformed']
    ])
    expect(code).toBe(1)
  })

  it('prints each failure when there is no results file', async () => {
    const { code, stderr } = await run(['send', '-'], {
      stdin: ndjson({ type: 'track', messageId: 'm-9', event: 'Anonymous' })
    })
    expect(stderr).toContain('line 1 (messageId m-9): customEvent failed: Must include email or userId.')
    expect(code).toBe(1)
  })

  it('resumes: events a previous run delivered are not sent again, the others are', async () => {
    const events = file(
      'events.ndjson',
      ndjson(
        identify('u-1', 'a@example.com'),
        { type: 'track', messageId: 'm-anon', event: 'No one' },
        identify('u-2', 'b@example.com')
      )
    )
    const first = join(dir, 'first.ndjson')
    const second = join(dir, 'second.ndjson')
    await run(['send', events, '--out', first])
    const { code, stdout } = await run(['send', events, '--resume', first, '--out', second])
    expect(resultsIn(second)).toEqual([
      { line: 1, messageId: 'm-u-1', action: 'upsertUser', status: 'delivered', resumed: true },
      {
        line: 2,
        messageId: 'm-anon',
        action: 'customEvent',
        status: 'failed',
        reason: 'Must include email or userId.'
      },
      { line: 3, messageId: 'm-u-2', action: 'upsertUser', status: 'delivered', resumed: true }
    ])
    expect(stdout).toMatch(/upsertUser\s+2\n/)
    expect(stdout).toContain('already delivered')
    expect(code).toBe(1)
  })

  it('refuses to resume from the results of another input (exit 2)', async () => {
    const events = file('events.ndjson', ndjson(identify('u-1', 'a@example.com')))
    const previous = file('previous.ndjson', ndjson({ line: 1, messageId: 'someone-else', status: 'delivered' }))
    const { code, stderr } = await run(['send', events, '--resume', previous])
    expect(stderr).toContain('input line 1 has messageId m-u-1 but the results record someone-else')
    expect(code).toBe(2)
  })

  it('delivers through the subscriptions of a --subscriptions file instead of the presets', async () => {
    const subscriptions = file(
      'subscriptions.json',
      JSON.stringify([{ name: 'Sign-ups only', partnerAction: 'customEvent', subscribe: 'event = "Signed Up"' }])
    )
    const out = join(dir, 'results.ndjson')
    const stdin = ndjson(
      { type: 'track', userId: 'u-1', event: 'Signed Up', properties: { email: 'a@example.com' } },
      identify('u-1', 'a@example.com')
    )
    // A hybrid project creates the user from the event alone.
    const { code } = await run(['send', '--subscriptions', subscriptions, '--project-type', 'hybrid', '--out', out], {
      stdin
    })
    expect(resultsIn(out).map((result) => [result.action, result.status])).toEqual([
      ['customEvent', 'delivered'],
      [undefined, 'skipped']
    ])
    expect(code).toBe(0)
  })

  it('shows a progress bar with done/total, rate and failures on a terminal', async () => {
    const { stderr } = await run(['send', EXAMPLES], { terminal: true })
    expect(stderr).toMatch(/\[#{24}\] 15\/15 100% {2}[\d,]+ events\/s {2}3 failed\n/)
  })
})

describe('bad usage and unreadable input (exit 2)', () => {
  it.each([
    [['send', '--regoin', 'eu'], "iterable-actions: Unknown option '--regoin'"],
    [['send', '--region', 'mars'], 'iterable-actions: --region must be us or eu, not mars'],
    [
      ['send', '--concurrency', 'lots'],
      'iterable-actions: --concurrency must be a whole number from 1 to 256, not lots'
    ],
    [['publish'], 'iterable-actions: unknown command publish: expected send, check or demo']
  ])('%j says what is wrong and where to find usage', async (argv, message) => {
    const { code, stderr } = await run(argv)
    expect(stderr).toBe(`${message}\nRun iterable-actions --help for usage.\n`)
    expect(code).toBe(2)
  })

  it('names a file that does not exist', async () => {
    const missing = join(dir, 'missing.ndjson')
    const { code, stderr } = await run(['send', missing])
    expect(stderr).toBe(`iterable-actions: cannot read ${missing}: no such file\n`)
    expect(code).toBe(2)
  })

  it('names a directory given as the input', async () => {
    const folder = join(dir, 'folder')
    mkdirSync(folder)
    const { code, stderr } = await run(['send', folder])
    expect(stderr).toBe(`iterable-actions: cannot read ${folder}: it is a directory\n`)
    expect(code).toBe(2)
  })

  it('says what is wrong with a subscriptions file', async () => {
    const subscriptions = file('subscriptions.json', '[{"partnerAction":"sendFax","subscribe":"type = \\"track\\""}]')
    const { code, stderr } = await run(['send', EXAMPLES, '--subscriptions', subscriptions])
    expect(stderr).toContain(
      `iterable-actions: --subscriptions ${subscriptions}: subscription 1: partnerAction must be one of`
    )
    expect(code).toBe(2)
  })
})

describe('the API key', () => {
  const KEY = 'it-is-a-secret-4f7c'

  it('never appears in output or results, even in the sandbox', async () => {
    const out = join(dir, 'results.ndjson')
    const { stdout, stderr } = await run(['send', EXAMPLES, '--sandbox', '--out', out], {
      env: { ITERABLE_API_KEY: KEY },
      terminal: true
    })
    expect(`${stdout}${stderr}${readFileSync(out, 'utf8')}`).not.toContain(KEY)
  })

  it('is redacted wherever it would be written, here from the results of an event that carries it', async () => {
    const out = join(dir, 'results.ndjson')
    const { stdout, stderr } = await run(['send', '--sandbox', '--out', out], {
      env: { ITERABLE_API_KEY: KEY },
      stdin: ndjson({ type: 'track', messageId: `copied-${KEY}`, event: 'Anonymous' })
    })
    expect(resultsIn(out)).toEqual([expect.objectContaining({ messageId: 'copied-[redacted]', status: 'failed' })])
    expect(`${stdout}${stderr}`).not.toContain(KEY)
  })

  it('is redacted from an error that would repeat it', async () => {
    const { code, stderr } = await run(['send', '--api-key', KEY, '--region', KEY])
    expect(stderr).toContain('--region must be us or eu, not [redacted]')
    expect(stderr).not.toContain(KEY)
    expect(code).toBe(2)
  })
})

describe('check', () => {
  it('passes against the sandbox when no key is given (exit 0)', async () => {
    const { code, stdout } = await run(['check'])
    expect(stdout).toMatch(
      /^The API key works: the embedded Iterable sandbox .* accepted it \(no --api-key or ITERABLE_API_KEY was given\)\.\n$/
    )
    expect(code).toBe(0)
  })

  it('fails with the reason when the key is refused (exit 1)', async () => {
    const { code, stderr } = await run(['check'], { tuning: { sandbox: { apiKey: 'another-key' } } })
    expect(stderr).toMatch(
      /^The API key does not work with the embedded Iterable sandbox .*: Credentials are invalid: .*401/
    )
    expect(code).toBe(1)
  })
})

it('demo shows each event’s way to Iterable, then what the sandbox holds per user (exit 0)', async () => {
  const { code, stdout } = await run(['demo'])
  expect(stdout).toContain(
    '   1  identify                      → upsertUser    → POST /api/users/bulkUpdate       → delivered'
  )
  expect(stdout).toContain('→ failed: Iterable rejected this user: not found userId u-1004')
  expect(stdout).toContain('jane.doe@example.com (userId u-1001)')
  expect(stdout).toContain(
    '  purchases  order-88012: total 278 (Espresso Machine ×1 at 249, Coffee Beans 1kg ×2 at 14.5)'
  )
  expect(stdout).toContain('In all: 3 users, 4 custom events, 1 purchase.')
  expect(code).toBe(0)
})

it('--help prints the usage (exit 0)', async () => {
  const { code, stdout } = await run(['--help'])
  expect(stdout).toMatch(/^Usage: iterable-actions <command> \[options\]/)
  expect(code).toBe(0)
})
