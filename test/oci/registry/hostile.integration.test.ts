// A hostile registry: the real registry (Basic auth) behind a front that rewrites its answers. The
// credentials stay bound to the registry's origin; other origins get neither the Authorization
// header nor an answer to their challenges; blob redirects to storage are followed without
// credentials; a registry that trickles its answer hits the request's deadline.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import bcrypt from 'bcryptjs'
import { startRegistry, type RegistryServer } from '../../harness/registry.js'
import { startHostileFront, startRecordingServer, type FrontAnswer, type HostileServer } from '../../harness/hostile-front.js'
import { sha256 } from '../../harness/layouts.js'
import { RegistryClient } from '../../../src/oci/registry/client.js'
import { RegistryError } from '../../../src/oci/errors.js'

const PASSWORD = 'hostile-test-Pa55word'
const credential = { username: 'ci', password: PASSWORD }
const NO_RETRY = { attempts: 1, budgetMs: 0, baseDelayMs: 1, maxDelayMs: 1 }
let registry: RegistryServer
const servers: HostileServer[] = []

before(async () => {
  registry = await startRegistry({ htpasswd: `ci:${bcrypt.hashSync(PASSWORD, 10)}\n` })
})
after(async () => {
  for (const server of servers) await server.close()
  await registry?.close()
})

async function track<T extends HostileServer>(server: Promise<T>): Promise<T> {
  servers.push(await server)
  return server
}

/** A Location header moved onto another server, path and query kept. */
function moveTo(location: string, server: HostileServer): string {
  const url = new URL(location, 'http://placeholder')
  return `${server.url}${url.pathname}${url.search}`
}

test('a challenge from an upload Location on another origin is not answered: its realm gets no credentials', async () => {
  // The other origin asks for a Bearer token from a realm of its own choosing.
  const evil: HostileServer = await track(
    startRecordingServer((request): FrontAnswer =>
      request.path.startsWith('/token')
        ? { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'evil-token' }) }
        : { status: 401, headers: { 'WWW-Authenticate': `Bearer realm="${evil.url}/token",service="evil"` } }
    )
  )
  const front = await track(
    startHostileFront(registry.host, {
      rewrite: (request, answer) => {
        if (request.method === 'POST' && answer.status === 202 && answer.headers.location)
          answer.headers.location = moveTo(answer.headers.location, evil)
      }
    })
  )
  const client = new RegistryClient({ registry: front.host, repository: 'team/evil-realm', credential, retry: NO_RETRY })
  const bytes = randomBytes(1000)
  await assert.rejects(client.putBlobBytes(bytes), (error: unknown) => {
    assert.ok(error instanceof RegistryError, String(error))
    assert.equal(error.status, 401)
    return true
  })
  assert.ok(
    front.seen.some((r) => r.method === 'POST' && r.authorization?.startsWith('Basic ')),
    'the registry itself got the credentials'
  )
  assert.ok(
    evil.seen.some((r) => r.method === 'PUT'),
    'the upload went to the other origin'
  )
  assert.deepEqual(
    evil.seen.filter((r) => r.authorization !== undefined),
    [],
    'the other origin and its realm got no Authorization'
  )
  assert.ok(!evil.seen.some((r) => r.path.startsWith('/token')), 'its realm was never asked for a token')
})

test('an upload Location on another origin is followed without the Authorization header', async () => {
  const storage = await track(startRecordingServer(() => ({ status: 201 })))
  const front = await track(
    startHostileFront(registry.host, {
      rewrite: (request, answer) => {
        if (request.method === 'POST' && answer.status === 202 && answer.headers.location)
          answer.headers.location = moveTo(answer.headers.location, storage)
      }
    })
  )
  const client = new RegistryClient({ registry: front.host, repository: 'team/other-origin', credential, retry: NO_RETRY })
  const bytes = randomBytes(1000)
  assert.equal(await client.putBlobBytes(bytes), sha256(bytes))
  const put = storage.seen.find((r) => r.method === 'PUT')
  assert.ok(put, 'the PUT went to the Location')
  assert.equal(put.authorization, undefined)
})

test('a blob GET redirected (307) to storage on another host is followed without credentials; the bytes are verified', async () => {
  const bytes = randomBytes(5000)
  const digest = sha256(bytes)
  const storage = await track(
    startRecordingServer((request): FrontAnswer =>
      request.path === `/blobs/${digest}` ? { status: 200, body: bytes } : { status: 200, body: 'not the blob' }
    )
  )
  // Two hops: the registry to a signed URL on storage, which bounces once more on itself.
  const hop = await track(startRecordingServer(() => ({ status: 302, headers: { Location: `${storage.url}/blobs/${digest}` } })))
  const front = await track(
    startHostileFront(registry.host, {
      answer: (request) =>
        request.method === 'GET' && request.path.includes('/blobs/sha256:')
          ? { status: 307, headers: { Location: `${hop.url}/signed/${digest}?X-Amz-Signature=abc` } }
          : undefined
    })
  )
  const client = new RegistryClient({ registry: front.host, repository: 'team/redirected', credential, retry: NO_RETRY })
  assert.equal(await client.putBlobBytes(bytes), digest)
  assert.deepEqual(await client.getBlob(digest), bytes)
  assert.ok(front.seen.some((r) => r.method === 'GET' && r.path.includes(digest) && r.authorization?.startsWith('Basic ')))
  assert.equal(hop.seen.length, 1)
  assert.equal(storage.seen.length, 1)
  assert.deepEqual(
    [...hop.seen, ...storage.seen].map((r) => r.authorization),
    [undefined, undefined],
    'storage got no Authorization'
  )

  // Content that does not hash to the digest is refused, wherever it came from.
  const other = sha256(Buffer.from('other'))
  await assert.rejects(client.getBlob(other), /came back with other content/)
})

test('a manifest GET and HEAD follow redirects without credentials off the origin; more than 5 are refused', async () => {
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256(Buffer.from('{}')), size: 2 },
      layers: []
    })
  )
  const mediaType = 'application/vnd.oci.image.manifest.v1+json'
  const digest = sha256(manifest)
  const storage = await track(
    startRecordingServer((): FrontAnswer => ({
      status: 200,
      headers: { 'Content-Type': mediaType, 'Docker-Content-Digest': digest },
      body: manifest
    }))
  )
  let loops = 0
  const front = await track(
    startHostileFront(registry.host, {
      answer: (request) => {
        if (!request.path.includes('/manifests/')) return undefined
        // Before the challenge is answered the registry's 401 goes through.
        if (request.authorization === undefined) return undefined
        if (request.path.includes('loop')) return { status: 308, headers: { Location: `/v2/team/m/manifests/loop${++loops}` } }
        return { status: 307, headers: { Location: `${storage.url}/m/${digest}` } }
      }
    })
  )
  const client = new RegistryClient({ registry: front.host, repository: 'team/m', credential, retry: NO_RETRY })
  const got = await client.getManifest(digest)
  assert.equal(got?.digest, digest)
  assert.deepEqual(got?.bytes, manifest)
  assert.deepEqual(await client.headManifest('v1'), { digest, mediaType, size: manifest.length })
  assert.deepEqual(
    storage.seen.map((r) => [r.method, r.authorization]),
    [
      ['GET', undefined],
      ['HEAD', undefined]
    ]
  )

  await assert.rejects(client.getManifest('loop0'), /redirected more than 5 times/)
  assert.equal(loops, 6)
})

test(
  'a registry that trickles its answer a byte at a time fails at the request deadline, saying it was too slow',
  { timeout: 15_000 },
  async () => {
    const direct = new RegistryClient({ registry: registry.host, repository: 'team/slow', credential })
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256(Buffer.from('{}')), size: 2 },
        layers: []
      })
    )
    await direct.putBlobBytes(Buffer.from('{}'))
    await direct.putManifest('v1', manifest, 'application/vnd.oci.image.manifest.v1+json')
    // Never idle (a byte every 100 ms), never done: the whole manifest would take half a minute.
    const front = await track(
      startHostileFront(registry.host, { trickleMs: (request) => (request.path.includes('/manifests/') ? 100 : undefined) })
    )
    const client = new RegistryClient({ registry: front.host, repository: 'team/slow', credential, retry: NO_RETRY, deadlineMs: 1500 })
    const started = Date.now()
    await assert.rejects(client.getManifest('v1'), (error: unknown) => {
      assert.ok(error instanceof RegistryError, String(error))
      assert.match(
        error.message,
        /GET http:\/\/127\.0\.0\.1:\d+\/v2\/team\/slow\/manifests\/v1 failed: the registry 127\.0\.0\.1:\d+ was too slow/
      )
      assert.match(error.message, /was too slow: no complete answer within 1\.5s \(the request's deadline\)$/)
      return true
    })
    const took = Date.now() - started
    assert.ok(took >= 1400 && took < 5000, `failed after ${took} ms`)

    // A registry that answers within the deadline is unaffected by it.
    const prompt = new RegistryClient({ registry: registry.host, repository: 'team/slow', credential, retry: NO_RETRY, deadlineMs: 1500 })
    assert.equal((await prompt.getManifest('v1'))?.digest, sha256(manifest))
  }
)
