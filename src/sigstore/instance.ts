// Which Sigstore instance signs, as GitHub's own attestations choose it (actions/attest): public
// repositories on public-good Sigstore (Fulcio + Rekor, a public log), private and internal ones on
// GitHub's instance (Fulcio + a timestamp authority, no public log), so a private repository's name,
// workflow and refs never reach a public log.

export type SigstoreInstanceChoice = 'auto' | 'public-good' | 'github'
export type SigstoreInstanceName = 'public-good' | 'github'

export interface SigstoreServices {
  fulcioUrl: string
  /** Rekor; none on GitHub's instance. */
  rekorUrl?: string
  /** RFC 3161 timestamp authority. */
  tsaUrl?: string
}

export const SIGSTORE_INSTANCES: Record<SigstoreInstanceName, SigstoreServices> = {
  'public-good': { fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev' },
  github: { fulcioUrl: 'https://fulcio.githubapp.com', tsaUrl: 'https://timestamp.githubapp.com' }
}

/** Where each instance publishes its trusted root through TUF. */
export const TUF_MIRRORS: Record<SigstoreInstanceName, string> = {
  'public-good': 'https://tuf-repo-cdn.sigstore.dev',
  github: 'https://tuf-repo.github.com'
}

export interface ResolvedInstance extends SigstoreServices {
  instance: SigstoreInstanceName
  /** Why this instance, for the log and the summary. */
  reason: string
}

/** github.com and GHE.com data residency (`*.ghe.com`) offer GitHub's Sigstore instance; GitHub Enterprise Server does not. */
export function offersGitHubInstance(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname.toLowerCase()
  return host === 'github.com' || host.endsWith('.ghe.com')
}

export class InstanceChoiceError extends Error {
  override name = 'InstanceChoiceError'
}

/**
 * Picks the instance from the choice and the OIDC token's `repository_visibility` claim; the
 * `fulcio-url`, `rekor-url` and `tsa-url` inputs, when given, override the instance's services.
 */
export function resolveSigstoreInstance(options: {
  choice: SigstoreInstanceChoice
  visibility?: string
  serverUrl: string
  overrides: Partial<SigstoreServices>
}): ResolvedInstance {
  const { choice, visibility, serverUrl } = options
  let instance: SigstoreInstanceName
  let reason: string
  if (choice !== 'auto') {
    instance = choice
    reason = `\`sigstore-instance: ${choice}\``
  } else if (visibility === 'private' || visibility === 'internal') {
    if (!offersGitHubInstance(serverUrl)) {
      throw new InstanceChoiceError(
        `this ${visibility} repository runs on ${serverUrl}, where GitHub's Sigstore instance is not offered, and signing on public-good Sigstore would publish the repository's name, workflow and refs in its public transparency log. Choose explicitly: \`sigstore-instance: public-good\` to accept that, or give your own instance with \`fulcio-url\`, \`tsa-url\` (and \`sigstore-instance: github\`), or turn signing off (\`sign: false\`, \`provenance: false\`, \`sbom: none\`)`
      )
    }
    instance = 'github'
    reason = `the repository is ${visibility}: GitHub's instance keeps it out of public logs`
  } else {
    instance = 'public-good'
    reason = visibility ? `the repository is ${visibility}` : 'the OIDC token names no repository visibility'
  }
  const services = SIGSTORE_INSTANCES[instance]
  return {
    instance,
    reason,
    fulcioUrl: options.overrides.fulcioUrl ?? services.fulcioUrl,
    rekorUrl: options.overrides.rekorUrl ?? services.rekorUrl,
    tsaUrl: options.overrides.tsaUrl ?? services.tsaUrl
  }
}
