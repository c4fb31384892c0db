// Forged Sigstore evidence, as an attacker with push access to a repository could plant it: a
// self-signed certificate that looks like Fulcio's (the workflow URI SAN, Fulcio's issuer
// extensions), and bundles re-signed with it that keep an honest bundle's log entry and timestamps.
import { KeyObject, randomBytes, sign as signBytes, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { preAuthEncoding } from '../../src/sigstore/bundle-info.js'

/** A DER UTF8String (short form: the issuer URLs are under 128 bytes). */
const utf8String = (text: string): Buffer => {
  const bytes = Buffer.from(text, 'utf8')
  return Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes])
}

/**
 * A self-signed certificate that looks like a Fulcio one (the workflow URI SAN, Fulcio's issuer
 * extensions) and the key that signs with it.
 */
export async function forgedCertificate(san: string, issuer: string): Promise<{ der: Buffer; key: KeyObject }> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString('hex'),
    name: 'O=sigstore.dev, CN=sigstore-intermediate',
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 3600_000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.3']),
      new x509.SubjectAlternativeNameExtension([{ type: 'url', value: san }], true),
      new x509.Extension('1.3.6.1.4.1.57264.1.1', false, Buffer.from(issuer, 'utf8')),
      new x509.Extension('1.3.6.1.4.1.57264.1.8', false, utf8String(issuer))
    ]
  })
  return { der: Buffer.from(certificate.rawData), key: KeyObject.from(keys.privateKey) }
}

/** The honest DSSE bundle re-signed by a forged certificate with this identity, its log entry and timestamps kept as they were. */
export async function forgeBundle<T>(honest: T, identity: { san: string; issuer: string }): Promise<T> {
  const forged = JSON.parse(JSON.stringify(honest))
  const { der, key } = await forgedCertificate(identity.san, identity.issuer)
  const envelope = forged.dsseEnvelope
  const pae = preAuthEncoding(envelope.payloadType, Buffer.from(envelope.payload, 'base64'))
  envelope.signatures = [{ keyid: '', sig: signBytes('sha256', pae, { key, dsaEncoding: 'der' }).toString('base64') }]
  forged.verificationMaterial.certificate = { rawBytes: der.toString('base64') }
  return forged
}
