// The one boundary with the runner: read inputs, run the steps in order, set outputs as soon as
// they are known, write the job summary, and turn a failure into one clear error naming its step.
import * as core from '@actions/core'
import { readInputs, type ReleaseInputs } from './inputs.js'
import { openLayout, selectEntry, loadImage, type OciLayout, type ImageNode, type Descriptor } from './layout/read.js'
import { RegistryClient } from './registry/client.js'
import { resolveCredential, credentialSecrets } from './registry/credentials.js'
import { pushImage } from './push.js'
import { planTags, applyTags } from './tags.js'
import { renderSummary, verifyCommands } from './summary.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyResult, type ReleaseResult, type StepName } from './result.js'
import type { Logger } from './logger.js'

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
  constructor(readonly step: StepName, readonly original: unknown) {
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
    const message = error instanceof StepFailure ? `${error.step} failed: ${error.message}` : error instanceof Error ? error.message : String(error)
    if (error instanceof StepFailure && error.original instanceof Error && error.original.cause instanceof Error) core.debug(`cause: ${error.original.cause.message}`)
    core.setFailed(message)
  } finally {
    if (result) {
      core.setOutput('result', JSON.stringify(result))
      try {
        await core.summary.addRaw(renderSummary(result)).write()
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
        result.steps[name] = { status: 'failed', durationMs: Date.now() - started, error: error instanceof Error ? error.message : String(error) }
        throw new StepFailure(name, error)
      }
    })
  }
  const skip = (name: StepName, reason: string): void => {
    result.steps[name] = { status: 'skipped', reason }
    core.info(`${STEP_TITLE[name].split(':')[0]}: skipped (${reason})`)
  }

  let layout: OciLayout | undefined
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
      notImplementedYet(inputs)
      layout = await openLayout(inputs.layout)
      const entry = selectEntry(layout, inputs.layoutRef)
      core.info(`layout entry: ${entry.digest} (${entry.mediaType})`)
      if (inputs.tags.length) {
        result.tagPlan = await planTags({ client, image: inputs.imageName, tags: inputs.tags, mutableTags: inputs.mutableTags, digest: entry.digest })
        for (const plan of result.tagPlan) core.info(`tag ${plan.tag}: ${plan.action}${plan.previous ? ` (now ${plan.previous})` : ''}`)
      }
      return { client, entry }
    })
    result.digest = entry.digest
    result.imageRef = `${inputs.imageName}@${entry.digest}`

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
    if (!inputs.sign) skip('sign', '`sign: false`')
    if (!inputs.provenance && inputs.sbom === 'none') skip('attest', '`provenance: false` and `sbom: none`')

    // 6. Tags, last of the registry writes.
    core.setOutput('tags', list(inputs.tags))
    if (inputs.tags.length === 0) skip('tags', 'no `tags` given')
    else {
      const tags = await step('tags', () =>
        applyTags({ client, image: inputs.imageName, tags: inputs.tags, mutableTags: inputs.mutableTags, digest: pushed.digest, manifest: { bytes: image.bytes, mediaType: image.mediaType } })
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

/** Steps whose inputs exist but whose code has not landed yet refuse loudly, never silently. */
function notImplementedYet(inputs: ReleaseInputs): void {
  const asked: string[] = []
  if (inputs.sign) asked.push('`sign: true` (set `sign: false`)')
  if (inputs.provenance) asked.push('`provenance: true` (set `provenance: false`)')
  if (inputs.sbom !== 'none') asked.push(`\`sbom: ${inputs.sbom}\` (set \`sbom: none\`)`)
  if (asked.length) throw new Error(`not implemented yet in this version of digest-release: ${asked.join(', ')}`)
}

type StepRunner = <T>(name: StepName, work: () => Promise<T>) => Promise<T>

async function deployStep(inputs: ReleaseInputs, result: ReleaseResult, digest: string, step: StepRunner, skip: (name: StepName, reason: string) => void): Promise<void> {
  if (!inputs.deployRepository) return skip('deploy', 'no `deploy-repository` given')
  const repository = inputs.deployRepository
  const env = process.env
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const workDir = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'digest-release-deploy-'))
  try {
    // Loaded only when used, so a plain push starts fast.
    const { deployDigest } = await import('./deploy/index.js')
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
          runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
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
      diff: deployed.diff
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
  for (const child of node.children) if (child.platform && child.platform !== 'unknown/unknown') digests[child.platform] = child.descriptor.digest
  return digests
}

function setImageOutputs(inputs: ReleaseInputs, entry: Descriptor, result: ReleaseResult): void {
  core.setOutput('digest', entry.digest)
  core.setOutput('image-ref', `${inputs.imageName}@${entry.digest}`)
  core.setOutput('platform-digests', JSON.stringify(result.platformDigests))
}
