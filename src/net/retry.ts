// The one retry policy (go-containerregistry's retry transport and create-pull-request's
// git-push-retry both keep it in one place): every caller that retries (registry requests, the
// token endpoint, blob uploads, the referrers index, Sigstore, the GitHub API, git push) goes
// through `withRetry`, and `backoffDelay` is the only formula. Callers differ only in their policy
// (how many attempts, how long in all) and in what counts as transient.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** No retry is started when it would begin later than this after the first attempt. */
  budgetMs: number
  baseDelayMs: number
  maxDelayMs: number
}

/** Registry requests and the registry's token endpoint. */
export const REGISTRY_RETRY: RetryPolicy = { attempts: 6, budgetMs: 45_000, baseDelayMs: 250, maxDelayMs: 8_000 }
/** Blob uploads: a large blob may take minutes, so the budget is longer. */
export const UPLOAD_RETRY: RetryPolicy = { attempts: 6, budgetMs: 10 * 60_000, baseDelayMs: 250, maxDelayMs: 8_000 }
/** Sigstore's public instance has answered 5xx for tens of minutes: a long budget, few attempts a minute. */
export const SIGSTORE_RETRY: RetryPolicy = { attempts: 100, budgetMs: 4 * 60_000, baseDelayMs: 500, maxDelayMs: 30_000 }
/** The GitHub REST and GraphQL APIs (secondary rate limits answer 403/429 with Retry-After). */
export const GITHUB_API_RETRY: RetryPolicy = { attempts: 4, budgetMs: 60_000, baseDelayMs: 500, maxDelayMs: 10_000 }
/** Re-applying a deploy edit after another push won the race for the branch. */
export const GIT_PUSH_RETRY: RetryPolicy = { attempts: 6, budgetMs: 5 * 60_000, baseDelayMs: 250, maxDelayMs: 8_000 }
/** Re-reading the referrers tag-schema index until concurrent writers stop replacing our entry. */
export const REFERRERS_MERGE_RETRY: RetryPolicy = { attempts: 10, budgetMs: 60_000, baseDelayMs: 200, maxDelayMs: 400 }

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
  'EHOSTUNREACH',
  'ENETUNREACH'
])

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505)
}

export function isRetryableNetworkError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code
  return code !== undefined && RETRYABLE_CODES.has(code)
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with half jitter (the delay is between half and all of the ceiling), or the server's Retry-After. */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs * 4)
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return ceiling / 2 + Math.random() * (ceiling / 2)
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** What a caller says of one failure. */
export interface Transience {
  transient: boolean
  /** The server's Retry-After, when it gave one. */
  retryAfterMs?: number
}

export interface RetryOptions {
  policy: RetryPolicy
  /** Whether a failure is worth another attempt. */
  classify(error: unknown): Transience
  /** Told before each wait, for the log. */
  onRetry?(error: unknown, delayMs: number, attempt: number): void
  /** Turns the last failure into the error thrown; told how many attempts were made over how long. */
  giveUp?(error: unknown, attempts: number, elapsedMs: number): unknown
}

/** Runs `work` until it succeeds, a failure is not transient, or the policy's attempts or time run out. */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      return await work(attempt)
    } catch (error) {
      const { transient, retryAfterMs } = options.classify(error)
      const delay = backoffDelay(options.policy, attempt, retryAfterMs)
      const elapsed = Date.now() - started
      if (!transient || attempt + 1 >= options.policy.attempts || elapsed + delay > options.policy.budgetMs) {
        throw options.giveUp ? options.giveUp(error, attempt + 1, elapsed) : error
      }
      options.onRetry?.(error, delay, attempt)
      await sleep(delay)
    }
  }
}

/** Failures of one HTTP exchange: a retryable status (honouring Retry-After) or a dropped connection. */
export function httpTransience(status: number | undefined, retryAfter: string | undefined, networkError?: unknown): Transience {
  if (status !== undefined) return { transient: isRetryableStatus(status), retryAfterMs: parseRetryAfter(retryAfter) }
  return { transient: isRetryableNetworkError(networkError) }
}
