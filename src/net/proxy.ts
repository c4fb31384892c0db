// Which proxy a URL goes through, and the agents that go through it. Which proxy: by the rules of the Actions toolkit (@actions/http-client's
// proxy module, which the runner's own tools follow), applied to an environment given as a
// parameter: only src/action reads the environment. test/net/proxy.test.ts checks these answers
// against the toolkit's getProxyUrl/checkBypass case by case.
//
// - https targets use https_proxy, else HTTPS_PROXY; http targets http_proxy, else HTTP_PROXY.
//   A value without a scheme means http:// (`proxy.corp:3128` too, which the toolkit misreads).
// - Loopback hosts (localhost, 127.*, [::1]) never go through a proxy.
// - no_proxy, else NO_PROXY: comma-separated, case-insensitive; `*` bypasses everything; an entry
//   matches the host, the host with its port (`host:port`, the port defaulting to 80/443), and any
//   name under it (`example.com` and `.example.com` both match `a.example.com`).

import http from 'node:http'
import https from 'node:https'
import { isIP, isIPv6 } from 'node:net'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'

export type Environment = Record<string, string | undefined>

/** The proxy `url` goes through under `env`, or undefined when it goes direct. */
export function proxyFor(url: URL, env: Environment): URL | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (bypassesProxy(url, env)) return undefined
  const value = url.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY
  return value ? parseProxyUrl(value) : undefined
}

/** Whether `url` goes around any proxy: a loopback host, or a match in no_proxy/NO_PROXY. */
export function bypassesProxy(url: URL, env: Environment): boolean {
  if (!url.hostname) return false
  const host = url.hostname.toUpperCase()
  if (isLoopback(host)) return true
  const noProxy = env.no_proxy || env.NO_PROXY || ''
  if (!noProxy) return false
  const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : url.protocol === 'https:' ? 443 : undefined
  const candidates = port === undefined ? [host] : [host, `${host}:${port}`]
  return noProxy
    .split(',')
    .map((entry) => entry.trim().toUpperCase())
    .filter(Boolean)
    .some(
      (entry) =>
        entry === '*' || candidates.some((c) => c === entry || c.endsWith(`.${entry}`) || (entry.startsWith('.') && c.endsWith(entry)))
    )
}

/**
 * A proxy variable's value as a URL. A value without a scheme means http://. Unlike the toolkit,
 * `proxy.corp:3128` is read as that host and port (the toolkit takes `proxy.corp:` for a scheme).
 */
export function parseProxyUrl(value: string): URL | undefined {
  const trimmed = value.trim()
  for (const candidate of trimmed.includes('://') ? [trimmed] : [trimmed, `http://${trimmed}`]) {
    try {
      const url = new URL(candidate)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url
    } catch {
      // try with a scheme
    }
  }
  return undefined
}

/** `Basic …` for a proxy URL carrying a user (percent-decoded, as the toolkit does), or undefined. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined
  const user = decodeURIComponent(proxy.username)
  const password = decodeURIComponent(proxy.password)
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/** A proxy URL fit for a log line or an error: no credentials. */
export function describeProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`
}

function isLoopback(upperHost: string): boolean {
  return (
    upperHost === 'LOCALHOST' || upperHost.startsWith('127.') || upperHost.startsWith('[::1]') || upperHost.startsWith('[0:0:0:0:0:0:0:1]')
  )
}

/** How one request goes through a proxy: the module and options for `request(options)`. */
export interface ProxyRoute {
  proxy: URL
  transport: typeof http | typeof https
  options: http.RequestOptions
}

/**
 * The route of a request to `url` through `proxy`: an https target through an HTTP CONNECT tunnel
 * (one keep-alive agent per proxy, which pools the tunnelled TLS connections per target); a plain
 * http target as an absolute-form request to the proxy, over a keep-alive agent of its own.
 */
export function proxyRoute(url: URL, proxy: URL, method: string, headers: Record<string, string>): ProxyRoute {
  const agents = agentsFor(proxy)
  if (url.protocol === 'https:') {
    return {
      proxy,
      transport: https,
      options: {
        protocol: 'https:',
        hostname: url.hostname,
        port: url.port || 443,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        agent: agents.tunnel
      }
    }
  }
  const authorization = proxyAuthorization(proxy)
  return {
    proxy,
    transport: proxy.protocol === 'https:' ? https : http,
    options: {
      protocol: proxy.protocol,
      hostname: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      path: url.href.replace(/#.*$/, ''),
      method,
      headers: { Host: url.host, ...headers, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) },
      agent: agents.forward
    }
  }
}

/** A failure on the way to or through the proxy (not the target's): its message names the proxy. */
export class ProxyError extends Error {
  override name = 'ProxyError'
  constructor(
    message: string,
    readonly code: string,
    readonly proxy: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export const TUNNEL_TIMEOUT_MS = 15_000

interface ProxyAgents {
  tunnel: https.Agent
  forward: http.Agent
}

const agentsByProxy = new Map<string, ProxyAgents>()

function agentsFor(proxy: URL): ProxyAgents {
  const key = proxy.href
  let agents = agentsByProxy.get(key)
  if (!agents) {
    agents = {
      tunnel: new TunnelAgent(proxy),
      forward:
        proxy.protocol === 'https:'
          ? new https.Agent({ keepAlive: true, maxSockets: 16 })
          : new http.Agent({ keepAlive: true, maxSockets: 16 })
    }
    agentsByProxy.set(key, agents)
  }
  return agents
}

/** An https.Agent whose connections are TLS over a CONNECT tunnel; keep-alive pools them per target. */
class TunnelAgent extends https.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: true, maxSockets: 16 })
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void
  ): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? 'localhost'
    const port = Number(options.port ?? 443)
    openTunnel(this.proxy, host, port).then(
      (socket) => {
        const tlsOptions = options as tls.ConnectionOptions
        const servername = tlsOptions.servername || (isIP(host) ? undefined : host)
        callback?.(null, tls.connect({ ...tlsOptions, host, port, socket, servername }))
      },
      (error: Error) => callback?.(error, undefined as unknown as Duplex)
    )
    return undefined
  }
}

/** A connection to `host:port` through the proxy's CONNECT method. */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs = TUNNEL_TIMEOUT_MS): Promise<Duplex> {
  const target = `${isIPv6(host) ? `[${host}]` : host}:${port}`
  const authorization = proxyAuthorization(proxy)
  const named = describeProxy(proxy)
  return new Promise((resolve, reject) => {
    const request = (proxy.protocol === 'https:' ? https : http).request({
      protocol: proxy.protocol,
      hostname: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: { Host: target, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) },
      agent: false
    })
    const timer = setTimeout(() => {
      request.destroy(new ProxyError(`the proxy ${named} opened no tunnel to ${target} within ${timeoutMs / 1000}s`, 'ETIMEDOUT', named))
    }, timeoutMs)
    request.once('connect', (response, socket, head) => {
      clearTimeout(timer)
      if (response.statusCode !== 200) {
        socket.destroy()
        const status = `${response.statusCode} ${response.statusMessage ?? ''}`.trim()
        const hint =
          response.statusCode === 407 ? ' (the proxy wants credentials: give them in the proxy URL, http://user:password@host:port)' : ''
        reject(new ProxyError(`the proxy ${named} refused a tunnel to ${target}: ${status}${hint}`, 'EPROXY', named))
        return
      }
      if (head.length > 0) socket.unshift(head)
      resolve(socket)
    })
    request.once('response', (response) => {
      // A proxy answering CONNECT with a body-bearing response and no upgrade: not a tunnel.
      clearTimeout(timer)
      response.resume()
      reject(new ProxyError(`the proxy ${named} answered CONNECT ${target} with ${response.statusCode}`, 'EPROXY', named))
    })
    request.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer)
      reject(
        error instanceof ProxyError
          ? error
          : new ProxyError(`cannot reach the proxy ${named}: ${error.message}`, error.code ?? 'ECONNRESET', named, { cause: error })
      )
    })
    request.end()
  })
}

/**
 * The no_proxy value under which npm's proxy agent (@npmcli/agent, beneath sigstore-js's and
 * tuf-js's fetch) reaches `urls` the way these rules do. That agent reads the proxy variables
 * itself, case-insensitively, once: it matches no_proxy entries by host suffix only (no
 * `host:port`, no `*`), never exempts loopback, and uses https_proxy even for http: URLs. Where
 * these rules send a URL around the proxy, its host is added, so both agree.
 */
export function noProxyForNpmAgent(urls: readonly URL[], env: Environment): string {
  const entries = (env.no_proxy || env.NO_PROXY || '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const url of urls) if (!proxyFor(url, env) && !entries.includes(url.hostname)) entries.push(url.hostname)
  return entries.join(',')
}
