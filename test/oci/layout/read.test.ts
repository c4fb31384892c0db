// The layout reader on its own: tar entries that try to leave the layout, gzipped tars, wrapped
// layouts; and which registries may be reached over plain HTTP.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { openLayout, selectEntry, loadImage } from '../../../src/oci/layout/read.js'
import { safeEntryName } from '../../../src/oci/layout/tar.js'
import { RegistryClient } from '../../../src/oci/registry/client.js'
import { LayoutError } from '../../../src/oci/errors.js'
import { writeLayout, randomLayer, tarBytes, tarLayout } from '../../harness/layouts.js'

test('tar entries that would leave the layout are refused', async () => {
  assert.throws(() => safeEntryName('../../etc/passwd', 'x.tar'), LayoutError)
  assert.throws(() => safeEntryName('/etc/passwd', 'x.tar'), LayoutError)
  assert.throws(() => safeEntryName('blobs/../../x', 'x.tar'), LayoutError)
  assert.equal(safeEntryName('./blobs/sha256/ab', 'x.tar'), 'blobs/sha256/ab')
  const dir = await mkdtemp(join(tmpdir(), 'dr-tar-'))
  try {
    const evil = join(dir, 'evil.tar')
    await writeFile(
      evil,
      await tarBytes({ 'oci-layout': '{"imageLayoutVersion":"1.0.0"}', '../escape.json': '{}', 'index.json': '{"manifests":[]}' })
    )
    await assert.rejects(openLayout(evil, { tempDir: dir }), /tar entry "\.\.\/escape\.json" in .*evil\.tar points outside the layout/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('a gzipped tar and a layout wrapped in one folder read the same as the directory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dr-tar-'))
  try {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(5000)] }] })
    const plain = await tarLayout(built.dir, join(dir, 'layout.tar'))
    await writeFile(join(dir, 'layout.tar.gz'), gzipSync(await readFile(plain)))
    execFileSync('tar', ['-cf', join(dir, 'wrapped.tar'), '-C', dir, 'layout'])
    for (const source of [built.dir, plain, join(dir, 'layout.tar.gz'), join(dir, 'wrapped.tar')]) {
      const layout = await openLayout(source, { tempDir: dir })
      try {
        const image = await loadImage(layout, selectEntry(layout, undefined))
        assert.equal(image.descriptor.digest, built.top.digest, source)
        const chunks: Buffer[] = []
        for await (const chunk of layout.blob(built.layers[0]).open(0, built.layers[0].size)) chunks.push(chunk as Buffer)
        assert.equal(Buffer.concat(chunks).length, built.layers[0].size)
      } finally {
        await layout.close()
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('several images and no layout-ref: the error lists the names to choose from', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dr-tar-'))
  try {
    const first = await writeLayout(join(dir, 'a'), { images: [{ layers: [randomLayer(10)] }], refName: 'v1' })
    await writeLayout(join(dir, 'a'), { images: [{ layers: [randomLayer(10)] }], refName: 'v2', extraEntries: [first.top] })
    const layout = await openLayout(join(dir, 'a'), { tempDir: dir })
    assert.throws(() => selectEntry(layout, undefined), /lists 2 images; choose one with `layout-ref`: v2, v1/)
    assert.equal(selectEntry(layout, 'v1').digest, first.top.digest)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('plain HTTP only for loopback and the hosts in insecure-registries', () => {
  const scheme = (registry: string, insecure: string[] = []) =>
    new RegistryClient({ registry, repository: 'a/b', insecureRegistries: insecure }).baseUrl.protocol
  assert.equal(scheme('127.0.0.1:5000'), 'http:')
  assert.equal(scheme('localhost:5000'), 'http:')
  assert.equal(scheme('[::1]:5000'), 'http:')
  assert.equal(scheme('registry.internal:5000'), 'https:')
  assert.equal(scheme('registry.internal:5000', ['registry.internal:5000']), 'http:')
  assert.equal(scheme('ghcr.io'), 'https:')
  assert.equal(new RegistryClient({ registry: 'docker.io', repository: 'library/nginx' }).baseUrl.host, 'registry-1.docker.io')
})
