// The registry auth challenge: anonymous, Basic, and Bearer tokens from the realm the registry
// names in WWW-Authenticate (distribution's token spec), cached per scope.
import type { Credential } from './credentials.js'
import { header, sendHttp, type HttpRequest, type HttpResponse } from '../../net/http.js'
import { httpTransience, isRetryableStatus, REGISTRY_RETRY, withRetry } from '../../net/retry.js'
import { RegistryError } from '../errors.js'

export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/** Parses `Bearer realm="…",service="…",scope="…"` (quoted values may hold commas). */
export function parseChallenge(value: string): Challenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(value)
  if (!match) return undefined
  const params: Record<string, string> = {}
  const paramPattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g
  for (const param of match[2].matchAll(paramPattern)) {
    params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]
  }
  return { scheme: match[1].toLowerCase(), params }
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * Whether the token realm a registry names may receive the credentials (as Docker decides): over
 * HTTPS always; over plain HTTP only on loopback, or when the registry itself is plain HTTP
 * (loopback or listed in insecure-registries). An HTTPS registry cannot send them to plain HTTP.
 */
export function realmMayReceiveCredentials(realm: URL, registryInsecure: boolean): boolean {
  if (realm.protocol === 'https:') return true
  if (realm.protocol !== 'http:') return false
  return registryInsecure || LOOPBACK_HOST.test(realm.hostname)
}

export interface AuthenticatorOptions {
  /** The registry is reached over plain HTTP (loopback or insecure-registries). */
  insecure?: boolean
}

/**
 * Answers the registry's 401 challenges. The caller hands it only challenges that came from the
 * registry's own origin; the realm they name gets the credentials only under realmMayReceiveCredentials.
 */
export class Authenticator {
  private readonly headers = new Map<string, string>()
  /** Token requests under way, per scope: requests refused at once (a burst) share one. */
  private readonly fetching = new Map<string, Promise<string>>()

  constructor(
    private readonly credential: Credential | undefined,
    private readonly onSecret: (secret: string) => void = () => {},
    private readonly options: AuthenticatorOptions = {}
  ) {}

  /** The Authorization header known for this scope, if any. */
  authorization(scope: string): string | undefined {
    return this.headers.get(scope)
  }

  /**
   * Answers a 401's challenge to a request that carried `sent` (its Authorization, if any); returns
   * false when there is nothing more to try. A request sent before another one's answer got the
   * header just tries again with it: a burst of requests costs one token, not one each.
   */
  async respond(wwwAuthenticate: string | undefined, scope: string, sent?: string): Promise<boolean> {
    const challenge = wwwAuthenticate ? parseChallenge(wwwAuthenticate) : undefined
    const known = this.headers.get(scope)
    if (known !== undefined && known !== sent) return true
    if (!challenge) return false
    if (challenge.scheme === 'basic') {
      if (!this.credential?.username || !this.credential.password) return false
      const value = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString('base64')}`
      if (value === sent) return false
      this.headers.set(scope, value)
      return true
    }
    if (challenge.scheme === 'bearer') {
      let fetching = this.fetching.get(scope)
      if (!fetching) {
        fetching = this.fetchToken(challenge, scope)
          .then((token) => {
            this.onSecret(token)
            return token
          })
          .finally(() => this.fetching.delete(scope))
        this.fetching.set(scope, fetching)
      }
      const token = await fetching
      const value = `Bearer ${token}`
      if (value === sent) return false
      this.headers.set(scope, value)
      return true
    }
    return false
  }

  private async fetchToken(challenge: Challenge, scope: string): Promise<string> {
    const realm = challenge.params.realm
    if (!realm) throw new RegistryError('the registry asked for a Bearer token but named no realm', { method: 'GET', url: '(challenge)' })
    let url: URL
    try {
      url = new URL(realm)
    } catch {
      throw new RegistryError(`the registry named a token realm that is not a URL: ${JSON.stringify(realm.slice(0, 200))}`, {
        method: 'GET',
        url: '(challenge)'
      })
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new RegistryError(`the registry named a token realm that is not HTTP(S): ${url.protocol}`, {
        method: 'GET',
        url: '(challenge)'
      })
    const hasCredentials = Boolean(this.credential?.identityToken || (this.credential?.username && this.credential.password))
    if (hasCredentials && !realmMayReceiveCredentials(url, this.options.insecure === true)) {
      throw new RegistryError(
        `the HTTPS registry named a plain-HTTP token realm (${url.origin}${url.pathname}); refusing to send the credentials there unencrypted`,
        { method: 'GET', url: `${url.origin}${url.pathname}` }
      )
    }
    const scopes = [...new Set([scope, challenge.params.scope].filter((s): s is string => Boolean(s)))]
    const headers: Record<string, string> = {}
    let request: HttpRequest
    if (this.credential?.identityToken) {
      // An identity token is an OAuth2 refresh token: exchange it by POST (distribution token spec, oauth.md).
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: this.credential.identityToken,
        client_id: 'digest-release'
      })
      if (challenge.params.service) form.set('service', challenge.params.service)
      form.set('scope', scopes.join(' '))
      request = {
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString())
      }
    } else {
      if (challenge.params.service) url.searchParams.set('service', challenge.params.service)
      for (const s of scopes) url.searchParams.append('scope', s)
      if (this.credential?.username && this.credential.password) {
        headers.Authorization = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString('base64')}`
      }
      request = { method: 'GET', url, headers }
    }
    // The token service is retried like any registry request: a 5xx or a reset there is as transient.
    const response = await withRetry(
      async () => {
        const answer = await sendHttp(request)
        if (answer.status !== 200 && isRetryableStatus(answer.status)) throw tokenError(url, answer)
        return answer
      },
      {
        policy: REGISTRY_RETRY,
        classify: (error) =>
          error instanceof RegistryError
            ? httpTransience(error.status, error.request.retryAfter)
            : httpTransience(undefined, undefined, error)
      }
    )
    if (response.status !== 200) throw tokenError(url, response)
    const body = JSON.parse(response.body.toString('utf8')) as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (!token)
      throw new RegistryError('the token service answered without a token', {
        method: 'GET',
        url: `${url.origin}${url.pathname}`,
        status: 200
      })
    return token
  }
}

function tokenError(url: URL, response: HttpResponse): RegistryError {
  const hint =
    response.status === 401 || response.status === 403
      ? ': the credentials were refused; check `username`/`password` or the Docker login'
      : ''
  return new RegistryError(`token request to ${url.origin}${url.pathname} answered ${response.status}${hint}`, {
    method: 'GET',
    url: `${url.origin}${url.pathname}`,
    status: response.status,
    body: response.body.toString('utf8').slice(0, 500),
    retryAfter: header(response, 'retry-after')
  })
}
