// git through the runner's proxy: the Git class hands git `http.<origin>/.proxy` (git's HTTP layer
// ignores upper-case HTTP_PROXY), and NO_PROXY sends a remote around it. The remote is named
// git.test, which only Squid resolves: a fetch that works went through the proxy.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Git, gitProxy } from '../../src/gitops/git.js'
import { silentLogger } from '../../src/net/logger.js'
import { startGitServer, type GitServer } from '../harness/git-server.js'
import { startSquid, squidAvailable, type SquidProxy } from '../harness/squid.js'

const skip = squidAvailable() ? false : 'Squid (/usr/sbin/squid) is not installed'
const TOKEN = 'ghs_proxyTestToken0123456789'
let squid: SquidProxy
let server: GitServer
let work: string

/** The test process's environment without any proxy setting of the machine running the tests. */
function environment(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env }
  for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY', 'all_proxy', 'ALL_PROXY'])
    delete env[name]
  return { ...env, ...extra }
}

before(async () => {
  if (skip) return
  work = await mkdtemp(join(tmpdir(), 'dr-git-proxy-'))
  squid = await startSquid({ names: ['git.test'] })
  server = await startGitServer({ token: TOKEN })
  await server.createRepository('team/deploy', { 'app.yaml': 'image: x\n' })
})

after(async () => {
  await server?.close()
  await squid?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

function remote(): string {
  return `${server.url.replace('127.0.0.1', 'git.test')}/team/deploy.git`
}

test('gitProxy: the proxy for the remote, "" around it, nothing without proxy variables', () => {
  assert.equal(gitProxy('https://github.com/o/r.git', { HTTPS_PROXY: 'http://proxy:3128' }), 'http://proxy:3128/')
  assert.equal(gitProxy('https://github.com/o/r.git', { https_proxy: 'proxy:3128' }), 'http://proxy:3128/')
  assert.equal(gitProxy('http://git.test/o/r.git', { HTTP_PROXY: 'http://proxy:3128' }), 'http://proxy:3128/')
  assert.equal(gitProxy('https://github.com/o/r.git', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'github.com' }), '')
  assert.equal(gitProxy('https://api.github.com/o/r.git', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.github.com' }), '')
  assert.equal(gitProxy('https://github.com/o/r.git', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'github.com:443' }), '')
  assert.equal(gitProxy('https://127.0.0.1:8080/o/r.git', { HTTPS_PROXY: 'http://proxy:3128' }), '', 'loopback goes direct')
  assert.equal(gitProxy('https://github.com/o/r.git', { HTTP_PROXY: 'http://proxy:3128' }), undefined, 'no variable for https')
  assert.equal(gitProxy('https://github.com/o/r.git', {}), undefined)
})

test('git ls-remote and clone go through the proxy named by upper-case HTTP_PROXY alone, with the token', { skip }, async () => {
  const git = new Git({
    cwd: work,
    remoteUrl: remote(),
    token: TOKEN,
    environment: environment({ HTTP_PROXY: squid.url }),
    logger: silentLogger
  })
  const refs = await git.run(['ls-remote', remote(), 'refs/heads/main'])
  assert.match(refs, /^[0-9a-f]{40}\trefs\/heads\/main$/m)
  await git.run(['clone', '--quiet', remote(), join(work, 'clone')])
  assert.equal(await readFile(join(work, 'clone', 'app.yaml'), 'utf8'), 'image: x\n')

  const log = await squid.accessLog()
  const port = new URL(server.url).port
  assert.ok(
    log.some((line) => line.includes(` GET http://git.test:${port}/team/deploy.git/info/refs?service=git-upload-pack `)),
    log.join('\n')
  )
  assert.ok(log.some((line) => line.includes(` POST http://git.test:${port}/team/deploy.git/git-upload-pack `)))
  assert.ok(
    server.requests.some((r) => r.authorization === `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`),
    'the token reached the server through the proxy'
  )
})

test('NO_PROXY sends git around the proxy, even when git would read the lower-case variable itself', { skip }, async () => {
  const before = (await squid.accessLog()).length
  const git = new Git({
    cwd: work,
    remoteUrl: remote(),
    token: TOKEN,
    environment: environment({ http_proxy: squid.url, HTTP_PROXY: squid.url, NO_PROXY: 'git.test' }),
    logger: silentLogger
  })
  const result = await git.tryRun(['ls-remote', remote()])
  assert.notEqual(result.exitCode, 0)
  assert.match(result.stderr, /Could not resolve host: git\.test/, 'git went direct, where git.test does not resolve')
  assert.equal((await squid.accessLog()).length, before, 'the proxy saw nothing')
})

test('a password in the proxy URL is redacted from what git prints', () => {
  const git = new Git({
    cwd: tmpdir(),
    remoteUrl: 'https://github.com/o/r.git',
    token: '',
    environment: { HTTPS_PROXY: 'http://user:s3cr%40t@proxy:3128' },
    logger: silentLogger
  })
  assert.equal(git.redact('proxy http://user:s3cr%40t@proxy:3128 said s3cr@t'), 'proxy http://user:***@proxy:3128 said ***')
})
