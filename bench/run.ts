import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { measureDestinationCost } from './destination-cost'
import { startStubServer } from './stub-server'

/** `npm run bench`: measures, prints a short table per part, and writes bench/results.json. */
async function main(): Promise<void> {
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version }
  console.log(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}\n`)

  const stub = await startStubServer()
  const destinationCost = await measureDestinationCost(stub)
  await stub.close()
  console.log('1. Destination cost, µs per event (median of 7 rounds after 2 warm-ups)')
  console.table(destinationCost)

  const results = { measuredAt: new Date().toISOString(), machine, destinationCost }
  await writeFile(path.join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('wrote bench/results.json')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
