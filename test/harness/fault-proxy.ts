// An HTTP proxy between the action and the registry that injects faults: connections reset in the
// middle of an upload, 503s, 429s with Retry-After, and answers rewritten as a hostile or broken
// registry would send them. Each rule fires a bounded number of times.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A registry's answer as the `rewrite` fault sees it and gives it back. */
export interface ProxiedAnswer {
  status: number
  /** Header names in lower case, as Node gives them; a rewrite may use any case (later names win). */
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Forward, and add these headers to the registry's answer. */
  | { kind: 'add-headers'; headers: Record<string, string> }
  /** Forward, then cut both connections after this many request-body bytes. */
  | { kind: 'reset-after'; bytes: number }
  /**
   * Forward, then answer with what `rewrite` makes of the registry's answer (e.g. a Location
   * pointing elsewhere, another WWW-Authenticate realm, an altered manifest). Content-Length is
   * set to the new body's length, except for HEAD, where the registry's stays unless rewritten.
   */
  | {
      kind: 'rewrite'
      rewrite: (answer: ProxiedAnswer, request: { method: string; path: string }) => ProxiedAnswer | Promise<ProxiedAnswer>
    }

export interface FaultRule {
  method?: string
  /** Matched against the request path. */
  path: RegExp
  fault: Fault
  /** How many times the rule fires. */
  times: number
  /** Matching requests to let through before the rule starts firing. */
  skip?: number
}

export interface ProxiedRequest {
  method: string
  path: string
  fault?: string
}

export interface FaultProxy {
  host: string
  url: string
  log: ProxiedRequest[]
  /** Runs before a matching request is forwarded (e.g. to change the registry under the action's feet). */
  before(method: string, path: RegExp, hook: () => Promise<void>): void
  close(): Promise<void>
}

/** How the log names a fired fault: the status, or `headers`, `reset`, `rewrite`. */
function faultLabel(fault: Fault): string {
  if (fault.kind === 'status') return String(fault.status)
  return { 'add-headers': 'headers', 'reset-after': 'reset', rewrite: 'rewrite' }[fault.kind]
}

export async function startFaultProxy(target: string, rules: FaultRule[]): Promise<FaultProxy> {
  const remaining = rules.map((r) => ({ ...r }))
  const log: ProxiedRequest[] = []
  const hooks: Array<{ method: string; path: RegExp; hook: () => Promise<void>; fired: boolean }> = []
  const [targetHost, targetPort] = target.split(':')

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const matching = remaining.filter((r) => r.times > 0 && (!r.method || r.method === method) && r.path.test(path))
    const rule = matching.find((r) => (r.skip ?? 0) === 0)
    for (const r of matching) if (r !== rule && (r.skip ?? 0) > 0) r.skip = (r.skip ?? 0) - 1
    for (const h of hooks) {
      if (!h.fired && h.method === method && h.path.test(path)) {
        h.fired = true
        await h.hook()
      }
    }
    if (rule) rule.times--
    log.push({
      method,
      path,
      fault: rule ? faultLabel(rule.fault) : undefined
    })

    if (rule?.fault.kind === 'status') {
      req.resume()
      res.writeHead(rule.fault.status, { 'Content-Type': 'application/json', ...rule.fault.headers })
      res.end(rule.fault.body ?? JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected fault' }] }))
      return
    }

    const added = rule?.fault.kind === 'add-headers' ? rule.fault.headers : {}
    const rewrite = rule?.fault.kind === 'rewrite' ? rule.fault.rewrite : undefined
    const upstream = http.request({ host: targetHost, port: Number(targetPort), method, path, headers: req.headers }, (upstreamRes) => {
      if (!rewrite) {
        res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...added })
        upstreamRes.pipe(res)
        return
      }
      const chunks: Buffer[] = []
      upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk))
      upstreamRes.on('error', () => res.destroy())
      upstreamRes.on('end', async () => {
        try {
          const original = { status: upstreamRes.statusCode ?? 502, headers: { ...upstreamRes.headers }, body: Buffer.concat(chunks) }
          const answer = await rewrite(original, { method, path })
          const headers: http.OutgoingHttpHeaders = {}
          for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) headers[name.toLowerCase()] = value
          delete headers['transfer-encoding']
          if (method !== 'HEAD') headers['content-length'] = String(answer.body.length)
          res.writeHead(answer.status, headers)
          res.end(method === 'HEAD' ? undefined : answer.body)
        } catch (error) {
          res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(`fault proxy: the rewrite threw: ${(error as Error).message}`)
        }
      })
    })
    upstream.on('error', () => res.destroy())
    if (rule?.fault.kind === 'reset-after') {
      const limit = rule.fault.bytes
      let seen = 0
      req.on('data', (chunk: Buffer) => {
        if (seen >= limit) return
        const take = Math.min(chunk.length, limit - seen)
        seen += take
        upstream.write(chunk.subarray(0, take))
        if (seen >= limit) {
          // Give the registry the partial body, then drop both sides as a broken network would.
          setTimeout(() => {
            upstream.destroy()
            req.socket.destroy()
          }, 50)
        }
      })
      return
    }
    req.pipe(upstream)
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    log,
    before: (method, path, hook) => hooks.push({ method, path, hook, fired: false }),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}
