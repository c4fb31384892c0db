// The copy engine (promotion) between two real registries: one with token auth, one open. An image
// pushed by the push step, with referrers and cosign's legacy tags planted, is copied by digest;
// everything at the destination is read back with an independent reader and must have the same
// digests. A re-copy moves nothing; within one registry every blob is mounted; a blob GET that the
// source redirects to another origin is followed; a manifest that does not match its digest stops
// the copy; a 64 MiB layer is copied in a child process whose peak RSS is measured.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { startRegistry } from '../harness/registry.js'
import { startTokenServer } from '../harness/token-server.js'
import { startHostileFront, startRecordingServer } from '../harness/hostile-front.js'
import { registryReader } from '../harness/registry-reader.js'
import { writeLayout, randomLayer, sha256, type BuiltLayout } from '../harness/layouts.js'
import { testScope } from '../harness/scope.js'
import { startFaultProxy } from '../harness/fault-proxy.js'
import { RegistryClient } from '../../src/oci/registry/client.js'
import { Referrers, referrersTag } from '../../src/oci/registry/referrers.js'
import { openLayout, loadImage, selectEntry } from '../../src/oci/layout/read.js'
import { pushImage } from '../../src/steps/push.js'
import { silentLogger } from '../../src/net/logger.js'
import { EMPTY_JSON_DIGEST, MEDIA_TYPE } from '../../src/oci/media-types.js'
import { appendLegacyLayer, storeBundleReferrer } from '../../src/sigstore/store.js'
import type { Descriptor } from '../../src/oci/descriptor.js'
import { copyImage, streamedBlob, type CopyResult } from '../../src/oci/copy.js'

const run = promisify(execFile)
const PASSWORD = 'copy-test-Pa55word'
const credential = { username: 'ci', password: PASSWORD }
const scope = testScope()
const work = scope.tempDir('dr-copy-')
const tokenServer = scope.server(() => startTokenServer({ ci: PASSWORD }))
const secured = scope.server(async () => {
  const rootCert = join(work, 'token-root.pem')
  await writeFile(rootCert, tokenServer.rootCertificatePem)
  return startRegistry({ auth: tokenServer.registryConfig(rootCert) })
})
const open = scope.server(() => startRegistry())
const openReader = registryReader(open)

let layout: BuiltLayout

before(async () => {
  layout = await writeLayout(join(work, 'layout'), {
    images: [
      { platform: { os: 'linux', architecture: 'amd64' }, layers: [randomLayer(300_000), randomLayer(20_000)] },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [randomLayer(250_000)] }
    ]
  })
})

const securedClient = (repository: string): RegistryClient => new RegistryClient({ registry: secured.host, repository, credential })
const openClient = (repository: string, host = open.host): RegistryClient => new RegistryClient({ registry: host, repository })

interface Planted {
  referrers: Array<{ subject: string; digest: string; bytes: Buffer }>
  legacyTags: Record<string, string>
}

/** Pushes the two-platform layout with the push step, then plants two bundle referrers and `.sig`/`.att` tags. */
async function pushFixture(client: RegistryClient): Promise<Planted> {
  const opened = await openLayout(layout.dir, { tempDir: work })
  const image = await loadImage(opened, selectEntry(opened, undefined))
  await pushImage({ client, layout: opened, image, logger: silentLogger })
  await opened.close()
  const referrers = new Referrers(client)
  const planted: Planted = { referrers: [], legacyTags: {} }
  const subjects = [layout.top, layout.manifests[1]]
  for (const [i, subject] of subjects.entries()) {
    const bundleBytes = Buffer.from(
      JSON.stringify({ mediaType: MEDIA_TYPE.sigstoreBundle, note: `bundle ${i}`, nonce: randomBytes(8).toString('hex') })
    )
    const manifest = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      artifactType: MEDIA_TYPE.sigstoreBundle,
      config: { mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_JSON_DIGEST, size: 2 },
      layers: [{ mediaType: MEDIA_TYPE.sigstoreBundle, digest: sha256(bundleBytes), size: bundleBytes.length }],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      annotations: {
        'dev.sigstore.bundle.predicateType': `https://example.com/predicate-${i}`,
        'org.opencontainers.image.created': '2026-11-23T00:00:00Z'
      }
    }
    const { digest } = await storeBundleReferrer({ client, referrers, subjectDigest: subject.digest, bundleBytes, manifest })
    planted.referrers.push({ subject: subject.digest, digest, bytes: Buffer.from(JSON.stringify(manifest)) })
  }
  for (const suffix of ['sig', 'att']) {
    const payload = Buffer.from(JSON.stringify({ critical: { image: { 'docker-manifest-digest': layout.top.digest } }, kind: suffix }))
    const tag = `${referrersTag(layout.top.digest)}.${suffix}`
    const { digest } = await appendLegacyLayer({
      client,
      tag,
      layer: {
        mediaType: suffix === 'sig' ? MEDIA_TYPE.cosignSimpleSigning : MEDIA_TYPE.dsseEnvelope,
        digest: sha256(payload),
        size: payload.length,
        annotations: { 'dev.cosignproject.cosign/signature': 'c2lnbmF0dXJl' }
      },
      layerBytes: payload,
      buildManifest: (layers: Descriptor[]) => {
        const config = Buffer.from(
          JSON.stringify({ architecture: '', os: '', rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) } })
        )
        return {
          config,
          manifest: {
            schemaVersion: 2,
            mediaType: MEDIA_TYPE.ociManifest,
            config: { mediaType: MEDIA_TYPE.ociConfig, digest: sha256(config), size: config.length },
            layers
          }
        }
      }
    })
    planted.legacyTags[tag] = digest
  }
  return planted
}

/** Distinct blobs of the image itself: two configs and three layers. */
const IMAGE_BLOBS = 5
/** Blobs the planted referrers and tags add: `{}`, two bundles, two payloads, two legacy configs. */
const PLANTED_BLOBS = 7

/** Every image manifest, blob and planted referrer is at the destination under the same digest. */
async function assertCopied(registry: { url: string }, repo: string, planted: Planted, client: RegistryClient): Promise<void> {
  const reader = registryReader(registry)
  const top = await reader.manifest(repo, layout.top.digest)
  assert.equal(top.status, 200)
  assert.equal(top.digest, layout.top.digest)
  for (const manifest of layout.manifests) {
    const read = await reader.manifest(repo, manifest.digest)
    assert.equal(read.digest, manifest.digest, `platform manifest ${manifest.platform?.architecture}`)
    for (const blob of [read.json.config, ...read.json.layers] as Descriptor[]) await reader.blob(repo, blob.digest)
  }
  const referrers = new Referrers(client)
  for (const referrer of planted.referrers) {
    const listed = await referrers.list(referrer.subject)
    assert.ok(
      listed.some((d) => d.digest === referrer.digest && d.artifactType === MEDIA_TYPE.sigstoreBundle),
      `referrer ${referrer.digest} listed for ${referrer.subject}`
    )
    const read = await reader.manifest(repo, referrer.digest)
    assert.deepEqual(read.bytes, referrer.bytes, 'the referrer manifest byte for byte')
    for (const blob of read.json.layers as Descriptor[]) await reader.blob(repo, blob.digest)
  }
  for (const [tag, digest] of Object.entries(planted.legacyTags)) {
    assert.equal(await reader.head(repo, tag), digest, tag)
    const read = await reader.manifest(repo, tag)
    for (const blob of [read.json.config, ...read.json.layers] as Descriptor[]) await reader.blob(repo, blob.digest)
  }
}

const platformDigests = (): Record<string, string> =>
  Object.fromEntries(layout.manifests.map((m) => [`${m.platform!.os}/${m.platform!.architecture}`, m.digest]))

let planted: Planted

test('across registries (token auth to an open one): same digests for the index, every platform, blob, referrer and legacy tag', async () => {
  planted = await pushFixture(securedClient('team/app'))
  const destination = openClient('prod/app')
  let reported = 0
  const result = await copyImage({
    source: securedClient('team/app'),
    destination,
    digest: layout.top.digest,
    copyReferrers: true,
    logger: silentLogger,
    onBytes: (n) => (reported += n)
  })
  assert.equal(result.digest, layout.top.digest)
  assert.equal(result.mediaType, MEDIA_TYPE.ociIndex)
  assert.deepEqual(result.platformDigests, platformDigests())
  assert.equal(result.blobsUploaded, IMAGE_BLOBS + PLANTED_BLOBS)
  assert.equal(result.blobsSkipped, 0)
  assert.equal(result.blobsMounted, 0)
  assert.ok(result.bytesUploaded > 570_000, `bytes uploaded: ${result.bytesUploaded}`)
  assert.equal(reported, result.bytesUploaded, 'onBytes saw every byte')
  assert.equal(result.manifestsCopied, 3)
  assert.equal(result.referrersCopied, 4, 'two referrers and two legacy tags')
  await assertCopied(open, 'prod/app', planted, destination)
})

/** The whole image and its evidence were already there: every blob skipped, nothing put. */
function assertNothingCopied(result: CopyResult): void {
  assert.deepEqual({ ...result, platformDigests: undefined }, {
    digest: layout.top.digest,
    mediaType: MEDIA_TYPE.ociIndex,
    platformDigests: undefined,
    blobsUploaded: 0,
    blobsMounted: 0,
    blobsSkipped: IMAGE_BLOBS + PLANTED_BLOBS,
    bytesUploaded: 0,
    manifestsCopied: 0,
    referrersCopied: 0
  } satisfies Record<keyof CopyResult, unknown>)
}

test('a re-copy skips everything: 0 bytes, no manifest, no referrer', async () => {
  const result = await copyImage({
    source: securedClient('team/app'),
    destination: openClient('prod/app'),
    digest: layout.top.digest,
    copyReferrers: true,
    logger: silentLogger
  })
  assertNothingCopied(result)
})

test('a copy into its own repository writes nothing and asks nothing it knows: every blob skipped, only the source read', async () => {
  const proxy = await startFaultProxy(open.host, [])
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'prod/app' })
    const result = await copyImage({
      source: client,
      destination: client,
      digest: layout.top.digest,
      copyReferrers: true,
      logger: silentLogger
    })
    assertNothingCopied(result)
    const asked = proxy.log.filter((r) => r.method !== 'GET')
    assert.deepEqual(asked, [], 'no HEAD (nothing asked of a destination that is the source), no write')
  } finally {
    await proxy.close()
  }
})

test('the same registry, another repository: every blob is mounted, 0 bytes uploaded', async () => {
  const destination = securedClient('team/mirror')
  const result = await copyImage({
    source: securedClient('team/app'),
    destination,
    digest: layout.top.digest,
    copyReferrers: true,
    logger: silentLogger
  })
  assert.equal(result.blobsMounted, IMAGE_BLOBS + PLANTED_BLOBS)
  assert.equal(result.blobsUploaded, 0)
  assert.equal(result.bytesUploaded, 0)
  assert.equal(result.manifestsCopied, 3)
  assert.equal(result.referrersCopied, 4)
  const requests = tokenServer.requests.filter((r) => r.scopes.includes('repository:team/app:pull'))
  assert.ok(requests.length > 0, 'the mount asked for pull on the source repository')
})

test('without copyReferrers only the image is copied', async () => {
  const result = await copyImage({
    source: openClient('prod/app'),
    destination: securedClient('team/bare'),
    digest: layout.top.digest,
    copyReferrers: false,
    logger: silentLogger
  })
  assert.equal(result.blobsUploaded, IMAGE_BLOBS)
  assert.equal(result.referrersCopied, 0)
  assert.deepEqual(await new Referrers(securedClient('team/bare')).list(layout.top.digest), [])
})

test('chunked uploads read the source by Range; a source that ignores Range is cut to the window', async () => {
  const result = await copyImage({
    source: openClient('prod/app'),
    destination: securedClient('team/chunked'),
    digest: layout.top.digest,
    copyReferrers: false,
    logger: silentLogger,
    upload: { chunkThreshold: 1, chunkSize: 64 * 1024 }
  })
  assert.equal(result.blobsUploaded, IMAGE_BLOBS)
  const check = securedClient('team/chunked')
  for (const blob of layout.layers) assert.ok(await check.blobExists(blob.digest))

  const layer = layout.layers[0]
  const bytes = await openReader.blob('prod/app', layer.digest)
  const read = async (client: RegistryClient, start: number, end: number): Promise<Buffer> => {
    const chunks: Buffer[] = []
    for await (const chunk of streamedBlob(client, layer).open(start, end)) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
  assert.deepEqual(await read(openClient('prod/app'), 1000, 70_000), bytes.subarray(1000, 70_000), 'a 206 from the registry')
  const ignoring = scope.add(await startRecordingServer(() => ({ status: 200, body: bytes })))
  assert.deepEqual(await read(openClient('x/y', ignoring.host), 1000, 70_000), bytes.subarray(1000, 70_000), 'a 200 with the whole blob')
  assert.deepEqual(await read(openClient('x/y', ignoring.host), 0, layer.size), bytes)
})

test('a blob GET the source answers with a 307 to another origin is followed, without credentials', async () => {
  // The front plays the source registry and sends every blob GET to the registry itself: another origin.
  const front = scope.add(
    await startHostileFront(open.host, {
      answer: (request) =>
        request.method === 'GET' && request.path.includes('/blobs/sha256:')
          ? { status: 307, headers: { Location: `${open.url}${request.path}` } }
          : undefined
    })
  )
  const result = await copyImage({
    source: openClient('prod/app', front.host),
    destination: securedClient('team/redirected'),
    digest: layout.top.digest,
    copyReferrers: true,
    logger: silentLogger
  })
  assert.equal(result.blobsUploaded, IMAGE_BLOBS + PLANTED_BLOBS)
  assert.ok(front.seen.filter((r) => r.method === 'GET' && r.path.includes('/blobs/')).length >= IMAGE_BLOBS + PLANTED_BLOBS)
  // The secured registry wants tokens, so read it back through our client: every manifest by digest.
  const check = securedClient('team/redirected')
  for (const digest of [layout.top.digest, ...layout.manifests.map((m) => m.digest)])
    assert.equal((await check.getManifest(digest))?.digest, digest)
  for (const blob of layout.layers) assert.ok(await check.blobExists(blob.digest))
})

test('a source manifest whose bytes do not match its digest stops the copy before anything is written', async () => {
  const other = await openReader.manifest('prod/app', layout.manifests[0].digest)
  const front = scope.add(
    await startHostileFront(open.host, {
      answer: (request) =>
        request.method === 'GET' && request.path.endsWith(`/manifests/${layout.manifests[1].digest}`)
          ? { status: 200, headers: { 'Content-Type': MEDIA_TYPE.ociManifest }, body: other.bytes }
          : undefined
    })
  )
  await assert.rejects(
    copyImage({
      source: openClient('prod/app', front.host),
      destination: openClient('prod/tampered'),
      digest: layout.top.digest,
      copyReferrers: false,
      logger: silentLogger
    }),
    new RegExp(`manifest ${layout.manifests[1].digest} came back with bytes that hash to ${layout.manifests[0].digest}`)
  )
  assert.deepEqual(await openReader.tags('prod/tampered'), [])
  assert.equal(await openReader.blobExists('prod/tampered', layout.layers[0].digest), false)
})

// The child runs under tsx, whose own loader costs ~80 MB: what is asserted is what the copy adds, which
// must stay below the layer's size (the layer is streamed, never held). The bundled action's absolute
// peak is measured by bench/copy.ts and bench/promote.ts (under 128 MB).
test('a 64 MiB layer is copied in a child process that never holds it: the copy adds less memory than the layer', async () => {
  const big = await writeLayout(join(work, 'big'), { images: [{ layers: [randomLayer(64 * 1024 * 1024)] }] })
  const opened = await openLayout(big.dir, { tempDir: work })
  const image = await loadImage(opened, selectEntry(opened, undefined))
  await pushImage({ client: securedClient('team/big'), layout: opened, image, logger: silentLogger })
  await opened.close()
  const child = fileURLToPath(new URL('../harness/copy-child.ts', import.meta.url))
  const args = {
    source: { registry: secured.host, repository: 'team/big', credential },
    destination: { registry: open.host, repository: 'prod/big' },
    digest: big.top.digest
  }
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, JSON.stringify(args)], { maxBuffer: 1024 * 1024 })
  const report = JSON.parse(stdout.trim().split('\n').pop()!) as { result: CopyResult; seconds: number; rssBefore: number; maxRss: number }
  const mb = (n: number): string => (n / 1e6).toFixed(1)
  console.log(
    `64 MiB copy: ${report.seconds.toFixed(2)} s, RSS before ${mb(report.rssBefore)} MB, peak RSS ${mb(report.maxRss)} MB (+${mb(report.maxRss - report.rssBefore)} MB)`
  )
  assert.ok(report.result.bytesUploaded > 64 * 1024 * 1024)
  assert.equal(await openReader.head('prod/big', big.top.digest), big.top.digest)
  await openReader.blob('prod/big', big.layers[0].digest)
  // The child's baseline (Node with tsx's loader) is ~80 MB; what the copy adds is what streaming bounds.
  assert.ok(report.maxRss - report.rssBefore < 64e6, `the copy added ${mb(report.maxRss - report.rssBefore)} MB`)
})
