// Builds real OCI image layouts for tests: gzipped tar layers, configs, manifests, indexes.
import { createHash, randomBytes } from 'node:crypto'
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'

const run = promisify(execFile)

export interface LayerSpec {
  files: Record<string, Buffer | string>
}

export interface ImageSpec {
  platform?: { os: string; architecture: string; variant?: string }
  layers: LayerSpec[]
}

export interface BuiltDescriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

export interface BuiltLayout {
  dir: string
  /** The top descriptor in index.json (the only entry, unless extra entries were asked for). */
  top: BuiltDescriptor
  /** Platform manifests (for an index) or the single manifest. */
  manifests: BuiltDescriptor[]
  layers: BuiltDescriptor[]
}

export const sha256 = (bytes: Buffer | string): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

export async function writeBlob(dir: string, bytes: Buffer | string): Promise<{ digest: string; size: number; path: string }> {
  const digest = sha256(bytes)
  const path = join(dir, 'blobs', 'sha256', digest.slice(7))
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  await writeFile(path, bytes)
  return { digest, size: Buffer.byteLength(bytes), path }
}

export async function tarBytes(files: Record<string, Buffer | string>): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  pack.on('data', (c: unknown) => {
    chunks.push(c as Buffer)
  })
  const done = new Promise<void>((r) => pack.on('end', () => r()))
  for (const [name, content] of Object.entries(files)) {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content)
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name, size: body.length, mode: 0o644, mtime: new Date(0) }, body, (e) => (e ? reject(e) : resolve()))
    )
  }
  pack.finalize()
  await done
  return Buffer.concat(chunks)
}

export function randomLayer(bytes: number, name = 'data.bin'): LayerSpec {
  return { files: { [name]: randomBytes(bytes) } }
}

async function writeImage(
  dir: string,
  spec: ImageSpec,
  docker: boolean
): Promise<{ manifest: BuiltDescriptor; layers: BuiltDescriptor[] }> {
  const layers: BuiltDescriptor[] = []
  const diffIds: string[] = []
  for (const layer of spec.layers) {
    const raw = await tarBytes(layer.files)
    diffIds.push(sha256(raw))
    const blob = await writeBlob(dir, gzipSync(raw))
    layers.push({
      mediaType: docker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: blob.digest,
      size: blob.size
    })
  }
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' }
  const config = JSON.stringify({
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: { Cmd: ['/bin/true'] },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: diffIds.map(() => ({ created_by: 'digest-release test' }))
  })
  const configBlob = await writeBlob(dir, config)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: docker ? 'application/vnd.docker.distribution.manifest.v2+json' : 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json',
      digest: configBlob.digest,
      size: configBlob.size
    },
    layers
  })
  const manifestBlob = await writeBlob(dir, manifest)
  return {
    manifest: {
      mediaType: docker ? 'application/vnd.docker.distribution.manifest.v2+json' : 'application/vnd.oci.image.manifest.v1+json',
      digest: manifestBlob.digest,
      size: manifestBlob.size,
      platform
    },
    layers
  }
}

export async function writeLayout(
  dir: string,
  options: { images: ImageSpec[]; index?: boolean; refName?: string; docker?: boolean; extraEntries?: BuiltDescriptor[] }
): Promise<BuiltLayout> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const built = []
  for (const image of options.images) built.push(await writeImage(dir, image, options.docker ?? false))
  let top: BuiltDescriptor
  if (options.index || options.images.length > 1) {
    const mediaType = options.docker
      ? 'application/vnd.docker.distribution.manifest.list.v2+json'
      : 'application/vnd.oci.image.index.v1+json'
    const index = JSON.stringify({ schemaVersion: 2, mediaType, manifests: built.map((b) => b.manifest) })
    const blob = await writeBlob(dir, index)
    top = { mediaType, digest: blob.digest, size: blob.size }
  } else {
    const { platform: _platform, ...manifest } = built[0].manifest
    top = manifest
  }
  if (options.refName) top = { ...top, annotations: { 'org.opencontainers.image.ref.name': options.refName } }
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [top, ...(options.extraEntries ?? [])]
    })
  )
  return { dir, top, manifests: built.map((b) => b.manifest), layers: built.flatMap((b) => b.layers) }
}

/** Packs a layout directory into a tar the way buildx `type=oci` does (entries relative to the root). */
export async function tarLayout(dir: string, tarPath: string): Promise<string> {
  await run('tar', ['-cf', tarPath, '-C', dir, '.'])
  return tarPath
}
