import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { shopperEvents, writeNdjson } from './helpers/command-events'

/**
 * `iterable-actions send` as a person runs it, in its own process from the sources, stopped with
 * Ctrl+C halfway and run again with --resume: every event ends delivered, none twice.
 */

const ROOT = join(__dirname, '..')
const REGISTER_TYPESCRIPT = join(__dirname, 'helpers', 'register-typescript.js')

interface ResultLine {
  line: number
  messageId?: string
  status: string
  resumed?: boolean
}

const readResults = (path: string): ResultLine[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ResultLine)

let dir: string
let sandbox: Sandbox
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'interrupt-'))
})
afterEach(async () => {
  await sandbox?.close()
  rmSync(dir, { recursive: true, force: true })
})

function send(args: string[]) {
  const child = spawn(process.execPath, ['-r', REGISTER_TYPESCRIPT, join(ROOT, 'src', 'cli.ts'), 'send', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { child, output: () => output, exit: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]> }
}

it('stops reading at the first Ctrl+C, records what it took, and a resumed run delivers the rest once', async () => {
  // At Iterable's own rate limits the bulk endpoints take 10 and 5 calls a second: time enough to interrupt.
  sandbox = await startSandbox({ projectType: 'hybrid' })
  const events = shopperEvents(3000, 1)
  const input = writeNdjson(join(dir, 'events.ndjson'), events)
  const first = join(dir, 'first.ndjson')
  const second = join(dir, 'second.ndjson')

  const interrupted = send([input, '--sandbox-url', sandbox.url, '--out', first])
  for (let waited = 0; !(existsSync(first) && readResults(first).length > 0); waited += 20) {
    if (waited > 30_000) throw new Error(`no result written; output: ${interrupted.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  interrupted.child.kill('SIGINT')
  const [code] = await interrupted.exit
  expect(code).toBe(130)
  expect(interrupted.output()).toContain(`Run again with --resume ${first}`)

  const taken = readResults(first)
  expect(taken.length).toBeGreaterThan(0)
  expect(taken.length).toBeLessThan(events.length)
  expect(taken.map((result) => result.line)).toEqual(taken.map((_result, index) => index + 1))
  expect(taken.every((result) => result.status === 'delivered')).toBe(true)

  const resumed = send([input, '--sandbox-url', sandbox.url, '--resume', first, '--out', second])
  const [resumedCode] = await resumed.exit
  expect(resumedCode).toBe(0)
  const all = readResults(second)
  expect(all.map((result) => result.line)).toEqual(events.map((_event, index) => index + 1))
  expect(all.every((result) => result.status === 'delivered')).toBe(true)
  expect(all.filter((result) => result.resumed).map((result) => result.line)).toEqual(
    taken.map((result) => result.line)
  )
  expect(sandbox.state.counts()).toEqual({ users: 3000, events: 3000, purchases: 3000 })
}, 120_000)
