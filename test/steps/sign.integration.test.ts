// Keyless signing through the bundled action: a real registry, a local Sigstore instance (Fulcio and
// Rekor from @sigstore/mock over HTTP), a runner-style OIDC endpoint. Every stored signature is read
// back over plain HTTP, independently of our client, and verified with @sigstore/verify.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createPublicKey, sign as signBytes, verify as verifySignature, X509Certificate } from 'node:crypto'
import { attest, sign } from 'sigstore'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startRegistry } from '../harness/registry.js'
import { startOidcProvider } from '../harness/oidc.js'
import { startSigstore } from '../harness/sigstore.js'
import { verifySigstoreBundle } from '../harness/verify.js'
import { runAction } from '../harness/action.js'
import { writeLayout, randomLayer } from '../harness/layouts.js'
import { registryReader } from '../harness/registry-reader.js'
import { runnerEnv as runnerEnvWith, sigstoreInputs } from '../harness/inputs.js'
import { testScope } from '../harness/scope.js'
import { forgeBundle, forgedCertificate } from '../harness/forge.js'
import { sha256 } from '../harness/layouts.js'
import { RegistryClient } from '../../src/oci/registry/client.js'
import { Referrers } from '../../src/oci/registry/referrers.js'
import { appendLegacyLayer, storeBundleReferrer } from '../../src/sigstore/store.js'
import {
  bundleReferrerManifest,
  cosignSignStatement,
  legacyImageManifest,
  legacySignatureLayer,
  simpleSigningPayload
} from '../../src/sigstore/cosign.js'

const scope = testScope()
const registry = scope.server(() => startRegistry())
const oidc = scope.server(() => startOidcProvider())
const sigstore = scope.server(() => startSigstore())
const work = scope.tempDir('dr-sign-')

/** An independent reader: plain HTTP against the registry, nothing of ours. */
const { manifest: getManifest, blob: getBlob, blobExists } = registryReader(registry)
const signingInputs = (extra: Record<string, string> = {}) => sigstoreInputs(sigstore, { provenance: 'false', sbom: 'none', ...extra })
const runnerEnv = () => runnerEnvWith({ oidc })

test('signs an image (bundle and legacy), stores it where cosign looks, and it verifies', async () => {
  const layout = await writeLayout(join(work, 'single'), { images: [{ layers: [randomLayer(4000)] }] })
  const repo = 'octo-org/signed'
  const run = await runAction({ layout: layout.dir, image: `${registry.host}/${repo}`, tags: 'v1', ...signingInputs() }, runnerEnv())
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  const digest = layout.top.digest
  assert.equal(run.outputs['referrers-mode'], 'tag-schema')
  assert.match(run.outputs['signature-digest'], /^sha256:[0-9a-f]{64}$/)
  assert.equal(run.outputs['signature-tag'], `${registry.host}/${repo}:sha256-${digest.slice(7)}.sig`)
  assert.match(run.outputs['rekor-log-index'], /^\d+$/)
  assert.ok(run.outputs['signer-identity'].length > 0)
  assert.ok(run.outputs['signature-bundle-path'].startsWith(run.runnerTemp))

  // The bundle referrer, found through the referrers tag schema as a verifier would.
  const index = await getManifest(repo, `sha256-${digest.slice(7)}`)
  assert.equal(index.status, 200)
  const entry = index.json.manifests.find((m: any) => m.digest === run.outputs['signature-digest'])
  assert.equal(entry.artifactType, 'application/vnd.dev.sigstore.bundle.v0.3+json')
  assert.equal(entry.annotations['dev.sigstore.bundle.predicateType'], 'https://sigstore.dev/cosign/sign/v1')
  const referrer = await getManifest(repo, run.outputs['signature-digest'])
  assert.equal(referrer.json.artifactType, 'application/vnd.dev.sigstore.bundle.v0.3+json')
  assert.deepEqual(referrer.json.config, {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2
  })
  assert.equal(referrer.json.subject.digest, digest)
  assert.equal(referrer.json.layers.length, 1)
  assert.equal(referrer.json.layers[0].mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json')
  assert.equal(referrer.json.annotations['dev.sigstore.bundle.content'], 'dsse-envelope')
  assert.equal(referrer.json.annotations['dev.sigstore.bundle.predicateType'], 'https://sigstore.dev/cosign/sign/v1')
  assert.match(referrer.json.annotations['org.opencontainers.image.created'], /^\d{4}-\d\d-\d\dT/)
  const bundle = JSON.parse((await getBlob(repo, referrer.json.layers[0].digest)).toString())
  const verified = await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: digest })
  assert.ok(JSON.stringify(verified).includes(run.outputs['signer-identity']))

  // Altered digest, payload or certificate: verification fails.
  await assert.rejects(verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: `sha256:${'0'.repeat(64)}` }))
  const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString())
  payload.subject[0].digest.sha256 = '1'.repeat(64)
  await assert.rejects(
    verifySigstoreBundle(
      { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: Buffer.from(JSON.stringify(payload)).toString('base64') } },
      { trustedRoot: sigstore.trustedRoot }
    )
  )
  const other = JSON.parse(await readFile(run.outputs['signature-bundle-path'], 'utf8'))
  const cert = bundle.verificationMaterial.certificate ? 'certificate' : 'x509CertificateChain'
  const tampered = structuredClone(bundle)
  const raw = Buffer.from(
    cert === 'certificate'
      ? tampered.verificationMaterial.certificate.rawBytes
      : tampered.verificationMaterial.x509CertificateChain.certificates[0].rawBytes,
    'base64'
  )
  raw[raw.length - 10] ^= 0xff
  if (cert === 'certificate') tampered.verificationMaterial.certificate.rawBytes = raw.toString('base64')
  else tampered.verificationMaterial.x509CertificateChain.certificates[0].rawBytes = raw.toString('base64')
  await assert.rejects(verifySigstoreBundle(tampered, { trustedRoot: sigstore.trustedRoot }))
  assert.ok(other.dsseEnvelope || other.messageSignature)

  // cosign v2's legacy tag: simple-signing payload and the signature annotations.
  const legacy = await getManifest(repo, `sha256-${digest.slice(7)}.sig`)
  assert.equal(legacy.status, 200)
  assert.equal(legacy.json.layers.length, 1)
  const layer = legacy.json.layers[0]
  assert.equal(layer.mediaType, 'application/vnd.dev.cosign.simplesigning.v1+json')
  const simpleSigning = JSON.parse((await getBlob(repo, layer.digest)).toString())
  assert.equal(simpleSigning.critical.identity['docker-reference'], `${registry.host}/${repo}`)
  assert.equal(simpleSigning.critical.image['docker-manifest-digest'], digest)
  assert.equal(simpleSigning.critical.type, 'cosign container image signature')
  const leaf = new X509Certificate(layer.annotations['dev.sigstore.cosign/certificate'])
  assert.ok(leaf.subjectAltName?.includes(run.outputs['signer-identity']))
  const signedBytes = await getBlob(repo, layer.digest)
  assert.ok(
    verifySignature(
      'sha256',
      signedBytes,
      createPublicKey(leaf.publicKey.export({ format: 'pem', type: 'spki' })),
      Buffer.from(layer.annotations['dev.cosignproject.cosign/signature'], 'base64')
    ),
    'the legacy signature verifies'
  )
  const rekorBundle = JSON.parse(layer.annotations['dev.sigstore.cosign/bundle'])
  assert.ok(rekorBundle.SignedEntryTimestamp)
  assert.equal(typeof rekorBundle.Payload.logIndex, 'number')
  assert.equal(typeof rekorBundle.Payload.integratedTime, 'number')
  assert.ok(rekorBundle.Payload.body && rekorBundle.Payload.logID)

  // A re-run finds its own signatures and adds none.
  const again = await runAction({ layout: layout.dir, image: `${registry.host}/${repo}`, tags: 'v1', ...signingInputs() }, runnerEnv())
  assert.equal(again.exitCode, 0, again.stdout)
  assert.equal(again.outputs['signature-digest'], run.outputs['signature-digest'])
  assert.equal((await getManifest(repo, `sha256-${digest.slice(7)}`)).json.manifests.length, 1)
  assert.equal((await getManifest(repo, `sha256-${digest.slice(7)}.sig`)).json.layers.length, 1)
})

test('an index is signed, and so is every platform manifest', async () => {
  const layout = await writeLayout(join(work, 'multi'), {
    images: [
      { platform: { os: 'linux', architecture: 'amd64' }, layers: [randomLayer(1000)] },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [randomLayer(1000)] }
    ]
  })
  const repo = 'octo-org/multi-signed'
  const run = await runAction(
    { layout: layout.dir, image: `${registry.host}/${repo}`, ...signingInputs({ 'signature-format': 'bundle' }) },
    runnerEnv()
  )
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs['signature-tag'], '')
  for (const digest of [layout.top.digest, ...layout.manifests.map((m) => m.digest)]) {
    const index = await getManifest(repo, `sha256-${digest.slice(7)}`)
    assert.equal(index.status, 200, `referrers of ${digest}`)
    const referrer = await getManifest(repo, index.json.manifests[0].digest)
    const bundle = JSON.parse((await getBlob(repo, referrer.json.layers[0].digest)).toString())
    await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: digest })
  }
  assert.equal((await getManifest(repo, `sha256-${layout.top.digest.slice(7)}.sig`)).status, 404, 'bundle format writes no legacy tag')
})

test('without id-token permission, preflight fails before anything is pushed, naming the fix', async () => {
  const layout = await writeLayout(join(work, 'no-oidc'), { images: [{ layers: [randomLayer(1000)] }] })
  const repo = 'octo-org/no-oidc'
  const run = await runAction(
    { layout: layout.dir, image: `${registry.host}/${repo}`, tags: 'v1', ...signingInputs() },
    { GITHUB_REPOSITORY: 'octo-org/app' }
  )
  assert.equal(run.exitCode, 1)
  assert.match(run.errors[0], /^preflight failed: no OIDC token could be requested .*`permissions: id-token: write`/)
  assert.equal((await getManifest(repo, layout.top.digest)).status, 404)
  assert.equal(await blobExists(repo, layout.layers[0].digest), false, 'no blob was pushed')
})

test('a Rekor answering 503 twice then recovering does not stop the release', async () => {
  const layout = await writeLayout(join(work, 'rekor-flaky'), { images: [{ layers: [randomLayer(1000)] }] })
  const repo = 'octo-org/rekor-flaky'
  sigstore.fail('rekor', 503, 2)
  const run = await runAction(
    { layout: layout.dir, image: `${registry.host}/${repo}`, tags: 'v1', ...signingInputs({ 'signature-format': 'bundle' }) },
    runnerEnv()
  )
  assert.equal(run.exitCode, 0, run.stdout)
  assert.ok(sigstore.log.filter((l) => l === 'rekor 503').length >= 2, 'the outage was seen')
  assert.match(run.stdout, /Rekor 503; retrying/)
  assert.equal((await getManifest(repo, 'v1')).digest, layout.top.digest)
})

test('with tsa-url, each bundle also carries an RFC 3161 timestamp that verifies', async () => {
  const layout = await writeLayout(join(work, 'tsa'), { images: [{ layers: [randomLayer(1000)] }] })
  const repo = 'octo-org/timestamped'
  const run = await runAction(
    {
      layout: layout.dir,
      image: `${registry.host}/${repo}`,
      ...signingInputs({ 'tsa-url': sigstore.tsaUrl, 'signature-format': 'bundle' })
    },
    runnerEnv()
  )
  assert.equal(run.exitCode, 0, run.stdout)
  const bundle = JSON.parse(await readFile(run.outputs['signature-bundle-path'], 'utf8'))
  assert.equal(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1)
  assert.ok(sigstore.log.includes('tsa 201'))
  await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: layout.top.digest })
})

test("a private repository's release is signed on GitHub's instance: Fulcio and the timestamp authority, nothing in Rekor", async () => {
  const privateOidc = await startOidcProvider({ claims: { repository_visibility: 'private' } })
  try {
    const layout = await writeLayout(join(work, 'private'), { images: [{ layers: [randomLayer(3000)] }] })
    const repo = 'octo-org/private'
    const rekorBefore = sigstore.log.filter((line) => line.startsWith('rekor ')).length
    // The instance's services stand in for GitHub's: Fulcio and the timestamp authority only.
    const run = await runAction(
      {
        layout: layout.dir,
        image: `${registry.host}/${repo}`,
        tags: 'v1',
        provenance: 'true',
        sbom: 'none',
        'fulcio-url': sigstore.fulcioUrl,
        'tsa-url': sigstore.tsaUrl,
        // GitHub's instance would be trusted through its TUF repository; tests reach only loopback.
        'trusted-root': sigstore.trustedRootPath
      },
      runnerEnvWith({ oidc: privateOidc })
    )
    assert.equal(run.exitCode, 0, run.stdout + run.stderr)
    assert.equal(run.outputs['sigstore-instance'], 'github')
    assert.equal(run.outputs['rekor-log-index'], '', 'no log entry')
    assert.equal(sigstore.log.filter((line) => line.startsWith('rekor ')).length, rekorBefore, 'Rekor was never asked')
    assert.match(run.summary, /Sigstore instance: github \(the repository is private/)
    for (const path of [run.outputs['signature-bundle-path'], run.outputs['provenance-bundle-path']]) {
      const bundle = JSON.parse(await readFile(path, 'utf8'))
      assert.equal((bundle.verificationMaterial.tlogEntries ?? []).length, 0)
      assert.equal(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1)
      await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: layout.top.digest })
    }
  } finally {
    await privateOidc.close()
  }
})

test('a private repository on GitHub Enterprise Server is not signed on public-good Sigstore unless asked: preflight says so, nothing is pushed', async () => {
  const privateOidc = await startOidcProvider({ claims: { repository_visibility: 'internal' } })
  try {
    const layout = await writeLayout(join(work, 'ghes-private'), { images: [{ layers: [randomLayer(3000)] }] })
    const repo = 'octo-org/ghes-private'
    const run = await runAction(
      { layout: layout.dir, image: `${registry.host}/${repo}`, tags: 'v1', ...signingInputs() },
      { ...runnerEnvWith({ oidc: privateOidc }), GITHUB_SERVER_URL: 'https://github.example.com' }
    )
    assert.equal(run.exitCode, 1)
    assert.match(
      run.errors[0],
      /^preflight failed: input `sigstore-instance`: this internal repository runs on https:\/\/github\.example\.com.*`sigstore-instance: public-good`/
    )
    assert.equal(await blobExists(repo, layout.layers[0].digest), false, 'nothing was pushed')
  } finally {
    await privateOidc.close()
  }
})

test('forged evidence planted in the registry is never taken for our own: a new signature is made in both formats', async () => {
  const layout = await writeLayout(join(work, 'forged'), { images: [{ layers: [randomLayer(3000)] }] })
  const repo = 'octo-org/forged'
  const image = `${registry.host}/${repo}`
  const pushed = await runAction({ layout: layout.dir, image, sign: 'false', provenance: 'false', sbom: 'none' }, runnerEnv())
  assert.equal(pushed.exitCode, 0, pushed.stdout)
  const digest = layout.top.digest
  const identity = { san: `https://github.com/${oidc.claims.job_workflow_ref}`, issuer: oidc.issuer }

  // Honest bundles about something else, whose log entries the forgeries copy.
  const token = await oidc.mintToken('sigstore')
  const services = { fulcioURL: sigstore.fulcioUrl, rekorURL: sigstore.rekorUrl, identityToken: token }
  const honestStatement = await attest(
    Buffer.from(JSON.stringify(cosignSignStatement({ name: image, digest: `sha256:${'0'.repeat(64)}` }))),
    'application/vnd.in-toto+json',
    services
  )
  const honestMessage = await sign(Buffer.from(simpleSigningPayload(image, `sha256:${'0'.repeat(64)}`)), {
    ...services,
    legacyCompatibility: true
  })

  // A bundle referrer: our digest, our identity and issuer on a self-signed certificate, a copied log entry.
  const forgedStatement = JSON.parse(JSON.stringify(honestStatement))
  forgedStatement.dsseEnvelope.payload = Buffer.from(JSON.stringify(cosignSignStatement({ name: image, digest }))).toString('base64')
  const planted = await forgeBundle(forgedStatement, identity)
  const client = new RegistryClient({ registry: registry.host, repository: repo })
  const referrers = new Referrers(client)
  const plantedBytes = Buffer.from(JSON.stringify(planted))
  const subject = { mediaType: layout.top.mediaType, digest, size: layout.top.size }
  const plantedReferrer = await storeBundleReferrer({
    client,
    referrers,
    subjectDigest: digest,
    bundleBytes: plantedBytes,
    manifest: bundleReferrerManifest({
      subject,
      bundle: { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', digest: sha256(plantedBytes), size: plantedBytes.length },
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      created: new Date(Date.now() + 3600_000).toISOString()
    })
  })
  // A legacy .sig layer: the right payload signed by the forged key, the honest layer's Rekor bundle copied.
  const payload = Buffer.from(simpleSigningPayload(image, digest))
  const { der, key } = await forgedCertificate(identity.san, identity.issuer)
  const honestLayer = legacySignatureLayer(honestMessage, Buffer.from(simpleSigningPayload(image, `sha256:${'0'.repeat(64)}`)))
  const forgedLayer = {
    ...legacySignatureLayer(honestMessage, payload),
    annotations: {
      ...honestLayer.annotations,
      'dev.cosignproject.cosign/signature': signBytes('sha256', payload, key).toString('base64'),
      'dev.sigstore.cosign/certificate': `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`,
      'dev.sigstore.cosign/chain': ''
    }
  }
  const sigTag = `sha256-${digest.slice(7)}.sig`
  await appendLegacyLayer({ client, tag: sigTag, layer: forgedLayer, layerBytes: payload, buildManifest: legacyImageManifest })

  const entriesBefore = sigstore.log.filter((line) => line === 'rekor 201').length
  const run = await runAction({ layout: layout.dir, image, ...signingInputs() }, runnerEnv())
  assert.equal(run.exitCode, 0, run.stdout + run.stderr)
  assert.equal(sigstore.log.filter((line) => line === 'rekor 201').length - entriesBefore, 2, 'a new log entry in each format')
  assert.notEqual(run.outputs['signature-digest'], plantedReferrer.digest, 'the planted referrer is not reported as ours')
  const ours = JSON.parse(await readFile(run.outputs['signature-bundle-path'], 'utf8'))
  await verifySigstoreBundle(ours, { trustedRoot: sigstore.trustedRoot, expectedDigest: digest, identity: identity.san })
  const sig = await getManifest(repo, sigTag)
  assert.equal(sig.json.layers.length, 2, 'our signature is appended beside the planted one')
})

test('inside a reusable workflow of another repository, the signer is that workflow, and the verify commands name it', async () => {
  const reusable = await startOidcProvider({ claims: { job_workflow_ref: 'octo-org/shared/.github/workflows/release.yml@refs/tags/v2' } })
  try {
    const layout = await writeLayout(join(work, 'reusable'), { images: [{ layers: [randomLayer(2000)] }] })
    const run = await runAction(
      { layout: layout.dir, image: `${registry.host}/octo-org/reusable`, tags: 'v1 latest', ...sigstoreInputs(sigstore, { sbom: 'none' }) },
      runnerEnvWith({ oidc: reusable })
    )
    assert.equal(run.exitCode, 0, run.stdout + run.stderr)
    assert.equal(run.outputs['signer-identity'], 'https://github.com/octo-org/shared/.github/workflows/release.yml@refs/tags/v2')
    assert.equal(run.outputs['tags-created'], 'v1,latest', '`tags: v1 latest` applies both')
    assert.match(
      run.summary,
      /--certificate-identity 'https:\/\/github\.com\/octo-org\/shared\/\.github\/workflows\/release\.yml@refs\/tags\/v2'/
    )
    assert.match(
      run.summary,
      /gh attestation verify oci:\/\/\S+ --owner octo-org --bundle-from-oci --signer-workflow octo-org\/shared\/\.github\/workflows\/release\.yml/
    )
    assert.equal(
      run.summary.split('\n')[0],
      `✅ **Released** \`${registry.host}/octo-org/reusable@${layout.top.digest.slice(0, 19)}…\` as \`v1\`, \`latest\`, signed and attested.`
    )
  } finally {
    await reusable.close()
  }
})
