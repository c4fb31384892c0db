// The fault proxy's `rewrite` kind, against the real registry: the registry's answer goes through
// the test's function, and what it returns is what the client gets, as many times as the rule says.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startRegistry } from './registry.js'
import { startFaultProxy, type FaultProxy, type FaultRule } from './fault-proxy.js'
import { registryReader } from './registry-reader.js'
import { sha256 } from './layouts.js'
import { testScope } from './scope.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())
const proxyFor = async (rules: FaultRule[]): Promise<FaultProxy> => scope.add(await startFaultProxy(registry.host, rules))

/** Stores bytes as a blob with a monolithic upload (POST, then PUT ?digest=), straight to the registry. */
async function putBlob(repo: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes)
  const started = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' })
  assert.equal(started.status, 202)
  const location = new URL(started.headers.get('location')!, registry.url)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes })
  assert.equal(put.status, 201)
  return digest
}

async function putImage(repo: string, tag: string): Promise<{ digest: string; bytes: Buffer }> {
  const config = Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}')
  const configDigest = await putBlob(repo, config)
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: []
    })
  )
  const put = await fetch(`${registry.url}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    body: bytes
  })
  assert.equal(put.status, 201)
  return { digest: sha256(bytes), bytes }
}

test('rewrite: a challenge sent to another realm, as many times as the rule says, then the registry as it is', async () => {
  const proxy = await proxyFor([
    {
      method: 'GET',
      path: /^\/v2\/$/,
      times: 1,
      fault: {
        kind: 'rewrite',
        rewrite: (answer) => ({
          ...answer,
          status: 401,
          headers: { ...answer.headers, 'WWW-Authenticate': 'Bearer realm="http://evil.example/token",service="registry"' }
        })
      }
    }
  ])
  const first = await fetch(`${proxy.url}/v2/`)
  assert.equal(first.status, 401)
  assert.equal(first.headers.get('www-authenticate'), 'Bearer realm="http://evil.example/token",service="registry"')
  assert.match(first.headers.get('docker-distribution-api-version') ?? '', /registry\/2\.0/, "the registry's other headers are kept")
  const second = await fetch(`${proxy.url}/v2/`)
  assert.equal(second.status, 200, 'the rule is spent')
  assert.equal(second.headers.get('www-authenticate'), null)
  assert.deepEqual(
    proxy.log.map((r) => r.fault),
    ['rewrite', undefined]
  )
})

test('rewrite: an upload Location pointing off the registry; the request reaches the registry first', async () => {
  const seen: Array<{ method: string; path: string; status: number; location?: string }> = []
  const proxy = await proxyFor([
    {
      method: 'POST',
      path: /\/blobs\/uploads\/$/,
      times: 1,
      fault: {
        kind: 'rewrite',
        rewrite: (answer, request) => {
          seen.push({ ...request, status: answer.status, location: String(answer.headers.location) })
          return { ...answer, headers: { ...answer.headers, location: 'http://127.0.0.1:9/v2/team/hostile/blobs/uploads/stolen' } }
        }
      }
    }
  ])
  const response = await fetch(`${proxy.url}/v2/team/hostile/blobs/uploads/`, { method: 'POST' })
  assert.equal(response.status, 202)
  assert.equal(response.headers.get('location'), 'http://127.0.0.1:9/v2/team/hostile/blobs/uploads/stolen')
  assert.equal(seen.length, 1)
  assert.equal(seen[0].method, 'POST')
  assert.equal(seen[0].status, 202, "the function saw the registry's own answer")
  assert.match(seen[0].location!, /\/v2\/team\/hostile\/blobs\/uploads\/[0-9a-f-]+/)
})

test('rewrite: a manifest served with other bytes than its digest; Content-Length follows the body, HEAD keeps its own', async () => {
  const image = await putImage('team/served', 'v1')
  const altered = Buffer.from(image.bytes.toString().replace('"layers":[]', '"layers":[],"annotations":{"x":"y"}'))
  const rewriteBody = (path: RegExp): FaultRule => ({
    path,
    times: 10,
    fault: { kind: 'rewrite', rewrite: (answer) => ({ ...answer, body: answer.body.length > 0 ? altered : answer.body }) }
  })
  const proxy = await proxyFor([rewriteBody(/\/manifests\/v1$/)])
  const read = await registryReader(proxy).manifest('team/served', 'v1')
  assert.equal(read.status, 200)
  assert.deepEqual(read.bytes, altered)
  assert.deepEqual(read.json.annotations, { x: 'y' })
  assert.notEqual(read.digest, image.digest, 'the bytes no longer match the digest')
  const response = await fetch(`${proxy.url}/v2/team/served/manifests/v1`, {
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' }
  })
  assert.equal(response.headers.get('content-length'), String(altered.length))
  assert.equal(response.headers.get('docker-content-digest'), image.digest, "the registry's digest header is passed on unless rewritten")
  await response.arrayBuffer()
  const head = await fetch(`${proxy.url}/v2/team/served/manifests/v1`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' }
  })
  assert.equal(head.status, 200)
  assert.equal(head.headers.get('content-length'), String(image.bytes.length))
  assert.ok(proxy.log.every((r) => r.fault === 'rewrite'))
})

test('rewrite: a function that throws answers 500 naming it, and the proxy keeps serving', async () => {
  await putImage('team/listed', 'v1')
  const proxy = await proxyFor([
    {
      path: /\/tags\/list$/,
      times: 1,
      fault: {
        kind: 'rewrite',
        rewrite: () => {
          throw new Error('no such header')
        }
      }
    }
  ])
  const broken = await fetch(`${proxy.url}/v2/team/listed/tags/list`)
  assert.equal(broken.status, 500)
  assert.match(await broken.text(), /the rewrite threw: no such header/)
  assert.deepEqual(await registryReader(proxy).tags('team/listed'), ['v1'])
})
