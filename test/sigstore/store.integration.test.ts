// Where signatures and attestations live in the registry, against the real registry: bundle referrers
// found by predicate type (newest first), read back whole, and cosign's legacy tags appended, never replaced.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startRegistry } from '../harness/registry.js'
import { testScope } from '../harness/scope.js'
import { registryReader } from '../harness/registry-reader.js'
import { RegistryClient } from '../../src/oci/registry/client.js'
import { Referrers } from '../../src/oci/registry/referrers.js'
import { sha256Of } from '../../src/oci/digest.js'
import { MEDIA_TYPE } from '../../src/oci/media-types.js'
import { PREDICATE_TYPE } from '../../src/sigstore/predicates.js'
import { bundleReferrerManifest, legacyImageManifest } from '../../src/sigstore/cosign.js'
import {
  appendLegacyLayer,
  findBundleReferrers,
  readLegacyLayers,
  readReferrerBundle,
  storeBundleReferrer
} from '../../src/sigstore/store.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())
const reader = registryReader(registry)

async function subjectIn(client: RegistryClient): Promise<{ mediaType: string; digest: string; size: number }> {
  const config = Buffer.from('{"architecture":"amd64","os":"linux"}')
  await client.putBlobBytes(config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.ociConfig, digest: sha256Of(config), size: config.length },
      layers: []
    })
  )
  const { digest } = await client.putManifest(sha256Of(manifest), manifest, MEDIA_TYPE.ociManifest)
  return { mediaType: MEDIA_TYPE.ociManifest, digest, size: manifest.length }
}

async function store(
  client: RegistryClient,
  referrers: Referrers,
  subject: { mediaType: string; digest: string; size: number },
  predicateType: string,
  created: string,
  content: object
) {
  const bundleBytes = Buffer.from(JSON.stringify(content))
  const manifest = bundleReferrerManifest({
    subject,
    bundle: { mediaType: MEDIA_TYPE.sigstoreBundle, digest: sha256Of(bundleBytes), size: bundleBytes.length },
    predicateType,
    created
  })
  return storeBundleReferrer({ client, referrers, subjectDigest: subject.digest, bundleBytes, manifest })
}

test('bundle referrers are listed for their subject, filtered by predicate type, newest first, and read back byte for byte', async () => {
  const client = new RegistryClient({ registry: registry.host, repository: 'octo-org/store' })
  const referrers = new Referrers(client)
  const subject = await subjectIn(client)
  const older = await store(client, referrers, subject, PREDICATE_TYPE.cosignSign, '2026-01-01T00:00:00Z', { n: 1 })
  const newer = await store(client, referrers, subject, PREDICATE_TYPE.cosignSign, '2026-02-01T00:00:00Z', { n: 2 })
  await store(client, referrers, subject, PREDICATE_TYPE.slsaProvenance1, '2026-03-01T00:00:00Z', { n: 3 })
  assert.equal(older.mode, 'tag-schema', 'distribution 2.x has no referrers API')

  const found = await findBundleReferrers(referrers, subject.digest, PREDICATE_TYPE.cosignSign)
  assert.deepEqual(
    found.map((d) => d.digest),
    [newer.digest, older.digest]
  )
  assert.deepEqual(await readReferrerBundle(client, newer.digest), { n: 2 })
  const index = await reader.manifest('octo-org/store', `sha256-${subject.digest.slice(7)}`)
  assert.equal(index.json.manifests.length, 3, 'the tag-schema index lists all three, read independently')
})

test('cosign legacy tags: a layer is appended to what is there, never replacing it, and not added twice', async () => {
  const client = new RegistryClient({ registry: registry.host, repository: 'octo-org/legacy' })
  const subject = await subjectIn(client)
  const tag = `sha256-${subject.digest.slice(7)}.sig`
  const layer = (payload: Buffer, signature: string) => ({
    mediaType: MEDIA_TYPE.cosignSimpleSigning,
    digest: sha256Of(payload),
    size: payload.length,
    annotations: { 'dev.cosignproject.cosign/signature': signature }
  })
  const first = Buffer.from('{"first":true}')
  const second = Buffer.from('{"second":true}')
  assert.equal(
    (await appendLegacyLayer({ client, tag, layer: layer(first, 'a'), layerBytes: first, buildManifest: legacyImageManifest })).appended,
    true
  )
  assert.equal(
    (await appendLegacyLayer({ client, tag, layer: layer(second, 'b'), layerBytes: second, buildManifest: legacyImageManifest })).appended,
    true
  )
  const again = await appendLegacyLayer({ client, tag, layer: layer(second, 'b'), layerBytes: second, buildManifest: legacyImageManifest })
  assert.equal(again.appended, false)
  const layers = await readLegacyLayers(client, tag)
  assert.deepEqual(
    layers.map((l) => l.digest),
    [sha256Of(first), sha256Of(second)]
  )
  assert.equal((await reader.manifest('octo-org/legacy', tag)).digest, again.digest)
})
