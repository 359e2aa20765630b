/**
 * `npm run sandbox -- --port 4010 --project-type email --api-key K --rate-scale 1`: runs the sandbox until
 * interrupted and prints where it listens.
 */
import { parseArgs } from 'node:util'
import { PROJECT_TYPES, type ProjectType } from './identity'
import { startSandbox, type SandboxOptions } from './index'

const USAGE = `Usage: npm run sandbox -- [options]

  --port <n>            port to listen on (default 4010; 0 picks a free one)
  --host <address>      address to listen on (default 127.0.0.1)
  --project-type <t>    ${PROJECT_TYPES.join(' | ')} (default hybrid)
  --api-key <key>       the only Api-Key accepted (default: any non-empty key)
  --rate-scale <x>      multiplies Iterable's rate limits (default 1)
  --help                show this`

function numberOption(name: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new RangeError(`--${name} must be a number, not ${text}`)
  return value
}

function optionsFrom(args: string[]): SandboxOptions | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'project-type': { type: 'string', default: 'hybrid' },
      'api-key': { type: 'string' },
      'rate-scale': { type: 'string', default: '1' },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) return 'help'
  return {
    port: numberOption('port', values.port),
    host: values.host,
    projectType: values['project-type'] as ProjectType,
    apiKey: values['api-key'],
    rateScale: numberOption('rate-scale', values['rate-scale'])
  }
}

async function main(): Promise<void> {
  let options: SandboxOptions | 'help'
  try {
    options = optionsFrom(process.argv.slice(2))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (options === 'help') {
    console.log(USAGE)
    return
  }
  const sandbox = await startSandbox(options)
  console.log(`Iterable sandbox (${sandbox.projectType} project) listening on ${sandbox.url}`)
  const stop = () => {
    void sandbox.close().then(() => console.log('Iterable sandbox stopped'))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
