// A small HTTP layer over node:http/https: keep-alive agents, request bodies streamed with
// backpressure, bounded response bodies, connect and idle timeouts.
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'

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

export function sendHttp(request: HttpRequest): Promise<HttpResponse> {
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
      reject(new HttpConnectionError(`${request.method} ${redactUrl(url)}: ${(error as Error).message}`, code, { cause: error }))
    }

    const headers: Record<string, string> = { 'User-Agent': 'digest-release', ...request.headers }
    if (Buffer.isBuffer(request.body)) headers['Content-Length'] = String(request.body.length)
    else if (request.body === undefined && ['PUT', 'POST', 'PATCH'].includes(request.method)) headers['Content-Length'] = '0'

    const req = transport.request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http })

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
      if (!socket.connecting) clearTimeout(connectTimer)
      else socket.once('connect', () => clearTimeout(connectTimer))
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
        : new HttpConnectionError(`${request.method} ${redactUrl(url)}: ${(error as Error).message}`, (error as { code?: string }).code, {
            cause: error
          })
    const fail = (error: unknown): void => {
      clearTimeout(deadlineTimer)
      // Before the headers, the promise fails; after them, the body stream does.
      if (!settled) {
        settled = true
        reject(wrap(error))
      } else if (response && !response.destroyed) response.destroy(wrap(error))
    }

    const headers: Record<string, string> = { 'User-Agent': 'digest-release', ...request.headers }
    const req = transport.request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http })

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
