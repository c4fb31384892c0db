// Referrers on a registry without the referrers API (distribution 2.8): the tag-schema index is
// kept with artifactType and annotations, and concurrent writers do not lose each other's entries.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { startRegistry } from '../../harness/registry.js'
import { testScope } from '../../harness/scope.js'
import { startFaultProxy, type FaultRule } from '../../harness/fault-proxy.js'
import { writeLayout, randomLayer } from '../../harness/layouts.js'
import { RegistryClient } from '../../../src/oci/registry/client.js'
import { Referrers, referrersTag } from '../../../src/oci/registry/referrers.js'
import { openLayout, loadImage, selectEntry } from '../../../src/oci/layout/read.js'
import { pushImage } from '../../../src/steps/push.js'
import { silentLogger } from '../../../src/net/logger.js'
import { EMPTY_JSON_DIGEST, MEDIA_TYPE } from '../../../src/oci/media-types.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())
const work = scope.tempDir('dr-referrers-')

async function pushSubject(repo: string): Promise<{ client: RegistryClient; digest: string; size: number }> {
  const built = await writeLayout(join(work, repo.replace(/\//g, '-')), { images: [{ layers: [randomLayer(1000)] }] })
  const layout = await openLayout(built.dir, { tempDir: tmpdir() })
  const client = new RegistryClient({ registry: registry.host, repository: repo })
  const image = await loadImage(layout, selectEntry(layout, undefined))
  await pushImage({ client, layout, image, logger: silentLogger })
  await client.putBlobBytes(Buffer.from('{}'))
  return { client, digest: built.top.digest, size: built.top.size }
}

function artifact(subject: { digest: string; size: number }, note: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      artifactType: MEDIA_TYPE.sigstoreBundle,
      config: { mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_JSON_DIGEST, size: 2 },
      layers: [{ mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_JSON_DIGEST, size: 2 }],
      subject: { mediaType: MEDIA_TYPE.ociManifest, digest: subject.digest, size: subject.size },
      annotations: {
        'dev.sigstore.bundle.predicateType': 'https://example.com/' + note,
        'org.opencontainers.image.created': '2026-11-23T00:00:00Z'
      }
    })
  )
}

test('without the referrers API, the sha256-<hex> index lists each referrer with artifactType and annotations', async () => {
  const subject = await pushSubject('team/refs')
  const referrers = new Referrers(subject.client)
  const first = await referrers.attach({ manifest: artifact(subject, 'one'), subjectDigest: subject.digest })
  assert.equal(first.mode, 'tag-schema')
  const again = await referrers.attach({ manifest: artifact(subject, 'one'), subjectDigest: subject.digest })
  assert.equal(again.digest, first.digest)
  const listed = await new Referrers(subject.client).list(subject.digest)
  assert.equal(listed.length, 1, 'attaching twice lists once')
  assert.equal(listed[0].artifactType, MEDIA_TYPE.sigstoreBundle)
  assert.equal(listed[0].annotations?.['dev.sigstore.bundle.predicateType'], 'https://example.com/one')
  const index = await subject.client.getManifest(referrersTag(subject.digest))
  assert.equal(JSON.parse(index!.bytes.toString()).mediaType, MEDIA_TYPE.ociIndex)
})

test('concurrent writers of the referrers index keep every entry', async () => {
  const subject = await pushSubject('team/race-refs')
  const notes = ['a', 'b', 'c', 'd']
  const results = await Promise.all(
    notes.map((n) => new Referrers(subject.client).attach({ manifest: artifact(subject, n), subjectDigest: subject.digest }))
  )
  const listed = await new Referrers(subject.client).list(subject.digest)
  for (const r of results)
    assert.ok(
      listed.some((d) => d.digest === r.digest),
      `entry ${r.digest} kept`
    )
  assert.equal(listed.length, notes.length)
})

/** A registry with the referrers API, as the fault proxy plays it: OCI-Subject on manifest PUTs, and an (empty) listing. */
function referrersApi(subject: string): FaultRule[] {
  const emptyIndex = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: [] })
  return [
    { method: 'PUT', path: /\/manifests\/sha256:/, fault: { kind: 'add-headers', headers: { 'OCI-Subject': subject } }, times: 10 },
    {
      method: 'GET',
      path: /\/referrers\//,
      fault: { kind: 'status', status: 200, headers: { 'Content-Type': MEDIA_TYPE.ociIndex }, body: emptyIndex },
      times: 10
    }
  ]
}

test('an OCI-Subject header without a referrers API (as ECR once sent) still gets the tag-schema index', async () => {
  const subject = await pushSubject('team/liar')
  const proxy = await startFaultProxy(registry.host, [
    { method: 'PUT', path: /\/manifests\/sha256:/, fault: { kind: 'add-headers', headers: { 'OCI-Subject': subject.digest } }, times: 10 }
  ])
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/liar' })
    const attached = await new Referrers(client).attach({ manifest: artifact(subject, 'x'), subjectDigest: subject.digest })
    assert.ok(
      proxy.log.some((r) => r.fault === 'headers'),
      'the header was sent'
    )
    assert.equal(attached.mode, 'tag-schema')
    const listed = await new Referrers(subject.client).list(subject.digest)
    assert.deepEqual(
      listed.map((d) => d.digest),
      [attached.digest]
    )
  } finally {
    await proxy.close()
  }
})

test('OCI-Subject and a referrers API answering 200: the API is used and no tag index is written', async () => {
  const subject = await pushSubject('team/api')
  const proxy = await startFaultProxy(registry.host, referrersApi(subject.digest))
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/api' })
    const attached = await new Referrers(client).attach({ manifest: artifact(subject, 'y'), subjectDigest: subject.digest })
    assert.equal(attached.mode, 'referrers-api')
    assert.equal(await subject.client.getManifest(referrersTag(subject.digest)), undefined, 'no sha256-<hex> tag')
  } finally {
    await proxy.close()
  }
})

test('without the API, one Referrers asks the referrers API once, whatever it lists; attaching still finds an API the listing missed', async () => {
  const subject = await pushSubject('team/once')
  const second = await pushSubject('team/once')
  const proxy = await startFaultProxy(registry.host, [])
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/once' })
    const referrers = Referrers.of(client)
    assert.equal(Referrers.of(client), referrers, 'one Referrers per client')
    const attached = await referrers.attach({ manifest: artifact(subject, 'once'), subjectDigest: subject.digest })
    assert.equal(attached.mode, 'tag-schema')
    for (const digest of [subject.digest, second.digest, subject.digest]) await referrers.list(digest)
    assert.deepEqual(
      (await referrers.list(subject.digest)).map((d) => d.digest),
      [attached.digest]
    )
    assert.equal(
      proxy.log.filter((r) => r.path.includes('/referrers/')).length,
      0,
      'attaching found the tag schema: the API is not asked again'
    )

    const fresh = Referrers.of(new RegistryClient({ registry: proxy.host, repository: 'team/once' }))
    for (const digest of [subject.digest, second.digest, subject.digest]) await fresh.list(digest)
    assert.equal(proxy.log.filter((r) => r.path.includes('/referrers/')).length, 1, 'a 404 from the API is remembered for listing')
  } finally {
    await proxy.close()
  }

  // A 404 while listing (a repository that does not exist yet may answer so) leaves the mode open:
  // attaching with OCI-Subject and a referrers API that answers 200 still uses the API, and so does listing.
  const api = await startFaultProxy(registry.host, [
    {
      method: 'GET',
      path: /\/referrers\//,
      fault: { kind: 'status', status: 404, body: '{"errors":[{"code":"NAME_UNKNOWN"}]}' },
      times: 1
    },
    ...referrersApi(second.digest)
  ])
  try {
    const referrers = Referrers.of(new RegistryClient({ registry: api.host, repository: 'team/once' }))
    assert.deepEqual(await referrers.list(second.digest), [])
    const attached = await referrers.attach({ manifest: artifact(second, 'api'), subjectDigest: second.digest })
    assert.equal(attached.mode, 'referrers-api')
    await referrers.list(second.digest)
    assert.equal(api.log.filter((r) => r.path.includes('/referrers/')).length, 3, 'listed by the API once it was found')
  } finally {
    await api.close()
  }
})

test("while the registry's answer is unknown, the first listing reads the tag-schema index beside the referrers API", async () => {
  const subject = await pushSubject('team/side-by-side')
  const attached = await new Referrers(subject.client).attach({ manifest: artifact(subject, 'side'), subjectDigest: subject.digest })
  const tagPath = `/manifests/${referrersTag(subject.digest)}`
  let tagAskedWhileApiPending = false
  // The registry's 404 from the referrers API is held until the tag's GET arrives (or a second has gone by).
  const proxy = await startFaultProxy(registry.host, [
    {
      method: 'GET',
      path: /\/referrers\//,
      fault: {
        kind: 'rewrite',
        rewrite: async (answer) => {
          for (let waited = 0; waited < 1000 && !tagAskedWhileApiPending; waited += 5) {
            tagAskedWhileApiPending = proxy.log.some((r) => r.method === 'GET' && r.path.endsWith(tagPath))
            if (!tagAskedWhileApiPending) await new Promise((resolve) => setTimeout(resolve, 5))
          }
          return answer
        }
      },
      times: 1
    }
  ])
  try {
    const listed = await Referrers.of(new RegistryClient({ registry: proxy.host, repository: 'team/side-by-side' })).list(subject.digest)
    assert.deepEqual(
      listed.map((d) => d.digest),
      [attached.digest]
    )
    assert.ok(tagAskedWhileApiPending, 'the tag-schema index was asked for before the API answered')
  } finally {
    await proxy.close()
  }

  // A registry with the API: its listing is the answer, whatever the tag holds.
  const api = await startFaultProxy(registry.host, referrersApi(subject.digest))
  try {
    const listed = await Referrers.of(new RegistryClient({ registry: api.host, repository: 'team/side-by-side' })).list(subject.digest)
    assert.deepEqual(listed, [], "the API's (empty) listing, not the tag's")
  } finally {
    await api.close()
  }
})
