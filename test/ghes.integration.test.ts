// A release on a GitHub Enterprise Server-style runner, through the bundled action: the runner names
// the server (GITHUB_SERVER_URL), the REST API under /api/v3 (GITHUB_API_URL) and GraphQL at
// /api/graphql (GITHUB_GRAPHQL_URL), all on one host, as GHES lays them out. The stand-in is that
// host: it serves the API under those paths only (anything else under /api is a violation) and
// forwards every other path, git's smart HTTP, to the git server. The repository is private, so
// `sigstore-instance: auto` would refuse public-good on GHES: the instance (a local one standing in
// for the enterprise's own) is given explicitly, as GHES users must.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startRegistry } from './harness/registry.js'
import { startGitServer } from './harness/git-server.js'
import { startGitHubApi } from './harness/github-api.js'
import { runAction } from './harness/action.js'
import { writeLayout, randomLayer } from './harness/layouts.js'
import { startOidcProvider } from './harness/oidc.js'
import { startSigstore } from './harness/sigstore.js'
import { verifySigstoreBundle } from './harness/verify.js'
import { runnerEnv } from './harness/inputs.js'
import { testScope } from './harness/scope.js'
import { deploymentYaml } from './harness/deploy-files.js'

const TOKEN = 'ghes-deploy-token'
const scope = testScope()
const git = scope.server(() => startGitServer({ token: TOKEN }))
const ghes = scope.server(() => startGitHubApi({ token: TOKEN, enterprise: { git } }))
// The enterprise's Fulcio names the workflow on the server, as GHES's does.
const oidc = scope.server(() => startOidcProvider({ claims: { repository_visibility: 'private' }, serverUrl: ghes.serverUrl }))
const sigstore = scope.server(() => startSigstore())
const registry = scope.server(() => startRegistry())
const work = scope.tempDir('dr-ghes-')

const deployment = deploymentYaml

test('on GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql, git at the root; every URL the run reports is on the server', async () => {
  const server = ghes.serverUrl
  assert.equal(ghes.url, `${server}/api/v3`)
  assert.equal(ghes.graphqlUrl, `${server}/api/graphql`)
  const image = `${registry.host}/octo-org/app`
  await git.createRepository('octo-org/deploy', { 'apps/app.yaml': deployment(`${image}:v0.9.0`) })
  ghes.addRepository('octo-org', 'deploy', { defaultBranch: 'main' })
  ghes.addRepository('octo-org', 'app', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'layout'), { images: [{ layers: [randomLayer(4000)] }] })

  const env = runnerEnv({ oidc, git: { url: server }, api: ghes })
  assert.deepEqual(
    [env.GITHUB_SERVER_URL, env.GITHUB_API_URL, env.GITHUB_GRAPHQL_URL],
    [server, `${server}/api/v3`, `${server}/api/graphql`]
  )
  const run = await runAction(
    {
      layout: layout.dir,
      image,
      tags: 'v1.0.0',
      provenance: 'true',
      sbom: 'none',
      'signature-format': 'bundle',
      // The enterprise's own instance, laid out as GitHub's: Fulcio and a timestamp authority, no public log.
      'sigstore-instance': 'github',
      'fulcio-url': sigstore.fulcioUrl,
      'tsa-url': sigstore.tsaUrl,
      'trusted-root': sigstore.trustedRootPath,
      'github-token': TOKEN,
      'deploy-repository': 'octo-org/deploy',
      'deploy-token': TOKEN,
      'auto-merge': 'squash'
    },
    env
  )
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.deepEqual(ghes.violations, [])

  // Every request to the host arrived where GHES serves it: REST under /api/v3, GraphQL at /api/graphql, git at the root.
  assert.ok(ghes.requests.length > 0)
  for (const request of ghes.requests)
    assert.ok(
      request.path.startsWith('/api/v3/') || request.path === '/api/graphql',
      `${request.method} ${request.path} is not under /api/v3 nor /api/graphql`
    )
  const calls = ghes.requests.map((r) => `${r.method} ${r.path}`)
  for (const expected of [
    'GET /api/v3/repos/octo-org/deploy',
    'POST /api/v3/repos/octo-org/deploy/pulls',
    'POST /api/v3/repos/octo-org/app/attestations',
    'POST /api/graphql'
  ])
    assert.ok(calls.includes(expected), `${expected} in ${calls.join(', ')}`)
  assert.ok(ghes.forwarded.length > 0, 'git went to the server')
  for (const line of ghes.forwarded)
    assert.match(line, /^(GET|POST) \/octo-org\/deploy\.git\/(info\/refs\?service=git-(upload|receive)-pack|git-(upload|receive)-pack)$/)
  assert.ok(
    ghes.forwarded.some((line) => line.startsWith('POST /octo-org/deploy.git/git-receive-pack')),
    'the deploy branch was pushed'
  )
  assert.equal(git.requests.length, ghes.forwarded.length, 'the git server saw only what came through the GHES host')

  // The pull request: opened, auto-merge queued through GraphQL, its body linking the run on the server.
  const [pull] = ghes.repository('octo-org', 'deploy').pulls
  assert.equal(run.outputs['pull-request-operation'], 'created')
  assert.equal(pull.autoMerge, 'SQUASH')
  assert.equal(run.outputs['pull-request-url'], `${server}/octo-org/deploy/pull/${pull.number}`)
  assert.ok(pull.body.includes(`${server}/octo-org/app/actions/runs/4242`), pull.body)
  const patched = (await git.readFile('octo-org/deploy', run.outputs['deploy-branch'], 'apps/app.yaml')).toString()
  assert.equal(patched, deployment(`${image}:v1.0.0@${run.outputs.digest}`))

  // The attestations: stored through the server's API, and the page the outputs name is on the server.
  assert.equal(ghes.repository('octo-org', 'app').attestations.length, 2, 'the signature and the provenance')
  assert.equal(run.outputs['attestation-ids'], '1,2')
  assert.equal(run.outputs['attestation-url'], `${server}/octo-org/app/attestations`)
  assert.equal(run.outputs['sigstore-instance'], 'github')

  // The provenance names the server: builder, workflow repository, run.
  const provenance = JSON.parse(await readFile(run.outputs['provenance-bundle-path'], 'utf8'))
  await verifySigstoreBundle(provenance, { trustedRoot: sigstore.trustedRoot, expectedDigest: run.outputs.digest })
  const statement = JSON.parse(Buffer.from(provenance.dsseEnvelope.payload, 'base64').toString('utf8'))
  const { buildDefinition, runDetails } = statement.predicate
  assert.equal(buildDefinition.externalParameters.workflow.repository, `${server}/octo-org/app`)
  assert.ok(runDetails.builder.id.startsWith(`${server}/octo-org/app/.github/workflows/release.yml@`), runDetails.builder.id)
  assert.equal(runDetails.metadata.invocationId, `${server}/octo-org/app/actions/runs/4242/attempts/1`)
  const signature = JSON.parse(await readFile(run.outputs['signature-bundle-path'], 'utf8'))
  await verifySigstoreBundle(signature, { trustedRoot: sigstore.trustedRoot, expectedDigest: run.outputs.digest })

  // The summary: the pull request's URL on the server, auto-merge, the attestations page.
  assert.ok(run.summary.includes(`Pull request #${pull.number} (created): ${server}/octo-org/deploy/pull/${pull.number}`), run.summary)
  assert.match(run.summary, /Auto-merge: enabled/)
  assert.ok(!/https:\/\/(api\.)?github\.com/.test(JSON.stringify(run.outputs)), 'no output points at github.com')
})
