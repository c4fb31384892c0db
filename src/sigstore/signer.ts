// Keyless signing through Fulcio and Rekor (sigstore-js), retried under the project's one retry
// policy (net/retry.ts, SIGSTORE_RETRY): Sigstore's public instance has answered 5xx for tens of
// minutes, so transient failures are retried until a time budget runs out; the final error names the service.
import { attest, sign, type Bundle } from 'sigstore'
import type { Logger } from '../net/logger.js'
import { silentLogger } from '../net/logger.js'
import { SIGSTORE_RETRY, withRetry, type RetryPolicy } from '../net/retry.js'

/** Signing or attesting failed (Fulcio, Rekor, TSA). */
export class SigningError extends Error {
  override name = 'SigningError'
}

export interface SignerOptions {
  fulcioUrl: string
  rekorUrl: string
  tsaUrl?: string
  identityToken: string
  /** How long and how often to retry a Sigstore service (default SIGSTORE_RETRY: four minutes). */
  retry?: RetryPolicy
  logger?: Logger
}

/** The one signer interface: what the sign and attest steps need of Sigstore. */
export interface Signer {
  /** A DSSE envelope over an in-toto statement, as a v0.3 bundle. */
  signDsse(payload: Buffer, payloadType: string): Promise<Bundle>
  /** A plain signature over the payload bytes (cosign's legacy format), with the certificate chain. */
  signMessage(payload: Buffer): Promise<Bundle>
}

const SERVICE_BY_CODE: Array<[RegExp, 'Fulcio' | 'Rekor' | 'TSA']> = [
  [/^CA_/, 'Fulcio'],
  [/^TLOG_/, 'Rekor'],
  [/^TSA_/, 'TSA']
]

interface Failure {
  service: 'Fulcio' | 'Rekor' | 'TSA' | 'Sigstore'
  status?: number
  code?: string
  message: string
  retryable: boolean
}

function describeFailure(error: unknown): Failure {
  const err = error as {
    code?: string
    message?: string
    cause?: { statusCode?: number; code?: string; errno?: string; message?: string; cause?: { code?: string } }
  }
  const service = SERVICE_BY_CODE.find(([pattern]) => pattern.test(err.code ?? ''))?.[1] ?? 'Sigstore'
  const status = err.cause?.statusCode
  const networkCode = err.cause?.code ?? err.cause?.cause?.code ?? err.cause?.errno
  const retryable =
    status !== undefined
      ? status === 429 || status === 408 || status >= 500
      : networkCode !== undefined || /ECONN|ETIMEDOUT|EAI_AGAIN|socket hang up|network/i.test(err.cause?.message ?? err.message ?? '')
  return { service, status, code: networkCode, message: err.message ?? String(error), retryable }
}

export function createSigner(options: SignerOptions): Signer {
  const logger = options.logger ?? silentLogger
  const policy = options.retry ?? SIGSTORE_RETRY
  const urls = {
    Fulcio: options.fulcioUrl,
    Rekor: options.rekorUrl,
    TSA: options.tsaUrl ?? '',
    Sigstore: `${options.fulcioUrl}, ${options.rekorUrl}`
  }
  const base = {
    fulcioURL: options.fulcioUrl,
    rekorURL: options.rekorUrl,
    tsaServerURL: options.tsaUrl,
    identityToken: options.identityToken,
    // Our loop below retries; sigstore-js's own retries would hide the budget.
    retry: { retries: 0 },
    timeout: 30_000
  }

  function withRetries(what: string, attempt: () => Promise<Bundle>): Promise<Bundle> {
    return withRetry(attempt, {
      policy,
      classify: (error) => ({ transient: describeFailure(error).retryable }),
      onRetry: (error, delay) => {
        const failure = describeFailure(error)
        logger.warning(
          `${what}: ${failure.service} ${failure.status ?? failure.code ?? 'failed'}; retrying in ${Math.round(delay / 1000)}s`
        )
      },
      giveUp: (error, attempts, elapsed) => {
        const failure = describeFailure(error)
        const said =
          failure.status !== undefined
            ? `answered HTTP ${failure.status}`
            : failure.code
              ? `could not be reached (${failure.code})`
              : 'failed'
        return new SigningError(
          `${what}: ${failure.service} at ${urls[failure.service]} ${said}${attempts > 1 ? ` after ${attempts} attempts over ${Math.round(elapsed / 1000)}s` : ''}: ${failure.message}` +
            (failure.retryable
              ? '. Sigstore may be having an outage; re-run the job (the pushed digest stays untagged until signing succeeds)'
              : ''),
          { cause: error }
        )
      }
    })
  }

  return {
    signDsse: (payload, payloadType) => withRetries('signing the statement', () => attest(payload, payloadType, base)),
    // The legacy layout carries the certificate chain, which the v0.2 bundle keeps.
    signMessage: (payload) => withRetries('signing the payload', () => sign(payload, { ...base, legacyCompatibility: true }))
  }
}
