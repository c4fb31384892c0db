// The runner's environment, read once: every host, path and fact about the run that the steps
// need comes from here, so no other module reads process.env. Hosts follow GitHub Enterprise
// Server when the runner says so (GITHUB_SERVER_URL, GITHUB_API_URL, GITHUB_GRAPHQL_URL).
import { tmpdir } from 'node:os'
import { graphqlUrl } from '../github/endpoints.js'
import { noProxyForNpmAgent } from '../net/http.js'

export interface RunnerContext {
  /** `https://github.com`, or the GHES server, without a trailing slash. */
  serverUrl: string
  /** The REST API base, without a trailing slash. */
  apiUrl: string
  /** The GraphQL endpoint (GITHUB_GRAPHQL_URL; else beside the REST API, as GitHub puts it), without a trailing slash. */
  graphqlUrl: string
  /** `owner/name` of the repository running the workflow. */
  repository?: string
  /** The repository's owner, for `gh attestation verify --owner`. */
  repositoryOwner?: string
  sha?: string
  /** The workflow run's page. */
  runUrl?: string
  /** GITHUB_WORKSPACE (or the working directory): where relative paths such as `test-results` are found. */
  workspace: string
  /** RUNNER_TEMP: where bundles, SBOMs and clones are written. */
  tempDir: string
  /** DOCKER_CONFIG: the directory holding the Docker config.json. */
  dockerConfigDir?: string
  /** The environment child processes (git, credential helpers) inherit. */
  childEnvironment: Record<string, string | undefined>
  /** True when git's author and committer are all set in the environment. */
  gitIdentityInEnvironment: boolean
  /** When this run started. */
  startedAt: Date
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

export function readRunnerContext(env: Record<string, string | undefined> = process.env): RunnerContext {
  const serverUrl = withoutTrailingSlash(env.GITHUB_SERVER_URL || 'https://github.com')
  const apiUrl = withoutTrailingSlash(env.GITHUB_API_URL || 'https://api.github.com')
  const repository = env.GITHUB_REPOSITORY || undefined
  return {
    serverUrl,
    apiUrl,
    graphqlUrl: withoutTrailingSlash(env.GITHUB_GRAPHQL_URL || graphqlUrl(apiUrl)),
    repository,
    repositoryOwner: env.GITHUB_REPOSITORY_OWNER || repository?.split('/')[0],
    sha: env.GITHUB_SHA || undefined,
    runUrl: repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    dockerConfigDir: env.DOCKER_CONFIG || undefined,
    childEnvironment: { ...env },
    gitIdentityInEnvironment: Boolean(env.GIT_AUTHOR_NAME && env.GIT_AUTHOR_EMAIL && env.GIT_COMMITTER_NAME && env.GIT_COMMITTER_EMAIL),
    startedAt: new Date()
  }
}

/**
 * Makes npm's proxy agent, which sigstore-js and tuf-js fetch through and which reads the proxy
 * variables from the process itself, send `urls` around the proxy wherever the toolkit's rules do
 * (loopback, `host:port` and `*` NO_PROXY entries, an http: URL with only HTTPS_PROXY set).
 * Called after configureProxy and before any Sigstore module loads: that agent reads the variables
 * once, at load.
 */
export async function alignSigstoreProxy(urls: readonly string[]): Promise<void> {
  const noProxy = await noProxyForNpmAgent(urls.map((url) => new URL(url)))
  if (noProxy === undefined) return
  // Both spellings, the same value: the agent takes whichever it reads last.
  process.env.no_proxy = noProxy
  process.env.NO_PROXY = noProxy
}
