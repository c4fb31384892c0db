// sendHttp through a real forward proxy (Squid on loopback). The servers are named *.test, which
// only Squid resolves (its hosts file), so a request that reaches them went through the proxy.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import https from 'node:https'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { AddressInfo } from 'node:net'
import { configureProxy, describeCertificateFailure, HttpConnectionError, isCertificateError, sendHttp } from '../../src/net/http.js'
import { isRetryableNetworkError } from '../../src/net/retry.js'
import { startSquid, squidAvailable, type SquidProxy } from '../harness/squid.js'
import { makeTestCertificates } from '../harness/tls.js'
import { freePort } from '../harness/ports.js'

const skip = squidAvailable() ? false : 'Squid (/usr/sbin/squid) is not installed'
let squid: SquidProxy
let plain: http.Server
let secure: https.Server
let work: string
const plainConnections: number[] = []
const received: Array<{ method: string; url: string; host?: string; bytes: number; proxyAuthorization?: string }> = []

function port(server: http.Server): number {
  return (server.address() as AddressInfo).port
}

before(async () => {
  if (skip) return
  work = await mkdtemp(join(tmpdir(), 'dr-http-proxy-'))
  squid = await startSquid({ names: ['api.test', 'registry.test'] })
  plain = http.createServer((req, res) => {
    let bytes = 0
    req.on('data', (chunk: Buffer) => (bytes += chunk.length))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        host: req.headers.host,
        bytes,
        proxyAuthorization: req.headers['proxy-authorization']
      })
      res.setHeader('Content-Type', 'text/plain')
      res.end(`${req.method} ${req.url} ${bytes}`)
    })
  })
  plain.on('connection', () => plainConnections.push(Date.now()))
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
  // An HTTPS server whose CA this process does not trust (NODE_EXTRA_CA_CERTS is not set here).
  const certificates = await makeTestCertificates(work, ['registry.test'])
  secure = https.createServer({ key: certificates.key, cert: certificates.cert }, (_req, res) => res.end('secret'))
  await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve))
})

after(async () => {
  configureProxy({})
  plain?.closeAllConnections()
  plain?.close()
  secure?.closeAllConnections()
  secure?.close()
  await squid?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

test('a plain-http request goes to the proxy in absolute form, with upper-case HTTP_PROXY alone', { skip }, async () => {
  configureProxy({ HTTP_PROXY: squid.url })
  const url = new URL(`http://api.test:${port(plain)}/v1/items?x=1`)
  const first = await sendHttp({ method: 'GET', url })
  assert.equal(first.status, 200)
  assert.equal(first.body.toString(), 'GET /v1/items?x=1 0')
  const second = await sendHttp({ method: 'GET', url })
  assert.equal(second.status, 200)
  const log = await squid.accessLog()
  assert.equal(log.filter((line) => line.includes(` GET http://api.test:${port(plain)}/v1/items?x=1 `)).length, 2, log.join('\n'))
  assert.equal(received.at(-1)?.host, `api.test:${port(plain)}`)
})

test('a streamed upload goes through the proxy whole', { skip }, async () => {
  configureProxy({ http_proxy: squid.url })
  const chunks = Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 7))
  const response = await sendHttp({
    method: 'PUT',
    url: new URL(`http://api.test:${port(plain)}/upload`),
    headers: { 'Content-Length': String(64 * 16 * 1024) },
    body: Readable.from(chunks)
  })
  assert.equal(response.status, 200)
  assert.equal(response.body.toString(), `PUT /upload ${64 * 16 * 1024}`)
  assert.ok((await squid.accessLog()).some((line) => line.includes(` PUT http://api.test:${port(plain)}/upload `)))
})

test(
  'an https request goes through a CONNECT tunnel; an untrusted certificate fails at once, naming the host and NODE_EXTRA_CA_CERTS',
  { skip },
  async () => {
    configureProxy({ HTTPS_PROXY: squid.url })
    const url = new URL(`https://registry.test:${port(secure)}/v2/`)
    const started = Date.now()
    const error = await sendHttp({ method: 'GET', url }).then(
      () => assert.fail('an untrusted certificate was accepted'),
      (e: unknown) => e
    )
    assert.ok(Date.now() - started < 5000)
    assert.ok(error instanceof HttpConnectionError)
    assert.match(
      error.message,
      /^GET https:\/\/registry\.test:\d+\/v2\/: the certificate of registry\.test is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: /
    )
    assert.match(error.message, /set NODE_EXTRA_CA_CERTS to that CA's PEM file/)
    assert.ok(isCertificateError(error))
    assert.equal(isRetryableNetworkError(error), false, 'not retried')
    assert.deepEqual(await squid.tunnels(), [`registry.test:${port(secure)}`])
  }
)

test('NO_PROXY sends a request around the proxy; loopback names never use it', { skip }, async () => {
  configureProxy({ HTTP_PROXY: squid.url, NO_PROXY: 'api.test' })
  const before = (await squid.accessLog()).length
  // api.test is known to Squid alone: going around the proxy, the name does not resolve here.
  const error = await sendHttp({ method: 'GET', url: new URL(`http://api.test:${port(plain)}/direct`) }).then(
    () => assert.fail('api.test resolved without the proxy'),
    (e: unknown) => e as HttpConnectionError
  )
  assert.match(error.code ?? '', /ENOTFOUND|EAI_AGAIN/)
  const direct = await sendHttp({ method: 'GET', url: new URL(`http://localhost:${port(plain)}/loopback`) })
  assert.equal(direct.status, 200)
  assert.equal((await squid.accessLog()).length, before, 'the proxy saw nothing')
})

test('the proxy refusing a tunnel, or not listening, is named as the proxy failure', { skip }, async () => {
  configureProxy({ HTTPS_PROXY: squid.url })
  // Nothing listens there: Squid cannot open the tunnel.
  const closed = await freePort()
  const refused = await sendHttp({ method: 'GET', url: new URL(`https://registry.test:${closed}/`) }).then(
    () => assert.fail('a tunnel opened'),
    (e: unknown) => e as HttpConnectionError
  )
  assert.match(
    refused.message,
    new RegExp(`the proxy http://127\\.0\\.0\\.1:${squid.port} refused a tunnel to registry\\.test:${closed}: 5\\d\\d`)
  )
  assert.equal(refused.code, 'EPROXY')

  const nowhere = `http://127.0.0.1:${await freePort()}`
  configureProxy({ HTTPS_PROXY: nowhere, HTTP_PROXY: nowhere })
  for (const url of ['https://registry.test/v2/', 'http://api.test/v1']) {
    const error = await sendHttp({ method: 'GET', url: new URL(url) }).then(
      () => assert.fail('no proxy listens'),
      (e: unknown) => e as HttpConnectionError
    )
    assert.match(error.message, new RegExp(`cannot reach the proxy ${nowhere.replace(/\./g, '\\.')}: .*ECONNREFUSED`))
    assert.equal(error.code, 'ECONNREFUSED', 'a proxy not listening is worth a retry')
  }
})

test('describeCertificateFailure words expired and misnamed certificates', () => {
  const expired = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' })
  assert.match(
    describeCertificateFailure(expired, 'r.example') ?? '',
    /^the certificate of r\.example is not trusted: it is outside its validity period/
  )
  const misnamed = Object.assign(new Error("Hostname/IP does not match certificate's altnames"), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' })
  assert.match(describeCertificateFailure(misnamed, 'r.example') ?? '', /is not issued for r\.example/)
  assert.equal(describeCertificateFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 'r.example'), undefined)
})
