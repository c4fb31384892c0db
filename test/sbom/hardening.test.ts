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
import { generateSbom, spdx23SchemaErrors, type ImageForSbom } from '../../src/sbom/index.js'
import { MAX_METADATA_FILE_SIZE, MAX_METADATA_TOTAL_BYTES } from '../../src/sbom/catalog/catalog.js'
import { collectFilesystem, LayeredFilesystem, type FsNode } from '../../src/sbom/catalog/filesystem.js'
import { LayoutError } from '../../src/oci/errors.js'
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

test(
  '100k whiteouts over a lower layer of 20k packages take seconds, not minutes, and hide exactly their files',
  { timeout: 60_000 },
  async (t) => {
    const lower = Array.from({ length: 20_000 }, (_, i) => npm(`p${i}`, '1.0.0'))
    // Every third package is whited out (by its directory), every other whiteout names nothing below.
    const whiteouts = Array.from({ length: 100_000 }, (_, i) =>
      i < 20_000 && i % 3 === 0
        ? { path: `app/node_modules/.wh.p${i}`, content: '' }
        : { path: `app/node_modules/.wh.gone${i}`, content: '' }
    )
    const built = await buildImage([lower, whiteouts])
    try {
      const started = performance.now()
      const { packages } = await generateSbom(imageOf(built), built.openBlob)
      const seconds = (performance.now() - started) / 1000
      t.diagnostic(`generateSbom with 100k whiteouts: ${seconds.toFixed(2)} s`)
      const names = new Set(packages.map((p) => p.name))
      const expected = lower.map((_, i) => `p${i}`).filter((_, i) => i % 3 !== 0)
      assert.equal(names.size, expected.length)
      assert.ok(expected.every((name) => names.has(name)))
      assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`)
    } finally {
      await built.cleanup()
    }
  }
)

test('the whiteout index agrees with a plain prefix scan over random adds, whiteouts, opaque markers and directory replacements', () => {
  let seed = 7
  const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
  const segment = (): string => ['a', 'b', 'c', 'lib', 'x.json'][random(5)]
  const path = (): string => Array.from({ length: 1 + random(4) }, segment).join('/')
  const fs = new LayeredFilesystem()
  const model = new Map<string, FsNode>()
  const node: FsNode = { kind: 'symlink', target: 'somewhere' }
  for (let step = 0; step < 5000; step++) {
    const target = random(10) === 0 ? '' : path()
    const operation = random(4)
    if (operation === 0 || target === '') {
      const keepSelf = target === '' || random(2) === 0
      fs.remove(target, keepSelf)
      for (const key of [...model.keys()])
        if ((!keepSelf && key === target) || key.startsWith(target === '' ? '' : target + '/')) model.delete(key)
    } else if (operation === 1) {
      fs.delete(target)
      model.delete(target)
    } else {
      fs.set(target, node)
      model.set(target, node)
    }
    const dirs = new Set<string>()
    for (const key of model.keys()) for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) dirs.add(key.slice(0, i))
    assert.deepEqual([...fs.nodes.keys()].sort(), [...model.keys()].sort(), `step ${step}`)
    assert.deepEqual([...fs.ancestors()].sort(), [...dirs].sort(), `step ${step}`)
  }
})

test('a package database skipped as too large or unparsable is listed in the result and in the signed document', async () => {
  const status = 'Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b2\n\n'
  const oversized = status.repeat(Math.ceil((MAX_METADATA_FILE_SIZE + 1) / status.length))
  const built = await buildImage([
    [
      { path: 'var/lib/dpkg/status', content: oversized },
      { path: 'app/node_modules/broken/package.json', content: '{"name":"broken",' },
      { path: 'app/node_modules/gone/package.json', content: '{"name":' },
      npm('fine', '1.0.0')
    ],
    [{ path: 'app/node_modules/.wh.gone', content: '' }]
  ])
  try {
    const { skipped, document, packages } = await generateSbom(imageOf(built), built.openBlob, { created: '2024-05-01T12:00:00Z' })
    assert.deepEqual(
      packages.map((p) => p.name),
      ['fine']
    )
    // The whited-out file is not in the image any more, so it is not missing from the SBOM either.
    assert.deepEqual(
      skipped.map((s) => [s.path, s.layer]),
      [
        ['app/node_modules/broken/package.json', built.layers[0].digest],
        ['var/lib/dpkg/status', built.layers[0].digest]
      ]
    )
    assert.match(skipped[0].reason, /cannot parse/)
    assert.match(skipped[1].reason, new RegExp(`${oversized.length} bytes is over the ${MAX_METADATA_FILE_SIZE}-byte limit`))
    assert.deepEqual(spdx23SchemaErrors(document), [])
    const comment = (document as { comment?: string }).comment ?? ''
    assert.ok(comment.includes(`/var/lib/dpkg/status in layer ${built.layers[0].digest}`), comment)
    assert.ok(comment.includes('/app/node_modules/broken/package.json'), comment)
    assert.ok(!comment.includes('gone'), comment)
  } finally {
    await built.cleanup()
  }
  const clean = await buildImage([[npm('fine', '1.0.0')]])
  try {
    const { skipped, document } = await generateSbom(imageOf(clean), clean.openBlob)
    assert.deepEqual(skipped, [])
    assert.equal((document as { comment?: string }).comment, undefined)
  } finally {
    await clean.cleanup()
  }
})

test('a total budget bounds the metadata read per image: files past it are skipped and recorded, never read', async () => {
  assert.equal(MAX_METADATA_TOTAL_BYTES, 64 * 1024 * 1024)
  // The review's layer was 120 files of 15 MiB under status.d (each under the per-file cap); the same
  // shape, scaled down with a small budget: 40 files of 4 KiB against 64 KiB.
  const stanza = (i: number): string => `Package: pkg${i}\nArchitecture: amd64\nVersion: 1.${i}\nDescription: ${'x'.repeat(4000)}\n`
  const files = Array.from({ length: 40 }, (_, i) => ({ path: `var/lib/dpkg/status.d/pkg${i}`, content: stanza(i) }))
  const size = Buffer.byteLength(files[0].content)
  const budget = 64 * 1024
  const fits = Math.floor(budget / size)
  const built = await buildImage([files.slice(0, 20), files.slice(20)])
  try {
    const { packages, skipped, document } = await generateSbom(imageOf(built), built.openBlob, { maxMetadataBytes: budget })
    assert.equal(packages.length, fits)
    assert.equal(skipped.length, files.length - fits)
    for (const s of skipped) assert.match(s.reason, new RegExp(`over the ${budget}-byte budget`))
    assert.ok(skipped.some((s) => s.layer === built.layers[1].digest))
    assert.match((document as { comment?: string }).comment ?? '', new RegExp(`Incomplete: ${files.length - fits} `))

    // Held: what the parsers were given, in all, stays within the budget.
    let given = 0
    const fs = await collectFilesystem(built.layers, built.openBlob, {
      matchers: [{ id: 'dpkg', matches: (p) => p.includes('status.d/'), parse: (_p, content) => ((given += content.length), {}) }],
      keepSymlink: () => false,
      maxFileSize: MAX_METADATA_FILE_SIZE,
      maxTotalBytes: budget,
      logger: { info() {}, debug() {}, warning() {} }
    })
    assert.ok(given <= budget, `${given} bytes read`)
    assert.equal(fs.files('dpkg').length, fits)
    assert.equal(fs.skipped().length, files.length - fits)
  } finally {
    await built.cleanup()
  }
})
