// Facts read out of a Sigstore bundle (v0.3 JSON): the signer's identity, the log entry, and
// whether its DSSE signature really verifies under its certificate.
import { createPublicKey, verify } from 'node:crypto'
import { X509Certificate } from '@sigstore/core'
import type { SerializedBundle } from '@sigstore/bundle'

const FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8'
const FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1'

export interface BundleIdentity {
  /** Subject alternative name: the workflow URI (or e-mail) the certificate was issued to. */
  san?: string
  issuer?: string
}

export function leafCertificate(bundle: SerializedBundle): X509Certificate | undefined {
  const material = bundle.verificationMaterial as {
    certificate?: { rawBytes: string }
    x509CertificateChain?: { certificates: Array<{ rawBytes: string }> }
  }
  const raw = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates?.[0]?.rawBytes
  return raw ? X509Certificate.parse(Buffer.from(raw, 'base64')) : undefined
}

function extensionText(cert: X509Certificate, oid: string): string | undefined {
  const value = cert.extension(oid)?.value
  if (!value) return undefined
  // v2 extensions are DER UTF8Strings; v1 extensions are raw bytes.
  if (value[0] === 0x0c && value.length >= 2 && value[1] < 0x80) return value.subarray(2, 2 + value[1]).toString('utf8')
  return value.toString('utf8')
}

export function bundleIdentity(bundle: SerializedBundle): BundleIdentity {
  const cert = leafCertificate(bundle)
  if (!cert) return {}
  return { san: cert.subjectAltName, issuer: extensionText(cert, FULCIO_ISSUER_V2) ?? extensionText(cert, FULCIO_ISSUER_V1) }
}

export function bundleLogIndex(bundle: SerializedBundle): number | undefined {
  const entry = bundle.verificationMaterial.tlogEntries?.[0]
  return entry ? Number(entry.logIndex) : undefined
}

/** DSSE pre-authentication encoding (DSSE spec, protocol.md). */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload])
}

/** The in-toto statement of a DSSE bundle, when its signature verifies under the bundle's certificate. */
export function verifiedStatement(
  bundle: SerializedBundle
): { predicateType?: string; subject?: Array<{ digest?: Record<string, string> }> } | undefined {
  const envelope = (bundle as { dsseEnvelope?: { payload: string; payloadType: string; signatures: Array<{ sig: string }> } }).dsseEnvelope
  const cert = leafCertificate(bundle)
  if (!envelope || !cert || !envelope.signatures?.length) return undefined
  const payload = Buffer.from(envelope.payload, 'base64')
  const key = createPublicKey({ key: cert.publicKey, format: 'der', type: 'spki' })
  const valid = envelope.signatures.some((s) =>
    verify('sha256', preAuthEncoding(envelope.payloadType, payload), key, Buffer.from(s.sig, 'base64'))
  )
  if (!valid) return undefined
  try {
    return JSON.parse(payload.toString('utf8')) as { predicateType?: string; subject?: Array<{ digest?: Record<string, string> }> }
  } catch {
    return undefined
  }
}

/** True when the bundle is a verifying DSSE statement of this predicate type about this digest, by this signer. */
export function isOwnStatementAbout(
  bundle: SerializedBundle,
  digest: string,
  predicateType: string,
  identities: readonly string[],
  issuer?: string
): boolean {
  const who = bundleIdentity(bundle)
  if (!who.san || !identities.includes(who.san)) return false
  if (issuer && who.issuer && who.issuer !== issuer) return false
  if (!bundle.verificationMaterial.tlogEntries?.length) return false
  const statement = verifiedStatement(bundle)
  if (!statement || statement.predicateType !== predicateType) return false
  const [algorithm, hex] = digest.split(':')
  return (statement.subject ?? []).some((s) => s.digest?.[algorithm] === hex)
}

/** What proves when the bundle was signed: its Rekor entry, or its RFC 3161 timestamp (GitHub's instance has no log). */
export function timeProof(bundle: SerializedBundle): string {
  const logIndex = bundleLogIndex(bundle)
  return logIndex !== undefined ? `Rekor log index ${logIndex}` : 'timestamped, no transparency log'
}
