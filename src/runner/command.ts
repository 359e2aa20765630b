import { parseCommand, secretsIn, UsageError, USAGE } from './args'
import { check } from './check'
import { demo } from './demo'
import { InputError } from './files'
import { DEFAULT_TUNING, type Io, type Tuning } from './io'
import { redactor } from './redact'
import { ResumeError } from './resume'
import { send } from './send'
import { SubscriptionsError } from './subscriptions'

export type { Io, Tuning } from './io'

/** Errors that mean "fix how you called me": exit code 2. */
function isUsageProblem(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    error instanceof InputError ||
    error instanceof SubscriptionsError ||
    error instanceof ResumeError
  )
}

/**
 * The `iterable-actions` command: runs `argv` (without node and script) and answers the exit code,
 * 0 when every event was delivered, 1 when some were not, 2 for bad usage or unreadable input.
 * Every line written passes through a filter that removes the API key.
 */
export async function runCli(
  argv: string[],
  io: Io,
  env: NodeJS.ProcessEnv,
  tuning: Partial<Tuning> = {}
): Promise<number> {
  const redact = redactor(secretsIn(argv, env))
  const complain = (message: string) => io.stderr.write(redact(`iterable-actions: ${message}\n`))
  const settings = { ...DEFAULT_TUNING, ...tuning }
  try {
    const command = parseCommand(argv, env)
    switch (command.name) {
      case 'help':
        io.stdout.write(`${USAGE}\n`)
        return 0
      case 'demo':
        return await demo(io, settings)
      case 'check':
        return await check(command, io, settings, redact)
      case 'send':
        return await send(command, io, settings, redact)
    }
  } catch (error) {
    if (!isUsageProblem(error)) {
      complain(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return 1
    }
    complain(error.message)
    if (error instanceof UsageError) io.stderr.write('Run iterable-actions --help for usage.\n')
    return 2
  }
}
