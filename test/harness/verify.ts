// Verifies a stored Sigstore bundle the way a verifier does, with @sigstore/verify against the
// test instance's trusted root: certificate chain, SCT, transparency log entry, signature, and
// (for statements) that the subject is the expected digest.
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'

export interface VerifiedSignature {
  identity?: string
  issuer?: string
  /** The in-toto statement, for DSSE bundles. */
  statement?: { _type: string; predicateType: string; subject: Array<{ name: string; digest: Record<string, string> }>; predicate: unknown }
}

export async function verifySigstoreBundle(
  bundle: unknown,
  options: { trustedRoot: Record<string, unknown>; expectedDigest?: string; identity?: string | RegExp; payload?: Buffer }
): Promise<VerifiedSignature> {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(options.trustedRoot))
  const parsed = bundleFromJSON(bundle)
  const timestamps = parsed.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0
  // A bundle from GitHub's instance has a timestamp and no log entry: whichever it carries must verify.
  const logEntries = parsed.verificationMaterial.tlogEntries.length
  const verifier = new Verifier(trust, { tlogThreshold: logEntries > 0 ? 1 : 0, ctlogThreshold: 1, tsaThreshold: timestamps })
  const signer = verifier.verify(toSignedEntity(parsed, options.payload))
  const identity = signer.identity?.subjectAlternativeName
  const issuer = signer.identity?.extensions?.issuer
  if (options.identity !== undefined) {
    const ok = typeof options.identity === 'string' ? identity === options.identity : options.identity.test(identity ?? '')
    if (!ok) throw new Error(`signed by ${identity}, not ${options.identity}`)
  }
  const result: VerifiedSignature = { identity, issuer }
  const envelope = (bundle as { dsseEnvelope?: { payload: string } }).dsseEnvelope
  if (envelope) {
    result.statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as VerifiedSignature['statement']
    if (options.expectedDigest) {
      const [algorithm, hex] = options.expectedDigest.split(':')
      if (!result.statement!.subject.some((s) => s.digest[algorithm] === hex))
        throw new Error(`the statement is not about ${options.expectedDigest}`)
    }
  } else if (options.expectedDigest && options.payload) {
    const simple = JSON.parse(options.payload.toString('utf8')) as { critical?: { image?: { 'docker-manifest-digest'?: string } } }
    if (simple.critical?.image?.['docker-manifest-digest'] !== options.expectedDigest)
      throw new Error(`the payload is not about ${options.expectedDigest}`)
  }
  return result
}
