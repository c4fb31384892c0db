// A loopback stand-in for the runner's OIDC token service, serving exactly what a runner serves:
// GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=X with `Authorization: Bearer <request token>`
// answers {"value": "<jwt>"}. The JWTs are real RS256 tokens signed with a key made at start, and
// the provider publishes its discovery document and JWKS, so verifiers (@actions/attest) work.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'

export interface OidcProvider {
  issuer: string
  requestUrl: string
  requestToken: string
  jwksUrl: string
  claims: Record<string, unknown>
  /** Audiences asked for so far, in order. */
  requests: string[]
  mintToken(audience: string, extra?: Record<string, unknown>): Promise<string>
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, as the runner sets them. */
  env(): Record<string, string>
  close(): Promise<void>
}

export function githubActionsClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: 'repo:octo-org/app:ref:refs/heads/main',
    repository: 'octo-org/app',
    repository_id: '1001',
    repository_owner: 'octo-org',
    repository_owner_id: '2002',
    repository_visibility: 'public',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    sha: 'c0ffee'.padEnd(40, '0'),
    workflow: 'release',
    workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/heads/main',
    workflow_sha: 'c0ffee'.padEnd(40, '0'),
    job_workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/heads/main',
    job_workflow_sha: 'c0ffee'.padEnd(40, '0'),
    event_name: 'push',
    run_id: '4242',
    run_number: '7',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    actor: 'octocat',
    actor_id: '3003',
    ...overrides
  }
}

/**
 * The mock Fulcio takes the certificate's SAN from one claim, where real Fulcio builds
 * `https://github.com/<job_workflow_ref>` for GitHub's issuer; the stand-in token carries that URL.
 */
export const FULCIO_SAN_CLAIM = 'job_workflow_ref_url'

/** `serverUrl`: the GitHub server whose Fulcio names the workflow (`<serverUrl>/<job_workflow_ref>`); https://github.com by default. */
export async function startOidcProvider(options: { claims?: Record<string, unknown>; serverUrl?: string } = {}): Promise<OidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const kid = randomBytes(8).toString('hex')
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  const requestToken = randomBytes(24).toString('hex')
  const base = githubActionsClaims(options.claims)
  const claims = { ...base, [FULCIO_SAN_CLAIM]: `${options.serverUrl ?? 'https://github.com'}/${String(base.job_workflow_ref)}` }
  const requests: string[] = []
  let issuer = ''

  const mintToken = (audience: string, extra: Record<string, unknown> = {}): Promise<string> =>
    new SignJWT({ ...claims, ...extra })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('10m')
      .setJti(randomBytes(8).toString('hex'))
      .sign(privateKey)

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer)
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks`,
        subject_types_supported: ['public'],
        response_types_supported: ['id_token'],
        id_token_signing_alg_values_supported: ['RS256']
      })
    }
    if (url.pathname === '/.well-known/jwks') return json(200, { keys: [jwk] })
    if (url.pathname === '/token') {
      if (req.headers.authorization !== `Bearer ${requestToken}`) return json(401, { message: 'bad request token' })
      const audience = url.searchParams.get('audience') ?? issuer
      requests.push(audience)
      return json(200, { value: await mintToken(audience) })
    }
    json(404, { message: 'not found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The runner's URL already carries a query string; @actions/core appends `&audience=`.
  const requestUrl = `${issuer}/token?api-version=2.0`
  return {
    issuer,
    requestUrl,
    requestToken,
    jwksUrl: `${issuer}/.well-known/jwks`,
    claims,
    requests,
    mintToken,
    env: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
