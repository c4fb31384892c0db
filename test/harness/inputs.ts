// Presets for the inputs and the runner environment that the integration tests give runAction().
import type { OidcProvider } from './oidc.js'
import type { SigstoreInstance } from './sigstore.js'

/** Push and tag only: no signature, no provenance, no SBOM (and so no OIDC or Sigstore needed). */
export const OFF: Readonly<Record<string, string>> = Object.freeze({ sign: 'false', provenance: 'false', sbom: 'none' })

/** Points the action at a local Sigstore instance and its trusted root (so existing evidence can be verified); `extra` comes last and may override. */
export function sigstoreInputs(sigstore: SigstoreInstance, extra: Record<string, string> = {}): Record<string, string> {
  return { 'fulcio-url': sigstore.fulcioUrl, 'rekor-url': sigstore.rekorUrl, 'trusted-root': sigstore.trustedRootPath, ...extra }
}

export interface RunnerEnvOptions {
  /** The runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). */
  oidc?: OidcProvider
  /** GITHUB_SERVER_URL, e.g. the git server; https://github.com without it. */
  git?: { url: string }
  /** GITHUB_API_URL (and GITHUB_GRAPHQL_URL, as runners set both), e.g. the GitHub API stand-in; unset without it. */
  api?: { url: string; graphqlUrl?: string }
}

/**
 * What a runner sets for a workflow in octo-org/app (the repository the OIDC stand-in's claims
 * name), plus the hosts of the servers given.
 */
export function runnerEnv(options: RunnerEnvOptions = {}): Record<string, string> {
  return {
    GITHUB_SERVER_URL: options.git?.url ?? 'https://github.com',
    ...(options.api ? { GITHUB_API_URL: options.api.url } : {}),
    ...(options.api?.graphqlUrl ? { GITHUB_GRAPHQL_URL: options.api.graphqlUrl } : {}),
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    ...(options.oidc?.env() ?? {})
  }
}
