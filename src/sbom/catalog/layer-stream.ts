// Streams one layer blob as tar entries: sniffs the compression from the first bytes (the media type
// is only a hint; registries and tools disagree), decompresses on the fly and never touches the disk.
import { createHash, type Hash } from 'node:crypto'
import { Readable, PassThrough, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import tar from 'tar-stream'
import { LayoutError } from '../../oci/errors.js'

export interface LayerEntry {
  /** Normalized path: no leading "/" or "./", no trailing "/". */
  path: string
  type: 'file' | 'directory' | 'symlink' | 'link' | 'other'
  size: number
  /** Permission bits from the tar header (0o755 for a typical executable). */
  mode: number
  /** Symlink target as written, or the normalized path a hard link points to. */
  linkName?: string
  /** Reads the whole entry, or returns undefined (and drains it) when it is larger than `limit` bytes. */
  read(limit: number): Promise<Buffer | undefined>
  /**
   * Passes every chunk of the entry to `onChunk`, in order, holding none of them: for files of which
   * a cataloger keeps a small part (a binary's build info), however large they are.
   */
  scan(onChunk: (chunk: Buffer) => void): Promise<void>
}

export interface LayerRef {
  digest: string
  mediaType: string
}

type Compression = 'gzip' | 'zstd' | 'none'

const GZIP_MAGIC = [0x1f, 0x8b]
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]
const BZIP2_MAGIC = [0x42, 0x5a, 0x68]

function startsWith(head: Buffer, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte)
}

function sniffCompression(head: Buffer, layer: LayerRef): Compression {
  if (startsWith(head, GZIP_MAGIC)) return 'gzip'
  if (startsWith(head, ZSTD_MAGIC)) return 'zstd'
  if (startsWith(head, XZ_MAGIC) || startsWith(head, BZIP2_MAGIC)) {
    throw new LayoutError(
      `layer ${layer.digest} (${layer.mediaType}) is xz- or bzip2-compressed; only gzip, zstd (Node.js >= 22.15) and uncompressed tar layers can be catalogued`
    )
  }
  return 'none'
}

/** Node 22.15+ has zstd in zlib; Node 20 does not, so the name is looked up rather than typed. */
function zstdDecompressor(layer: LayerRef): Transform {
  const create = (zlib as unknown as { createZstdDecompress?: () => Transform }).createZstdDecompress
  if (typeof create !== 'function') {
    throw new LayoutError(
      `layer ${layer.digest} (${layer.mediaType}) is zstd-compressed and this Node.js (${process.version}) cannot decompress zstd; ` +
        'push gzip-compressed layers, or pass an SBOM file with `sbom: <path>`'
    )
  }
  return create()
}

function normalizeEntryPath(name: string): string | undefined {
  const parts: string[] = []
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      // A path that climbs out of the root cannot name a file of the image's filesystem.
      if (parts.length === 0) return undefined
      parts.pop()
      continue
    }
    parts.push(part)
  }
  return parts.length === 0 ? undefined : parts.join('/')
}

export { normalizeEntryPath }

async function* prepend(first: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* first
  for (;;) {
    const next = await rest.next()
    if (next.done) return
    yield next.value
  }
}

const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 }

/**
 * Hashes every raw byte of the blob as it is read, so what was catalogued is what the digest names:
 * a local blob swapped after the push (which skips layers the registry has) must not be described.
 */
class BlobVerifier {
  private readonly hash: Hash
  private readonly algorithm: string
  private ended = false

  constructor(private readonly layer: LayerRef) {
    const [algorithm, hex] = layer.digest.split(':')
    const length = DIGEST_HEX_LENGTH[algorithm]
    if (length === undefined || !hex || hex.length !== length || !/^[0-9a-f]+$/.test(hex)) {
      throw new LayoutError(
        `layer ${layer.digest} (${layer.mediaType}): cannot verify its bytes: only sha256 and sha512 digests are supported`
      )
    }
    this.algorithm = algorithm
    this.hash = createHash(algorithm)
  }

  /** Passes the iterator's chunks through, hashing them. */
  wrap(iterator: AsyncIterator<Buffer>): AsyncIterator<Buffer> {
    return {
      next: async () => {
        const next = await iterator.next()
        if (next.done) this.ended = true
        else this.hash.update(Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value))
        return next
      }
    }
  }

  /** Reads whatever the parser left unread (trailing bytes still belong to the blob), then compares. */
  async verify(iterator: AsyncIterator<Buffer>): Promise<void> {
    while (!this.ended) await iterator.next()
    const actual = `${this.algorithm}:${this.hash.digest('hex')}`
    if (actual !== this.layer.digest) {
      throw new LayoutError(
        `layer ${this.layer.digest} (${this.layer.mediaType}) does not match its digest: its bytes hash to ${actual}. ` +
          'The local blob changed after the manifest was written (or is corrupt); no SBOM is made from bytes that were not pushed'
      )
    }
  }
}

async function readHead(iterator: AsyncIterator<Buffer>, wanted: number): Promise<Buffer[]> {
  const chunks: Buffer[] = []
  let length = 0
  while (length < wanted) {
    const next = await iterator.next()
    if (next.done) break
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value)
    chunks.push(chunk)
    length += chunk.length
  }
  return chunks
}

async function readEntry(stream: AsyncIterable<unknown> & { resume(): unknown }, size: number, limit: number): Promise<Buffer | undefined> {
  if (size > limit) {
    stream.resume()
    return undefined
  }
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function scanEntry(stream: AsyncIterable<unknown>, onChunk: (chunk: Buffer) => void): Promise<void> {
  // Read to the end even when the callback has what it wants: the tar stream moves on only then.
  for await (const chunk of stream) onChunk(chunk as Buffer)
}

/**
 * Calls `onEntry` for each entry of the layer, in archive order, one at a time. An entry the
 * callback does not read is skipped without being held in memory. Resolves only when the blob's
 * bytes hash to `layer.digest`; otherwise rejects, and whatever the callbacks gathered must be dropped.
 */
export async function forEachLayerEntry(
  raw: NodeJS.ReadableStream,
  layer: LayerRef,
  onEntry: (entry: LayerEntry) => Promise<void> | void
): Promise<void> {
  let verifier: BlobVerifier
  try {
    verifier = new BlobVerifier(layer)
  } catch (error) {
    ;(raw as { destroy?: () => void }).destroy?.()
    throw error
  }
  const input = raw instanceof Readable ? raw : new Readable().wrap(raw)
  const iterator = verifier.wrap(input[Symbol.asyncIterator]() as AsyncIterator<Buffer>)
  const head = await readHead(iterator, 8)
  const compression = sniffCompression(Buffer.concat(head), layer)
  const decompress: Transform =
    compression === 'gzip' ? zlib.createGunzip() : compression === 'zstd' ? zstdDecompressor(layer) : new PassThrough()
  const extract = tar.extract()
  const flowing = pipeline(Readable.from(prepend(head, iterator), { objectMode: false }), decompress, extract)
  flowing.catch(() => {}) // observed below; this only keeps an early failure from being "unhandled"

  try {
    for await (const item of extract) {
      const header = item.header
      const path = normalizeEntryPath(header.name)
      let consumed = false
      if (path !== undefined) {
        const type =
          header.type === 'file' || header.type === 'contiguous-file'
            ? 'file'
            : header.type === 'directory' || header.type === 'symlink' || header.type === 'link'
              ? header.type
              : 'other'
        const size = header.size ?? 0
        await onEntry({
          path,
          type,
          size,
          mode: header.mode ?? 0,
          linkName: type === 'link' ? normalizeEntryPath(header.linkname ?? '') : type === 'symlink' ? (header.linkname ?? '') : undefined,
          read: (limit) => {
            consumed = true
            return readEntry(item, size, limit)
          },
          scan: (onChunk) => {
            consumed = true
            return scanEntry(item, onChunk)
          }
        })
      }
      if (!consumed) item.resume()
    }
    await flowing
    await verifier.verify(iterator)
  } catch (error) {
    input.destroy()
    extract.destroy()
    if (error instanceof LayoutError) throw error
    throw new LayoutError(
      `cannot read layer ${layer.digest} (${layer.mediaType}) as a ${compression === 'none' ? 'tar' : `${compression}-compressed tar`}: ${(error as Error).message}`,
      undefined,
      { cause: error }
    )
  }
}
