// The job summary and the outputs, from results built by hand: each is a pure function of the result.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderSummary, verifyCommands } from '../../src/action/summary.js'
import { outputsFor } from '../../src/action/outputs.js'
import { emptyResult, type ReleaseResult } from '../../src/action/result.js'
import type { AttestationSummary } from '../../src/steps/attest.js'
import { PREDICATE_TYPE } from '../../src/sigstore/predicates.js'

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

test('the summary leads with the headline, then names the image, each step, the tags and the evidence, and gives verify commands for the identity that signed', () => {
  const summary = renderSummary(released())
  assert.equal(
    summary.split('\n')[0],
    '✅ **Released** `registry.test/octo-org/app@sha256:abababababab…` as `v1`, `latest`, signed and attested.'
  )
  assert.ok(summary.includes(`\`\`\`\nregistry.test/octo-org/app@${DIGEST}\n\`\`\``))
  assert.match(summary, /\| `latest` \| moved \| `sha256:cdcdcdcdcdcd…` \| `sha256:abababababab…` \|/)
  assert.match(summary, /\| Deploy \| ⏭️ skipped \(no `deploy-repository` given\)/)
  assert.ok(summary.includes("- Rekor log index of the index's signature: 42."))
  assert.ok(summary.includes(`cosign verify registry.test/octo-org/app@${DIGEST} --certificate-identity '${IDENTITY}'`))
  assert.ok(summary.includes('--type slsaprovenance1'))
  assert.ok(summary.includes(`gh attestation verify oci://registry.test/octo-org/app@${DIGEST} --owner octo-org`))
})

test('the evidence is one row per digest, short digests and marks; the full digests and where each piece is stored are folded away below', () => {
  const summary = renderSummary(released())
  assert.ok(
    summary.includes(
      [
        '| manifest | digest | signature | provenance | SBOM | tests |',
        '|---|---|:-:|:-:|:-:|:-:|',
        '| index | `sha256:abababababab…` | ✅ | ✅ | — | — |',
        '| linux/amd64 | `sha256:cdcdcdcdcdcd…` | ✅ | — | — | — |'
      ].join('\n')
    ),
    summary
  )
  const details = summary.slice(summary.indexOf('<details>'), summary.indexOf('</details>'))
  assert.ok(details.startsWith('<details><summary>Full digests and where the evidence is stored</summary>'))
  assert.ok(details.includes(`| **index** | \`${DIGEST}\` |`))
  assert.ok(details.includes(`| signature | referrer \`${OLD}\`<br>tag \`sha256-${'ab'.repeat(32)}.sig\` |`))
  assert.ok(details.includes(`| provenance | referrer \`${OLD}\` |`))
  assert.ok(details.includes(`| **linux/amd64** | \`${OLD}\` |`))
  assert.ok(details.includes("cosign's legacy tags are tags of `registry.test/octo-org/app`."))
  assert.ok(details.includes(`- Signed by \`${IDENTITY}\` (issuer \`https://token.actions.githubusercontent.com\`).`))
  assert.ok(!summary.includes('| platform | digest |'), 'the platforms are rows of the evidence table, not a table of their own')
})

test('SBOMs, test results and legacy attestation tags per platform: marked in the table, stored once per digest, verified per digest with the SBOM type cosign matches', () => {
  const result = released()
  const ARM = `sha256:${'ef'.repeat(32)}`
  const REFERRER_HEX = { provenance: '1', sbom: '5', 'test-result': '7' }
  result.platformDigests = { 'linux/amd64': OLD, 'linux/arm64': ARM }
  result.referrersMode = 'tag-schema'
  const attestation = (kind: AttestationSummary['kind'], predicateType: string, subjectDigest: string, platform?: string) => ({
    kind,
    platform,
    subjectDigest,
    referrerDigest: `sha256:${REFERRER_HEX[kind].repeat(64)}`,
    legacyTag: `registry.test/octo-org/app:${subjectDigest.replace(':', '-')}.att`,
    predicateType
  })
  const tests = [DIGEST, OLD, ARM].map((digest) => attestation('test-result', PREDICATE_TYPE.testResult, digest))
  result.attest = {
    testResult: { ...tests[0], result: 'FAILED', passed: 40, failed: 2 },
    attestations: [
      ...tests,
      attestation('sbom', PREDICATE_TYPE.spdx23, OLD, 'linux/amd64'),
      attestation('sbom', PREDICATE_TYPE.cycloneDx, ARM, 'linux/arm64')
    ]
  }
  const summary = renderSummary(result)
  assert.ok(summary.includes('| index | `sha256:abababababab…` | ✅ | — | — | ❌ 40 passed, 2 failed |'), summary)
  assert.ok(summary.includes('| linux/amd64 | `sha256:cdcdcdcdcdcd…` | ✅ | — | ✅ SPDX | ❌ 40 passed, 2 failed |'))
  assert.ok(summary.includes('| linux/arm64 | `sha256:efefefefefef…` | ✅ | — | ✅ CycloneDX | ❌ 40 passed, 2 failed |'))
  assert.ok(summary.includes('Referrers are stored via the tag schema;'))
  const armRows = summary.slice(summary.indexOf('| **linux/arm64** |'), summary.indexOf('</details>'))
  assert.ok(armRows.startsWith(`| **linux/arm64** | \`${ARM}\` |\n| test results | referrer \`sha256:${'7'.repeat(64)}\` |\n`))
  assert.ok(armRows.includes(`| SBOM (CycloneDX) | referrer \`sha256:${'5'.repeat(64)}\` |`))
  assert.equal(armRows.split(`tag \`sha256-${'ef'.repeat(32)}.att\``).length, 2, "one legacy tag holds all of a digest's attestations")

  const certificate = `--certificate-identity '${IDENTITY}' --certificate-oidc-issuer 'https://token.actions.githubusercontent.com'`
  const commands = verifyCommands(result)
  assert.ok(
    commands.includes(
      `cosign verify-attestation registry.test/octo-org/app@${OLD} --type https://spdx.dev/Document/v2.3 ${certificate}  # linux/amd64`
    )
  )
  assert.ok(commands.includes(`cosign verify-attestation registry.test/octo-org/app@${ARM} --type cyclonedx ${certificate}  # linux/arm64`))
  assert.ok(!commands.some((c) => c.includes('--type slsaprovenance1')), 'no provenance, no provenance command')
  assert.ok(summary.includes(`\`\`\`sh\n${commands.join('\n')}\n\`\`\``))
})

test('an SBOM given as a file is attested to the top digest, and verified there', () => {
  const result = released()
  result.attest!.attestations.push({ kind: 'sbom', subjectDigest: DIGEST, referrerDigest: OLD, predicateType: PREDICATE_TYPE.cycloneDx })
  assert.ok(renderSummary(result).includes('| index | `sha256:abababababab…` | ✅ | ✅ | ✅ CycloneDX | — |'))
  assert.ok(
    verifyCommands(result).includes(
      `cosign verify-attestation registry.test/octo-org/app@${DIGEST} --type cyclonedx --certificate-identity '${IDENTITY}' --certificate-oidc-issuer 'https://token.actions.githubusercontent.com'`
    )
  )
})

test('the deploy change is a diff of full references, one hunk per changed line; an inserted value has no removed line', () => {
  const result = released()
  const image = 'registry.test/octo-org/app'
  result.deploy = {
    pullRequestNumber: 7,
    pullRequestUrl: 'https://github.test/octo-org/deploy/pull/7',
    pullRequestOperation: 'created',
    patchedFiles: ['k8s/app.yaml', 'k8s/kustomization.yaml'],
    diff: '',
    changes: [
      { file: 'k8s/app.yaml', line: 12, from: `${image}:v0@${OLD}`, to: `${image}:v1@${DIGEST}` },
      { file: 'k8s/kustomization.yaml', line: 9, from: '', to: DIGEST }
    ]
  }
  const summary = renderSummary(result)
  assert.ok(
    summary.includes(
      [
        '```diff',
        '# k8s/app.yaml:12',
        `- ${image}:v0@${OLD}`,
        `+ ${image}:v1@${DIGEST}`,
        '# k8s/kustomization.yaml:9',
        `+ ${DIGEST}`,
        '```'
      ].join('\n')
    ),
    summary
  )
  assert.ok(!summary.includes('| file | line | from | to |'))
  // A reference too long for the panel keeps its tag and digest in view: the shared name moves to the header.
  const long = 'registry.example.com:5000/platform-team/payments-service-api'
  result.deploy.changes = [{ file: 'k8s/app.yaml', line: 12, from: `${long}:v1.2.2@${OLD}`, to: `${long}:v1.2.3@${DIGEST}` }]
  assert.ok(
    renderSummary(result).includes(['# k8s/app.yaml:12', `# ${long}`, `- …:v1.2.2@${OLD}`, `+ …:v1.2.3@${DIGEST}`].join('\n')),
    renderSummary(result)
  )
  assert.ok(summary.includes('Pull request #7 (created): https://github.test/octo-org/deploy/pull/7'))
})

test('a promote shows what verified at each end for the promoted digest; the platform manifests are listed, not verified', () => {
  const result = emptyResult('registry.test/prod/app', false, ['v1'], 'octo-org', undefined, 'promote')
  result.digest = DIGEST
  result.platformDigests = { 'linux/amd64': OLD }
  const verified = (where: string) => ({
    where,
    digest: DIGEST,
    identity: IDENTITY,
    issuer: 'https://token.actions.githubusercontent.com',
    signatures: 2,
    attestations: { [PREDICATE_TYPE.slsaProvenance1]: 1, [PREDICATE_TYPE.spdx23]: 1 }
  })
  result.promote = { from: `registry.test/staging/app@${DIGEST}`, source: verified('source'), destination: verified('destination') }
  const summary = renderSummary(result)
  assert.ok(
    summary.includes(
      [
        '| index (source) | `sha256:abababababab…` | ✅ | ✅ | ✅ SPDX | — |',
        '| index (destination) | `sha256:abababababab…` | ✅ | ✅ | ✅ SPDX | — |',
        '| linux/amd64 | `sha256:cdcdcdcdcdcd…` | · | · | · | · |'
      ].join('\n')
    ),
    summary
  )
  assert.ok(summary.includes("· not verified: promote verifies the evidence of the digest it promotes, not each platform manifest's."))
  assert.ok(summary.includes('<details><summary>Full digests and what was verified</summary>'))
  assert.ok(summary.includes(`| linux/amd64 | \`${OLD}\` |`))
  assert.ok(
    summary.includes(
      `- destination: 2 signature(s) by \`${IDENTITY}\` (issuer \`https://token.actions.githubusercontent.com\`); attested: \`https://slsa.dev/provenance/v1\` (1), \`https://spdx.dev/Document/v2.3\` (1).`
    )
  )
  assert.ok(summary.includes('**Promoted** from `registry.test/staging/app`, same digest'))
  assert.ok(
    verifyCommands(result).includes(
      `cosign verify-attestation registry.test/prod/app@${DIGEST} --type https://spdx.dev/Document/v2.3 --certificate-identity '${IDENTITY}' --certificate-oidc-issuer 'https://token.actions.githubusercontent.com'`
    )
  )
})

test('without evidence the digests are still listed; with neither evidence nor platforms there is no evidence section', () => {
  const result = released()
  delete result.sign
  delete result.attest
  const summary = renderSummary(result)
  assert.ok(
    summary.includes(
      '**Evidence**\n\n| manifest | digest |\n|---|---|\n| index | `sha256:abababababab…` |\n| linux/amd64 | `sha256:cdcdcdcdcdcd…` |\n'
    )
  )
  assert.ok(!summary.includes('<details>'))
  result.platformDigests = {}
  assert.ok(!renderSummary(result).includes('**Evidence**'))
})

test('a failed step leads the summary with its error; no verify commands without a signature', () => {
  const result = emptyResult('registry.test/octo-org/app', false, ['v1'])
  result.steps.preflight = { status: 'failed', error: 'tag registry.test/octo-org/app:v1 already names sha256:…' }
  const summary = renderSummary(result)
  assert.match(summary.split('\n')[0], /^❌ \*\*Not released:\*\*/)
  assert.ok(
    summary.includes(
      '\n> [!CAUTION]\n> **Failed in Preflight:** tag registry.test/octo-org/app:v1 already names sha256:…\n>\n> Nothing was written to the registry.\n'
    )
  )
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
  assert.ok(renderSummary(result).includes(`> The image was pushed by digest (\`${DIGEST}\`). No tag was applied.`))
})
