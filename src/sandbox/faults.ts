/**
 * Injected failures, so a client's retries and error handling can be tested against a server that
 * misbehaves the way real ones do. Random faults draw from a seeded generator: the same seed and the same
 * requests give the same faults.
 */
import { reply, type Reply } from './replies'

export interface FaultOptions {
  /** Share of API requests (0 to 1) answered with `serverErrorStatus` before they are processed. */
  serverErrorRate?: number
  /** The 5xx status of those replies; 500 unless set. */
  serverErrorStatus?: number
  /** The next `count` API requests are answered 429 RateLimitExceeded, with Retry-After when `retryAfterSeconds` is set. */
  rateLimitBurst?: { count: number; retryAfterSeconds?: number }
  /** Milliseconds added before every API reply. */
  latencyMs?: number
  /** Share of API requests that are processed, then have their connection destroyed halfway through the reply. */
  dropConnectionRate?: number
  /** Share of API requests that are processed, then answered with truncated JSON. */
  malformedJsonRate?: number
  /** Seed of the random draws behind the rates. */
  seed?: number
}

/** What happens to the reply of a request that was processed. */
export type Spoilage = 'drop' | 'malform'

const RATES = ['serverErrorRate', 'dropConnectionRate', 'malformedJsonRate'] as const
const KNOWN = new Set<string>([...RATES, 'serverErrorStatus', 'rateLimitBurst', 'latencyMs', 'seed'])

const isWhole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max

/** Every way `value` is not a FaultOptions, as messages naming the option. */
export function faultOptionProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['faults must be an object']
  const options = value as Record<string, unknown>
  const problems = Object.keys(options)
    .filter((key) => !KNOWN.has(key))
    .map((key) => `${key} is not a fault option`)
  for (const rate of RATES) {
    const share = options[rate]
    if (share !== undefined && !(typeof share === 'number' && share >= 0 && share <= 1)) {
      problems.push(`${rate} must be a number from 0 to 1`)
    }
  }
  if (options.serverErrorStatus !== undefined && !isWhole(options.serverErrorStatus, 500, 599)) {
    problems.push('serverErrorStatus must be a 5xx status')
  }
  if (options.latencyMs !== undefined && !isWhole(options.latencyMs, 0)) {
    problems.push('latencyMs must be a whole number of milliseconds')
  }
  if (options.seed !== undefined && !isWhole(options.seed, 0, 2 ** 32 - 1)) {
    problems.push('seed must be a whole number from 0 to 2^32 - 1')
  }
  const burst = options.rateLimitBurst as Record<string, unknown> | undefined
  if (burst !== undefined) {
    if (typeof burst !== 'object' || burst === null || !isWhole(burst.count, 0)) {
      problems.push('rateLimitBurst.count must be a whole number')
    } else if (burst.retryAfterSeconds !== undefined && !isWhole(burst.retryAfterSeconds, 0)) {
      problems.push('rateLimitBurst.retryAfterSeconds must be a whole number of seconds')
    }
  }
  return problems
}

/** mulberry32: a small, fast generator of numbers in [0, 1), fully determined by its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Faults {
  private options: FaultOptions = {}
  private random = seededRandom(Math.floor(Math.random() * 2 ** 32))
  /** How many requests each kind of fault has hit, so that a test can tell its faults really happened. */
  readonly injected: Record<'serverError' | 'rateLimited' | 'dropped' | 'malformed', number> = {
    serverError: 0,
    rateLimited: 0,
    dropped: 0,
    malformed: 0
  }

  constructor(options: FaultOptions = {}) {
    this.set(options)
  }

  /** The faults in force (a burst's `count` is what is left of it). */
  get current(): Readonly<FaultOptions> {
    return structuredClone(this.options)
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0
  }

  /** Changes the faults named, leaving the others; a `seed` restarts the random draws from it. */
  set(changes: FaultOptions): void {
    const problems = faultOptionProblems(changes)
    if (problems.length > 0) throw new RangeError(problems.join('; '))
    this.options = { ...this.options, ...structuredClone(changes) }
    if (changes.seed !== undefined) this.random = seededRandom(changes.seed)
  }

  /** No more faults. */
  clear(): void {
    this.options = {}
  }

  /** A reply that takes the place of processing the request: a forced 429 burst first, then a random 5xx. */
  preempt(): Reply | undefined {
    const burst = this.options.rateLimitBurst
    if (burst && burst.count > 0) {
      burst.count -= 1
      this.injected.rateLimited++
      const limited = reply(429, 'RateLimitExceeded', 'Rate limit exceeded (sandbox fault)')
      if (burst.retryAfterSeconds !== undefined) limited.headers = { 'retry-after': String(burst.retryAfterSeconds) }
      return limited
    }
    if (this.chance(this.options.serverErrorRate)) {
      this.injected.serverError++
      return reply(this.options.serverErrorStatus ?? 500, 'GenericError', 'Internal server error (sandbox fault)')
    }
    return undefined
  }

  /** Whether the reply to a processed request is cut off or corrupted. */
  spoil(): Spoilage | undefined {
    if (this.chance(this.options.dropConnectionRate)) {
      this.injected.dropped++
      return 'drop'
    }
    if (this.chance(this.options.malformedJsonRate)) {
      this.injected.malformed++
      return 'malform'
    }
    return undefined
  }

  /** Draws only for rates that are set, so unrelated faults do not shift the sequence. */
  private chance(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate
  }
}
