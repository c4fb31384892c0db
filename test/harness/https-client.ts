// Runs RegistryClient in a child process that trusts a test CA (NODE_EXTRA_CA_CERTS is read only at
// process start) and resolves every `*.test` name to 127.0.0.1, so an HTTPS registry can be reached
// under a name the client does not treat as loopback. Prints one JSON line: the outcome.
// Usage: node --import tsx test/harness/https-client.ts '{"registry":…,"repository":…,"credential":…,"op":"push-blob"}'
import dns from 'node:dns'
import { randomBytes } from 'node:crypto'
import { RegistryClient } from '../../src/oci/registry/client.js'

const realLookup = dns.lookup
;(dns as any).lookup = (hostname: string, options: unknown, callback: unknown): void => {
  const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void
  const opts = (typeof options === 'object' && options) || {}
  if (!hostname.endsWith('.test')) return void (realLookup as (...args: unknown[]) => void)(hostname, options, callback)
  if ((opts as { all?: boolean }).all) return cb(null, [{ address: '127.0.0.1', family: 4 }])
  cb(null, '127.0.0.1', 4)
}

interface Job {
  registry: string
  repository: string
  credential?: { username: string; password: string }
  op: 'push-blob'
}

const job = JSON.parse(process.argv[2]) as Job
const client = new RegistryClient({
  registry: job.registry,
  repository: job.repository,
  credential: job.credential,
  retry: { attempts: 1, budgetMs: 0, baseDelayMs: 1, maxDelayMs: 1 }
})
try {
  const digest = await client.putBlobBytes(randomBytes(1000))
  console.log(JSON.stringify({ ok: true, digest, exists: await client.blobExists(digest) }))
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: (error as Error).message }))
}
