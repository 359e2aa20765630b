/** Small statistics for benchmark rounds. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits))
}

/** Median duration in µs per item of `rounds` runs of `run` (each over `items` items), after `warmUps` unmeasured runs. */
export async function microsecondsPerItem(
  run: () => Promise<unknown>,
  items: number,
  { rounds = 7, warmUps = 2 } = {}
): Promise<number> {
  for (let warmUp = 0; warmUp < warmUps; warmUp++) await run()
  const samples: number[] = []
  for (let sample = 0; sample < rounds; sample++) {
    const started = process.hrtime.bigint()
    await run()
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / items)
  }
  return median(samples)
}
