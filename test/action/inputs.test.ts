import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normalizeImage, readInputs, splitList, splitTags } from '../../src/action/inputs.js'
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

test('tags split on commas, newlines and spaces; path and glob lists on commas and newlines only', () => {
  assert.deepEqual(read({ tags: 'v1 latest' }).tags, ['v1', 'latest'])
  assert.deepEqual(read({ tags: ' v1.2.3  latest,stable\n\tedge , v1.2.3 ' }).tags, ['v1.2.3', 'latest', 'stable', 'edge'])
  assert.deepEqual(splitTags('a\r\nb  c,,d'), ['a', 'b', 'c', 'd'])
  const inputs = read({
    'deploy-paths': 'clusters/prod apps/*.yaml, base/my values.yml\n overlays/**/*.yaml ',
    'test-results': 'reports/unit tests/*.xml\nreports/e2e.xml',
    'mutable-tags': 'pr-*, nightly build\nlatest'
  })
  assert.deepEqual(inputs.deployPaths, ['clusters/prod apps/*.yaml', 'base/my values.yml', 'overlays/**/*.yaml'])
  assert.deepEqual(inputs.testResults, ['reports/unit tests/*.xml', 'reports/e2e.xml'])
  assert.deepEqual(inputs.mutableTags, ['pr-*', 'nightly build', 'latest'])
})

test('a ghcr.io image is lower-cased, with a notice to log; other registries keep refusing upper case', () => {
  const { image, notice } = normalizeImage('ghcr.io/Acme/App')
  assert.deepEqual(image, { registry: 'ghcr.io', repository: 'acme/app', tag: undefined, digest: undefined })
  assert.equal(notice, 'input `image`: using ghcr.io/acme/app for ghcr.io/Acme/App (ghcr.io repository names are lowercase)')
  const inputs = read({ image: 'ghcr.io/Acme/App' })
  assert.equal(inputs.imageName, 'ghcr.io/acme/app')
  assert.equal(inputs.imageNotice, notice)
  assert.equal(read({ image: 'GHCR.IO/Acme/Some.App' }).imageName, 'ghcr.io/acme/some.app')
  // Nothing to say when nothing changed.
  assert.equal(normalizeImage('ghcr.io/acme/app').notice, undefined)
  assert.equal(read({}).imageNotice, undefined)
  // Lower-casing does not make an invalid name valid.
  assert.throws(() => normalizeImage('ghcr.io/Acme/App!'), /input `image`: .*"app!" is not a valid repository path component/)
  for (const image of ['registry.example.com/Acme/App', 'docker.io/Acme/app', 'localhost:5000/Acme/app', 'ghcr.io.example.com/Acme/app'])
    assert.throws(() => normalizeImage(image), /\(repository names must be lowercase\)/, image)
})

test('each bad input names itself and the fix', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ layout: '' }, /input `layout`: is required/],
    [{ image: '' }, /input `image`: is required/],
    [{ image: 'ghcr.io/octo/app:v1' }, /input `image`: .*carries a tag; give the repository alone and list tags in `tags`/],
    [
      { image: 'registry.example.com/Octo/App' },
      /input `image`: "registry.example.com\/Octo\/App": "Octo" is not a valid repository path component \(repository names must be lowercase\)/
    ],
    [{ image: 'Octo/App' }, /input `image`: .*\(repository names must be lowercase\)/],
    [{ image: 'ghcr.io/Octo/App:v1' }, /input `image`: .*carries a tag/],
    [{ tags: 'v1 .bad' }, /input `tags`: "\.bad" is not a valid tag/],
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
