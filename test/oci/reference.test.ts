import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseReference, sameRepository, familiarName, formatReference } from '../../src/oci/reference.js'

test('normalizes Docker Hub short names', () => {
  assert.deepEqual(parseReference('nginx'), { registry: 'docker.io', repository: 'library/nginx', tag: undefined, digest: undefined })
  assert.deepEqual(parseReference('user/app:1.0'), { registry: 'docker.io', repository: 'user/app', tag: '1.0', digest: undefined })
  assert.equal(familiarName(parseReference('docker.io/library/nginx')), 'nginx')
  assert.ok(sameRepository(parseReference('nginx:1'), parseReference('index.docker.io/library/nginx@sha256:' + 'a'.repeat(64))))
})

test('keeps registry ports and tells prefixes apart', () => {
  const ref = parseReference('127.0.0.1:5000/team/app:v1@sha256:' + 'b'.repeat(64))
  assert.equal(ref.registry, '127.0.0.1:5000')
  assert.equal(ref.repository, 'team/app')
  assert.equal(ref.tag, 'v1')
  assert.equal(formatReference(ref), '127.0.0.1:5000/team/app:v1@sha256:' + 'b'.repeat(64))
  assert.ok(!sameRepository(parseReference('localhost:5000/app'), parseReference('localhost:5000/app-canary')))
  assert.equal(parseReference('localhost/app').registry, 'localhost')
})

test('rejects bad references with a reason', () => {
  assert.throws(() => parseReference('Team/App'), /lowercase/)
  assert.throws(() => parseReference('ghcr.io/team/app:-bad'), /not a valid tag/)
  assert.throws(() => parseReference('ghcr.io/team/app@sha256:xyz'), /not a digest/)
  assert.throws(() => parseReference(''), /empty/)
  assert.throws(() => parseReference('ghcr.io/'), /empty/)
})
