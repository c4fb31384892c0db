// A push to an HTTPS registry (the real registry behind a TLS front with a test CA, at
// registry.test:<port>) on a runner network: through a real forward proxy (Squid) named by
// upper-case HTTPS_PROXY alone, around it with NO_PROXY, and failing fast, with the fix named,
// when the registry's CA is not trusted. The client runs in a child process, as the action does:
// NODE_EXTRA_CA_CERTS is read only at process start.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import { startRegistry, type RegistryServer } from '../harness/registry.js'
import { startHostileFront, type HostileServer } from '../harness/hostile-front.js'
import { makeTestCertificates, type TestCertificates } from '../harness/tls.js'
import { startSquid, squidAvailable, type SquidProxy } from '../harness/squid.js'
import { repoRoot } from '../harness/action.js'

const skip = squidAvailable() ? false : 'Squid (/usr/sbin/squid) is not installed'
const PASSWORD = 'proxy-test-Pa55word'
const credential = { username: 'ci', password: PASSWORD }
let registry: RegistryServer
let front: HostileServer
let squid: SquidProxy
let certificates: TestCertificates
let work: string
let tunnelsSoFar = 0

before(async () => {
  if (skip) return
  work = await mkdtemp(join(tmpdir(), 'dr-proxy-'))
  certificates = await makeTestCertificates(work, ['registry.test'])
  registry = await startRegistry({ htpasswd: `ci:${bcrypt.hashSync(PASSWORD, 10)}\n` })
  front = await startHostileFront(registry.host, {}, { tls: certificates, hostname: 'registry.test' })
  squid = await startSquid({ names: ['registry.test'] })
})

after(async () => {
  await front?.close()
  await registry?.close()
  await squid?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

interface Outcome {
  ok: boolean
  error?: string
  digests?: string[]
  exists?: boolean
  ms: number
}

/** The child's environment: the test process's, without any proxy setting of the machine, plus `extra`. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY', 'NODE_EXTRA_CA_CERTS'])
    delete env[name]
  return { ...env, ...extra }
}

function push(job: { repository: string; resolveTestNames?: boolean; blobs?: number }, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return run({ registry: front.host, credential, ...job }, env)
}

function run(job: object, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/harness/proxy-client.ts'), JSON.stringify(job)], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', () => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? ''))
      } catch {
        reject(new Error(`proxy-client printed no outcome:\n${stdout}\n${stderr}`))
      }
    })
  })
}

/** Squid logs a tunnel when it closes: wait for the count to settle after the child exits. */
async function tunnelsTo(target: string, atLeast: number): Promise<number> {
  const deadline = Date.now() + 5000
  for (;;) {
    const count = (await squid.tunnels()).filter((t) => t === target).length
    if (count >= atLeast || Date.now() > deadline) return count
    await new Promise((r) => setTimeout(r, 50))
  }
}

test('a push through the proxy named by upper-case HTTPS_PROXY alone: CONNECT registry.test', { skip }, async () => {
  const outcome = await push(
    { repository: 'team/proxied', blobs: 3 },
    environment({ HTTPS_PROXY: squid.url, NODE_EXTRA_CA_CERTS: certificates.caFile })
  )
  assert.equal(outcome.ok, true, outcome.error)
  assert.equal(outcome.exists, true)
  assert.equal(outcome.digests?.length, 3)
  // The front announces `Keep-Alive: timeout=1`, too short for Node to reuse a connection: a
  // tunnel per request here (the next test shows tunnels kept alive).
  const tunnels = await tunnelsTo(front.host, front.seen.length)
  assert.ok(tunnels >= 1, `no CONNECT ${front.host} in the access log:\n${(await squid.accessLog()).join('\n')}`)
  assert.ok(front.seen.length >= 9 && front.seen.every((r) => r.secure))
  assert.ok(!(await squid.accessLog()).some((line) => / (GET|HEAD|PUT|POST) /.test(line)), 'nothing but tunnels went through the proxy')
  tunnelsSoFar = tunnels
})

test('tunnels are kept alive: three requests to one server, one CONNECT', { skip }, async () => {
  const server = https.createServer({ key: certificates.key, cert: certificates.cert }, (_req, res) => res.end('ok'))
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const port = (server.address() as AddressInfo).port
    const url = `https://registry.test:${port}/v2/`
    const outcome = (await run(
      { get: [url, url, url] },
      environment({ HTTPS_PROXY: squid.url, NODE_EXTRA_CA_CERTS: certificates.caFile })
    )) as Outcome & {
      statuses?: number[]
    }
    assert.equal(outcome.ok, true, outcome.error)
    assert.deepEqual(outcome.statuses, [200, 200, 200])
    assert.equal(await tunnelsTo(`registry.test:${port}`, 1), 1)
  } finally {
    server.closeAllConnections()
    server.close()
  }
})

test('NO_PROXY=registry.test sends the push around the proxy', { skip }, async () => {
  const before = await squid.accessLog()
  const outcome = await push(
    { repository: 'team/direct', resolveTestNames: true },
    environment({ HTTPS_PROXY: squid.url, NO_PROXY: 'registry.test', NODE_EXTRA_CA_CERTS: certificates.caFile })
  )
  assert.equal(outcome.ok, true, outcome.error)
  assert.equal(outcome.exists, true)
  await new Promise((r) => setTimeout(r, 200))
  assert.deepEqual(await squid.accessLog(), before, 'the proxy saw nothing')
})

test(
  'without the CA the push fails within seconds, not retried, naming NODE_EXTRA_CA_CERTS and insecure-registries',
  { skip },
  async () => {
    const seen = front.seen.length
    const outcome = await push({ repository: 'team/untrusted' }, environment({ HTTPS_PROXY: squid.url }))
    assert.equal(outcome.ok, false)
    assert.ok(outcome.ms < 5000, `took ${outcome.ms} ms`)
    assert.match(outcome.error ?? '', /the certificate of registry\.test is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/)
    assert.match(outcome.error ?? '', /NODE_EXTRA_CA_CERTS/)
    assert.match(outcome.error ?? '', /insecure-registries/)
    assert.equal(front.seen.length, seen, 'no request got through the TLS handshake')
    assert.equal(await tunnelsTo(front.host, tunnelsSoFar + 1), tunnelsSoFar + 1, 'one tunnel for this attempt: no retry')
  }
)
