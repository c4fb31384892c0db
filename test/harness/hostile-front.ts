// A hostile front for the real registry: it forwards to the registry and rewrites its answers
// (Location headers, WWW-Authenticate challenges, status), answers some requests itself, or
// trickles a body out one byte at a time. Every request it sees is recorded with its Authorization.
// It can speak HTTPS and plain HTTP on the same port (to play a registry that downgrades itself).
// A recording server stands in for the other hosts a hostile registry names: a token realm, a
// storage host, an upload endpoint.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  path: string
  authorization?: string
  /** Whether the request came over TLS. */
  secure: boolean
}

export interface FrontAnswer {
  status: number
  headers?: Record<string, string>
  body?: Buffer | string
  /** Send the body one byte per this many milliseconds. */
  trickleMs?: number
}

export interface UpstreamAnswer {
  status: number
  headers: http.IncomingHttpHeaders
}

export interface FrontRules {
  /** Answer a request here instead of forwarding it (undefined forwards). */
  answer?(request: SeenRequest): FrontAnswer | undefined
  /** Change the registry's status or headers on the way back (mutate `answer`). */
  rewrite?(request: SeenRequest, answer: UpstreamAnswer): void
  /** Trickle the registry's body back one byte per this many milliseconds (undefined: at once). */
  trickleMs?(request: SeenRequest): number | undefined
}

export interface HostileServer {
  host: string
  port: number
  url: string
  seen: SeenRequest[]
  close(): Promise<void>
}

export interface TlsIdentity {
  key: string
  cert: string
}

function record(req: http.IncomingMessage, secure: boolean): SeenRequest {
  return { method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization, secure }
}

function send(res: http.ServerResponse, answer: FrontAnswer): void {
  const body = answer.body === undefined ? Buffer.alloc(0) : Buffer.from(answer.body)
  res.writeHead(answer.status, { 'Content-Length': String(body.length), ...answer.headers })
  if (!answer.trickleMs || body.length === 0) return void res.end(body)
  trickle(res, body, answer.trickleMs)
}

function trickle(res: http.ServerResponse, body: Buffer, everyMs: number): void {
  let at = 0
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer)
    res.write(body.subarray(at, at + 1))
    at++
    if (at >= body.length) {
      clearInterval(timer)
      res.end()
    }
  }, everyMs)
  res.on('close', () => clearInterval(timer))
}

/** Serves both protocols on one port: a TLS ClientHello (0x16) goes to the HTTPS server, anything else to plain HTTP. */
async function listen(handler: http.RequestListener, tls?: TlsIdentity): Promise<{ port: number; close(): Promise<void> }> {
  const plain = http.createServer(handler)
  plain.keepAliveTimeout = 1000
  const secure = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : undefined
  if (secure) secure.keepAliveTimeout = 1000
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null
      if (!first) return void socket.destroy()
      socket.unshift(first)
      ;(secure && first[0] === 0x16 ? secure : plain).emit('connection', socket)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** Forwards to the registry at `target` (`host:port`, plain HTTP), applying `rules`. `tls` makes the front speak HTTPS too. */
export async function startHostileFront(
  target: string,
  rules: FrontRules = {},
  options: { tls?: TlsIdentity; hostname?: string } = {}
): Promise<HostileServer> {
  const seen: SeenRequest[] = []
  const [targetHost, targetPort] = target.split(':')
  const handler: http.RequestListener = (req, res) => {
    const secure = (req.socket as { encrypted?: boolean }).encrypted === true
    const request = record(req, secure)
    seen.push(request)
    const own = rules.answer?.(request)
    if (own) {
      req.resume()
      return send(res, own)
    }
    // The registry builds its Location headers from Host and X-Forwarded-Proto: it believes it is the front.
    const headers = { ...req.headers, 'x-forwarded-proto': secure ? 'https' : 'http' }
    const upstream = http.request(
      { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers },
      (upstreamRes) => {
        const answer: UpstreamAnswer = { status: upstreamRes.statusCode ?? 502, headers: { ...upstreamRes.headers } }
        rules.rewrite?.(request, answer)
        const slow = rules.trickleMs?.(request)
        if (!slow) {
          res.writeHead(answer.status, answer.headers)
          return void upstreamRes.pipe(res)
        }
        const chunks: Buffer[] = []
        upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk))
        upstreamRes.on('end', () => {
          const body = Buffer.concat(chunks)
          res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) })
          trickle(res, body, slow)
        })
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  }
  const server = await listen(handler, options.tls)
  const host = `${options.hostname ?? '127.0.0.1'}:${server.port}`
  return { host, port: server.port, url: `${options.tls ? 'https' : 'http'}://${host}`, seen, close: server.close }
}

/** A server that records every request and answers with `answer` (a token realm, a storage host, an upload endpoint). */
export async function startRecordingServer(answer: (request: SeenRequest) => FrontAnswer): Promise<HostileServer> {
  const seen: SeenRequest[] = []
  const server = await listen((req, res) => {
    const request = record(req, false)
    seen.push(request)
    req.resume()
    req.on('end', () => send(res, answer(request)))
  })
  const host = `127.0.0.1:${server.port}`
  return { host, port: server.port, url: `http://${host}`, seen, close: server.close }
}
