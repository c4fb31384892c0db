// cosign's storage formats, as pure builders of plain JSON.
// v3 (bundle):  https://github.com/sigstore/cosign/blob/main/specs/BUNDLE_SPEC.md
// v2 (legacy):  https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md
import type { SerializedBundle } from '@sigstore/bundle'
import { ANNOTATION, EMPTY_JSON_DIGEST, MEDIA_TYPE } from '../oci/media-types.js'
import { IN_TOTO_STATEMENT_V1, PREDICATE_TYPE } from './predicates.js'
import type { LegacyManifest } from './store.js'
import type { Descriptor } from '../oci/descriptor.js'
import { sha256Of } from '../oci/digest.js'

/** Where signatures are stored: cosign v3's bundle referrer, cosign v2's `.sig`/`.att` tags, or both. */
export type SignatureFormat = 'bundle' | 'legacy' | 'both'

/** The statement `cosign sign` signs in the bundle format: the image digest as subject, an empty predicate. */
export function cosignSignStatement(subject: { name: string; digest: string }): object {
  const [algorithm, hex] = subject.digest.split(':')
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: subject.name, digest: { [algorithm]: hex } }],
    predicateType: PREDICATE_TYPE.cosignSign,
    predicate: {}
  }
}

/** The OCI 1.1 artifact manifest that attaches a Sigstore bundle to its subject. */
export function bundleReferrerManifest(options: {
  subject: Descriptor
  bundle: Descriptor
  predicateType?: string
  created: string
  content?: 'dsse-envelope' | 'message-signature'
}): object {
  const annotations: Record<string, string> = { [ANNOTATION.bundleContent]: options.content ?? 'dsse-envelope' }
  if (options.predicateType) annotations[ANNOTATION.bundlePredicateType] = options.predicateType
  annotations[ANNOTATION.created] = options.created
  return {
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: MEDIA_TYPE.sigstoreBundle,
    config: { mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_JSON_DIGEST, size: 2 },
    layers: [
      {
        mediaType: MEDIA_TYPE.sigstoreBundle,
        digest: options.bundle.digest,
        size: options.bundle.size,
        annotations: { 'org.opencontainers.image.title': `${options.bundle.digest.replace(':', '-')}.sigstore.json` }
      }
    ],
    subject: { mediaType: options.subject.mediaType, digest: options.subject.digest, size: options.subject.size },
    annotations
  }
}

/**
 * cosign's simple-signing payload, byte for byte as cosign writes it (Go's encoding/json of its
 * struct: fields in declaration order, `optional` null when empty).
 */
export function simpleSigningPayload(dockerReference: string, digest: string): string {
  return JSON.stringify({
    critical: {
      identity: { 'docker-reference': dockerReference },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature'
    },
    optional: null
  })
}

export function legacyTag(digest: string, suffix: 'sig' | 'att'): string {
  return `${digest.replace(':', '-')}.${suffix}`
}

function pem(der: string): string {
  const body =
    Buffer.from(der, 'base64')
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? ''
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`
}

function certificates(bundle: SerializedBundle): string[] {
  const material = bundle.verificationMaterial as {
    certificate?: { rawBytes: string }
    x509CertificateChain?: { certificates: Array<{ rawBytes: string }> }
  }
  if (material.certificate) return [material.certificate.rawBytes]
  return material.x509CertificateChain?.certificates.map((c) => c.rawBytes) ?? []
}

/** cosign's `dev.sigstore.cosign/bundle`: Rekor's signed entry timestamp and the entry it signs. */
export function rekorBundleAnnotation(bundle: SerializedBundle): string {
  const entry = bundle.verificationMaterial.tlogEntries?.[0]
  if (!entry?.inclusionPromise) return ''
  return JSON.stringify({
    SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
    Payload: {
      body: entry.canonicalizedBody,
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex')
    }
  })
}

function certificateAnnotations(bundle: SerializedBundle): Record<string, string> {
  const [leaf, ...chain] = certificates(bundle)
  return {
    [ANNOTATION.cosignCertificate]: leaf ? pem(leaf) : '',
    [ANNOTATION.cosignChain]: chain.map(pem).join(''),
    [ANNOTATION.cosignBundle]: rekorBundleAnnotation(bundle)
  }
}

/** The `.sig` layer: the simple-signing payload, its signature and the proof cosign keeps beside it. */
export function legacySignatureLayer(bundle: SerializedBundle, payload: Buffer): Descriptor {
  const signature = (bundle as { messageSignature?: { signature: string } }).messageSignature?.signature
  if (!signature) throw new Error('a legacy signature needs a message-signature bundle')
  return {
    mediaType: MEDIA_TYPE.cosignSimpleSigning,
    digest: sha256Of(payload),
    size: payload.length,
    annotations: { [ANNOTATION.cosignSignature]: signature, ...certificateAnnotations(bundle) }
  }
}

/** The `.att` layer: the DSSE envelope itself, with its predicate type; the signature lives in the envelope. */
export function legacyAttestationLayer(bundle: SerializedBundle, predicateType: string): { layer: Descriptor; bytes: Buffer } {
  const envelope = (
    bundle as { dsseEnvelope?: { payload: string; payloadType: string; signatures: Array<{ sig: string; keyid?: string }> } }
  ).dsseEnvelope
  if (!envelope) throw new Error('a legacy attestation needs a DSSE bundle')
  const bytes = Buffer.from(
    JSON.stringify({
      payloadType: envelope.payloadType,
      payload: envelope.payload,
      signatures: envelope.signatures.map((s) => ({ keyid: s.keyid ?? '', sig: s.sig }))
    })
  )
  return {
    bytes,
    layer: {
      mediaType: MEDIA_TYPE.dsseEnvelope,
      digest: sha256Of(bytes),
      size: bytes.length,
      annotations: { [ANNOTATION.cosignSignature]: '', ...certificateAnnotations(bundle), [ANNOTATION.predicateType]: predicateType }
    }
  }
}

/**
 * The image cosign writes under `.sig`/`.att` (go-containerregistry's `mutate.Append` onto an
 * empty image): an OCI manifest whose config lists each layer as a diff ID.
 */
export function legacyImageManifest(layers: Descriptor[]): LegacyManifest {
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {}
    })
  )
  return {
    config,
    manifest: {
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.ociConfig, size: config.length, digest: sha256Of(config) },
      layers
    }
  }
}

function pemToBase64Der(pem: string): string[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => m[1].replace(/\s+/g, ''))
}

/**
 * The Sigstore bundle a cosign v2 `.sig` layer stands for (its certificate and chain, its Rekor
 * entry and signed entry timestamp, its signature over the payload), so it can be verified like
 * any bundle. Whatever the layer lacks is left out, and verification then fails.
 */
export function bundleFromLegacyLayer(layer: Descriptor, payload: Buffer): unknown {
  const annotations = layer.annotations ?? {}
  const certificates = [
    ...pemToBase64Der(annotations[ANNOTATION.cosignCertificate] ?? ''),
    ...pemToBase64Der(annotations[ANNOTATION.cosignChain] ?? '')
  ]
  let rekor:
    { SignedEntryTimestamp?: string; Payload?: { body?: string; integratedTime?: number; logIndex?: number; logID?: string } } | undefined
  try {
    rekor = JSON.parse(annotations[ANNOTATION.cosignBundle] || 'null') ?? undefined
  } catch {
    rekor = undefined
  }
  let kindVersion = { kind: 'hashedrekord', version: '0.0.1' }
  try {
    const body = JSON.parse(Buffer.from(rekor?.Payload?.body ?? '', 'base64').toString('utf8')) as { kind?: string; apiVersion?: string }
    if (body.kind && body.apiVersion) kindVersion = { kind: body.kind, version: body.apiVersion }
  } catch {
    // no body: the entry will not verify
  }
  const tlogEntries = rekor?.Payload
    ? [
        {
          logIndex: String(rekor.Payload.logIndex ?? ''),
          logId: { keyId: Buffer.from(rekor.Payload.logID ?? '', 'hex').toString('base64') },
          kindVersion,
          integratedTime: String(rekor.Payload.integratedTime ?? ''),
          inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp ?? '' },
          canonicalizedBody: rekor.Payload.body ?? ''
        }
      ]
    : []
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      x509CertificateChain: { certificates: certificates.map((rawBytes) => ({ rawBytes })) },
      tlogEntries,
      timestampVerificationData: { rfc3161Timestamps: [] }
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: Buffer.from(sha256Of(payload).slice(7), 'hex').toString('base64') },
      signature: annotations[ANNOTATION.cosignSignature] ?? ''
    }
  }
}
