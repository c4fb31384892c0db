// The security review's findings on SBOM generation, each as the attack or the input that showed it:
// layer bytes that do not match their digest, a total bound on metadata read, whiteout cost, and
// package databases that are skipped being said in the result and in the signed document.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { generateSbom, type ImageForSbom } from '../../src/sbom/index.js'
import { LayoutError } from '../../src/errors.js'
import { buildImage, tarLayer, type TestImage } from '../harness/layers.js'

const DIGEST = 'sha256:' + 'c'.repeat(64)

function imageOf(built: TestImage): ImageForSbom {
  return {
    name: 'ghcr.io/acme/app',
    digest: DIGEST,
    platform: 'linux/amd64',
    config: { os: 'linux', architecture: 'amd64' },
    layers: built.layers
  }
}

const npm = (name: string, version: string) => ({
  path: `app/node_modules/${name}/package.json`,
  content: JSON.stringify({ name, version })
})

test('a layer whose bytes do not match its digest fails generation, naming the layer and the digest its bytes hash to', async () => {
  const built = await buildImage([[npm('honest', '1.0.0')], [npm('pushed', '1.0.0')]])
  try {
    // The registry already had layer 2, so the push skipped it; the local blob was swapped afterwards.
    const swapped = gzipSync(await tarLayer([npm('swapped', '6.6.6')]))
    const swappedDigest = `sha256:${createHash('sha256').update(swapped).digest('hex')}`
    await writeFile(join(built.dir, built.layers[1].digest.slice(7)), swapped)
    await assert.rejects(generateSbom(imageOf(built), built.openBlob), (error: Error) => {
      assert.ok(error instanceof LayoutError, String(error))
      assert.ok(error.message.includes(built.layers[1].digest), error.message)
      assert.ok(error.message.includes(swappedDigest), error.message)
      return true
    })
  } finally {
    await built.cleanup()
  }
})

test('a layer verifies with sha512 when its digest says so, and fails when its bytes differ', async () => {
  const bytes = gzipSync(await tarLayer([npm('five-twelve', '1.0.0')]))
  const digest = `sha512:${createHash('sha512').update(bytes).digest('hex')}`
  const image = (layerDigest: string): ImageForSbom => ({
    name: 'ghcr.io/acme/app',
    digest: DIGEST,
    config: {},
    layers: [{ digest: layerDigest, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: bytes.length }]
  })
  const { packages } = await generateSbom(image(digest), async () => Readable.from([bytes]))
  assert.deepEqual(
    packages.map((p) => p.name),
    ['five-twelve']
  )
  const other = 'sha512:' + '0'.repeat(128)
  await assert.rejects(
    generateSbom(image(other), async () => Readable.from([bytes])),
    (error: Error) => {
      assert.ok(error.message.includes(other) && error.message.includes(digest), error.message)
      return true
    }
  )
})

test('the hard-link second pass verifies the layer again: bytes swapped between the two reads fail', async () => {
  const built = await buildImage([
    [
      { path: 'opt/store/pkg.json', content: '{"name":"linked","version":"0.1.0"}' },
      { path: 'app/node_modules/linked/package.json', hardlink: 'opt/store/pkg.json' }
    ]
  ])
  try {
    const layer = built.layers[0]
    const swapped = gzipSync(
      await tarLayer([
        { path: 'opt/store/pkg.json', content: '{"name":"evil","version":"6.6.6"}' },
        { path: 'app/node_modules/linked/package.json', hardlink: 'opt/store/pkg.json' }
      ])
    )
    const swappedDigest = `sha256:${createHash('sha256').update(swapped).digest('hex')}`
    let opens = 0
    const openBlob = async (digest: string): Promise<NodeJS.ReadableStream> =>
      ++opens === 1 ? createReadStream(join(built.dir, digest.slice(7))) : Readable.from([swapped])
    await assert.rejects(generateSbom(imageOf(built), openBlob), (error: Error) => {
      assert.ok(error.message.includes(layer.digest) && error.message.includes(swappedDigest), error.message)
      return true
    })
    assert.equal(opens, 2)
  } finally {
    await built.cleanup()
  }
})
