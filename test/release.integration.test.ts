// One release end to end through the bundled action: push, tags, and the deploy pull request,
// against a real registry, real git over smart HTTP and a GitHub API stand-in checked against
// GitHub's OpenAPI description.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startRegistry } from './harness/registry.js'
import { startGitServer } from './harness/git-server.js'
import { startGitHubApi } from './harness/github-api.js'
import { runAction } from './harness/action.js'
import { writeLayout, randomLayer } from './harness/layouts.js'
import { startOidcProvider } from './harness/oidc.js'
import { startSigstore } from './harness/sigstore.js'
import { verifySigstoreBundle } from './harness/verify.js'
import { registryReader } from './harness/registry-reader.js'
import { OFF, runnerEnv } from './harness/inputs.js'
import { testScope } from './harness/scope.js'
import { shortDigest } from '../src/oci/digest.js'

const scope = testScope()
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())
const registry = scope.server(() => startRegistry())
const git = scope.server(() => startGitServer({ token: 'deploy-secret-token' }))
const api = scope.server(() => startGitHubApi({ token: 'deploy-secret-token' }))
const work = scope.tempDir('dr-release-')

const reader = registryReader(registry)

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

test('a release pushes, tags and opens a deploy pull request that pins the digest; a re-run changes nothing', async () => {
  const image = `${registry.host}/octo-org/app`
  await git.createRepository('octo-org/deploy', { 'apps/app/deployment.yaml': deployment(image), 'README.md': '# deploy\n' })
  api.addRepository('octo-org', 'deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'layout'), { images: [{ layers: [randomLayer(5000)] }] })
  const inputs = {
    layout: layout.dir,
    image,
    tags: 'v1.0.0',
    ...OFF,
    'deploy-repository': 'octo-org/deploy',
    'deploy-token': 'deploy-secret-token'
  }

  const apiRequestsBefore = api.requests.length
  const run = await runAction(inputs, runnerEnv({ git, api }))
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(run.outputs['pull-request-operation'], 'created')
  // The repository is looked up once, by preflight; the deploy step takes the base it resolved.
  assert.equal(api.requests.slice(apiRequestsBefore).filter((r) => r.operationId === 'repos/get').length, 1)
  // The deploy step works in the clone preflight checked (one `git init`), and removes it.
  assert.equal(run.stdout.split('\n').filter((line) => line === '::debug::git init --quiet').length, 1, run.stdout)
  assert.deepEqual(
    (await readdir(run.runnerTemp)).filter((name) => name.startsWith('deploy-')),
    []
  )
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

  const again = await runAction(inputs, runnerEnv({ git, api }))
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
    {
      layout: layout.dir,
      image,
      tags: 'v1',
      ...OFF,
      'dry-run': 'true',
      'deploy-repository': 'octo-org/dry-deploy',
      'deploy-token': 'deploy-secret-token'
    },
    runnerEnv({ git, api })
  )
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs.digest, layout.top.digest)
  assert.match(run.stdout, new RegExp(`\\+\\s+image: .*octo-org/dry:v1@${layout.top.digest}`))
  assert.equal(run.outputs['pull-request-operation'], 'none')
  assert.equal(api.repository('octo-org', 'dry-deploy').pulls.length, 0)
  assert.equal(await reader.head('octo-org/dry', 'v1'), undefined, 'nothing was pushed or tagged')
  assert.match(run.summary, /Dry run/)
})

test('every step together: outputs, the result JSON and the summary tell the whole release', async () => {
  const image = `${registry.host}/octo-org/full`
  await git.createRepository('octo-org/full-deploy', { 'k8s/app.yaml': deployment(image) })
  api.addRepository('octo-org', 'full-deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'full'), {
    images: [
      {
        platform: { os: 'linux', architecture: 'amd64' },
        layers: [
          {
            files: {
              'etc/os-release': 'ID=debian\nVERSION_ID="12"\n',
              'var/lib/dpkg/status': 'Package: base-files\nStatus: install ok installed\nVersion: 12.4+deb12u5\nArchitecture: amd64\n\n'
            }
          }
        ]
      },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [randomLayer(3000)] }
    ]
  })
  const run = await runAction(
    {
      layout: layout.dir,
      image,
      tags: 'v2.0.0,latest',
      'mutable-tags': 'latest',
      'fulcio-url': sigstore.fulcioUrl,
      'rekor-url': sigstore.rekorUrl,
      'deploy-repository': 'octo-org/full-deploy',
      'deploy-token': 'deploy-secret-token'
    },
    runnerEnv({ git, api, oidc })
  )
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  const result = JSON.parse(run.outputs.result)
  for (const step of ['preflight', 'layout', 'push', 'sign', 'attest', 'tags', 'deploy']) {
    assert.equal(result.steps[step].status, 'succeeded', step)
    assert.equal(typeof result.steps[step].durationMs, 'number', step)
  }
  assert.equal(result.digest, layout.top.digest)
  assert.deepEqual(Object.keys(result.platformDigests), ['linux/amd64', 'linux/arm64'])
  assert.equal(result.sign.signatureDigest, run.outputs['signature-digest'])
  assert.equal(result.attest.provenance.referrerDigest, run.outputs['provenance-digest'])
  assert.deepEqual(result.tags.created, ['v2.0.0', 'latest'])
  assert.equal(result.deploy.pullRequestOperation, 'created')
  assert.equal(result.referrersMode, 'tag-schema')

  const signature = JSON.parse(await readFile(run.outputs['signature-bundle-path'], 'utf8'))
  await verifySigstoreBundle(signature, { trustedRoot: sigstore.trustedRoot, expectedDigest: layout.top.digest })

  // The summary, at a glance.
  const short = (digest: string): string => `\`${shortDigest(digest)}…\``
  const { 'linux/amd64': amd64, 'linux/arm64': arm64 } = result.platformDigests as Record<string, string>
  const identity = 'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main'
  assert.equal(
    run.summary.split('\n')[0],
    `✅ **Released** \`${image}@${shortDigest(layout.top.digest)}…\` as \`v2.0.0\`, \`latest\`, signed and attested, deploy PR #${run.outputs['pull-request-number']}.`
  )
  for (const expected of [
    `${image}@${layout.top.digest}`,
    `| index | ${short(layout.top.digest)} | ✅ | ✅ | — | — |`,
    `| linux/amd64 | ${short(amd64)} | ✅ | ✅ | ✅ SPDX | — |`,
    `| linux/arm64 | ${short(arm64)} | ✅ | ✅ | ✅ SPDX | — |`,
    '| `v2.0.0` | created |',
    `referrer \`${run.outputs['signature-digest']}\``,
    `- Rekor log index of the index's signature: ${run.outputs['rekor-log-index']}.`,
    `Pull request #${run.outputs['pull-request-number']} (created)`,
    `# k8s/app.yaml:`,
    // The full reference, or (past the panel's width, as the port's length decides) its name on a line of its own.
    ...(`+ ${image}:v2.0.0@${layout.top.digest}`.length > 106
      ? [`# ${image}\n`, `+ …:v2.0.0@${layout.top.digest}`]
      : [`+ ${image}:v2.0.0@${layout.top.digest}`]),
    '| Attest | ✅ succeeded |',
    `cosign verify ${image}@${layout.top.digest} --certificate-identity '${identity}'`,
    '--type slsaprovenance1',
    `cosign verify-attestation ${image}@${arm64} --type https://spdx.dev/Document/v2.3 --certificate-identity '${identity}' --certificate-oidc-issuer '${result.sign.issuer}'  # linux/arm64`,
    `gh attestation verify oci://${image}@${layout.top.digest} --owner octo-org`
  ])
    assert.ok(run.summary.includes(expected), `the summary shows ${expected}`)
  const body = api.repository('octo-org', 'full-deploy').pulls[0].body ?? ''
  assert.ok(body.includes('cosign verify'), 'the pull request body carries the verify commands')
})

test('a failing middle step stops the release: earlier outputs are set, later steps do not run, no tag, the error names the step', async () => {
  const image = `${registry.host}/octo-org/midfail`
  await git.createRepository('octo-org/midfail-deploy', { 'app.yaml': deployment(image) })
  api.addRepository('octo-org', 'midfail-deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'midfail'), { images: [{ layers: [randomLayer(3000)] }] })
  sigstore.fail('rekor', 400, 1000)
  try {
    const run = await runAction(
      {
        layout: layout.dir,
        image,
        tags: 'v1',
        provenance: 'true',
        'fulcio-url': sigstore.fulcioUrl,
        'rekor-url': sigstore.rekorUrl,
        'deploy-repository': 'octo-org/midfail-deploy',
        'deploy-token': 'deploy-secret-token'
      },
      runnerEnv({ git, api, oidc })
    )
    assert.equal(run.exitCode, 1)
    assert.equal(run.errors.length, 1)
    assert.match(run.errors[0], /^sign failed: .*Rekor .*answered HTTP 400/)
    assert.equal(run.outputs.digest, layout.top.digest)
    assert.equal(run.outputs['bytes-uploaded'] !== undefined && Number(run.outputs['bytes-uploaded']) > 0, true)
    const result = JSON.parse(run.outputs.result)
    assert.equal(result.steps.push.status, 'succeeded')
    assert.equal(result.steps.sign.status, 'failed')
    assert.equal(result.steps.attest.status, 'not-run')
    assert.equal(result.steps.tags.status, 'not-run')
    assert.equal(result.steps.deploy.status, 'not-run')
    assert.equal(await reader.head('octo-org/midfail', 'v1'), undefined, 'no tag')
    assert.equal(api.repository('octo-org', 'midfail-deploy').pulls.length, 0, 'no deploy pull request')
    // The clone preflight checked the deploy repository in, kept for the deploy step, is gone though that step never ran.
    assert.deepEqual(
      (await readdir(run.runnerTemp)).filter((name) => name.startsWith('deploy-')),
      []
    )
    assert.match(run.summary, /Failed in Sign/)
  } finally {
    sigstore.fail('rekor', 400, 0)
  }
})

test('names and lines from a hostile deploy repository reach the log as text, never as workflow commands', async () => {
  const image = `${registry.host}/octo-org/hostile`
  const evilName = 'k8s/evil\n::set-output name=digest::sha256:forged\n##[warning]forged.yaml'
  await git.createRepository('octo-org/hostile-deploy', {
    'app.yaml': `# ::error::forged by the deploy repository\n${deployment(image)}  ::add-mask::nothing\n`,
    [evilName]: deployment(image)
  })
  api.addRepository('octo-org', 'hostile-deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'hostile'), { images: [{ layers: [randomLayer(3000)] }] })
  const run = await runAction(
    {
      layout: layout.dir,
      image,
      ...OFF,
      'dry-run': 'true',
      'deploy-repository': 'octo-org/hostile-deploy',
      'deploy-token': 'deploy-secret-token'
    },
    runnerEnv({ git, api })
  )
  assert.equal(run.exitCode, 0, run.stdout)
  assert.match(run.stdout, /deploy diff/, 'the dry-run diff, with the repository lines, was printed')
  // As the runner reads them: a line starting with `::` is one command (its payload is not parsed again); `##[` elsewhere is an old-style command.
  const forged = run.stdout
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => (line.startsWith('::') ? !line.startsWith('::debug::') && /forged|::nothing/.test(line) : line.includes('##[')))
  assert.deepEqual(forged, [], 'no line from the repository is read as a command')
  assert.equal(run.outputs.digest, layout.top.digest, 'the digest output is ours')
})

test("a deploy token the deploy repository refuses stops preflight: nothing pushed or tagged, the error names deploy-token and GitHub's 401", async () => {
  const guarded = await startGitHubApi({ token: 'deploy-secret-token' })
  try {
    const image = `${registry.host}/octo-org/refused-deploy`
    await git.createRepository('octo-org/refused-deploy', { 'app.yaml': deployment(image) })
    guarded.addRepository('octo-org', 'refused-deploy', { defaultBranch: 'main' })
    const layout = await writeLayout(join(work, 'refused-deploy'), { images: [{ layers: [randomLayer(2000)] }] })
    const run = await runAction(
      { layout: layout.dir, image, tags: 'v1', ...OFF, 'deploy-repository': 'octo-org/refused-deploy', 'deploy-token': 'a-wrong-token' },
      runnerEnv({ git, api: guarded })
    )
    assert.equal(run.exitCode, 1)
    assert.match(
      run.errors[0],
      /^preflight failed: `deploy-token` cannot reach octo-org\/refused-deploy: GitHub answered 401 Bad credentials.*contents: write/
    )
    assert.ok(!run.stdout.includes('a-wrong-token') || run.stdout.includes('::add-mask::a-wrong-token'), 'the token is masked')
    assert.equal((await fetch(`${registry.url}/v2/octo-org/refused-deploy/manifests/v1`, { method: 'HEAD' })).status, 404, 'no tag')
    assert.equal(
      (await fetch(`${registry.url}/v2/octo-org/refused-deploy/blobs/${layout.layers[0].digest}`, { method: 'HEAD' })).status,
      404,
      'nothing pushed'
    )
  } finally {
    await guarded.close()
  }
})

test('deploy-paths that select no file, or files without the image, stop preflight: nothing pushed, the error names the fix', async () => {
  const image = `${registry.host}/octo-org/paths-check`
  await git.createRepository('octo-org/paths-check-deploy', {
    'k8s/app.yaml': deployment(image),
    'k8s/other.yaml': deployment(`${registry.host}/octo-org/someone-else`)
  })
  api.addRepository('octo-org', 'paths-check-deploy', { defaultBranch: 'main' })
  const layout = await writeLayout(join(work, 'paths-check'), { images: [{ layers: [randomLayer(2000)] }] })
  const attempt = (paths: string) =>
    runAction(
      {
        layout: layout.dir,
        image,
        ...OFF,
        'deploy-repository': 'octo-org/paths-check-deploy',
        'deploy-token': 'deploy-secret-token',
        'deploy-paths': paths
      },
      runnerEnv({ git, api })
    )

  // A space-separated list is one glob with a space in it: it selects nothing.
  const spaced = await attempt('k8s/app.yaml k8s/other.yaml')
  assert.equal(spaced.exitCode, 1)
  assert.equal(spaced.errors.length, 1)
  assert.match(
    spaced.errors[0],
    /^preflight failed: no file on branch main of the deploy repository matches deploy-paths \("k8s\/app\.yaml k8s\/other\.yaml"\); its YAML files include k8s\/app\.yaml, k8s\/other\.yaml\. Fix `deploy-paths`/
  )

  const elsewhere = await attempt('k8s/other.yaml')
  assert.equal(elsewhere.exitCode, 1)
  assert.match(
    elsewhere.errors[0],
    new RegExp(`^preflight failed: no reference to ${image.replace(/[.]/g, '\\.')} found in 1 file\\(s\\) searched: k8s/other\\.yaml`)
  )

  for (const run of [spaced, elsewhere]) {
    assert.equal(JSON.parse(run.outputs.result).steps.push.status, 'not-run')
    assert.equal(run.outputs.digest, layout.top.digest, 'the digest is known and reported')
  }
  assert.equal(
    (await fetch(`${registry.url}/v2/octo-org/paths-check/blobs/${layout.layers[0].digest}`, { method: 'HEAD' })).status,
    404,
    'nothing pushed'
  )
  assert.equal(api.repository('octo-org', 'paths-check-deploy').pulls.length, 0)
})
