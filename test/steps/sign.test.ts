// The sign step run directly (no bundled action) against a real registry and the local Sigstore
// instance, with the Sigstore retry budget shortened through the retry policy, so an outage that
// outlasts it can be tested in seconds: the error names the service, the status and the attempts.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRegistry, type RegistryServer } from '../harness/registry.js'
import { startOidcProvider, type OidcProvider } from '../harness/oidc.js'
import { startSigstore, type SigstoreInstance } from '../harness/sigstore.js'
import { writeLayout, randomLayer } from '../harness/layouts.js'
import { RegistryClient } from '../../src/oci/registry/client.js'
import { Referrers } from '../../src/oci/registry/referrers.js'
import { loadImage, openLayout, selectEntry } from '../../src/oci/layout/read.js'
import { createSigner, SigningError } from '../../src/sigstore/signer.js'
import { SIGSTORE_RETRY } from '../../src/net/retry.js'
import { silentLogger } from '../../src/net/logger.js'
import { pushImage } from '../../src/steps/push.js'
import { signImage, signingTargets } from '../../src/steps/sign.js'

let registry: RegistryServer
let oidc: OidcProvider
let sigstore: SigstoreInstance
let work: string

before(async () => {
  registry = await startRegistry()
  oidc = await startOidcProvider()
  sigstore = await startSigstore()
  work = await mkdtemp(join(tmpdir(), 'dr-sign-step-'))
})
after(async () => {
  await registry?.close()
  await oidc?.close()
  await sigstore?.close()
  await rm(work, { recursive: true, force: true })
})

/** Pushes a one-layer image and returns what the sign step needs. */
async function pushedImage(name: string) {
  const built = await writeLayout(join(work, name), { images: [{ layers: [randomLayer(1000)] }] })
  const layout = await openLayout(built.dir, { tempDir: work })
  const image = await loadImage(layout, selectEntry(layout, undefined))
  const client = new RegistryClient({ registry: registry.host, repository: `octo-org/${name}` })
  await pushImage({ client, layout, image, logger: silentLogger })
  await layout.close()
  return { client, image, imageName: `${registry.host}/octo-org/${name}` }
}

async function signWithBudget(name: string, urls: { fulcioUrl: string; rekorUrl: string }, budgetMs: number) {
  const { client, image, imageName } = await pushedImage(name)
  const signer = createSigner({ ...urls, identityToken: await oidc.mintToken('sigstore'), retry: { ...SIGSTORE_RETRY, budgetMs } })
  return signImage({
    client,
    referrers: new Referrers(client),
    imageName,
    targets: signingTargets(image),
    signer,
    format: 'bundle',
    identity: { candidates: [] },
    outputDir: work,
    now: () => new Date(),
    logger: silentLogger
  })
}

test('an unreachable Fulcio fails the sign step within the budget, naming Fulcio', async () => {
  const started = Date.now()
  await assert.rejects(
    signWithBudget('no-fulcio', { fulcioUrl: 'http://127.0.0.1:9', rekorUrl: sigstore.rekorUrl }, 3000),
    (error: unknown) => error instanceof SigningError && /Fulcio at http:\/\/127\.0\.0\.1:9 could not be reached/.test(error.message)
  )
  assert.ok(Date.now() - started < 20_000, 'the budget bounds the retries')
})

test('a Rekor down for longer than the budget fails naming Rekor, the HTTP status and the attempts', async () => {
  sigstore.fail('rekor', 503, 1000)
  try {
    await assert.rejects(
      signWithBudget('rekor-down', { fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl }, 2500),
      (error: unknown) =>
        error instanceof SigningError &&
        /Rekor at http:\/\/127\.0\.0\.1:\d+\/rekor answered HTTP 503 after \d+ attempts/.test(error.message)
    )
    assert.ok(sigstore.log.filter((line) => line === 'rekor 503').length >= 2, 'Rekor was retried')
  } finally {
    sigstore.fail('rekor', 503, 0)
  }
})
