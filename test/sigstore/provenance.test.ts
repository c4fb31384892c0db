// Our SLSA provenance agrees field by field with @actions/attest's buildSLSAProvenancePredicate,
// given the same runner environment and a real RS256 token that it verifies against the issuer's JWKS.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSLSAProvenancePredicate } from '@actions/attest'
import { startOidcProvider } from '../harness/oidc.js'
import { buildProvenancePredicate } from '../../src/sigstore/provenance.js'
import { decodeTokenClaims } from '../../src/sigstore/identity.js'

async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    return await work()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

for (const [label, serverUrl, claims] of [
  ['github.com, push to main', 'https://github.com', {}],
  [
    'GHES-style server, tag release from a reusable workflow',
    'https://github.example.com',
    {
      ref: 'refs/tags/v1.2.3',
      event_name: 'release',
      job_workflow_ref: 'octo-org/workflows/.github/workflows/release.yml@refs/tags/v2',
      runner_environment: 'self-hosted',
      run_attempt: '3'
    }
  ]
] as const) {
  test(`provenance matches @actions/attest: ${label}`, async () => {
    const oidc = await startOidcProvider({ claims })
    try {
      const env = { ...oidc.env(), GITHUB_SERVER_URL: serverUrl }
      const theirs = await withEnv(env, () => buildSLSAProvenancePredicate(oidc.issuer))
      const ours = buildProvenancePredicate(serverUrl, decodeTokenClaims(await oidc.mintToken('sigstore')))
      assert.equal(theirs.type, 'https://slsa.dev/provenance/v1')
      assert.deepEqual(ours, theirs.params)
      assert.equal(ours.runDetails.builder.id, `${serverUrl}/${oidc.claims.job_workflow_ref}`)
      assert.equal(ours.buildDefinition.externalParameters.workflow.path, '.github/workflows/release.yml')
    } finally {
      await oidc.close()
    }
  })
}

test('a token without the GitHub claims is refused with a reason', () => {
  assert.throws(() => buildProvenancePredicate('https://github.com', { sub: 'someone' }), /no `repository` claim/)
})
