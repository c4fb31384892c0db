// Facts read out of a Sigstore bundle (v0.3 JSON) for logs and outputs: the signer's identity and
// the log entry. Whether a bundle is to be trusted is the verifier's question (verifier.ts), never this file's.
import { X509Certificate } from '@sigstore/core'
import type { SerializedBundle } from '@sigstore/bundle'

const FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8'
const FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1'

export interface BundleIdentity {
  /** Subject alternative name: the workflow URI (or e-mail) the certificate was issued to. */
  san?: string
  issuer?: string
}

function leafCertificate(bundle: SerializedBundle): X509Certificate | undefined {
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

/** What proves when the bundle was signed: its Rekor entry, or its RFC 3161 timestamp (GitHub's instance has no log). */
export function timeProof(bundle: SerializedBundle): string {
  const logIndex = bundleLogIndex(bundle)
  return logIndex !== undefined ? `Rekor log index ${logIndex}` : 'timestamped, no transparency log'
}
