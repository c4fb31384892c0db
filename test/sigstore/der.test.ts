// The one-allocation DER encoder gives the bytes @sigstore/core's own encoder gives, over what a
// verification encodes: the trusted root's certificates, a Fulcio leaf (whole, its
// tbsCertificate, and a copy with its SCT extension removed as the SCT check does), an RFC 3161
// timestamp, and lengths in every form.
import { test, describe, before } from 'node:test'
import assert from 'node:assert/strict'
import { ASN1Obj, RFC3161Timestamp, X509Certificate } from '@sigstore/core'
import { attest, type Bundle } from 'sigstore'
import { testScope } from '../harness/scope.js'
import { startOidcProvider } from '../harness/oidc.js'
import { startSigstore } from '../harness/sigstore.js'
import { encodeDer, installFastDerEncoding } from '../../src/sigstore/der.js'
import { createBundleVerifier } from '../../src/sigstore/verifier.js'

const scope = testScope()
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())

const SCT_OID = '1.3.6.1.4.1.11129.2.4.2'
/** The library's encoder, taken before anything of ours has run (importing der.ts installs nothing). */
const LIBRARY_TO_DER = ASN1Obj.prototype.toDER

function assertSameEncoding(node: unknown, label: string): Buffer {
  const ours = encodeDer(node as Parameters<typeof encodeDer>[0])
  assert.deepEqual(ours, LIBRARY_TO_DER.call(node as ASN1Obj), `${label}: the encoders differ`)
  return ours
}

/** Tag, minimal DER length, body. */
function tlv(tag: number, body: Buffer): Buffer {
  const octets: number[] = []
  for (let rest = body.length; rest > 0; rest >>= 8) octets.unshift(rest & 0xff)
  const length = body.length < 0x80 ? [body.length] : [0x80 | octets.length, ...octets]
  return Buffer.concat([Buffer.from([tag, ...length]), body])
}

describe('DER encoding', () => {
  let bundle: Bundle
  before(async () => {
    bundle = await attest(Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'), 'application/vnd.in-toto+json', {
      fulcioURL: sigstore.fulcioUrl,
      rekorURL: sigstore.rekorUrl,
      tsaServerURL: sigstore.tsaUrl,
      identityToken: await oidc.mintToken('sigstore'),
      retry: { retries: 0 }
    })
  })

  test("a verifier installs it over the library's encoder, which then gives back the bytes a certificate was parsed from", () => {
    assert.equal(ASN1Obj.prototype.toDER, LIBRARY_TO_DER, 'nothing installed before a verifier is made')
    createBundleVerifier(sigstore.trustedRoot)
    assert.notEqual(ASN1Obj.prototype.toDER, LIBRARY_TO_DER, 'making a verifier installed the encoder')
    assert.equal(installFastDerEncoding(), true, 'it says it is installed')
    const root = sigstore.trustedRoot as { certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[] }
    const der = Buffer.from(root.certificateAuthorities[0].certChain.certificates[0].rawBytes, 'base64')
    assert.deepEqual(X509Certificate.parse(der).root.toDER(), der)
  })

  test("the trusted root's certificates encode alike, and as they were parsed", () => {
    const root = sigstore.trustedRoot as Record<string, { certChain?: { certificates: { rawBytes: string }[] } }[]>
    let certificates = 0
    for (const authority of [...root.certificateAuthorities, ...root.timestampAuthorities])
      for (const { rawBytes } of authority.certChain?.certificates ?? []) {
        const der = Buffer.from(rawBytes, 'base64')
        const certificate = X509Certificate.parse(der)
        assert.deepEqual(assertSameEncoding(certificate.root, 'certificate'), der)
        assertSameEncoding(certificate.tbsCertificate, 'tbsCertificate')
        certificates++
      }
    assert.ok(certificates >= 2, `only ${certificates} certificates in the trusted root`)
  })

  test('a Fulcio leaf encodes alike whole, as its tbsCertificate, and with its SCT extension removed', () => {
    const material = bundle.verificationMaterial
    const raw = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0].rawBytes
    assert.ok(raw, 'the bundle carries its certificate')
    const der = Buffer.from(raw, 'base64')
    const leaf = X509Certificate.parse(der)
    assert.deepEqual(assertSameEncoding(leaf.root, 'leaf'), der)
    const tbs = assertSameEncoding(leaf.tbsCertificate, 'leaf tbsCertificate')

    // As the SCT check does: a copy whose extension list loses the SCT list in place, encoded after the change.
    const copy = leaf.clone()
    const at = copy.extensions.findIndex((extension) => extension.subs[0].toOID() === SCT_OID)
    assert.ok(at >= 0, 'the leaf carries an SCT')
    copy.extensions.splice(at, 1)
    const withoutSct = assertSameEncoding(copy.tbsCertificate, 'tbsCertificate without its SCT')
    assert.ok(withoutSct.length < tbs.length)
  })

  test('an RFC 3161 timestamp encodes alike', () => {
    const timestamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []
    assert.equal(timestamps.length, 1)
    const der = Buffer.from(timestamps[0].signedTimestamp, 'base64')
    const timestamp = RFC3161Timestamp.parse(der)
    assert.deepEqual(assertSameEncoding(timestamp.root, 'timestamp'), der)
  })

  test('short, one-, two- and three-octet lengths, empty values and nesting encode alike', () => {
    for (const size of [0, 1, 127, 128, 255, 256, 65535, 65536, 70000]) {
      const octets = tlv(0x04, Buffer.alloc(size, 0xab))
      const der = tlv(0x30, Buffer.concat([octets, tlv(0x30, tlv(0x02, Buffer.from([1]))), tlv(0x05, Buffer.alloc(0))]))
      assert.deepEqual(assertSameEncoding(ASN1Obj.parseBuffer(der), `${size} bytes`), der)
    }
  })
})
