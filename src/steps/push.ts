// The push step: blobs (largest first, in parallel, skipping what the registry has), then platform
// manifests, then the top manifest, all by digest. Tags come later, in their own step.
import { forEachLimit } from '../net/concurrency.js'
import { uploadBlob, DEFAULT_UPLOAD_OPTIONS, type UploadOptions } from '../oci/registry/blobs.js'
import type { RegistryClient } from '../oci/registry/client.js'
import { manifestsBottomUp, type Descriptor, type ImageNode, type OciLayout } from '../oci/layout/read.js'
import type { Logger } from '../net/logger.js'
import { RegistryError } from '../oci/errors.js'

export interface PushOptions {
  client: RegistryClient
  layout: OciLayout
  image: ImageNode
  /** Blob uploads at once. */
  concurrency?: number
  upload?: Partial<UploadOptions>
  logger: Logger
  progressIntervalMs?: number
}

export interface PushResult {
  digest: string
  mediaType: string
  size: number
  /** `linux/amd64` -> digest, for an index; empty for a single manifest. */
  platformDigests: Record<string, string>
  blobsUploaded: number
  blobsSkipped: number
  blobsMounted: number
  bytesUploaded: number
  manifestsPushed: number
}

export async function pushImage(options: PushOptions): Promise<PushResult> {
  const { client, layout, image, logger } = options
  const uploadOptions: UploadOptions = { ...DEFAULT_UPLOAD_OPTIONS, ...options.upload }
  const manifests = manifestsBottomUp(image)

  const blobsByDigest = new Map<string, Descriptor>()
  for (const node of manifests) for (const blob of node.blobs) blobsByDigest.set(blob.digest, blob)
  const blobs = [...blobsByDigest.values()].sort((a, b) => b.size - a.size)

  const totalBytes = blobs.reduce((sum, b) => sum + b.size, 0)
  let sentBytes = 0
  let blobsUploaded = 0
  let blobsSkipped = 0
  let bytesUploaded = 0
  const started = Date.now()
  const progress = setInterval(() => {
    const seconds = (Date.now() - started) / 1000
    const rate = sentBytes / Math.max(seconds, 0.001)
    const remaining = Math.max(0, totalBytes - sentBytes)
    const eta = rate > 0 ? `${Math.ceil(remaining / rate)}s` : '?'
    logger.info(`uploaded ${mib(sentBytes)} of at most ${mib(totalBytes)} MiB (${mib(rate)} MiB/s, ETA ${eta})`)
  }, options.progressIntervalMs ?? 5000)
  progress.unref()

  try {
    await forEachLimit(blobs, options.concurrency ?? 4, async (blob) => {
      if (await client.blobExists(blob.digest)) {
        blobsSkipped++
        logger.debug(`blob ${blob.digest} (${blob.size} bytes) is already there`)
        return
      }
      await uploadBlob(client, layout.blob(blob), { ...uploadOptions, onBytes: (n) => (sentBytes += n) })
      blobsUploaded++
      bytesUploaded += blob.size
      logger.info(`pushed blob ${blob.digest} (${blob.size} bytes)`)
    })
  } finally {
    clearInterval(progress)
  }

  const platformDigests: Record<string, string> = {}
  for (const node of manifests) {
    const { digest } = await client.putManifest(node.descriptor.digest, node.bytes, node.mediaType)
    if (digest !== node.descriptor.digest) {
      throw new RegistryError(`manifest bytes hash to ${digest} but the layout names them ${node.descriptor.digest}`, {
        method: 'PUT',
        url: client.url(`/v2/${client.repository}/manifests/${digest}`).href
      })
    }
    if (node !== image && node.platform && node.platform !== 'unknown/unknown') platformDigests[node.platform] = digest
    logger.info(`pushed ${node.kind === 'index' ? 'index' : 'manifest'} ${digest}${node.platform ? ` (${node.platform})` : ''}`)
  }

  return {
    digest: image.descriptor.digest,
    mediaType: image.mediaType,
    size: image.bytes.length,
    platformDigests,
    blobsUploaded,
    blobsSkipped,
    blobsMounted: 0,
    bytesUploaded,
    manifestsPushed: manifests.length
  }
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1)
}
