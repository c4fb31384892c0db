// The verify step of promote mode: the evidence stored beside a digest (Sigstore bundle referrers,
// found through the referrers API or the tag schema, and cosign v2's `.sig` tag) counts only after it
// verifies against the trusted root, by a signer whose identity matches what the user expects. It
// runs on the source before anything is written, and on the destination once the evidence is
// there, before any tag.
import type { RegistryClient } from '../oci/registry/client.js'
import type { Referrers } from '../oci/registry/referrers.js'
import { ANNOTATION, MEDIA_TYPE } from '../oci/media-types.js'
import type { Logger } from '../net/logger.js'
import { bundleFromLegacyLayer, legacyTag, simpleSigningPayload } from '../sigstore/cosign.js'
import { PREDICATE_TYPE } from '../sigstore/predicates.js'
import { readLegacyLayers, readReferrerBundle } from '../sigstore/store.js'
import type { BundleVerifier } from '../sigstore/verifier.js'
import { sha256Of } from '../oci/digest.js'
import { readAhead } from '../net/concurrency.js'

/** Evidence documents read ahead of verification, from one registry. */
const READ_AHEAD = 8

export interface VerifyOptions {
  client: RegistryClient
  referrers: Referrers
  /** `registry/repository`, as the legacy simple-signing payload names it. */
  imageName: string
  digest: string
  /** May still be loading: the reads start without it. */
  verifier: BundleVerifier | Promise<BundleVerifier>
  identity: RegExp
  issuer: string
  /** Predicate types that must be attested by a matching signer. */
  attestations: string[]
  /** `source` or `destination`, for messages. */
  where: string
  logger: Logger
}

export interface VerifyResult {
  where: string
  digest: string
  /** The identity of the first verified signature, and its issuer. */
  identity: string
  issuer: string
  /** Verified signatures by a matching signer (bundle referrers and legacy layers). */
  signatures: number
  /** Predicate types verified, with how many bundles of each. */
  attestations: Record<string, number>
}

/**
 * Verifying a bundle holds the thread for milliseconds (certificate chains, log proofs): between two
 * of them, answers that have arrived are handled, so reads under way (this step's, the copy's
 * planning) keep moving instead of waiting for the last verification.
 */
function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export class VerificationError extends Error {
  override name = 'VerificationError'
}

export async function verifyEvidence(options: VerifyOptions): Promise<VerifyResult> {
  const { client, digest, logger } = options
  const expect = { subjectDigest: digest, identity: options.identity, issuer: options.issuer }
  const seen = new Set<string>()
  const rejected: string[] = []
  const result: VerifyResult = { where: options.where, digest, identity: '', issuer: options.issuer, signatures: 0, attestations: {} }
  const note = (reason: string, identity: string | undefined): void => {
    if (identity) seen.add(identity)
    rejected.push(reason)
  }

  // The reads go out side by side (the evidence is a handful of small documents, read a few ahead);
  // verification keeps the order the registry lists them in, so its messages do not depend on timing.
  const payload = Buffer.from(simpleSigningPayload(options.imageName, digest))
  const sigTag = legacyTag(digest, 'sig')
  const [listed, legacyLayers] = await Promise.all([options.referrers.list(digest), readLegacyLayers(client, sigTag)])
  const bundles = readAhead(
    listed.filter((descriptor) => descriptor.artifactType === MEDIA_TYPE.sigstoreBundle),
    READ_AHEAD,
    (descriptor) => readReferrerBundle(client, descriptor.digest).catch(() => undefined)
  )
  const legacyPayloads = readAhead(
    legacyLayers.filter((layer) => layer.mediaType === MEDIA_TYPE.cosignSimpleSigning),
    READ_AHEAD,
    async (layer) => (layer.digest === sha256Of(payload) ? payload : client.getBlob(layer.digest, 64 * 1024).catch(() => undefined))
  )

  // The trust material may still be loading while the first reads are under way; a failure to load it is this step's error.
  const verifier = await options.verifier
  for await (const [descriptor, bundle] of bundles) {
    if (!bundle) continue
    await yieldToIo()
    const predicateType = descriptor.annotations?.[ANNOTATION.bundlePredicateType]
    const verified = verifier.verifyStatementBundle(bundle, { ...expect, ...(predicateType ? { predicateType } : {}) })
    if (!verified.ok) {
      note(`${descriptor.digest}: ${verified.reason}`, verified.identity)
      continue
    }
    seen.add(verified.identity)
    const type = verified.statement.predicateType
    if (type === PREDICATE_TYPE.testResult && (verified.statement.predicate as { result?: string } | undefined)?.result !== 'PASSED') {
      note(
        `${descriptor.digest}: a test-result attestation that says ${String((verified.statement.predicate as { result?: string })?.result)}`,
        undefined
      )
      continue
    }
    result.identity ||= verified.identity
    if (type === PREDICATE_TYPE.cosignSign) result.signatures++
    else result.attestations[type] = (result.attestations[type] ?? 0) + 1
  }

  // cosign v2's signature tag: each layer rebuilt into the bundle it stands for, and verified the same way.
  for await (const [layer, bytes] of legacyPayloads) {
    if (!bytes) continue
    await yieldToIo()
    const verified = verifier.verifyMessageBundle(bundleFromLegacyLayer(layer, bytes), bytes, expect)
    if (!verified.ok) {
      note(`${sigTag} layer ${layer.digest}: ${verified.reason}`, verified.identity)
      continue
    }
    seen.add(verified.identity)
    result.identity ||= verified.identity
    result.signatures++
  }

  const missing = [
    ...(result.signatures === 0 ? ['a signature'] : []),
    ...options.attestations.filter((type) => !result.attestations[type])
  ]
  if (missing.length > 0) {
    const found = [
      `${result.signatures} verified signature(s)`,
      ...Object.entries(result.attestations).map(([type, count]) => `${count} × ${type}`)
    ].join(', ')
    const signers = seen.size ? [...seen].join(', ') : 'none that verify against the trusted root'
    throw new VerificationError(
      `${digest} at the ${options.where} lacks ${missing.join(' and ')} by a signer matching verify-identity ${options.identity} (issuer ${options.issuer}). ` +
        `Found: ${found}. Identities that did sign: ${signers}.` +
        (rejected.length
          ? ` Not counted: ${rejected.slice(0, 5).join('; ')}${rejected.length > 5 ? `; and ${rejected.length - 5} more` : ''}.`
          : '')
    )
  }
  logger.info(
    `${options.where}: ${digest} signed by ${result.identity} (${result.signatures} signature(s)); attested: ${Object.keys(result.attestations).join(', ') || 'nothing required'}`
  )
  return result
}
