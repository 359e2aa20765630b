/** Runs at most `limit` tasks at once; the others start in the order they asked, as slots free up. */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []
  return async (task) => {
    if (active < limit) active++
    // A finishing task hands its slot straight to the next waiter, so `active` stays as it is.
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}
