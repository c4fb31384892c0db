// Digests (image-spec descriptor.md, "Digests"): computed, checked and shortened in one place.
import { createHash } from 'node:crypto'

/** The algorithms an OCI digest may name that this project reads and writes. */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/

export function sha256Of(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** `sha256` or `sha512`: the algorithm a digest names. */
export function digestAlgorithm(digest: string): string {
  return digest.slice(0, digest.indexOf(':'))
}

/** The digest of `bytes` under the algorithm `digest` names (sha256 or sha512). */
export function digestOf(bytes: Buffer, algorithmOf: string): string {
  const algorithm = digestAlgorithm(algorithmOf)
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}

/** `sha256:0123456789ab`: short enough for a subject line or a table cell, long enough to find it. */
export function shortDigest(digest: string): string {
  const [algorithm, hex = ''] = digest.split(':')
  return `${algorithm}:${hex.slice(0, 12)}`
}

/** The first 12 hex characters, for file names (`signature-0123456789ab.sigstore.json`). */
export function digestFileStem(digest: string): string {
  return (digest.split(':')[1] ?? digest).slice(0, 12)
}

/** `{ sha256: "<hex>" }`, the digest set of an in-toto subject. */
export function digestSet(digest: string): Record<string, string> {
  const [algorithm, hex] = digest.split(':')
  return { [algorithm]: hex }
}
