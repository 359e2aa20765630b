import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'
import { apiFor } from './http'

const SOURCES = join(__dirname, '../../src')

/** What `npm run build` makes of the sandbox's sources (transpiled only: the type checks run elsewhere). */
function build(into: string): void {
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.name.endsWith('.ts')) {
        const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }
        })
        const target = join(into, relative(SOURCES, path)).replace(/\.ts$/, '.js')
        mkdirSync(dirname(target), { recursive: true })
        writeFileSync(target, outputText)
      }
    }
  }
  for (const part of ['sandbox', 'iterable']) visit(join(SOURCES, part))
}

interface Run {
  child: ChildProcess
  output: () => string
}

function runCli(dist: string, args: string[]): Run {
  const child = spawn(process.execPath, [join(dist, 'sandbox/cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { child, output: () => output }
}

async function urlPrinted(run: Run): Promise<string> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const url = /listening on (http:\/\/\S+)/.exec(run.output())?.[1]
    if (url) return url
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`No URL printed; output so far: ${run.output()}`)
}

describe('the sandbox command', () => {
  let dist: string
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
    build(dist)
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('prints its URL, serves the project type and key it was given, and stops on SIGINT', async () => {
    const run = runCli(dist, ['--port', '0', '--project-type', 'email', '--api-key', 'K', '--rate-scale', '2'])
    const url = await urlPrinted(run)
    expect(run.output()).toContain('email project')
    expect((await apiFor(url, 'wrong').get('/api/webhooks')).status).toBe(401)
    expect((await apiFor(url, 'K').post('/api/users/update', { userId: 'u-1' })).body).toMatchObject({
      code: 'UnknownUserIdError'
    })
    run.child.kill('SIGINT')
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(0)
    expect(run.output()).toContain('Iterable sandbox stopped')
  })

  it('explains its options with --help', async () => {
    const run = runCli(dist, ['--help'])
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(0)
    expect(run.output()).toContain('--project-type')
  })

  it('exits with status 2 and the usage when an option is not a number', async () => {
    const run = runCli(dist, ['--port', 'many'])
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(2)
    expect(run.output()).toContain('--port must be a number')
  })

  it('exits with status 1 when the sandbox cannot start, e.g. an unknown project type', async () => {
    const run = runCli(dist, ['--port', '0', '--project-type', 'phone'])
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(1)
    expect(run.output()).toContain('projectType must be one of email, userId, hybrid')
  })
})
