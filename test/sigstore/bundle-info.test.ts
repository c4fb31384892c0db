// Facts read out of a real Sigstore bundle made by the local instance: the signer's identity and
// issuer from the Fulcio certificate, the Rekor log index, and DSSE's pre-authentication encoding.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attest } from 'sigstore'
import { startOidcProvider } from '../harness/oidc.js'
import { startSigstore } from '../harness/sigstore.js'
import { testScope } from '../harness/scope.js'
import { bundleIdentity, bundleLogIndex, preAuthEncoding } from '../../src/sigstore/bundle-info.js'

const scope = testScope()
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())

test('the identity, issuer and log index of a bundle are those Fulcio and Rekor gave it', async () => {
  const bundle = await attest(Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'), 'application/vnd.in-toto+json', {
    fulcioURL: sigstore.fulcioUrl,
    rekorURL: sigstore.rekorUrl,
    identityToken: await oidc.mintToken('sigstore')
  })
  const who = bundleIdentity(bundle)
  assert.equal(who.san, `https://github.com/${oidc.claims.job_workflow_ref}`)
  assert.equal(who.issuer, oidc.issuer)
  assert.equal(bundleLogIndex(bundle), Number(bundle.verificationMaterial.tlogEntries[0].logIndex))
  assert.deepEqual(
    bundleIdentity({ ...bundle, verificationMaterial: { ...bundle.verificationMaterial, certificate: undefined } } as never),
    {}
  )
})

test('DSSE pre-authentication encoding is the spec\'s: "DSSEv1 <len> <type> <len> <payload>", lengths in bytes', () => {
  assert.equal(preAuthEncoding('application/vnd.in-toto+json', Buffer.from('hé')).toString(), 'DSSEv1 28 application/vnd.in-toto+json 3 hé')
})
