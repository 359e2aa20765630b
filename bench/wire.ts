import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Writable } from 'node:stream'
import definition from '../src'
import { runCli } from '../src/runner/command'
import { presetSubscriptions } from '../src/runner/subscriptions'
import { writeEvents } from './events-file'
import { mixedEvent } from './events'
import { round } from './stats'
import type { StubServer } from './stub-server'
import type { EndpointTraffic } from './traffic'

/**
 * Part 2: what the realistic mix costs on the wire, through the command (`send`, in this process)
 * against the counting stub: HTTP requests and request bytes (request line, headers and body) per
 * event, with batching off (the presets, `enable_batching: false` where they have it) and on (the presets).
 */

export const WIRE_EVENTS = 10_000

export interface WireRow {
  mode: 'single' | 'batch'
  requests: number
  bytes: number
  requestsPerEvent: number
  bytesPerEvent: number
  endpoints: EndpointTraffic[]
}

const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() })

/** Pacing is not the question here: requests go as fast as the command makes them. */
const UNPACED = '1000'

export async function measureWire(stub: StubServer, scratch: string, users: number): Promise<WireRow[]> {
  const events = path.join(scratch, 'wire.ndjson')
  await writeEvents(events, WIRE_EVENTS, (n) => mixedEvent(n, users))
  const singles = path.join(scratch, 'single-subscriptions.json')
  const unbatched = presetSubscriptions(definition).map(({ mapping, ...subscription }) => ({
    ...subscription,
    mapping: mapping && 'enable_batching' in mapping ? { ...mapping, enable_batching: false } : mapping
  }))
  await writeFile(singles, JSON.stringify(unbatched))

  const rows: WireRow[] = []
  for (const mode of ['single', 'batch'] as const) {
    stub.clearTraffic()
    const argv = ['send', events, '--sandbox-url', stub.url, '--rate-scale', UNPACED]
    if (mode === 'single') argv.push('--subscriptions', singles)
    const io = { stdin: Readable.from([]), stdout: silent(), stderr: silent() }
    const exitCode = await runCli(argv, io, {})
    if (exitCode !== 0) throw new Error(`send in ${mode} mode exited with ${exitCode}`)
    const endpoints = stub.traffic().sort((a, b) => a.endpoint.localeCompare(b.endpoint))
    const requests = endpoints.reduce((sum, endpoint) => sum + endpoint.requests, 0)
    const bytes = endpoints.reduce((sum, endpoint) => sum + endpoint.bytes, 0)
    rows.push({
      mode,
      requests,
      bytes,
      requestsPerEvent: round(requests / WIRE_EVENTS, 4),
      bytesPerEvent: round(bytes / WIRE_EVENTS, 1),
      endpoints
    })
  }
  return rows
}
