// cosign's formats, field by field, as its specs show them (specs/BUNDLE_SPEC.md, specs/SIGNATURE_SPEC.md).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  bundleReferrerManifest,
  cosignSignStatement,
  legacyImageManifest,
  legacyTag,
  simpleSigningPayload,
  rekorBundleAnnotation
} from '../../src/sigstore/cosign.js'

const digest = 'sha256:c00010ff' + '0'.repeat(56)

test('the simple-signing payload is the bytes cosign writes', () => {
  // SIGNATURE_SPEC.md: {"critical":{"identity":{"docker-reference":…},"image":{"docker-manifest-digest":…},"type":"cosign container image signature"},"optional":null}
  assert.equal(
    simpleSigningPayload('ghcr.io/octo/app', digest),
    `{"critical":{"identity":{"docker-reference":"ghcr.io/octo/app"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":null}`
  )
  assert.equal(legacyTag(digest, 'sig'), `sha256-${digest.slice(7)}.sig`)
  assert.equal(legacyTag(digest, 'att'), `sha256-${digest.slice(7)}.att`)
})

test('the bundle referrer manifest has the fields BUNDLE_SPEC shows', () => {
  const manifest = bundleReferrerManifest({
    subject: { mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: 500 },
    bundle: { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', digest: 'sha256:cafed00d' + '0'.repeat(56), size: 4971 },
    predicateType: 'https://slsa.dev/provenance/v1',
    created: '2024-03-08T18:18:20.406Z'
  })
  assert.deepEqual(manifest, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    config: {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      size: 2
    },
    layers: [
      {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        digest: 'sha256:cafed00d' + '0'.repeat(56),
        size: 4971,
        annotations: { 'org.opencontainers.image.title': `sha256-cafed00d${'0'.repeat(56)}.sigstore.json` }
      }
    ],
    subject: { mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: 500 },
    annotations: {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1',
      'org.opencontainers.image.created': '2024-03-08T18:18:20.406Z'
    }
  })
})

test('the signing statement names the digest with cosign/sign/v1 and an empty predicate', () => {
  assert.deepEqual(cosignSignStatement({ name: 'ghcr.io/octo/app', digest }), {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'ghcr.io/octo/app', digest: { sha256: digest.slice(7) } }],
    predicateType: 'https://sigstore.dev/cosign/sign/v1',
    predicate: {}
  })
})

test('the legacy image lists each layer as a diff ID, as go-containerregistry writes it', () => {
  const layers = [
    {
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      digest,
      size: 10,
      annotations: { 'dev.cosignproject.cosign/signature': 'c2ln' }
    }
  ]
  const { manifest, config } = legacyImageManifest(layers)
  const parsed = JSON.parse(config.toString())
  assert.deepEqual(parsed.rootfs, { type: 'layers', diff_ids: [digest] })
  assert.equal((manifest as any).config.mediaType, 'application/vnd.oci.image.config.v1+json')
  assert.deepEqual((manifest as any).layers, layers)
})

test("the cosign bundle annotation carries Rekor's signed entry timestamp and entry as cosign writes them", () => {
  const bundle = {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      tlogEntries: [
        {
          logIndex: '42',
          logId: { keyId: Buffer.from('abcd', 'hex').toString('base64') },
          kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
          integratedTime: '1700000000',
          inclusionPromise: { signedEntryTimestamp: 'U0VU' },
          canonicalizedBody: 'Ym9keQ=='
        }
      ]
    }
  }
  assert.deepEqual(JSON.parse(rekorBundleAnnotation(bundle as any)), {
    SignedEntryTimestamp: 'U0VU',
    Payload: { body: 'Ym9keQ==', integratedTime: 1700000000, logIndex: 42, logID: 'abcd' }
  })
})
