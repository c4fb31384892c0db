// How many requests run at once: the one bounded-parallel loop, for blob uploads and copies, and
// signing several targets side by side.

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
