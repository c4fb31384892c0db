// `sbom: generate`: catalogue one platform image by streaming its layers and describe it in SPDX 2.3
// (the default) or CycloneDX 1.6.
// For an index the caller runs this once per platform manifest and attests each to its own digest.
import { silentLogger, type Logger } from '../net/logger.js'
import { catalogImage, MAX_METADATA_TOTAL_BYTES } from './catalog/catalog.js'
import type { OpenBlob, SkippedFile } from './catalog/filesystem.js'
import type { CatalogedPackage, OsRelease } from './catalog/types.js'
import { PREDICATE_TYPE } from '../sigstore/predicates.js'
import { buildCycloneDxDocument } from './cyclonedx.js'
import { buildSpdxDocument } from './spdx.js'
import type { SbomFormat } from './validate.js'

export interface ImageForSbom {
  /** Image repository, e.g. ghcr.io/owner/app. */
  name: string
  /** Digest of the platform manifest the SBOM describes. */
  digest: string
  /** "linux/amd64", for the document's comment. */
  platform?: string
  config: { os?: string; architecture?: string }
  /** In manifest order: the first is the bottom layer. */
  layers: Array<{ digest: string; mediaType: string; size: number }>
}

export interface GenerateSbomOptions {
  /** Creation time written in the document; defaults to now. */
  created?: string
  /** Creator tool, e.g. "digest-release-1.2.0". */
  toolName?: string
  logger?: Logger
  /** Metadata bytes read in all for this image (default MAX_METADATA_TOTAL_BYTES, 64 MiB); files past it are skipped and recorded. */
  maxMetadataBytes?: number
  /** Document format: SPDX 2.3 (default) or CycloneDX 1.6. */
  format?: SbomFormat
}

export interface GeneratedSbom {
  /** SPDX 2.3 or CycloneDX 1.6 JSON document, as `format` says. */
  document: Record<string, unknown>
  format: SbomFormat
  /** In-toto predicate type to attest the document under: https://spdx.dev/Document/v2.3 or https://cyclonedx.org/bom. */
  predicateType: string
  packages: CatalogedPackage[]
  os?: OsRelease
  /**
   * Metadata files of the image that were not catalogued (too large, unparsable, over the budget):
   * the packages they list are missing from the document, which says so (SPDX: its `comment`;
   * CycloneDX: an `incomplete` composition and a `digest-release:not-catalogued` property per file).
   */
  skipped: SkippedFile[]
}

export async function generateSbom(image: ImageForSbom, openBlob: OpenBlob, options: GenerateSbomOptions = {}): Promise<GeneratedSbom> {
  const logger = options.logger ?? silentLogger
  const { packages, os, skipped } = await catalogImage(image.layers, openBlob, logger, options.maxMetadataBytes ?? MAX_METADATA_TOTAL_BYTES)
  logger.info(
    `sbom: ${image.name}@${image.digest}: ${packages.length} packages${os ? ` on ${os.prettyName ?? os.id}` : ''}` +
      (skipped.length > 0 ? `; ${skipped.length} metadata file(s) not catalogued` : '')
  )
  const format = options.format ?? 'spdx'
  const build = format === 'cyclonedx' ? buildCycloneDxDocument : buildSpdxDocument
  const document = build(
    { name: image.name, digest: image.digest, platform: image.platform, os: image.config.os, architecture: image.config.architecture },
    packages,
    os,
    { created: options.created ?? new Date().toISOString(), toolName: options.toolName ?? 'digest-release', skipped }
  )
  const predicateType = format === 'cyclonedx' ? PREDICATE_TYPE.cycloneDx : PREDICATE_TYPE.spdx23
  return { document, format, predicateType, packages, os, skipped }
}
