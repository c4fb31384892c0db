// One signed release with a deploy pull request, through the bundled action, on a runner whose only
// way out is a forward proxy (Debian's Squid on loopback) named by the upper-case variables alone.
// Every service is addressed by a `*.test` name that only Squid resolves (through its own hosts
// file), so a request that reached a server by name went through the proxy:
//
//   registry   https://registry.test:<port>  (TLS front with a test CA, NODE_EXTRA_CA_CERTS)  our HTTP layer, CONNECT
//   OIDC       https://oidc.test:<port>      (TLS front; ACTIONS_ID_TOKEN_REQUEST_URL)         @actions/http-client, CONNECT
//   Sigstore   http://sigstore.test:<port>   (Fulcio, Rekor, TSA)                              sigstore-js (make-fetch-happen), absolute URI
//   GitHub API http://api.test:<port>        (GITHUB_API_URL, GITHUB_GRAPHQL_URL)               our HTTP layer, absolute URI
//   git        http://git.test:<port>        (GITHUB_SERVER_URL, the deploy remote)             git with http.<origin>/.proxy, absolute URI
//
// Each library picks its proxy its own way (see src/net/proxy.ts for ours): the test holds them all
// to the runner's rules. runAction() gives the action PATH and HOME from this process and nothing
// else, so no lower-case proxy variable of the machine reaches it: only what is given here.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startRegistry } from '../harness/registry.js'
import { startHostileFront } from '../harness/hostile-front.js'
import { makeTestCertificates, type TestCertificates } from '../harness/tls.js'
import { startSquid, squidAvailable, SQUID } from '../harness/squid.js'
import { startGitServer } from '../harness/git-server.js'
import { startGitHubApi } from '../harness/github-api.js'
import { startOidcProvider } from '../harness/oidc.js'
import { startSigstore } from '../harness/sigstore.js'
import { runAction } from '../harness/action.js'
import { writeLayout, randomLayer } from '../harness/layouts.js'
import { verifySigstoreBundle } from '../harness/verify.js'
import { runnerEnv } from '../harness/inputs.js'
import { testScope } from '../harness/scope.js'
import { deploymentYaml } from '../harness/deploy-files.js'

const TOKEN = 'proxy-release-token'
const scope = testScope()
const work = scope.tempDir('dr-proxy-release-')
let certificates: TestCertificates
const squid = scope.server(async () => {
  if (!squidAvailable()) throw new Error(`Squid (${SQUID}) is not installed: apt-get install -y squid`)
  certificates = await makeTestCertificates(work, ['registry.test', 'oidc.test'])
  return startSquid({ names: ['registry.test', 'oidc.test', 'sigstore.test', 'api.test', 'git.test'] })
})
const registry = scope.server(() => startRegistry())
const registryFront = scope.server(() => startHostileFront(registry.host, {}, { tls: certificates, hostname: 'registry.test' }))
const oidc = scope.server(() => startOidcProvider())
const oidcFront = scope.server(() => startHostileFront(new URL(oidc.issuer).host, {}, { tls: certificates, hostname: 'oidc.test' }))
const sigstore = scope.server(() => startSigstore())
const git = scope.server(() => startGitServer({ token: TOKEN }))
const api = scope.server(() => startGitHubApi({ token: TOKEN }))

/** `url` with its host (127.0.0.1) renamed, keeping the port. */
const renamed = (url: string, host: string): string => url.replace('//127.0.0.1:', `//${host}:`)

const deployment = deploymentYaml

/** A runner on the proxied network: every host by its `.test` name, the proxy in HTTPS_PROXY and HTTP_PROXY only. */
function proxiedRunner(extra: Record<string, string> = {}): Record<string, string> {
  const apiUrl = renamed(api.url, 'api.test')
  const env: Record<string, string> = {
    ...runnerEnv({ git: { url: renamed(git.url, 'git.test') }, api: { url: apiUrl, graphqlUrl: `${apiUrl}/graphql` } }),
    ...oidc.env(),
    ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl.replace(new URL(oidc.issuer).origin, `https://oidc.test:${oidcFront.port}`),
    NODE_EXTRA_CA_CERTS: certificates.caFile,
    HTTPS_PROXY: squid.url,
    HTTP_PROXY: squid.url,
    ...extra
  }
  for (const name of ['https_proxy', 'http_proxy', 'no_proxy', 'all_proxy', 'ALL_PROXY'])
    assert.equal(env[name], undefined, `${name} is not set: the upper-case variables alone name the proxy`)
  return env
}

/** The release's inputs: sign, provenance, tags, GitHub attestations, a deploy pull request with auto-merge. */
async function releaseInputs(name: string, sigstoreHost: string): Promise<Record<string, string>> {
  const image = `registry.test:${registryFront.port}/octo-org/${name}`
  await git.createRepository(`octo-org/${name}-deploy`, { 'apps/app.yaml': deployment(`${image}:v0.9.0`) })
  api.addRepository('octo-org', `${name}-deploy`, { defaultBranch: 'main' })
  api.addRepository('octo-org', 'app', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, name), { images: [{ layers: [randomLayer(4000)] }] })
  return {
    layout: layout.dir,
    image,
    tags: 'v1.0.0',
    provenance: 'true',
    sbom: 'none',
    'signature-format': 'bundle',
    'fulcio-url': renamed(sigstore.fulcioUrl, sigstoreHost),
    'rekor-url': renamed(sigstore.rekorUrl, sigstoreHost),
    'tsa-url': renamed(sigstore.tsaUrl, sigstoreHost),
    'trusted-root': sigstore.trustedRootPath,
    'github-token': TOKEN,
    'deploy-repository': `octo-org/${name}-deploy`,
    'deploy-token': TOKEN,
    'auto-merge': 'squash'
  }
}

/** Squid logs a request when it ends (a tunnel when it closes): waits until `done` holds for the log, or 5 s. */
async function settledLog(done: (lines: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 5000
  for (;;) {
    const lines = await squid.accessLog()
    if (done(lines) || Date.now() > deadline) return lines
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Access-log lines as `METHOD URL` (`CONNECT host:port` for a tunnel), from `from` on. */
const requestsIn = (lines: string[], from = 0): string[] =>
  lines.slice(from).map((line) => {
    const fields = line.split(' ')
    return `${fields[3]} ${fields[4]}`
  })

/** Whether the release succeeded end to end: outputs, the verifying signature and provenance, the pull request. */
async function assertReleased(run: Awaited<ReturnType<typeof runAction>>, name: string): Promise<void> {
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  const digest = run.outputs.digest
  assert.match(digest, /^sha256:[0-9a-f]{64}$/)
  assert.equal(run.outputs['tags-created'], 'v1.0.0')
  for (const output of ['signature-bundle-path', 'provenance-bundle-path']) {
    const bundle = JSON.parse(await readFile(run.outputs[output], 'utf8'))
    assert.equal(bundle.verificationMaterial.tlogEntries.length, 1, `${output}: logged in Rekor`)
    assert.equal(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1, `${output}: timestamped`)
    await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: digest })
  }
  assert.equal(run.outputs['pull-request-operation'], 'created')
  const [pull] = api.repository('octo-org', `${name}-deploy`).pulls
  assert.equal(run.outputs['pull-request-url'], `http://github.test/octo-org/${name}-deploy/pull/${pull.number}`)
  assert.equal(pull.autoMerge, 'SQUASH')
  const patched = (await git.readFile(`octo-org/${name}-deploy`, run.outputs['deploy-branch'], 'apps/app.yaml')).toString()
  assert.equal(patched, deployment(`registry.test:${registryFront.port}/octo-org/${name}:v1.0.0@${digest}`))
  assert.ok(run.outputs['attestation-ids'], 'the attestations were stored through the GitHub API')
  assert.deepEqual(api.violations, [])
}

const bases = () => ({
  sigstore: `http://sigstore.test:${new URL(sigstore.fulcioUrl).port}`,
  api: `http://api.test:${new URL(api.url).port}`,
  git: `http://git.test:${new URL(git.url).port}`
})

/** What a release of octo-org/<name> sends through the proxy: tunnels to the HTTPS services, each plain-HTTP call by its absolute URI. */
function expectedThrough(name: string, options: { sigstore: boolean }): string[] {
  const base = bases()
  return [
    `CONNECT registry.test:${registryFront.port}`,
    `CONNECT oidc.test:${oidcFront.port}`,
    ...(options.sigstore
      ? [
          `POST ${base.sigstore}/fulcio/api/v2/signingCert`,
          `POST ${base.sigstore}/rekor/api/v1/log/entries`,
          `POST ${base.sigstore}/tsa/api/v1/timestamp`
        ]
      : []),
    // Octokit's fetch (undici's ProxyAgent, from @actions/github) tunnels even a plain-HTTP API, as @actions/http-client does.
    `CONNECT api.test:${new URL(api.url).port}`,
    `GET ${base.git}/octo-org/${name}-deploy.git/info/refs?service=git-upload-pack`,
    `POST ${base.git}/octo-org/${name}-deploy.git/git-upload-pack`,
    `GET ${base.git}/octo-org/${name}-deploy.git/info/refs?service=git-receive-pack`,
    `POST ${base.git}/octo-org/${name}-deploy.git/git-receive-pack`
  ]
}

/** The proxy's log from `from` on, once every `expected` request is in it (or 5 s passed), as `METHOD URL` lines. */
async function throughProxy(from: number, expected: string[]): Promise<string[]> {
  const lines = await settledLog((lines) => expected.every((e) => requestsIn(lines, from).includes(e)))
  const through = requestsIn(lines, from)
  for (const request of expected) assert.ok(through.includes(request), `${request} went through the proxy:\n${through.join('\n')}`)
  return through
}

test('a signed release with a deploy pull request, every service reached through the proxy named by HTTPS_PROXY and HTTP_PROXY', async () => {
  const inputs = await releaseInputs('proxied', 'sigstore.test')
  const seen = {
    registry: registryFront.seen.length,
    oidc: oidcFront.seen.length,
    sigstore: sigstore.log.length,
    api: api.requests.length,
    git: git.requests.length
  }
  const from = (await squid.accessLog()).length
  const run = await runAction(inputs, proxiedRunner())
  await assertReleased(run, 'proxied')
  const through = await throughProxy(from, expectedThrough('proxied', { sigstore: true }))

  // Nothing but these five hosts went through it, and the HTTPS ones only as tunnels.
  for (const request of through)
    assert.match(
      request,
      /^(CONNECT (registry|oidc|api)\.test:\d+|[A-Z]+ http:\/\/(sigstore|git)\.test:\d+\/\S*)$/,
      'only the services, by name'
    )
  // Every plain-HTTP request the servers answered is one the proxy carried: none went around it.
  const count = (base: string): number => through.filter((r) => r.split(' ')[1].startsWith(`${base}/`)).length
  const base = bases()
  assert.equal(count(base.sigstore), sigstore.log.length - seen.sigstore, 'every Sigstore request')
  // The API is reached by its .test name, which only the proxy resolves: every request it answered came through a tunnel.
  assert.ok(api.requests.length - seen.api >= 4, 'the GitHub API answered the repository, pull request, attestation and GraphQL calls')
  assert.equal(count(base.api), 0, 'no GitHub API request went around a tunnel')
  assert.equal(count(base.git), git.requests.length - seen.git, 'every git request')
  // The HTTPS servers were reached by name, which only the proxy resolves.
  assert.ok(registryFront.seen.length > seen.registry && registryFront.seen.slice(seen.registry).every((r) => r.secure))
  assert.deepEqual(
    oidcFront.seen.slice(seen.oidc).map((r) => `${r.method} ${r.path.split('?')[0]} ${r.secure}`),
    ['GET /token true'],
    'one OIDC token, over TLS'
  )
})

// A host sent around the proxy must be reachable without it, so it is `localhost`, not a `.test`
// name. Our HTTP layer, git's proxy setting and @actions/http-client never send loopback to a
// proxy; sigstore-js's agent (make-fetch-happen, @npmcli/agent) would, with only HTTPS_PROXY and
// HTTP_PROXY set: its requests reach Squid, which answers 502, and signing fails after its retries.
// The action aligns that agent with the toolkit's rules before Sigstore loads, so this release
// signs directly. (NO_PROXY's own matching, host:port and `*` included, is unit-tested in
// proxy.test.ts; NO_PROXY around the proxy for a named host is proxy.integration.test.ts's.)
test('Sigstore on loopback goes direct though only the proxy is named; everything else still goes through it', async () => {
  const inputs = await releaseInputs('bypass', 'localhost')
  const sigstoreBefore = sigstore.log.length
  const from = (await squid.accessLog()).length
  const run = await runAction(inputs, proxiedRunner())
  await assertReleased(run, 'bypass')
  const through = await throughProxy(from, expectedThrough('bypass', { sigstore: false }))
  assert.deepEqual(
    through.filter((request) => /localhost|sigstore|\/(fulcio|rekor|tsa)\//.test(request)),
    [],
    'no Sigstore request went through the proxy'
  )
  const answered = sigstore.log.slice(sigstoreBefore)
  for (const service of ['fulcio', 'rekor', 'tsa'])
    assert.ok(answered.includes(`${service} 201`), `${service} answered directly: ${answered.join(', ')}`)
})
