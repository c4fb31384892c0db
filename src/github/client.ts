// The few GitHub REST and GraphQL calls the deploy step needs, over the action's HTTP layer (so
// the runner's proxy and NODE_EXTRA_CA_CERTS apply as for every other connection).
import { header, sendHttp, type HttpResponse } from '../net/http.js'
import type { Logger } from '../net/logger.js'
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

export class GitHubClient {
  private readonly apiUrl: string
  private readonly graphqlUrl: string

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
    const body = (await this.rest('GET', `/repos/${owner}/${repo}`)) as {
      default_branch?: string
      permissions?: { push?: boolean; pull?: boolean }
    }
    if (!body.default_branch) throw new GitHubApiError(`GET /repos/${owner}/${repo}: the response has no default_branch`, 200, '')
    return { defaultBranch: body.default_branch, permissions: body.permissions }
  }

  /** The open pull request from `branch` into `base`, if there is one. */
  async findOpenPullRequest(owner: string, repo: string, branch: string, base: string): Promise<PullRequest | undefined> {
    const query = new URLSearchParams({ state: 'open', head: `${owner}:${branch}`, base, per_page: '10' })
    const pulls = (await this.rest('GET', `/repos/${owner}/${repo}/pulls?${query}`)) as PullResponse[]
    return pulls.length > 0 ? toPullRequest(pulls[0]) : undefined
  }

  async createPullRequest(
    owner: string,
    repo: string,
    request: { branch: string; base: string; title: string; body: string }
  ): Promise<PullRequest> {
    const body = { title: request.title, head: request.branch, base: request.base, body: request.body, maintainer_can_modify: false }
    return toPullRequest((await this.rest('POST', `/repos/${owner}/${repo}/pulls`, body)) as PullResponse)
  }

  async updatePullRequest(owner: string, repo: string, number: number, update: { title: string; body: string }): Promise<PullRequest> {
    return toPullRequest((await this.rest('PATCH', `/repos/${owner}/${repo}/pulls/${number}`, update)) as PullResponse)
  }

  /** Stores a Sigstore bundle in the repository's attestations (needs `attestations: write`); returns its id. */
  async createAttestation(owner: string, repo: string, bundle: object): Promise<number> {
    const body = (await this.rest('POST', `/repos/${owner}/${repo}/attestations`, { bundle })) as { id?: number }
    return body.id ?? 0
  }

  /** Merges a pull request now (when auto-merge cannot be queued because nothing is required to pass). */
  async mergePullRequest(owner: string, repo: string, number: number, method: MergeMethod): Promise<void> {
    await this.rest('PUT', `/repos/${owner}/${repo}/pulls/${number}/merge`, { merge_method: method })
  }

  async enableAutoMerge(pullRequestNodeId: string, method: MergeMethod): Promise<void> {
    const query = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) { pullRequest { number } }
}`
    const response = (await this.send('POST', this.graphqlUrl, {
      query,
      variables: { pullRequestId: pullRequestNodeId, mergeMethod: method.toUpperCase() }
    })) as {
      errors?: Array<{ message?: string; type?: string }>
    }
    if (response.errors && response.errors.length > 0) {
      const message = response.errors.map((e) => e.message ?? e.type ?? 'unknown error').join('; ')
      throw new GitHubApiError(`enablePullRequestAutoMerge: ${message}`, 200, message)
    }
  }

  private rest(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.send(method, `${this.apiUrl}${path}`, body)
  }

  private send(method: string, url: string, body?: unknown): Promise<unknown> {
    return withRetry(() => this.sendOnce(method, url, body), {
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

  private async sendOnce(method: string, url: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'digest-release'
    }
    if (this.token) headers.authorization = `Bearer ${this.token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    this.logger.debug(`${method} ${url}`)
    let response: HttpResponse
    try {
      response = await sendHttp({
        method,
        url: new URL(url),
        headers,
        body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
        deadlineMs: API_DEADLINE_MS
      })
    } catch (error) {
      // sendHttp's message already names the method and URL.
      throw new GitHubApiError(error instanceof Error ? error.message : `${method} ${url}: ${String(error)}`, undefined, '', undefined, {
        cause: (error as { cause?: unknown }).cause ?? error
      })
    }
    const text = response.body.toString('utf8')
    const ok = response.status >= 200 && response.status < 300
    let parsed: unknown = undefined
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // a non-JSON error page; the status says enough
    }
    if (!ok) {
      const detail = describeError(parsed) || text.slice(0, 200)
      throw new GitHubApiError(
        `${method} ${url} returned ${response.status}${detail ? `: ${detail}` : ''}${hint(response.status)}`,
        response.status,
        detail,
        header(response, 'retry-after')
      )
    }
    return parsed
  }
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
