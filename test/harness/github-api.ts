// A stand-in for the GitHub REST API (GITHUB_API_URL) covering what the deploy step uses: repos/get,
// pulls/list, pulls/create, pulls/update, and the GraphQL enablePullRequestAutoMerge mutation.
// Every REST request is checked against GitHub's published OpenAPI description
// (@octokit/openapi): unknown paths or methods, undeclared or ill-typed query parameters and
// bodies that fail the operation's requestBody schema are answered 400 and recorded in
// `violations`, so a test can fail loudly on them.
// By default it is laid out as api.github.com (REST at the root, GraphQL at /graphql); with
// `enterprise` it is a whole GitHub Enterprise Server host: REST under /api/v3, GraphQL at
// /api/graphql, web URLs on this host, and every path outside /api (git's smart HTTP) forwarded to
// the git server given.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema?: Record<string, unknown>
}
interface OpenApiOperation {
  operationId: string
  parameters?: OpenApiParameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema: Record<string, unknown> }> }
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> }

let description: OpenApiDocument | undefined
function openApi(): OpenApiDocument {
  // The dereferenced description has every $ref inlined, so each schema compiles on its own.
  description ??= JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.deref.json'), 'utf8')
  ) as OpenApiDocument
  return description
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization?: string
  operationId?: string
}

export interface FakePullRequest {
  number: number
  node_id: string
  state: 'open' | 'closed'
  title: string
  body: string
  head: string
  base: string
  autoMerge?: string
  /** How it was merged directly (pulls/merge), if it was. */
  merged?: string
}

export interface FakeRepository {
  owner: string
  name: string
  defaultBranch: string
  /** When false, enablePullRequestAutoMerge fails as GitHub does for repositories without "Allow auto-merge". */
  allowAutoMerge: boolean
  /** When false (no required checks), enablePullRequestAutoMerge fails with GitHub's "Pull request is in clean status". */
  requiredChecks?: boolean
  pulls: FakePullRequest[]
  /** Sigstore bundles stored through repos/create-attestation, in order; the id of each is its position + 1. */
  attestations: unknown[]
  /** When true, repos/create-attestation answers 403 as GitHub does without `attestations: write`. */
  attestationsForbidden?: boolean
}

export interface GitHubApiOptions {
  /** When set, every request must carry `Authorization: Bearer <token>` (or `token <token>`). */
  token?: string
  /**
   * Serve as a GitHub Enterprise Server host: REST under `/api/v3`, GraphQL at `/api/graphql`,
   * pull requests' web URLs on this host, and every path outside `/api/` forwarded to `git`.
   */
  enterprise?: { git: { url: string } }
}

export interface GitHubApi {
  /** The stand-in for GITHUB_API_URL (`<serverUrl>/api/v3` with `enterprise`). */
  url: string
  /** The stand-in for GITHUB_GRAPHQL_URL. */
  graphqlUrl: string
  /** The web host pull requests' `html_url` point at: this host with `enterprise` (GITHUB_SERVER_URL), else http://github.test. */
  serverUrl: string
  /** With `enterprise`: requests forwarded to the git server (`METHOD path`). */
  forwarded: string[]
  requests: RecordedRequest[]
  /** Requests that did not match the OpenAPI description; tests assert this stays empty. */
  violations: string[]
  addRepository(owner: string, name: string, options?: { defaultBranch?: string; allowAutoMerge?: boolean }): FakeRepository
  repository(owner: string, name: string): FakeRepository
  close(): Promise<void>
}

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const repositories = new Map<string, FakeRepository>()
  const requests: RecordedRequest[] = []
  const violations: string[] = []
  const ajv = new Ajv({ strict: false, allErrors: true })
  ;(addFormatsModule as unknown as (ajv: Ajv) => void)(ajv)
  // GitHub's own format for `owner/name`, used by pulls/create's head_repo.
  ajv.addFormat('repo.nwo', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/)
  const validators = new Map<string, ValidateFunction>()
  let nextPull = 1
  const restPrefix = options.enterprise ? '/api/v3' : ''
  const graphqlPath = options.enterprise ? '/api/graphql' : '/graphql'
  const forwarded: string[] = []
  let webUrl = 'http://github.test'

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]
    if (options.enterprise && !path.startsWith('/api/')) return forward(options.enterprise.git.url, request, response)
    handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }))
  })

  /** Passes a request on to the git server as it came, and its answer back. */
  function forward(target: string, request: IncomingMessage, response: ServerResponse): void {
    forwarded.push(`${request.method} ${request.url}`)
    const upstream = httpRequest(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    })
    upstream.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' })
      response.end(String(error))
    })
    request.pipe(upstream)
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(request)
    let body: unknown = undefined
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        return reject(response, `${request.method} ${url.pathname}: body is not JSON`)
      }
    }
    const method = (request.method ?? 'GET').toLowerCase()
    const record: RecordedRequest = {
      method: method.toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: request.headers.authorization
    }
    requests.push(record)
    if (options.token && !carriesToken(request.headers.authorization, options.token))
      return send(response, 401, { message: 'Bad credentials' })
    if (url.pathname === graphqlPath) return graphql(body, response)
    if (!url.pathname.startsWith(`${restPrefix}/`))
      return reject(
        response,
        `${method.toUpperCase()} ${url.pathname} is outside the REST API (${restPrefix}/…) and is not GraphQL (${graphqlPath})`
      )

    const match = matchOperation(method, url.pathname.slice(restPrefix.length))
    if (!match)
      return reject(response, `${method.toUpperCase()} ${url.pathname} is not an operation in api.github.com's OpenAPI description`)
    record.operationId = match.operation.operationId
    const problem = checkRequest(match.operation, url.searchParams, body, record)
    if (problem) return reject(response, problem)
    // GitHub's JSON media types: the current one, the v3 one Octokit sends, and plain JSON.
    if (request.headers.accept && !/application\/(vnd\.github(\.v3)?\+json|json)|\*\/\*/.test(request.headers.accept)) {
      return reject(response, `${match.operation.operationId}: unexpected Accept header ${request.headers.accept}`)
    }
    return route(match.operation.operationId, match.parameters, url.searchParams, body as Record<string, unknown>, response)
  }

  function reject(response: ServerResponse, violation: string): void {
    violations.push(violation)
    send(response, 400, { message: `fake GitHub API: ${violation}` })
  }

  function matchOperation(method: string, path: string): { operation: OpenApiOperation; parameters: Record<string, string> } | undefined {
    // Literal segments win over parameters: `/repos/{owner}/{repo}/pulls` before any `/{x}/{y}/{z}`.
    const templates = Object.entries(openApi().paths).sort(([a], [b]) => a.split('{').length - b.split('{').length)
    for (const [template, operations] of templates) {
      const operation = operations[method]
      if (!operation) continue
      const names: string[] = []
      const pattern = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`
      )
      const found = pattern.exec(path)
      if (found) return { operation, parameters: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])])) }
    }
    return undefined
  }

  function checkRequest(operation: OpenApiOperation, query: URLSearchParams, body: unknown, record: RecordedRequest): string | undefined {
    const declared = new Map((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]))
    for (const [name, value] of query) {
      const parameter = declared.get(name)
      if (!parameter) return `${operation.operationId}: query parameter "${name}" is not declared`
      const schema = parameter.schema ?? {}
      const typed =
        schema.type === 'integer' || schema.type === 'number' ? Number(value) : schema.type === 'boolean' ? value === 'true' : value
      const validate = ajv.compile(schema)
      if (!validate(typed)) return `${operation.operationId}: query parameter "${name}"=${value}: ${ajv.errorsText(validate.errors)}`
    }
    for (const parameter of declared.values())
      if (parameter.required && !query.has(parameter.name)) return `${operation.operationId}: missing query parameter "${parameter.name}"`
    const content = operation.requestBody?.content?.['application/json']
    if (!content) return body === undefined ? undefined : `${operation.operationId} takes no request body`
    if (body === undefined) return operation.requestBody?.required ? `${operation.operationId}: request body required` : undefined
    let validate = validators.get(operation.operationId)
    if (!validate) {
      validate = ajv.compile(content.schema)
      validators.set(operation.operationId, validate)
    }
    if (!validate(body))
      return `${operation.operationId}: body ${JSON.stringify(record.body)} does not match the schema: ${ajv.errorsText(validate.errors)}`
    return undefined
  }

  function route(
    operationId: string,
    parameters: Record<string, string>,
    query: URLSearchParams,
    body: Record<string, unknown>,
    response: ServerResponse
  ): void {
    const repository = repositories.get(`${parameters.owner}/${parameters.repo}`)
    if (!repository) return send(response, 404, { message: 'Not Found' })
    const base = `${webUrl}/${repository.owner}/${repository.name}`
    switch (operationId) {
      case 'repos/get':
        return send(response, 200, {
          id: 1,
          name: repository.name,
          full_name: `${repository.owner}/${repository.name}`,
          default_branch: repository.defaultBranch,
          allow_auto_merge: repository.allowAutoMerge
        })
      case 'pulls/list': {
        const state = query.get('state') ?? 'open'
        const head = query.get('head')
        const baseBranch = query.get('base')
        const pulls = repository.pulls.filter(
          (pull) =>
            (state === 'all' || pull.state === state) &&
            (!head || `${repository.owner}:${pull.head}` === head) &&
            (!baseBranch || pull.base === baseBranch)
        )
        return send(
          response,
          200,
          pulls.map((pull) => pullJson(pull, base))
        )
      }
      case 'pulls/create': {
        const head = String(body.head)
        if (repository.pulls.some((pull) => pull.state === 'open' && pull.head === head && pull.base === body.base)) {
          return send(response, 422, {
            message: 'Validation Failed',
            errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repository.owner}:${head}.` }]
          })
        }
        const pull: FakePullRequest = {
          number: nextPull++,
          node_id: `PR_${Math.random().toString(36).slice(2)}`,
          state: 'open',
          title: String(body.title),
          body: String(body.body ?? ''),
          head,
          base: String(body.base)
        }
        repository.pulls.push(pull)
        return send(response, 201, pullJson(pull, base))
      }
      case 'pulls/update': {
        const pull = repository.pulls.find((p) => p.number === Number(parameters.pull_number))
        if (!pull) return send(response, 404, { message: 'Not Found' })
        if (typeof body.title === 'string') pull.title = body.title
        if (typeof body.body === 'string') pull.body = body.body
        if (body.state === 'open' || body.state === 'closed') pull.state = body.state
        return send(response, 200, pullJson(pull, base))
      }
      case 'pulls/merge': {
        const pull = repository.pulls.find((p) => p.number === Number(parameters.pull_number))
        if (!pull || pull.state !== 'open') return send(response, 405, { message: 'Pull Request is not mergeable' })
        pull.state = 'closed'
        pull.merged = String(body?.merge_method ?? 'merge')
        return send(response, 200, { sha: 'f'.repeat(40), merged: true, message: 'Pull Request successfully merged' })
      }
      case 'repos/create-attestation': {
        if (repository.attestationsForbidden) return send(response, 403, { message: 'Resource not accessible by integration' })
        repository.attestations.push(body.bundle)
        return send(response, 201, { id: repository.attestations.length })
      }
      default:
        return reject(response, `${operationId} is valid but not implemented by the fake`)
    }
  }

  function graphql(body: unknown, response: ServerResponse): void {
    const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> }
    if (typeof query !== 'string' || !/\benablePullRequestAutoMerge\b/.test(query))
      return reject(response, `GraphQL: only enablePullRequestAutoMerge is supported, got ${JSON.stringify(query)}`)
    const id = variables?.pullRequestId
    const method = variables?.mergeMethod
    if (typeof id !== 'string' || !['MERGE', 'SQUASH', 'REBASE'].includes(String(method))) {
      return reject(response, `GraphQL enablePullRequestAutoMerge: bad variables ${JSON.stringify(variables)}`)
    }
    for (const repository of repositories.values()) {
      const pull = repository.pulls.find((p) => p.node_id === id)
      if (!pull) continue
      if (!repository.allowAutoMerge) {
        return send(response, 200, {
          data: { enablePullRequestAutoMerge: null },
          errors: [
            {
              type: 'UNPROCESSABLE',
              path: ['enablePullRequestAutoMerge'],
              message: 'Pull request Auto merge is not allowed for this repository'
            }
          ]
        })
      }
      if (repository.requiredChecks === false) {
        return send(response, 200, {
          data: { enablePullRequestAutoMerge: null },
          errors: [{ type: 'UNPROCESSABLE', path: ['enablePullRequestAutoMerge'], message: 'Pull request Pull request is in clean status' }]
        })
      }
      pull.autoMerge = String(method)
      return send(response, 200, { data: { enablePullRequestAutoMerge: { pullRequest: { number: pull.number } } } })
    }
    return send(response, 200, {
      data: null,
      errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${id}'` }]
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  if (options.enterprise) webUrl = origin
  return {
    url: `${origin}${restPrefix}`,
    graphqlUrl: `${origin}${graphqlPath}`,
    serverUrl: webUrl,
    forwarded,
    requests,
    violations,
    addRepository(owner, name, { defaultBranch = 'main', allowAutoMerge = true } = {}) {
      const repository: FakeRepository = { owner, name, defaultBranch, allowAutoMerge, pulls: [], attestations: [] }
      repositories.set(`${owner}/${name}`, repository)
      return repository
    },
    repository(owner, name) {
      const repository = repositories.get(`${owner}/${name}`)
      if (!repository) throw new Error(`no fake repository ${owner}/${name}`)
      return repository
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function pullJson(pull: FakePullRequest, base: string): Record<string, unknown> {
  return {
    number: pull.number,
    node_id: pull.node_id,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    html_url: `${base}/pull/${pull.number}`,
    head: { ref: pull.head },
    base: { ref: pull.base }
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function carriesToken(header: string | undefined, token: string): boolean {
  return header === `Bearer ${token}` || header === `token ${token}`
}
