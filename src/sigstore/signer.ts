// Keyless signing through Fulcio, Rekor and a timestamp authority (@sigstore/sign). One ephemeral key
// and one Fulcio certificate serve the whole run (renewed when it nears its end), as cosign does when
// it signs many images: a release of an index and four platforms asks Fulcio once, not 19 times.
// Every request is retried under the project's one retry
// policy (net/retry.ts, SIGSTORE_RETRY): Sigstore's public instance has answered 5xx for tens of
// minutes, so transient failures are retried until a time budget runs out; the final error names the service.
import { generateKeyPairSync, sign as signBytes, X509Certificate, type KeyObject } from 'node:crypto'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type Signature,
  type Signer as SigstoreSigner,
  type Witness
} from '@sigstore/sign'
import { bundleToJSON, type SerializedBundle as Bundle } from '@sigstore/bundle'
import type { Logger } from '../net/logger.js'
import { silentLogger } from '../net/logger.js'
import { SIGSTORE_RETRY, withRetry, type RetryPolicy } from '../net/retry.js'

/** Signing or attesting failed (Fulcio, Rekor, TSA). */
export class SigningError extends Error {
  override name = 'SigningError'
}

export interface SignerOptions {
  fulcioUrl: string
  /** Rekor; none on GitHub's instance, where the timestamp authority alone proves the time. */
  rekorUrl?: string
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
  /** How many Fulcio certificates this signer asked for (one a run, unless the run outlived one). */
  readonly certificatesRequested?: number
  /** Asks Fulcio for the run's certificate now, while other work goes on; a failure shows at first use. */
  prefetchCertificate?(): void
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

/** Fulcio certificates live ten minutes; one this close to its end is renewed before use. */
const CERTIFICATE_RENEWAL_MS = 60_000

export function createSigner(options: SignerOptions): Signer {
  const logger = options.logger ?? silentLogger
  const policy = options.retry ?? SIGSTORE_RETRY
  const urls = {
    Fulcio: options.fulcioUrl,
    Rekor: options.rekorUrl ?? '',
    TSA: options.tsaUrl ?? '',
    Sigstore: [options.fulcioUrl, options.rekorUrl, options.tsaUrl].filter(Boolean).join(', ')
  }
  // sigstore-js's own retries would hide our budget: each service is asked once per attempt.
  const transport = { retry: { retries: 0 }, timeout: 30_000 }

  function withRetries<T>(what: string, attempt: () => Promise<T>): Promise<T> {
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

  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const publicKeyPem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString()
  const ephemeralKey: SigstoreSigner = {
    sign: async (data) => ({ signature: signWith(keys.privateKey, data), key: { $case: 'publicKey', publicKey: publicKeyPem } })
  }
  const fulcio = new FulcioSigner({
    fulcioBaseURL: options.fulcioUrl,
    identityProvider: { getToken: async () => options.identityToken },
    keyHolder: ephemeralKey,
    ...transport
  })

  let certificate: Promise<{ key: Signature['key']; notAfter: number }> | undefined
  let certificatesRequested = 0
  const requestCertificate = async (): Promise<{ key: Signature['key']; notAfter: number }> => {
    certificatesRequested++
    // Fulcio's proof of possession is a signature over the token's subject, made by FulcioSigner.
    const { key } = await fulcio.sign(Buffer.alloc(0))
    const pem = key.$case === 'x509Certificate' ? key.certificate : ''
    return { key, notAfter: new Date(new X509Certificate(pem).validTo).getTime() }
  }
  const currentCertificate = async (): Promise<Signature['key']> => {
    const held = certificate && (await certificate.catch(() => undefined))
    if (!held || held.notAfter - Date.now() < CERTIFICATE_RENEWAL_MS) {
      certificate = withRetries('requesting the signing certificate', requestCertificate)
    }
    return (await certificate!).key
  }
  const runSigner: SigstoreSigner = {
    sign: async (data) => {
      const key = await currentCertificate()
      return { signature: signWith(keys.privateKey, data), key }
    }
  }

  const witnesses: Witness[] = []
  if (options.rekorUrl) witnesses.push(new RekorWitness({ rekorBaseURL: options.rekorUrl, ...transport }))
  if (options.tsaUrl) witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaUrl, ...transport }))
  const dsse = new DSSEBundleBuilder({ signer: runSigner, witnesses })
  const message = new MessageSignatureBundleBuilder({ signer: runSigner, witnesses })

  return {
    signDsse: (payload, payloadType) =>
      withRetries('signing the statement', async () => bundleToJSON(await dsse.create({ data: payload, type: payloadType }))),
    signMessage: (payload) => withRetries('signing the payload', async () => bundleToJSON(await message.create({ data: payload }))),
    get certificatesRequested() {
      return certificatesRequested
    },
    // One attempt, no retries: a run that fails meanwhile must not wait on a retry loop to exit.
    prefetchCertificate: () => {
      certificate ??= requestCertificate()
      certificate.catch(() => undefined)
    }
  }
}

/** ECDSA P-256 over SHA-256, DER-encoded, as Fulcio's ephemeral keys sign. */
function signWith(privateKey: KeyObject, data: Buffer): Buffer {
  return signBytes('sha256', data, privateKey)
}
