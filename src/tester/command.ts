/** `iterable-actions tester [--port N] [--project-type TYPE]`: runs the event tester until interrupted. */
import type { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { PROJECT_TYPES, type ProjectType } from '../sandbox/identity'
import { PROJECT_LABELS } from './catalog'
import { startTester, type TesterOptions } from './index'

export const DEFAULT_PORT = 4020

export const TESTER_USAGE = `Usage: iterable-actions tester [options]

Starts the event tester on loopback and prints its address: a web page to try a Segment event against
the destination's subscriptions and mappings, and see exactly what Iterable receives. Events go to an
embedded Iterable sandbox, or to Iterable with an API key entered on the page.

Options:
  --port N               port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --project-type TYPE    the sandbox project's type: email, userId or hybrid (default: email)
  -h, --help             show this help`

export interface TesterIo {
  stdout: Writable
  stderr: Writable
}

class UsageError extends Error {}

/** Resolves on the first Ctrl+C or termination signal. */
export function interruption(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

function optionsFrom(argv: string[]): TesterOptions | 'help' {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'project-type': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true
    }))
  } catch (error) {
    throw new UsageError((error as Error).message.split('. To specify')[0])
  }
  if (values.help) return 'help'
  const portText = values.port ?? String(DEFAULT_PORT)
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a port number, not ${portText}`)
  const projectType = values['project-type'] ?? 'email'
  if (!PROJECT_TYPES.includes(projectType as ProjectType)) {
    throw new UsageError(`--project-type must be one of ${PROJECT_TYPES.join(', ')}, not ${projectType}`)
  }
  return { port, projectType: projectType as ProjectType }
}

/**
 * Runs the tester until `untilStopped` resolves (Ctrl+C by default) and answers the exit code: 0 after a
 * normal stop, 1 when it cannot start, 2 for bad usage.
 */
export async function runTester(
  argv: string[],
  io: TesterIo,
  untilStopped: () => Promise<void> = interruption
): Promise<number> {
  let options: TesterOptions | 'help'
  try {
    options = optionsFrom(argv)
  } catch (error) {
    io.stderr.write(
      `iterable-actions tester: ${(error as Error).message}\nRun iterable-actions tester --help for usage.\n`
    )
    return 2
  }
  if (options === 'help') {
    io.stdout.write(`${TESTER_USAGE}\n`)
    return 0
  }
  let tester
  try {
    tester = await startTester(options)
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
    const reason = inUse ? `port ${options.port} is in use; pick another with --port` : (error as Error).message
    io.stderr.write(`iterable-actions tester: cannot start: ${reason}\n`)
    return 1
  }
  io.stdout.write(
    `Event tester: ${tester.url}\n` +
      `Events go to the embedded Iterable sandbox (${PROJECT_LABELS[tester.sandbox.projectType]} at ${tester.sandbox.url}),\n` +
      `or to Iterable with an API key entered on the page. Press Ctrl+C to stop.\n`
  )
  await untilStopped()
  await tester.close()
  io.stdout.write('Event tester stopped.\n')
  return 0
}
