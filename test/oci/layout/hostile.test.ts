// Layouts written to hurt the reader: tar headers with negative, non-numeric or absurd sizes,
// symlinks out of a layout directory, files without end, decompression bombs, index DAGs with
// fan-out, and sha512 digests. Real files, real symlinks and crafted tar bytes; no mocks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  GUNZIP_LIMITS,
  MAX_MANIFEST_BYTES,
  loadImage,
  manifestsBottomUp,
  openLayout,
  platformImages,
  selectEntry,
  type OciLayout
} from '../../../src/oci/layout/read.js'
import { LayoutError } from '../../../src/oci/errors.js'
import { randomLayer, tarLayout, writeBlob, writeLayout, type BuiltDescriptor } from '../../harness/layouts.js'

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dr-hostile-'))
  try {
    await run(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Rejects when `promise` has not settled within `ms`, so an endless loop fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

// ---------------------------------------------------------------- crafted tar bytes

const BLOCK = 512

/** One ustar header; `size` is the raw 12-byte size field (text or bytes) so it can be anything. */
function tarHeader(name: string, size: string | Buffer, typeflag = '0'): Buffer {
  const block = Buffer.alloc(BLOCK)
  block.write(name, 0, 100, 'utf8')
  block.write('0000644\0', 100, 'ascii')
  block.write('0000000\0', 108, 'ascii')
  block.write('0000000\0', 116, 'ascii')
  if (typeof size === 'string') block.write(size, 124, 12, 'ascii')
  else size.copy(block, 124, 0, 12)
  block.write('00000000000\0', 136, 'ascii')
  block.write(typeflag, 156, 'ascii')
  block.write('ustar\0', 257, 'ascii')
  block.write('00', 263, 'ascii')
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii')
  return block
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK)])
}

function fileEntry(name: string, content: string): Buffer {
  const data = Buffer.from(content)
  return Buffer.concat([tarHeader(name, `${data.length.toString(8).padStart(11, '0')}\0`), padded(data)])
}

function paxEntry(records: Record<string, string>): Buffer {
  let body = ''
  for (const [key, value] of Object.entries(records)) {
    const text = ` ${key}=${value}\n`
    let length = text.length + 1
    while (`${length}${text}`.length !== length) length++
    body += `${length}${text}`
  }
  const data = Buffer.from(body)
  return Buffer.concat([tarHeader('PaxHeader', `${data.length.toString(8).padStart(11, '0')}\0`, 'x'), padded(data)])
}

const END = Buffer.alloc(2 * BLOCK)
const OCI_LAYOUT = fileEntry('oci-layout', '{"imageLayoutVersion":"1.0.0"}')

async function expectRefused(dir: string, tar: Buffer, pattern: RegExp): Promise<void> {
  const path = join(dir, 'hostile.tar')
  await writeFile(path, tar)
  const error = await within(
    openLayout(path, { tempDir: dir }).then(
      async (layout) => {
        await layout.close()
        return undefined
      },
      (e: unknown) => e
    ),
    5000
  )
  assert.ok(error instanceof LayoutError, `expected a LayoutError, got ${String(error)}`)
  assert.match(error.message, pattern)
  assert.ok(error.message.length < 600, `the message is ${error.message.length} characters`)
}

test('a tar header with a negative octal size is refused, naming the entry, and the walk ends', async () => {
  await withTempDir(async (dir) => {
    // -1000 (octal) is -512: the next header would be this same header, for ever.
    const tar = Buffer.concat([tarHeader('index.json', '-1000\0'), END])
    assert.equal(tar.length, 1536)
    await expectRefused(dir, tar, /tar entry "index\.json" .*size/)
  })
})

test('a tar header with a negative GNU base-256 size is refused, naming the entry', async () => {
  await withTempDir(async (dir) => {
    const minusFiveTwelve = Buffer.alloc(12, 0xff)
    minusFiveTwelve[10] = 0xfe
    minusFiveTwelve[11] = 0x00
    await expectRefused(
      dir,
      Buffer.concat([OCI_LAYOUT, tarHeader('index.json', minusFiveTwelve), END]),
      /tar entry "index\.json" .*negative size/
    )
    // A pax header with a negative base-256 size is refused the same way, before anything is allocated.
    await expectRefused(
      dir,
      Buffer.concat([OCI_LAYOUT, tarHeader('PaxHeader', minusFiveTwelve, 'x'), END]),
      /tar entry "PaxHeader" .*negative size/
    )
  })
})

test('a positive GNU base-256 size still reads', async () => {
  await withTempDir(async (dir) => {
    const content = Buffer.from('{"imageLayoutVersion":"1.0.0"}')
    const size = Buffer.alloc(12)
    size[0] = 0x80
    size.writeUInt32BE(content.length, 8)
    const tar = Buffer.concat([tarHeader('oci-layout', size), padded(content), END])
    await expectRefused(dir, tar, /index\.json is missing/)
  })
})

test('a pax size record that is negative, not a number or absurd is refused, naming the entry', async () => {
  await withTempDir(async (dir) => {
    for (const [size, reason] of [
      ['-5', /invalid size "-5"/],
      ['-1000', /invalid size "-1000"/],
      ['12abc', /invalid size "12abc"/],
      ['1e3', /invalid size "1e3"/],
      ['99999999999999999999999', /invalid size "99999999999999999999999"/]
    ] as const) {
      const tar = Buffer.concat([OCI_LAYOUT, paxEntry({ size }), fileEntry('index.json', '{"manifests":[]}'), END])
      await expectRefused(dir, tar, new RegExp(`tar entry "index\\.json" .*${reason.source}`))
    }
  })
})

test('a tar header whose size field is not octal is refused, naming the entry', async () => {
  await withTempDir(async (dir) => {
    await expectRefused(dir, Buffer.concat([OCI_LAYOUT, tarHeader('index.json', 'zzzzzzzzzzz\0'), END]), /tar entry "index\.json" .*size/)
    await expectRefused(dir, Buffer.concat([OCI_LAYOUT, tarHeader('index.json', '12 34\0'), END]), /tar entry "index\.json" .*size/)
  })
})

test('a pax or long-name header larger than any real one is refused before it is read', async () => {
  await withTempDir(async (dir) => {
    // 64 GiB claimed in a 2 KB file: refused as too large for a header, not allocated.
    const tar = Buffer.concat([OCI_LAYOUT, tarHeader('PaxHeader', '777777777777', 'x'), END])
    await expectRefused(dir, tar, /tar entry "PaxHeader" .*(too large|past the end)/)
    const longName = Buffer.concat([OCI_LAYOUT, tarHeader('././@LongLink', '77777777777\0', 'L'), END])
    await expectRefused(dir, longName, /tar entry "\.\/\.\/@LongLink" .*(too large|past the end)/)
  })
})

// ---------------------------------------------------------------- directory layouts: links and special files

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

test('a blob that is a symlink to a file outside the layout is refused, even when its digest matches', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(3000)] }] })
    const blobPath = join(built.dir, 'blobs', 'sha256', built.layers[0].digest.slice(7))
    // The same bytes elsewhere on the runner: the digest would match, so only the link gives it away.
    const outside = join(dir, 'elsewhere.bin')
    await writeFile(outside, await readFile(blobPath))
    await rm(blobPath)
    await symlink(outside, blobPath)
    const layout = await openLayout(built.dir, { tempDir: dir })
    try {
      await assert.rejects(loadImage(layout, selectEntry(layout, undefined)), (error: unknown) => {
        assert.ok(error instanceof LayoutError)
        assert.match(error.message, /symbolic link/)
        assert.ok(error.message.includes(blobPath), error.message)
        return true
      })
      // Streaming it for an upload fails before a single byte is read.
      await assert.rejects(readAll(layout.blob(built.layers[0]).open(0, built.layers[0].size)), /symbolic link/)
    } finally {
      await layout.close()
    }
  })
})

test('a blob that is a symlink to another file streams nothing: refused before any byte is read', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(3000)] }] })
    const blobPath = join(built.dir, 'blobs', 'sha256', built.layers[0].digest.slice(7))
    const secret = join(dir, 'secret.txt')
    await writeFile(secret, 'x'.repeat(built.layers[0].size))
    await rm(blobPath)
    await symlink(secret, blobPath)
    const layout = await openLayout(built.dir, { tempDir: dir })
    try {
      let bytes = 0
      await assert.rejects(
        (async () => {
          for await (const chunk of layout.blob(built.layers[0]).open(0, built.layers[0].size)) bytes += (chunk as Buffer).length
        })(),
        (error: unknown) => error instanceof LayoutError && /symbolic link/.test(error.message)
      )
      assert.equal(bytes, 0)
      await assert.rejects(layout.blobSize(built.layers[0].digest), /symbolic link/)
    } finally {
      await layout.close()
    }
  })
})

test('a blobs/sha256 folder that is a symlink out of the layout is refused', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(100)] }] })
    await rename(join(built.dir, 'blobs', 'sha256'), join(dir, 'outside-blobs'))
    await symlink(join(dir, 'outside-blobs'), join(built.dir, 'blobs', 'sha256'))
    const layout = await openLayout(built.dir, { tempDir: dir })
    try {
      await assert.rejects(
        loadImage(layout, selectEntry(layout, undefined)),
        (error: unknown) => error instanceof LayoutError && /blobs\/sha256 is a symbolic link/.test(error.message)
      )
    } finally {
      await layout.close()
    }
  })
})

test('a blob that is a FIFO or a folder is refused without blocking', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(100), randomLayer(200)] }] })
    const fifo = join(built.dir, 'blobs', 'sha256', built.layers[0].digest.slice(7))
    await rm(fifo)
    execFileSync('mkfifo', [fifo])
    const folder = join(built.dir, 'blobs', 'sha256', built.layers[1].digest.slice(7))
    await rm(folder)
    await mkdir(folder)
    const layout = await openLayout(built.dir, { tempDir: dir })
    try {
      for (const layer of built.layers) {
        await within(
          assert.rejects(readAll(layout.blob(layer).open(0, layer.size)), (error: unknown) => {
            assert.ok(error instanceof LayoutError, String(error))
            assert.match(error.message, /not a regular file/)
            return true
          }),
          5000
        )
      }
      await assert.rejects(within(loadImage(layout, selectEntry(layout, undefined)), 5000), /not a regular file/)
    } finally {
      await layout.close()
    }
  })
})

test('index.json or oci-layout that is a symlink (even to a valid file) or not a regular file is refused', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(100)] }] })
    for (const name of ['index.json', 'oci-layout']) {
      const path = join(built.dir, name)
      const outside = join(dir, `outside-${name}`)
      await rename(path, outside)
      await symlink(outside, path)
      await assert.rejects(openLayout(built.dir, { tempDir: dir }), (error: unknown) => {
        assert.ok(error instanceof LayoutError, String(error))
        assert.match(error.message, /symbolic link/)
        assert.ok(error.message.includes(path), error.message)
        return true
      })
      await rm(path)
      execFileSync('mkfifo', [path])
      await assert.rejects(within(openLayout(built.dir, { tempDir: dir }), 5000), /not a regular file/)
      await rm(path)
      await rename(outside, path)
    }
    await (await openLayout(built.dir, { tempDir: dir })).close()
  })
})

// ---------------------------------------------------------------- size bounds

test('index.json symlinked to /dev/zero is refused at once', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(100)] }] })
    await rm(join(built.dir, 'index.json'))
    await symlink('/dev/zero', join(built.dir, 'index.json'))
    await assert.rejects(within(openLayout(built.dir, { tempDir: dir }), 5000), LayoutError)
  })
})

test('an index.json larger than a manifest may be is refused before it is read; a short message', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(100)] }] })
    const huge = Buffer.alloc(MAX_MANIFEST_BYTES + 1, 'a')
    for (const source of [built.dir, join(dir, 'layout.tar')]) {
      await writeFile(join(built.dir, 'index.json'), huge)
      if (source.endsWith('.tar')) await tarLayout(built.dir, source)
      await assert.rejects(openLayout(source, { tempDir: dir }), (error: unknown) => {
        assert.ok(error instanceof LayoutError, String(error))
        assert.match(error.message, /index\.json is 4194305 bytes/)
        assert.ok(error.message.length < 600, `${error.message.length} characters`)
        return true
      })
    }
  })
})

test('text from the layout reaches an error message clipped to 200 characters', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(100)] }] })
    const long = 'z'.repeat(100_000)
    const cases: Array<[string, string, RegExp]> = [
      ['index.json', long, /not valid JSON/],
      ['index.json', JSON.stringify({ manifests: [{ ...built.top, digest: long }] }), /invalid digest/],
      ['oci-layout', JSON.stringify({ imageLayoutVersion: long }), /imageLayoutVersion/]
    ]
    for (const [name, content, pattern] of cases) {
      const original = await readFile(join(built.dir, name))
      await writeFile(join(built.dir, name), content)
      await assert.rejects(openLayout(built.dir, { tempDir: dir }), (error: unknown) => {
        assert.ok(error instanceof LayoutError, String(error))
        assert.match(error.message, pattern)
        assert.ok(error.message.length < 600, `${name}: ${error.message.length} characters`)
        if (!/JSON/.test(pattern.source)) assert.match(error.message, /…/)
        return true
      })
      await writeFile(join(built.dir, name), original)
    }
    // Media types and ref names are clipped too, and a long list of names is cut short.
    const index = JSON.parse(await readFile(join(built.dir, 'index.json'), 'utf8')) as { manifests: Array<Record<string, unknown>> }
    const entries = Array.from({ length: 500 }, (_, i) => ({
      ...built.top,
      annotations: { 'org.opencontainers.image.ref.name': `${i}${'r'.repeat(1000)}` }
    }))
    await writeFile(join(built.dir, 'index.json'), JSON.stringify({ ...index, manifests: entries }))
    const layout = await openLayout(built.dir, { tempDir: dir })
    assert.throws(
      () => selectEntry(layout, undefined),
      (error: unknown) => error instanceof LayoutError && error.message.length < 6000 && /lists 500 images/.test(error.message)
    )
    assert.throws(
      () => selectEntry(layout, 'nope'),
      (error: unknown) => error instanceof LayoutError && error.message.length < 6000
    )
    await assert.rejects(
      loadImage(layout, { ...built.top, mediaType: long }),
      (error: unknown) => error instanceof LayoutError && error.message.length < 600
    )
    await layout.close()
  })
})

// ---------------------------------------------------------------- gzip bombs

test('a gzipped layout that decompresses far beyond its size is refused, and nothing is left in tempDir', async () => {
  await withTempDir(async (dir) => {
    const bomb = join(dir, 'bomb.tar.gz')
    await writeFile(bomb, gzipSync(Buffer.alloc(64 * 1024 * 1024)))
    const tempDir = join(dir, 'temp')
    await mkdir(tempDir)
    const limits = { ...GUNZIP_LIMITS, ratioAfterBytes: 4 * 1024 * 1024 }
    await assert.rejects(openLayout(bomb, { tempDir, gunzipLimits: limits }), (error: unknown) => {
      assert.ok(error instanceof LayoutError, String(error))
      assert.match(error.message, /decompresses to more than 4 MiB/)
      assert.match(error.message, /20 times its compressed size/)
      assert.match(error.message, /uncompressed tar or the layout directory/)
      return true
    })
    assert.deepEqual(await readdir(tempDir), [])
  })
})

test('the absolute cap on decompressed bytes holds whatever the ratio', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(3 * 1024 * 1024)] }] })
    const plain = await tarLayout(built.dir, join(dir, 'layout.tar'))
    await writeFile(join(dir, 'layout.tar.gz'), gzipSync(await readFile(plain)))
    const tempDir = join(dir, 'temp')
    await mkdir(tempDir)
    await assert.rejects(
      openLayout(join(dir, 'layout.tar.gz'), { tempDir, gunzipLimits: { ...GUNZIP_LIMITS, maxBytes: 2 * 1024 * 1024 } }),
      (error: unknown) => error instanceof LayoutError && /decompresses to more than 2 MiB/.test(error.message)
    )
    assert.deepEqual(await readdir(tempDir), [])
    // Under the default limits the same file reads.
    const layout = await openLayout(join(dir, 'layout.tar.gz'), { tempDir })
    await loadImage(layout, selectEntry(layout, undefined))
    await layout.close()
    assert.deepEqual(await readdir(tempDir), [])
  })
})

test('the default gunzip limits: 20x past 1 GiB, and 64 GiB in all', () => {
  assert.deepEqual(GUNZIP_LIMITS, { maxRatio: 20, ratioAfterBytes: 1024 ** 3, maxBytes: 64 * 1024 ** 3 })
})

// ---------------------------------------------------------------- index DAGs with fan-out

test('an index DAG with fan-out reads and parses each manifest once, fast, and keeps the tree shape', async () => {
  await withTempDir(async (dir) => {
    const platforms = ['amd64', 'arm64', 's390x'].map((architecture) => ({ os: 'linux', architecture }))
    const built = await writeLayout(join(dir, 'layout'), { images: platforms.map((platform) => ({ platform, layers: [randomLayer(10)] })) })
    const indexType = 'application/vnd.oci.image.index.v1+json'
    // Four levels of indexes, each listing its child 20 times: 20^4 = 160,000 paths to 3 manifests.
    let children: BuiltDescriptor[] = built.manifests
    const indexes: string[] = []
    for (let level = 0; level < 4; level++) {
      const manifests = Array.from({ length: 20 }, (_, i) => children[i % children.length])
      const blob = await writeBlob(built.dir, JSON.stringify({ schemaVersion: 2, mediaType: indexType, manifests }))
      indexes.push(blob.digest)
      children = [{ mediaType: indexType, digest: blob.digest, size: blob.size }]
    }
    const top = children[0]
    await writeFile(join(built.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [top] }))
    assert.ok((await readFile(join(built.dir, 'index.json'))).length + 4 * 4000 < 20_000)

    const layout = await openLayout(built.dir, { tempDir: dir })
    const reads = new Map<string, number>()
    const counted: OciLayout = {
      ...layout,
      readBlob: (descriptor, what) => {
        reads.set(descriptor.digest, (reads.get(descriptor.digest) ?? 0) + 1)
        return layout.readBlob(descriptor, what)
      }
    }
    const started = Date.now()
    const image = await within(loadImage(counted, selectEntry(counted, undefined)), 10_000)
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`)
    assert.deepEqual([...reads.values()], Array(reads.size).fill(1), 'each digest read once')
    assert.deepEqual(new Set(reads.keys()), new Set([...indexes, ...built.manifests.map((m) => m.digest)]))

    // The tree the callers walk: 20 children at each level, platforms from each parent.
    assert.equal(image.kind, 'index')
    assert.equal(image.children.length, 20)
    let node = image
    for (let level = 0; level < 3; level++) {
      assert.equal(node.children.length, 20)
      node = node.children[7]
      assert.equal(node.kind, 'index')
    }
    assert.deepEqual(
      node.children.map((c) => c.platform),
      Array.from({ length: 20 }, (_, i) => `linux/${platforms[i % 3].architecture}`)
    )
    assert.ok(node.children.every((c) => c.kind === 'manifest' && c.blobs.length === 2))
    // Pushed once each, children before parents; each platform image once.
    const order = manifestsBottomUp(image).map((n) => n.descriptor.digest)
    assert.deepEqual(order, [...built.manifests.map((m) => m.digest), ...indexes])
    assert.deepEqual(
      platformImages(node).map((n) => n.platform),
      platforms.map((p) => `linux/${p.architecture}`)
    )
    await layout.close()
  })
})

test('the same manifest named twice with different sizes or media types is refused', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(10)] }] })
    const indexType = 'application/vnd.oci.image.index.v1+json'
    const manifest = built.manifests[0]
    for (const other of [
      { ...manifest, size: manifest.size + 1 },
      { ...manifest, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' }
    ]) {
      const blob = await writeBlob(built.dir, JSON.stringify({ schemaVersion: 2, mediaType: indexType, manifests: [manifest, other] }))
      const layout = await openLayout(built.dir, { tempDir: dir })
      await assert.rejects(loadImage(layout, { mediaType: indexType, digest: blob.digest, size: blob.size }), LayoutError)
      await layout.close()
    }
  })
})

test('the nesting limit holds for an index first met shallow and named again deeper', async () => {
  await withTempDir(async (dir) => {
    const built = await writeLayout(join(dir, 'layout'), { images: [{ layers: [randomLayer(10)] }] })
    const indexType = 'application/vnd.oci.image.index.v1+json'
    const index = async (manifests: BuiltDescriptor[]): Promise<BuiltDescriptor> => {
      const blob = await writeBlob(built.dir, JSON.stringify({ schemaVersion: 2, mediaType: indexType, manifests }))
      return { mediaType: indexType, digest: blob.digest, size: blob.size }
    }
    const shared = await index([built.manifests[0]])
    const layout = await openLayout(built.dir, { tempDir: dir })
    // top -> shared -> manifest is fine; top -> a -> b -> c -> shared -> manifest puts the manifest at depth 5.
    await loadImage(layout, await index([shared]))
    const deep = await index([shared, await index([await index([await index([shared])])])])
    await assert.rejects(loadImage(layout, deep), /nested too deep/)
    await layout.close()
  })
})

// ---------------------------------------------------------------- sha512

const sha512 = (bytes: Buffer | string): string => `sha512:${createHash('sha512').update(bytes).digest('hex')}`

async function writeSha512Blob(dir: string, bytes: Buffer | string): Promise<{ digest: string; size: number }> {
  const digest = sha512(bytes)
  await mkdir(join(dir, 'blobs', 'sha512'), { recursive: true })
  await writeFile(join(dir, 'blobs', 'sha512', digest.slice(7)), bytes)
  return { digest, size: Buffer.byteLength(bytes) }
}

test('sha512 descriptors: the manifest, config and layers are found under blobs/sha512 and verify, in a directory and in tars', async () => {
  await withTempDir(async (dir) => {
    const root = join(dir, 'layout')
    await mkdir(root)
    await writeFile(join(root, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
    const layerBytes = gzipSync(randomBytes(4000))
    const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...(await writeSha512Blob(root, layerBytes)) }
    const configBytes = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } })
    const config = { mediaType: 'application/vnd.oci.image.config.v1+json', ...(await writeSha512Blob(root, configBytes)) }
    const manifestType = 'application/vnd.oci.image.manifest.v1+json'
    const manifestBytes = JSON.stringify({ schemaVersion: 2, mediaType: manifestType, config, layers: [layer] })
    const manifest = { mediaType: manifestType, ...(await writeSha512Blob(root, manifestBytes)) }
    await writeFile(join(root, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [manifest] }))

    const plain = await tarLayout(root, join(dir, 'layout.tar'))
    await writeFile(join(dir, 'layout.tar.gz'), gzipSync(await readFile(plain)))
    // A pax tar (long names as pax `path` records rather than GNU ././@LongLink entries).
    const pax = join(dir, 'pax.tar')
    execFileSync('tar', ['--format=pax', '-cf', pax, '-C', root, '.'])
    for (const source of [root, plain, join(dir, 'layout.tar.gz'), pax]) {
      const layout = await openLayout(source, { tempDir: dir })
      try {
        const image = await loadImage(layout, selectEntry(layout, undefined))
        assert.equal(image.descriptor.digest, manifest.digest, source)
        assert.deepEqual(
          image.blobs.map((b) => b.digest),
          [config.digest, layer.digest]
        )
        assert.ok(layout.blob(layer).file.includes(`blobs/sha512/${layer.digest.slice(7)}`), layout.blob(layer).file)
        assert.equal((await layout.readBlob(config, 'image config')).toString(), configBytes)
        const streamed = await readAll(layout.blob(layer).open(0, layer.size))
        assert.equal(sha512(streamed), layer.digest)
      } finally {
        await layout.close()
      }
    }

    // A sha512 blob whose bytes are not its digest's is caught by the sha512 hash, not a sha256 one.
    await writeFile(join(root, 'blobs', 'sha512', config.digest.slice(7)), configBytes.replace('amd64', 'arm64'))
    const layout = await openLayout(root, { tempDir: dir })
    await assert.rejects(layout.readBlob(config, 'image config'), /hashes to sha512:/)
    await layout.close()
  })
})
