import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { apiFor } from './http'

const CLI = join(__dirname, '../../src/sandbox/cli.ts')
const REGISTER_TYPESCRIPT = join(__dirname, '../helpers/register-typescript.js')

interface Run {
  child: ChildProcess
  output: () => string
}

/** The command from its sources, as `npm run sandbox` runs its build. */
function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['-r', REGISTER_TYPESCRIPT, CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
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
  it('prints its URL, serves the project type and key it was given, and stops on SIGINT', async () => {
    const run = runCli(['--port', '0', '--project-type', 'email', '--api-key', 'K', '--rate-scale', '2'])
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
    const run = runCli(['--help'])
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(0)
    expect(run.output()).toContain('--project-type')
  })

  it('exits with status 2 and the usage when an option is not a number', async () => {
    const run = runCli(['--port', 'many'])
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(2)
    expect(run.output()).toContain('--port must be a number')
  })

  it('exits with status 1 when the sandbox cannot start, e.g. an unknown project type', async () => {
    const run = runCli(['--port', '0', '--project-type', 'phone'])
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(1)
    expect(run.output()).toContain('projectType must be one of email, userId, hybrid')
  })
})
