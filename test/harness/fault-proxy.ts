// An HTTP proxy between the action and the registry that injects faults: connections reset in the
// middle of an upload, 503s, 429s with Retry-After. Each rule fires a bounded number of times.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Forward, and add these headers to the registry's answer. */
  | { kind: 'add-headers'; headers: Record<string, string> }
  /** Forward, then cut both connections after this many request-body bytes. */
  | { kind: 'reset-after'; bytes: number }

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
      fault: rule
        ? rule.fault.kind === 'status'
          ? String(rule.fault.status)
          : rule.fault.kind === 'add-headers'
            ? 'headers'
            : 'reset'
        : undefined
    })

    if (rule?.fault.kind === 'status') {
      req.resume()
      res.writeHead(rule.fault.status, { 'Content-Type': 'application/json', ...rule.fault.headers })
      res.end(rule.fault.body ?? JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected fault' }] }))
      return
    }

    const added = rule?.fault.kind === 'add-headers' ? rule.fault.headers : {}
    const upstream = http.request({ host: targetHost, port: Number(targetPort), method, path, headers: req.headers }, (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...added })
      upstreamRes.pipe(res)
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
