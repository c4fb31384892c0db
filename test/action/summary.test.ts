// The job summary and the outputs, from results built by hand: each is a pure function of the result.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderSummary, verifyCommands } from '../../src/action/summary.js'
import { outputsFor } from '../../src/action/outputs.js'
import { emptyResult, type ReleaseResult } from '../../src/action/result.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`
const OLD = `sha256:${'cd'.repeat(32)}`
const IDENTITY = 'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main'

function released(): ReleaseResult {
  const result = emptyResult('registry.test/octo-org/app', false, ['v1', 'latest'], 'octo-org')
  result.digest = DIGEST
  result.imageRef = `registry.test/octo-org/app@${DIGEST}`
  result.platformDigests = { 'linux/amd64': OLD }
  for (const step of ['preflight', 'layout', 'push', 'sign', 'attest', 'tags'] as const)
    result.steps[step] = { status: 'succeeded', durationMs: 1200 }
  result.steps.deploy = { status: 'skipped', reason: 'no `deploy-repository` given' }
  result.push = {
    digest: DIGEST,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size: 500,
    platformDigests: result.platformDigests,
    blobsUploaded: 3,
    blobsSkipped: 1,
    blobsMounted: 0,
    bytesUploaded: 3 * 1024 * 1024,
    manifestsPushed: 2
  }
  result.sign = {
    signatureDigest: OLD,
    signatureTag: `registry.test/octo-org/app:sha256-${'ab'.repeat(32)}.sig`,
    rekorLogIndex: 42,
    identity: IDENTITY,
    issuer: 'https://token.actions.githubusercontent.com'
  }
  result.attest = {
    provenance: { kind: 'provenance', subjectDigest: DIGEST, referrerDigest: OLD, predicateType: 'https://slsa.dev/provenance/v1' },
    attestations: [{ kind: 'provenance', subjectDigest: DIGEST, referrerDigest: OLD, predicateType: 'https://slsa.dev/provenance/v1' }]
  }
  result.tags = {
    tags: ['v1', 'latest'],
    created: ['v1'],
    unchanged: [],
    moved: ['latest'],
    entries: [
      { tag: 'v1', mutable: false, action: 'create', digest: DIGEST },
      { tag: 'latest', mutable: true, previous: OLD, action: 'move', digest: DIGEST }
    ]
  }
  return result
}

test('the summary names the image, each step, the tags and the stored evidence, and gives verify commands for the identity that signed', () => {
  const summary = renderSummary(released())
  assert.match(summary, /^## digest-release: registry\.test\/octo-org\/app/)
  assert.equal(
    summary.split('\n')[2],
    '✅ **Released** `registry.test/octo-org/app@sha256:abababababab…` as `v1`, `latest`, signed and attested.'
  )
  assert.ok(summary.includes(`registry.test/octo-org/app@${DIGEST}`))
  assert.match(summary, /\| `latest` \| moved \| `sha256:cdcdcdcdcdcd…` \| `sha256:abababababab…` \|/)
  assert.match(summary, /\| Deploy \| ⏭️ skipped \(no `deploy-repository` given\)/)
  assert.match(summary, /Rekor log index \| 42/)
  assert.ok(summary.includes(`cosign verify registry.test/octo-org/app@${DIGEST} --certificate-identity '${IDENTITY}'`))
  assert.ok(summary.includes('--type slsaprovenance1'))
  assert.ok(summary.includes(`gh attestation verify oci://registry.test/octo-org/app@${DIGEST} --owner octo-org`))
})

test('a failed step leads the summary with its error; no verify commands without a signature', () => {
  const result = emptyResult('registry.test/octo-org/app', false, ['v1'])
  result.steps.preflight = { status: 'failed', error: 'tag registry.test/octo-org/app:v1 already names sha256:…' }
  const summary = renderSummary(result)
  assert.match(
    summary,
    /> \[!CAUTION\]\n> \*\*Failed in Preflight:\*\* tag registry\.test\/octo-org\/app:v1 already names.*\n> Nothing was written to the registry\./
  )
  assert.match(summary.split('\n')[2], /^❌ \*\*Not released:\*\*/)
  assert.deepEqual(verifyCommands(result), [])
  assert.doesNotMatch(summary, /\*\*Verify\*\*/)
})

test('an SBOM that could not catalogue everything says so in the summary', () => {
  const result = released()
  result.attest!.sbomSkipped = [{ platform: 'linux/amd64', path: 'var/lib/dpkg/status', reason: 'over the size limit' }]
  assert.match(
    renderSummary(result),
    /SBOM incomplete:\*\* 1 package metadata file\(s\) were not catalogued.*`\/var\/lib\/dpkg\/status` \(linux\/amd64\): over the size limit/
  )
})

test('outputs: every step that ran has its outputs, a step that did not run has none', () => {
  const outputs = outputsFor(released())
  assert.equal(outputs.digest, DIGEST)
  assert.equal(outputs['image-ref'], `registry.test/octo-org/app@${DIGEST}`)
  assert.equal(outputs.tags, 'v1,latest')
  assert.equal(outputs['tags-created'], 'v1')
  assert.equal(outputs['tags-moved'], 'latest')
  assert.equal(outputs['blobs-uploaded'], '3')
  assert.equal(outputs['rekor-log-index'], '42')
  assert.equal(outputs['provenance-digest'], OLD)
  assert.equal(outputs['sbom-digest'], '')
  assert.equal(outputs['pull-request-url'], undefined, 'no deploy ran')
})

test('outputs: what preflight learned (tags, digest, image-ref) is reported even when a step fails; platform digests once the tree was read', () => {
  const failed = emptyResult('registry.test/octo-org/app', false, ['v1'])
  failed.digest = DIGEST
  failed.steps.preflight = { status: 'failed', error: 'tag conflict' }
  const outputs = outputsFor(failed)
  assert.equal(outputs.tags, 'v1')
  assert.equal(outputs.digest, DIGEST)
  assert.equal(outputs['image-ref'], `registry.test/octo-org/app@${DIGEST}`)
  assert.equal(outputs['platform-digests'], undefined)
  assert.equal(outputsFor(released())['platform-digests'], JSON.stringify({ 'linux/amd64': OLD }))
})

test('a signer that is a reusable workflow of another repository is named in the gh command; one of this repository is not', () => {
  const result = released()
  result.repository = 'octo-org/app'
  result.sign!.identity = 'https://github.com/octo-org/shared/.github/workflows/release.yml@refs/tags/v2'
  assert.ok(verifyCommands(result).some((c) => c.endsWith('--signer-workflow octo-org/shared/.github/workflows/release.yml')))
  assert.ok(
    verifyCommands(result).some((c) =>
      c.includes("--certificate-identity 'https://github.com/octo-org/shared/.github/workflows/release.yml@refs/tags/v2'")
    )
  )
  result.sign!.identity = IDENTITY
  assert.ok(!verifyCommands(result).some((c) => c.includes('--signer-workflow')))
})

test('a failure after the push says the image is in the registry, by digest, untagged', () => {
  const result = released()
  delete result.tags
  result.steps.tags = { status: 'not-run' }
  result.steps.attest = { status: 'failed', error: 'Rekor answered 503' }
  assert.ok(renderSummary(result).includes(`> The image was pushed by digest (${DIGEST}). No tag was applied.`))
})
