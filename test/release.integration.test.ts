// One release end to end through the bundled action: push, tags, and the deploy pull request,
// against a real registry, real git over smart HTTP and a GitHub API stand-in checked against
// GitHub's OpenAPI description.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRegistry, type RegistryServer } from './harness/registry.js'
import { startGitServer, type GitServer } from './harness/git-server.js'
import { startGitHubApi, type GitHubApi } from './harness/github-api.js'
import { runAction } from './harness/action.js'
import { writeLayout, randomLayer } from './harness/layouts.js'

const OFF = { sign: 'false', provenance: 'false', sbom: 'none' }
let registry: RegistryServer
let git: GitServer
let api: GitHubApi
let work: string

before(async () => {
  registry = await startRegistry()
  git = await startGitServer({ token: 'deploy-secret-token' })
  api = await startGitHubApi({ token: 'deploy-secret-token' })
  work = await mkdtemp(join(tmpdir(), 'dr-release-'))
})
after(async () => {
  await registry?.close()
  await git?.close()
  await api?.close()
  await rm(work, { recursive: true, force: true })
})

function deployment(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: "${image}:v0.9.0"   # migrations run first
      containers:
        - name: app
          image: ${image}:v0.9.0
        - name: sidecar
          image: ${image}-canary:v0.9.0
`
}

function runnerEnv(): Record<string, string> {
  return {
    GITHUB_SERVER_URL: git.url,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1'
  }
}

test('a release pushes, tags and opens a deploy pull request that pins the digest; a re-run changes nothing', async () => {
  const image = `${registry.host}/octo-org/app`
  await git.createRepository('octo-org/deploy', { 'apps/app/deployment.yaml': deployment(image), 'README.md': '# deploy\n' })
  api.addRepository('octo-org', 'deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'layout'), { images: [{ layers: [randomLayer(5000)] }] })
  const inputs = { layout: layout.dir, image, tags: 'v1.0.0', ...OFF, 'deploy-repository': 'octo-org/deploy', 'deploy-token': 'deploy-secret-token' }

  const run = await runAction(inputs, runnerEnv())
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(run.outputs['pull-request-operation'], 'created')
  assert.equal(run.outputs['pull-request-number'], '1')
  assert.match(run.outputs['pull-request-url'], /\/octo-org\/deploy\/pull\/1$/)
  assert.deepEqual(JSON.parse(run.outputs['patched-files']), ['apps/app/deployment.yaml'])
  assert.match(run.outputs['deploy-commit'], /^[0-9a-f]{40}$/)
  const branch = run.outputs['deploy-branch']
  const patched = (await git.readFile('octo-org/deploy', branch, 'apps/app/deployment.yaml')).toString()
  // The stale tag gives way to the release's tag, pinned by digest; the prefix-named sidecar is untouched.
  assert.equal(patched, deployment(image).replace(/(\/octo-org\/app):v0\.9\.0/g, `$1:v1.0.0@${layout.top.digest}`))
  assert.ok(patched.includes('# migrations run first'), 'the comment is kept')
  assert.deepEqual(api.violations, [])
  assert.ok(!run.stdout.replace(/::add-mask::deploy-secret-token/g, '').includes('deploy-secret-token'), 'the token never shows in the log')
  assert.match(run.summary, /Pull request #1 \(created\)/)

  const again = await runAction(inputs, runnerEnv())
  assert.equal(again.exitCode, 0, again.stdout)
  assert.equal(again.outputs['pull-request-operation'], 'unchanged')
  assert.equal(again.outputs['tags-unchanged'], 'v1.0.0')
  assert.equal(api.repository('octo-org', 'deploy').pulls.length, 1, 'no second pull request')
})

test('dry run reports the digest and the deploy diff and writes nothing', async () => {
  const image = `${registry.host}/octo-org/dry`
  await git.createRepository('octo-org/dry-deploy', { 'app.yaml': deployment(image) })
  api.addRepository('octo-org', 'dry-deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'dry'), { images: [{ layers: [randomLayer(5000)] }] })
  const run = await runAction(
    { layout: layout.dir, image, tags: 'v1', ...OFF, 'dry-run': 'true', 'deploy-repository': 'octo-org/dry-deploy', 'deploy-token': 'deploy-secret-token' },
    runnerEnv()
  )
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs.digest, layout.top.digest)
  assert.match(run.stdout, new RegExp(`\\+\\s+image: .*octo-org/dry:v1@${layout.top.digest}`))
  assert.equal(run.outputs['pull-request-operation'], 'none')
  assert.equal(api.repository('octo-org', 'dry-deploy').pulls.length, 0)
  const tag = await fetch(`${registry.url}/v2/octo-org/dry/manifests/v1`, { method: 'HEAD' })
  assert.equal(tag.status, 404, 'nothing was pushed or tagged')
  assert.match(run.summary, /Dry run/)
})
