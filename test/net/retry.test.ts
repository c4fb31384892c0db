// The one retry policy: the backoff formula, Retry-After, and withRetry's attempt and time bounds.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { backoffDelay, httpTransience, parseRetryAfter, withRetry, type RetryPolicy } from '../../src/net/retry.js'

const FAST: RetryPolicy = { attempts: 5, budgetMs: 10_000, baseDelayMs: 1, maxDelayMs: 4 }

test('backoff doubles up to the ceiling, with the delay between half and all of it', () => {
  const policy: RetryPolicy = { attempts: 10, budgetMs: 60_000, baseDelayMs: 100, maxDelayMs: 1_000 }
  for (const [attempt, ceiling] of [
    [0, 100],
    [1, 200],
    [3, 800],
    [4, 1_000],
    [9, 1_000]
  ]) {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(policy, attempt)
      assert.ok(delay >= ceiling / 2 && delay <= ceiling, `attempt ${attempt}: ${delay} not in [${ceiling / 2}, ${ceiling}]`)
    }
  }
})

test('a server-given Retry-After is honoured, but never beyond four times the longest backoff', () => {
  const policy: RetryPolicy = { attempts: 10, budgetMs: 60_000, baseDelayMs: 100, maxDelayMs: 1_000 }
  assert.equal(backoffDelay(policy, 0, 2_500), 2_500)
  assert.equal(backoffDelay(policy, 0, 60_000), 4_000)
  assert.equal(parseRetryAfter('3'), 3_000)
  assert.ok((parseRetryAfter(new Date(Date.now() + 10_000).toUTCString()) ?? 0) > 8_000)
  assert.equal(parseRetryAfter('soon'), undefined)
  assert.equal(parseRetryAfter(undefined), undefined)
})

test('transient failures are retried until the work succeeds', async () => {
  const seen: number[] = []
  const value = await withRetry(
    async (attempt) => {
      seen.push(attempt)
      if (attempt < 2) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' })
      return 'done'
    },
    { policy: FAST, classify: (error) => httpTransience(undefined, undefined, error) }
  )
  assert.equal(value, 'done')
  assert.deepEqual(seen, [0, 1, 2])
})

test('a failure that is not transient is thrown at once', async () => {
  let calls = 0
  await assert.rejects(
    withRetry(
      async () => {
        calls++
        throw new Error('404')
      },
      { policy: FAST, classify: () => httpTransience(404, undefined) }
    ),
    /404/
  )
  assert.equal(calls, 1)
})

test('the attempts bound the retries, and giveUp is told how many were made', async () => {
  let calls = 0
  await assert.rejects(
    withRetry(
      async () => {
        calls++
        throw new Error('503')
      },
      {
        policy: FAST,
        classify: () => httpTransience(503, undefined),
        giveUp: (error, attempts) => new Error(`${(error as Error).message} after ${attempts}`)
      }
    ),
    /503 after 5/
  )
  assert.equal(calls, 5)
})

test('no retry starts past the time budget', async () => {
  const policy: RetryPolicy = { attempts: 1_000, budgetMs: 300, baseDelayMs: 50, maxDelayMs: 100 }
  const started = Date.now()
  let calls = 0
  await assert.rejects(
    withRetry(
      async () => {
        calls++
        throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })
      },
      { policy, classify: (error) => httpTransience(undefined, undefined, error) }
    ),
    /refused/
  )
  assert.ok(Date.now() - started < 600, 'stopped near the budget')
  assert.ok(calls > 1 && calls < 20, `${calls} attempts`)
})

test('statuses: 429, 408 and 5xx are transient, except 501 and 505; 4xx are not', () => {
  for (const status of [429, 408, 500, 502, 503, 504]) assert.equal(httpTransience(status, undefined).transient, true, String(status))
  for (const status of [400, 401, 403, 404, 501, 505]) assert.equal(httpTransience(status, undefined).transient, false, String(status))
  assert.equal(httpTransience(429, '7').retryAfterMs, 7_000)
  assert.equal(httpTransience(undefined, undefined, Object.assign(new Error('x'), { code: 'ENOTFOUND' })).transient, false)
})
