// OCI Distribution Spec 1.1 client: one repository on one registry.
// https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md
import type { Readable } from 'node:stream'
import { Authenticator } from './auth.js'
import type { Credential } from './credentials.js'
import {
  bufferHttp,
  DEFAULT_DEADLINE_MS,
  HttpConnectionError,
  header,
  isDeadlineError,
  openHttp,
  redactUrl,
  sendHttp,
  type HttpResponse,
  type HttpStreamResponse
} from '../../net/http.js'
import { httpTransience, REGISTRY_RETRY, withRetry, type RetryPolicy, type Transience } from '../../net/retry.js'
import { DIGEST_PATTERN, digestOf, sha256Of } from '../digest.js'
import { MANIFEST_MEDIA_TYPES } from '../media-types.js'
import { RegistryError, type RegistryErrorDetail } from '../errors.js'
import type { Logger } from '../../net/logger.js'
import { silentLogger } from '../../net/logger.js'

export interface RegistryClientOptions {
  /** Registry host with port, as in the image reference (`docker.io` for Docker Hub). */
  registry: string
  repository: string
  credential?: Credential
  /** Hosts that may be reached over plain HTTP besides loopback. */
  insecureRegistries?: string[]
  retry?: RetryPolicy
  /** Called with every secret learned (Bearer tokens), so the caller can mask it. */
  onSecret?: (secret: string) => void
  logger?: Logger
  /**
   * Overall deadline of one request, from sending it to the last byte of the answer (default 10
   * minutes): a registry that trickles never trips the idle timer. A streamed upload gets this
   * plus time for its Content-Length at 100 KiB/s (none when its length is unknown).
   */
  deadlineMs?: number
}

export interface RequestOptions {
  method: string
  /** A path under the registry (`/v2/…`) or an absolute URL (upload locations). */
  path: string
  headers?: Record<string, string>
  /** A buffer, or a factory that opens a fresh stream for each attempt. */
  body?: Buffer | (() => Readable)
  /** Statuses that count as success; any other is thrown as a RegistryError. */
  expect: number[]
  maxResponseBytes?: number
  /** Retry transient failures (default true; a streamed body is re-opened per attempt). */
  retry?: boolean
  /** Scope for the token; defaults to push+pull on this repository. */
  scope?: string
  /** The size of a streamed answer (a blob GET): its deadline grows by the time for it at 100 KiB/s. */
  expectedBytes?: number
}

export interface ManifestResult {
  digest: string
  mediaType: string
  bytes: Buffer
  /** The registry's ETag, for a conditional write (If-Match) where it supports one. */
  etag?: string
}

export interface ManifestHead {
  digest: string
  mediaType: string
  size: number
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i

/** Redirects followed on GET and HEAD (blobs and manifests served from storage on another host). */
export const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** The slowest a streamed upload may go before its deadline runs out: 100 KiB/s. */
const SLOWEST_UPLOAD_BYTES_PER_MS = (100 * 1024) / 1000

export function isLoopbackRegistry(registry: string): boolean {
  return LOOPBACK.test(registry)
}

export class RegistryClient {
  readonly registry: string
  readonly repository: string
  readonly baseUrl: URL
  private readonly auth: Authenticator
  private readonly retry: RetryPolicy
  private readonly logger: Logger
  private readonly deadlineMs: number

  constructor(options: RegistryClientOptions) {
    this.registry = options.registry
    this.repository = options.repository
    const host = options.registry === 'docker.io' ? 'registry-1.docker.io' : options.registry
    const insecure =
      isLoopbackRegistry(options.registry) ||
      (options.insecureRegistries ?? []).some((h) => h.toLowerCase() === options.registry.toLowerCase())
    this.baseUrl = new URL(`${insecure ? 'http' : 'https'}://${host}`)
    this.auth = new Authenticator(options.credential, options.onSecret, { insecure })
    this.retry = options.retry ?? REGISTRY_RETRY
    this.logger = options.logger ?? silentLogger
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS
  }

  /**
   * Whether a URL is the registry's own origin (scheme, host and port). Credentials are bound to
   * it: the Authorization header goes nowhere else, and only its 401s are answered.
   */
  isRegistryOrigin(url: URL): boolean {
    return url.origin === this.baseUrl.origin
  }

  /**
   * Refuses a URL the registry sent the client to (an upload Location, a redirect) that leaves an
   * HTTPS registry for plain HTTP: credentials, tokens and bytes would cross the network unencrypted.
   */
  private refuseDowngrade(url: URL, method: string, what: string, from: URL = this.baseUrl): void {
    if (from.protocol === 'https:' && url.protocol !== 'https:') {
      throw new RegistryError(
        `${what} leads from the HTTPS registry ${this.registry} to ${url.protocol === 'http:' ? 'plain HTTP' : url.protocol} (${redactUrl(url)}); refusing the downgrade, so that no credentials or bytes travel unencrypted. If the registry really serves plain HTTP, list it in \`insecure-registries\``,
        { method, url: redactUrl(url) }
      )
    }
  }

  get pushScope(): string {
    return `repository:${this.repository}:pull,push`
  }

  /** A registry path or an absolute URL (upload locations) as a URL. */
  url(path: string): URL {
    return new URL(path, this.baseUrl)
  }

  /** One registry request: auth challenge answered, transient failures retried, status checked. */
  async request(options: RequestOptions): Promise<HttpResponse> {
    return this.exchange(
      options,
      (url, headers, deadlineMs) => {
        const body = typeof options.body === 'function' ? options.body() : options.body
        return sendHttp({ method: options.method, url, headers, body, maxResponseBytes: options.maxResponseBytes, deadlineMs })
      },
      async (response) => response
    )
  }

  /**
   * A GET or HEAD whose answer's body comes back as a stream once its headers arrive (a blob copied
   * to another registry): the same auth, redirect and retry rules as `request`. Retries cover only
   * getting the headers; a body that drops midway fails its stream. Read or destroy the body.
   */
  async requestStream(options: Omit<RequestOptions, 'body' | 'maxResponseBytes'>): Promise<HttpStreamResponse> {
    return this.exchange(
      options,
      (url, headers, deadlineMs) => openHttp({ method: options.method, url, headers, deadlineMs }),
      (response) => bufferHttp(response)
    )
  }

  private async exchange<R extends { status: number; headers: HttpResponse['headers']; url: URL }>(
    options: RequestOptions,
    send: (url: URL, headers: Record<string, string>, deadlineMs: number) => Promise<R>,
    buffered: (response: R) => Promise<HttpResponse>
  ): Promise<R> {
    const start = this.url(options.path)
    this.refuseDowngrade(start, options.method, `a ${options.method} request`)
    const scope = options.scope ?? this.pushScope
    const deadlineMs = this.deadlineFor(options)
    const follows = options.method === 'GET' || options.method === 'HEAD'
    let authAnswered = false
    const exchange = async (): Promise<R> => {
      let url = start
      let redirects = 0
      for (;;) {
        const headers: Record<string, string> = { ...options.headers }
        const authorization = this.auth.authorization(scope)
        if (authorization && this.isRegistryOrigin(url)) headers.Authorization = authorization
        let response: R
        try {
          response = await send(url, headers, deadlineMs)
        } catch (error) {
          throw connectionFailure(options.method, url, error, this.registry)
        }
        let read_: HttpResponse | undefined
        const read = async (): Promise<HttpResponse> => {
          try {
            return (read_ ??= await buffered(response))
          } catch (error) {
            throw connectionFailure(options.method, url, error, this.registry)
          }
        }
        // One answer to the auth challenge per request; it does not count as an attempt. Only the
        // registry's own challenge is answered: another origin (an upload location, a storage host)
        // could name any realm and collect the credentials.
        if (response.status === 401 && !authAnswered && this.isRegistryOrigin(url)) {
          authAnswered = true
          await read()
          if (await this.auth.respond(header(response, 'www-authenticate'), scope, headers.Authorization)) continue
        }
        if (follows && REDIRECT_STATUSES.has(response.status) && !options.expect.includes(response.status)) {
          await read()
          url = this.redirectTarget(options.method, url, response, ++redirects)
          continue
        }
        if (options.expect.includes(response.status)) return response
        throw registryError(options.method, url, await read())
      }
    }
    if (options.retry === false) return exchange()
    return withRetry(exchange, {
      policy: this.retry,
      classify: registryTransience,
      onRetry: (error, delay) => this.logger.debug(`${(error as Error).message}; retrying in ${Math.round(delay)} ms`)
    })
  }

  /** Where a redirect leads: at most MAX_REDIRECTS of them, never from HTTPS to plain HTTP. */
  private redirectTarget(method: string, from: URL, response: Pick<HttpResponse, 'status' | 'headers'>, count: number): URL {
    const location = header(response, 'location')
    if (!location)
      throw new RegistryError(`${method} ${redactUrl(from)} answered ${response.status} without a Location header`, {
        method,
        url: redactUrl(from),
        status: response.status
      })
    if (count > MAX_REDIRECTS)
      throw new RegistryError(`${method} ${redactUrl(from)} redirected more than ${MAX_REDIRECTS} times; giving up`, {
        method,
        url: redactUrl(from),
        status: response.status
      })
    const target = new URL(location, from)
    // Neither the registry nor a storage host reached over HTTPS may send the client to plain HTTP.
    const what = `${method} ${redactUrl(from)} answered ${response.status} with a redirect that`
    this.refuseDowngrade(target, method, what, from.protocol === 'https:' ? from : this.baseUrl)
    this.logger.debug(`${method} ${redactUrl(from)} redirected to ${redactUrl(target)}`)
    return target
  }

  /** The request's overall deadline: the client's, plus time for a streamed upload's or download's size. */
  private deadlineFor(options: RequestOptions): number {
    if (options.expectedBytes !== undefined) return this.deadlineMs + options.expectedBytes / SLOWEST_UPLOAD_BYTES_PER_MS
    if (typeof options.body !== 'function') return this.deadlineMs
    const size = Number(options.headers?.['Content-Length'] ?? NaN)
    return Number.isFinite(size) ? this.deadlineMs + size / SLOWEST_UPLOAD_BYTES_PER_MS : Infinity
  }

  async blobExists(digest: string): Promise<boolean> {
    const response = await this.request({ method: 'HEAD', path: `/v2/${this.repository}/blobs/${digest}`, expect: [200, 404] })
    return response.status === 200
  }

  /** Starts an upload session; returns its location. */
  async startUpload(): Promise<URL> {
    const response = await this.request({ method: 'POST', path: `/v2/${this.repository}/blobs/uploads/`, expect: [202] })
    return this.location(response, 'POST blobs/uploads/')
  }

  /** Tries a cross-repository mount; returns true when the registry mounted it. */
  async mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    const path = `/v2/${this.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`
    const response = await this.request({
      method: 'POST',
      path,
      expect: [201, 202],
      scope: `${this.pushScope} repository:${fromRepository}:pull`
    })
    if (response.status === 202) {
      // Not mounted: the registry opened an ordinary upload session instead; close it.
      await this.request({
        method: 'DELETE',
        path: this.location(response, 'POST mount').href,
        expect: [204, 404, 400, 405],
        retry: false
      }).catch(() => undefined)
      return false
    }
    return true
  }

  location(response: HttpResponse, what: string): URL {
    const location = header(response, 'location')
    if (!location)
      throw new RegistryError(`${what} answered ${response.status} without a Location header`, {
        method: 'POST',
        url: redactUrl(response.url),
        status: response.status
      })
    const url = new URL(location, response.url)
    this.refuseDowngrade(url, 'POST', `${what} answered with an upload Location that`)
    return url
  }

  /**
   * Uploads a small blob unless the registry has it. Concurrent uploads of one digest (the empty
   * config, a bundle stored beside several subjects) share one request: registries answer racing
   * uploads of the same blob with DIGEST_INVALID or BLOB_UNKNOWN.
   */
  putBlobBytes(bytes: Buffer, digest = sha256Of(bytes)): Promise<string> {
    let pending = this.blobUploads.get(digest)
    if (!pending) {
      pending = this.uploadBlobBytes(bytes, digest).finally(() => this.blobUploads.delete(digest))
      this.blobUploads.set(digest, pending)
    }
    return pending
  }

  private readonly blobUploads = new Map<string, Promise<string>>()

  private async uploadBlobBytes(bytes: Buffer, digest: string): Promise<string> {
    if (await this.blobExists(digest)) return digest
    const location = await this.startUpload()
    location.searchParams.set('digest', digest)
    await this.request({
      method: 'PUT',
      path: location.href,
      body: bytes,
      headers: { 'Content-Type': 'application/octet-stream' },
      expect: [201]
    })
    return digest
  }

  async getBlob(digest: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
    const response = await this.request({
      method: 'GET',
      path: `/v2/${this.repository}/blobs/${digest}`,
      expect: [200],
      maxResponseBytes: maxBytes + 1
    })
    if (digestOf(response.body, digest) !== digest)
      throw new RegistryError(`blob ${digest} came back with other content`, { method: 'GET', url: redactUrl(response.url), status: 200 })
    return response.body
  }

  /**
   * Opens a blob for reading as a stream (bytes `start` to `end`, exclusive, through a Range request
   * when that is not the whole blob). `partial` says whether the registry honoured the Range (206);
   * on a 200 the body is the whole blob. The bytes are not checked here: the reader hashes them.
   */
  async openBlob(
    digest: string,
    options: { start?: number; end?: number; size?: number } = {}
  ): Promise<{ body: Readable; partial: boolean; status: number }> {
    const start = options.start ?? 0
    const ranged = start > 0 || (options.end !== undefined && options.size !== undefined && options.end < options.size)
    const headers: Record<string, string> = {}
    if (ranged) headers.Range = `bytes=${start}-${options.end !== undefined ? options.end - 1 : ''}`
    const response = await this.requestStream({
      method: 'GET',
      path: `/v2/${this.repository}/blobs/${digest}`,
      headers,
      expect: ranged ? [200, 206] : [200],
      expectedBytes: (options.end ?? options.size ?? 0) - start
    })
    if (response.status === 206) {
      const contentRange = header(response, 'content-range')
      const first = contentRange ? /^bytes (\d+)-/.exec(contentRange)?.[1] : undefined
      if (first !== undefined && Number(first) !== start) {
        response.body.destroy()
        throw new RegistryError(`GET blob ${digest} answered the range from ${start} with ${contentRange}`, {
          method: 'GET',
          url: redactUrl(response.url),
          status: 206
        })
      }
    }
    return { body: response.body, partial: response.status === 206, status: response.status }
  }

  /** PUTs manifest bytes by digest or tag; checks the registry's Docker-Content-Digest against our own. */
  async putManifest(
    reference: string,
    bytes: Buffer,
    mediaType: string,
    options: { ifMatch?: string } = {}
  ): Promise<{ digest: string; subject?: string }> {
    // By digest, under the algorithm the reference names (sha256 or sha512); by tag, sha256.
    const digest = DIGEST_PATTERN.test(reference) ? digestOf(bytes, reference) : sha256Of(bytes)
    // A read of this tag begun before the write was done may answer with what the tag held before:
    // a read asked for after it must not share that answer.
    const forgetReads = (): void => {
      for (const key of this.tagReads.keys()) if (key.startsWith(`${reference} `)) this.tagReads.delete(key)
    }
    forgetReads()
    const response = await this.request({
      method: 'PUT',
      path: `/v2/${this.repository}/manifests/${reference}`,
      headers: { 'Content-Type': mediaType, ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}) },
      body: bytes,
      expect: [201, 200]
    }).finally(forgetReads)
    const returned = header(response, 'docker-content-digest')
    if (returned && returned !== digest) {
      throw new RegistryError(
        `the registry stored manifest ${reference} under ${returned}, but its bytes hash to ${digest}; the registry rewrote the manifest, so the digest cannot be trusted`,
        { method: 'PUT', url: redactUrl(response.url), status: response.status }
      )
    }
    return { digest, subject: header(response, 'oci-subject') }
  }

  async headManifest(reference: string): Promise<ManifestHead | undefined> {
    const response = await this.request({
      method: 'HEAD',
      path: `/v2/${this.repository}/manifests/${reference}`,
      headers: { Accept: MANIFEST_MEDIA_TYPES.join(', ') },
      expect: [200, 404]
    })
    if (response.status === 404) return undefined
    const digest = header(response, 'docker-content-digest')
    if (!digest) {
      // Some registries omit the digest on HEAD: fall back to reading the manifest.
      const manifest = await this.getManifest(reference)
      return manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length }
    }
    return { digest, mediaType: header(response, 'content-type') ?? '', size: Number(header(response, 'content-length') ?? 0) }
  }

  private readonly manifestsByDigest = new Map<string, Promise<ManifestResult | undefined>>()
  private readonly tagReads = new Map<string, Promise<ManifestResult | undefined>>()

  /**
   * A manifest by tag or digest, or undefined when the registry has none (404). A manifest read by
   * digest is kept for the run: it is content-addressed and checked against the digest, so reading it
   * again (verify, then the copy's plan, read the same evidence) could only give the same bytes. A tag
   * can move, so a tag's answer is shared only by the calls made while it is on its way, and not
   * across a write of that tag.
   */
  getManifest(reference: string, accept: readonly string[] = MANIFEST_MEDIA_TYPES): Promise<ManifestResult | undefined> {
    const byDigest = DIGEST_PATTERN.test(reference)
    const reads = byDigest ? this.manifestsByDigest : this.tagReads
    const key = byDigest ? reference : `${reference} ${accept.join(',')}`
    let read = reads.get(key)
    if (!read) {
      const started = this.readManifest(reference, accept)
      reads.set(key, (read = started))
      const forget = (): void => {
        if (reads.get(key) === started) reads.delete(key)
      }
      // A tag's answer is shared only while it is on its way. A manifest not found by digest may be
      // pushed later in the run: only what was found by digest is kept.
      started.then((found) => {
        if (!byDigest || !found) forget()
      }, forget)
    }
    return read
  }

  private async readManifest(reference: string, accept: readonly string[]): Promise<ManifestResult | undefined> {
    const response = await this.request({
      method: 'GET',
      path: `/v2/${this.repository}/manifests/${reference}`,
      headers: { Accept: accept.join(', ') },
      expect: [200, 404],
      maxResponseBytes: 4 * 1024 * 1024 + 1
    })
    if (response.status === 404) return undefined
    const byDigest = DIGEST_PATTERN.test(reference)
    const digest = byDigest ? digestOf(response.body, reference) : sha256Of(response.body)
    if (byDigest && digest !== reference) {
      throw new RegistryError(`manifest ${reference} came back with bytes that hash to ${digest}`, {
        method: 'GET',
        url: redactUrl(response.url),
        status: 200
      })
    }
    let mediaType = header(response, 'content-type') ?? ''
    try {
      mediaType = (JSON.parse(response.body.toString('utf8')) as { mediaType?: string }).mediaType ?? mediaType
    } catch {
      // Not JSON: keep the Content-Type.
    }
    return { digest, mediaType, bytes: response.body, etag: header(response, 'etag') }
  }

  async deleteManifest(digest: string): Promise<void> {
    this.manifestsByDigest.delete(digest)
    await this.request({ method: 'DELETE', path: `/v2/${this.repository}/manifests/${digest}`, expect: [202, 404] })
  }

  /** The referrers API's answer, or undefined when the registry has no such API (404, 400, 405). */
  async getReferrers(digest: string): Promise<{ bytes: Buffer; index: { manifests?: unknown[] } } | undefined> {
    const response = await this.request({
      method: 'GET',
      path: `/v2/${this.repository}/referrers/${digest}`,
      headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
      expect: [200, 404, 400, 405, 501]
    })
    if (response.status !== 200) return undefined
    try {
      const index = JSON.parse(response.body.toString('utf8')) as { manifests?: unknown[] }
      return { bytes: response.body, index }
    } catch {
      return undefined
    }
  }
}

/** A registry failure is worth another attempt when the connection dropped or the status says so. */
export function registryTransience(error: unknown): Transience {
  if (error instanceof RegistryError) {
    if (error.cause instanceof HttpConnectionError) return httpTransience(undefined, undefined, error.cause)
    return error.status === undefined ? { transient: false } : httpTransience(error.status, error.request.retryAfter)
  }
  return httpTransience(undefined, undefined, error)
}

export function registryError(method: string, url: URL, response: HttpResponse): RegistryError {
  const text = response.body.toString('utf8').slice(0, 4000)
  let errors: RegistryErrorDetail[] | undefined
  try {
    errors = (JSON.parse(text) as { errors?: RegistryErrorDetail[] }).errors
  } catch {
    errors = undefined
  }
  const said = errors?.length ? errors.map((e) => `${e.code}${e.message ? `: ${e.message}` : ''}`).join('; ') : text.trim().slice(0, 300)
  const hint = statusHint(response.status, url)
  return new RegistryError(`${method} ${redactUrl(url)} answered ${response.status}${said ? ` (${said})` : ''}${hint}`, {
    method,
    url: redactUrl(url),
    status: response.status,
    errors,
    body: text,
    retryAfter: header(response, 'retry-after')
  })
}

function statusHint(status: number, url: URL): string {
  if (status === 401)
    return ': the registry wants credentials; give `username`/`password`, log in with docker/login-action, or for ghcr.io grant `packages: write`'
  if (status === 403) {
    return url.host.endsWith('ghcr.io')
      ? ': ghcr.io refused; give the workflow `permissions: packages: write` and, for an existing package, grant this repository write access in the package settings'
      : ': the credentials lack push permission on this repository'
  }
  return ''
}

function connectionFailure(method: string, url: URL, error: unknown, registry: string): RegistryError {
  const code = error instanceof HttpConnectionError ? error.code : (error as { code?: string }).code
  // A failure at the proxy is the proxy's, not the registry's: keep its own words.
  const atProxy = /the proxy /.test((error as Error).message)
  const reason = isDeadlineError(error)
    ? `the registry ${registry} was too slow: no complete answer within ${deadlineSeconds(error)}s (the request's deadline)`
    : atProxy
      ? (error as Error).message
      : code === 'ENOTFOUND'
        ? `the host ${url.hostname} does not resolve`
        : code === 'ECONNREFUSED'
          ? `nothing listens at ${url.host}`
          : (error as Error).message
  const tls =
    /certificate|SSL|TLS|EPROTO/i.test((error as Error).message) && url.protocol === 'https:'
      ? `; if ${registry} serves plain HTTP, list it in \`insecure-registries\``
      : ''
  return new RegistryError(`${method} ${redactUrl(url)} failed: ${reason}${tls}`, { method, url: redactUrl(url) }, { cause: error })
}

function deadlineSeconds(error: unknown): number {
  const cause = error instanceof HttpConnectionError ? error.cause : error
  return Math.round(((cause as { deadlineMs?: number }).deadlineMs ?? 0) / 100) / 10
}
