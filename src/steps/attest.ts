// The attest step: SLSA provenance and an SBOM as in-toto statements, DSSE-signed through Sigstore
// and stored beside the image exactly like the signature (cosign BUNDLE_SPEC referrers, and
// cosign v2's `sha256-<hex>.att` tag when the legacy format is on).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SerializedBundle } from '@sigstore/bundle'
import type { RegistryClient } from '../oci/registry/client.js'
import { digestFileStem, digestSet, sha256Of } from '../oci/digest.js'
import type { Referrers } from '../oci/registry/referrers.js'
import { appendLegacyLayer, storeBundleReferrer } from '../sigstore/store.js'
import { timeProof } from '../sigstore/bundle-info.js'
import { bundleReferrerManifest, legacyAttestationLayer, legacyImageManifest, legacyTag } from '../sigstore/cosign.js'
import { buildStatement } from '../sigstore/intoto.js'
import type { TestResultPredicate } from '../sigstore/test-result.js'
import { generateSbom, type OpenBlob, type SbomFile, type SbomFormat } from '../sbom/index.js'
import type { Signer } from '../sigstore/signer.js'
import type { SignatureFormat } from '../sigstore/cosign.js'
import { plainDescriptor, platformName, type Descriptor } from '../oci/descriptor.js'
import { platformImages, type ImageNode, type OciLayout } from '../oci/layout/read.js'
import { MEDIA_TYPE } from '../oci/media-types.js'
import { IN_TOTO_PAYLOAD_TYPE, PREDICATE_TYPE } from '../sigstore/predicates.js'
import type { Logger } from '../net/logger.js'

/** One attestation stored for one subject digest. */
export interface AttestationSummary {
  kind: 'provenance' | 'sbom' | 'test-result'
  platform?: string
  subjectDigest: string
  referrerDigest: string
  legacyTag?: string
  bundlePath?: string
  predicateType: string
  /** For an SBOM: the document's file under RUNNER_TEMP. */
  sbomPath?: string
}

/** A platform image: its manifest's descriptor (platform included), its config's os and architecture, its layers. */
export interface PlatformImage extends Descriptor {
  config: { os?: string; architecture?: string }
  layers: Descriptor[]
}

/** The platform images of a layout's image, with their configs read (and checked) from the layout. */
export async function readPlatformImages(layout: OciLayout, image: ImageNode): Promise<PlatformImage[]> {
  const platforms: PlatformImage[] = []
  for (const node of platformImages(image)) {
    const manifest = node.manifest!
    const config = JSON.parse((await layout.readBlob(manifest.config, 'image config')).toString('utf8')) as {
      os?: string
      architecture?: string
    }
    const platform =
      node.descriptor.platform ?? (config.os && config.architecture ? { os: config.os, architecture: config.architecture } : undefined)
    platforms.push({ ...node.descriptor, ...(platform ? { platform } : {}), config, layers: manifest.layers })
  }
  return platforms
}

/** Opens the layers of these platform images from the layout, by digest. */
export function layerOpener(layout: OciLayout, platforms: PlatformImage[]): OpenBlob {
  const sizes = new Map(platforms.flatMap((platform) => platform.layers.map((layer) => [layer.digest, layer.size] as const)))
  return async (digest) => {
    const size = sizes.get(digest) ?? 0
    return layout.blob({ digest, size }).open(0, size)
  }
}

export interface AttestOptions {
  client: RegistryClient
  referrers: Referrers
  imageName: string
  /** The pushed top manifest (an index or a single image). */
  top: Descriptor
  /** The platform images: for a single image, the image itself. */
  platforms: PlatformImage[]
  signer: Signer
  format: SignatureFormat
  /** The SLSA provenance predicate, when provenance is on. */
  provenance?: object
  /** The test-result predicate, when test results were given. */
  testResult?: TestResultPredicate
  sbom: { mode: 'none' } | { mode: 'generate'; format: SbomFormat } | { mode: 'file'; file: SbomFile; path: string }
  openBlob: OpenBlob
  /** Also stores each bundle in the repository's GitHub attestations. */
  publish?: (bundle: SerializedBundle) => Promise<void>
  outputDir: string
  now: () => Date
  toolName: string
  logger: Logger
}

export interface AttestResult {
  provenance?: AttestationSummary
  /** The test-result attestation and what it says. */
  testResult?: AttestationSummary & { result: TestResultPredicate['result']; passed: number; failed: number }
  sbom?: AttestationSummary
  sbomPath?: string
  attestations: AttestationSummary[]
  /** Package metadata a generated SBOM could not catalogue (too large, unparsable, over the budget): the SBOM says so too. */
  sbomSkipped?: Array<{ platform?: string; path: string; reason: string }>
}

export async function attestImage(options: AttestOptions): Promise<AttestResult> {
  const result: AttestResult = { attestations: [] }
  const isIndex = options.platforms.length !== 1 || options.platforms[0].digest !== options.top.digest
  const wholeBuild = isIndex ? [options.top, ...options.platforms] : [options.top]
  // Signing and storing overlap (the log and timestamp requests are what take time against a remote
  // Sigstore); SBOMs are still generated one platform at a time, to keep memory bounded.
  const signing: Array<Promise<AttestationSummary[]>> = []

  // One statement describes the build of every digest, the index and each platform manifest (as
  // actions/attest does with many subjects): signed once, stored as a referrer of each subject.
  const provenance = options.provenance
    ? attest(options, wholeBuild, 'provenance', PREDICATE_TYPE.slsaProvenance1, Buffer.from(JSON.stringify(options.provenance)))
    : undefined
  if (provenance) signing.push(provenance)
  // Test results, like provenance, describe the build as a whole.
  const testResult = options.testResult
    ? attest(options, wholeBuild, 'test-result', PREDICATE_TYPE.testResult, Buffer.from(JSON.stringify(options.testResult)))
    : undefined
  if (testResult) signing.push(testResult)

  const sboms: Array<Promise<AttestationSummary[]>> = []
  if (options.sbom.mode === 'file') {
    const { file } = options.sbom
    result.sbomPath = join(options.outputDir, `sbom-${digestFileStem(options.top.digest)}.${file.format === 'spdx' ? 'spdx' : 'cdx'}.json`)
    await writeFile(result.sbomPath, file.bytes)
    const path = result.sbomPath
    sboms.push(attest(options, [options.top], 'sbom', file.predicateType, file.bytes, path))
  } else if (options.sbom.mode === 'generate') {
    // One SBOM per platform, attested to that platform's digest: that is what a node pulls.
    for (const platform of options.platforms) {
      const generated = await generateSbom(
        {
          name: options.imageName,
          digest: platform.digest,
          platform: platformName(platform),
          config: platform.config,
          layers: platform.layers
        },
        options.openBlob,
        { created: options.now().toISOString(), toolName: options.toolName, logger: options.logger, format: options.sbom.format }
      )
      options.logger.info(
        `${platformName(platform) ?? platform.digest}: catalogued ${generated.packages.length} packages${generated.os ? ` on ${generated.os.prettyName ?? generated.os.id}` : ''}`
      )
      if (generated.skipped.length > 0) {
        const where = platformName(platform) ?? platform.digest
        options.logger.warning(
          `${where}: the SBOM is incomplete; not catalogued: ${generated.skipped.map((s) => `/${s.path} (${s.reason})`).join('; ')}`
        )
        result.sbomSkipped = [
          ...(result.sbomSkipped ?? []),
          ...generated.skipped.map((s) => ({ platform: platformName(platform), path: s.path, reason: s.reason }))
        ]
      }
      const bytes = Buffer.from(JSON.stringify(generated.document, null, 2))
      const path = join(
        options.outputDir,
        `sbom-${digestFileStem(platform.digest)}.${generated.format === 'cyclonedx' ? 'cdx' : 'spdx'}.json`
      )
      await writeFile(path, bytes)
      sboms.push(attest(options, [platform], 'sbom', generated.predicateType, bytes, path))
      result.sbomPath ??= path
    }
  }
  // Wait for everything (a failure still waits for the rest, so nothing is left writing), in a fixed order.
  const settled = await Promise.allSettled([...signing, ...sboms])
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
  if (failed) throw failed.reason
  if (provenance) {
    const stored = await provenance
    result.attestations.push(...stored)
    result.provenance = stored[0]
  }
  if (testResult && options.testResult) {
    const stored = await testResult
    result.attestations.push(...stored)
    result.testResult = {
      ...stored[0],
      result: options.testResult.result,
      passed: options.testResult.passedTests.length,
      failed: options.testResult.failedTests.length
    }
  }
  for (const sbom of sboms) {
    const [attestation] = await sbom
    result.attestations.push(attestation)
    result.sbom ??= attestation
  }
  return result
}

/**
 * The statement's bytes with the predicate spliced in as given: a user's SBOM file travels inside
 * the signed payload byte for byte, not re-serialized.
 */
export function statementBytes(subjects: Array<{ name: string; digest: string }>, predicateType: string, predicateBytes: Buffer): Buffer {
  const head = JSON.stringify(
    buildStatement(
      subjects.map((subject) => ({ name: subject.name, digest: digestSet(subject.digest) })),
      predicateType,
      null
    )
  )
  return Buffer.concat([Buffer.from(head.slice(0, -'null}'.length)), predicateBytes, Buffer.from('}')])
}

/** Signs one statement about `subjects` and stores it beside each of them. */
async function attest(
  options: AttestOptions,
  subjects: Descriptor[],
  kind: AttestationSummary['kind'],
  predicateType: string,
  predicateBytes: Buffer,
  sbomPath?: string
): Promise<AttestationSummary[]> {
  const { client, referrers, logger } = options
  const payload = statementBytes(
    subjects.map((subject) => ({ name: options.imageName, digest: subject.digest })),
    predicateType,
    predicateBytes
  )
  const bundle: SerializedBundle = await options.signer.signDsse(payload, IN_TOTO_PAYLOAD_TYPE)
  await options.publish?.(bundle)
  const bundleBytes = Buffer.from(JSON.stringify(bundle))
  const bundlePath = join(options.outputDir, `${kind}-${digestFileStem(subjects[0].digest)}.sigstore.json`)
  await writeFile(bundlePath, bundleBytes)
  // Each subject has its own referrers index and `.att` tag: stored side by side.
  return Promise.all(
    subjects.map(async (subject) => {
      const summary: AttestationSummary = {
        kind,
        platform: platformName(subject),
        subjectDigest: subject.digest,
        referrerDigest: '',
        predicateType,
        bundlePath,
        ...(sbomPath ? { sbomPath } : {})
      }
      if (options.format === 'bundle' || options.format === 'both') {
        const manifest = bundleReferrerManifest({
          subject: plainDescriptor(subject),
          bundle: { mediaType: MEDIA_TYPE.sigstoreBundle, digest: sha256Of(bundleBytes), size: bundleBytes.length },
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
      logger.info(
        `${kind} for ${platformName(subject) ?? subject.digest}: ${summary.referrerDigest || summary.legacyTag} (${timeProof(bundle)})`
      )
      return summary
    })
  )
}
