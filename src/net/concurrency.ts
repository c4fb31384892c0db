// How many requests run at once: the bounded-parallel loop (blob uploads and copies, signing several
// targets side by side), the ordered read-ahead (evidence read ahead of its verification), and the
// limiter for work that turns up piece by piece (questions to a registry as a plan grows).

/** Runs `work` over `items` with at most `limit` at once; the first failure stops new work. */
export async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed: unknown
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (failed === undefined && next < items.length) {
      const item = items[next++]
      try {
        await work(item)
      } catch (error) {
        failed ??= error
      }
    }
  })
  await Promise.all(runners)
  if (failed !== undefined) throw failed
}

/**
 * Reads ahead of a consumer: `read` starts at once on up to `limit` items, and again as each answer
 * is taken, so at most `limit` are held whatever the list's length; the answers come back in the
 * items' order. Iterate it once.
 */
export function readAhead<T, R>(items: readonly T[], limit: number, read: (item: T) => Promise<R>): AsyncIterable<[T, R]> {
  const pending: Array<Promise<R>> = []
  let next = 0
  const fill = (): void => {
    while (next < items.length && pending.length < limit) {
      const reading = read(items[next++])
      // Awaited in turn; until then a failure must not count as unhandled.
      reading.catch(() => undefined)
      pending.push(reading)
    }
  }
  fill()
  return {
    async *[Symbol.asyncIterator]() {
      for (const item of items) {
        const answer = await pending.shift()!
        fill()
        yield [item, answer]
      }
    }
  }
}

/** A gate for work that turns up piece by piece: at most `limit` pieces run at once, the rest wait their turn in order. */
export function createLimiter(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0
  const queued: Array<() => void> = []
  const release = (): void => {
    const next = queued.shift()
    // The slot passes straight to the next piece waiting.
    if (next) next()
    else running--
  }
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < limit) running++
    else await new Promise<void>((resolve) => queued.push(resolve))
    try {
      return await work()
    } finally {
      release()
    }
  }
}
