// Which Sigstore instance signs: by repository visibility for `auto`, as GitHub's attestations choose.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { InstanceChoiceError, resolveSigstoreInstance } from '../../src/sigstore/instance.js'

const GITHUB = 'https://github.com'

test("auto: public repositories sign on public-good Sigstore with Rekor; private and internal ones on GitHub's instance with its timestamp authority", () => {
  const pub = resolveSigstoreInstance({ choice: 'auto', visibility: 'public', serverUrl: GITHUB, overrides: {} })
  assert.deepEqual(
    [pub.instance, pub.fulcioUrl, pub.rekorUrl, pub.tsaUrl],
    ['public-good', 'https://fulcio.sigstore.dev', 'https://rekor.sigstore.dev', undefined]
  )
  for (const visibility of ['private', 'internal']) {
    const own = resolveSigstoreInstance({ choice: 'auto', visibility, serverUrl: GITHUB, overrides: {} })
    assert.deepEqual(
      [own.instance, own.fulcioUrl, own.rekorUrl, own.tsaUrl],
      ['github', 'https://fulcio.githubapp.com', undefined, 'https://timestamp.githubapp.com']
    )
    assert.match(own.reason, new RegExp(`repository is ${visibility}`))
  }
  assert.equal(
    resolveSigstoreInstance({ choice: 'auto', visibility: 'private', serverUrl: 'https://acme.ghe.com', overrides: {} }).instance,
    'github'
  )
})

test('on GitHub Enterprise Server a private repository needs an explicit choice; an explicit one is taken as given', () => {
  assert.throws(
    () => resolveSigstoreInstance({ choice: 'auto', visibility: 'private', serverUrl: 'https://github.example.com', overrides: {} }),
    (error: unknown) => error instanceof InstanceChoiceError && /sigstore-instance: public-good/.test(error.message)
  )
  assert.equal(
    resolveSigstoreInstance({ choice: 'public-good', visibility: 'private', serverUrl: 'https://github.example.com', overrides: {} })
      .instance,
    'public-good'
  )
  assert.equal(
    resolveSigstoreInstance({ choice: 'auto', visibility: 'public', serverUrl: 'https://github.example.com', overrides: {} }).instance,
    'public-good'
  )
})

test("fulcio-url, rekor-url and tsa-url override the instance's services one by one", () => {
  const resolved = resolveSigstoreInstance({
    choice: 'github',
    serverUrl: GITHUB,
    overrides: { fulcioUrl: 'https://fulcio.example', tsaUrl: undefined }
  })
  assert.deepEqual(
    [resolved.fulcioUrl, resolved.rekorUrl, resolved.tsaUrl],
    ['https://fulcio.example', undefined, 'https://timestamp.githubapp.com']
  )
})
