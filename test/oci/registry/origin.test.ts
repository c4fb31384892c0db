// Unit tests: credentials are bound to the registry's origin (scheme, host, port), an HTTPS
// registry is never left for plain HTTP, and a token realm gets credentials only over HTTPS
// (loopback and insecure registries excepted).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RegistryClient } from '../../../src/oci/registry/client.js'
import { realmMayReceiveCredentials } from '../../../src/oci/registry/auth.js'
import { RegistryError } from '../../../src/oci/errors.js'
import type { HttpResponse } from '../../../src/net/http.js'

const credential = { username: 'ci', password: 'pw' }

test('the registry origin is scheme, host and port: http on the same host and port is another origin', () => {
  const client = new RegistryClient({ registry: 'registry.example:5000', repository: 'a/b', credential })
  assert.ok(client.isRegistryOrigin(new URL('https://registry.example:5000/v2/a/b/blobs/uploads/x')))
  assert.ok(client.isRegistryOrigin(new URL('https://REGISTRY.example:5000/v2/')))
  assert.ok(!client.isRegistryOrigin(new URL('http://registry.example:5000/v2/a/b/blobs/uploads/x')))
  assert.ok(!client.isRegistryOrigin(new URL('https://registry.example:5001/v2/')))
  assert.ok(!client.isRegistryOrigin(new URL('https://storage.example:5000/v2/')))

  const hub = new RegistryClient({ registry: 'docker.io', repository: 'library/x' })
  assert.ok(hub.isRegistryOrigin(new URL('https://registry-1.docker.io:443/v2/')))
  assert.ok(!hub.isRegistryOrigin(new URL('http://registry-1.docker.io/v2/')))

  const local = new RegistryClient({ registry: '127.0.0.1:5000', repository: 'a/b' })
  assert.ok(local.isRegistryOrigin(new URL('http://127.0.0.1:5000/v2/')))
  assert.ok(!local.isRegistryOrigin(new URL('https://127.0.0.1:5000/v2/')))
})

test('an upload Location that downgrades an HTTPS registry to plain HTTP is refused, before any request', async () => {
  const client = new RegistryClient({ registry: 'registry.example', repository: 'a/b', credential })
  const answer = (location: string): HttpResponse => ({
    status: 202,
    headers: { location },
    body: Buffer.alloc(0),
    url: new URL('https://registry.example/v2/a/b/blobs/uploads/')
  })
  for (const location of ['http://registry.example/v2/a/b/blobs/uploads/1?_state=s', 'http://storage.example/upload/1']) {
    assert.throws(
      () => client.location(answer(location), 'POST blobs/uploads/'),
      (error: unknown) =>
        error instanceof RegistryError &&
        /POST blobs\/uploads\/ answered with an upload Location that leads from the HTTPS registry registry\.example to plain HTTP.*refusing the downgrade/.test(
          error.message
        ) &&
        !error.message.includes('_state=s')
    )
  }
  assert.equal(client.location(answer('/v2/a/b/blobs/uploads/1'), 'POST').href, 'https://registry.example/v2/a/b/blobs/uploads/1')
  assert.equal(client.location(answer('https://storage.example/u/1'), 'POST').href, 'https://storage.example/u/1')

  // An absolute URL handed to request() is checked too: no connection is even tried.
  await assert.rejects(
    client.request({ method: 'PUT', path: 'http://registry.example/v2/a/b/blobs/uploads/1', body: Buffer.from('x'), expect: [201] }),
    /a PUT request leads from the HTTPS registry registry\.example to plain HTTP/
  )
})

test('a token realm gets credentials over HTTPS, over plain HTTP only on loopback or for an insecure registry', () => {
  assert.ok(realmMayReceiveCredentials(new URL('https://auth.docker.io/token'), false))
  assert.ok(realmMayReceiveCredentials(new URL('https://auth.example/token'), true))
  assert.ok(!realmMayReceiveCredentials(new URL('http://auth.example/token'), false))
  assert.ok(realmMayReceiveCredentials(new URL('http://auth.example/token'), true))
  assert.ok(realmMayReceiveCredentials(new URL('http://127.0.0.1:8080/token'), false))
  assert.ok(realmMayReceiveCredentials(new URL('http://localhost:8080/token'), false))
  assert.ok(realmMayReceiveCredentials(new URL('http://[::1]:8080/token'), false))
  assert.ok(!realmMayReceiveCredentials(new URL('file:///etc/passwd'), true))
  assert.ok(!realmMayReceiveCredentials(new URL('ftp://auth.example/token'), true))
})

test('an HTTPS registry naming a plain-HTTP realm gets a clear refusal, and the realm is never asked', async () => {
  const { Authenticator } = await import('../../../src/oci/registry/auth.js')
  const auth = new Authenticator(credential, undefined, { insecure: false })
  await assert.rejects(
    auth.respond('Bearer realm="http://auth.example:1/token",service="s"', 'repository:a/b:pull'),
    /the HTTPS registry named a plain-HTTP token realm \(http:\/\/auth\.example:1\/token\); refusing to send the credentials there unencrypted/
  )
})
