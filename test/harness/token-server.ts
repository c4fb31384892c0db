// A token service for the distribution registry's own `auth: token` mode: it checks the client's
// Basic credentials and the scope it asks for, and issues ES256 JWTs whose x5c certificate is in
// the registry's rootcertbundle, so the real registry accepts them.
// @peculiar/x509 needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { SignJWT } from 'jose'

export interface TokenRequest {
  service?: string
  scopes: string[]
  user?: string
  granted: boolean
}

export interface TokenServer {
  url: string
  realm: string
  service: string
  issuer: string
  /** PEM of the certificate the registry must trust (its `rootcertbundle`). */
  rootCertificatePem: string
  requests: TokenRequest[]
  /** Tokens issued, for checking that they were masked. */
  issued: string[]
  /** The `auth:` section of the registry configuration. */
  registryConfig(rootCertPath: string): string
  close(): Promise<void>
}

export async function startTokenServer(users: Record<string, string>): Promise<TokenServer> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString('hex'),
    name: 'CN=digest-release test token issuer',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 24 * 3600_000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true)
    ]
  })
  const certificateDer = Buffer.from(certificate.rawData).toString('base64')
  const service = 'digest-release-test-registry'
  const issuer = 'digest-release-test-issuer'
  const requests: TokenRequest[] = []
  const issued: string[] = []

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const scopes = url.searchParams
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean)
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const [user, password] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s) : []
    const granted = user !== undefined && users[user] === password
    requests.push({ service: url.searchParams.get('service') ?? undefined, scopes, user, granted })
    if (!granted) {
      res.writeHead(401, { 'Content-Type': 'application/json' })
      return res.end(JSON.stringify({ details: 'invalid credentials' }))
    }
    const access = scopes.map((scope) => {
      const [type, name, actions] = scope.split(':')
      return { type, name, actions: actions.split(',') }
    })
    const token = await new SignJWT({ access })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', x5c: [certificateDer] })
      .setIssuer(issuer)
      .setSubject(user!)
      .setAudience(service)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('5m')
      .setJti(randomBytes(8).toString('hex'))
      .sign(keys.privateKey)
    issued.push(token)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ token, access_token: token, expires_in: 300 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    realm: `${url}/token`,
    service,
    issuer,
    rootCertificatePem: certificate.toString('pem'),
    requests,
    issued,
    registryConfig: (rootCertPath) =>
      `auth:\n  token:\n    realm: ${url}/token\n    service: ${service}\n    issuer: ${issuer}\n    rootcertbundle: ${rootCertPath}\n`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
