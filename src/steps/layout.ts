// The layout step: read the chosen entry's manifest tree and check that every blob is there with its
// size, so a broken layout fails before anything is pushed. The bytes themselves are hashed later,
// as they stream to the registry.
import { loadImage, platformDigestsOf, type ImageNode, type OciLayout } from '../oci/layout/read.js'
import type { Descriptor } from '../oci/descriptor.js'

export interface LayoutStepOptions {
  layout: OciLayout
  entry: Descriptor
}

export interface LayoutStepResult {
  image: ImageNode
  /** `linux/amd64` -> digest, for an index; empty for a single image. */
  platformDigests: Record<string, string>
}

export async function readLayoutImage(options: LayoutStepOptions): Promise<LayoutStepResult> {
  const image = await loadImage(options.layout, options.entry)
  return { image, platformDigests: platformDigestsOf(image) }
}
