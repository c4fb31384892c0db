// Layouts written to hurt the reader: tar headers with negative, non-numeric or absurd sizes,
// symlinks out of a layout directory, files without end, decompression bombs, index DAGs with
// fan-out, and sha512 digests. Real files, real symlinks and crafted tar bytes; no mocks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLayout } from '../../../src/oci/layout/read.js'
import { LayoutError } from '../../../src/oci/errors.js'

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
