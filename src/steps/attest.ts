// The attest step: SLSA provenance and an SBOM as in-toto statements, DSSE-signed through Sigstore
// and stored beside the image exactly like the signature (cosign BUNDLE_SPEC referrers, and
// cosign v2's `sha256-<hex>.att` tag when the legacy format is on).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SerializedBundle } from '@sigstore/bundle'
import type { RegistryClient } from '../oci/registry/client.js'
import { sha256Digest } from '../oci/registry/client.js'
import type { Referrers } from '../oci/registry/referrers.js'
import { appendLegacyLayer, storeBundleReferrer } from '../sigstore/store.js'
import { bundleLogIndex } from '../sigstore/bundle-info.js'
import { bundleReferrerManifest, legacyAttestationLayer, legacyImageManifest, legacyTag } from '../sigstore/cosign.js'
import { buildStatement } from '../sigstore/intoto.js'
import { generateSbom, type OpenBlob, type SbomFile } from '../sbom/index.js'
import type { BundleSigner, SignTarget } from './sign.js'
import type { SignatureFormat } from '../action/inputs.js'
import type { AttestationSummary } from '../action/result.js'
import { IN_TOTO_PAYLOAD_TYPE, MEDIA_TYPE, PREDICATE_TYPE } from '../oci/media-types.js'
import type { Logger } from '../net/logger.js'

export interface PlatformImage extends SignTarget {
  config: { os?: string; architecture?: string }
  layers: Array<{ digest: string; mediaType: string; size: number }>
}

export interface AttestOptions {
  client: RegistryClient
  referrers: Referrers
  imageName: string
  /** The pushed top manifest (an index or a single image). */
  top: SignTarget
  /** The platform images: for a single image, the image itself. */
  platforms: PlatformImage[]
  signer: BundleSigner
  format: SignatureFormat
  /** The SLSA provenance predicate, when provenance is on. */
  provenance?: object
  sbom: { mode: 'none' } | { mode: 'generate' } | { mode: 'file'; file: SbomFile; path: string }
  openBlob: OpenBlob
  outputDir: string
  now: () => Date
  toolName: string
  logger: Logger
}

export interface AttestResult {
  provenance?: AttestationSummary
  sbom?: AttestationSummary
  sbomPath?: string
  attestations: AttestationSummary[]
}

export async function attestImage(options: AttestOptions): Promise<AttestResult> {
  const result: AttestResult = { attestations: [] }
  const isIndex = options.platforms.length !== 1 || options.platforms[0].digest !== options.top.digest

  if (options.provenance) {
    // Provenance describes the build of every digest: the index and each platform manifest.
    const subjects = isIndex ? [options.top, ...options.platforms] : [options.top]
    for (const subject of subjects) {
      const attestation = await attest(
        options,
        subject,
        'provenance',
        PREDICATE_TYPE.slsaProvenance1,
        Buffer.from(JSON.stringify(options.provenance))
      )
      result.attestations.push(attestation)
      if (subject.digest === options.top.digest) result.provenance = attestation
    }
  }

  if (options.sbom.mode === 'file') {
    const { file } = options.sbom
    const attestation = await attest(options, options.top, 'sbom', file.predicateType, file.bytes)
    result.attestations.push(attestation)
    result.sbom = attestation
    result.sbomPath = join(options.outputDir, `sbom-${options.top.digest.slice(7, 19)}.${file.format === 'spdx' ? 'spdx' : 'cdx'}.json`)
    await writeFile(result.sbomPath, file.bytes)
  } else if (options.sbom.mode === 'generate') {
    // One SBOM per platform, attested to that platform's digest: that is what a node pulls.
    for (const platform of options.platforms) {
      const generated = await generateSbom(
        { name: options.imageName, digest: platform.digest, platform: platform.platform, config: platform.config, layers: platform.layers },
        options.openBlob,
        { created: options.now().toISOString(), toolName: options.toolName, logger: options.logger }
      )
      options.logger.info(
        `${platform.platform ?? platform.digest}: catalogued ${generated.packages.length} packages${generated.os ? ` on ${generated.os.prettyName ?? generated.os.id}` : ''}`
      )
      const bytes = Buffer.from(JSON.stringify(generated.document, null, 2))
      const path = join(options.outputDir, `sbom-${platform.digest.slice(7, 19)}.spdx.json`)
      await writeFile(path, bytes)
      const attestation = await attest(options, platform, 'sbom', PREDICATE_TYPE.spdx23, bytes)
      result.attestations.push(attestation)
      result.sbom ??= attestation
      result.sbomPath ??= path
    }
  }
  return result
}

/**
 * The statement's bytes with the predicate spliced in as given: a user's SBOM file travels inside
 * the signed payload byte for byte, not re-serialized.
 */
export function statementBytes(subject: { name: string; digest: string }, predicateType: string, predicateBytes: Buffer): Buffer {
  const [algorithm, hex] = subject.digest.split(':')
  const head = JSON.stringify(buildStatement([{ name: subject.name, digest: { [algorithm]: hex } }], predicateType, null))
  return Buffer.concat([Buffer.from(head.slice(0, -'null}'.length)), predicateBytes, Buffer.from('}')])
}

async function attest(
  options: AttestOptions,
  subject: SignTarget,
  kind: 'provenance' | 'sbom',
  predicateType: string,
  predicateBytes: Buffer
): Promise<AttestationSummary> {
  const { client, referrers, logger } = options
  const payload = statementBytes({ name: options.imageName, digest: subject.digest }, predicateType, predicateBytes)
  const bundle: SerializedBundle = await options.signer.signDsse(payload, IN_TOTO_PAYLOAD_TYPE)
  const bundleBytes = Buffer.from(JSON.stringify(bundle))
  const summary: AttestationSummary = { kind, platform: subject.platform, subjectDigest: subject.digest, referrerDigest: '', predicateType }

  if (options.format === 'bundle' || options.format === 'both') {
    const manifest = bundleReferrerManifest({
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      bundle: { mediaType: MEDIA_TYPE.sigstoreBundle, digest: sha256Digest(bundleBytes), size: bundleBytes.length },
      predicateType,
      created: options.now().toISOString()
    })
    const stored = await storeBundleReferrer({ client, referrers, subjectDigest: subject.digest, bundleBytes, manifest })
    summary.referrerDigest = stored.digest
  }
  if (options.format === 'legacy' || options.format === 'both') {
    const tag = legacyTag(subject.digest, 'att')
    const { layer, bytes } = legacyAttestationLayer(bundle, predicateType)
    await appendLegacyLayer({ client, tag, layer, layerBytes: bytes, buildManifest: legacyImageManifest })
    summary.legacyTag = `${options.imageName}:${tag}`
  }
  summary.bundlePath = join(options.outputDir, `${kind}-${subject.digest.slice(7, 19)}.sigstore.json`)
  await writeFile(summary.bundlePath, bundleBytes)
  logger.info(
    `${kind} for ${subject.platform ?? subject.digest}: ${summary.referrerDigest || summary.legacyTag} (Rekor log index ${bundleLogIndex(bundle)})`
  )
  return summary
}
