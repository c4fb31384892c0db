// The one boundary with the runner: read inputs, run the steps in order, set outputs as soon as
// they are known, write the job summary, and turn a failure into one clear error naming its step.
// The runner protocol (src/runner.ts): what @actions/core does, without loading its HTTP client up front.
import * as core from './action/runner.js'
import { readInputs, type ReleaseInputs } from './action/inputs.js'
import { openLayout, selectEntry, loadImage, type OciLayout, type ImageNode, type Descriptor } from './oci/layout/read.js'
import type { SbomFile } from './sbom/index.js'
import type { PlatformImage } from './steps/attest.js'
import { RegistryClient } from './oci/registry/client.js'
import { resolveCredential, credentialSecrets } from './oci/registry/credentials.js'
import { pushImage } from './steps/push.js'
import { planTags, applyTags } from './steps/tags.js'
import { renderSummary, verifyCommands } from './action/summary.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyResult, type ReleaseResult, type StepName } from './action/result.js'
import type { Logger } from './net/logger.js'

const STEP_TITLE: Record<StepName, string> = {
  preflight: 'Preflight: check inputs, layout entry, credentials and tags',
  layout: 'Layout: read manifests and check every blob',
  push: 'Push: upload blobs and manifests by digest',
  sign: 'Sign: keyless Sigstore signature',
  attest: 'Attest: SLSA provenance and SBOM',
  tags: 'Tags: apply last',
  deploy: 'Deploy: pin the digest in the deploy repository'
}

class StepFailure extends Error {
  constructor(
    readonly step: StepName,
    readonly original: unknown
  ) {
    super(original instanceof Error ? original.message : String(original))
  }
}

const runnerLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message)
}

function list(values: readonly string[] | undefined): string {
  return (values ?? []).join(',')
}

export async function run(): Promise<void> {
  let result: ReleaseResult | undefined
  let inputs: ReleaseInputs | undefined
  try {
    inputs = readInputs((name) => core.getInput(name))
    for (const secret of [inputs.password, inputs.githubToken, inputs.deployToken]) if (secret) core.setSecret(secret)
    result = emptyResult(inputs.imageName, inputs.dryRun)
    result.owner = process.env.GITHUB_REPOSITORY_OWNER || process.env.GITHUB_REPOSITORY?.split('/')[0]
    await release(inputs, result)
  } catch (error) {
    const message =
      error instanceof StepFailure ? `${error.step} failed: ${error.message}` : error instanceof Error ? error.message : String(error)
    if (error instanceof StepFailure && error.original instanceof Error && error.original.cause instanceof Error)
      core.debug(`cause: ${error.original.cause.message}`)
    core.setFailed(message)
  } finally {
    if (result) {
      core.setOutput('result', JSON.stringify(result))
      try {
        core.appendSummary(renderSummary(result))
      } catch (error) {
        core.warning(`the job summary could not be written: ${(error as Error).message}`)
      }
    }
  }
}

async function release(inputs: ReleaseInputs, result: ReleaseResult): Promise<void> {
  const step: StepRunner = async <T>(name: StepName, work: () => Promise<T>): Promise<T> => {
    const started = Date.now()
    return core.group(STEP_TITLE[name], async () => {
      try {
        const value = await work()
        result.steps[name] = { status: 'succeeded', durationMs: Date.now() - started }
        return value
      } catch (error) {
        result.steps[name] = {
          status: 'failed',
          durationMs: Date.now() - started,
          error: error instanceof Error ? error.message : String(error)
        }
        throw new StepFailure(name, error)
      }
    })
  }
  const skip = (name: StepName, reason: string): void => {
    result.steps[name] = { status: 'skipped', reason }
    core.info(`${STEP_TITLE[name].split(':')[0]}: skipped (${reason})`)
  }

  let layout: OciLayout | undefined
  let sbomFile: SbomFile | undefined
  let identityToken: string | undefined
  try {
    // 1. Preflight: everything that can be checked before writing anything.
    const { client, entry } = await step('preflight', async () => {
      const resolved = await resolveCredential({
        registry: inputs.image.registry,
        username: inputs.username,
        password: inputs.password,
        githubToken: inputs.githubToken,
        dockerConfigDir: process.env.DOCKER_CONFIG
      })
      for (const secret of credentialSecrets(resolved.credential)) core.setSecret(secret)
      core.info(`registry credentials: ${resolved.source}`)
      const client = new RegistryClient({
        registry: inputs.image.registry,
        repository: inputs.image.repository,
        credential: resolved.credential,
        insecureRegistries: inputs.insecureRegistries,
        onSecret: (secret) => core.setSecret(secret),
        logger: runnerLogger
      })
      layout = await openLayout(inputs.layout)
      const entry = selectEntry(layout, inputs.layoutRef)
      core.info(`layout entry: ${entry.digest} (${entry.mediaType})`)
      if (inputs.tags.length) {
        result.tagPlan = await planTags({
          client,
          image: inputs.imageName,
          tags: inputs.tags,
          mutableTags: inputs.mutableTags,
          digest: entry.digest
        })
        for (const plan of result.tagPlan) core.info(`tag ${plan.tag}: ${plan.action}${plan.previous ? ` (now ${plan.previous})` : ''}`)
      }
      if (inputs.sbom !== 'none' && inputs.sbom !== 'generate') {
        const { loadSbomFile } = await import('./sbom/index.js')
        sbomFile = await loadSbomFile(inputs.sbom)
        core.info(`sbom: ${inputs.sbom} is ${sbomFile.format} ${sbomFile.version}`)
      }
      if (!inputs.dryRun && needsSigstore(inputs)) identityToken = await requestIdentityToken(inputs.oidcAudience)
      return { client, entry }
    })
    result.digest = entry.digest
    result.imageRef = `${inputs.imageName}@${entry.digest}`
    core.setOutput('tags', list(inputs.tags))

    // 2. Layout: read the manifest tree and check every blob is there with its size.
    const image = await step('layout', async () => {
      const node = await loadImage(layout!, entry)
      result.platformDigests = platformDigestsOf(node)
      return node
    })

    if (inputs.dryRun) {
      skip('push', 'dry run')
      skip('sign', 'dry run')
      skip('attest', 'dry run')
      skip('tags', 'dry run')
      setImageOutputs(inputs, entry, result)
      await deployStep(inputs, result, entry.digest, step, skip)
      return
    }

    // 3. Push by digest.
    const pushed = await step('push', () => pushImage({ client, layout: layout!, image, logger: runnerLogger }))
    result.push = pushed
    result.platformDigests = pushed.platformDigests
    setImageOutputs(inputs, entry, result)
    core.setOutput('blobs-uploaded', String(pushed.blobsUploaded))
    core.setOutput('blobs-mounted', String(pushed.blobsMounted))
    core.setOutput('blobs-skipped', String(pushed.blobsSkipped))
    core.setOutput('bytes-uploaded', String(pushed.bytesUploaded))

    // 4. Sign and 5. attest.
    if (needsSigstore(inputs)) {
      await signAndAttest({ inputs, result, client, layout: layout!, image, identityToken: identityToken!, sbomFile, step, skip })
    } else {
      skip('sign', '`sign: false`')
      skip('attest', '`provenance: false` and `sbom: none`')
    }

    // 6. Tags, last of the registry writes.
    if (inputs.tags.length === 0) skip('tags', 'no `tags` given')
    else {
      const tags = await step('tags', () =>
        applyTags({
          client,
          image: inputs.imageName,
          tags: inputs.tags,
          mutableTags: inputs.mutableTags,
          digest: pushed.digest,
          manifest: { bytes: image.bytes, mediaType: image.mediaType }
        })
      )
      result.tags = tags
      core.setOutput('tags-created', list(tags.created))
      core.setOutput('tags-unchanged', list(tags.unchanged))
      core.setOutput('tags-moved', list(tags.moved))
    }

    // 7. Deploy.
    await deployStep(inputs, result, pushed.digest, step, skip)
  } finally {
    await layout?.close()
  }
}

function needsSigstore(inputs: ReleaseInputs): boolean {
  return inputs.sign || inputs.provenance || inputs.sbom !== 'none'
}

/** The runner's OIDC token; without `id-token: write` there is none, and nothing should be pushed. */
async function requestIdentityToken(audience: string): Promise<string> {
  let token: string
  try {
    token = await core.getIDToken(audience)
  } catch (error) {
    throw new Error(
      `no OIDC token could be requested for signing (${(error as Error).message}). Add \`permissions: id-token: write\` to the job (and \`contents: read\`, \`packages: write\`), or turn signing off with \`sign: false\`, \`provenance: false\` and \`sbom: none\``
    )
  }
  core.setSecret(token)
  return token
}

export function decodeTokenClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1]
  if (!payload) return {}
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** The SANs Fulcio may give this token: GitHub's workflow URI form, or the token's e-mail or subject. */
function expectedIdentities(claims: Record<string, unknown>, serverUrl: string): string[] {
  const candidates: string[] = []
  if (typeof claims.job_workflow_ref === 'string')
    candidates.push(`${serverUrl}/${claims.job_workflow_ref}`, `https://github.com/${claims.job_workflow_ref}`)
  for (const key of ['email', 'sub']) if (typeof claims[key] === 'string') candidates.push(claims[key] as string)
  return candidates
}

async function signAndAttest(context: {
  inputs: ReleaseInputs
  result: ReleaseResult
  client: RegistryClient
  layout: OciLayout
  image: ImageNode
  identityToken: string
  sbomFile?: SbomFile
  step: StepRunner
  skip: (name: StepName, reason: string) => void
}): Promise<void> {
  const { inputs, result, client, layout, image, step, skip } = context
  const env = process.env
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const outputDir = env.RUNNER_TEMP || tmpdir()
  const claims = decodeTokenClaims(context.identityToken)
  const [{ createSigner }, { Referrers }] = await Promise.all([import('./sigstore/signer.js'), import('./oci/registry/referrers.js')])
  const signer = createSigner({
    fulcioUrl: inputs.fulcioUrl,
    rekorUrl: inputs.rekorUrl,
    tsaUrl: inputs.tsaUrl,
    identityToken: context.identityToken,
    timeBudgetMs: Number(env.DIGEST_RELEASE_SIGSTORE_BUDGET_MS) || undefined,
    logger: runnerLogger
  })
  const referrers = new Referrers(client)
  const top = { digest: image.descriptor.digest, mediaType: image.mediaType, size: image.bytes.length }
  const platformNodes =
    image.kind === 'index' ? image.children.filter((c) => c.kind === 'manifest' && c.platform !== 'unknown/unknown') : [image]
  const platformTargets = platformNodes.map((node) => ({
    digest: node.descriptor.digest,
    mediaType: node.mediaType,
    size: node.bytes.length,
    platform: node.platform
  }))

  if (!inputs.sign) skip('sign', '`sign: false`')
  else {
    const { signImage } = await import('./steps/sign.js')
    const signed = await step('sign', () =>
      signImage({
        client,
        referrers,
        imageName: inputs.imageName,
        targets: image.kind === 'index' ? [top, ...platformTargets] : [top],
        signer,
        format: inputs.signatureFormat,
        identity: { candidates: expectedIdentities(claims, serverUrl), issuer: typeof claims.iss === 'string' ? claims.iss : undefined },
        outputDir,
        now: () => new Date(),
        logger: runnerLogger
      })
    )
    result.sign = {
      signatureDigest: signed.signatureDigest,
      signatureTag: signed.signatureTag,
      rekorLogIndex: signed.rekorLogIndex,
      identity: signed.identity,
      issuer: signed.issuer,
      bundlePath: signed.bundlePath
    }
    result.referrersMode = signed.referrersMode
    core.setOutput('signature-digest', signed.signatureDigest ?? '')
    core.setOutput('signature-tag', signed.signatureTag ?? '')
    core.setOutput('rekor-log-index', signed.rekorLogIndex !== undefined ? String(signed.rekorLogIndex) : '')
    core.setOutput('signer-identity', signed.identity ?? '')
    core.setOutput('signature-bundle-path', signed.bundlePath ?? '')
    if (signed.referrersMode) core.setOutput('referrers-mode', signed.referrersMode)
  }

  if (!inputs.provenance && inputs.sbom === 'none') return skip('attest', '`provenance: false` and `sbom: none`')
  const [{ attestImage }, { buildProvenancePredicate }] = await Promise.all([
    import('./steps/attest.js'),
    import('./sigstore/provenance.js')
  ])
  const sizes = new Map<string, number>()
  const platforms: PlatformImage[] = []
  for (const node of platformNodes) {
    const manifest = node.manifest!
    for (const layer of manifest.layers) sizes.set(layer.digest, layer.size)
    const config = JSON.parse((await layout.readBlob(manifest.config, 'image config')).toString('utf8')) as {
      os?: string
      architecture?: string
    }
    platforms.push({
      digest: node.descriptor.digest,
      mediaType: node.mediaType,
      size: node.bytes.length,
      platform: node.platform ?? [config.os, config.architecture].filter(Boolean).join('/'),
      config,
      layers: manifest.layers
    })
  }
  const attested = await step('attest', () =>
    attestImage({
      client,
      referrers,
      imageName: inputs.imageName,
      top,
      platforms,
      signer,
      format: inputs.signatureFormat,
      provenance: inputs.provenance ? buildProvenancePredicate(env, claims) : undefined,
      sbom:
        inputs.sbom === 'none'
          ? { mode: 'none' }
          : context.sbomFile
            ? { mode: 'file', file: context.sbomFile, path: inputs.sbom }
            : { mode: 'generate' },
      openBlob: async (digest) => layout.blob({ digest, size: sizes.get(digest) ?? 0 }).open(0, sizes.get(digest) ?? 0),
      outputDir,
      now: () => new Date(),
      toolName: 'digest-release',
      logger: runnerLogger
    })
  )
  result.attest = { provenance: attested.provenance, sbom: attested.sbom, sbomPath: attested.sbomPath, attestations: attested.attestations }
  result.referrersMode ??= referrers.detectedMode
  core.setOutput('provenance-digest', attested.provenance?.referrerDigest ?? '')
  core.setOutput('provenance-bundle-path', attested.provenance?.bundlePath ?? '')
  core.setOutput('sbom-digest', attested.sbom?.referrerDigest ?? '')
  core.setOutput('sbom-bundle-path', attested.sbom?.bundlePath ?? '')
  core.setOutput('sbom-path', attested.sbomPath ?? '')
  if (result.referrersMode) core.setOutput('referrers-mode', result.referrersMode)
}

type StepRunner = <T>(name: StepName, work: () => Promise<T>) => Promise<T>

async function deployStep(
  inputs: ReleaseInputs,
  result: ReleaseResult,
  digest: string,
  step: StepRunner,
  skip: (name: StepName, reason: string) => void
): Promise<void> {
  if (!inputs.deployRepository) return skip('deploy', 'no `deploy-repository` given')
  const repository = inputs.deployRepository
  const env = process.env
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const workDir = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'digest-release-deploy-'))
  try {
    // Loaded only when used, so a plain push starts fast.
    const { deployDigest } = await import('./steps/deploy.js')
    const deployed = await step('deploy', () =>
      deployDigest({
        repository,
        token: inputs.deployToken || inputs.githubToken || '',
        base: inputs.deployBase,
        paths: inputs.deployPaths,
        mode: inputs.deployMode,
        branch: inputs.deployBranch,
        autoMerge: inputs.autoMerge,
        dryRun: inputs.dryRun,
        image: inputs.imageName,
        digest,
        tags: inputs.tags,
        serverUrl,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        source: {
          repository: env.GITHUB_REPOSITORY,
          sha: env.GITHUB_SHA,
          runUrl:
            env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
              ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
              : undefined
        },
        verifyCommands: verifyCommands(result),
        workDir,
        logger: runnerLogger
      })
    )
    result.deploy = {
      commit: deployed.commit,
      branch: deployed.branch,
      pullRequestNumber: deployed.pullRequestNumber,
      pullRequestUrl: deployed.pullRequestUrl,
      pullRequestOperation: deployed.pullRequestOperation,
      patchedFiles: deployed.patchedFiles,
      changes: deployed.changes,
      diff: deployed.diff,
      autoMerge: deployed.autoMerge
    }
    if (inputs.dryRun && deployed.diff) core.info(`deploy diff (dry run, nothing written):\n${deployed.diff}`)
    core.setOutput('deploy-commit', deployed.commit ?? '')
    core.setOutput('deploy-branch', deployed.branch ?? '')
    core.setOutput('pull-request-number', deployed.pullRequestNumber !== undefined ? String(deployed.pullRequestNumber) : '')
    core.setOutput('pull-request-url', deployed.pullRequestUrl ?? '')
    core.setOutput('pull-request-operation', deployed.pullRequestOperation)
    core.setOutput('patched-files', JSON.stringify(deployed.patchedFiles))
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

function platformDigestsOf(node: ImageNode): Record<string, string> {
  const digests: Record<string, string> = {}
  for (const child of node.children)
    if (child.platform && child.platform !== 'unknown/unknown') digests[child.platform] = child.descriptor.digest
  return digests
}

function setImageOutputs(inputs: ReleaseInputs, entry: Descriptor, result: ReleaseResult): void {
  core.setOutput('digest', entry.digest)
  core.setOutput('image-ref', `${inputs.imageName}@${entry.digest}`)
  core.setOutput('platform-digests', JSON.stringify(result.platformDigests))
}
