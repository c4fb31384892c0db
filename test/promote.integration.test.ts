// Promote mode through the bundled action: a digest released (signed and attested) to one real
// registry is verified, copied with its evidence to another (token auth) or to another repository of
// the same registry, verified again there, tagged and pinned in the deploy repository. Refusals write
// nothing at the destination; forged evidence does not count; a rollback is a promotion like any other.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { attest } from 'sigstore'
import { startRegistry } from './harness/registry.js'
import { startTokenServer } from './harness/token-server.js'
import { startOidcProvider } from './harness/oidc.js'
import { startSigstore } from './harness/sigstore.js'
import { startGitServer } from './harness/git-server.js'
import { startGitHubApi } from './harness/github-api.js'
import { runAction } from './harness/action.js'
import { writeLayout, randomLayer, sha256, type BuiltLayout } from './harness/layouts.js'
import { registryReader } from './harness/registry-reader.js'
import { OFF, runnerEnv, sigstoreInputs } from './harness/inputs.js'
import { testScope } from './harness/scope.js'
import { startFaultProxy } from './harness/fault-proxy.js'
import { verifySigstoreBundle } from './harness/verify.js'
import { forgeBundle } from './harness/forge.js'
import { RegistryClient } from '../src/oci/registry/client.js'
import { Referrers } from '../src/oci/registry/referrers.js'
import { storeBundleReferrer } from '../src/sigstore/store.js'
import { bundleReferrerManifest, cosignSignStatement } from '../src/sigstore/cosign.js'

const PASSWORD = 'promote-s3cret'
const scope = testScope()
const work = scope.tempDir('dr-promote-')
const dev = scope.server(() => startRegistry())
const tokens = scope.server(() => startTokenServer({ ci: PASSWORD }))
const prod = scope.server(async () => {
  const rootCert = join(work, 'token-root.pem')
  await writeFile(rootCert, tokens.rootCertificatePem)
  return startRegistry({ auth: tokens.registryConfig(rootCert) })
})
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())
const git = scope.server(() => startGitServer({ token: 'deploy-secret-token' }))
const api = scope.server(() => startGitHubApi())

const devReader = registryReader(dev)
const IDENTITY = '^https://github\\.com/octo-org/app/\\.github/workflows/release\\.yml@refs/heads/main$'
const PROVENANCE = 'https://slsa.dev/provenance/v1'

/** Releases a two-platform index to the dev registry, signed (both formats) and with provenance. */
async function released(name: string, extra: Record<string, string> = {}): Promise<BuiltLayout> {
  const layout = await writeLayout(join(work, name), {
    images: ['amd64', 'arm64'].map((architecture) => ({ platform: { os: 'linux', architecture }, layers: [randomLayer(50_000)] }))
  })
  const run = await runAction(
    { layout: layout.dir, image: `${dev.host}/octo-org/${name}`, ...sigstoreInputs(sigstore), sbom: 'none', ...extra },
    runnerEnv({ oidc })
  )
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  return layout
}

const promoteInputs = (source: string, image: string, extra: Record<string, string> = {}): Record<string, string> => ({
  source,
  image,
  'verify-identity': IDENTITY,
  'verify-issuer': oidc.issuer,
  'trusted-root': sigstore.trustedRootPath,
  ...extra
})
const toProd = { username: 'ci', password: PASSWORD }

/** What the destination holds, read with the registry's own token flow (nothing of ours). */
async function prodClient(repository: string): Promise<RegistryClient> {
  return new RegistryClient({ registry: prod.host, repository, credential: { username: 'ci', password: PASSWORD } })
}

test('a released index promoted across registries arrives with the same digests, every platform, its signatures and provenance, verified there', async () => {
  const layout = await released('app')
  const run = await runAction(
    promoteInputs(`${dev.host}/octo-org/app@${layout.top.digest}`, `${prod.host}/prod/app`, {
      ...toProd,
      'verify-attestations': PROVENANCE,
      tags: 'v1'
    }),
    runnerEnv({ oidc })
  )
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(run.outputs.digest, layout.top.digest)
  assert.equal(run.outputs['promoted-from'], `${dev.host}/octo-org/app@${layout.top.digest}`)
  assert.equal(run.outputs['verified-identity'], `https://github.com/${oidc.claims.job_workflow_ref}`)
  assert.deepEqual(JSON.parse(run.outputs['verified-attestations']), [PROVENANCE])
  assert.ok(Number(run.outputs['referrers-copied']) >= 6, `referrers copied: ${run.outputs['referrers-copied']}`)
  assert.equal(run.outputs['tags-created'], 'v1')

  const client = await prodClient('prod/app')
  assert.equal((await client.headManifest('v1'))?.digest, layout.top.digest)
  for (const platform of layout.manifests) assert.equal((await client.headManifest(platform.digest))?.digest, platform.digest)
  // The signature of the index, read back from the destination and verified independently.
  const referrers = await new Referrers(client).list(layout.top.digest)
  const signature = referrers.find((d) => d.annotations?.['dev.sigstore.bundle.predicateType'] === 'https://sigstore.dev/cosign/sign/v1')!
  const manifest = JSON.parse((await client.getManifest(signature.digest))!.bytes.toString())
  const bundle = JSON.parse((await client.getBlob(manifest.layers[0].digest)).toString())
  await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: layout.top.digest })
  assert.ok(await client.headManifest(`sha256-${layout.top.digest.slice(7)}.sig`), 'the legacy signature tag arrived')
  assert.ok(await client.headManifest(`sha256-${layout.top.digest.slice(7)}.att`), 'the legacy attestation tag arrived')
  assert.match(run.summary, /Promoted\*\* from/)
  assert.match(run.summary, /cosign verify .*prod\/app@sha256:/)
})

test('refusals write nothing at the destination: wrong identity (naming who did sign), unsigned, missing provenance, forged evidence', async () => {
  const signed = await released('refusals', { provenance: 'false' })
  const wrong = await runAction(
    promoteInputs(`${dev.host}/octo-org/refusals@${signed.top.digest}`, `${prod.host}/prod/refused-1`, {
      ...toProd,
      'verify-identity': '^https://github\\.com/someone-else/'
    }),
    runnerEnv({ oidc })
  )
  assert.equal(wrong.exitCode, 1)
  assert.match(wrong.errors[0], /^verify failed: .* lacks a signature by a signer matching verify-identity/)
  assert.ok(wrong.errors[0].includes(`Identities that did sign: https://github.com/${oidc.claims.job_workflow_ref}`), wrong.errors[0])

  const noProvenance = await runAction(
    promoteInputs(`${dev.host}/octo-org/refusals@${signed.top.digest}`, `${prod.host}/prod/refused-2`, {
      ...toProd,
      'verify-attestations': PROVENANCE
    }),
    runnerEnv({ oidc })
  )
  assert.equal(noProvenance.exitCode, 1)
  assert.match(noProvenance.errors[0], /lacks https:\/\/slsa\.dev\/provenance\/v1 by a signer/)

  const plain = await writeLayout(join(work, 'unsigned'), { images: [{ layers: [randomLayer(3000)] }] })
  assert.equal((await runAction({ layout: plain.dir, image: `${dev.host}/octo-org/unsigned`, ...OFF })).exitCode, 0)
  const unsigned = await runAction(
    promoteInputs(`${dev.host}/octo-org/unsigned@${plain.top.digest}`, `${prod.host}/prod/refused-3`, toProd),
    runnerEnv({ oidc })
  )
  assert.equal(unsigned.exitCode, 1)
  assert.match(unsigned.errors[0], /lacks a signature/)

  // A bundle about the unsigned digest: our identity on a self-signed certificate, a log entry copied from an honest bundle.
  const honest = await attest(
    Buffer.from(JSON.stringify(cosignSignStatement({ name: 'x', digest: `sha256:${'0'.repeat(64)}` }))),
    'application/vnd.in-toto+json',
    {
      fulcioURL: sigstore.fulcioUrl,
      rekorURL: sigstore.rekorUrl,
      identityToken: await oidc.mintToken('sigstore')
    }
  )
  const statement = JSON.parse(JSON.stringify(honest))
  statement.dsseEnvelope.payload = Buffer.from(
    JSON.stringify(cosignSignStatement({ name: `${dev.host}/octo-org/unsigned`, digest: plain.top.digest }))
  ).toString('base64')
  const forged = Buffer.from(
    JSON.stringify(await forgeBundle(statement, { san: `https://github.com/${oidc.claims.job_workflow_ref}`, issuer: oidc.issuer }))
  )
  const client = new RegistryClient({ registry: dev.host, repository: 'octo-org/unsigned' })
  await storeBundleReferrer({
    client,
    referrers: new Referrers(client),
    subjectDigest: plain.top.digest,
    bundleBytes: forged,
    manifest: bundleReferrerManifest({
      subject: { mediaType: plain.top.mediaType, digest: plain.top.digest, size: plain.top.size },
      bundle: { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', digest: sha256(forged), size: forged.length },
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      created: new Date().toISOString()
    })
  })
  const forgedRun = await runAction(
    promoteInputs(`${dev.host}/octo-org/unsigned@${plain.top.digest}`, `${prod.host}/prod/refused-4`, toProd),
    runnerEnv({ oidc })
  )
  assert.equal(forgedRun.exitCode, 1)
  assert.match(forgedRun.errors[0], /lacks a signature .*Not counted: sha256:[0-9a-f]{64}: certificate does not chain to the trusted root/)

  for (const repository of ['prod/refused-1', 'prod/refused-2', 'prod/refused-3', 'prod/refused-4']) {
    const destination = await prodClient(repository)
    assert.equal(await destination.headManifest(signed.top.digest), undefined, `${repository}: nothing was written`)
    assert.equal(await destination.blobExists(signed.layers[0].digest), false, `${repository}: no blob was copied`)
  }
})

test('a dry-run promotion verifies the source and asks the destination only what preflight asks: nothing is copied or planned', async () => {
  const layout = await released('dry')
  const staging = await startRegistry()
  const proxy = await startFaultProxy(staging.host, [])
  try {
    const run = await runAction(
      promoteInputs(`${dev.host}/octo-org/dry@${layout.top.digest}`, `${proxy.host}/staging/dry`, { 'dry-run': 'true' }),
      runnerEnv({ oidc })
    )
    assert.equal(run.exitCode, 0, run.stdout + run.stderr)
    assert.equal(run.outputs['verified-identity'], `https://github.com/${oidc.claims.job_workflow_ref}`)
    const result = JSON.parse(run.outputs.result) as { steps: Record<string, { status: string }> }
    assert.equal(result.steps.verify.status, 'succeeded')
    assert.equal(result.steps.copy.status, 'skipped')
    assert.deepEqual(
      proxy.log.map((r) => `${r.method} ${r.path}`),
      [`HEAD /v2/staging/dry/manifests/${layout.top.digest}`],
      "preflight's reachability check, and nothing else"
    )
  } finally {
    await proxy.close()
    await staging.close()
  }
})

test('trust material that cannot be loaded fails verification, named, while the reads it ran beside wrote nothing', async () => {
  const layout = await released('untrusted')
  const run = await runAction(
    promoteInputs(`${dev.host}/octo-org/untrusted@${layout.top.digest}`, `${dev.host}/staging/untrusted`, {
      'trusted-root': join(work, 'no-such-trusted-root.json')
    }),
    runnerEnv({ oidc })
  )
  assert.equal(run.exitCode, 1)
  assert.match(run.errors[0], /^verify failed: input `trusted-root`: no Sigstore trust material .*no-such-trusted-root\.json/)
  assert.equal(await devReader.head('staging/untrusted', layout.top.digest), undefined, 'nothing was written')
})

test('promotion to another repository of the same registry mounts every blob and uploads nothing', async () => {
  const layout = await released('mounted')
  const run = await runAction(
    promoteInputs(`${dev.host}/octo-org/mounted@${layout.top.digest}`, `${dev.host}/staging/mounted`),
    runnerEnv({ oidc })
  )
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(run.outputs['bytes-uploaded'], '0')
  assert.ok(Number(run.outputs['blobs-mounted']) >= layout.layers.length, `mounted: ${run.outputs['blobs-mounted']}`)
  assert.equal(await devReader.head('staging/mounted', layout.top.digest), layout.top.digest)
})

test('verify again reads the destination once the evidence is there; a registry that does not list it yet is read again after the image arrived', async () => {
  const layout = await released('relisted')
  const staging = await startRegistry()
  const index = `/v2/staging/relisted/manifests/sha256-${layout.top.digest.slice(7)}`
  // The destination's referrers index is read by the copy's plan, read and confirmed by the copy's
  // update, then by the first verification: that fourth reading answers that nothing is listed.
  const proxy = await startFaultProxy(staging.host, [
    { method: 'GET', path: new RegExp(`^${index}$`), fault: { kind: 'status', status: 404 }, skip: 3, times: 1 }
  ])
  try {
    const run = await runAction(
      promoteInputs(`${dev.host}/octo-org/relisted@${layout.top.digest}`, `${proxy.host}/staging/relisted`, {
        'verify-attestations': PROVENANCE,
        tags: 'v1'
      }),
      { ...runnerEnv({ oidc }), RUNNER_DEBUG: '1' }
    )
    assert.equal(run.exitCode, 0, run.stdout + run.stderr)
    assert.deepEqual(JSON.parse(run.outputs['verified-attestations']), [PROVENANCE])
    assert.equal(run.outputs['tags-created'], 'v1')
    const readings = proxy.log.filter((r) => r.method === 'GET' && r.path === index)
    assert.equal(readings[3]?.fault, '404', 'the first verification was told nothing is listed')
    assert.equal(readings.length, 5, 'and the index was read once more')
    const topPut = proxy.log.findIndex((r) => r.method === 'PUT' && r.path.endsWith(`/manifests/${layout.top.digest}`))
    assert.ok(topPut >= 0 && proxy.log.lastIndexOf(readings[4]) > topPut, 'the second reading came after the image was complete')
    assert.match(run.stdout, /verified while the layers were copying: .*lacks .*provenance.*; verifying again/)
    // The one verdict told is the second: the summary and the log say the evidence verified at the destination.
    assert.match(run.stdout, /destination: sha256:[0-9a-f]{64} signed by https:\/\/github\.com\/octo-org\/app\//)
  } finally {
    await proxy.close()
    await staging.close()
  }
})

test('promoting v1, then v2, then v1 again reports the previous digest each time and marks the third a rollback of the first', async () => {
  const v1 = await released('rolling')
  const v2 = await released('rolling')
  const image = `${dev.host}/prod/rolling`
  await git.createRepository('octo-org/rolling-deploy', {
    'app.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}:v0\n`
  })
  api.addRepository('octo-org', 'rolling-deploy', { defaultBranch: 'main' })
  const promoteTo = (digest: string) =>
    runAction(
      promoteInputs(`${dev.host}/octo-org/rolling@${digest}`, image, {
        'deploy-repository': 'octo-org/rolling-deploy',
        'deploy-token': 'deploy-secret-token',
        'deploy-mode': 'push'
      }),
      runnerEnv({ oidc, git, api })
    )
  const first = await promoteTo(v1.top.digest)
  assert.equal(first.exitCode, 0, first.stdout)
  // Promoted without tags: the written tag v0 names other bytes, so it goes and only the digest stays.
  const deployed = (await git.readFile('octo-org/rolling-deploy', 'main', 'app.yaml')).toString()
  assert.ok(deployed.endsWith(`          image: ${image}@${v1.top.digest}\n`), deployed)
  const second = await promoteTo(v2.top.digest)
  assert.equal(second.exitCode, 0, second.stdout)
  assert.equal(second.outputs['previous-digest'], v1.top.digest)
  assert.equal(second.outputs['rollback-of'], '')
  const third = await promoteTo(v1.top.digest)
  assert.equal(third.exitCode, 0, third.stdout)
  assert.equal(third.outputs['previous-digest'], v2.top.digest)
  assert.equal(third.outputs['rollback-of'], first.outputs['deploy-commit'])
  assert.match(await git.git('octo-org/rolling-deploy', ['log', '-1', '--format=%s', 'main']), /^chore\(deploy\): roll back /)
})

test('bad input stops preflight with a clear error and writes nothing', async () => {
  const layout = await writeLayout(join(work, 'bad'), { images: [{ layers: [randomLayer(1000)] }] })
  const cases: Array<[Record<string, string>, RegExp]> = [
    [
      { layout: layout.dir, source: `${dev.host}/octo-org/app@${layout.top.digest}`, image: `${dev.host}/x/y` },
      /input `source`: and `layout` are both given/
    ],
    [{ image: `${dev.host}/x/y` }, /input `layout`: is required to release .* give `source` instead/],
    [promoteInputs(`${dev.host}/octo-org/app`, `${dev.host}/x/y`), /input `source`: .* names no digest or tag/],
    [
      promoteInputs(`${dev.host}/octo-org/app@${layout.top.digest}`, `${dev.host}/x/y`, { 'verify-identity': '^(unclosed' }),
      /input `verify-identity`: "\^\(unclosed" is not a valid regular expression/
    ],
    [
      promoteInputs(`127.0.0.1:9/octo-org/app@${layout.top.digest}`, `${dev.host}/x/y`),
      /^preflight failed: input `source`: 127\.0\.0\.1:9\/octo-org\/app@sha256:[0-9a-f]+ cannot be read/
    ],
    [
      promoteInputs(`${dev.host}/octo-org/app@sha256:${'e'.repeat(64)}`, `${dev.host}/x/y`),
      /^preflight failed: input `source`: .* has no manifest sha256:e{64}/
    ]
  ]
  for (const [inputs, expected] of cases) {
    const run = await runAction(inputs, runnerEnv({ oidc }))
    assert.equal(run.exitCode, 1, JSON.stringify(inputs))
    assert.match(run.errors[0], expected)
  }
  assert.deepEqual(await devReader.tags('x/y'), [], 'nothing was written')
})
