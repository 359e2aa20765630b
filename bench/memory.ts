import { rm } from 'node:fs/promises'
import path from 'node:path'
import { writeEvents } from './events-file'
import { batchedEvent } from './events'
import { runCommand, startSandboxProcess } from './processes'
import { round } from './stats'

/**
 * Part 4: the peak resident set size of `iterable-actions send FILE --out RESULTS` as a child process,
 * streaming files of 100,000 and 1,000,000 events into the sandbox, which runs in a process of its own
 * (it keeps every event it receives, and that memory is not the command's). The events are the mix
 * without its cart updates and orders: each of those is a call of its own that costs about half a
 * millisecond of CPU, which would stretch the million-event run to minutes without changing what the
 * command holds. Rate limits are scaled far up, so the command runs as fast as its CPU allows.
 */

export const MEMORY_EVENT_COUNTS = [100_000, 1_000_000]

const RATE_SCALE = 100

export interface MemoryRun {
  events: number
  seconds: number
  eventsPerSecond: number
  commandCpuSeconds: number
  peakRssMB: number
}

export async function measureMemory(scratch: string, users: number): Promise<MemoryRun[]> {
  const runs: MemoryRun[] = []
  for (const events of MEMORY_EVENT_COUNTS) {
    const file = path.join(scratch, `memory-${events}.ndjson`)
    const results = path.join(scratch, `memory-${events}-results.ndjson`)
    await writeEvents(file, events, (n) => batchedEvent(n, users))
    const sandbox = await startSandboxProcess(RATE_SCALE)
    const scale = String(RATE_SCALE)
    const run = await runCommand(
      ['send', file, '--sandbox-url', sandbox.url, '--rate-scale', scale, '--out', results],
      scratch
    ).finally(() => sandbox.stop())
    // Exit code 0: every event was delivered (none of these matches no subscription).
    if (run.exitCode !== 0) throw new Error(`send of ${events} events exited with ${run.exitCode}: ${run.stderr}`)
    await rm(file)
    await rm(results)
    runs.push({
      events,
      seconds: round(run.seconds, 1),
      eventsPerSecond: round(events / run.seconds, 0),
      commandCpuSeconds: round(run.cpuSeconds, 1),
      peakRssMB: round(run.peakRssBytes / 2 ** 20, 0)
    })
  }
  return runs
}
