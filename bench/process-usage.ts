/**
 * Loaded with `node --require` into a process the bench measures: as the process exits, writes its peak
 * resident set size in bytes (the kernel's ru_maxrss) and the CPU seconds it used to the file named by
 * BENCH_USAGE_FILE, as JSON.
 */
import { writeFileSync } from 'node:fs'

export interface ProcessUsage {
  peakRssBytes: number
  cpuSeconds: number
}

const file = process.env.BENCH_USAGE_FILE
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
    const usage: ProcessUsage = { peakRssBytes: maxRSS * 1024, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6 }
    writeFileSync(file, JSON.stringify(usage))
  })
}
