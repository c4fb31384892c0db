// Attestations through the bundled action: SLSA provenance and SBOMs, DSSE-signed through a local
// Sigstore instance and stored as referrers (and cosign v2 .att tags) in a real registry, read back
// over plain HTTP and verified with @sigstore/verify.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRegistry } from '../harness/registry.js'
import { startOidcProvider } from '../harness/oidc.js'
import { startSigstore } from '../harness/sigstore.js'
import { verifySigstoreBundle } from '../harness/verify.js'
import { runAction } from '../harness/action.js'
import { writeLayout, randomLayer } from '../harness/layouts.js'
import { registryReader } from '../harness/registry-reader.js'
import { runnerEnv, sigstoreInputs } from '../harness/inputs.js'
import { testScope } from '../harness/scope.js'
import { startGitHubApi } from '../harness/github-api.js'
import { junitReport } from '../harness/junit.js'
import { cycloneDxSchemaErrors } from '../../src/sbom/index.js'

const fixtures = fileURLToPath(new URL('../fixtures/sbom/', import.meta.url))

const scope = testScope()
const registry = scope.server(() => startRegistry())
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())
const work = scope.tempDir('dr-attest-')

const reader = registryReader(registry)
const manifest = async (repo: string, reference: string): Promise<any> => (await reader.manifest(repo, reference)).json
/** The referrers of a digest with one predicate type, each bundle verified. */
async function attestations(repo: string, digest: string, predicateType: string) {
  const index = await manifest(repo, digest.replace(':', '-'))
  assert.ok(index, `referrers of ${digest}`)
  const entries = index.manifests.filter((m: any) => m.annotations?.['dev.sigstore.bundle.predicateType'] === predicateType)
  const found = []
  for (const entry of entries) {
    assert.equal(entry.artifactType, 'application/vnd.dev.sigstore.bundle.v0.3+json')
    const referrer = await manifest(repo, entry.digest)
    assert.equal(referrer.subject.digest, digest)
    const bundle = JSON.parse((await reader.blob(repo, referrer.layers[0].digest)).toString())
    const verified = await verifySigstoreBundle(bundle, {
      trustedRoot: sigstore.trustedRoot,
      expectedDigest: digest,
      identity: `https://github.com/${oidc.claims.job_workflow_ref}`
    })
    assert.equal(verified.statement!.predicateType, predicateType)
    found.push({ referrer: entry.digest, bundle, statement: verified.statement! })
  }
  return found
}

const env = () => runnerEnv({ oidc })

test('provenance for the index and each platform, and one generated SBOM per platform, all verifiable', async () => {
  const status = existsSync('/var/lib/dpkg/status')
    ? await readFile('/var/lib/dpkg/status')
    : Buffer.from('Package: base-files\nStatus: install ok installed\nVersion: 12.4\nArchitecture: amd64\n\n')
  const osRelease = 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'
  const layout = await writeLayout(join(work, 'multi'), {
    images: ['amd64', 'arm64'].map((architecture) => ({
      platform: { os: 'linux', architecture },
      layers: [{ files: { 'etc/os-release': osRelease, 'var/lib/dpkg/status': status } }, randomLayer(2000)]
    }))
  })
  const repo = 'octo-org/attested'
  const certificatesBefore = sigstore.log.filter((line) => line.startsWith('fulcio ')).length
  const logEntriesBefore = sigstore.log.filter((line) => line === 'rekor 201').length
  const run = await runAction({ layout: layout.dir, image: `${registry.host}/${repo}`, tags: 'v1', ...sigstoreInputs(sigstore) }, env())
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(
    sigstore.log.filter((line) => line.startsWith('fulcio ')).length - certificatesBefore,
    1,
    'one Fulcio certificate for the whole run'
  )
  // Signatures of the index and two platforms in two formats (6), one provenance statement for all three, two SBOMs.
  assert.equal(sigstore.log.filter((line) => line === 'rekor 201').length - logEntriesBefore, 9, 'one log entry per bundle')
  for (const name of ['provenance-digest', 'sbom-digest']) assert.match(run.outputs[name], /^sha256:[0-9a-f]{64}$/, name)
  for (const name of ['sbom-path', 'provenance-bundle-path', 'sbom-bundle-path']) assert.ok(existsSync(run.outputs[name]), name)

  const [topProvenance] = await attestations(repo, layout.top.digest, 'https://slsa.dev/provenance/v1')
  assert.equal(topProvenance.referrer, run.outputs['provenance-digest'])
  const predicate = topProvenance.statement.predicate as any
  assert.equal(predicate.buildDefinition.buildType, 'https://actions.github.io/buildtypes/workflow/v1')
  assert.equal(predicate.runDetails.builder.id, `https://github.com/${oidc.claims.job_workflow_ref}`)

  assert.deepEqual(
    topProvenance.statement.subject.map((subject: any) => `sha256:${subject.digest.sha256}`),
    [layout.top.digest, ...layout.manifests.map((m) => m.digest)],
    'one provenance statement names the index and every platform'
  )
  for (const platform of layout.manifests) {
    assert.equal(
      (await attestations(repo, platform.digest, 'https://slsa.dev/provenance/v1')).length,
      1,
      `provenance on ${platform.platform?.architecture}`
    )
    const [sbom] = await attestations(repo, platform.digest, 'https://spdx.dev/Document/v2.3')
    const document = sbom.statement.predicate as any
    assert.equal(document.spdxVersion, 'SPDX-2.3')
    const base = document.packages.find((p: any) => p.name === 'base-files')
    assert.ok(base, 'the dpkg database was catalogued')
    assert.ok(base.externalRefs.some((r: any) => r.referenceType === 'purl' && r.referenceLocator.startsWith('pkg:deb/debian/base-files@')))
  }
  assert.equal(
    (await attestations(repo, layout.top.digest, 'https://spdx.dev/Document/v2.3')).length,
    0,
    'SBOMs belong to platforms, not the index'
  )

  // cosign v2's .att tag for the index holds the DSSE envelope with its predicate type.
  const att = await manifest(repo, `${layout.top.digest.replace(':', '-')}.att`)
  assert.equal(att.layers[0].mediaType, 'application/vnd.dsse.envelope.v1+json')
  assert.equal(att.layers[0].annotations.predicateType, 'https://slsa.dev/provenance/v1')
  const envelope = JSON.parse((await reader.blob(repo, att.layers[0].digest)).toString())
  assert.equal(envelope.payloadType, 'application/vnd.in-toto+json')
  assert.match(run.summary, /provenance/)
  assert.match(run.summary, /cosign verify-attestation .* --type slsaprovenance1/)
})

test('a given SPDX file is attested unchanged, byte for byte', async () => {
  const spdxFile = join(fixtures, 'spdx', 'SPDXJSONExample-v2.3.spdx.json')
  const fileBytes = await readFile(spdxFile)
  const layout = await writeLayout(join(work, 'given'), { images: [{ layers: [randomLayer(1000)] }] })
  const repo = 'octo-org/given-sbom'
  const run = await runAction(
    {
      layout: layout.dir,
      image: `${registry.host}/${repo}`,
      provenance: 'false',
      sbom: spdxFile,
      'signature-format': 'bundle',
      ...sigstoreInputs(sigstore)
    },
    env()
  )
  assert.equal(run.exitCode, 0, run.stdout)
  const [sbom] = await attestations(repo, layout.top.digest, 'https://spdx.dev/Document/v2.3')
  const payload = Buffer.from(sbom.bundle.dsseEnvelope.payload, 'base64')
  assert.deepEqual(
    payload.subarray(payload.length - 1 - fileBytes.length, payload.length - 1),
    fileBytes,
    'the predicate is the file, byte for byte'
  )
  assert.deepEqual(await readFile(run.outputs['sbom-path']), fileBytes)
})

test('an SBOM file that is neither SPDX nor CycloneDX fails in preflight, naming the file, before anything is pushed', async () => {
  const bad = join(work, 'not-an-sbom.json')
  await writeFile(bad, JSON.stringify({ hello: 'world' }))
  const layout = await writeLayout(join(work, 'bad-sbom'), { images: [{ layers: [randomLayer(1000)] }] })
  const repo = 'octo-org/bad-sbom'
  const run = await runAction({ layout: layout.dir, image: `${registry.host}/${repo}`, sbom: bad, ...sigstoreInputs(sigstore) }, env())
  assert.equal(run.exitCode, 1)
  assert.match(run.errors[0], /^preflight failed: input `sbom`: .*not-an-sbom\.json/)
  assert.equal(await manifest(repo, layout.top.digest), undefined)
})

test("every bundle is also stored in the repository's GitHub attestations; CycloneDX SBOMs on request; every platform's SBOM in `sboms`", async () => {
  const api = await startGitHubApi()
  try {
    const repository = api.addRepository('octo-org', 'app')
    const layout = await writeLayout(join(work, 'api'), {
      images: ['amd64', 'arm64'].map((architecture) => ({
        platform: { os: 'linux', architecture },
        layers: [{ files: { 'usr/lib/node_modules/left-pad/package.json': '{"name":"left-pad","version":"1.3.0","license":"MIT"}' } }]
      }))
    })
    const repo = 'octo-org/api-attested'
    const run = await runAction(
      {
        layout: layout.dir,
        image: `${registry.host}/${repo}`,
        ...sigstoreInputs(sigstore),
        'sbom-format': 'cyclonedx',
        'github-token': 'gh-token'
      },
      runnerEnv({ oidc, api })
    )
    assert.equal(run.exitCode, 0, run.stdout + run.stderr)
    assert.deepEqual(api.violations, [])
    // Signatures of the index and two platforms (DSSE), one provenance statement, two SBOMs.
    assert.equal(repository.attestations.length, 6)
    assert.equal(run.outputs['attestation-ids'], '1,2,3,4,5,6')
    assert.equal(run.outputs['attestation-url'], 'https://github.com/octo-org/app/attestations')
    const kinds = []
    for (const bundle of repository.attestations) {
      const verified = await verifySigstoreBundle(bundle, {
        trustedRoot: sigstore.trustedRoot,
        identity: `https://github.com/${oidc.claims.job_workflow_ref}`
      })
      kinds.push(verified.statement!.predicateType)
    }
    assert.deepEqual(kinds.sort(), [
      'https://cyclonedx.org/bom',
      'https://cyclonedx.org/bom',
      'https://sigstore.dev/cosign/sign/v1',
      'https://sigstore.dev/cosign/sign/v1',
      'https://sigstore.dev/cosign/sign/v1',
      'https://slsa.dev/provenance/v1'
    ])
    assert.match(run.summary, new RegExp(`gh attestation verify oci://\\S+ -R octo-org/app`))

    const sboms = JSON.parse(run.outputs.sboms)
    assert.deepEqual(Object.keys(sboms).sort(), ['linux/amd64', 'linux/arm64'])
    for (const [platform, sbom] of Object.entries(sboms) as Array<[string, { digest: string; path: string }]>) {
      const document = JSON.parse(await readFile(sbom.path, 'utf8'))
      assert.deepEqual(cycloneDxSchemaErrors(document), [], platform)
      assert.ok(
        document.components.some((c: any) => c.purl === 'pkg:npm/left-pad@1.3.0'),
        platform
      )
      const [attested] = await attestations(
        repo,
        layout.manifests.find((m) => `linux/${m.platform?.architecture}` === platform)!.digest,
        'https://cyclonedx.org/bom'
      )
      assert.equal(attested.referrer, sbom.digest)
    }
  } finally {
    await api.close()
  }
})

test('without `attestations: write` the attestations API refuses: a warning naming the permission, and the release goes on', async () => {
  const api = await startGitHubApi()
  try {
    api.addRepository('octo-org', 'app').attestationsForbidden = true
    const layout = await writeLayout(join(work, 'api-forbidden'), { images: [{ layers: [randomLayer(2000)] }] })
    const run = await runAction(
      {
        layout: layout.dir,
        image: `${registry.host}/octo-org/api-forbidden`,
        ...sigstoreInputs(sigstore),
        sbom: 'none',
        'github-token': 'gh-token'
      },
      runnerEnv({ oidc, api })
    )
    assert.equal(run.exitCode, 0, run.stdout + run.stderr)
    assert.match(run.stdout, /::warning::the attestations were not stored .*403.*permissions: attestations: write/)
    assert.equal(run.outputs['attestation-ids'], undefined)
    assert.match(run.summary, /--bundle-from-oci/)
  } finally {
    await api.close()
  }
})

test('JUnit reports become a signed test-result attestation about the image; a file that is not JUnit stops preflight', async () => {
  const workspace = join(work, 'workspace')
  await mkdir(join(workspace, 'reports'), { recursive: true })
  await writeFile(
    join(workspace, 'reports', 'unit.xml'),
    junitReport(
      `import { test } from 'node:test'\nfor (let i = 0; i < 12; i++) test('unit ' + i, () => {})\ntest('later', { skip: true }, () => {})\n`
    )
  )
  const layout = await writeLayout(join(work, 'tested'), { images: [{ layers: [randomLayer(2000)] }] })
  const repo = 'octo-org/tested'
  const run = await runAction(
    {
      layout: layout.dir,
      image: `${registry.host}/${repo}`,
      ...sigstoreInputs(sigstore),
      sign: 'false',
      provenance: 'false',
      sbom: 'none',
      'test-results': 'reports/*.xml'
    },
    { ...env(), GITHUB_WORKSPACE: workspace }
  )
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(run.outputs['test-result'], 'PASSED')
  const [attested] = await attestations(repo, layout.top.digest, 'https://in-toto.io/attestation/test-result/v0.1')
  assert.equal(attested.referrer, run.outputs['test-result-digest'])
  const predicate = attested.statement.predicate as any
  assert.equal(predicate.result, 'PASSED')
  assert.equal(predicate.passedTests.length, 12)
  assert.equal(predicate.configuration[0].name, 'reports/unit.xml')
  assert.ok(
    run.summary.split('\n').some((row) => row.startsWith('| image |') && row.endsWith('| ✅ 12 passed |')),
    run.summary
  )

  await writeFile(join(workspace, 'reports', 'coverage.xml'), '<coverage line-rate="0.9"/>')
  const refused = await runAction(
    {
      layout: layout.dir,
      image: `${registry.host}/octo-org/tested-refused`,
      ...sigstoreInputs(sigstore),
      sign: 'false',
      provenance: 'false',
      sbom: 'none',
      'test-results': 'reports/*.xml'
    },
    { ...env(), GITHUB_WORKSPACE: workspace }
  )
  assert.equal(refused.exitCode, 1)
  assert.match(refused.errors[0], /^preflight failed: input `test-results`: reports\/coverage\.xml is XML but not a JUnit report/)
  assert.equal(await reader.blobExists('octo-org/tested-refused', layout.layers[0].digest), false, 'nothing was pushed')
})
