// OCI image layout (image-spec image-layout.md): a directory, or an uncompressed or gzipped tar
// of one (what buildx `type=oci`, ko, umoci and rules_oci write).
import { constants as fsConstants, createReadStream, createWriteStream } from 'node:fs'
import { lstat, mkdtemp, open, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { DIGEST_PATTERN, digestOf, shortDigest } from '../digest.js'
import { platformName, type Descriptor } from '../descriptor.js'
import { clip, indexTar, resolveTarEntry, type TarEntry } from './tar.js'
import type { BlobSource } from '../registry/blobs.js'
import { ANNOTATION, INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES } from '../media-types.js'
import { LayoutError } from '../errors.js'

export type { Descriptor } from '../descriptor.js'

export interface ImageIndexDocument {
  schemaVersion: number
  mediaType?: string
  manifests: Descriptor[]
  annotations?: Record<string, string>
}

export interface ImageManifestDocument {
  schemaVersion: number
  mediaType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export interface OciLayout {
  /** The path the user gave. */
  source: string
  index: ImageIndexDocument
  blob(descriptor: Pick<Descriptor, 'digest' | 'size'>): BlobSource
  /** Size on disk, or undefined when the blob is absent. */
  blobSize(digest: string): Promise<number | undefined>
  /** Reads a small blob whole (manifests, configs), checking size and digest. */
  readBlob(descriptor: Pick<Descriptor, 'digest' | 'size'>, what: string): Promise<Buffer>
  close(): Promise<void>
}

/** The most a manifest, an index, index.json or oci-layout may be (what registries accept for a manifest). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

// Opening a file in a layout directory never follows a link (O_NOFOLLOW, where the platform has
// it), and never blocks on a FIFO (O_NONBLOCK): what is opened is then checked to be a regular file.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0)

/**
 * Opens a file of a layout directory: a regular file, not a link to somewhere else on the runner,
 * not a device or a FIFO. A missing file rejects with the ENOENT error of the file system.
 */
async function openRegularFile(path: string, what: string): Promise<FileHandle> {
  const info = await lstat(path)
  if (info.isSymbolicLink())
    throw new LayoutError(
      `${path} is a symbolic link; ${what} must be a regular file inside the layout (a link could point anywhere on the runner)`,
      path
    )
  if (!info.isFile()) throw new LayoutError(`${path} is not a regular file; ${what} must be one`, path)
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new LayoutError(`${path} is a symbolic link; ${what} must be a regular file inside the layout`, path)
    throw error
  }
  // Checked again on what was opened: the name may have been swapped since lstat.
  const opened = await handle.stat()
  if (!opened.isFile()) {
    await handle.close()
    throw new LayoutError(`${path} is not a regular file; ${what} must be one`, path)
  }
  return handle
}

/** Reads a small file of a layout directory whole, refusing it unread when it is larger than `max`. */
async function readSmallFile(path: string, what: string, max = MAX_MANIFEST_BYTES): Promise<Buffer> {
  const handle = await openRegularFile(path, what)
  try {
    const { size } = await handle.stat()
    const tooLarge = (bytes: string): LayoutError =>
      new LayoutError(`${path} is ${bytes} bytes, more than the ${max} ${what} may be; the layout is damaged or this is not one`, path)
    if (size > max) throw tooLarge(String(size))
    // One byte more than allowed, in case the file grows while it is read.
    const buffer = Buffer.alloc(max + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length > max) throw tooLarge(`more than ${max}`)
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/** Streams `[start, end)` of a regular file of a layout directory; nothing is read from a link or a special file. */
function readRange(path: string, what: string, start: number, end: number, before?: () => Promise<void>): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    await before?.()
    const handle = await openRegularFile(path, what)
    try {
      for await (const chunk of handle.createReadStream({ start, end: end - 1, highWaterMark: 1024 * 1024, autoClose: false }))
        yield chunk as Buffer
    } finally {
      await handle.close()
    }
  }
  return Readable.from(chunks(), { objectMode: false })
}

function emptyStream(): Readable {
  return Readable.from([])
}

export interface GunzipLimits {
  /** Past `ratioAfterBytes`, output may be at most this many times the compressed size. */
  maxRatio: number
  ratioAfterBytes: number
  /** Output is never more than this, whatever the ratio. */
  maxBytes: number
}

/**
 * How far a gzipped layout tar may decompress (into tempDir, on the runner's disk). A layout's layers
 * are gzip already, so a real `.tar.gz` of one shrinks little (1-2 times; a layout of uncompressed
 * layers a few times): output that passes 1 GiB while more than 20 times the compressed size is a
 * decompression bomb. 64 GiB in all bounds what a runner's disk is asked to hold; a larger layout
 * can be given as the uncompressed tar or the directory, which are read in place.
 */
export const GUNZIP_LIMITS: Readonly<GunzipLimits> = Object.freeze({ maxRatio: 20, ratioAfterBytes: 1024 ** 3, maxBytes: 64 * 1024 ** 3 })

export interface OpenLayoutOptions {
  /** Where a gzipped tar is decompressed (the runner's RUNNER_TEMP). */
  tempDir: string
  /** Bounds on decompressing a gzipped tar; GUNZIP_LIMITS unless given. */
  gunzipLimits?: GunzipLimits
}

function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024]
  ] as const)
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`
  return `${bytes} bytes`
}

/** Passes bytes through until `limit` is exceeded, then fails the pipeline with `error()`. */
function byteLimit(limit: number, error: () => Error): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length
      if (seen > limit) return callback(error())
      callback(null, chunk)
    }
  })
}

export async function openLayout(path: string, options: OpenLayoutOptions): Promise<OciLayout> {
  let info
  try {
    info = await stat(path)
  } catch {
    throw new LayoutError(
      `the layout path ${path} does not exist; give the directory or tar your build wrote (e.g. buildx --output type=oci,dest=${path})`,
      path
    )
  }
  if (info.isDirectory()) return openDirectoryLayout(path)
  return openTarLayout(path, options.tempDir, options.gunzipLimits ?? GUNZIP_LIMITS)
}

async function openDirectoryLayout(root: string): Promise<OciLayout> {
  await checkOciLayoutFile(
    async () => (await readSmallFile(join(root, 'oci-layout'), 'oci-layout')).toString('utf8'),
    join(root, 'oci-layout')
  )
  const index = await parseIndex(() => readSmallFile(join(root, 'index.json'), 'index.json'), join(root, 'index.json'))
  // blobs/ and blobs/<algorithm>/ must be folders of the layout itself, not links out of it.
  const folders = new Map<string, Promise<void>>()
  const checkFolder = (path: string): Promise<void> => {
    let checked = folders.get(path)
    if (!checked) {
      checked = lstat(path).then(
        (info) => {
          if (info.isSymbolicLink())
            throw new LayoutError(
              `${path} is a symbolic link; a layout's blobs must be inside it (a link could point anywhere on the runner)`,
              path
            )
          if (!info.isDirectory()) throw new LayoutError(`${path} is not a folder`, path)
        },
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error
        }
      )
      folders.set(path, checked)
    }
    return checked
  }
  const pathOf = (digest: string): string => {
    if (!DIGEST_PATTERN.test(digest)) throw new LayoutError(`"${clip(digest)}" is not a valid digest`, join(root, 'index.json'))
    const [algorithm, hex] = digest.split(':')
    return join(root, 'blobs', algorithm, hex)
  }
  const checkFolders = async (digest: string): Promise<void> => {
    await checkFolder(join(root, 'blobs'))
    await checkFolder(join(root, 'blobs', digest.split(':')[0]))
  }
  return makeLayout(root, index, {
    pathOf,
    size: async (digest) => {
      const path = pathOf(digest)
      await checkFolders(digest)
      let info
      try {
        info = await lstat(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
      if (info.isSymbolicLink())
        throw new LayoutError(
          `${path} is a symbolic link; blob ${digest} must be a regular file inside the layout (a link could point anywhere on the runner)`,
          path
        )
      if (!info.isFile()) throw new LayoutError(`${path} is not a regular file; blob ${digest} must be one`, path)
      return info.size
    },
    open: (digest, start, end) => {
      const path = pathOf(digest)
      return end <= start ? emptyStream() : readRange(path, `blob ${digest}`, start, end, () => checkFolders(digest))
    },
    close: async () => {}
  })
}

async function openTarLayout(path: string, tempDir: string, limits: GunzipLimits): Promise<OciLayout> {
  let tarPath = path
  let cleanup = async (): Promise<void> => {}
  const magic = Buffer.alloc(2)
  const handle = await open(path, 'r')
  await handle.read(magic, 0, 2, 0)
  await handle.close()
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    // A gzipped tar cannot be read by offset: decompress it once to a temporary file.
    const dir = await mkdtemp(join(tempDir, 'digest-release-layout-'))
    tarPath = join(dir, 'layout.tar')
    cleanup = () => rm(dir, { recursive: true, force: true })
    const { size: compressed } = await stat(path)
    const byRatio = Math.max(limits.ratioAfterBytes, limits.maxRatio * compressed)
    const limit = Math.min(limits.maxBytes, byRatio)
    const tooLarge = (): LayoutError =>
      new LayoutError(
        `${path} decompresses to more than ${formatBytes(limit)} (${
          limit === limits.maxBytes
            ? `the most a gzipped layout may decompress to`
            : `${limits.maxRatio} times its compressed size of ${formatBytes(compressed)}, past ${formatBytes(limits.ratioAfterBytes)}`
        }); refusing it as a decompression bomb. A layout's layers are compressed already: give the uncompressed tar or the layout directory instead (buildx --output type=oci,dest=<path>,tar=false)`,
        path
      )
    try {
      await pipeline(createReadStream(path), createGunzip(), byteLimit(limit, tooLarge), createWriteStream(tarPath))
    } catch (error) {
      await cleanup()
      if (error instanceof LayoutError) throw error
      throw new LayoutError(`${path} looks gzipped but cannot be decompressed: ${clip((error as Error).message)}`, path)
    }
  }

  let entries: Map<string, TarEntry>
  try {
    entries = await indexTar(tarPath)
  } catch (error) {
    await cleanup()
    if (error instanceof LayoutError) throw new LayoutError(error.message.replace(tarPath, path), path)
    throw error
  }
  // Accept a layout wrapped in one top-level folder (`layout/index.json`).
  let prefix = ''
  if (!entries.has('index.json')) {
    const wrapped = [...entries.keys()].filter((n) => /^[^/]+\/index\.json$/.test(n))
    if (wrapped.length === 1) prefix = wrapped[0].slice(0, -'index.json'.length)
  }
  const entry = (name: string): TarEntry | undefined => resolveTarEntry(entries, prefix + name, path)
  const readEntry = async (name: string): Promise<Buffer> => {
    const found = entry(name)
    if (!found) throw Object.assign(new Error(`${name} not found`), { code: 'ENOENT' })
    if (found.size > MAX_MANIFEST_BYTES) throw new LayoutError(`${path}: ${name} is ${found.size} bytes, too large for a layout file`, path)
    const buffer = Buffer.alloc(found.size)
    const h = await open(tarPath, 'r')
    try {
      await h.read(buffer, 0, found.size, found.offset)
    } finally {
      await h.close()
    }
    return buffer
  }

  try {
    await checkOciLayoutFile(async () => (await readEntry('oci-layout')).toString('utf8'), `${path}:oci-layout`)
    const index = await parseIndex(() => readEntry('index.json'), `${path}:index.json`)
    const blobName = (digest: string): string => {
      if (!DIGEST_PATTERN.test(digest)) throw new LayoutError(`"${clip(digest)}" is not a valid digest`, `${path}:index.json`)
      return `blobs/${digest.replace(':', '/')}`
    }
    return makeLayout(path, index, {
      pathOf: (digest) => `${path}:${prefix}${blobName(digest)}`,
      size: async (digest) => entry(blobName(digest))?.size,
      open: (digest, start, end) => {
        const found = entry(blobName(digest))
        if (!found) throw new LayoutError(`blob ${digest} is missing from ${path}`, path)
        return end <= start
          ? emptyStream()
          : createReadStream(tarPath, { start: found.offset + start, end: found.offset + end - 1, highWaterMark: 1024 * 1024 })
      },
      close: cleanup
    })
  } catch (error) {
    await cleanup()
    throw error
  }
}

interface BlobStore {
  pathOf(digest: string): string
  size(digest: string): Promise<number | undefined>
  open(digest: string, start: number, end: number): Readable
  close(): Promise<void>
}

function makeLayout(source: string, index: ImageIndexDocument, store: BlobStore): OciLayout {
  return {
    source,
    index,
    blob: (descriptor) => ({
      digest: descriptor.digest,
      size: descriptor.size,
      file: store.pathOf(descriptor.digest),
      open: (start, end) => store.open(descriptor.digest, start, end)
    }),
    blobSize: (digest) => store.size(digest),
    readBlob: async (descriptor, what) => {
      const file = store.pathOf(descriptor.digest)
      const size = await store.size(descriptor.digest)
      if (size === undefined) throw new LayoutError(`${what} ${descriptor.digest} is missing from the layout (expected at ${file})`, file)
      if (size !== descriptor.size)
        throw new LayoutError(
          `${what} ${descriptor.digest} is ${size} bytes at ${file}, but its descriptor says ${descriptor.size}; the layout is damaged`,
          file
        )
      if (size > MAX_MANIFEST_BYTES)
        throw new LayoutError(`${what} ${descriptor.digest} is ${size} bytes, more than a manifest may be`, file)
      const chunks: Buffer[] = []
      for await (const chunk of store.open(descriptor.digest, 0, size)) chunks.push(chunk as Buffer)
      const bytes = Buffer.concat(chunks)
      const actual = digestOf(bytes, descriptor.digest)
      if (actual !== descriptor.digest)
        throw new LayoutError(`${what} ${descriptor.digest} has content that hashes to ${actual}; the layout is damaged (${file})`, file)
      return bytes
    },
    close: () => store.close()
  }
}

async function checkOciLayoutFile(read: () => Promise<string>, file: string): Promise<void> {
  let text: string
  try {
    text = await read()
  } catch (error) {
    if (error instanceof LayoutError) throw error
    throw new LayoutError(
      `${file} is missing: this is not an OCI image layout. Write one with buildx --output type=oci, ko --oci-layout-path, or rules_oci`,
      file
    )
  }
  let version: unknown
  try {
    version = (JSON.parse(text) as { imageLayoutVersion?: unknown }).imageLayoutVersion
  } catch {
    throw new LayoutError(`${file} is not JSON`, file)
  }
  if (version !== '1.0.0')
    throw new LayoutError(`${file} says imageLayoutVersion ${clip(String(JSON.stringify(version)))}; only 1.0.0 is supported`, file)
}

async function parseIndex(read: () => Promise<Buffer>, file: string): Promise<ImageIndexDocument> {
  let bytes: Buffer
  try {
    bytes = await read()
  } catch (error) {
    if (error instanceof LayoutError) throw error
    throw new LayoutError(`${file} is missing: an OCI image layout lists its images in index.json`, file)
  }
  let index: ImageIndexDocument
  try {
    index = JSON.parse(bytes.toString('utf8')) as ImageIndexDocument
  } catch (error) {
    throw new LayoutError(
      `${file} is not valid JSON (${clip((error as Error).message)}); the layout is damaged or was not fully written`,
      file
    )
  }
  if (!index || typeof index !== 'object' || !Array.isArray(index.manifests)) throw new LayoutError(`${file} has no "manifests" list`, file)
  index.manifests.forEach((d, i) => checkDescriptor(d, `${file} manifests[${i}]`, file))
  return index
}

function checkDescriptor(descriptor: Descriptor, where: string, file: string): void {
  if (!descriptor || typeof descriptor !== 'object') throw new LayoutError(`${where} is not a descriptor`, file)
  if (typeof descriptor.digest !== 'string' || !DIGEST_PATTERN.test(descriptor.digest))
    throw new LayoutError(`${where} has an invalid digest ${clip(String(JSON.stringify(descriptor.digest)))}`, file)
  if (typeof descriptor.size !== 'number' || descriptor.size < 0 || !Number.isInteger(descriptor.size))
    throw new LayoutError(`${where} has an invalid size`, file)
  if (typeof descriptor.mediaType !== 'string') throw new LayoutError(`${where} has no mediaType`, file)
}

/** The names an index.json entry answers to for `layout-ref`. */
function refNames(descriptor: Descriptor): string[] {
  const names = [descriptor.annotations?.[ANNOTATION.refName], descriptor.annotations?.['io.containerd.image.name']].filter(
    (n): n is string => Boolean(n)
  )
  return names
}

/** Names from index.json for an error message: each clipped, at most 20 of them. */
function nameList(names: string[], max = 20): string {
  const shown = names.slice(0, max).map((n) => clip(n))
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ')
}

/** The fewest hex characters of a digest a `layout-ref` prefix may have. */
export const MIN_DIGEST_PREFIX = 12

// `sha256:<hex>`, `<hex>` or another algorithm's `<algorithm>:<hex>`: a digest or a prefix of one.
const DIGEST_REF = /^(?:([a-z0-9]+(?:[+._-][a-z0-9]+)*):)?([0-9a-f]+)$/i

/**
 * How each entry can be given back as `layout-ref`, once per label: its name, or for an unnamed entry
 * its digest cut to the shortest prefix of at least MIN_DIGEST_PREFIX hex characters that no other
 * digest in `entries` starts with (found from its neighbours in sorted order).
 */
function entryLabels(selected: Descriptor[], entries: Descriptor[] = selected): string[] {
  const hexes = [...new Set(entries.map((d) => d.digest.split(':')[1]))].sort()
  const position = new Map(hexes.map((hex, i) => [hex, i]))
  const common = (a = '', b = ''): number => {
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i]) i++
    return i
  }
  const labels = selected.map((entry) => {
    const name = refNames(entry)[0]
    if (name !== undefined) return name
    const [algorithm, hex] = entry.digest.split(':')
    const at = position.get(hex) ?? -1
    const length = Math.max(MIN_DIGEST_PREFIX, common(hex, hexes[at - 1]) + 1, common(hex, hexes[at + 1]) + 1)
    return `${algorithm}:${hex.slice(0, Math.min(length, hex.length))}`
  })
  return [...new Set(labels)]
}

/**
 * The index.json entry to push: the only one, or the one `layoutRef` names, by ref name
 * (`org.opencontainers.image.ref.name`, or containerd's `io.containerd.image.name`) or by manifest
 * digest: whole (`sha256:<hex>`) or a prefix of at least MIN_DIGEST_PREFIX hex characters, with or
 * without `sha256:`, that only one digest in the index starts with (ko writes unnamed entries).
 */
export function selectEntry(layout: OciLayout, layoutRef: string | undefined): Descriptor {
  const entries = layout.index.manifests
  if (entries.length === 0) throw new LayoutError(`${layout.source}: index.json lists no images`, layout.source)
  const fail = (message: string): LayoutError => new LayoutError(`${layout.source}: ${message}`, layout.source)
  const ref = layoutRef?.trim()
  if (ref) {
    const named = entries.filter((d) => refNames(d).includes(ref))
    if (named.length === 1) return named[0]
    if (named.length > 1) {
      if (new Set(named.map((d) => d.digest)).size === 1) return named[0]
      throw fail(
        `${named.length} index.json entries are named "${clip(ref)}" (input \`layout-ref\`); give one by digest instead: ${nameList(
          named.map((d) => shortDigest(d.digest))
        )}`
      )
    }
    const allNamed = entries.every((d) => refNames(d).length > 0)
    const choices = `the entries are${allNamed ? ' named' : ''}: ${nameList(entryLabels(entries))}`
    const digestRef = DIGEST_REF.exec(ref)
    if (!digestRef) throw fail(`no index.json entry is named "${clip(ref)}" (input \`layout-ref\`); ${choices}`)
    const algorithm = digestRef[1]?.toLowerCase()
    const hex = digestRef[2].toLowerCase()
    if (hex.length < MIN_DIGEST_PREFIX)
      throw fail(
        `no index.json entry is named "${clip(ref)}" (input \`layout-ref\`), and as a digest prefix it is too short: give at least ${MIN_DIGEST_PREFIX} hex characters; ${choices}`
      )
    const matching = entries.filter((d) => {
      const [entryAlgorithm, entryHex] = d.digest.split(':')
      return (algorithm === undefined || algorithm === entryAlgorithm) && entryHex.startsWith(hex)
    })
    const digests = [...new Set(matching.map((d) => d.digest))]
    if (digests.length === 1) return matching[0]
    if (digests.length === 0)
      throw fail(`no index.json entry is named "${clip(ref)}" or has a digest starting with it (input \`layout-ref\`); ${choices}`)
    throw fail(
      `"${clip(ref)}" (input \`layout-ref\`) is ambiguous: ${digests.length} index.json entries have digests starting with it (${nameList(
        entryLabels(matching, entries)
      )}); give more of the digest`
    )
  }
  if (entries.length === 1) return entries[0]
  throw fail(`index.json lists ${entries.length} images; choose one with \`layout-ref\`: ${nameList(entryLabels(entries))}`)
}

export interface ImageNode {
  descriptor: Descriptor
  mediaType: string
  bytes: Buffer
  kind: 'manifest' | 'index'
  /** For a manifest: its config and layers. */
  blobs: Descriptor[]
  /** For an index: its manifests, in order. */
  children: ImageNode[]
  /** `os/architecture[/variant]` when the parent index names one. */
  platform?: string
  manifest?: ImageManifestDocument
}

/** The deepest an index may nest: top (0), indexes below it, manifests at most at 4. */
const MAX_INDEX_DEPTH = 4

/**
 * Reads the manifest tree under a descriptor and checks that every blob it names is present with
 * the right size, so a broken layout fails before anything is pushed. Indexes may share children
 * (a DAG): each digest is read and parsed once, and a child named again shares its node's bytes,
 * blobs and children; only the descriptor and platform of the naming index differ.
 */
export async function loadImage(layout: OciLayout, descriptor: Descriptor): Promise<ImageNode> {
  return loadNode(layout, descriptor, 0, new Map(), new Set())
}

interface LoadedNode {
  node: ImageNode
  /** Levels of indexes below this node (0 for a manifest), for the depth limit on reuse. */
  height: number
}

async function loadNode(
  layout: OciLayout,
  descriptor: Descriptor,
  depth: number,
  loaded: Map<string, LoadedNode>,
  loading: Set<string>
): Promise<ImageNode> {
  const tooDeep = (): LayoutError => new LayoutError(`${layout.source}: indexes are nested too deep`, layout.source)
  if (depth > MAX_INDEX_DEPTH) throw tooDeep()
  if (!MANIFEST_MEDIA_TYPES.includes(descriptor.mediaType)) {
    throw new LayoutError(
      `${layout.source}: ${clip(String(descriptor.digest))} has media type ${clip(String(descriptor.mediaType))}, which is not an image manifest or index`,
      layout.source
    )
  }
  if (loading.has(descriptor.digest)) throw new LayoutError(`${layout.source}: index ${descriptor.digest} lists itself`, layout.source)
  const what = INDEX_MEDIA_TYPES.includes(descriptor.mediaType) ? 'image index' : 'image manifest'
  const bytes = await layout.readBlob(descriptor, what)
  const file = layout.blob(descriptor).file
  let document: ImageManifestDocument & ImageIndexDocument
  try {
    document = JSON.parse(bytes.toString('utf8')) as ImageManifestDocument & ImageIndexDocument
  } catch {
    throw new LayoutError(`${what} ${descriptor.digest} is not JSON (${file})`, file)
  }
  if (document.mediaType && document.mediaType !== descriptor.mediaType) {
    throw new LayoutError(
      `${what} ${descriptor.digest} says mediaType ${clip(String(document.mediaType))}, but its descriptor says ${clip(descriptor.mediaType)} (${file})`,
      file
    )
  }
  const node: ImageNode = {
    descriptor,
    mediaType: descriptor.mediaType,
    bytes,
    kind: INDEX_MEDIA_TYPES.includes(descriptor.mediaType) ? 'index' : 'manifest',
    blobs: [],
    children: []
  }
  if (node.kind === 'index') {
    if (!Array.isArray(document.manifests))
      throw new LayoutError(`image index ${descriptor.digest} has no "manifests" list (${file})`, file)
    let height = 0
    loading.add(descriptor.digest)
    for (const [i, child] of document.manifests.entries()) {
      checkDescriptor(child, `image index ${descriptor.digest} manifests[${i}]`, file)
      let shared = loaded.get(child.digest)
      if (shared) {
        const first = shared.node.descriptor
        if (first.size !== child.size || first.mediaType !== child.mediaType)
          throw new LayoutError(
            `image index ${descriptor.digest} names manifest ${child.digest} as ${child.size} bytes of ${clip(child.mediaType)}, but it is named elsewhere in the layout as ${first.size} bytes of ${clip(first.mediaType)}; the layout is damaged`,
            file
          )
        if (depth + 1 + shared.height > MAX_INDEX_DEPTH) throw tooDeep()
      } else {
        const present = await layout.blobSize(child.digest)
        if (present === undefined) {
          throw new LayoutError(
            `image index ${descriptor.digest} names manifest ${child.digest}${platformName(child) ? ` (${clip(String(platformName(child)))})` : ''}, which is missing from the layout (${layout.blob(child).file})`,
            file
          )
        }
        const childNode = await loadNode(layout, child, depth + 1, loaded, loading)
        shared = loaded.get(child.digest) ?? { node: childNode, height: 0 }
      }
      height = Math.max(height, shared.height + 1)
      node.children.push({ ...shared.node, descriptor: child, platform: platformName(child) })
    }
    loading.delete(descriptor.digest)
    loaded.set(descriptor.digest, { node, height })
    return node
  }

  if (document.schemaVersion !== 2 || !document.config || !Array.isArray(document.layers)) {
    throw new LayoutError(`image manifest ${descriptor.digest} lacks schemaVersion 2, config or layers (${file})`, file)
  }
  node.manifest = document
  const blobs = [document.config, ...document.layers]
  blobs.forEach((d, i) => checkDescriptor(d, `image manifest ${descriptor.digest} ${i === 0 ? 'config' : `layers[${i - 1}]`}`, file))
  for (const [i, blob] of blobs.entries()) {
    const role = i === 0 ? 'config' : `layer ${i}`
    const size = await layout.blobSize(blob.digest)
    const blobFile = layout.blob(blob).file
    if (size === undefined)
      throw new LayoutError(
        `${role} blob ${blob.digest} of manifest ${descriptor.digest} is missing from the layout (expected at ${blobFile})`,
        blobFile
      )
    if (size !== blob.size) {
      throw new LayoutError(
        `${role} blob ${blob.digest} is ${size} bytes at ${blobFile}, but manifest ${descriptor.digest} says ${blob.size}; the blob is truncated or altered`,
        blobFile
      )
    }
  }
  node.blobs = blobs
  loaded.set(descriptor.digest, { node, height: 0 })
  return node
}

/** The platform images of a tree, each digest once: the children of an index that name a platform, or the image itself. */
export function platformImages(node: ImageNode): ImageNode[] {
  if (node.kind !== 'index') return [node]
  const seen = new Set<string>()
  return node.children.filter((child) => {
    if (child.kind !== 'manifest' || child.platform === 'unknown/unknown' || seen.has(child.descriptor.digest)) return false
    seen.add(child.descriptor.digest)
    return true
  })
}

/** `linux/amd64` -> digest for each platform of an index; empty for a single image. */
export function platformDigestsOf(node: ImageNode): Record<string, string> {
  const digests: Record<string, string> = {}
  for (const child of node.children)
    if (child.platform && child.platform !== 'unknown/unknown') digests[child.platform] = child.descriptor.digest
  return digests
}

/**
 * Every manifest node of the tree once, children before parents (the order they must be pushed in).
 * A node named by several indexes is visited once, so a DAG costs its size, not its paths.
 */
export function manifestsBottomUp(node: ImageNode): ImageNode[] {
  const seen = new Set<string>()
  const order: ImageNode[] = []
  const visit = (n: ImageNode): void => {
    if (seen.has(n.descriptor.digest)) return
    seen.add(n.descriptor.digest)
    for (const child of n.children) visit(child)
    order.push(n)
  }
  visit(node)
  return order
}
