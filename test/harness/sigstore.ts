// A local Sigstore instance for tests: Fulcio and Rekor from @sigstore/mock's handlers served over
// real HTTP on loopback, and a trusted root (protobuf-specs TrustedRoot JSON) made from the same keys.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FULCIO_SAN_CLAIM } from './oidc.js'
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock'

export interface SigstoreInstance {
  fulcioUrl: string
  rekorUrl: string
  /** An RFC 3161 timestamp authority. */
  tsaUrl: string
  /** TrustedRoot JSON (sigstore protobuf-specs), as `@sigstore/verify` reads it. */
  trustedRoot: Record<string, unknown>
  trustedRootPath: string
  /** Requests seen, `<service> <status>`. */
  log: string[]
  /** Makes the next `count` requests to a service answer `status` (503 for an outage). */
  fail(service: 'fulcio' | 'rekor' | 'tsa', status: number, count: number): void
  close(): Promise<void>
}

const ecKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' })
const spki = (key: { export(o: { format: 'der'; type: 'spki' }): Buffer }): string =>
  key.export({ format: 'der', type: 'spki' }).toString('base64')

/**
 * Real Rekor does not store a dsse proposal as sent: it stores a canonical body with the envelope
 * and payload hashes and each signature with its verifier. The mock logs what it is given, so the
 * body is built here first, or verification of the entry fails.
 */
export function canonicalDsseEntry(proposal: {
  kind?: string
  apiVersion?: string
  spec?: { proposedContent?: { envelope: string; verifiers: string[] } }
}): unknown {
  const content = proposal.spec?.proposedContent
  if (proposal.kind !== 'dsse' || !content) return proposal
  const envelope = JSON.parse(content.envelope) as { payload: string; signatures: Array<{ sig: string }> }
  return {
    apiVersion: proposal.apiVersion ?? '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(content.envelope).digest('hex') },
      payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(Buffer.from(envelope.payload, 'base64')).digest('hex') },
      signatures: envelope.signatures.map((s, i) => ({ signature: s.sig, verifier: content.verifiers[i] ?? content.verifiers[0] }))
    }
  }
}

/** `latencyMs`: every answer waits this long, as a Sigstore instance across the internet would (for benchmarks). */
export async function startSigstore(options: { subjectClaim?: string; latencyMs?: number } = {}): Promise<SigstoreInstance> {
  const ctKeys = ecKeyPair()
  const caKeys = ecKeyPair()
  const tlogKeys = ecKeyPair()
  const tsa = await initializeTSA(ecKeyPair())
  // asn1js writes a GeneralizedTime's milliseconds without trailing zeros (…12.34Z), which
  // @sigstore/core refuses ("invalid time") when the milliseconds end in 0: one run in ten failed.
  // Whole seconds encode as …12Z, which every parser reads.
  ;(tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000)
  const ctLog = await initializeCTLog(ctKeys)
  const ca = await initializeCA(caKeys, ctLog)
  const log: string[] = []
  const failures: Record<string, { status: number; count: number }> = {}

  let baseUrl = ''
  const handlers: {
    fulcio?: ReturnType<typeof fulcioHandler>
    rekor?: ReturnType<typeof rekorHandler>
    tsa?: ReturnType<typeof tsaHandler>
  } = {}

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))
      const path = new URL(req.url ?? '/', baseUrl).pathname
      const service = path.startsWith('/fulcio')
        ? 'fulcio'
        : path.startsWith('/rekor')
          ? 'rekor'
          : path.startsWith('/tsa')
            ? 'tsa'
            : 'other'
      const injected = failures[service]
      if (injected && injected.count > 0) {
        injected.count--
        log.push(`${service} ${injected.status}`)
        res.writeHead(injected.status, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ code: injected.status, message: 'injected outage' }))
      }
      let handler:
        | { path: string; fn: (body: string) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string }> }
        | undefined
      let body = Buffer.concat(chunks).toString('utf8')
      if (service === 'fulcio' && path === `/fulcio${handlers.fulcio!.path}`) handler = handlers.fulcio
      if (service === 'tsa' && path === `/tsa${handlers.tsa!.path}`) handler = handlers.tsa
      if (service === 'rekor' && path === `/rekor${handlers.rekor!.path}`) {
        handler = handlers.rekor
        body = JSON.stringify(canonicalDsseEntry(JSON.parse(body)))
      }
      if (!handler || req.method !== 'POST') {
        log.push(`${service} 404`)
        res.writeHead(404)
        return res.end()
      }
      const result = await handler.fn(body)
      log.push(`${service} ${result.statusCode}`)
      res.writeHead(result.statusCode, { 'Content-Type': result.contentType ?? 'application/json' })
      res.end(
        typeof result.response === 'string'
          ? result.response
          : Buffer.from(result.response.buffer, result.response.byteOffset, result.response.byteLength)
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const fulcioUrl = `${baseUrl}/fulcio`
  const rekorUrl = `${baseUrl}/rekor`
  const tlog = await initializeTLog(rekorUrl, tlogKeys)
  handlers.fulcio = fulcioHandler(ca, { strict: true, subjectClaim: options.subjectClaim ?? FULCIO_SAN_CLAIM } as Parameters<
    typeof fulcioHandler
  >[1])
  handlers.rekor = rekorHandler(tlog, { strict: true })
  handlers.tsa = tsaHandler(tsa, { strict: true })
  const tsaUrl = `${baseUrl}/tsa`
  const der = (view: ArrayBufferView): string => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64')

  const start = new Date(Date.now() - 60_000).toISOString()
  const keyId = (der: Buffer): string => createHash('sha256').update(der).digest('base64')
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: rekorUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: spki(tlogKeys.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: keyId(tlogKeys.publicKey.export({ format: 'der', type: 'spki' })) }
      }
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: fulcioUrl,
        certChain: {
          certificates: [
            {
              rawBytes: Buffer.from(ca.rootCertificate.buffer, ca.rootCertificate.byteOffset, ca.rootCertificate.byteLength).toString(
                'base64'
              )
            }
          ]
        },
        validFor: { start }
      }
    ],
    ctlogs: [
      {
        baseUrl: 'https://ctfe.sigstore.mock',
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: ctLog.publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: Buffer.from(ctLog.logID.buffer, ctLog.logID.byteOffset, ctLog.logID.byteLength).toString('base64') }
      }
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: tsaUrl,
        certChain: { certificates: [{ rawBytes: der(tsa.intCertificate) }, { rawBytes: der(tsa.rootCertificate) }] },
        validFor: { start }
      }
    ]
  }
  const dir = await mkdtemp(join(tmpdir(), 'dr-sigstore-'))
  const trustedRootPath = join(dir, 'trusted_root.json')
  await writeFile(trustedRootPath, JSON.stringify(trustedRoot, null, 2))

  return {
    fulcioUrl,
    rekorUrl,
    tsaUrl,
    trustedRoot,
    trustedRootPath,
    log,
    fail: (service, status, count) => {
      failures[service] = { status, count }
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
      await rm(dir, { recursive: true, force: true })
    }
  }
}
