// Inputs -> one typed, validated options object. Every error names the input and the fix.
import { InputError } from '../steps/errors.js'
import { parseReference, isValidTag, ReferenceError, type ImageReference } from '../oci/reference.js'
import type { SignatureFormat } from '../sigstore/cosign.js'
import type { SigstoreInstanceChoice } from '../sigstore/instance.js'

export type DeployMode = 'pull-request' | 'push'
export type AutoMerge = 'off' | 'merge' | 'squash' | 'rebase'

export interface PromoteInputs {
  /** The image to promote, as given (`registry/repo@sha256:…` or `registry/repo:tag`). */
  source: ImageReference
  sourceUsername?: string
  sourcePassword?: string
  /** The signer identity the source's evidence must carry (a regular expression over the certificate's SAN). */
  verifyIdentity: RegExp
  verifyIssuer: string
  /** Predicate types that must be attested by that signer. */
  verifyAttestations: string[]
  copyReferrers: boolean
}

export interface ReleaseInputs {
  /** `release` (a layout is pushed) or `promote` (a digest in a registry is copied). */
  mode: 'release' | 'promote'
  /** Release mode: the layout path. */
  layout: string
  /** Promote mode: what to promote and how to verify it. */
  promote?: PromoteInputs
  layoutRef?: string
  image: ImageReference
  /** The image input as normalized text, `registry/repository`. */
  imageName: string
  /** Set when the image input was changed to be valid (a ghcr.io path lower-cased), for the log. */
  imageNotice?: string
  tags: string[]
  mutableTags: string[]
  username?: string
  password?: string
  githubToken?: string
  insecureRegistries: string[]
  sign: boolean
  signatureFormat: SignatureFormat
  provenance: boolean
  /** `generate`, `none`, or a path. */
  sbom: string
  /** JUnit XML reports (globs) to attest as in-toto test results. */
  testResults: string[]
  /** Format of a generated SBOM. */
  sbomFormat: 'spdx' | 'cyclonedx'
  sigstoreInstance: SigstoreInstanceChoice
  /** Overrides of the instance's services; undefined means the instance's own. */
  fulcioUrl?: string
  rekorUrl?: string
  tsaUrl?: string
  /** A Sigstore trusted_root.json to verify existing evidence against. */
  trustedRoot?: string
  /** Also store attestations in the repository's GitHub attestations API. */
  githubAttestations: boolean
  oidcAudience: string
  deployRepository?: string
  deployToken?: string
  deployBase?: string
  deployPaths: string[]
  deployMode: DeployMode
  deployBranch?: string
  autoMerge: AutoMerge
  dryRun: boolean
}

/**
 * Splits a list input on newlines and commas (paths and globs, which may hold spaces), trimming and
 * dropping empties and duplicates.
 */
export function splitList(value: string): string[] {
  return splitOn(value, /[\n,]/)
}

/** Splits a list of tags on commas, newlines and spaces: a tag cannot hold a space. */
export function splitTags(value: string): string[] {
  return splitOn(value, /[\s,]/)
}

function splitOn(value: string, separator: RegExp): string[] {
  return [
    ...new Set(
      value
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean)
    )
  ]
}

function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const text = value.trim().toLowerCase()
  if (text === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(text)) return true
  if (['false', 'no', '0', 'off'].includes(text)) return false
  throw new InputError(name, `"${value}" is not a boolean; use true or false`)
}

function parseChoice<T extends string>(name: string, value: string, choices: readonly T[], fallback: T): T {
  const text = value.trim()
  if (text === '') return fallback
  if ((choices as readonly string[]).includes(text)) return text as T
  throw new InputError(name, `"${value}" is not one of ${choices.join(', ')}`)
}

function parseUrl(name: string, value: string, fallback: string): string {
  const text = value.trim() || fallback
  try {
    const url = new URL(text)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)')
    return text.replace(/\/+$/, '')
  } catch {
    throw new InputError(name, `"${text}" is not an http(s) URL`)
  }
}

export function parseTags(value: string): string[] {
  const tags = splitTags(value)
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      throw new InputError(
        'tags',
        `"${tag}" is not a valid tag: use letters, digits, "_", "." and "-", start with a letter, digit or "_", at most 128 characters`
      )
    }
  }
  return tags
}

// ghcr.io, written as the image input's registry (any case), then its repository path.
const GHCR = /^ghcr\.io\/([^:@]*)(.*)$/i

/**
 * Parses the image input. A ghcr.io repository path is lower-cased first, with a notice to log:
 * GitHub owner and repository names may hold capitals (`ghcr.io/${{ github.repository }}`), and
 * GHCR stores them lower-cased. Any other registry's upper case is refused, as the reference
 * grammar requires.
 */
export function normalizeImage(text: string): { image: ImageReference; notice?: string } {
  let input = text.trim()
  let notice: string | undefined
  const ghcr = GHCR.exec(input)
  if (ghcr) {
    const [, path, rest] = ghcr
    const given = input.slice(0, input.length - rest.length)
    input = `ghcr.io/${path.toLowerCase()}${rest}`
    if (path !== path.toLowerCase())
      notice = `input \`image\`: using ghcr.io/${path.toLowerCase()} for ${given} (ghcr.io repository names are lowercase)`
  }
  try {
    return { image: parseReference(input), notice }
  } catch (error) {
    if (error instanceof ReferenceError)
      throw new InputError('image', `${error.message}; expected registry/namespace/name, e.g. ghcr.io/owner/app`)
    throw error
  }
}

export function readInputs(getInput: (name: string) => string): ReleaseInputs {
  const get = (name: string): string => (getInput(name) ?? '').trim()

  const layout = get('layout')
  const sourceText = get('source')
  if (layout && sourceText) {
    throw new InputError(
      'source',
      'and `layout` are both given: give `layout` to release a build, or `source` to promote an image already in a registry, not both'
    )
  }
  if (!layout && !sourceText) {
    throw new InputError(
      'layout',
      'is required to release (the path of the OCI image layout directory or tar your build wrote); to promote an image already in a registry, give `source` instead'
    )
  }
  const promote = sourceText ? readPromoteInputs(sourceText, get, getInput) : undefined

  const imageText = get('image')
  if (!imageText) throw new InputError('image', 'is required: the destination repository, e.g. ghcr.io/owner/app')
  const { image, notice: imageNotice } = normalizeImage(imageText)
  if (image.tag || image.digest) {
    throw new InputError(
      'image',
      `"${imageText}" carries a ${image.digest ? 'digest' : 'tag'}; give the repository alone and list tags in \`tags\``
    )
  }

  const sbom = get('sbom') || 'generate'
  const deployRepository = get('deploy-repository') || undefined
  if (
    deployRepository &&
    !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(deployRepository) &&
    !/^(https?:\/\/|file:\/\/|\/)/.test(deployRepository)
  ) {
    throw new InputError('deploy-repository', `"${deployRepository}" is neither owner/name nor a git URL`)
  }

  return {
    mode: promote ? 'promote' : 'release',
    layout,
    promote,
    layoutRef: get('layout-ref') || undefined,
    image,
    imageName: `${image.registry}/${image.repository}`,
    imageNotice,
    tags: parseTags(getInput('tags') ?? ''),
    mutableTags: splitList(getInput('mutable-tags') ?? ''),
    username: get('username') || undefined,
    password: get('password') || undefined,
    githubToken: get('github-token') || undefined,
    insecureRegistries: splitList(getInput('insecure-registries') ?? ''),
    sign: parseBoolean('sign', get('sign'), true),
    signatureFormat: parseChoice('signature-format', get('signature-format'), ['bundle', 'legacy', 'both'] as const, 'both'),
    provenance: parseBoolean('provenance', get('provenance'), true),
    sbom,
    testResults: splitList(getInput('test-results') ?? ''),
    sbomFormat: parseChoice('sbom-format', get('sbom-format'), ['spdx', 'cyclonedx'] as const, 'spdx'),
    sigstoreInstance: parseChoice('sigstore-instance', get('sigstore-instance'), ['auto', 'public-good', 'github'] as const, 'auto'),
    fulcioUrl: get('fulcio-url') ? parseUrl('fulcio-url', get('fulcio-url'), '') : undefined,
    rekorUrl: get('rekor-url') ? parseUrl('rekor-url', get('rekor-url'), '') : undefined,
    tsaUrl: get('tsa-url') ? parseUrl('tsa-url', get('tsa-url'), '') : undefined,
    trustedRoot: get('trusted-root') || undefined,
    githubAttestations: parseBoolean('github-attestations', get('github-attestations'), true),
    oidcAudience: get('oidc-audience') || 'sigstore',
    deployRepository,
    deployToken: get('deploy-token') || undefined,
    deployBase: get('deploy-base') || undefined,
    deployPaths: splitList(getInput('deploy-paths') ?? '').length ? splitList(getInput('deploy-paths') ?? '') : ['**/*.yaml', '**/*.yml'],
    deployMode: parseChoice('deploy-mode', get('deploy-mode'), ['pull-request', 'push'] as const, 'pull-request'),
    deployBranch: get('deploy-branch') || undefined,
    autoMerge: parseChoice('auto-merge', get('auto-merge'), ['off', 'merge', 'squash', 'rebase'] as const, 'off'),
    dryRun: parseBoolean('dry-run', get('dry-run'), false)
  }
}

function readPromoteInputs(sourceText: string, get: (name: string) => string, getInput: (name: string) => string): PromoteInputs {
  let source: ImageReference
  try {
    source = parseReference(sourceText)
  } catch (error) {
    if (error instanceof ReferenceError)
      throw new InputError('source', `${error.message}; expected registry/repository@sha256:<digest> (or :tag)`)
    throw error
  }
  if (!source.digest && !source.tag) {
    throw new InputError(
      'source',
      `"${sourceText}" names no digest or tag; give registry/repository@sha256:<digest> (a :tag is resolved once, in preflight)`
    )
  }
  const identityText = get('verify-identity')
  if (!identityText) {
    throw new InputError(
      'verify-identity',
      "is required in promote mode: a regular expression the signer's certificate identity must match, e.g. ^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/(heads/main|tags/v.+)$"
    )
  }
  let verifyIdentity: RegExp
  try {
    verifyIdentity = new RegExp(identityText)
  } catch (error) {
    throw new InputError('verify-identity', `"${identityText}" is not a valid regular expression (${(error as Error).message})`)
  }
  const username = get('source-username') || undefined
  const password = get('source-password') || undefined
  if (Boolean(username) !== Boolean(password)) {
    throw new InputError(
      username ? 'source-password' : 'source-username',
      'goes with `source-username`/`source-password`: give both, or neither to use the Docker config'
    )
  }
  return {
    source,
    sourceUsername: username,
    sourcePassword: password,
    verifyIdentity,
    verifyIssuer: get('verify-issuer') || 'https://token.actions.githubusercontent.com',
    verifyAttestations: splitList(getInput('verify-attestations') ?? ''),
    copyReferrers: parseBoolean('copy-referrers', get('copy-referrers'), true)
  }
}
