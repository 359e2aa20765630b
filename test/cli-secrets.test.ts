import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { runCli, type Tuning } from '../src/runner/command'
import { startSandbox, type FaultOptions, type Sandbox } from '../src/sandbox'
import { shopperEvents, writeNdjson } from './helpers/command-events'

/**
 * The API key never leaves the command in anything a person or a file can read: not in errors,
 * progress, summaries or results, whether Iterable refuses the key or fails the requests that carry it.
 */

const SECRET = 'sk-live-7f3a9c2e-secret'
const FAST: Partial<Tuning> = {
  rateScale: 20,
  retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 },
  requestTimeoutMs: 300
}

class Terminal extends Writable {
  text = ''
  readonly isTTY = true
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

let dir: string
let sandbox: Sandbox
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'secrets-'))
})
afterEach(async () => {
  await sandbox?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Everything a run lets anyone read: stdout, stderr (a terminal, so with progress) and the results file. */
async function everythingReadable(
  argv: (input: string, out: string) => string[],
  env: NodeJS.ProcessEnv,
  sandboxKey: string,
  faults: FaultOptions = {}
): Promise<{ code: number; text: string }> {
  sandbox = await startSandbox({ projectType: 'hybrid', apiKey: sandboxKey, rateScale: 20, faults })
  const input = writeNdjson(join(dir, 'events.ndjson'), shopperEvents(5))
  const out = join(dir, 'results.ndjson')
  const stdout = new Terminal()
  const stderr = new Terminal()
  const code = await runCli(argv(input, out), { stdin: Readable.from([]), stdout, stderr }, env, FAST)
  let results = ''
  try {
    results = readFileSync(out, 'utf8')
  } catch {
    // check writes no results file
  }
  return { code, text: `${stdout.text}\n${stderr.text}\n${results}` }
}

const sendWithFlag = (input: string, out: string) => ['send', input, '--out', out, '--api-key', SECRET]

describe('the API key', () => {
  it.each<[string, string, FaultOptions]>([
    ['refuses it', 'another-key', {}],
    ['fails every request that carries it', SECRET, { serverErrorRate: 1 }],
    ['answers malformed JSON to every request that carries it', SECRET, { malformedJsonRate: 1 }],
    ['cuts every connection that carries it', SECRET, { dropConnectionRate: 1 }]
  ])('never appears in any output or result when the sandbox %s', async (_what, sandboxKey, faults) => {
    const { code, text } = await everythingReadable(
      (input, out) => [...sendWithFlag(input, out), '--sandbox-url', sandbox.url],
      {},
      sandboxKey,
      faults
    )
    expect(code).toBe(1)
    expect(text.length).toBeGreaterThan(0)
    expect(text).not.toContain(SECRET)
  })

  it('never appears even when the reply echoes the request headers back into the error message', async () => {
    // Some gateways answer a bad request by quoting it; the destination puts that message in the reason.
    const echo = createServer((request, response) => {
      request.resume()
      response.writeHead(400, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({ code: 'BadParams', msg: `Rejected request with headers ${JSON.stringify(request.headers)}` })
      )
    })
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`
    try {
      const { code, text } = await everythingReadable(
        (input, out) => [...sendWithFlag(input, out), '--sandbox-url', echoUrl],
        {},
        SECRET
      )
      expect(code).toBe(1)
      expect(text).toContain('Rejected request with headers')
      expect(text).not.toContain(SECRET)
    } finally {
      await new Promise<void>((resolve) => echo.close(() => resolve()))
    }
  })

  it('never appears when it comes from ITERABLE_API_KEY and Iterable refuses it', async () => {
    const { code, text } = await everythingReadable(
      (input, out) => ['send', input, '--out', out, '--sandbox-url', sandbox.url],
      { ITERABLE_API_KEY: SECRET },
      'another-key'
    )
    expect(code).toBe(1)
    expect(text).not.toContain(SECRET)
  })

  it('never appears when check is refused', async () => {
    const { code, text } = await everythingReadable(
      () => ['check', '--api-key', SECRET, '--sandbox-url', sandbox.url],
      {},
      'another-key'
    )
    expect(code).toBe(1)
    expect(text).toMatch(/BadApiKey|refused|invalid/i)
    expect(text).not.toContain(SECRET)
  })
})
