// Tag immutability against the real registry: checked first, applied last, never moved unless allowed.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startRegistry } from '../harness/registry.js'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startFaultProxy } from '../harness/fault-proxy.js'
import { runAction } from '../harness/action.js'
import { writeLayout, randomLayer, type BuiltLayout } from '../harness/layouts.js'
import { OFF } from '../harness/inputs.js'
import { testScope } from '../harness/scope.js'
import { RegistryClient } from '../../src/oci/registry/client.js'
import { mapRegistryImmutability, mutableMatcher } from '../../src/steps/tags.js'
import { RegistryError } from '../../src/oci/errors.js'
import { TagError } from '../../src/steps/errors.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())
const work = scope.tempDir('dr-tags-')
let first: BuiltLayout
let second: BuiltLayout

before(async () => {
  first = await writeLayout(join(work, 'first'), { images: [{ layers: [randomLayer(10_000)] }] })
  second = await writeLayout(join(work, 'second'), { images: [{ layers: [randomLayer(10_000)] }] })
})

const client = (repo: string): RegistryClient => new RegistryClient({ registry: registry.host, repository: repo })

test('a release lifecycle: create, refuse to move an immutable tag, move a mutable one, re-run idempotently', async () => {
  const image = `${registry.host}/team/app`

  const created = await runAction({ layout: first.dir, image, tags: 'v1.0.0,latest', 'mutable-tags': 'latest', ...OFF })
  assert.equal(created.exitCode, 0, created.stdout)
  assert.equal(created.outputs['tags-created'], 'v1.0.0,latest')
  assert.equal(created.outputs['tags'], 'v1.0.0,latest')

  // Another build asking for v1.0.0 fails before pushing anything.
  const refused = await runAction({ layout: second.dir, image, tags: 'v1.0.0', ...OFF })
  assert.equal(refused.exitCode, 1)
  assert.match(
    refused.errors[0],
    /^preflight failed: tag .*team\/app:v1\.0\.0 already names sha256:[0-9a-f]{64}; this release would give it sha256:[0-9a-f]{64}\./
  )
  assert.ok(refused.errors[0].includes(first.top.digest) && refused.errors[0].includes(second.top.digest))
  assert.match(refused.errors[0], /mutable-tags/)
  assert.equal((await client('team/app').headManifest('v1.0.0'))?.digest, first.top.digest)
  assert.equal(await client('team/app').headManifest(second.top.digest), undefined, 'no manifest was pushed')
  assert.equal(await client('team/app').blobExists(second.layers[0].digest), false, 'no blob was pushed')
  assert.equal(refused.outputs.digest, second.top.digest, 'the digest the error names is an output too')
  assert.equal(refused.outputs.tags, 'v1.0.0')

  // A new version moves the mutable `latest`.
  const moved = await runAction({ layout: second.dir, image, tags: 'v1.1.0\nlatest', 'mutable-tags': 'latest', ...OFF })
  assert.equal(moved.exitCode, 0, moved.stdout)
  assert.equal(moved.outputs['tags-created'], 'v1.1.0')
  assert.equal(moved.outputs['tags-moved'], 'latest')
  assert.equal((await client('team/app').headManifest('latest'))?.digest, second.top.digest)
  assert.ok(moved.summary.includes(`\`${first.top.digest.slice(0, 19)}…\``), 'the summary shows the old digest')
  const result = JSON.parse(moved.outputs.result) as { tags: { entries: Array<{ tag: string; action: string; previous?: string }> } }
  assert.deepEqual(
    result.tags.entries.find((e) => e.tag === 'latest'),
    { tag: 'latest', mutable: true, previous: first.top.digest, action: 'move', digest: second.top.digest }
  )

  // Re-running the first release is a no-op for its tag.
  const rerun = await runAction({ layout: first.dir, image, tags: 'v1.0.0', ...OFF })
  assert.equal(rerun.exitCode, 0, rerun.stdout)
  assert.equal(rerun.outputs['tags-unchanged'], 'v1.0.0')
  assert.equal(rerun.outputs['tags-created'], '')
})

test('a tag created by someone else between preflight and apply is not overwritten', async () => {
  const repo = 'team/race'
  // The other writer's image is already in the repository, untagged.
  const setup = await runAction({ layout: first.dir, image: `${registry.host}/${repo}`, ...OFF })
  assert.equal(setup.exitCode, 0, setup.stdout)
  const proxy = await startFaultProxy(registry.host, [])
  proxy.before('PUT', new RegExp(`/v2/${repo}/manifests/${second.top.digest}`), async () => {
    const bytes = await readFile(join(first.dir, 'blobs', 'sha256', first.top.digest.slice(7)))
    await client(repo).putManifest('v9', bytes, first.top.mediaType)
  })
  try {
    const run = await runAction({ layout: second.dir, image: `${proxy.host}/${repo}`, tags: 'v9,v10', ...OFF })
    assert.equal(run.exitCode, 1, run.stdout)
    assert.match(
      run.errors[0],
      /^tags failed: tag .*:v9 was created by someone else while this release ran: it names sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}\. It was not overwritten\./
    )
    assert.equal((await client(repo).headManifest('v9'))?.digest, first.top.digest)
    assert.equal(run.outputs.digest, second.top.digest, 'the digest output is still set')
  } finally {
    await proxy.close()
  }
})

test('mutable-tags are globs; every other tag is immutable', () => {
  const isMutable = mutableMatcher(['latest', 'pr-*', 'main'])
  assert.ok(isMutable('latest') && isMutable('pr-42') && isMutable('main'))
  assert.ok(!isMutable('v1.0.0') && !isMutable('latest-x') && !isMutable('mainline'))
  assert.ok(!mutableMatcher([])('latest'))
})

test('registries that enforce immutability themselves get the same clear message', () => {
  const ecr = new RegistryError('PUT … answered 400', {
    method: 'PUT',
    url: 'https://1.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/v1',
    status: 400,
    errors: [
      {
        code: 'TAG_INVALID',
        message: "The image tag 'v1' already exists in the 'app' repository and cannot be overwritten because the repository is immutable."
      }
    ]
  })
  const mapped = mapRegistryImmutability(ecr, 'ecr/app', 'v1', 'sha256:abc')
  assert.ok(mapped instanceof TagError)
  assert.match((mapped as Error).message, /enforces tag immutability itself/)
  const other = new RegistryError('boom', { method: 'PUT', url: 'x', status: 500 })
  assert.equal(mapRegistryImmutability(other, 'a', 'b', 'c'), other)
})

test('two releases writing one immutable tag at the same moment: the one whose write the registry did not keep fails and claims nothing', async () => {
  const repo = 'team/concurrent'
  // The rival's image is in the repository, untagged, as it would be after its own push.
  const setup = await runAction({ layout: first.dir, image: `${registry.host}/${repo}`, ...OFF })
  assert.equal(setup.exitCode, 0, setup.stdout)
  const rivalBytes = await readFile(join(first.dir, 'blobs', 'sha256', first.top.digest.slice(7)))
  // A front that lets our tag write through, then lets the rival's write land just after it, before we hear back.
  const front = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const upstream = await fetch(`${registry.url}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')) as Record<
          string,
          string
        >,
        body: chunks.length ? Buffer.concat(chunks) : undefined
      })
      if (req.method === 'PUT' && req.url === `/v2/${repo}/manifests/v7`)
        await client(repo).putManifest('v7', rivalBytes, first.top.mediaType)
      const body = Buffer.from(await upstream.arrayBuffer())
      res.writeHead(upstream.status, Object.fromEntries(upstream.headers))
      res.end(req.method === 'HEAD' ? undefined : body)
    })
  })
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(front.address() as AddressInfo).port}`
  try {
    const run = await runAction({ layout: second.dir, image: `${host}/${repo}`, tags: 'v6,v7', ...OFF })
    assert.equal(run.exitCode, 1, run.stdout)
    assert.match(run.errors[0], /^tags failed: tag .*:v7 was written by another release at the same moment as this one/)
    assert.ok(run.errors[0].includes(first.top.digest) && run.errors[0].includes(second.top.digest), 'both digests are named')
    assert.equal(run.outputs['tags-created'], 'v6', 'the tag it did win is reported, the lost one is not claimed')
    assert.equal((await client(repo).headManifest('v7'))?.digest, first.top.digest)
  } finally {
    front.closeAllConnections()
    await new Promise((resolve) => front.close(resolve))
  }
})
