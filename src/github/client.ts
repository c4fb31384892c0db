// The few GitHub REST and GraphQL calls the deploy step and the attestations upload need, through
// the toolkit's Octokit (@actions/github: its proxy-aware fetch, GitHub Enterprise Server base
// URLs, GitHub's errors), loaded only when one of them runs. Retries stay with the action's one
// retry policy (net/retry.ts) rather than Octokit's retry and throttling plugins: a second retry
// loop (and Bottleneck's queue, which plugin-throttling brings) would stack on ours; the one
// behaviour those plugins add, waiting out a secondary rate limit as Retry-After says, is part
// of the policy's classification below.
import type { Logger } from '../net/logger.js'
import { describeCertificateFailure } from '../net/http.js'
import { GITHUB_API_RETRY, httpTransience, withRetry } from '../net/retry.js'
import { graphqlUrl } from './endpoints.js'

export interface RepositoryInfo {
  defaultBranch: string
  /** What the token may do there, when GitHub says (`push` is write access). */
  permissions?: { push?: boolean; pull?: boolean }
}

export interface PullRequest {
  number: number
  url: string
  nodeId: string
  title: string
  body: string
}

export type MergeMethod = 'merge' | 'squash' | 'rebase'

/** A REST or GraphQL request that failed, with the status and GitHub's message. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly responseMessage: string,
    readonly retryAfter?: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** One API exchange's deadline: the calls are small, and GITHUB_API_RETRY's whole budget is a minute. */
const API_DEADLINE_MS = 60_000

type Octokit = InstanceType<typeof import('@actions/github/lib/utils').GitHub>

export class GitHubClient {
  private readonly apiUrl: string
  private readonly graphqlUrl: string
  private octokit: Promise<Octokit> | undefined

  /** `graphqlEndpoint`: the runner's GITHUB_GRAPHQL_URL; without it, where GitHub puts GraphQL beside `apiUrl`. */
  constructor(
    apiUrl: string,
    private readonly token: string,
    private readonly logger: Logger,
    graphqlEndpoint?: string
  ) {
    this.apiUrl = apiUrl.replace(/\/+$/, '')
    this.graphqlUrl = graphqlEndpoint ? graphqlEndpoint.replace(/\/+$/, '') : graphqlUrl(this.apiUrl)
  }

  async getRepository(owner: string, repo: string): Promise<RepositoryInfo> {
    const body = (await this.rest('GET /repos/{owner}/{repo}', { owner, repo })) as {
      default_branch?: string
      permissions?: { push?: boolean; pull?: boolean }
    }
    if (!body.default_branch) throw new GitHubApiError(`GET /repos/${owner}/${repo}: the response has no default_branch`, 200, '')
    return { defaultBranch: body.default_branch, permissions: body.permissions }
  }

  /** The open pull request from `branch` into `base`, if there is one. */
  async findOpenPullRequest(owner: string, repo: string, branch: string, base: string): Promise<PullRequest | undefined> {
    const pulls = (await this.rest('GET /repos/{owner}/{repo}/pulls', {
      owner,
      repo,
      state: 'open',
      head: `${owner}:${branch}`,
      base,
      per_page: 10
    })) as PullResponse[]
    return pulls.length > 0 ? toPullRequest(pulls[0]) : undefined
  }

  async createPullRequest(
    owner: string,
    repo: string,
    request: { branch: string; base: string; title: string; body: string }
  ): Promise<PullRequest> {
    const created = await this.rest('POST /repos/{owner}/{repo}/pulls', {
      owner,
      repo,
      title: request.title,
      head: request.branch,
      base: request.base,
      body: request.body,
      maintainer_can_modify: false
    })
    return toPullRequest(created as PullResponse)
  }

  async updatePullRequest(owner: string, repo: string, number: number, update: { title: string; body: string }): Promise<PullRequest> {
    const updated = await this.rest('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: number, ...update })
    return toPullRequest(updated as PullResponse)
  }

  /** Stores a Sigstore bundle in the repository's attestations (needs `attestations: write`); returns its id. */
  async createAttestation(owner: string, repo: string, bundle: object): Promise<number> {
    const body = (await this.rest('POST /repos/{owner}/{repo}/attestations', { owner, repo, bundle })) as { id?: number }
    return body.id ?? 0
  }

  /** Merges a pull request now (when auto-merge cannot be queued because nothing is required to pass). */
  async mergePullRequest(owner: string, repo: string, number: number, method: MergeMethod): Promise<void> {
    await this.rest('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', { owner, repo, pull_number: number, merge_method: method })
  }

  async enableAutoMerge(pullRequestNodeId: string, method: MergeMethod): Promise<void> {
    const query = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) { pullRequest { number } }
}`
    // GraphQL answers 200 with `errors` for a refused mutation: the request goes to the runner's GraphQL URL as it is.
    const response = (await this.rest(`POST ${this.graphqlUrl}`, {
      query,
      variables: { pullRequestId: pullRequestNodeId, mergeMethod: method.toUpperCase() }
    })) as { errors?: Array<{ message?: string; type?: string }> }
    if (response.errors && response.errors.length > 0) {
      const message = response.errors.map((e) => e.message ?? e.type ?? 'unknown error').join('; ')
      throw new GitHubApiError(`enablePullRequestAutoMerge: ${message}`, 200, message)
    }
  }

  private client(): Promise<Octokit> {
    this.octokit ??= import('@actions/github/lib/utils').then(({ GitHub, getOctokitOptions }) => {
      const options = {
        baseUrl: this.apiUrl,
        userAgent: 'digest-release',
        log: { debug: () => {}, info: () => {}, warn: (m: string) => this.logger.debug(m), error: (m: string) => this.logger.debug(m) }
      }
      // Without a token requests go out unauthenticated (GitHub still answers for public repositories).
      return new GitHub(this.token ? getOctokitOptions(this.token, options) : options)
    })
    return this.octokit
  }

  /** One REST (or GraphQL) route through Octokit, under the one retry policy. */
  private rest(route: string, parameters: Record<string, unknown>): Promise<unknown> {
    const [method, path] = route.split(' ')
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => String(parameters[name]))
    const shown = `${method} ${/^https?:/.test(filled) ? filled : `${this.apiUrl}${filled}`}`
    return withRetry(() => this.sendOnce(route, shown, parameters), {
      policy: GITHUB_API_RETRY,
      classify: (error) =>
        error instanceof GitHubApiError
          ? // A secondary rate limit answers 403 with Retry-After: wait as asked, like a 429.
            error.status === 403 && error.retryAfter !== undefined
            ? httpTransience(429, error.retryAfter)
            : error.status === undefined
              ? // A dropped connection is worth another attempt; a certificate that does not verify is not.
                httpTransience(undefined, undefined, error.cause)
              : httpTransience(error.status, error.retryAfter)
          : { transient: false },
      onRetry: (error, delay) => this.logger.debug(`${(error as Error).message}; retrying in ${Math.round(delay)} ms`)
    })
  }

  private async sendOnce(route: string, shown: string, parameters: Record<string, unknown>): Promise<unknown> {
    const octokit = await this.client()
    this.logger.debug(shown)
    try {
      const response = await octokit.request(route, {
        ...parameters,
        headers: { 'x-github-api-version': '2022-11-28' },
        request: { signal: AbortSignal.timeout(API_DEADLINE_MS) }
      })
      return response.data
    } catch (error) {
      throw toApiError(error, shown)
    }
  }
}

/** Octokit's RequestError (or a network failure) as a GitHubApiError keeping GitHub's message and documentation URL. */
function toApiError(error: unknown, shown: string): GitHubApiError {
  const failure = error as {
    status?: number
    message?: string
    response?: { data?: unknown; headers?: Record<string, string | undefined> }
    cause?: unknown
  }
  const status = failure.response ? failure.status : undefined
  if (status === undefined) {
    // No answer: the connection failed (refused, reset, timed out, or a certificate that does not
    // verify). Octokit wraps fetch's "fetch failed", which wraps the socket's error: name that one.
    let root: unknown = error
    while ((root as { cause?: unknown }).cause !== undefined) root = (root as { cause?: unknown }).cause
    const host = /^\w+ (https?:\/\/[^/]+)/.exec(shown)?.[1]
    const certificate = describeCertificateFailure(root, host ? new URL(host).hostname : '')
    const reason = certificate ?? (root as Error)?.message ?? failure.message ?? String(error)
    return new GitHubApiError(`${shown}: ${reason}`, undefined, '', undefined, { cause: root })
  }
  const data = failure.response?.data
  const detail = describeError(data) || (typeof data === 'string' ? data.slice(0, 200) : '')
  const documentation = (data as { documentation_url?: string } | undefined)?.documentation_url
  return new GitHubApiError(
    `${shown} returned ${status}${detail ? `: ${detail}` : ''}${documentation ? ` (${documentation})` : ''}${hint(status)}`,
    status,
    detail,
    failure.response?.headers?.['retry-after'],
    { cause: error }
  )
}

interface PullResponse {
  number: number
  html_url: string
  node_id: string
  title: string
  body: string | null
}

function toPullRequest(pull: PullResponse): PullRequest {
  return { number: pull.number, url: pull.html_url, nodeId: pull.node_id, title: pull.title, body: pull.body ?? '' }
}

function describeError(body: unknown): string {
  if (!body || typeof body !== 'object') return ''
  const { message, errors } = body as { message?: string; errors?: Array<{ message?: string; code?: string } | string> }
  const details = (errors ?? []).map((e) => (typeof e === 'string' ? e : (e.message ?? e.code ?? ''))).filter(Boolean)
  return [message, ...details].filter(Boolean).join(': ')
}

function hint(status: number): string {
  if (status === 401) return ' (check `deploy-token`)'
  if (status === 403 || status === 404)
    return ' (does `deploy-token` have contents: write and pull-requests: write on the deploy repository?)'
  return ''
}
