import { createReadStream } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { DEFAULT_BATCH_SIZE, ENDPOINTS, MAX_REQUEST_BODY_BYTES } from '../src/iterable/endpoints'
import type { ResultLine } from '../src/runner/results'
import { runCommand, startSandboxProcess, type CommandRun } from './processes'
import { startRecordingProxy, type RecordedTraffic } from './recording-proxy'
import { round } from './stats'

/**
 * Part 3: `iterable-actions send FILE --sandbox-url ... --rate-scale S` as a child process, into the
 * sandbox in a process of its own started with the same `--rate-scale S`, through a recording proxy.
 * Per endpoint: the events delivered per second, from its first request to its last plus the one
 * interval the last takes up, against its ceiling: the documented requests per second × S × the most
 * events one request can carry (1,001 in a bulk call, unless 4 MB holds fewer; 1 otherwise).
 */

export interface EndpointThroughput {
  endpoint: string
  requests: number
  /** Requests the sandbox answered 429 (over the rate limit). */
  throttled: number
  events: number
  eventsPerRequest: number
  eventsPerSecond: number
  /** Absent for endpoints Iterable publishes no rate limit for. */
  ceiling?: number
  ratio?: number
  /**
   * For a bulk endpoint: the ratio it could reach with this input if the bulk endpoint with the most
   * work ran at its ceiling; it cannot go faster, since each user's events go in input order.
   */
  attainable?: number
}

export interface EndToEndRun {
  name: string
  events: number
  rateScale: number
  seconds: number
  commandCpuSeconds: number
  peakRssMB: number
  /** Events by status, from the results file. */
  outcomes: Record<string, number>
  /** Events that failed with a 429 from the sandbox as (part of) the reason. */
  failedFor429: number
  endpoints: EndpointThroughput[]
}

const BULK_PATHS: string[] = [ENDPOINTS.trackEventsBulk.path, ENDPOINTS.updateUsersBulk.path]

function documentedLimit(endpoint: string): number | undefined {
  const [method, pathname] = endpoint.split(' ')
  const documented = Object.values(ENDPOINTS).find(
    (candidate) => candidate.method === method && candidate.path === pathname
  )
  return documented && 'requestsPerSecond' in documented ? documented.requestsPerSecond : undefined
}

function throughputOf(traffic: RecordedTraffic, rateScale: number): EndpointThroughput {
  const { endpoint, requests, deliveredItems: events, bytes } = traffic
  const limit = documentedLimit(endpoint)
  const bulk = BULK_PATHS.includes(endpoint.split(' ')[1])
  const mostPerRequest = bulk ? Math.min(DEFAULT_BATCH_SIZE, Math.floor(MAX_REQUEST_BODY_BYTES / (bytes / events))) : 1
  const lastTurnMs = limit === undefined ? 0 : 1000 / (limit * rateScale)
  const eventsPerSecond = events / ((traffic.lastRequestAt - traffic.firstRequestAt + lastTurnMs) / 1000)
  const ceiling = limit === undefined ? undefined : limit * rateScale * mostPerRequest
  return {
    endpoint,
    requests,
    throttled: traffic.statuses[429] ?? 0,
    events,
    eventsPerRequest: round(events / requests, 1),
    eventsPerSecond: round(eventsPerSecond, 0),
    ...(ceiling !== undefined && { ceiling: round(ceiling, 0), ratio: round(eventsPerSecond / ceiling, 3) })
  }
}

function withAttainable(endpoints: EndpointThroughput[]): EndpointThroughput[] {
  const secondsAtCeiling = (endpoint: EndpointThroughput) => endpoint.events / endpoint.ceiling!
  const bulk = endpoints.filter((endpoint) => BULK_PATHS.includes(endpoint.endpoint.split(' ')[1]) && endpoint.ceiling)
  const busiest = Math.max(...bulk.map(secondsAtCeiling))
  return endpoints.map((endpoint) =>
    bulk.includes(endpoint) ? { ...endpoint, attainable: round(secondsAtCeiling(endpoint) / busiest, 3) } : endpoint
  )
}

async function tallyResults(file: string): Promise<{ outcomes: Record<string, number>; failedFor429: number }> {
  const outcomes: Record<string, number> = {}
  let failedFor429 = 0
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const result = JSON.parse(line) as ResultLine
    outcomes[result.status] = (outcomes[result.status] ?? 0) + 1
    if (result.status === 'failed' && /\b429\b|RateLimitExceeded/.test(result.reason ?? '')) failedFor429++
  }
  return { outcomes, failedFor429 }
}

export async function measureEndToEnd(
  name: string,
  file: string,
  events: number,
  rateScale: number,
  scratch: string
): Promise<EndToEndRun> {
  const sandbox = await startSandboxProcess(rateScale)
  const proxy = await startRecordingProxy(sandbox.url)
  let run: CommandRun
  const results = path.join(scratch, `${name}-results.ndjson`)
  try {
    const scale = String(rateScale)
    run = await runCommand(['send', file, '--sandbox-url', proxy.url, '--rate-scale', scale, '--out', results], scratch)
  } finally {
    await proxy.close()
    await sandbox.stop()
  }
  // 1 means some events failed, which the results show; anything else means the run itself went wrong.
  if (run.exitCode > 1) throw new Error(`send exited with ${run.exitCode}: ${run.stderr}`)
  return {
    name,
    events,
    rateScale,
    seconds: round(run.seconds, 1),
    commandCpuSeconds: round(run.cpuSeconds, 1),
    peakRssMB: round(run.peakRssBytes / 2 ** 20, 0),
    ...(await tallyResults(results)),
    endpoints: withAttainable(proxy.traffic().map((traffic) => throughputOf(traffic, rateScale)))
  }
}
