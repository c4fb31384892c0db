// The preflight step: everything that can be checked before anything is written. Credentials are
// resolved, the layout entry chosen, every tag resolved (an immutable tag that names another digest
// stops the run here), a given SBOM file validated, and the OIDC token requested when signing.
import { RegistryClient } from '../oci/registry/client.js'
import { credentialSecrets, resolveCredential, type CredentialSource } from '../oci/registry/credentials.js'
import { openLayout, selectEntry, type OciLayout } from '../oci/layout/read.js'
import type { Descriptor } from '../oci/descriptor.js'
import type { ImageReference } from '../oci/reference.js'
import type { Logger } from '../net/logger.js'
import type { SbomFile } from '../sbom/index.js'
import { InputError } from './errors.js'
import { decodeTokenClaims } from '../sigstore/identity.js'
import {
  InstanceChoiceError,
  resolveSigstoreInstance,
  type ResolvedInstance,
  type SigstoreInstanceChoice,
  type SigstoreServices
} from '../sigstore/instance.js'
import { planTags, type TagPlanEntry } from './tags.js'
import { readdir, readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import picomatch from 'picomatch'
import type { JUnitFile } from '../sigstore/test-result.js'

export interface PreflightOptions {
  image: ImageReference
  /** `registry/repository`. */
  imageName: string
  username?: string
  password?: string
  githubToken?: string
  insecureRegistries: string[]
  dockerConfigDir?: string
  layoutPath: string
  layoutRef?: string
  /** Where a gzipped layout is decompressed. */
  tempDir: string
  tags: string[]
  mutableTags: string[]
  /** `generate`, `none`, or the path of an SBOM file to validate now. */
  sbom: string
  /** JUnit XML reports to attest (globs), and the directory they are relative to. */
  testResults?: { patterns: string[]; root: string }
  /** Asks the runner for the OIDC token; given only when the run signs or attests. */
  requestIdentityToken?: () => Promise<string>
  /** How to choose the Sigstore instance (by the token's repository visibility, for `auto`). */
  sigstore?: { choice: SigstoreInstanceChoice; serverUrl: string; overrides: Partial<SigstoreServices> }
  /** Told every secret learned (credentials, tokens), to mask it. */
  onSecret(secret: string): void
  /** Told the digest as soon as it is known, so it is reported even if a later check fails. */
  onDigest?(digest: string): void
  logger: Logger
}

export interface PreflightResult {
  client: RegistryClient
  credentialSource: CredentialSource
  layout: OciLayout
  entry: Descriptor
  tagPlan?: TagPlanEntry[]
  sbomFile?: SbomFile
  /** The JUnit reports found, parsed. */
  testResults?: JUnitFile[]
  identityToken?: string
  /** The token's claims (unverified), for provenance and the expected signer identity. */
  claims?: Record<string, unknown>
  /** The Sigstore instance that will sign, and why. */
  sigstoreInstance?: ResolvedInstance
}

/** A client for one repository, with its credentials resolved (inputs, Docker config, `github-token` for ghcr.io) and masked. */
async function registryClientFor(
  image: ImageReference,
  credentials: { username?: string; password?: string },
  options: Pick<PreflightOptions, 'githubToken' | 'dockerConfigDir' | 'insecureRegistries' | 'onSecret' | 'logger'>,
  what: string
): Promise<{ client: RegistryClient; source: CredentialSource }> {
  const resolved = await resolveCredential({
    registry: image.registry,
    username: credentials.username,
    password: credentials.password,
    githubToken: options.githubToken,
    dockerConfigDir: options.dockerConfigDir
  })
  for (const secret of credentialSecrets(resolved.credential)) options.onSecret(secret)
  options.logger.info(`${what} credentials: ${resolved.source}`)
  const client = new RegistryClient({
    registry: image.registry,
    repository: image.repository,
    credential: resolved.credential,
    insecureRegistries: options.insecureRegistries,
    onSecret: options.onSecret,
    logger: options.logger
  })
  return { client, source: resolved.source }
}

export async function preflight(options: PreflightOptions): Promise<PreflightResult> {
  const { logger } = options
  const { client, source: credentialSource } = await registryClientFor(options.image, options, options, 'registry')

  const layout = await openLayout(options.layoutPath, { tempDir: options.tempDir })
  try {
    const entry = selectEntry(layout, options.layoutRef)
    logger.info(`layout entry: ${entry.digest} (${entry.mediaType})`)
    options.onDigest?.(entry.digest)
    const result: PreflightResult = { client, credentialSource, layout, entry }
    // The registry is reached (and the credentials tried) now, not first in the push step: by the tag
    // plan below when there are tags, else by asking for the digest itself.
    if (!options.tags.length && (await client.headManifest(entry.digest))) logger.info(`the registry already holds ${entry.digest}`)
    if (options.tags.length) {
      result.tagPlan = await planTags({
        client,
        image: options.imageName,
        tags: options.tags,
        mutableTags: options.mutableTags,
        digest: entry.digest
      })
      for (const plan of result.tagPlan) logger.info(`tag ${plan.tag}: ${plan.action}${plan.previous ? ` (now ${plan.previous})` : ''}`)
    }
    if (options.sbom !== 'none' && options.sbom !== 'generate') {
      result.sbomFile = await loadGivenSbom(options.sbom)
      logger.info(`sbom: ${options.sbom} is ${result.sbomFile.format} ${result.sbomFile.version}`)
    }
    if (options.testResults?.patterns.length) {
      result.testResults = await readTestResults(options.testResults.patterns, options.testResults.root)
      const passed = result.testResults.reduce((n, file) => n + file.passed.length, 0)
      const failed = result.testResults.reduce((n, file) => n + file.failed.length, 0)
      logger.info(`test results: ${result.testResults.length} JUnit file(s), ${passed} passed, ${failed} failed`)
    }
    if (options.requestIdentityToken) {
      result.identityToken = await options.requestIdentityToken()
      result.claims = decodeTokenClaims(result.identityToken)
      if (options.sigstore) {
        const visibility = typeof result.claims.repository_visibility === 'string' ? result.claims.repository_visibility : undefined
        try {
          result.sigstoreInstance = resolveSigstoreInstance({ ...options.sigstore, visibility })
        } catch (error) {
          if (error instanceof InstanceChoiceError) throw new InputError('sigstore-instance', error.message, { cause: error })
          throw error
        }
        logger.info(`sigstore: ${result.sigstoreInstance.instance} (${result.sigstoreInstance.reason})`)
      }
    }
    return result
  } catch (error) {
    await layout.close()
    throw error
  }
}

async function loadGivenSbom(path: string): Promise<SbomFile> {
  // Loaded only when a file is given: the JSON schemas are large, and a plain push should start fast.
  const { loadSbomFile, SbomFileError } = await import('../sbom/validate.js')
  try {
    return await loadSbomFile(path)
  } catch (error) {
    if (error instanceof SbomFileError) throw new InputError('sbom', error.message, { cause: error })
    throw error
  }
}

/** Every file the patterns name under `root`, parsed as JUnit XML; a pattern that names nothing, or a file that is not JUnit, is an input error. */
async function readTestResults(patterns: string[], root: string): Promise<JUnitFile[]> {
  const { parseJUnit, JUnitError } = await import('../sigstore/test-result.js')
  const files: JUnitFile[] = []
  const seen = new Set<string>()
  for (const pattern of patterns) {
    const matches = await findFiles(root, pattern)
    if (matches.length === 0)
      throw new InputError('test-results', `"${pattern}" matches no file under ${root}; give the JUnit XML reports your tests wrote`)
    for (const path of matches) {
      if (seen.has(path)) continue
      seen.add(path)
      try {
        files.push(parseJUnit(path, await readFile(join(root, path))))
      } catch (error) {
        if (error instanceof JUnitError) throw new InputError('test-results', error.message, { cause: error })
        throw error
      }
    }
  }
  return files
}

/** Files under `root` matching a glob, relative to it; a plain path is taken as it is. */
async function findFiles(root: string, pattern: string): Promise<string[]> {
  const relativePattern = isAbsolute(pattern) ? relative(root, pattern) : pattern
  if (!picomatch.scan(relativePattern).isGlob) {
    const info = await stat(join(root, relativePattern)).catch(() => undefined)
    return info?.isFile() ? [relativePattern] : []
  }
  const isMatch = picomatch(relativePattern, { dot: true })
  const found: string[] = []
  const walk = async (directory: string, depth: number): Promise<void> => {
    if (depth > 12 || found.length > 10_000) return
    for (const entry of await readdir(join(root, directory), { withFileTypes: true }).catch(() => [])) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue
      const path = directory ? `${directory}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(path, depth + 1)
      else if (entry.isFile() && isMatch(path)) found.push(path)
    }
  }
  await walk('', 0)
  return found.sort()
}

export interface PromotePreflightOptions extends Pick<
  PreflightOptions,
  | 'image'
  | 'imageName'
  | 'username'
  | 'password'
  | 'githubToken'
  | 'insecureRegistries'
  | 'dockerConfigDir'
  | 'tags'
  | 'mutableTags'
  | 'onSecret'
  | 'logger'
> {
  source: ImageReference
  sourceUsername?: string
  sourcePassword?: string
  /**
   * Called once the source digest is known (at once when `source` names it, else when its tag is
   * resolved), so work that only reads the source can start while the rest is checked.
   */
  onSourceDigest?: (found: { source: RegistryClient; sourceName: string; destination: RegistryClient }, digest: string) => void
}

export interface PromotePreflightResult {
  source: RegistryClient
  destination: RegistryClient
  /** `registry/repository` of the source. */
  sourceName: string
  /** The source's digest: given, or its tag resolved once, here. */
  digest: string
  mediaType: string
  tagPlan?: TagPlanEntry[]
}

/**
 * Promote mode: the source is resolved to one digest (a tag, once) and must exist; the destination
 * is reachable with its credentials and its tags are planned (immutability as in release mode).
 */
export async function preflightPromote(options: PromotePreflightOptions): Promise<PromotePreflightResult> {
  const { logger } = options
  const sourceName = `${options.source.registry}/${options.source.repository}`
  const { client: source } = await registryClientFor(
    options.source,
    { username: options.sourceUsername, password: options.sourcePassword },
    options,
    'source'
  )
  const { client: destination } = await registryClientFor(options.image, options, options, 'destination')
  const reference = options.source.digest ?? options.source.tag!
  const named = `${sourceName}${options.source.digest ? '@' : ':'}${reference}`
  if (options.source.digest) options.onSourceDigest?.({ source, sourceName, destination }, options.source.digest)
  // Reachability and credentials of the destination, before anything is written; with the digest
  // given, that check does not wait for the source's answer (whose failure is still the one told).
  const destinationCheck = options.source.digest ? destination.headManifest(options.source.digest) : undefined
  destinationCheck?.catch(() => undefined)
  let head
  try {
    head = await source.headManifest(reference)
  } catch (error) {
    throw new InputError('source', `${named} cannot be read: ${(error as Error).message}`, { cause: error })
  }
  if (!head)
    throw new InputError(
      'source',
      `${sourceName} has no manifest ${reference}; check the digest or tag (and source-username/source-password)`
    )
  if (options.source.digest && head.digest !== options.source.digest) {
    throw new InputError('source', `${sourceName}@${options.source.digest} answered with the digest ${head.digest}`)
  }
  if (!options.source.digest) {
    logger.info(`source ${sourceName}:${options.source.tag} resolves to ${head.digest}; everything after runs by that digest`)
    options.onSourceDigest?.({ source, sourceName, destination }, head.digest)
  }
  const result: PromotePreflightResult = { source, destination, sourceName, digest: head.digest, mediaType: head.mediaType }
  await (destinationCheck ?? destination.headManifest(head.digest))
  if (options.tags.length) {
    result.tagPlan = await planTags({
      client: destination,
      image: options.imageName,
      tags: options.tags,
      mutableTags: options.mutableTags,
      digest: head.digest
    })
    for (const plan of result.tagPlan) logger.info(`tag ${plan.tag}: ${plan.action}${plan.previous ? ` (now ${plan.previous})` : ''}`)
  }
  return result
}
