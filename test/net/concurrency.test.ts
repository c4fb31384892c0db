// The bounded-parallel helpers: forEachLimit stops new work at the first failure; readAhead keeps
// at most `limit` reads in flight and answers in the items' order, whatever finishes first; a
// limiter lets pieces of work that turn up one by one run at most `limit` at once, in turn.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLimiter, forEachLimit, readAhead } from '../../src/net/concurrency.js'

test('readAhead starts reading at once, answers in order, with at most `limit` reads under way', async () => {
  let inFlight = 0
  let most = 0
  const started: number[] = []
  const read = async (n: number): Promise<number> => {
    started.push(n)
    inFlight++
    most = Math.max(most, inFlight)
    // Later items finish first: the order of the answers must not follow the clock.
    await sleep(5 * (10 - n))
    inFlight--
    return n * n
  }
  const answers: Array<[number, number]> = []
  const ahead = readAhead([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, read)
  assert.deepEqual(started, [0, 1, 2], 'three reads start at once, before anything is taken')
  for await (const pair of ahead) {
    if (answers.length === 0) assert.deepEqual(started, [0, 1, 2, 3], 'taking the first answer starts the fourth read')
    answers.push(pair)
  }
  assert.deepEqual(
    answers,
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, n * n])
  )
  assert.equal(most, 3)
})

test('readAhead throws a failed read at its turn, and a later failure is not left unhandled', async () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  try {
    const seen: number[] = []
    await assert.rejects(async () => {
      for await (const [n] of readAhead([1, 2, 3], 3, async (n) => {
        if (n >= 2) throw new Error(`read ${n} failed`)
        return n
      }))
        seen.push(n)
    }, /read 2 failed/)
    assert.deepEqual(seen, [1])
    await sleep(20)
    assert.deepEqual(unhandled, [])
  } finally {
    process.off('unhandledRejection', onUnhandled)
  }
})

test('forEachLimit runs at most `limit` at once and starts nothing after the first failure', async () => {
  let inFlight = 0
  let most = 0
  const ran: number[] = []
  await assert.rejects(
    forEachLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++
      most = Math.max(most, inFlight)
      ran.push(n)
      await sleep(5)
      inFlight--
      if (n === 2) throw new Error('two failed')
    }),
    /two failed/
  )
  assert.equal(most, 2)
  assert.ok(!ran.includes(5) && !ran.includes(6), `ran ${ran.join(', ')}`)
})

test('a limiter runs at most `limit` pieces at once, starts the waiting ones in turn, and a failure frees its slot', async () => {
  const limit = createLimiter(2)
  let inFlight = 0
  let most = 0
  const started: number[] = []
  const piece = (n: number) => async (): Promise<number> => {
    started.push(n)
    inFlight++
    most = Math.max(most, inFlight)
    await sleep(5)
    inFlight--
    if (n === 1) throw new Error('one failed')
    return n
  }
  const answers = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limit(piece(n))))
  assert.equal(most, 2)
  assert.deepEqual(started, [1, 2, 3, 4, 5])
  assert.deepEqual(
    answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message)),
    ['one failed', 2, 3, 4, 5]
  )
})
