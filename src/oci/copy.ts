// The copy engine behind promotion: an image already in a registry (the source) is copied by
// digest, with its referrers and cosign's legacy `.sig`/`.att` tags, to another repository or
// registry (the destination), byte for byte, so every digest stays what it was.
//
// Order: read everything first (planCopy: the manifest tree, each manifest checked against its
// digest, and the evidence), then the blobs (largest first, several at once, skipping what the
// destination has: mounted when both sides are one registry, otherwise streamed from the source's
// GET into the destination's upload, hashed on the way), then child manifests and the top manifest.
// The evidence (referrers, legacy tags) needs only its own small blobs, so it goes beside the
// image's large ones, and is attached while those are still on their way.
import { PassThrough, Readable } from 'node:stream'
import { DEFAULT_UPLOAD_OPTIONS, uploadBlob, type BlobSource, type UploadOptions } from './registry/blobs.js'
import type { RegistryClient } from './registry/client.js'
import { Referrers, referrersTag } from './registry/referrers.js'
import { platformName, type Descriptor } from './descriptor.js'
import { DIGEST_PATTERN } from './digest.js'
import { INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, MEDIA_TYPE } from './media-types.js'
import { RegistryError } from './errors.js'
import type { Logger } from '../net/logger.js'
import { createLimiter, forEachLimit, readAhead } from '../net/concurrency.js'

export interface CopyOptions {
  source: RegistryClient
  destination: RegistryClient
  /** The top manifest or index, by digest. */
  digest: string
  /** Also copy every referrer (signatures, attestations, SBOMs) and cosign's legacy `.sig`/`.att` tags. */
  copyReferrers: boolean
  /** What planCopy read, when it was read ahead (while the source was verified); read here otherwise. */
  plan?: CopyPlan
  /** Blob copies at once (default 4). */
  concurrency?: number
  logger: Logger
  /** Called once every referrer and legacy tag is at the destination (the image's blobs may still be on their way). */
  onEvidenceCopied?: () => void
  /** Called as blob bytes reach the destination, for progress. */
  onBytes?: (count: number) => void
  upload?: Partial<UploadOptions>
  progressIntervalMs?: number
}

export interface CopyResult {
  digest: string
  mediaType: string
  /** `linux/amd64` -> digest, for an index; empty for a single manifest. */
  platformDigests: Record<string, string>
  blobsUploaded: number
  blobsMounted: number
  blobsSkipped: number
  bytesUploaded: number
  /** Image manifests and indexes put at the destination (the tree's, and those inside referrers). */
  manifestsCopied: number
  /** Referrer manifests attached, plus legacy `.sig`/`.att` tags written. */
  referrersCopied: number
}

/** A manifest read from the source, with what it points at. */
export interface ManifestNode {
  descriptor: Descriptor
  mediaType: string
  bytes: Buffer
  kind: 'manifest' | 'index'
  /** Config and layers of a manifest. */
  blobs: Descriptor[]
  /** Manifests of an index, in order. */
  children: ManifestNode[]
  platform?: string
}

/** Largest manifest read (the distribution registry's own limit is 4 MiB). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
const MAX_DEPTH = 4
/** Referrers of referrers (a signature on an attestation) are followed this deep. */
const MAX_REFERRER_DEPTH = 3
const LEGACY_SUFFIXES = ['.sig', '.att'] as const
/** Source documents (referrer lists, manifests) read at once. */
const READ_AHEAD = 4
/** Questions (HEADs, listings) put to the destination at once while planning. */
const ASK_AT_ONCE = 8

/** Everything a copy writes, read from the source and checked before anything is written. */
export interface CopyPlan {
  digest: string
  image: ManifestNode
  /** Referrers of the image's manifests, and of those referrers, each with the subject it is listed under. */
  referrers: Array<{ subject: string; tree: ManifestNode }>
  /** cosign's `.sig`/`.att` tags of the image's manifests. */
  legacy: Array<{ tag: string; tree: ManifestNode }>
  /** `registry/repository` the plan is for, and what it already holds. */
  destination: string
  held: Holdings
}

/** What the destination already holds of a plan, asked before anything is written. */
export interface Holdings {
  blobs: Set<string>
  /** Manifests put by digest (the image's, and those under a referrer). */
  manifests: Set<string>
  /** Legacy tag -> the digest it points at now; a tag that is not there is absent. */
  legacyTags: Map<string, string>
  /** Subject -> the referrers the destination lists for it. */
  listed: Map<string, Set<string>>
}

/**
 * Reads what a copy of `digest` writes: the manifest tree, and unless `copyReferrers` is false its
 * referrers (followed MAX_REFERRER_DEPTH deep) and legacy tags; and asks the destination, as each
 * part becomes known, what it already holds of it. It only reads, so it can run while the source is
 * still being verified.
 */
export async function planCopy(
  source: RegistryClient,
  destination: RegistryClient,
  digest: string,
  copyReferrers: boolean
): Promise<CopyPlan> {
  if (!DIGEST_PATTERN.test(digest)) throw new Error(`a copy needs a digest (sha256:<hex>), not ${digest}`)
  const survey = new Survey(destination, sameRepository(source, destination))
  const image = await readTree(source, { digest })
  survey.tree(image, { referrer: false })
  const plan: CopyPlan = { digest, image, referrers: [], legacy: [], destination: nameOf(destination), held: survey.held }
  const [evidence] = await Promise.allSettled([copyReferrers ? readEvidence(source, plan, survey) : undefined])
  // Every question settles before the plan does; a failed read of the source is the error told first.
  await survey.done().catch((error: unknown) => {
    if (evidence.status === 'fulfilled') throw error
  })
  if (evidence.status === 'rejected') throw evidence.reason
  return plan
}

/** The referrers and legacy tags of the plan's image, each subject's read side by side, kept in order. */
async function readEvidence(source: RegistryClient, plan: CopyPlan, survey: Survey): Promise<void> {
  const { image } = plan
  const sourceReferrers = Referrers.of(source)
  const seen = new Set<string>()
  const readSubject = async (subject: string, depth: number): Promise<{ trees: ManifestNode[]; legacy: CopyPlan['legacy'] }> => {
    const [listed, legacy] = await Promise.all([
      sourceReferrers.list(subject),
      depth > 0
        ? []
        : Promise.all(
            LEGACY_SUFFIXES.map(async (suffix) => {
              const tag = `${referrersTag(subject)}${suffix}`
              const found = await source.getManifest(tag, [MEDIA_TYPE.ociManifest, MEDIA_TYPE.dockerManifest])
              if (!found) return []
              const tree = await nodeOf(source, found.bytes, { digest: found.digest, mediaType: found.mediaType }, 0)
              survey.legacyTag(tag, tree)
              return [{ tag, tree }]
            })
          ).then((found) => found.flat())
    ])
    const wanted = listed.filter((d) => d && typeof d.digest === 'string' && !seen.has(d.digest))
    if (wanted.length > 0)
      survey.listing(
        subject,
        wanted.map((d) => d.digest)
      )
    const trees: ManifestNode[] = []
    for await (const [, tree] of readAhead(wanted, READ_AHEAD, async (d) => {
      const tree = await readTree(source, d)
      survey.tree(tree, { referrer: true })
      return tree
    }))
      trees.push(tree)
    return { trees, legacy }
  }
  let subjects = manifestsBottomUp(image).map((n) => n.descriptor.digest)
  for (let depth = 0; depth < MAX_REFERRER_DEPTH && subjects.length > 0; depth++) {
    const next: string[] = []
    for await (const [subject, found] of readAhead(subjects, READ_AHEAD, (subject) => readSubject(subject, depth))) {
      for (const tree of found.trees) {
        if (seen.has(tree.descriptor.digest)) continue
        seen.add(tree.descriptor.digest)
        plan.referrers.push({ subject, tree })
        next.push(...manifestsBottomUp(tree).map((n) => n.descriptor.digest))
      }
      plan.legacy.push(...found.legacy)
    }
    subjects = next
  }
}

/**
 * Asks the destination which of the plan's blobs, manifests, legacy tags and referrer listings it
 * already has, each as soon as the plan knows of it, a few questions at once; the copy then only
 * writes. Within one repository the answers are known without asking: the source holds it all.
 */
class Survey {
  readonly held = emptyHoldings()
  private readonly asked = new Set<string>()
  private readonly answers: Array<Promise<void>> = []
  private readonly limit = createLimiter(ASK_AT_ONCE)

  constructor(
    private readonly destination: RegistryClient,
    private readonly isSource: boolean
  ) {}

  /** A manifest tree's blobs, and its manifests put by digest (a referrer's own manifest is attached through its listing). */
  tree(root: ManifestNode, { referrer }: { referrer: boolean }): void {
    for (const node of manifestsBottomUp(root)) {
      this.blobs(node)
      if (referrer && node === root) continue
      const digest = node.descriptor.digest
      this.ask(
        `manifest ${digest}`,
        async (d) => Boolean(await d.headManifest(digest)),
        () => this.held.manifests.add(digest)
      )
    }
  }

  /** A legacy tag (what it points at now) and the blobs of the manifest it will hold. */
  legacyTag(tag: string, tree: ManifestNode): void {
    this.blobs(tree)
    let current = tree.descriptor.digest
    this.ask(
      `tag ${tag}`,
      async (d) => {
        const found = await d.headManifest(tag)
        if (found) current = found.digest
        return Boolean(found)
      },
      () => this.held.legacyTags.set(tag, current)
    )
  }

  /** The referrers the destination lists for a subject (within one repository: those the source lists). */
  listing(subject: string, referrers: string[]): void {
    let listed = new Set(referrers)
    this.ask(
      `referrers ${subject}`,
      async (d) => {
        listed = new Set((await Referrers.of(d).list(subject)).map((descriptor) => descriptor?.digest))
        return true
      },
      () => this.held.listed.set(subject, listed)
    )
  }

  /** Every answer in; the first failed question fails it. */
  async done(): Promise<Holdings> {
    await Promise.all(this.answers)
    return this.held
  }

  private blobs(node: ManifestNode): void {
    for (const { digest } of node.blobs)
      this.ask(
        `blob ${digest}`,
        (d) => d.blobExists(digest),
        () => this.held.blobs.add(digest)
      )
  }

  /** Asks once per key; `hold` records the part as held when the answer is yes (always, within one repository). */
  private ask(key: string, question: (destination: RegistryClient) => Promise<boolean>, hold: () => void): void {
    if (this.asked.has(key)) return
    this.asked.add(key)
    if (this.isSource) return void hold()
    const answer = this.limit(() => question(this.destination)).then((yes) => {
      if (yes) hold()
    })
    answer.catch(() => undefined)
    this.answers.push(answer)
  }
}

function emptyHoldings(): Holdings {
  return { blobs: new Set(), manifests: new Set(), legacyTags: new Map(), listed: new Map() }
}

function nameOf(client: RegistryClient): string {
  return `${client.baseUrl.origin}/${client.repository}`
}

function sameRepository(source: RegistryClient, destination: RegistryClient): boolean {
  return nameOf(source) === nameOf(destination)
}

export async function copyImage(options: CopyOptions): Promise<CopyResult> {
  const { source, destination, logger } = options
  const uploadOptions: UploadOptions = { ...DEFAULT_UPLOAD_OPTIONS, ...options.upload }
  // 1. Everything to copy, read and checked before anything is written (unless read already).
  const plan = options.plan ?? (await planCopy(source, destination, options.digest, options.copyReferrers))
  if (plan.digest !== options.digest || plan.destination !== nameOf(destination))
    throw new Error(`the copy plan is for ${plan.digest} to ${plan.destination}, not ${options.digest} to ${nameOf(destination)}`)
  const { image, referrers, legacy, held } = plan
  const result: CopyResult = {
    digest: options.digest,
    mediaType: image.mediaType,
    platformDigests: {},
    blobsUploaded: 0,
    blobsMounted: 0,
    blobsSkipped: 0,
    bytesUploaded: 0,
    manifestsCopied: 0,
    referrersCopied: 0
  }
  for (const child of image.children)
    if (child.platform && child.platform !== 'unknown/unknown') result.platformDigests[child.platform] = child.descriptor.digest
  if (options.copyReferrers) logger.debug(`${referrers.length} referrers and ${legacy.length} legacy tags to copy`)

  // 2. Blobs.
  const blobsByDigest = new Map<string, Descriptor>()
  const trees = [image, ...referrers.map((r) => r.tree), ...legacy.map((l) => l.tree)]
  for (const tree of trees) for (const node of manifestsBottomUp(tree)) for (const blob of node.blobs) blobsByDigest.set(blob.digest, blob)
  const blobs = [...blobsByDigest.values()].sort((a, b) => b.size - a.size)
  const sameRegistry = source.baseUrl.origin === destination.baseUrl.origin
  let sentBytes = 0
  const totalBytes = blobs.reduce((sum, b) => sum + b.size, 0)
  const started = Date.now()
  const progress = setInterval(() => {
    const rate = sentBytes / Math.max((Date.now() - started) / 1000, 0.001)
    logger.info(`copied ${mib(sentBytes)} of at most ${mib(totalBytes)} MiB (${mib(rate)} MiB/s)`)
  }, options.progressIntervalMs ?? 5000)
  progress.unref()
  const copyBlobs = (list: Descriptor[]): Promise<void> =>
    forEachLimit(list, options.concurrency ?? 4, async (blob) => {
      if (held.blobs.has(blob.digest)) {
        result.blobsSkipped++
        logger.debug(`blob ${blob.digest} (${blob.size} bytes) is already there`)
        return
      }
      if (sameRegistry && (await tryMount(destination, blob.digest, source.repository, logger))) {
        result.blobsMounted++
        logger.info(`mounted blob ${blob.digest} from ${source.repository}`)
        return
      }
      await uploadBlob(destination, streamedBlob(source, blob), {
        ...uploadOptions,
        onBytes: (n) => {
          sentBytes += n
          options.onBytes?.(n)
        }
      })
      result.blobsUploaded++
      result.bytesUploaded += blob.size
      logger.info(`copied blob ${blob.digest} (${blob.size} bytes)`)
    })
  // The evidence's blobs are small: they go side by side with the image's large blobs, so its
  // manifests (which only need their own blobs) are attached while the image is still on its way.
  const imageBlobs = new Set(manifestsBottomUp(image).flatMap((node) => node.blobs.map((blob) => blob.digest)))
  try {
    await Promise.all([
      (async () => {
        await copyBlobs(blobs.filter((blob) => imageBlobs.has(blob.digest)))
        // 3. Manifests, children first, by digest.
        for (const node of manifestsBottomUp(image)) {
          if (!held.manifests.has(node.descriptor.digest)) {
            await putManifest(destination, node)
            result.manifestsCopied++
            logger.info(
              `copied ${node.kind === 'index' ? 'index' : 'manifest'} ${node.descriptor.digest}${node.platform ? ` (${node.platform})` : ''}`
            )
          }
        }
      })(),
      (async () => {
        await copyBlobs(blobs.filter((blob) => !imageBlobs.has(blob.digest)))
        await copyEvidence()
        if (options.copyReferrers) options.onEvidenceCopied?.()
      })()
    ])
  } finally {
    clearInterval(progress)
  }
  return result

  async function copyEvidence(): Promise<void> {
    // 4. Referrers, listed at the destination as at the source, and the legacy tags, side by side.
    await Promise.all([copyReferrers(), copyLegacyTags()])
  }

  async function copyReferrers(): Promise<void> {
    if (referrers.length === 0) return
    const destinationReferrers = Referrers.of(destination)
    const bySubject = new Map<string, ManifestNode[]>()
    for (const { subject, tree } of referrers) bySubject.set(subject, [...(bySubject.get(subject) ?? []), tree])
    // Each subject's referrers are attached together (one update of its tag-schema index); subjects side by side.
    await forEachLimit([...bySubject], options.concurrency ?? 4, async ([subject, trees]) => {
      const listed = held.listed.get(subject) ?? new Set()
      const missing = trees.filter((tree) => !listed.has(tree.descriptor.digest))
      if (missing.length === 0) return logger.debug(`every referrer of ${subject} is already listed`)
      for (const tree of missing)
        for (const child of manifestsBottomUp(tree).slice(0, -1)) {
          if (held.manifests.has(child.descriptor.digest)) continue
          await putManifest(destination, child)
          result.manifestsCopied++
        }
      const attached = await destinationReferrers.attachAll(
        subject,
        missing.map((tree) => tree.bytes)
      )
      attached.forEach(({ digest }, i) => {
        const tree = missing[i]
        if (digest !== tree.descriptor.digest) throw rewritten(destination, tree.descriptor.digest, digest)
        result.referrersCopied++
        logger.info(`copied referrer ${digest} of ${subject}${tree.descriptor.artifactType ? ` (${tree.descriptor.artifactType})` : ''}`)
      })
    })
  }

  async function copyLegacyTags(): Promise<void> {
    await forEachLimit(legacy, options.concurrency ?? 4, async ({ tag, tree }) => {
      const current = held.legacyTags.get(tag)
      if (current === tree.descriptor.digest) return
      if (current) logger.warning(`the destination's ${tag} held ${current}; replacing it with the source's ${tree.descriptor.digest}`)
      const { digest } = await destination.putManifest(tag, tree.bytes, tree.mediaType)
      if (digest !== tree.descriptor.digest) throw rewritten(destination, tree.descriptor.digest, digest)
      result.referrersCopied++
      logger.info(`copied ${tag} (${digest})`)
    })
  }
}

/** Reads a manifest or index by digest, and everything under it, checking bytes against digests and sizes. */
export async function readTree(
  client: RegistryClient,
  descriptor: Pick<Descriptor, 'digest'> & Partial<Descriptor>,
  depth = 0
): Promise<ManifestNode> {
  if (depth > MAX_DEPTH)
    throw new RegistryError(`indexes are nested more than ${MAX_DEPTH} deep under ${descriptor.digest}`, where(client, descriptor.digest))
  if (!DIGEST_PATTERN.test(descriptor.digest))
    throw new RegistryError(`${JSON.stringify(descriptor.digest)} is not a digest`, where(client, String(descriptor.digest)))
  if (descriptor.size !== undefined && descriptor.size > MAX_MANIFEST_BYTES)
    throw new RegistryError(
      `manifest ${descriptor.digest} is ${descriptor.size} bytes, more than the ${MAX_MANIFEST_BYTES} a manifest may be`,
      where(client, descriptor.digest)
    )
  const accept =
    descriptor.mediaType && !MANIFEST_MEDIA_TYPES.includes(descriptor.mediaType)
      ? [descriptor.mediaType, ...MANIFEST_MEDIA_TYPES]
      : MANIFEST_MEDIA_TYPES
  // getManifest refuses bytes that do not hash to the digest asked for.
  const found = await client.getManifest(descriptor.digest, accept)
  if (!found)
    throw new RegistryError(`manifest ${descriptor.digest} is not in ${client.registry}/${client.repository}`, {
      ...where(client, descriptor.digest),
      status: 404
    })
  if (found.bytes.length > MAX_MANIFEST_BYTES)
    throw new RegistryError(`manifest ${descriptor.digest} is larger than ${MAX_MANIFEST_BYTES} bytes`, where(client, descriptor.digest))
  if (descriptor.size !== undefined && found.bytes.length !== descriptor.size)
    throw new RegistryError(
      `manifest ${descriptor.digest} is ${found.bytes.length} bytes, but its descriptor says ${descriptor.size}`,
      where(client, descriptor.digest)
    )
  return nodeOf(client, found.bytes, { ...descriptor, mediaType: descriptor.mediaType ?? found.mediaType }, depth)
}

async function nodeOf(
  client: RegistryClient,
  bytes: Buffer,
  descriptor: Pick<Descriptor, 'digest'> & Partial<Descriptor>,
  depth: number
): Promise<ManifestNode> {
  const digest = descriptor.digest
  let document: { mediaType?: string; manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] }
  try {
    document = JSON.parse(bytes.toString('utf8')) as typeof document
  } catch {
    throw new RegistryError(`manifest ${digest} is not JSON`, where(client, digest))
  }
  const mediaType = document.mediaType ?? descriptor.mediaType ?? MEDIA_TYPE.ociManifest
  const node: ManifestNode = {
    descriptor: { ...descriptor, mediaType, digest, size: bytes.length } as Descriptor,
    mediaType,
    bytes,
    kind: INDEX_MEDIA_TYPES.includes(mediaType) || (Array.isArray(document.manifests) && !document.config) ? 'index' : 'manifest',
    blobs: [],
    children: []
  }
  if (node.kind === 'index') {
    if (!Array.isArray(document.manifests)) throw new RegistryError(`index ${digest} has no "manifests" list`, where(client, digest))
    for (const child of document.manifests) {
      checkDescriptor(client, child, `index ${digest}`)
      const childNode = await readTree(client, child, depth + 1)
      childNode.platform = platformName(child)
      node.children.push(childNode)
    }
    return node
  }
  const blobs = [...(document.config ? [document.config] : []), ...(Array.isArray(document.layers) ? document.layers : [])]
  for (const blob of blobs) checkDescriptor(client, blob, `manifest ${digest}`)
  node.blobs = blobs
  return node
}

function checkDescriptor(client: RegistryClient, descriptor: Descriptor, parent: string): void {
  if (
    !descriptor ||
    typeof descriptor.digest !== 'string' ||
    !DIGEST_PATTERN.test(descriptor.digest) ||
    !Number.isSafeInteger(descriptor.size) ||
    descriptor.size < 0
  )
    throw new RegistryError(`${parent} has a malformed descriptor: ${JSON.stringify(descriptor).slice(0, 200)}`, where(client, parent))
}

/** Every manifest node of a tree, children before parents (the order they must be put in). */
export function manifestsBottomUp(node: ManifestNode): ManifestNode[] {
  return [...node.children.flatMap(manifestsBottomUp), node]
}

/** A source blob as an upload reads it: each open() is a GET (a Range GET for part of it) streamed from the source. */
export function streamedBlob(source: RegistryClient, blob: Descriptor): BlobSource {
  return {
    digest: blob.digest,
    size: blob.size,
    file: `${source.registry}/${source.repository}@${blob.digest}`,
    open(start: number, end: number): Readable {
      if (start > 0 || end < blob.size) return Readable.from(readRange(source, blob, start, end), { objectMode: false })
      // The whole blob: the GET's body piped straight through, the fewest hops per chunk.
      const through = new PassThrough({ highWaterMark: 256 * 1024 })
      source.openBlob(blob.digest, { size: blob.size }).then(
        ({ body }) => {
          if (through.destroyed) return void body.destroy()
          body.once('error', (error) => through.destroy(error))
          through.once('close', () => body.destroy())
          body.pipe(through)
        },
        (error: unknown) => through.destroy(error as Error)
      )
      return through
    }
  }
}

async function* readRange(source: RegistryClient, blob: Descriptor, start: number, end: number): AsyncGenerator<Buffer> {
  if (end <= start) return
  const { body, partial } = await source.openBlob(blob.digest, { start, end, size: blob.size })
  try {
    if (partial || (start === 0 && end >= blob.size)) {
      for await (const chunk of body) yield chunk as Buffer
      return
    }
    // The registry ignored the Range and sent the whole blob: keep only the window asked for.
    let position = 0
    for await (const chunk of body) {
      const bytes = chunk as Buffer
      const from = Math.max(0, start - position)
      const to = Math.min(bytes.length, end - position)
      position += bytes.length
      if (to > from) yield bytes.subarray(from, to)
      if (position >= end) break
    }
  } finally {
    body.destroy()
  }
}

async function tryMount(destination: RegistryClient, digest: string, from: string, logger: Logger): Promise<boolean> {
  try {
    return await destination.mountBlob(digest, from)
  } catch (error) {
    // A registry that refuses the mount outright (no pull on the source repository) still takes an upload.
    if (error instanceof RegistryError && (error.status === 401 || error.status === 403 || error.status === 404)) {
      logger.debug(`mounting ${digest} from ${from} was refused (${error.status}); copying it`)
      return false
    }
    throw error
  }
}

/** Puts a manifest by digest, and makes sure the registry kept its bytes. */
async function putManifest(destination: RegistryClient, node: ManifestNode): Promise<void> {
  const { digest } = await destination.putManifest(node.descriptor.digest, node.bytes, node.mediaType)
  if (digest !== node.descriptor.digest) throw rewritten(destination, node.descriptor.digest, digest)
}

function rewritten(client: RegistryClient, expected: string, got: string): RegistryError {
  return new RegistryError(`manifest ${expected} was stored as ${got}: the copy is not byte for byte`, where(client, expected, 'PUT'))
}

function where(client: RegistryClient, reference: string, method = 'GET'): { method: string; url: string } {
  return { method, url: client.url(`/v2/${client.repository}/manifests/${reference}`).href }
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1)
}
