// The Sigstore verifier against the local instance (Fulcio, Rekor and a TSA from @sigstore/mock)
// with real bundles signed by sigstore-js, and bundles forged the ways a hostile registry could:
// a self-made certificate with the right identity and a copied log entry, a changed payload,
// another digest, another signer, a missing time source.
// @peculiar/x509 needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata'
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { attest, sign, type Bundle } from 'sigstore'
import { testScope } from '../harness/scope.js'
import { forgeBundle } from '../harness/forge.js'
import { startOidcProvider } from '../harness/oidc.js'
import { startSigstore } from '../harness/sigstore.js'
import { startTufRepository } from '../harness/tuf-repo.js'
import { GITHUB_TUF_ROOT } from '../../src/sigstore/tuf-root.js'
import {
  BundleVerifier,
  createBundleVerifier,
  loadTrustMaterial,
  resolveTrustedRoot,
  resolveTrustedRootWithReason,
  type Expectation
} from '../../src/sigstore/verifier.js'
import { cosignSignStatement, simpleSigningPayload } from '../../src/sigstore/cosign.js'

const scope = testScope()
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())
const other = scope.server(() => startSigstore())
const work = scope.tempDir('dr-verifier-')

const SAN = 'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main'
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1'
const IN_TOTO = 'application/vnd.in-toto+json'
const digest = (seed: string): string => `sha256:${createHash('sha256').update(seed).digest('hex')}`
const DIGEST = digest('the image')
const OTHER_DIGEST = digest('another image')

function statementAbout(subjectDigest: string, predicateType = SIGN_PREDICATE): Buffer {
  const statement = cosignSignStatement({ name: 'ghcr.io/octo-org/app', digest: subjectDigest }) as Record<string, unknown>
  return Buffer.from(JSON.stringify({ ...statement, predicateType }))
}

async function signOptions(extra: { tsa?: boolean; tlog?: boolean; claims?: Record<string, unknown> } = {}) {
  return {
    fulcioURL: sigstore.fulcioUrl,
    rekorURL: sigstore.rekorUrl,
    tsaServerURL: extra.tsa ? sigstore.tsaUrl : undefined,
    tlogUpload: extra.tlog ?? true,
    identityToken: await oidc.mintToken('sigstore', extra.claims),
    retry: { retries: 0 }
  }
}

const attestAbout = async (subjectDigest: string, extra: Parameters<typeof signOptions>[0] = {}): Promise<Bundle> =>
  attest(statementAbout(subjectDigest), IN_TOTO, await signOptions(extra))

const expectOurs = (): Expectation => ({ subjectDigest: DIGEST, predicateType: SIGN_PREDICATE, identity: SAN, issuer: oidc.issuer })
const verifier = (): BundleVerifier => createBundleVerifier(sigstore.trustedRoot)
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** The honest bundle re-signed by a forged certificate, its log entry and timestamps kept as they were. */
const forge = (honest: Bundle, options: { san?: string; issuer?: string } = {}): Promise<Bundle> =>
  forgeBundle(honest, { san: options.san ?? SAN, issuer: options.issuer ?? oidc.issuer })

describe('DSSE statement bundles', () => {
  test('an honest bundle verifies: identity, issuer, statement and time source are returned', async () => {
    const bundle = await attestAbout(DIGEST)
    const result = verifier().verifyStatementBundle(bundle, expectOurs())
    assert.ok(result.ok, !result.ok ? result.reason : '')
    assert.equal(result.identity, SAN)
    assert.equal(result.issuer, oidc.issuer)
    assert.deepEqual(result.timeSources, ['transparency-log'])
    assert.equal(result.statement.predicateType, SIGN_PREDICATE)
    assert.equal(result.statement.subject[0].digest.sha256, DIGEST.slice(7))

    // The same through a RegExp identity, with no issuer or predicate type asked for, and from
    // trust material loaded once.
    const loaded = new BundleVerifier(loadTrustMaterial(sigstore.trustedRoot))
    const byPattern = loaded.verifyStatementBundle(bundle, {
      subjectDigest: DIGEST,
      identity: /^https:\/\/github\.com\/octo-org\/app\/\.github\/workflows\/release\.yml@refs\/heads\//g
    })
    assert.ok(byPattern.ok, !byPattern.ok ? byPattern.reason : '')
    // A global RegExp keeps lastIndex between tests; the verifier does not let that flip answers.
    assert.ok(loaded.verifyStatementBundle(bundle, { subjectDigest: DIGEST, identity: /release\.yml/g }).ok)
    assert.ok(loaded.verifyStatementBundle(bundle, { subjectDigest: DIGEST, identity: /release\.yml/g }).ok)
  })

  test('FORGED: a self-signed certificate with our SAN and issuer and a copied log entry is rejected for its chain', async () => {
    const honest = await attestAbout(DIGEST)
    const forged = await forge(honest)
    // The forgery is one the old re-run check (signature under the bundle's own certificate) took for ours.
    const result = verifier().verifyStatementBundle(forged, expectOurs())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /certificate does not chain to the trusted root/)

    // Claiming GitHub's real issuer changes nothing.
    const asGithub = verifier().verifyStatementBundle(await forge(honest, { issuer: GITHUB_ISSUER }), {
      ...expectOurs(),
      issuer: GITHUB_ISSUER
    })
    assert.equal(asGithub.ok, false)
    assert.match(!asGithub.ok ? asGithub.reason : '', /certificate does not chain/)
  })

  test('FORGED: the forged certificate with a timestamp copied from an honest bundle is rejected too', async () => {
    const honest = await attestAbout(DIGEST, { tsa: true, tlog: false })
    const result = verifier().verifyStatementBundle(await forge(honest), expectOurs())
    assert.equal(result.ok, false)
    // The timestamp covers the honest signature, not the forged one; either failure rejects.
    assert.match(!result.ok ? result.reason : '', /no transparency log entry or timestamp verifies|certificate does not chain/)
  })

  test('an honest certificate over a changed DSSE payload is rejected', async () => {
    const changed = clone(await attestAbout(OTHER_DIGEST)) as any
    changed.dsseEnvelope.payload = statementAbout(DIGEST).toString('base64')
    const result = verifier().verifyStatementBundle(changed, expectOurs())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /transparency log entry is not for this signature|signature does not verify/)

    // Without the log entry to catch it first, the signature check does.
    const timestamped = clone(await attestAbout(OTHER_DIGEST, { tsa: true, tlog: false })) as any
    timestamped.dsseEnvelope.payload = statementAbout(DIGEST).toString('base64')
    const alone = verifier().verifyStatementBundle(timestamped, expectOurs())
    assert.equal(alone.ok, false)
    assert.equal(!alone.ok ? alone.reason : '', 'the signature does not verify')
  })

  test('a bundle about another digest is rejected, naming both digests', async () => {
    const result = verifier().verifyStatementBundle(await attestAbout(OTHER_DIGEST), expectOurs())
    assert.deepEqual(result, { ok: false, reason: `statement is about ${OTHER_DIGEST}, not ${DIGEST}`, identity: SAN })
  })

  test('a bundle signed by another identity is rejected, naming who signed', async () => {
    const forkSan = 'https://github.com/evil-org/app/.github/workflows/release.yml@refs/heads/main'
    const bundle = await attestAbout(DIGEST, { claims: { job_workflow_ref_url: forkSan } })
    const result = verifier().verifyStatementBundle(bundle, expectOurs())
    assert.deepEqual(result, { ok: false, reason: `signed by ${forkSan}, not ${SAN}`, identity: forkSan })
    const byPattern = verifier().verifyStatementBundle(bundle, { ...expectOurs(), identity: /^https:\/\/github\.com\/octo-org\// })
    assert.equal(!byPattern.ok && byPattern.reason, `signed by ${forkSan}, not /^https:\\/\\/github\\.com\\/octo-org\\//`)
  })

  test('another issuer and another predicate type are rejected, each by name', async () => {
    const bundle = await attestAbout(DIGEST)
    const wrongIssuer = verifier().verifyStatementBundle(bundle, { ...expectOurs(), issuer: GITHUB_ISSUER })
    assert.deepEqual(wrongIssuer, { ok: false, reason: `issued by ${oidc.issuer}, not ${GITHUB_ISSUER}`, identity: SAN })
    const wrongType = verifier().verifyStatementBundle(bundle, { ...expectOurs(), predicateType: 'https://slsa.dev/provenance/v1' })
    assert.deepEqual(wrongType, {
      ok: false,
      reason: `predicate type ${SIGN_PREDICATE}, not https://slsa.dev/provenance/v1`,
      identity: SAN
    })
  })

  test('a bundle from another Sigstore instance does not chain to this trusted root', async () => {
    const result = createBundleVerifier(other.trustedRoot).verifyStatementBundle(await attestAbout(DIGEST), expectOurs())
    assert.equal(result.ok, false)
    // The log entry is checked first, and this instance's log is not in the other root.
    assert.match(!result.ok ? result.reason : '', /no transparency log entry or timestamp verifies|certificate does not chain/)
  })

  test('the certificate needs an SCT from a CT log of the trusted root; an SCT it carries must verify', async () => {
    const bundle = await attestAbout(DIGEST)
    const foreignCtLog = createBundleVerifier({ ...sigstore.trustedRoot, ctlogs: other.trustedRoot.ctlogs })
    const result = foreignCtLog.verifyStatementBundle(bundle, expectOurs())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /^the certificate has no SCT from a trusted CT log/)
    // A root without CT logs (GitHub's instance: its certificates carry no SCT) asks for none, but
    // an SCT a certificate does carry is still checked, and here no log can vouch for it.
    const noCtLogs = createBundleVerifier({ ...sigstore.trustedRoot, ctlogs: [] })
    assert.equal(noCtLogs.trust.ctlogs, 0)
    const unvouched = noCtLogs.verifyStatementBundle(bundle, expectOurs())
    assert.match(!unvouched.ok ? unvouched.reason : '', /^the certificate has no SCT from a trusted CT log/)
  })

  test('a log entry whose integrated time is altered (its promise no longer verifies) is rejected', async () => {
    const bundle = clone(await attestAbout(DIGEST)) as any
    const entry = bundle.verificationMaterial.tlogEntries[0]
    entry.integratedTime = String(Number(entry.integratedTime) + 1)
    const result = verifier().verifyStatementBundle(bundle, expectOurs())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /^no transparency log entry or timestamp verifies/)
  })

  test('anything that is not a Sigstore bundle is rejected, never thrown', async () => {
    for (const junk of [null, undefined, 'bundle', 42, [], {}, { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }]) {
      const result = verifier().verifyStatementBundle(junk, expectOurs())
      assert.equal(result.ok, false)
      assert.match(!result.ok ? result.reason : '', /^not a Sigstore bundle/)
    }
    const garbled = clone(await attestAbout(DIGEST)) as any
    garbled.verificationMaterial.certificate.rawBytes = Buffer.from('not a certificate').toString('base64')
    const result = verifier().verifyStatementBundle(garbled, expectOurs())
    assert.match(!result.ok ? result.reason : '', /^not a Sigstore bundle \(its certificate or timestamp does not parse/)
    const noProof = clone(await attestAbout(DIGEST)) as any
    delete noProof.verificationMaterial.tlogEntries[0].inclusionProof
    const invalid = verifier().verifyStatementBundle(noProof, expectOurs())
    assert.match(!invalid.ok ? invalid.reason : '', /^not a Sigstore bundle \(invalid bundle: .*inclusionProof/)

    const message = await sign(Buffer.from(simpleSigningPayload('ghcr.io/octo-org/app', DIGEST)), {
      ...(await signOptions()),
      legacyCompatibility: true
    })
    assert.deepEqual(verifier().verifyStatementBundle(message, expectOurs()), {
      ok: false,
      reason: 'not a DSSE bundle (it holds a message signature)'
    })
  })
})

describe('timestamp-only bundles (as GitHub’s instance makes them)', () => {
  test('a bundle with an RFC 3161 timestamp and no log entry verifies by its timestamp', async () => {
    const bundle = await attestAbout(DIGEST, { tsa: true, tlog: false })
    assert.equal(bundle.verificationMaterial.tlogEntries?.length ?? 0, 0)
    assert.equal(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length, 1)
    const result = verifier().verifyStatementBundle(bundle, expectOurs())
    assert.ok(result.ok, !result.ok ? result.reason : '')
    assert.deepEqual(result.timeSources, ['timestamp-authority'])
  })

  test('the same bundle with its timestamp removed has no time source and is rejected', async () => {
    const bundle = clone(await attestAbout(DIGEST, { tsa: true, tlog: false })) as any
    delete bundle.verificationMaterial.timestampVerificationData
    const result = verifier().verifyStatementBundle(bundle, expectOurs())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /^no transparency log entry or timestamp verifies/)

    bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [] }
    const empty = verifier().verifyStatementBundle(bundle, expectOurs())
    assert.match(!empty.ok ? empty.reason : '', /^no transparency log entry or timestamp verifies/)
  })

  test('a timestamp from an authority outside the trusted root is rejected', async () => {
    const bundle = await attestAbout(DIGEST, { tsa: true, tlog: false })
    const result = createBundleVerifier(other.trustedRoot).verifyStatementBundle(bundle, expectOurs())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /no transparency log entry or timestamp verifies/)
  })

  test('a bundle with both a log entry and a timestamp verifies with both', async () => {
    const result = verifier().verifyStatementBundle(await attestAbout(DIGEST, { tsa: true }), expectOurs())
    assert.ok(result.ok, !result.ok ? result.reason : '')
    assert.deepEqual(result.timeSources, ['transparency-log', 'timestamp-authority'])
  })
})

describe('message (legacy .sig) bundles', () => {
  const payload = (subjectDigest: string): Buffer => Buffer.from(simpleSigningPayload('ghcr.io/octo-org/app', subjectDigest))
  const signPayload = async (bytes: Buffer, extra: Parameters<typeof signOptions>[0] = {}): Promise<Bundle> =>
    sign(bytes, { ...(await signOptions(extra)), legacyCompatibility: true })
  const expect = () => ({ subjectDigest: DIGEST, identity: SAN, issuer: oidc.issuer })

  test('a message bundle verifies with its payload', async () => {
    const bundle = await signPayload(payload(DIGEST))
    const result = verifier().verifyMessageBundle(bundle, payload(DIGEST), expect())
    assert.ok(result.ok, !result.ok ? result.reason : '')
    assert.equal(result.identity, SAN)
    assert.equal(result.issuer, oidc.issuer)
    assert.equal(result.payload.critical.image['docker-manifest-digest'], DIGEST)
  })

  test('with another payload it is rejected', async () => {
    const bundle = await signPayload(payload(DIGEST))
    const result = verifier().verifyMessageBundle(bundle, payload(OTHER_DIGEST), expect())
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.reason : '', /transparency log entry is not for this signature|signature does not verify/)
  })

  test('a payload about another digest is rejected, naming it', async () => {
    const bundle = await signPayload(payload(OTHER_DIGEST))
    const result = verifier().verifyMessageBundle(bundle, payload(OTHER_DIGEST), expect())
    assert.deepEqual(result, { ok: false, reason: `payload is about ${OTHER_DIGEST}, not ${DIGEST}`, identity: SAN })
  })

  test('a signed payload that is not simple-signing is rejected', async () => {
    const bytes = Buffer.from('{"critical":{}}')
    const result = verifier().verifyMessageBundle(await signPayload(bytes), bytes, expect())
    assert.deepEqual(result, { ok: false, reason: 'the payload is not a cosign simple-signing payload', identity: SAN })
  })

  test('a timestamp-only message bundle verifies; a DSSE bundle is not taken for one', async () => {
    const bundle = await signPayload(payload(DIGEST), { tsa: true, tlog: false })
    const result = verifier().verifyMessageBundle(bundle, payload(DIGEST), expect())
    assert.ok(result.ok, !result.ok ? result.reason : '')
    const dsse = verifier().verifyMessageBundle(await attestAbout(DIGEST), payload(DIGEST), expect())
    assert.deepEqual(dsse, { ok: false, reason: 'not a message-signature bundle (it holds a DSSE envelope)' })
  })
})

describe('resolveTrustedRoot', () => {
  test('a trusted-root file is read and returned', async () => {
    const resolved = await resolveTrustedRoot({ trustedRootPath: sigstore.trustedRootPath, instance: 'custom', cacheDir: work })
    assert.deepEqual(resolved, sigstore.trustedRoot)
    const detailed = await resolveTrustedRootWithReason({ trustedRootPath: sigstore.trustedRootPath, instance: 'github', cacheDir: work })
    assert.equal(detailed.trustedRoot !== undefined && detailed.source, sigstore.trustedRootPath)
  })

  test('a JSON-lines file of several roots (gh attestation trusted-root) is merged: bundles of either instance verify', async () => {
    const path = join(work, 'roots.jsonl')
    await writeFile(path, `${JSON.stringify(other.trustedRoot)}\n${JSON.stringify(sigstore.trustedRoot)}\n`)
    const merged = await resolveTrustedRoot({ trustedRootPath: path, instance: 'github', cacheDir: work })
    assert.ok(merged)
    const both = createBundleVerifier(merged)
    assert.equal(both.trust.certificateAuthorities, 2)
    assert.equal(both.trust.timestampAuthorities, 2)
    const result = both.verifyStatementBundle(await attestAbout(DIGEST, { tsa: true }), expectOurs())
    assert.ok(result.ok, !result.ok ? result.reason : '')
  })

  test('a missing or unusable file gives undefined and a reason, logged as a warning', async () => {
    const warnings: string[] = []
    const logger = { info() {}, debug() {}, warning: (m: string) => warnings.push(m) }
    const missing = join(work, 'nope.json')
    assert.equal(await resolveTrustedRoot({ trustedRootPath: missing, instance: 'public-good', cacheDir: work, logger }), undefined)
    assert.equal(warnings.length, 1)
    assert.match(warnings[0], /no Sigstore trust material: trusted root .*nope\.json cannot be read \(ENOENT\)/)

    const notJson = join(work, 'not.json')
    await writeFile(notJson, 'trusted')
    const a = await resolveTrustedRootWithReason({ trustedRootPath: notJson, instance: 'custom', cacheDir: work })
    assert.equal(a.trustedRoot === undefined && a.reason, `trusted root ${notJson} is not JSON`)

    const noCa = join(work, 'no-ca.json')
    await writeFile(noCa, JSON.stringify({ ...sigstore.trustedRoot, certificateAuthorities: [] }))
    const b = await resolveTrustedRootWithReason({ trustedRootPath: noCa, instance: 'custom', cacheDir: work })
    assert.match(
      b.trustedRoot === undefined ? b.reason : '',
      /is not a Sigstore trusted root \(the trusted root has no certificate authority\)/
    )
  })

  test("github: the trusted root comes from GitHub's TUF repository, its root pinned; bundles by timestamp verify against it", async () => {
    const repository = await startTufRepository(sigstore.trustedRoot)
    try {
      const cacheDir = join(work, 'github-tuf')
      const resolved = await resolveTrustedRootWithReason({ instance: 'github', cacheDir, githubTufRoot: repository.pin })
      assert.ok(resolved.trustedRoot, resolved.trustedRoot === undefined ? resolved.reason : '')
      assert.deepEqual(resolved.trustedRoot, sigstore.trustedRoot)
      assert.equal(resolved.source, `${repository.url} (TUF)`)
      assert.deepEqual(repository.requests.slice(0, 2), ['/1.root.json', '/2.root.json'], 'the pinned root, then a look for a newer one')
      const result = createBundleVerifier(resolved.trustedRoot).verifyStatementBundle(
        await attestAbout(DIGEST, { tsa: true }),
        expectOurs()
      )
      assert.ok(result.ok, !result.ok ? result.reason : '')

      // A second resolution checks the root again and reads the trusted root as before.
      const again = await resolveTrustedRootWithReason({ instance: 'github', cacheDir, githubTufRoot: repository.pin })
      assert.deepEqual(again.trustedRoot, sigstore.trustedRoot)
    } finally {
      await repository.close()
    }
  })

  test('FORGED: a TUF repository whose root is not the pinned one (other keys, or too few signatures) gives no trust material', async () => {
    const forged = await startTufRepository(sigstore.trustedRoot, { forgeRootKeys: true })
    const underSigned = await startTufRepository(sigstore.trustedRoot, { rootSigners: 1 })
    try {
      const a = await resolveTrustedRootWithReason({ instance: 'github', cacheDir: join(work, 'forged-tuf'), githubTufRoot: forged.pin })
      assert.equal(a.trustedRoot, undefined)
      assert.match(
        a.trustedRoot === undefined ? a.reason : '',
        /served a root that is not the pinned one: its root keys or threshold are not the pinned ones/
      )
      assert.ok(!forged.requests.some((r) => r.includes('trusted_root')), 'nothing was taken from it')
      const b = await resolveTrustedRootWithReason({
        instance: 'github',
        cacheDir: join(work, 'undersigned-tuf'),
        githubTufRoot: underSigned.pin
      })
      assert.match(
        b.trustedRoot === undefined ? b.reason : '',
        /not the pinned one: its signatures do not verify \(root was signed by 1\/2 keys\)/
      )
    } finally {
      await forged.close()
      await underSigned.close()
    }
  })

  test("github's TUF repository is pinned by its eight root keys; an unreachable repository gives undefined and says why, at once", async () => {
    assert.equal(GITHUB_TUF_ROOT.mirror, 'https://tuf-repo.github.com')
    assert.equal(GITHUB_TUF_ROOT.threshold, 3)
    assert.equal(Object.keys(GITHUB_TUF_ROOT.rootKeys).length, 8)
    // A closed port on loopback stands in for a runner without a way out (tests reach nothing else).
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const started = Date.now()
    const github = await resolveTrustedRootWithReason({
      instance: 'github',
      cacheDir: join(work, 'github-unreachable'),
      githubTufRoot: { ...GITHUB_TUF_ROOT, mirror: `http://127.0.0.1:${port}` }
    })
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`)
    assert.match(
      github.trustedRoot === undefined ? github.reason : '',
      new RegExp(`^TUF repository http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`)
    )
  })

  test('custom instances without a file give undefined and say why', async () => {
    const custom = await resolveTrustedRootWithReason({ instance: 'custom', cacheDir: work })
    assert.match(custom.trustedRoot === undefined ? custom.reason : '', /custom Sigstore instance needs a trusted-root file/)
  })

  test('public-good with a TUF mirror that never answers gives undefined within the time bound', async () => {
    // A mirror that accepts connections and never answers, seeded with the public-good TUF root.
    const sockets = new Set<import('node:net').Socket>()
    const server = http.createServer(() => {})
    server.on('connection', (s) => sockets.add(s))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const seeds = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@sigstore/tuf/seeds.json'), 'utf8')) as Record<
      string,
      { 'root.json': string }
    >
    const rootPath = join(work, 'tuf-root.json')
    await writeFile(rootPath, Buffer.from(seeds['https://tuf-repo-cdn.sigstore.dev']['root.json'], 'base64'))
    try {
      const started = Date.now()
      const resolved = await resolveTrustedRootWithReason({
        instance: 'public-good',
        cacheDir: join(work, 'hanging'),
        timeoutMs: 1000,
        tufMirrorUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        tufRootPath: rootPath
      })
      assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms`)
      assert.equal(resolved.trustedRoot, undefined)
      assert.match(resolved.trustedRoot === undefined ? resolved.reason : '', /Sigstore TUF repository http:\/\/127\.0\.0\.1:\d+/)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
