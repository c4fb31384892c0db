// The sign step: a keyless Sigstore signature over each digest (the index and every platform
// manifest, since admission controllers resolve a platform), stored where verifiers look:
// cosign v3's bundle referrer and/or cosign v2's `sha256-<hex>.sig` tag.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SerializedBundle } from '@sigstore/bundle'
import type { RegistryClient } from '../oci/registry/client.js'
import { digestFileStem, sha256Of } from '../oci/digest.js'
import { plainDescriptor, platformName, type Descriptor } from '../oci/descriptor.js'
import { platformImages, type ImageNode } from '../oci/layout/read.js'
import type { Signer } from '../sigstore/signer.js'
import { forEachLimit } from '../net/concurrency.js'
import type { ExpectedIdentity } from '../sigstore/identity.js'
import type { Referrers } from '../oci/registry/referrers.js'
import { appendLegacyLayer, findBundleReferrers, readLegacyLayers, readReferrerBundle, storeBundleReferrer } from '../sigstore/store.js'
import { bundleIdentity, bundleLogIndex, timeProof } from '../sigstore/bundle-info.js'
import type { BundleVerifier } from '../sigstore/verifier.js'
import {
  bundleFromLegacyLayer,
  bundleReferrerManifest,
  cosignSignStatement,
  legacyImageManifest,
  legacySignatureLayer,
  legacyTag,
  simpleSigningPayload
} from '../sigstore/cosign.js'
import { MEDIA_TYPE } from '../oci/media-types.js'
import { IN_TOTO_PAYLOAD_TYPE, PREDICATE_TYPE } from '../sigstore/predicates.js'
import type { Logger } from '../net/logger.js'
import type { SignatureFormat } from '../sigstore/cosign.js'

/**
 * What is signed and attested for an image: the top manifest, then, for an index, each platform
 * manifest (its descriptor from the index, platform included).
 */
export function signingTargets(image: ImageNode): Descriptor[] {
  return image.kind === 'index' ? [image.descriptor, ...platformImages(image).map((node) => node.descriptor)] : [image.descriptor]
}

export interface SignOptions {
  client: RegistryClient
  referrers: Referrers
  /** `registry/repository`, the docker-reference cosign writes. */
  imageName: string
  /** The top manifest first, then the platform manifests of an index. */
  targets: Descriptor[]
  signer: Signer
  format: SignatureFormat
  identity: ExpectedIdentity
  /** Verifies existing signatures before a re-run reuses one; without it nothing is reused. */
  verifier?: BundleVerifier
  /** Also stores each DSSE bundle in the repository's GitHub attestations. */
  publish?: (bundle: SerializedBundle) => Promise<void>
  /** Where bundle files are written (RUNNER_TEMP). */
  outputDir: string
  now: () => Date
  logger: Logger
}

export interface SignedTarget {
  digest: string
  platform?: string
  referrerDigest?: string
  legacyTag?: string
  /** True when a valid signature by the same identity was already there and none was added. */
  reused: boolean
  logIndex?: number
}

export interface SignResult {
  targets: SignedTarget[]
  signatureDigest?: string
  signatureTag?: string
  rekorLogIndex?: number
  identity?: string
  issuer?: string
  bundlePath?: string
  referrersMode?: 'referrers-api' | 'tag-schema'
}

/** Targets signed at once: Rekor and the timestamp authority are asked at most this many times in parallel. */
export const SIGNING_CONCURRENCY = 8

export async function signImage(options: SignOptions): Promise<SignResult> {
  const { client, referrers, logger } = options
  const result: SignResult = { targets: [] }
  const signedTargets: SignedTarget[] = []
  // Each target's evidence goes to its own referrers and tags, so targets are signed side by side:
  // with one certificate for the run, only the log and timestamp requests remain, and they overlap.
  await forEachLimit([...options.targets.entries()], SIGNING_CONCURRENCY, async ([position, target]) => {
    const signed: SignedTarget = { digest: target.digest, platform: platformName(target), reused: false }
    const subject = plainDescriptor(target)
    const bundleFile = position === 0 ? join(options.outputDir, `signature-${digestFileStem(target.digest)}.sigstore.json`) : undefined

    // The two formats are independent evidence in different places: made side by side.
    const asBundle = async (): Promise<{ referrerDigest: string; logIndex?: number; reused: boolean; bundleBytes?: Buffer }> => {
      const existing = await findOwnSignature(options, target.digest)
      if (existing) {
        noteIdentity(result, existing.bundle)
        logger.info(
          `${label(target)}: already signed by ${bundleIdentity(existing.bundle).san} (referrer ${existing.referrerDigest}); not signing again`
        )
        return { referrerDigest: existing.referrerDigest, logIndex: bundleLogIndex(existing.bundle), reused: true }
      }
      const statement = cosignSignStatement({ name: options.imageName, digest: target.digest })
      const bundle = await options.signer.signDsse(Buffer.from(JSON.stringify(statement)), IN_TOTO_PAYLOAD_TYPE)
      await options.publish?.(bundle)
      const bundleBytes = Buffer.from(JSON.stringify(bundle))
      const manifest = bundleReferrerManifest({
        subject,
        bundle: { mediaType: MEDIA_TYPE.sigstoreBundle, digest: sha256Of(bundleBytes), size: bundleBytes.length },
        predicateType: PREDICATE_TYPE.cosignSign,
        created: options.now().toISOString()
      })
      const stored = await storeBundleReferrer({ client, referrers, subjectDigest: target.digest, bundleBytes, manifest })
      result.referrersMode = stored.mode
      noteIdentity(result, bundle)
      logger.info(`${label(target)}: signed; bundle referrer ${stored.digest} (${stored.mode}), ${timeProof(bundle)}`)
      return { referrerDigest: stored.digest, logIndex: bundleLogIndex(bundle), reused: false, bundleBytes }
    }
    const asLegacy = async (): Promise<{ tag: string; logIndex?: number; reused: boolean; bundleBytes?: Buffer }> => {
      const tag = legacyTag(target.digest, 'sig')
      const payload = Buffer.from(simpleSigningPayload(options.imageName, target.digest))
      const layers = await readLegacyLayers(client, tag)
      const payloadDigest = sha256Of(payload)
      if (layers.some((l) => l.digest === payloadDigest && legacyLayerVerifies(options, l, payload, target.digest))) {
        logger.info(`${label(target)}: ${tag} already holds a signature by this identity; not signing again`)
        return { tag, reused: true }
      }
      const bundle = await options.signer.signMessage(payload)
      const layer = legacySignatureLayer(bundle, payload)
      await appendLegacyLayer({ client, tag, layer, layerBytes: payload, buildManifest: legacyImageManifest })
      noteIdentity(result, bundle)
      logger.info(`${label(target)}: signed; cosign legacy tag ${tag}`)
      return { tag, logIndex: bundleLogIndex(bundle), reused: false, bundleBytes: Buffer.from(JSON.stringify(bundle)) }
    }
    const [inBundle, inLegacy] = await Promise.all([
      options.format === 'bundle' || options.format === 'both' ? asBundle() : undefined,
      options.format === 'legacy' || options.format === 'both' ? asLegacy() : undefined
    ])
    signed.referrerDigest = inBundle?.referrerDigest
    signed.legacyTag = inLegacy ? `${options.imageName}:${inLegacy.tag}` : undefined
    signed.logIndex = inBundle?.logIndex ?? inLegacy?.logIndex
    signed.reused = inBundle ? inBundle.reused : (inLegacy?.reused ?? false)
    // The top target's new bundle is kept as a file (the bundle format's when there is one).
    const written = inBundle?.bundleBytes ?? inLegacy?.bundleBytes
    if (bundleFile && written) {
      result.bundlePath = bundleFile
      await writeFile(bundleFile, written)
    }
    signedTargets[position] = signed
  })
  result.targets = signedTargets

  const top = result.targets[0]
  result.signatureDigest = top?.referrerDigest
  result.signatureTag = top?.legacyTag
  result.rekorLogIndex = top?.logIndex
  result.referrersMode ??= referrers.detectedMode
  return result
}

function label(target: Descriptor): string {
  const platform = platformName(target)
  return platform ? `${platform} ${target.digest}` : target.digest
}

function noteIdentity(result: SignResult, bundle: SerializedBundle): void {
  const who = bundleIdentity(bundle)
  result.identity ??= who.san
  result.issuer ??= who.issuer
}

/**
 * An existing signature is reused only when it verifies against the trusted root as ours: chain to
 * the instance's CA, a log entry or timestamp, the signature, our identity and issuer, this digest.
 * Without trust material nothing is reused: the step signs anew rather than trust what it found.
 */
async function findOwnSignature(
  options: SignOptions,
  digest: string
): Promise<{ referrerDigest: string; bundle: SerializedBundle } | undefined> {
  if (!options.verifier) return undefined
  for (const candidate of await findBundleReferrers(options.referrers, digest, PREDICATE_TYPE.cosignSign)) {
    const bundle = (await readReferrerBundle(options.client, candidate.digest).catch(() => undefined)) as SerializedBundle | undefined
    const verified = bundle
      ? options.verifier.verifyStatementBundle(bundle, {
          subjectDigest: digest,
          predicateType: PREDICATE_TYPE.cosignSign,
          identity: identityPattern(options.identity),
          issuer: options.identity.issuer
        })
      : { ok: false as const, reason: 'unreadable' }
    if (verified.ok) return { referrerDigest: candidate.digest, bundle: bundle! }
    options.logger.debug(`signature referrer ${candidate.digest} of ${digest} is not ours (${verified.reason}); ignoring it`)
  }
  return undefined
}

/** A legacy `.sig` layer is ours when the bundle it stands for verifies, as a referrer must. */
function legacyLayerVerifies(options: SignOptions, layer: Descriptor, payload: Buffer, digest: string): boolean {
  if (!options.verifier) return false
  const verified = options.verifier.verifyMessageBundle(bundleFromLegacyLayer(layer, payload), payload, {
    subjectDigest: digest,
    identity: identityPattern(options.identity),
    issuer: options.identity.issuer
  })
  if (!verified.ok) options.logger.debug(`a ${legacyTag(digest, 'sig')} layer is not ours (${verified.reason}); ignoring it`)
  return verified.ok
}

/** The SANs this run's certificate may carry, as one anchored pattern. */
function identityPattern(identity: ExpectedIdentity): RegExp {
  const escaped = identity.candidates.map((candidate) => candidate.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return escaped.length ? new RegExp(`^(?:${escaped.join('|')})$`) : /(?!)/
}
