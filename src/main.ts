// run(): read the inputs and the runner context, run the steps in order, and turn a failure into one
// error naming its step. Outputs are set by the step runner as each step ends; the job summary and
// the `result` output are written last, whatever happened. Steps past the push are loaded only when
// they run, so a plain push starts fast.
import { rm } from 'node:fs/promises'
import * as core from './action/runner.js'
import { alignSigstoreProxy, readRunnerContext, type RunnerContext } from './action/context.js'
import { readInputs, type PromoteInputs, type ReleaseInputs } from './action/inputs.js'
import { emptyResult, type ReleaseResult } from './action/result.js'
import { StepFailure, StepRunner } from './action/step-runner.js'
import { renderSummary, verifyCommands } from './action/summary.js'
import { HeldLogger, type Logger } from './net/logger.js'
import { configureProxy } from './net/http.js'
import type { OciLayout } from './oci/layout/read.js'
import { SIGSTORE_INSTANCES, TUF_MIRRORS, type ResolvedInstance } from './sigstore/instance.js'
import type { BundleVerifier } from './sigstore/verifier.js'
import type { Signer } from './sigstore/signer.js'
import type { AttestationPublisher } from './github/attestations.js'
import type { DeployCheck } from './steps/deploy.js'
import type { VerifyResult } from './steps/verify.js'
import type { CopyPlan } from './steps/copy.js'
import type { RegistryClient } from './oci/registry/client.js'
import { preflight, preflightPromote, type PreflightResult } from './steps/preflight.js'
import { InputError } from './steps/errors.js'
import { readLayoutImage } from './steps/layout.js'
import { pushImage } from './steps/push.js'
import { applyTags } from './steps/tags.js'

const runnerLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message)
}

export async function run(): Promise<void> {
  let result: ReleaseResult | undefined
  try {
    const context = readRunnerContext()
    // Every connection of the run honours the runner's proxy variables (git gets them per remote).
    configureProxy(context.childEnvironment)
    const inputs = readInputs((name) => core.getInput(name))
    await alignSigstoreProxy(
      [
        ...Object.values(SIGSTORE_INSTANCES).flatMap((services) => [services.fulcioUrl, services.rekorUrl, services.tsaUrl]),
        ...Object.values(TUF_MIRRORS),
        inputs.fulcioUrl,
        inputs.rekorUrl,
        inputs.tsaUrl
      ].filter((url): url is string => Boolean(url))
    )
    if (inputs.imageNotice) core.notice(inputs.imageNotice)
    for (const secret of [inputs.password, inputs.githubToken, inputs.deployToken]) if (secret) core.setSecret(secret)
    result = emptyResult(inputs.imageName, inputs.dryRun, inputs.tags, context.repositoryOwner, context.repository, inputs.mode)
    if (inputs.promote) await promote(inputs, inputs.promote, context, result)
    else await release(inputs, context, result)
  } catch (error) {
    const message =
      error instanceof StepFailure ? `${error.step} failed: ${error.message}` : error instanceof Error ? error.message : String(error)
    if (error instanceof StepFailure && error.original instanceof Error && error.original.cause instanceof Error) {
      core.debug(`cause: ${error.original.cause.message}`)
    }
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

/** The destination repository and how to reach it: the same in both modes. */
function destination(inputs: ReleaseInputs, context: RunnerContext) {
  return {
    image: inputs.image,
    imageName: inputs.imageName,
    username: inputs.username,
    password: inputs.password,
    githubToken: inputs.githubToken,
    insecureRegistries: inputs.insecureRegistries,
    dockerConfigDir: context.dockerConfigDir
  }
}

function needsSigstore(inputs: ReleaseInputs): boolean {
  return inputs.sign || inputs.provenance || inputs.sbom !== 'none' || inputs.testResults.length > 0
}

async function release(inputs: ReleaseInputs, context: RunnerContext, result: ReleaseResult): Promise<void> {
  const steps = new StepRunner(result)
  let layout: OciLayout | undefined
  let deployCheck: DeployCheck | undefined
  try {
    const checked = await steps.run(
      'preflight',
      () =>
        withDeployCheck(
          inputs,
          context,
          () =>
            preflight({
              ...destination(inputs, context),
              layoutPath: inputs.layout,
              layoutRef: inputs.layoutRef,
              tempDir: context.tempDir,
              tags: inputs.tags,
              mutableTags: inputs.mutableTags,
              sbom: inputs.sbom,
              testResults: inputs.testResults.length ? { patterns: inputs.testResults, root: context.workspace } : undefined,
              requestIdentityToken:
                !inputs.dryRun && needsSigstore(inputs) ? () => core.requestIdentityToken(inputs.oidcAudience) : undefined,
              sigstore: {
                choice: inputs.sigstoreInstance,
                serverUrl: context.serverUrl,
                overrides: { fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl }
              },
              onSecret: (secret) => core.setSecret(secret),
              onDigest: (digest) => {
                result.digest = digest
                result.imageRef = `${inputs.imageName}@${digest}`
              },
              logger: runnerLogger
            }),
          (checked) => checked.entry.digest
        ),
      (checked) => {
        result.tagPlan = checked.tagPlan
        if (checked.sigstoreInstance)
          result.sigstore = { instance: checked.sigstoreInstance.instance, reason: checked.sigstoreInstance.reason }
        result.digest = checked.entry.digest
        result.imageRef = `${inputs.imageName}@${checked.entry.digest}`
      }
    )
    layout = checked.layout
    deployCheck = checked.deployCheck
    const { client, entry } = checked

    const { image } = await steps.run(
      'layout',
      () => readLayoutImage({ layout: checked.layout, entry }),
      (read) => {
        result.platformDigests = read.platformDigests
      }
    )

    if (inputs.dryRun) {
      for (const name of ['push', 'sign', 'attest', 'tags'] as const) steps.skip(name, 'dry run')
      steps.publishOutputs()
      return await deploy(inputs, context, result, steps, entry.digest, deployCheck)
    }

    // The run's one Fulcio certificate is requested while the blobs upload.
    const signer = needsSigstore(inputs) ? await runSigner(checked, runnerLogger) : undefined

    const pushed = await steps.run(
      'push',
      () => pushImage({ client, layout: checked.layout, image, logger: runnerLogger }),
      (pushed) => {
        result.push = pushed
        result.platformDigests = pushed.platformDigests
      }
    )

    if (!signer) {
      steps.skip('sign', '`sign: false`')
      steps.skip('attest', '`provenance: false` and `sbom: none`')
    } else {
      const [{ Referrers }, { expectedIdentity }] = await Promise.all([
        import('./oci/registry/referrers.js'),
        import('./sigstore/identity.js')
      ])
      const claims = checked.claims!
      const services = checked.sigstoreInstance!
      const referrers = Referrers.of(client)
      const verifier = await evidenceVerifier(inputs, context, services)
      const publisher = await attestationPublisher(inputs, context)
      const publish = publisher ? (bundle: object) => publisher.publish(bundle) : undefined

      if (!inputs.sign) steps.skip('sign', '`sign: false`')
      else {
        const { signImage, signingTargets } = await import('./steps/sign.js')
        await steps.run(
          'sign',
          () =>
            signImage({
              client,
              referrers,
              imageName: inputs.imageName,
              targets: signingTargets(image),
              signer,
              format: inputs.signatureFormat,
              identity: expectedIdentity(claims, context.serverUrl),
              verifier,
              publish,
              outputDir: context.tempDir,
              now: () => new Date(),
              logger: runnerLogger
            }),
          ({ targets: _targets, referrersMode, ...signed }) => {
            result.sign = signed
            if (referrersMode) result.referrersMode = referrersMode
          }
        )
      }

      if (!inputs.provenance && inputs.sbom === 'none' && !checked.testResults)
        steps.skip('attest', '`provenance: false`, `sbom: none` and no `test-results`')
      else {
        const [{ attestImage, layerOpener, readPlatformImages }, { buildProvenancePredicate }, { buildTestResultPredicate }] =
          await Promise.all([import('./steps/attest.js'), import('./sigstore/provenance.js'), import('./sigstore/test-result.js')])
        await steps.run(
          'attest',
          async () => {
            const platforms = await readPlatformImages(checked.layout, image)
            return attestImage({
              client,
              referrers,
              imageName: inputs.imageName,
              top: image.descriptor,
              platforms,
              signer,
              format: inputs.signatureFormat,
              provenance: inputs.provenance ? buildProvenancePredicate(context.serverUrl, claims) : undefined,
              testResult: checked.testResults ? buildTestResultPredicate(checked.testResults, context.runUrl) : undefined,
              sbom:
                inputs.sbom === 'none'
                  ? { mode: 'none' }
                  : checked.sbomFile
                    ? { mode: 'file', file: checked.sbomFile, path: inputs.sbom }
                    : { mode: 'generate', format: inputs.sbomFormat },
              openBlob: layerOpener(checked.layout, platforms),
              publish,
              outputDir: context.tempDir,
              now: () => new Date(),
              toolName: 'digest-release',
              logger: runnerLogger
            })
          },
          (attested) => {
            result.attest = attested
            result.referrersMode ??= referrers.detectedMode
            if (publisher && context.repository)
              result.githubAttestations = { ids: publisher.ids, url: `${context.serverUrl}/${context.repository}/attestations` }
          }
        )
      }
    }

    if (inputs.tags.length === 0) steps.skip('tags', 'no `tags` given')
    else {
      await steps.run(
        'tags',
        () =>
          applyTags({
            client,
            image: inputs.imageName,
            tags: inputs.tags,
            mutableTags: inputs.mutableTags,
            digest: pushed.digest,
            manifest: { bytes: image.bytes, mediaType: image.mediaType },
            logger: runnerLogger
          }),
        (tags) => (result.tags = tags)
      )
    }

    await deploy(inputs, context, result, steps, pushed.digest, deployCheck)
  } finally {
    await layout?.close()
    if (deployCheck) await rm(deployCheck.clone, { recursive: true, force: true })
  }
}

/**
 * What existing evidence is verified against: the `trusted-root` file, or the instance's TUF
 * repository. With the instance's services overridden and no file there is none, and nothing found
 * in the registry is reused.
 */
async function evidenceVerifier(
  inputs: ReleaseInputs,
  context: RunnerContext,
  services: ResolvedInstance
): Promise<BundleVerifier | undefined> {
  const overridden = Boolean(inputs.fulcioUrl || inputs.rekorUrl || inputs.tsaUrl)
  const { resolveTrustedRoot, createBundleVerifier } = await import('./sigstore/verifier.js')
  const trustedRoot = await resolveTrustedRoot({
    trustedRootPath: inputs.trustedRoot,
    instance: overridden ? 'custom' : services.instance,
    cacheDir: context.tempDir,
    logger: { ...runnerLogger, warning: (message) => runnerLogger.info(`${message}; existing signatures will not be reused`) }
  })
  return trustedRoot ? createBundleVerifier(trustedRoot) : undefined
}

/** The repository's GitHub attestations API, when asked for and a token and repository are known. */
async function attestationPublisher(inputs: ReleaseInputs, context: RunnerContext): Promise<AttestationPublisher | undefined> {
  if (!inputs.githubAttestations || !inputs.githubToken || !context.repository) return undefined
  const [{ GitHubClient }, { AttestationPublisher }] = await Promise.all([import('./github/client.js'), import('./github/attestations.js')])
  const [owner, repo] = context.repository.split('/')
  return new AttestationPublisher(new GitHubClient(context.apiUrl, inputs.githubToken, runnerLogger), { owner, repo }, runnerLogger)
}

/**
 * Promote mode: a digest already in a registry moves to `image` without a rebuild. Its evidence is
 * verified at the source, copied with the bytes, and verified again at the destination before any tag.
 */
async function promote(inputs: ReleaseInputs, options: PromoteInputs, context: RunnerContext, result: ReleaseResult): Promise<void> {
  const steps = new StepRunner(result)
  // The trust material and the code load while preflight talks to the registries. Read once, for both ends.
  const trusted = promoteVerifier(inputs, context)
  trusted.catch(() => undefined)
  const modules = Promise.all([import('./steps/verify.js'), import('./oci/registry/referrers.js'), import('./steps/copy.js')])
  modules.catch(() => undefined)
  const verifyAt = async (
    where: 'source' | 'destination',
    at: { client: RegistryClient; imageName: string },
    digest: string,
    logger: Logger
  ): Promise<VerifyResult> => {
    const [{ verifyEvidence }, { Referrers }] = await modules
    return verifyEvidence({
      ...at,
      referrers: Referrers.of(at.client),
      digest,
      // The evidence is read while the verifier may still be loading.
      verifier: trusted,
      identity: options.verifyIdentity,
      issuer: options.verifyIssuer,
      attestations: options.verifyAttestations,
      where,
      logger
    })
  }
  // Work that only reads (or verifies what it read) need not wait for the destination's and the
  // deploy repository's checks: once the source digest is known, the source is verified and what
  // the copy will write is read. Both are told in their own steps; nothing is written before both pass.
  let ahead: { startedAt: number; log: HeldLogger; verified: Promise<VerifyResult>; plan?: Promise<CopyPlan> } | undefined
  const readAhead = (
    { source, sourceName, destination }: { source: RegistryClient; sourceName: string; destination: RegistryClient },
    digest: string
  ): void => {
    const log = new HeldLogger()
    const verified = verifyAt('source', { client: source, imageName: sourceName }, digest, log)
    verified.catch(() => undefined)
    // A dry run copies nothing, so it has nothing to plan.
    const plan = inputs.dryRun
      ? undefined
      : modules.then(([, , { planCopy }]) => planCopy(source, destination, digest, options.copyReferrers))
    plan?.catch(() => undefined)
    ahead = { startedAt: Date.now(), log, verified, plan }
  }
  const checked = await steps.run(
    'preflight',
    () =>
      withDeployCheck(
        inputs,
        context,
        () =>
          preflightPromote({
            ...destination(inputs, context),
            tags: inputs.tags,
            mutableTags: inputs.mutableTags,
            source: options.source,
            sourceUsername: options.sourceUsername,
            sourcePassword: options.sourcePassword,
            onSourceDigest: readAhead,
            onSecret: (secret) => core.setSecret(secret),
            logger: runnerLogger
          }),
        (checked) => checked.digest
      ),
    (checked) => {
      result.digest = checked.digest
      result.imageRef = `${inputs.imageName}@${checked.digest}`
      result.tagPlan = checked.tagPlan
      result.promote = { from: `${checked.sourceName}@${checked.digest}` }
    }
  )
  try {
    const { digest } = checked
    const [, , { copyStep }] = await modules
    if (!ahead) readAhead(checked, digest)
    const early = ahead!
    await steps.run(
      'verify',
      () => early.verified.finally(() => early.log.replay(runnerLogger)),
      (verified) => (result.promote!.source = verified),
      early.startedAt
    )

    if (inputs.dryRun) {
      for (const name of ['copy', 'reverify', 'tags'] as const) steps.skip(name, 'dry run')
      steps.publishOutputs()
      return await deploy(inputs, context, result, steps, digest, checked.deployCheck)
    }

    // Verifying again starts once the evidence is at the destination, while the image's layers are
    // still on their way; what it says is held for its own group.
    let again: { startedAt: number; log: HeldLogger; verified: Promise<VerifyResult> } | undefined
    const atDestination = { client: checked.destination, imageName: inputs.imageName }
    await steps.run(
      'copy',
      async () =>
        copyStep({
          source: checked.source,
          destination: checked.destination,
          digest,
          copyReferrers: options.copyReferrers,
          plan: await early.plan,
          onEvidenceCopied: () => {
            const log = new HeldLogger()
            again = { startedAt: Date.now(), log, verified: verifyAt('destination', atDestination, digest, log) }
            again.verified.catch(() => undefined)
          },
          logger: runnerLogger
        }),
      (copied) => {
        result.promote!.copy = copied
        result.platformDigests = copied.platformDigests
      }
    )
    if (!options.copyReferrers) steps.skip('reverify', '`copy-referrers: false`: no evidence was copied')
    else {
      await steps.run(
        'reverify',
        async () => {
          if (again) {
            try {
              const verified = await again.verified
              again.log.replay(runnerLogger)
              return verified
            } catch (error) {
              // A registry may list referrers only once their subject is there: ask again now that it is.
              runnerLogger.debug(`verified while the layers were copying: ${(error as Error).message}; verifying again`)
            }
          }
          return verifyAt('destination', atDestination, digest, runnerLogger)
        },
        (verified) => (result.promote!.destination = verified),
        again?.startedAt
      )
    }

    if (inputs.tags.length === 0) steps.skip('tags', 'no `tags` given')
    else {
      const manifest = await checked.destination.getManifest(digest)
      await steps.run(
        'tags',
        () =>
          applyTags({
            client: checked.destination,
            image: inputs.imageName,
            tags: inputs.tags,
            mutableTags: inputs.mutableTags,
            digest,
            manifest: { bytes: manifest!.bytes, mediaType: manifest!.mediaType },
            logger: runnerLogger
          }),
        (tags) => (result.tags = tags)
      )
    }
    await deploy(inputs, context, result, steps, digest, checked.deployCheck)
  } finally {
    if (checked.deployCheck) await rm(checked.deployCheck.clone, { recursive: true, force: true })
  }
}

/** Promote mode verifies against the `trusted-root` file, else public-good Sigstore's TUF root; with neither, nothing can be trusted. */
async function promoteVerifier(inputs: ReleaseInputs, context: RunnerContext): Promise<BundleVerifier> {
  const { resolveTrustedRootWithReason, createBundleVerifier } = await import('./sigstore/verifier.js')
  const resolved = await resolveTrustedRootWithReason({
    trustedRootPath: inputs.trustedRoot,
    instance: 'public-good',
    cacheDir: context.tempDir
  })
  if (!resolved.trustedRoot) {
    throw new InputError(
      'trusted-root',
      `no Sigstore trust material to verify the source against (${resolved.reason}); give a trusted_root.json (\`gh attestation trusted-root > trusted_root.json\` writes public-good and GitHub's instance)`
    )
  }
  return createBundleVerifier(resolved.trustedRoot)
}

/** A preflight that also checks the deploy repository, when there is one, before anything is written. */
async function withDeployCheck<T extends object>(
  inputs: ReleaseInputs,
  context: RunnerContext,
  check: () => Promise<T>,
  digestOf: (checked: T) => string
): Promise<T & { deployCheck?: DeployCheck }> {
  const checked = await check()
  if (!inputs.deployRepository) return checked
  try {
    return { ...checked, deployCheck: await checkDeploy(inputs, context, digestOf(checked)) }
  } catch (error) {
    await (checked as { layout?: OciLayout }).layout?.close()
    throw error
  }
}

/** The deploy repository's check; answers the clone it made and the base it resolved, for the deploy step. */
async function checkDeploy(inputs: ReleaseInputs, context: RunnerContext, digest: string): Promise<DeployCheck | undefined> {
  if (inputs.deployRepository) {
    const { checkDeployAccess } = await import('./steps/deploy.js')
    const check = await checkDeployAccess({
      repository: inputs.deployRepository,
      token: inputs.deployToken || inputs.githubToken || '',
      base: inputs.deployBase,
      paths: inputs.deployPaths,
      image: inputs.imageName,
      digest,
      tags: inputs.tags,
      serverUrl: context.serverUrl,
      apiUrl: context.apiUrl,
      gitEnvironment: context.childEnvironment,
      workDir: context.tempDir,
      logger: runnerLogger
    })
    runnerLogger.info(
      `deploy repository ${inputs.deployRepository}: reachable with \`deploy-token\`, and deploy-paths find ${inputs.imageName}`
    )
    return check
  }
}

/** The run's signer, its certificate already on its way. */
async function runSigner(checked: PreflightResult, logger: Logger): Promise<Signer> {
  const { createSigner } = await import('./sigstore/signer.js')
  const services = checked.sigstoreInstance!
  const signer = createSigner({
    fulcioUrl: services.fulcioUrl,
    rekorUrl: services.rekorUrl,
    tsaUrl: services.tsaUrl,
    identityToken: checked.identityToken!,
    logger
  })
  signer.prefetchCertificate?.()
  return signer
}

async function deploy(
  inputs: ReleaseInputs,
  context: RunnerContext,
  result: ReleaseResult,
  steps: StepRunner,
  digest: string,
  checked: DeployCheck | undefined
): Promise<void> {
  if (!inputs.deployRepository) return steps.skip('deploy', 'no `deploy-repository` given')
  const repository = inputs.deployRepository
  const { deployDigest } = await import('./steps/deploy.js')
  const deployed = await steps.run(
    'deploy',
    () =>
      deployDigest({
        repository,
        token: inputs.deployToken || inputs.githubToken || '',
        // Preflight resolved the base (the API's default branch) and fetched it into its clone.
        base: checked?.base ?? inputs.deployBase,
        paths: inputs.deployPaths,
        mode: inputs.deployMode,
        branch: inputs.deployBranch,
        autoMerge: inputs.autoMerge,
        dryRun: inputs.dryRun,
        image: inputs.imageName,
        digest,
        tags: inputs.tags,
        serverUrl: context.serverUrl,
        apiUrl: context.apiUrl,
        graphqlUrl: context.graphqlUrl,
        source: { repository: context.repository, sha: context.sha, runUrl: context.runUrl },
        verifyCommands: verifyCommands(result),
        gitEnvironment: context.childEnvironment,
        gitIdentityInEnvironment: context.gitIdentityInEnvironment,
        workDir: context.tempDir,
        startedAt: context.startedAt,
        clone: checked?.clone,
        logger: runnerLogger
      }),
    (deployed) => (result.deploy = deployed)
  )
  if (inputs.dryRun && deployed.diff) core.info(`deploy diff (dry run, nothing written):\n${deployed.diff}`)
}
