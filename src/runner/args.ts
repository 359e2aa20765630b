import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Region } from '../iterable/endpoints'
import { PROJECT_TYPES, type ProjectType } from '../sandbox'

export const USAGE = `Usage: iterable-actions <command> [options]

Delivers Segment events to Iterable through the Iterable (Actions) destination.

Commands:
  send [FILE|-]          deliver the events in FILE (NDJSON, or a JSON array); - or no FILE reads stdin
  check                  test the API key against the chosen data center
  demo                   deliver examples/events.ndjson to the embedded sandbox and show what it holds
  tester [--port N]      open the event tester: a local page to try an event and its mappings

Options:
  --api-key KEY          Iterable server-side API key (default: $ITERABLE_API_KEY); without a key,
                         events go to an embedded Iterable sandbox on loopback
  --region us|eu         Iterable data center (default: us)
  --sandbox              use the embedded sandbox even when a key is given
  --sandbox-url URL      deliver to a sandbox already running there (npm run sandbox) instead,
                         with --api-key if that sandbox was started with one
  --project-type TYPE    the sandbox project's type: email, userId or hybrid (default: email)
  --subscriptions FILE   JSON array of subscriptions {name?, partnerAction, subscribe, mapping?}
                         (default: the destination's presets)
  --out FILE             write one result line per input event (NDJSON)
  --resume FILE          skip the events a previous results file records as delivered
  --concurrency N        calls to Iterable in flight at once (default: 8)
  --rate-scale X         pace requests at X times Iterable's documented limits (default: 1): below 1
                         leaves room for others sending to the project; above 1 only suits a sandbox
                         started with the same --rate-scale
  -h, --help             show this help

Exit codes: 0 every event delivered (or matching no subscription), 1 some failed or were malformed,
2 bad usage or unreadable input, 130 interrupted (Ctrl+C: what was read is finished and recorded).`

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {}

/** Where events go: Iterable with a key, the embedded sandbox, or a sandbox running elsewhere. */
export interface Target {
  apiKey?: string
  region: Region
  sandbox: boolean
  projectType: ProjectType
  /** A running sandbox to deliver to, instead of Iterable or an embedded one. */
  sandboxUrl?: string
}

export type Command =
  | { name: 'help' }
  | { name: 'demo' }
  | { name: 'check'; target: Target }
  | {
      name: 'send'
      /** A path, or '-' for stdin. */
      input: string
      target: Target
      subscriptionsFile?: string
      outFile?: string
      resumeFile?: string
      concurrency: number
      /** Multiplies the documented rate limits requests are paced at; the tuning's when absent. */
      rateScale?: number
    }

const OPTIONS = {
  'api-key': { type: 'string' },
  region: { type: 'string' },
  sandbox: { type: 'boolean' },
  'sandbox-url': { type: 'string' },
  'project-type': { type: 'string' },
  subscriptions: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'string' },
  concurrency: { type: 'string' },
  'rate-scale': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

type OptionName = keyof typeof OPTIONS

const TARGET_OPTIONS: OptionName[] = ['api-key', 'region', 'sandbox', 'sandbox-url', 'project-type']
const ALLOWED: Record<Exclude<Command['name'], 'help'>, OptionName[]> = {
  send: [...TARGET_OPTIONS, 'subscriptions', 'out', 'resume', 'concurrency', 'rate-scale'],
  check: TARGET_OPTIONS,
  demo: []
}

const REGION_NAMES: Record<string, Region> = { us: 'united_states', eu: 'europe' }

export const DEFAULT_CONCURRENCY = 8

/** The API keys a command line or environment holds, found without parsing, to keep out of any output. */
export function secretsIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const fromArgs = argv.flatMap((arg, index) =>
    arg === '--api-key' ? [argv[index + 1] ?? ''] : arg.startsWith('--api-key=') ? [arg.slice('--api-key='.length)] : []
  )
  return [...fromArgs, env.ITERABLE_API_KEY ?? ''].filter((secret) => secret.length > 0)
}

function target(values: Partial<Record<OptionName, string | boolean>>, env: NodeJS.ProcessEnv): Target {
  const apiKey = (values['api-key'] as string | undefined) ?? env.ITERABLE_API_KEY
  if (apiKey !== undefined && !apiKey.trim()) throw new UsageError('--api-key is empty')
  const regionName = (values.region as string | undefined) ?? 'us'
  const region = REGION_NAMES[regionName]
  if (!region) throw new UsageError(`--region must be us or eu, not ${regionName}`)
  const projectType = (values['project-type'] as string | undefined) ?? 'email'
  if (!PROJECT_TYPES.includes(projectType as ProjectType)) {
    throw new UsageError(`--project-type must be one of ${PROJECT_TYPES.join(', ')}, not ${projectType}`)
  }
  return {
    apiKey: apiKey || undefined,
    region,
    sandbox: Boolean(values.sandbox),
    projectType: projectType as ProjectType,
    ...sandboxUrl(values)
  }
}

function sandboxUrl(values: Partial<Record<OptionName, string | boolean>>): { sandboxUrl?: string } {
  const url = values['sandbox-url'] as string | undefined
  if (url === undefined) return {}
  if (values.sandbox || values['project-type'] !== undefined) {
    throw new UsageError('--sandbox-url names a running sandbox: --sandbox and --project-type are for the embedded one')
  }
  if (!/^https?:\/\/[^/\s]+\/?$/.test(url)) {
    throw new UsageError(`--sandbox-url must be a URL such as http://127.0.0.1:4010, not ${url}`)
  }
  return { sandboxUrl: url.replace(/\/$/, '') }
}

function concurrency(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CONCURRENCY
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 256, not ${text}`)
  }
  return value
}

function rateScale(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!text.trim() || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--rate-scale must be a number above 0, not ${text}`)
  }
  return value
}

/** The command a command line asks for, or a UsageError saying what is wrong with it. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('. To specify')[0])
  }
  const { values, positionals } = parsed
  if (values.help) return { name: 'help' }
  const [name, ...operands] = positionals
  if (name === undefined) throw new UsageError('a command is needed: send, check or demo')
  if (name !== 'send' && name !== 'check' && name !== 'demo') {
    throw new UsageError(`unknown command ${name}: expected send, check or demo`)
  }
  const misplaced = (Object.keys(values) as OptionName[]).filter((option) => !ALLOWED[name].includes(option))
  if (misplaced.length > 0) throw new UsageError(`${name} does not take --${misplaced.join(', --')}`)
  const maxOperands = name === 'send' ? 1 : 0
  if (operands.length > maxOperands) throw new UsageError(`unexpected argument ${operands[maxOperands]}`)

  if (name === 'demo') return { name }
  if (name === 'check') return { name, target: target(values, env) }
  const { out: outFile, resume: resumeFile, subscriptions: subscriptionsFile } = values
  if (outFile !== undefined && resumeFile !== undefined && resolve(outFile) === resolve(resumeFile)) {
    throw new UsageError('--out must name another file than --resume, which is read while results are written')
  }
  return {
    name,
    input: operands[0] ?? '-',
    target: target(values, env),
    subscriptionsFile,
    outFile,
    resumeFile,
    concurrency: concurrency(values.concurrency),
    rateScale: rateScale(values['rate-scale'])
  }
}
