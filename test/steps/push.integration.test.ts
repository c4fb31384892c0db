// The push step end to end: the bundled action against a real distribution registry, checked by
// an independent reader (skopeo).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile, writeFile, truncate, rm, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startRegistry } from '../harness/registry.js'
import { runAction } from '../harness/action.js'
import { writeLayout, tarLayout, randomLayer, sha256 } from '../harness/layouts.js'
import { startFaultProxy } from '../harness/fault-proxy.js'
import { registryReader } from '../harness/registry-reader.js'
import { OFF } from '../harness/inputs.js'
import { testScope } from '../harness/scope.js'

const exec = promisify(execFile)

const scope = testScope()
const registry = scope.server(() => startRegistry())
const work = scope.tempDir('dr-push-')
const reader = registryReader(registry)

async function skopeoDigest(ref: string): Promise<string> {
  const { stdout } = await exec('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`])
  return sha256(Buffer.from(stdout))
}

test('pushes a single-platform image by digest, tags it, and skopeo reads it back byte-identical', async () => {
  const layout = await writeLayout(join(work, 'single'), { images: [{ layers: [randomLayer(300_000), randomLayer(50_000, 'b.bin')] }] })
  const image = `${registry.host}/team/single`
  const run = await runAction({ layout: layout.dir, image, tags: 'v1.0.0\nlatest', ...OFF })
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(run.outputs.digest, layout.top.digest)
  assert.equal(run.outputs['image-ref'], `${image}@${layout.top.digest}`)
  assert.equal(run.outputs['platform-digests'], '{}')
  assert.equal(run.outputs['blobs-uploaded'], '3')
  assert.equal(run.outputs['blobs-skipped'], '0')
  assert.ok(Number(run.outputs['bytes-uploaded']) > 300_000)
  assert.equal(run.outputs['tags-created'], 'v1.0.0,latest')

  assert.equal(await skopeoDigest(`${image}:v1.0.0`), layout.top.digest)
  const copy = join(work, 'single-copy')
  await exec('skopeo', ['copy', '--src-tls-verify=false', '--preserve-digests', `docker://${image}:v1.0.0`, `oci:${copy}:v1.0.0`])
  const copiedIndex = JSON.parse(await readFile(join(copy, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> }
  assert.equal(copiedIndex.manifests[0].digest, layout.top.digest)
  for (const name of await readdir(join(layout.dir, 'blobs', 'sha256'))) {
    assert.deepEqual(
      await readFile(join(copy, 'blobs', 'sha256', name)),
      await readFile(join(layout.dir, 'blobs', 'sha256', name)),
      `blob ${name} differs`
    )
  }
  assert.match(run.summary, new RegExp(layout.top.digest))

  // A second push of the same layout uploads nothing.
  const again = await runAction({ layout: layout.dir, image, tags: 'v1.0.0', ...OFF })
  assert.equal(again.exitCode, 0, again.stdout)
  assert.equal(again.outputs['bytes-uploaded'], '0')
  assert.equal(again.outputs['blobs-uploaded'], '0')
  assert.equal(again.outputs['blobs-skipped'], '3')
  assert.equal(again.outputs['tags-unchanged'], 'v1.0.0')
})

test('pushes a two-platform index: the index and both platform manifests land', async () => {
  const layout = await writeLayout(join(work, 'multi'), {
    images: [
      { platform: { os: 'linux', architecture: 'amd64' }, layers: [randomLayer(20_000)] },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [randomLayer(20_000)] }
    ]
  })
  const image = `${registry.host}/team/multi`
  const run = await runAction({ layout: layout.dir, image, tags: 'v2', ...OFF })
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs.digest, layout.top.digest)
  const platforms = JSON.parse(run.outputs['platform-digests']) as Record<string, string>
  assert.deepEqual(platforms, { 'linux/amd64': layout.manifests[0].digest, 'linux/arm64': layout.manifests[1].digest })
  assert.equal(await skopeoDigest(`${image}:v2`), layout.top.digest)
  for (const manifest of layout.manifests) assert.equal(await skopeoDigest(`${image}@${manifest.digest}`), manifest.digest)
  assert.match(run.summary, /linux\/arm64/)
})

test('pushes a layout given as a tar (buildx type=oci form), Docker media types included', async () => {
  const layout = await writeLayout(join(work, 'docker-src'), { images: [{ layers: [randomLayer(40_000)] }], docker: true })
  const tarPath = await tarLayout(layout.dir, join(work, 'layout.tar'))
  const image = `${registry.host}/team/fromtar`
  const run = await runAction({ layout: tarPath, image, tags: 'v1', ...OFF })
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs.digest, layout.top.digest)
  assert.equal(await skopeoDigest(`${image}:v1`), layout.top.digest)
})

test('completes with the right digest through connection resets, 503s and 429 with Retry-After', async () => {
  const layout = await writeLayout(join(work, 'faulty'), { images: [{ layers: [randomLayer(2_000_000), randomLayer(500_000, 'c.bin')] }] })
  const proxy = await startFaultProxy(registry.host, [
    { method: 'PUT', path: /\/blobs\/uploads\//, fault: { kind: 'reset-after', bytes: 256 * 1024 }, times: 2 },
    { method: 'POST', path: /\/blobs\/uploads\//, fault: { kind: 'status', status: 503 }, times: 2 },
    { method: 'HEAD', path: /\/blobs\//, fault: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } }, times: 1 },
    { method: 'PUT', path: /\/manifests\//, fault: { kind: 'status', status: 502 }, times: 1 }
  ])
  try {
    const image = `${proxy.host}/team/faulty`
    const run = await runAction({ layout: layout.dir, image, tags: 'v1', ...OFF })
    assert.equal(run.exitCode, 0, run.stdout)
    assert.equal(run.outputs.digest, layout.top.digest)
    assert.ok(proxy.log.filter((r) => r.fault).length >= 5, 'the faults fired')
    assert.equal(await skopeoDigest(`${registry.host}/team/faulty:v1`), layout.top.digest)
  } finally {
    await proxy.close()
  }
})

interface BadCase {
  name: string
  prepare: (dir: string) => Promise<Record<string, string>>
  error: RegExp
}

const badCases: BadCase[] = [
  {
    name: 'missing blob',
    prepare: async (dir) => {
      const l = await writeLayout(dir, { images: [{ layers: [randomLayer(1000)] }] })
      await rm(join(dir, 'blobs', 'sha256', l.layers[0].digest.slice(7)))
      return { layout: dir }
    },
    error: /layer 1 blob sha256:[0-9a-f]+ .*is missing from the layout \(expected at .*blobs\/sha256\//
  },
  {
    name: 'altered blob (same size)',
    prepare: async (dir) => {
      const l = await writeLayout(dir, { images: [{ layers: [randomLayer(1000)] }] })
      const path = join(dir, 'blobs', 'sha256', l.layers[0].digest.slice(7))
      const bytes = await readFile(path)
      bytes[bytes.length - 5] ^= 0xff
      await writeFile(path, bytes)
      return { layout: dir }
    },
    error: /blob sha256:[0-9a-f]+ has content that hashes to sha256:[0-9a-f]+; the layout is damaged \(.*blobs\/sha256\//
  },
  {
    name: 'truncated blob',
    prepare: async (dir) => {
      const l = await writeLayout(dir, { images: [{ layers: [randomLayer(1000)] }] })
      await truncate(join(dir, 'blobs', 'sha256', l.layers[0].digest.slice(7)), 10)
      return { layout: dir }
    },
    error: /is 10 bytes at .*, but manifest sha256:[0-9a-f]+ says \d+; the blob is truncated or altered/
  },
  {
    name: 'index.json that is not JSON',
    prepare: async (dir) => {
      await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }] })
      await writeFile(join(dir, 'index.json'), '{"manifests": [')
      return { layout: dir }
    },
    error: /index\.json is not valid JSON/
  },
  {
    name: 'missing oci-layout',
    prepare: async (dir) => {
      await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }] })
      await rm(join(dir, 'oci-layout'))
      return { layout: dir }
    },
    error: /oci-layout is missing: this is not an OCI image layout/
  },
  {
    name: 'index entry naming an absent manifest',
    prepare: async (dir) => {
      const l = await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }] })
      await rm(join(dir, 'blobs', 'sha256', l.top.digest.slice(7)))
      return { layout: dir }
    },
    error: /image manifest sha256:[0-9a-f]+ is missing from the layout/
  },
  {
    name: 'unknown layout-ref',
    prepare: async (dir) => {
      await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }], refName: 'v1' })
      return { layout: dir, 'layout-ref': 'v9' }
    },
    error: /no index\.json entry is named "v9" \(input `layout-ref`\); the entries are named: v1/
  },
  {
    name: 'layout path that does not exist',
    prepare: async (dir) => ({ layout: join(dir, 'nowhere') }),
    error: /the layout path .*nowhere does not exist/
  },
  {
    name: 'invalid image name',
    prepare: async (dir) => {
      await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }] })
      return { layout: dir, image: 'REGISTRY/Bad Name' }
    },
    error: /input `image`: .*not a valid/
  },
  {
    name: 'invalid tag',
    prepare: async (dir) => {
      await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }] })
      return { layout: dir, tags: 'ok,-bad' }
    },
    error: /input `tags`: "-bad" is not a valid tag/
  }
]

for (const badCase of badCases) {
  test(`bad input fails fast with a clear error and tags nothing: ${badCase.name}`, async () => {
    const dir = join(work, `bad-${badCase.name.replace(/\W+/g, '-')}`)
    const repo = `team/bad-${badCase.name.replace(/\W+/g, '-').toLowerCase()}`.replace(/-+$/, '')
    const inputs = await badCase.prepare(dir)
    const run = await runAction({ image: `${registry.host}/${repo}`, tags: 'v1', ...OFF, ...inputs })
    assert.equal(run.exitCode, 1, run.stdout)
    assert.equal(run.errors.length, 1, `one ::error:: line, got: ${run.errors.join(' | ')}`)
    assert.match(run.errors[0], badCase.error)
    if (!inputs.image) assert.equal(await reader.head(repo, 'v1'), undefined, 'no tag was written')
  })
}

test('an unreachable registry fails in preflight, with or without tags, within a minute, not a hang', async () => {
  const layout = await writeLayout(join(work, 'unreachable'), { images: [{ layers: [randomLayer(100)] }] })
  for (const tags of ['v1', '']) {
    const started = Date.now()
    const run = await runAction({ layout: layout.dir, image: '127.0.0.1:9/team/app', tags, ...OFF })
    assert.equal(run.exitCode, 1)
    assert.ok(Date.now() - started < 60_000, 'within a minute')
    assert.match(
      run.errors[0],
      /^preflight failed: HEAD http:\/\/127\.0\.0\.1:9\/v2\/team\/app\/manifests\/(v1|sha256:[0-9a-f]{64}) failed: nothing listens at 127\.0\.0\.1:9/
    )
    assert.equal(run.outputs.digest, layout.top.digest, 'the digest known from the layout is reported')
  }
})
