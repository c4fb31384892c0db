// An HTTPS registry (the real registry behind a TLS front with a test CA) that turns hostile: it
// sends the upload to plain HTTP on its own host and port, or names a plain-HTTP token realm.
// The client runs in a child process that trusts the test CA and resolves `*.test` to loopback.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import { startRegistry, type RegistryServer } from '../../harness/registry.js'
import { startHostileFront, startRecordingServer, type FrontRules, type HostileServer } from '../../harness/hostile-front.js'
import { makeTestCertificates, type TestCertificates } from '../../harness/tls.js'
import { repoRoot } from '../../harness/action.js'

const PASSWORD = 'https-test-Pa55word'
const credential = { username: 'ci', password: PASSWORD }
let registry: RegistryServer
let certificates: TestCertificates
let work: string
const servers: HostileServer[] = []

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'dr-https-'))
  certificates = await makeTestCertificates(work, ['registry.test'])
  registry = await startRegistry({ htpasswd: `ci:${bcrypt.hashSync(PASSWORD, 10)}\n` })
})
after(async () => {
  for (const server of servers) await server.close()
  await registry?.close()
  await rm(work, { recursive: true, force: true })
})

async function front(rules: FrontRules): Promise<HostileServer> {
  const server = await startHostileFront(registry.host, rules, { tls: certificates, hostname: 'registry.test' })
  servers.push(server)
  return server
}

function pushBlob(registryHost: string, repository: string): Promise<{ ok: boolean; error?: string; digest?: string; exists?: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'test/harness/https-client.ts'),
        JSON.stringify({ registry: registryHost, repository, credential, op: 'push-blob' })
      ],
      { cwd: repoRoot, env: { ...process.env, NODE_EXTRA_CA_CERTS: certificates.caFile }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', () => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? ''))
      } catch {
        reject(new Error(`https-client printed no outcome:\n${stdout}\n${stderr}`))
      }
    })
  })
}

test('over HTTPS the client pushes with its credentials (the TLS front works)', async () => {
  const server = await front({})
  const outcome = await pushBlob(server.host, 'team/https')
  assert.equal(outcome.ok, true, outcome.error)
  assert.equal(outcome.exists, true)
  assert.ok(server.seen.every((r) => r.secure))
  assert.ok(server.seen.some((r) => r.authorization?.startsWith('Basic ')))
})

test('an upload Location downgrading the HTTPS registry to plain HTTP on its own host and port is refused; nothing goes over HTTP', async () => {
  const server = await front({
    rewrite: (request, answer) => {
      if (request.method === 'POST' && answer.status === 202 && typeof answer.headers.location === 'string')
        answer.headers.location = answer.headers.location.replace(/^https:/, 'http:')
    }
  })
  const outcome = await pushBlob(server.host, 'team/downgrade')
  assert.equal(outcome.ok, false)
  assert.match(
    outcome.error ?? '',
    /POST blobs\/uploads\/ answered with an upload Location that leads from the HTTPS registry registry\.test:\d+ to plain HTTP \(http:\/\/registry\.test:\d+\/v2\/team\/downgrade\/blobs\/uploads\/.*\); refusing the downgrade/
  )
  assert.ok(
    server.seen.some((r) => r.method === 'POST' && r.secure),
    'the upload was started over HTTPS'
  )
  assert.deepEqual(
    server.seen.filter((r) => !r.secure),
    [],
    'nothing, least of all the credentials, went over plain HTTP'
  )
})

test('an HTTPS registry naming a plain-HTTP token realm gets no credentials there', async () => {
  const realm = await startRecordingServer(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"token":"t"}' }))
  servers.push(realm)
  const server = await front({
    rewrite: (_request, answer) => {
      if (answer.status === 401)
        answer.headers['www-authenticate'] = `Bearer realm="http://auth.test:${realm.port}/token",service="registry"`
    }
  })
  const outcome = await pushBlob(server.host, 'team/http-realm')
  assert.equal(outcome.ok, false)
  assert.match(
    outcome.error ?? '',
    /the HTTPS registry named a plain-HTTP token realm \(http:\/\/auth\.test:\d+\/token\); refusing to send the credentials there unencrypted/
  )
  assert.deepEqual(realm.seen, [], 'the plain-HTTP realm was never asked')
})
