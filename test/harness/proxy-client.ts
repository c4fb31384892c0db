// Runs RegistryClient in a child process configured as the action is on a runner: proxy variables
// from its environment (configureProxy, as the runner context wires it) and NODE_EXTRA_CA_CERTS,
// read by Node at start. With `resolveTestNames` the child resolves `*.test` to 127.0.0.1 itself,
// so a request sent around the proxy (NO_PROXY) can still reach the server; without it only the
// proxy knows those names. Prints one JSON line: the outcome and how long it took.
// Usage: node --import tsx test/harness/proxy-client.ts '{"registry":…,"repository":…,"credential":…}'
//    or: node --import tsx test/harness/proxy-client.ts '{"get":["https://…", …]}' (sendHttp GETs, one after another)
import dns from 'node:dns'
import { randomBytes } from 'node:crypto'
import { RegistryClient } from '../../src/oci/registry/client.js'
import { configureProxy, sendHttp } from '../../src/net/http.js'

interface Job {
  registry?: string
  repository?: string
  get?: string[]
  credential?: { username: string; password: string }
  resolveTestNames?: boolean
  /** Blobs pushed one after another (the proxy should see one tunnel: keep-alive). */
  blobs?: number
}

const job = JSON.parse(process.argv[2]) as Job

if (job.resolveTestNames) {
  const realLookup = dns.lookup
  ;(dns as any).lookup = (hostname: string, options: unknown, callback: unknown): void => {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void
    const opts = (typeof options === 'object' && options) || {}
    if (!hostname.endsWith('.test')) return void (realLookup as (...args: unknown[]) => void)(hostname, options, callback)
    if ((opts as { all?: boolean }).all) return cb(null, [{ address: '127.0.0.1', family: 4 }])
    cb(null, '127.0.0.1', 4)
  }
}

configureProxy(process.env)
const started = Date.now()
try {
  if (job.get) {
    const statuses: number[] = []
    for (const url of job.get) statuses.push((await sendHttp({ method: 'GET', url: new URL(url) })).status)
    console.log(JSON.stringify({ ok: true, statuses, ms: Date.now() - started }))
    process.exit(0)
  }
  const client = new RegistryClient({ registry: job.registry ?? '', repository: job.repository ?? '', credential: job.credential })
  const digests: string[] = []
  for (let i = 0; i < (job.blobs ?? 1); i++) digests.push(await client.putBlobBytes(randomBytes(1000 + i)))
  const exists = (await Promise.all(digests.map((d) => client.blobExists(d)))).every(Boolean)
  console.log(JSON.stringify({ ok: true, digests, exists, ms: Date.now() - started }))
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: (error as Error).message, ms: Date.now() - started }))
}
