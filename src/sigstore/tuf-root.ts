// A TUF repository's root, pinned by its root role. GitHub's Sigstore instance publishes its
// trusted root (Fulcio CA, timestamp authority) through its own TUF repository, as public-good
// does through Sigstore's; `gh attestation verify` ships a copy of that repository's root file.
// Here the root is pinned by what makes it a root instead: its version, the root role's key IDs
// with each key's SPKI SHA-256, and the threshold. The root file is fetched from the repository
// itself, accepted only when it matches the pin and carries a threshold of valid signatures by the
// pinned keys, and then handed to the TUF client as its starting point; from there the client
// follows the repository's own root rotations, each signed by the root before it.
import { createHash, createPublicKey } from 'node:crypto'
import type { Metadata, Root } from '@tufjs/models'
import { TUF_MIRRORS } from './instance.js'

export interface PinnedTufRoot {
  /** The TUF repository (metadata at `<mirror>/<version>.root.json`, targets under `<mirror>/targets/`). */
  mirror: string
  /** The pinned root's version. */
  version: number
  /** How many of the root keys must sign the root. */
  threshold: number
  /** The root role's keys: key ID → SHA-256 of the public key's DER SubjectPublicKeyInfo, hex. */
  rootKeys: Readonly<Record<string, string>>
}

/**
 * GitHub's TUF repository for its Sigstore instance, root version 3 (the one `gh` embeds at the
 * time of writing): eight root keys held by GitHub staff, three of which must sign. Checked
 * against that root file when this pin was written: version 3, threshold 3, every signature valid.
 */
export const GITHUB_TUF_ROOT: PinnedTufRoot = {
  mirror: TUF_MIRRORS.github,
  version: 3,
  threshold: 3,
  rootKeys: {
    a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf: '4d51648341eaf864c56194659781b9b698b2b62c6ff57bde7c9ee99ff0d617fa',
    '4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228': 'ac87cbe5a11c1481959712dbd3e9a4e96274a2d373d67e0c7d03ec47a77f1791',
    '88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3': 'f1e33752868b32fe48ead587047e2841d4b9be5ed4fea4c7a8ff6d6813d40b69',
    d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c: '330627082e3d3684b1cfe51e80c96e7039bd3e5e550ee7e38bea38de0126e28f',
    eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62: '30578897f00c2138252e12c6ce364c2acef7d1717355d02c7c7647e45afb3cb5',
    '8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12': '4c7178a8e906ff3480b45755d492f1e200006447abcc1d056313e6ad9e5b3f43',
    '539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a': 'ec3f38c307feabc44527624d04edb5673bce480e43da53a7a2ad9e72ceb8836a',
    '54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44': 'f382551bc69ee805011de0e5bfcb7da6acba4f459f4851f8e1d72b60ed5409e4'
  }
}

/** SHA-256 of a PEM public key's DER SubjectPublicKeyInfo: the same key hashes the same however the PEM is wrapped. */
export function spkiFingerprint(pem: string): string {
  return createHash('sha256')
    .update(createPublicKey(pem).export({ format: 'der', type: 'spki' }))
    .digest('hex')
}

/** Why `bytes` is not the pinned root, or undefined when it is (right version, pinned keys and threshold, enough valid signatures). */
export async function checkPinnedRoot(bytes: Buffer, pin: PinnedTufRoot): Promise<string | undefined> {
  const { Metadata, MetadataKind } = await import('@tufjs/models')
  let root: Metadata<Root>
  try {
    root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(bytes.toString('utf8')))
  } catch (error) {
    return `not TUF root metadata (${(error as Error).message})`
  }
  const signed = root.signed
  if (signed.version !== pin.version) return `version ${signed.version}, pinned ${pin.version}`
  const role = signed.roles.root
  if (!role) return 'no root role'
  const pinnedIds = Object.keys(pin.rootKeys).sort()
  if (role.threshold !== pin.threshold || role.keyIDs.length !== pinnedIds.length || [...role.keyIDs].sort().join() !== pinnedIds.join())
    return 'its root keys or threshold are not the pinned ones'
  for (const id of pinnedIds) {
    const key = signed.keys[id]
    const pem = key?.keyVal.public
    let fingerprint: string | undefined
    try {
      fingerprint = pem ? spkiFingerprint(pem) : undefined
    } catch {
      fingerprint = undefined
    }
    if (fingerprint !== pin.rootKeys[id]) return `root key ${id.slice(0, 12)}… is not the pinned key`
  }
  try {
    root.verifyDelegate('root', root)
  } catch (error) {
    return `its signatures do not verify (${(error as Error).message})`
  }
  return undefined
}
