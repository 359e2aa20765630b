import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ProcessUsage } from './process-usage'

/** The package as compiled beside the bench (build/src), run as separate processes. */
const COMPILED = path.resolve(__dirname, '..', 'src')
const USAGE_PRELOAD = path.resolve(__dirname, 'process-usage.js')

export interface SandboxProcess {
  url: string
  stop(): Promise<void>
}

/** Resolves when the child has exited and its output streams are closed. */
async function exitOf(child: ChildProcess): Promise<number> {
  const [code] = (await once(child, 'close')) as [number | null]
  return code ?? 1
}

/** `npm run sandbox` in its own process, so that what it holds and the CPU it uses are not the command's. */
export async function startSandboxProcess(rateScale: number): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    [path.join(COMPILED, 'sandbox', 'cli.js'), '--port', '0', '--rate-scale', String(rateScale)],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const closed = exitOf(child)
  const url = await new Promise<string>((resolve, reject) => {
    let printed = ''
    child.stdout!.on('data', (chunk) => {
      printed += String(chunk)
      const listening = /listening on (\S+)/.exec(printed)
      if (listening) resolve(listening[1])
    })
    void closed.then(() => reject(new Error(`the sandbox did not start: ${printed}`)))
  })
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM')
      await closed
    }
  }
}

export interface CommandRun extends ProcessUsage {
  exitCode: number
  stdout: string
  stderr: string
  seconds: number
}

/**
 * `iterable-actions ...args` as a child process, timed, with its peak RSS and CPU time; `scratch` is a
 * directory for its report of them.
 */
export async function runCommand(args: string[], scratch: string): Promise<CommandRun> {
  const usageFile = path.join(scratch, `usage-${process.hrtime.bigint()}.json`)
  // A real key in the environment has no business with the sandbox.
  const { ITERABLE_API_KEY: _key, ...env } = process.env
  const started = performance.now()
  const child = spawn(process.execPath, ['--require', USAGE_PRELOAD, path.join(COMPILED, 'cli.js'), ...args], {
    env: { ...env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += String(chunk)))
  child.stderr.on('data', (chunk) => (stderr += String(chunk)))
  const exitCode = await exitOf(child)
  const seconds = (performance.now() - started) / 1000
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as ProcessUsage
  return { exitCode, stdout, stderr, seconds, ...usage }
}
