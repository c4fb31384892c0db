// Manifest reads through one registry client, counted at a proxy in front of a real registry: a
// manifest read by digest is read once (it is content-addressed); a tag is shared only by reads
// made while its answer is on the way, never across a write of the tag, and a deleted manifest is
// asked for again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startRegistry } from '../../harness/registry.js'
import { testScope } from '../../harness/scope.js'
import { startFaultProxy, type FaultProxy, type FaultRule } from '../../harness/fault-proxy.js'
import { RegistryClient } from '../../../src/oci/registry/client.js'
import { EMPTY_JSON_DIGEST, MEDIA_TYPE } from '../../../src/oci/media-types.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())

/** A small OCI manifest (the empty config as its only layer), pushed under `tag`. */
async function pushManifest(client: RegistryClient, tag: string, note: string): Promise<{ digest: string; bytes: Buffer }> {
  await client.putBlobBytes(Buffer.from('{}'))
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_JSON_DIGEST, size: 2 },
      layers: [{ mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_JSON_DIGEST, size: 2 }],
      annotations: { note }
    })
  )
  const { digest } = await client.putManifest(tag, bytes, MEDIA_TYPE.ociManifest)
  return { digest, bytes }
}

/** The first GET of `path` is answered by the registry, then held at the proxy until `released` settles. */
function holdFirstGet(path: RegExp, released: Promise<void>): FaultRule {
  return {
    method: 'GET',
    path,
    fault: {
      kind: 'rewrite',
      rewrite: async (answer) => {
        await released
        return answer
      }
    },
    times: 1
  }
}

const manifestGets = (proxy: FaultProxy, reference: string): number =>
  proxy.log.filter((r) => r.method === 'GET' && r.path.endsWith(`/manifests/${reference}`)).length

test('a manifest read by digest is read once per client, and asked for again once deleted', async () => {
  const proxy = await startFaultProxy(registry.host, [])
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/by-digest' })
    const { digest, bytes } = await pushManifest(client, 'v1', 'one')
    const [first, second] = await Promise.all([client.getManifest(digest), client.getManifest(digest)])
    const third = await client.getManifest(digest, [MEDIA_TYPE.ociManifest])
    for (const read of [first, second, third]) assert.deepEqual(read?.bytes, bytes)
    assert.equal(manifestGets(proxy, digest), 1, 'one GET for three reads')

    const other = new RegistryClient({ registry: proxy.host, repository: 'team/by-digest' })
    assert.deepEqual((await other.getManifest(digest))?.bytes, bytes)
    assert.equal(manifestGets(proxy, digest), 2, 'another client reads for itself')

    await client.deleteManifest(digest)
    assert.equal(await client.getManifest(digest), undefined, 'gone once deleted')
    assert.equal(manifestGets(proxy, digest), 3)
    // Not found is not kept: the manifest can be pushed again in the same run.
    await pushManifest(client, 'v1', 'one')
    assert.deepEqual((await client.getManifest(digest))?.bytes, bytes)
  } finally {
    await proxy.close()
  }
})

test('reads of a tag share an answer only while it is on its way, and never across a write of the tag', async () => {
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const proxy = await startFaultProxy(registry.host, [holdFirstGet(/\/manifests\/moving$/, held)])
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/tags' })
    const before = await pushManifest(client, 'moving', 'before')
    const early = [client.getManifest('moving'), client.getManifest('moving')]
    while (manifestGets(proxy, 'moving') === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    assert.equal(manifestGets(proxy, 'moving'), 1, 'two reads at once, one GET')

    const after = await pushManifest(client, 'moving', 'after')
    const late = client.getManifest('moving')
    release()
    for (const read of await Promise.all(early)) assert.equal(read?.digest, before.digest, 'the early reads see the tag as it was')
    assert.equal((await late)?.digest, after.digest, 'a read asked for after the write sees the write')
    assert.equal(manifestGets(proxy, 'moving'), 2)

    await client.getManifest('moving')
    assert.equal(manifestGets(proxy, 'moving'), 3, 'a tag read once done is not kept')
  } finally {
    release()
    await proxy.close()
  }
})

test('a read of a tag begun while the tag is being written is not shared with reads asked for after the write', async () => {
  let releaseRead = (): void => undefined
  const readHeld = new Promise<void>((resolve) => (releaseRead = resolve))
  let releasePut = (): void => undefined
  const putHeld = new Promise<void>((resolve) => (releasePut = resolve))
  let putArrived = (): void => undefined
  const putSeen = new Promise<void>((resolve) => (putArrived = resolve))
  const proxy = await startFaultProxy(registry.host, [holdFirstGet(/\/manifests\/racing$/, readHeld)])
  try {
    const client = new RegistryClient({ registry: proxy.host, repository: 'team/tags' })
    const before = await pushManifest(client, 'racing', 'before')
    // The next PUT of the tag waits at the proxy, before the registry sees it.
    proxy.before('PUT', /\/manifests\/racing$/, async () => {
      putArrived()
      await putHeld
    })
    const writing = pushManifest(client, 'racing', 'after')
    await putSeen
    const during = client.getManifest('racing')
    while (manifestGets(proxy, 'racing') === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    releasePut()
    const after = await writing
    const late = client.getManifest('racing')
    releaseRead()
    assert.equal((await during)?.digest, before.digest, 'the read made during the write saw the tag as it was')
    assert.equal((await late)?.digest, after.digest, 'the read asked for after the write sees the write')
    assert.equal(manifestGets(proxy, 'racing'), 2)
  } finally {
    releasePut()
    releaseRead()
    await proxy.close()
  }
})
