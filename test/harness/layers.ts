// Builds image layers for the SBOM tests: real tar archives (tar-stream's pack), gzipped with zlib
// or not, written to a temp dir and opened as streams by digest, as the layout reader would.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'
import { MEDIA_TYPE } from '../../src/oci/media-types.js'

export type LayerEntrySpec =
  | { path: string; content: Buffer | string; mode?: number }
  | { path: string; symlink: string }
  | { path: string; hardlink: string }
  | { path: string; directory: true }

export async function tarLayer(entries: LayerEntrySpec[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  pack.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer)
  })
  const ended = new Promise<void>((resolve, reject) => {
    pack.on('end', () => resolve())
    pack.on('error', reject)
  })
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null): void => (error ? reject(error) : resolve())
      if ('content' in entry) {
        const body = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content)
        pack.entry({ name: entry.path, size: body.length, mode: entry.mode ?? 0o644, mtime: new Date(0) }, body, done)
      } else if ('symlink' in entry) {
        pack.entry({ name: entry.path, type: 'symlink', linkname: entry.symlink, mode: 0o777, mtime: new Date(0) }, done)
      } else if ('hardlink' in entry) {
        pack.entry({ name: entry.path, type: 'link', linkname: entry.hardlink, mode: 0o644, mtime: new Date(0) }, done)
      } else {
        pack.entry({ name: entry.path, type: 'directory', mode: 0o755, mtime: new Date(0) }, done)
      }
    })
  }
  pack.finalize()
  await ended
  return Buffer.concat(chunks)
}

export interface TestImage {
  dir: string
  layers: Array<{ digest: string; mediaType: string; size: number }>
  openBlob: (digest: string) => Promise<NodeJS.ReadableStream>
  /** How many times each blob was opened. */
  opened: Map<string, number>
  cleanup(): Promise<void>
}

/** Writes the layers as blobs (gzipped unless asked otherwise) and returns an OpenBlob over them. */
export async function buildImage(
  layers: Array<LayerEntrySpec[] | { entries: LayerEntrySpec[]; gzip?: boolean; mediaType?: string } | { raw: Buffer; mediaType: string }>
): Promise<TestImage> {
  const dir = await mkdtemp(join(tmpdir(), 'sbom-test-'))
  const built: TestImage['layers'] = []
  for (const layer of layers) {
    let bytes: Buffer
    let mediaType: string
    if ('raw' in layer) {
      bytes = layer.raw
      mediaType = layer.mediaType
    } else {
      const spec = Array.isArray(layer) ? { entries: layer } : layer
      const tarBytes = await tarLayer(spec.entries)
      const gzip = spec.gzip ?? true
      bytes = gzip ? gzipSync(tarBytes) : tarBytes
      mediaType = spec.mediaType ?? (gzip ? MEDIA_TYPE.ociLayerTarGzip : MEDIA_TYPE.ociLayerTar)
    }
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    await writeFile(join(dir, digest.slice(7)), bytes)
    built.push({ digest, mediaType, size: bytes.length })
  }
  const opened = new Map<string, number>()
  return {
    dir,
    layers: built,
    opened,
    openBlob: async (digest) => {
      opened.set(digest, (opened.get(digest) ?? 0) + 1)
      return createReadStream(join(dir, digest.slice(7)))
    },
    cleanup: () => rm(dir, { recursive: true, force: true })
  }
}
