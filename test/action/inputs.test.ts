import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readInputs, splitList } from '../../src/action/inputs.js'
import { InputError } from '../../src/steps/errors.js'

const base = { layout: 'out/layout', image: 'ghcr.io/octo-org/app' }
const read = (inputs: Record<string, string>) => readInputs((name) => ({ ...base, ...inputs })[name] ?? '')

test('defaults follow DESIGN.md', () => {
  const inputs = read({})
  assert.equal(inputs.imageName, 'ghcr.io/octo-org/app')
  assert.deepEqual(inputs.tags, [])
  assert.equal(inputs.sign, true)
  assert.equal(inputs.signatureFormat, 'both')
  assert.equal(inputs.provenance, true)
  assert.equal(inputs.sbom, 'generate')
  assert.equal(inputs.oidcAudience, 'sigstore')
  assert.equal(inputs.fulcioUrl, undefined, 'the instance decides, unless overridden')
  assert.equal(inputs.sigstoreInstance, 'auto')
  assert.equal(inputs.githubAttestations, true)
  assert.deepEqual(inputs.deployPaths, ['**/*.yaml', '**/*.yml'])
  assert.equal(inputs.deployMode, 'pull-request')
  assert.equal(inputs.autoMerge, 'off')
  assert.equal(inputs.dryRun, false)
})

test('lists split on newlines and commas, trimmed and deduplicated', () => {
  assert.deepEqual(splitList(' v1 ,\nlatest\n\n v1 '), ['v1', 'latest'])
  assert.deepEqual(read({ tags: 'v1.2.3\nlatest, stable' }).tags, ['v1.2.3', 'latest', 'stable'])
  assert.equal(read({ image: 'nginx' }).imageName, 'docker.io/library/nginx')
})

test('each bad input names itself and the fix', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ layout: '' }, /input `layout`: is required/],
    [{ image: '' }, /input `image`: is required/],
    [{ image: 'ghcr.io/octo/app:v1' }, /input `image`: .*carries a tag; give the repository alone and list tags in `tags`/],
    [{ image: 'ghcr.io/Octo/App' }, /input `image`: .*lowercase/],
    [{ tags: 'v1, .bad' }, /input `tags`: "\.bad" is not a valid tag/],
    [{ tags: 'x'.repeat(129) }, /input `tags`: .*is not a valid tag/],
    [{ sign: 'maybe' }, /input `sign`: "maybe" is not a boolean/],
    [{ 'signature-format': 'cosign' }, /input `signature-format`: "cosign" is not one of bundle, legacy, both/],
    [{ 'deploy-mode': 'merge' }, /input `deploy-mode`/],
    [{ 'auto-merge': 'yes' }, /input `auto-merge`/],
    [{ 'rekor-url': 'ftp://x' }, /input `rekor-url`: "ftp:\/\/x" is not an http\(s\) URL/],
    [{ 'deploy-repository': 'not a repo' }, /input `deploy-repository`/]
  ]
  for (const [inputs, message] of cases) {
    assert.throws(
      () => read(inputs),
      (error: unknown) => error instanceof InputError && message.test(error.message),
      JSON.stringify(inputs)
    )
  }
})
