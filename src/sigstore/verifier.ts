// A Sigstore verifier over a trusted root: is this bundle a signature by the identity we expect,
// about the digest we expect? Built on @sigstore/verify, with the checks a verifier owes a bundle
// served by a registry that may be hostile: the certificate chains to the instance's CA (with an
// SCT when the trusted root has CT logs), at least one time source verifies (a transparency log
// entry or an RFC 3161 timestamp; a GitHub-instance bundle carries only a timestamp), every time
// source present verifies, the signature verifies over the DSSE payload or the message bytes,
// and the certificate names the expected identity and issuer. Bad evidence never throws: the
// answer is { ok: false, reason } with a short reason naming what failed.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleFromJSON, type Bundle } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial, type SignedEntity, type TrustMaterial } from '@sigstore/verify'
import type { Logger } from '../net/logger.js'
import { sendHttp } from '../net/http.js'
import { checkPinnedRoot, GITHUB_TUF_ROOT, type PinnedTufRoot } from './tuf-root.js'
import { TUF_MIRRORS } from './instance.js'
import { installFastDerEncoding } from './der.js'

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
const IN_TOTO_STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1']
const SIMPLE_SIGNING_TYPE = 'cosign container image signature'

/** Trust material made from one TrustedRoot (sigstore protobuf-specs JSON). */
export interface LoadedTrustMaterial {
  readonly material: TrustMaterial
  /** CT logs in the root: when there are any, a certificate must carry a verifying SCT. */
  readonly ctlogs: number
  readonly tlogs: number
  readonly timestampAuthorities: number
  readonly certificateAuthorities: number
}

/**
 * Reads a TrustedRoot JSON object into trust material. Throws when the root itself is malformed
 * (it is configuration, not evidence); resolveTrustedRoot checks a root with this before handing it out.
 */
export function loadTrustMaterial(trustedRoot: object): LoadedTrustMaterial {
  const root = TrustedRoot.fromJSON(trustedRoot)
  if (root.certificateAuthorities.length === 0) throw new Error('the trusted root has no certificate authority')
  return {
    material: toTrustMaterial(root),
    ctlogs: root.ctlogs.length,
    tlogs: root.tlogs.length,
    timestampAuthorities: root.timestampAuthorities.length,
    certificateAuthorities: root.certificateAuthorities.length
  }
}

export interface Expectation {
  /** `sha256:<hex>`: the digest the statement (or simple-signing payload) must be about. */
  subjectDigest: string
  /** For statements: the in-toto predicate type it must have. */
  predicateType?: string
  /**
   * The certificate's subject alternative name: an exact string, or a RegExp tested against it
   * (anchor it: /^https:\/\/github\.com\/octo-org\/app\/\.github\/workflows\/release\.yml@/).
   */
  identity: RegExp | string
  /** The OIDC issuer the certificate must name, exactly. */
  issuer?: string
}

export interface InTotoStatement {
  _type: string
  subject: Array<{ name?: string; digest: Record<string, string> }>
  predicateType: string
  predicate?: unknown
}

export interface SimpleSigningPayload {
  critical: { identity?: { 'docker-reference'?: string }; image: { 'docker-manifest-digest': string }; type: string }
  optional?: unknown
}

export type TimeSource = 'transparency-log' | 'timestamp-authority'

export interface Rejected {
  ok: false
  reason: string
  /** The certificate's SAN, when the bundle got far enough for it to be read. */
  identity?: string
}

interface Verified {
  ok: true
  identity: string
  issuer?: string
  /** The kinds of time source that verified (at least one). */
  timeSources: TimeSource[]
}

export type StatementVerification = (Verified & { statement: InTotoStatement }) | Rejected
export type MessageVerification = (Verified & { payload: SimpleSigningPayload }) | Rejected

/** Verifies bundles against one trusted root. */
export class BundleVerifier {
  readonly trust: LoadedTrustMaterial
  private readonly verifier: Verifier

  constructor(trust: LoadedTrustMaterial | object) {
    this.trust = isLoaded(trust) ? trust : loadTrustMaterial(trust)
    installFastDerEncoding()
    // Thresholds for time sources are enforced in checkTimeSources: either kind will do, but every
    // one present must verify, and the library does verify every one present.
    this.verifier = new Verifier(this.trust.material, { tlogThreshold: 0, tsaThreshold: 0, ctlogThreshold: this.trust.ctlogs > 0 ? 1 : 0 })
  }

  /** A DSSE bundle whose in-toto statement is about `expect.subjectDigest`, signed by the expected identity. */
  verifyStatementBundle(bundle: unknown, expect: Expectation): StatementVerification {
    const parsed = parseBundle(bundle)
    if (!parsed.ok) return parsed
    const content = parsed.bundle.content
    if (content.$case !== 'dsseEnvelope') return { ok: false, reason: 'not a DSSE bundle (it holds a message signature)' }
    const signer = this.verifyEntity(parsed.bundle)
    if (!signer.ok) return signer
    const who = checkIdentity(signer, expect)
    if (!who.ok) return who

    const envelope = content.dsseEnvelope
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
      return { ok: false, reason: `payload type ${shown(envelope.payloadType)} is not an in-toto statement`, identity: who.identity }
    const statement = parseJson(envelope.payload) as Partial<InTotoStatement> | undefined
    if (
      !statement ||
      typeof statement !== 'object' ||
      !IN_TOTO_STATEMENT_TYPES.includes(String(statement._type)) ||
      !Array.isArray(statement.subject)
    )
      return { ok: false, reason: 'the payload is not an in-toto statement', identity: who.identity }
    const about = aboutDigest(statement.subject, expect.subjectDigest)
    if (!about.ok) return { ok: false, reason: about.reason, identity: who.identity }
    if (expect.predicateType !== undefined && statement.predicateType !== expect.predicateType)
      return {
        ok: false,
        reason: `predicate type ${shown(String(statement.predicateType))}, not ${expect.predicateType}`,
        identity: who.identity
      }
    return {
      ok: true,
      identity: who.identity,
      issuer: signer.issuer,
      timeSources: signer.timeSources,
      statement: statement as InTotoStatement
    }
  }

  /**
   * A message-signature bundle over `payload` (cosign's legacy `.sig`: the simple-signing payload
   * from the signature layer), whose payload names `expect.subjectDigest`.
   */
  verifyMessageBundle(bundle: unknown, payload: Buffer, expect: Omit<Expectation, 'predicateType'>): MessageVerification {
    const parsed = parseBundle(bundle)
    if (!parsed.ok) return parsed
    if (parsed.bundle.content.$case !== 'messageSignature')
      return { ok: false, reason: 'not a message-signature bundle (it holds a DSSE envelope)' }
    const signer = this.verifyEntity(parsed.bundle, payload)
    if (!signer.ok) return signer
    const who = checkIdentity(signer, expect)
    if (!who.ok) return who

    const simple = parseJson(payload) as Partial<SimpleSigningPayload> | undefined
    const digest = simple?.critical?.image?.['docker-manifest-digest']
    if (!simple || typeof simple !== 'object' || typeof digest !== 'string' || simple.critical?.type !== SIMPLE_SIGNING_TYPE)
      return { ok: false, reason: 'the payload is not a cosign simple-signing payload', identity: who.identity }
    if (digest.toLowerCase() !== expect.subjectDigest.toLowerCase())
      return { ok: false, reason: `payload is about ${shown(digest)}, not ${expect.subjectDigest}`, identity: who.identity }
    return {
      ok: true,
      identity: who.identity,
      issuer: signer.issuer,
      timeSources: signer.timeSources,
      payload: simple as SimpleSigningPayload
    }
  }

  /** Certificate chain, SCT, time sources and signature; the signer's identity when all verify. */
  private verifyEntity(
    bundle: Bundle,
    payload?: Buffer
  ): { ok: true; identity?: string; issuer?: string; timeSources: TimeSource[] } | Rejected {
    const material = bundle.verificationMaterial
    if (material.content.$case === 'publicKey') return { ok: false, reason: 'signed by a key, not a certificate: no identity to check' }
    const tlogEntries = material.tlogEntries.length
    const timestamps = material.timestampVerificationData?.rfc3161Timestamps.length ?? 0
    if (tlogEntries + timestamps === 0)
      return { ok: false, reason: 'no transparency log entry or timestamp verifies (the bundle has none)' }
    let entity: SignedEntity
    try {
      entity = toSignedEntity(bundle, payload)
    } catch (error) {
      return { ok: false, reason: `not a Sigstore bundle (its certificate or timestamp does not parse: ${shown(messageOf(error))})` }
    }
    try {
      const signer = this.verifier.verify(entity)
      const timeSources: TimeSource[] = []
      if (tlogEntries > 0) timeSources.push('transparency-log')
      if (timestamps > 0) timeSources.push('timestamp-authority')
      const identity = signer.identity?.subjectAlternativeName
      const issuer = signer.identity?.extensions?.issuer
      return { ok: true, identity, issuer, timeSources }
    } catch (error) {
      return { ok: false, reason: describeVerificationError(error) }
    }
  }
}

/** A BundleVerifier over a TrustedRoot JSON object. */
export function createBundleVerifier(trustedRoot: object): BundleVerifier {
  return new BundleVerifier(loadTrustMaterial(trustedRoot))
}

function isLoaded(value: object): value is LoadedTrustMaterial {
  return 'material' in value && 'ctlogs' in value
}

function parseBundle(bundle: unknown): { ok: true; bundle: Bundle } | Rejected {
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) return { ok: false, reason: 'not a Sigstore bundle' }
  try {
    return { ok: true, bundle: bundleFromJSON(bundle) }
  } catch (error) {
    const fields = (error as { fields?: unknown }).fields
    const missing = Array.isArray(fields) && fields.length > 0 ? `: ${fields.slice(0, 3).join(', ')}` : ''
    return { ok: false, reason: `not a Sigstore bundle (${shown(messageOf(error) + missing)})` }
  }
}

function checkIdentity(
  signer: { identity?: string; issuer?: string },
  expect: Pick<Expectation, 'identity' | 'issuer'>
): { ok: true; identity: string } | Rejected {
  const san = signer.identity
  if (!san) return { ok: false, reason: 'the certificate names no identity' }
  const matches =
    typeof expect.identity === 'string'
      ? san === expect.identity
      : new RegExp(expect.identity.source, expect.identity.flags.replace(/[gy]/g, '')).test(san)
  if (!matches) return { ok: false, reason: `signed by ${shown(san)}, not ${String(expect.identity)}`, identity: san }
  if (expect.issuer !== undefined && signer.issuer !== expect.issuer)
    return {
      ok: false,
      reason: `issued by ${signer.issuer === undefined ? 'no issuer' : shown(signer.issuer)}, not ${expect.issuer}`,
      identity: san
    }
  return { ok: true, identity: san }
}

function aboutDigest(subjects: unknown[], expected: string): { ok: true } | { ok: false; reason: string } {
  const colon = expected.indexOf(':')
  const algorithm = expected.slice(0, colon)
  const hex = expected.slice(colon + 1).toLowerCase()
  const digests = subjects.map((s) => (s && typeof s === 'object' ? (s as { digest?: unknown }).digest : undefined))
  if (
    colon > 0 &&
    digests.some((d) => d && typeof d === 'object' && String((d as Record<string, unknown>)[algorithm]).toLowerCase() === hex)
  )
    return { ok: true }
  const named = digests
    .map((d) => (d && typeof d === 'object' ? (d as Record<string, unknown>)[algorithm] : undefined))
    .filter((v): v is string => typeof v === 'string')
  const about =
    named.length === 0
      ? `no ${algorithm || 'such'} digest`
      : `${algorithm}:${named[0]}${named.length > 1 ? ` (and ${named.length - 1} more)` : ''}`
  return { ok: false, reason: `statement is about ${shown(about)}, not ${expected}` }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Text from the evidence, made safe to put in one log line: no control characters, bounded length. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean
}

/** The short reason for a @sigstore/verify failure. */
function describeVerificationError(error: unknown): string {
  const err = error as { code?: string; message?: string; cause?: { message?: string } }
  const detail = (text?: string): string => (text ? ` (${shown(text)})` : '')
  switch (err.code) {
    case 'CERTIFICATE_ERROR':
      if (/SCT/.test(err.message ?? '')) return `the certificate has no SCT from a trusted CT log${detail(err.message)}`
      return `certificate does not chain to the trusted root${detail(err.cause?.message)}`
    case 'TIMESTAMP_ERROR':
    case 'TLOG_INCLUSION_PROOF_ERROR':
    case 'TLOG_INCLUSION_PROMISE_ERROR':
    case 'TLOG_MISSING_INCLUSION_ERROR':
      return `no transparency log entry or timestamp verifies${detail(err.message)}`
    case 'TLOG_BODY_ERROR':
      return `the transparency log entry is not for this signature${detail(err.message)}`
    case 'SIGNATURE_ERROR':
      return 'the signature does not verify'
    case 'PUBLIC_KEY_ERROR':
      return `signed by a key, not a certificate${detail(err.message)}`
    default:
      return `the bundle does not verify${detail(err.message ?? String(error))}`
  }
}

// ---------------------------------------------------------------------------------------------
// Where trust material comes from.

export type SigstoreInstanceKind = 'public-good' | 'github' | 'custom'

export interface ResolveTrustedRootOptions {
  /** A trusted-root file (TrustedRoot JSON, as `cosign trusted-root create` or `gh attestation trusted-root` write). */
  trustedRootPath?: string
  instance: SigstoreInstanceKind
  /** Where the TUF client keeps its metadata. */
  cacheDir: string
  /** Bound on the TUF fetch (default 5 s): offline runners must not wait. */
  timeoutMs?: number
  /** TUF mirror (default Sigstore's public-good CDN); for tests. */
  tufMirrorUrl?: string
  /** TUF root.json for a mirror other than the default; for tests. */
  tufRootPath?: string
  /** The pinned root of GitHub's TUF repository (default GITHUB_TUF_ROOT); for tests. */
  githubTufRoot?: PinnedTufRoot
  /** Told why no trust material could be had. */
  logger?: Logger
}

export type TrustedRootResolution = { trustedRoot: object; source: string } | { trustedRoot: undefined; reason: string }

/**
 * The trusted root to verify against: the trusted-root file when one is given, else the
 * instance's TUF repository (public-good: Sigstore's, its root shipped in `@sigstore/tuf`;
 * GitHub's: tuf-repo.github.com, its root pinned in tuf-root.ts). Undefined (never a throw) when
 * none can be had; the reason is logged as a warning and the caller verifies nothing.
 */
export async function resolveTrustedRoot(options: ResolveTrustedRootOptions): Promise<object | undefined> {
  const resolved = await resolveTrustedRootWithReason(options)
  if (resolved.trustedRoot === undefined) options.logger?.warning(`no Sigstore trust material: ${resolved.reason}`)
  else options.logger?.debug(`Sigstore trust material from ${resolved.source}`)
  return resolved.trustedRoot
}

/** resolveTrustedRoot, answering where the root came from or why there is none. */
export async function resolveTrustedRootWithReason(options: ResolveTrustedRootOptions): Promise<TrustedRootResolution> {
  try {
    if (options.trustedRootPath) return await fromFile(options.trustedRootPath)
    switch (options.instance) {
      case 'public-good':
        return await fromTuf(options)
      case 'github':
        return await fromPinnedTuf(options, options.githubTufRoot ?? GITHUB_TUF_ROOT)
      default:
        return { trustedRoot: undefined, reason: 'a custom Sigstore instance needs a trusted-root file' }
    }
  } catch (error) {
    return { trustedRoot: undefined, reason: shown(messageOf(error)) }
  }
}

async function fromFile(path: string): Promise<TrustedRootResolution> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    return { trustedRoot: undefined, reason: `trusted root ${path} cannot be read (${code ?? messageOf(error)})` }
  }
  const json = parseTrustedRootText(text)
  if (json === undefined) return { trustedRoot: undefined, reason: `trusted root ${path} is not JSON` }
  const invalid = checkRoot(json)
  if (invalid) return { trustedRoot: undefined, reason: `trusted root ${path} is not a Sigstore trusted root (${invalid})` }
  return { trustedRoot: json as object, source: path }
}

/**
 * A TUF repository whose root is pinned here rather than shipped in `@sigstore/tuf` (GitHub's):
 * its root file is fetched from the repository, accepted only when it matches the pin, and seeds
 * the TUF client. Both fetches share one time bound.
 */
async function fromPinnedTuf(options: ResolveTrustedRootOptions, pin: PinnedTufRoot): Promise<TrustedRootResolution> {
  const mirror = pin.mirror.replace(/\/+$/, '')
  const deadline = Date.now() + (options.timeoutMs ?? 5000)
  const url = new URL(`${mirror}/${pin.version}.root.json`)
  let bytes: Buffer
  try {
    const timeoutMs = Math.max(deadline - Date.now(), 1)
    const response = await sendHttp({ method: 'GET', url, maxResponseBytes: 1024 * 1024, deadlineMs: timeoutMs, idleTimeoutMs: timeoutMs })
    if (response.status !== 200)
      return { trustedRoot: undefined, reason: `TUF repository ${mirror}: ${url.pathname} answered HTTP ${response.status}` }
    bytes = response.body
  } catch (error) {
    return { trustedRoot: undefined, reason: `TUF repository ${mirror}: ${shown(messageOf(error))}` }
  }
  const mismatch = await checkPinnedRoot(bytes, pin)
  if (mismatch) return { trustedRoot: undefined, reason: `TUF repository ${mirror} served a root that is not the pinned one: ${mismatch}` }
  const seeds = join(options.cacheDir, 'sigstore-tuf-seeds')
  await mkdir(seeds, { recursive: true })
  const rootPath = join(seeds, `${encodeURIComponent(url.host)}-${pin.version}.root.json`)
  await writeFile(rootPath, bytes)
  return fromTuf({ ...options, tufMirrorUrl: mirror, tufRootPath: rootPath, timeoutMs: Math.max(deadline - Date.now(), 1) })
}

async function fromTuf(options: ResolveTrustedRootOptions): Promise<TrustedRootResolution> {
  const timeoutMs = options.timeoutMs ?? 5000
  const mirror = options.tufMirrorUrl ?? TUF_MIRRORS['public-good']
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
    timer.unref?.()
  })
  // The TUF client (and the fetch stack beneath it) loads only when a TUF repository is asked:
  // with a trusted-root file it is never needed.
  const { getTrustedRoot } = await import('@sigstore/tuf')
  const fetched = getTrustedRoot({
    mirrorURL: mirror,
    rootPath: options.tufRootPath,
    cachePath: join(options.cacheDir, 'sigstore-tuf'),
    retry: false,
    timeout: timeoutMs
  }).then(
    (root) => ({ root }),
    (error: unknown) => ({ error })
  )
  try {
    const outcome = await Promise.race([fetched, timedOut])
    if (outcome === 'timeout')
      return { trustedRoot: undefined, reason: `Sigstore TUF repository ${mirror} did not answer within ${timeoutMs} ms` }
    if ('error' in outcome) {
      const err = outcome.error as { message?: string; cause?: { message?: string } }
      return {
        trustedRoot: undefined,
        reason: `Sigstore TUF repository ${mirror}: ${shown(err.message ?? String(outcome.error))}${err.cause?.message ? ` (${shown(err.cause.message)})` : ''}`
      }
    }
    const json = TrustedRoot.toJSON(outcome.root) as object
    const invalid = checkRoot(json)
    if (invalid) return { trustedRoot: undefined, reason: `Sigstore TUF repository ${mirror} served an unusable trusted root (${invalid})` }
    return { trustedRoot: json, source: `${mirror} (TUF)` }
  } finally {
    if (timer) clearTimeout(timer)
  }
}

/**
 * A trusted-root file: one TrustedRoot JSON document, or JSON lines of several (as
 * `gh attestation trusted-root` writes public-good's and GitHub's), merged into one root that
 * trusts every authority of each.
 */
function parseTrustedRootText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // not one document; perhaps JSON lines
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  if (lines.length < 2) return undefined
  const roots: Array<Record<string, unknown>> = []
  for (const line of lines) {
    try {
      const root = JSON.parse(line) as unknown
      if (!root || typeof root !== 'object' || Array.isArray(root)) return undefined
      roots.push(root as Record<string, unknown>)
    } catch {
      return undefined
    }
  }
  const merged: Record<string, unknown> = { mediaType: roots[0].mediaType }
  for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities'])
    merged[field] = roots.flatMap((root) => (Array.isArray(root[field]) ? (root[field] as unknown[]) : []))
  return merged
}

/** Why this is not a usable TrustedRoot, or undefined when it is. */
function checkRoot(json: unknown): string | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return 'not an object'
  try {
    loadTrustMaterial(json)
    return undefined
  } catch (error) {
    return shown(messageOf(error))
  }
}
