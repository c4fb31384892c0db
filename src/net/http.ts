// A small HTTP layer over node:http/https: keep-alive agents, request bodies streamed with
// backpressure, bounded response bodies, connect and idle timeouts. With a proxy configured
// (configureProxy, from the runner's environment) requests go through it; the proxy code is
// loaded only then.
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import type { Environment, ProxyRoute } from './proxy.js'

export interface HttpRequest {
  method: string
  url: URL
  headers?: Record<string, string>
  /** A buffer, or a stream the request pipes from (the caller opens a fresh one per attempt). */
  body?: Buffer | Readable
  /** Largest response body kept; the rest is read and dropped. */
  maxResponseBytes?: number
  /** Abort when no byte moves for this long. */
  idleTimeoutMs?: number
  /**
   * Abort when the whole exchange (connect, request body, answer) takes longer than this: a server
   * that trickles a byte now and then never trips the idle timer. Default 10 minutes; Infinity for none.
   */
  deadlineMs?: number
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  url: URL
}

export class HttpConnectionError extends Error {
  override name = 'HttpConnectionError'
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 16 })
}

const CONNECT_TIMEOUT_MS = 15_000
const DEFAULT_IDLE_TIMEOUT_MS = 60_000
export const DEFAULT_DEADLINE_MS = 10 * 60_000

/** The code of the error sendHttp fails with when its deadline runs out (a timeout: worth a retry within the caller's budget). */
export const DEADLINE_CODE = 'ETIMEDOUT'

/** Whether sendHttp failed because the whole exchange outlasted its deadline. */
export function isDeadlineError(error: unknown): boolean {
  const cause = error instanceof HttpConnectionError ? error.cause : error
  return typeof (cause as { deadlineMs?: unknown } | undefined)?.deadlineMs === 'number'
}

export function header(response: Pick<HttpResponse, 'headers'>, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** The proxy variables, in the toolkit's order (https_proxy before HTTPS_PROXY, …). */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY']

let proxyEnvironment: Environment | undefined
let proxyModule: Promise<typeof import('./proxy.js')> | undefined

/**
 * Routes every later sendHttp through the proxy `env` names (https_proxy/HTTPS_PROXY,
 * http_proxy/HTTP_PROXY, no_proxy/NO_PROXY; the runner's environment). Without any proxy variable
 * nothing changes and no proxy code is loaded.
 */
export function configureProxy(env: Environment): void {
  const picked: Environment = {}
  for (const name of [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES]) if (env[name]) picked[name] = env[name]
  proxyEnvironment = PROXY_VARIABLES.some((name) => picked[name]) ? picked : undefined
}

/**
 * The no_proxy value under which npm's proxy agent (beneath sigstore-js and tuf-js, which read the
 * proxy variables themselves) reaches `urls` as configureProxy's rules do; undefined when no proxy
 * is configured, and then the proxy code is not loaded.
 */
export async function noProxyForNpmAgent(urls: readonly URL[]): Promise<string | undefined> {
  const env = proxyEnvironment
  if (env === undefined) return undefined
  return (await (proxyModule ??= import('./proxy.js'))).noProxyForNpmAgent(urls, env)
}

type Route = ((headers: Record<string, string>) => ProxyRoute) | undefined

/** Runs `send` with the route through the runner's proxy for this request, if one applies (the proxy code is loaded only then). */
function viaProxy<T>(request: Pick<HttpRequest, 'url' | 'method'>, send: (route: Route) => Promise<T>): Promise<T> {
  const env = proxyEnvironment
  if (env === undefined) return send(undefined)
  return (proxyModule ??= import('./proxy.js')).then((proxy) => {
    const via = proxy.proxyFor(request.url, env)
    return send(via && ((headers) => proxy.proxyRoute(request.url, via, request.method, headers)))
  })
}

export function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  return viaProxy(request, (route) => exchange(request, route))
}

function exchange(request: HttpRequest, route: Route): Promise<HttpResponse> {
  const { url } = request
  const isHttps = url.protocol === 'https:'
  const transport = isHttps ? https : http
  const maxResponseBytes = request.maxResponseBytes ?? 8 * 1024 * 1024
  const idleTimeoutMs = request.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const deadlineMs = request.deadlineMs ?? DEFAULT_DEADLINE_MS

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false
    let deadlineTimer: NodeJS.Timeout | undefined
    const fail = (error: unknown): void => {
      if (settled) return
      settled = true
      clearTimeout(deadlineTimer)
      const code = (error as { code?: string }).code
      const reason = describeCertificateFailure(error, url.hostname) ?? proxyReason(error) ?? (error as Error).message
      reject(new HttpConnectionError(`${request.method} ${redactUrl(url)}: ${reason}`, code, { cause: error }))
    }

    const headers: Record<string, string> = { 'User-Agent': 'digest-release', ...request.headers }
    if (Buffer.isBuffer(request.body)) headers['Content-Length'] = String(request.body.length)
    else if (request.body === undefined && ['PUT', 'POST', 'PATCH'].includes(request.method)) headers['Content-Length'] = '0'

    const proxied = route?.(headers)
    const req = proxied
      ? proxied.transport.request(proxied.options)
      : transport.request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http })
    // A plain-http request through a proxy that fails before its socket connects failed at the proxy.
    let connected = false
    const proxyReason = (error: unknown): string | undefined => {
      if (!proxied) return undefined
      if ((error as { proxy?: unknown }).proxy) return (error as Error).message
      if (proxied.options.agent instanceof https.Agent && isHttps) return undefined
      return connected ? undefined : `cannot reach the proxy ${proxied.proxy.protocol}//${proxied.proxy.host}: ${(error as Error).message}`
    }

    if (Number.isFinite(deadlineMs)) {
      deadlineTimer = setTimeout(() => {
        const seconds = Math.round(deadlineMs / 100) / 10
        const error = Object.assign(new Error(`the server was too slow: no complete answer within ${seconds}s (the request's deadline)`), {
          code: DEADLINE_CODE,
          deadlineMs
        })
        fail(error)
        req.destroy(error)
      }, deadlineMs)
    }

    const connectTimer = setTimeout(() => {
      const error = Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000}s`), { code: 'ETIMEDOUT' })
      req.destroy(error)
    }, CONNECT_TIMEOUT_MS)
    req.on('socket', (socket) => {
      const onConnect = (): void => {
        connected = true
        clearTimeout(connectTimer)
      }
      if (!socket.connecting) onConnect()
      else socket.once('connect', onConnect)
    })
    req.setTimeout(idleTimeoutMs, () => {
      req.destroy(Object.assign(new Error(`no data moved for ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' }))
    })
    req.on('error', (error) => {
      clearTimeout(connectTimer)
      fail(error)
    })
    req.on('response', (res) => {
      clearTimeout(connectTimer)
      const chunks: Buffer[] = []
      let kept = 0
      res.on('data', (chunk: Buffer) => {
        if (kept < maxResponseBytes) {
          chunks.push(chunk)
          kept += chunk.length
        }
      })
      res.on('error', fail)
      res.on('aborted', () => fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })))
      res.on('end', () => {
        if (settled) return
        settled = true
        clearTimeout(deadlineTimer)
        // The request body may still be streaming when a server answers early (an error): stop it.
        if (request.body && !Buffer.isBuffer(request.body)) request.body.unpipe?.(req)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url })
      })
    })

    if (request.body === undefined) req.end()
    else if (Buffer.isBuffer(request.body)) req.end(request.body)
    else {
      const body = request.body
      body.on('error', (error) => req.destroy(error))
      body.pipe(req)
    }
  })
}

/** An answer whose body is still arriving: read it (or destroy it) to free the connection. */
export interface HttpStreamResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body as it arrives; it fails with an HttpConnectionError on a deadline, an idle timeout or a drop. */
  body: Readable
  url: URL
}

/**
 * Like sendHttp, but settles as soon as the answer's headers arrive and hands over the body as a
 * stream (a blob GET copied to another registry, never held in memory). The connect timer, the
 * idle timer and the overall deadline keep running until the body has been read to its end.
 */
export function openHttp(request: Omit<HttpRequest, 'maxResponseBytes' | 'body'>): Promise<HttpStreamResponse> {
  return viaProxy(request, (route) => openExchange(request, route))
}

function openExchange(request: Omit<HttpRequest, 'maxResponseBytes' | 'body'>, route: Route): Promise<HttpStreamResponse> {
  const { url } = request
  const isHttps = url.protocol === 'https:'
  const transport = isHttps ? https : http
  const idleTimeoutMs = request.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const deadlineMs = request.deadlineMs ?? DEFAULT_DEADLINE_MS

  return new Promise<HttpStreamResponse>((resolve, reject) => {
    let settled = false
    let deadlineTimer: NodeJS.Timeout | undefined
    let response: http.IncomingMessage | undefined
    const wrap = (error: unknown): HttpConnectionError =>
      error instanceof HttpConnectionError
        ? error
        : new HttpConnectionError(
            `${request.method} ${redactUrl(url)}: ${describeCertificateFailure(error, url.hostname) ?? (error as Error).message}`,
            (error as { code?: string }).code,
            { cause: error }
          )
    const fail = (error: unknown): void => {
      clearTimeout(deadlineTimer)
      // Before the headers, the promise fails; after them, the body stream does.
      if (!settled) {
        settled = true
        reject(wrap(error))
      } else if (response && !response.destroyed) response.destroy(wrap(error))
    }

    const headers: Record<string, string> = { 'User-Agent': 'digest-release', ...request.headers }
    const proxied = route?.(headers)
    const req = proxied
      ? proxied.transport.request(proxied.options)
      : transport.request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http })

    if (Number.isFinite(deadlineMs)) {
      deadlineTimer = setTimeout(() => {
        const seconds = Math.round(deadlineMs / 100) / 10
        const error = Object.assign(new Error(`the server was too slow: no complete answer within ${seconds}s (the request's deadline)`), {
          code: DEADLINE_CODE,
          deadlineMs
        })
        fail(error)
        req.destroy(error)
      }, deadlineMs)
    }
    const connectTimer = setTimeout(() => {
      req.destroy(Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000}s`), { code: 'ETIMEDOUT' }))
    }, CONNECT_TIMEOUT_MS)
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer)
      else socket.once('connect', () => clearTimeout(connectTimer))
    })
    req.setTimeout(idleTimeoutMs, () => {
      const error = Object.assign(new Error(`no data moved for ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' })
      fail(error)
      req.destroy(error)
    })
    req.on('error', (error) => {
      clearTimeout(connectTimer)
      fail(error)
    })
    req.on('response', (res) => {
      clearTimeout(connectTimer)
      response = res
      res.on('aborted', () => fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })))
      res.on('end', () => clearTimeout(deadlineTimer))
      res.on('close', () => clearTimeout(deadlineTimer))
      settled = true
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url })
    })
    req.end()
  })
}

/** Reads a streamed answer's body (up to maxBytes; the rest is read and dropped) into an HttpResponse. */
export async function bufferHttp(response: HttpStreamResponse, maxBytes = 64 * 1024): Promise<HttpResponse> {
  const chunks: Buffer[] = []
  let kept = 0
  for await (const chunk of response.body) {
    if (kept < maxBytes) {
      chunks.push(chunk as Buffer)
      kept += (chunk as Buffer).length
    }
  }
  return { status: response.status, headers: response.headers, body: Buffer.concat(chunks), url: response.url }
}

const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE'
])
const EXPIRED_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])

/** Whether `error` (or the HttpConnectionError around it) is a certificate the client does not accept: retrying cannot help. */
export function isCertificateError(error: unknown): boolean {
  const cause = error instanceof HttpConnectionError ? error.cause : error
  const code = (cause as { code?: string } | undefined)?.code
  return code !== undefined && (UNTRUSTED_CODES.has(code) || EXPIRED_CODES.has(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID')
}

/**
 * What a TLS certificate failure means for `host`, with the fix; undefined for other errors.
 * A private CA (or a proxy that inspects TLS and re-signs) is trusted through NODE_EXTRA_CA_CERTS.
 */
export function describeCertificateFailure(error: unknown, host: string): string | undefined {
  const cause = error instanceof HttpConnectionError ? error.cause : error
  const code = (cause as { code?: string } | undefined)?.code
  if (code === undefined) return undefined
  const detail = `${code}: ${(cause as Error).message}`
  if (UNTRUSTED_CODES.has(code))
    return (
      `the certificate of ${host} is not trusted (${detail}); if ${host} (or a proxy that inspects TLS) uses a private CA, ` +
      `set NODE_EXTRA_CA_CERTS to that CA's PEM file in the step's env (Node reads it at start)`
    )
  if (EXPIRED_CODES.has(code))
    return (
      `the certificate of ${host} is not trusted: it is outside its validity period (${detail}); ${host} must renew it ` +
      `(NODE_EXTRA_CA_CERTS adds CAs, it cannot make an expired certificate valid)`
    )
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the certificate of ${host} is not trusted: it is not issued for ${host} (${detail})`
  return undefined
}

/** A URL fit for a log line: query strings of upload sessions can carry state tokens. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href)
  copy.username = ''
  copy.password = ''
  for (const key of [...copy.searchParams.keys()]) {
    if (key.startsWith('_')) copy.searchParams.set(key, '…')
  }
  return copy.href
}
