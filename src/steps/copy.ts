// The copy step of promote mode: the digest's blobs (mounted within a registry, else streamed from
// the source's GET into the destination's upload), its manifests, and unless turned off its
// signatures and attestations (referrers and cosign's legacy tags), byte for byte, so every digest
// stays the same. Nothing is rebuilt: the bytes that were verified are the bytes that arrive.
import { copyImage, type CopyOptions, type CopyResult } from '../oci/copy.js'

export { planCopy } from '../oci/copy.js'
export type { CopyPlan, CopyResult } from '../oci/copy.js'

export async function copyStep(options: CopyOptions): Promise<CopyResult> {
  const copied = await copyImage(options)
  options.logger.info(
    `copied ${copied.digest}: ${copied.blobsUploaded} blob(s) uploaded (${copied.bytesUploaded} bytes), ${copied.blobsMounted} mounted, ${copied.blobsSkipped} already there; ${copied.manifestsCopied} manifest(s), ${copied.referrersCopied} referrer(s) and legacy tag(s)`
  )
  return copied
}
