import type { Command } from './args'
import { connect } from './connection'
import type { Io, Tuning } from './io'

type CheckCommand = Extract<Command, { name: 'check' }>

/** `check`: the destination's authentication test, against Iterable or the sandbox. */
export async function check(
  command: CheckCommand,
  io: Io,
  tuning: Tuning,
  redact: (text: string) => string
): Promise<number> {
  const connection = await connect(command.target, tuning)
  try {
    await connection.destination.testAuthentication(connection.settings)
    const noKey = command.target.apiKey === undefined ? ' (no --api-key or ITERABLE_API_KEY was given)' : ''
    io.stdout.write(redact(`The API key works: ${connection.description} accepted it${noKey}.\n`))
    return 0
  } catch (error) {
    io.stderr.write(redact(`The API key does not work with ${connection.description}: ${(error as Error).message}\n`))
    return 1
  } finally {
    await connection.close()
  }
}
