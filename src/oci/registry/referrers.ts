// Referrers (distribution-spec 1.1, "Listing Referrers" and "Referrers Tag Schema").
// The API counts as present only when the manifest PUT answers with OCI-Subject AND
// GET /v2/<name>/referrers/<digest> answers 200: ECR once sent the header without the API.
// Otherwise the `sha256-<hex>` tag holds an index of referrers, which we maintain so that each
// descriptor carries artifactType and every annotation (gh attestation verify filters on them).
import type { RegistryClient } from './client.js'
import { sha256Of } from '../digest.js'
import type { Descriptor } from '../descriptor.js'
import { backoffDelay, REFERRERS_MERGE_RETRY, sleep } from '../../net/retry.js'
import { MEDIA_TYPE } from '../media-types.js'
import { RegistryError } from '../errors.js'

export type ReferrersMode = 'referrers-api' | 'tag-schema'

export interface AttachOptions {
  /** The referrer manifest's bytes; it must carry a `subject`. */
  manifest: Buffer
  subjectDigest: string
}

interface ReferrersIndex {
  schemaVersion: 2
  mediaType: string
  manifests: Descriptor[]
}

export function referrersTag(digest: string): string {
  const [algorithm, hex] = digest.split(':')
  return `${algorithm}-${hex}`
}

/** The descriptor of a referrer manifest as the spec wants it listed: artifactType and annotations included. */
export function describeReferrer(bytes: Buffer): Descriptor {
  const manifest = JSON.parse(bytes.toString('utf8')) as {
    mediaType?: string
    artifactType?: string
    config?: { mediaType?: string }
    annotations?: Record<string, string>
  }
  const artifactType = manifest.artifactType ?? manifest.config?.mediaType
  return {
    mediaType: manifest.mediaType ?? MEDIA_TYPE.ociManifest,
    digest: sha256Of(bytes),
    size: bytes.length,
    ...(artifactType ? { artifactType } : {}),
    ...(manifest.annotations ? { annotations: manifest.annotations } : {})
  }
}

const perClient = new WeakMap<RegistryClient, Referrers>()

export class Referrers {
  private mode: ReferrersMode | undefined
  private apiUnanswered = false

  constructor(private readonly client: RegistryClient) {}

  /**
   * The one Referrers of a client: what it learnt of the registry (API or tag schema) holds for the
   * whole run, so verify, copy and verify-again ask the referrers API once, not once per subject.
   */
  static of(client: RegistryClient): Referrers {
    let referrers = perClient.get(client)
    if (!referrers) perClient.set(client, (referrers = new Referrers(client)))
    return referrers
  }

  get detectedMode(): ReferrersMode | undefined {
    return this.mode
  }

  /** Pushes a referrer manifest by digest and makes sure it is listed for its subject. */
  async attach(options: AttachOptions): Promise<{ digest: string; mode: ReferrersMode }> {
    const [attached] = await this.attachAll(options.subjectDigest, [options.manifest])
    return attached
  }

  /**
   * Pushes several referrer manifests of one subject and lists them all: in tag-schema mode with one
   * read-modify-write of the subject's index, not one per referrer.
   */
  async attachAll(subjectDigest: string, manifests: Buffer[]): Promise<Array<{ digest: string; mode: ReferrersMode }>> {
    const descriptors = manifests.map(describeReferrer)
    const answers = await Promise.all(
      descriptors.map((descriptor, i) => this.client.putManifest(descriptor.digest, manifests[i], descriptor.mediaType))
    )
    if (this.mode === undefined) {
      this.mode =
        answers.some((a) => a.subject) && (await this.client.getReferrers(subjectDigest)) !== undefined ? 'referrers-api' : 'tag-schema'
    }
    if (this.mode === 'tag-schema') await this.addToTagIndex(subjectDigest, descriptors)
    const mode = this.mode
    return descriptors.map((descriptor) => ({ digest: descriptor.digest, mode }))
  }

  /** Every referrer of a subject, from the API or the tag-schema index. */
  async list(subjectDigest: string): Promise<Descriptor[]> {
    if (this.mode === 'referrers-api' || (this.mode === undefined && !this.apiUnanswered)) {
      // While the registry's answer is unknown, the tag-schema index is read beside the API, so a
      // registry without the API costs one round trip, not two; with the API, that read is dropped.
      const fromTag = this.mode === undefined ? this.readTagIndex(subjectDigest) : undefined
      fromTag?.catch(() => undefined)
      const fromApi = await this.client.getReferrers(subjectDigest)
      if (fromApi) {
        this.mode ??= 'referrers-api'
        return (fromApi.index.manifests ?? []) as Descriptor[]
      }
      // Not asked again for listing. The mode stays open: a repository that does not exist yet may
      // answer 404 on a registry that has the API, and attaching (OCI-Subject) still finds it out.
      this.apiUnanswered = true
      if (fromTag) return (await fromTag).manifests
    }
    return (await this.readTagIndex(subjectDigest)).manifests
  }

  private async readTagIndex(subjectDigest: string): Promise<ReferrersIndex & { etag?: string }> {
    const existing = await this.client.getManifest(referrersTag(subjectDigest), [MEDIA_TYPE.ociIndex])
    if (!existing) return { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: [] }
    try {
      const index = JSON.parse(existing.bytes.toString('utf8')) as ReferrersIndex
      return {
        schemaVersion: 2,
        mediaType: MEDIA_TYPE.ociIndex,
        manifests: Array.isArray(index.manifests) ? index.manifests : [],
        etag: existing.etag
      }
    } catch {
      throw new RegistryError(
        `the referrers tag ${referrersTag(subjectDigest)} holds something that is not an image index; remove that tag or use a registry with the referrers API`,
        {
          method: 'GET',
          url: this.client.url(`/v2/${this.client.repository}/manifests/${referrersTag(subjectDigest)}`).href
        }
      )
    }
  }

  /**
   * Read, add, write, then read again: a concurrent writer may have replaced the index between
   * our read and our write (most registries ignore If-Match), so merge until our entry stays.
   */
  private async addToTagIndex(subjectDigest: string, descriptors: Descriptor[]): Promise<void> {
    const tag = referrersTag(subjectDigest)
    const missingFrom = (index: { manifests: Descriptor[] }): Descriptor[] =>
      descriptors.filter((descriptor) => !index.manifests.some((d) => d.digest === descriptor.digest))
    for (let attempt = 0; attempt < REFERRERS_MERGE_RETRY.attempts; attempt++) {
      const index = await this.readTagIndex(subjectDigest)
      const missing = missingFrom(index)
      // Listed before we wrote (a re-run), or still listed after the pause that followed our write:
      // done. A concurrent writer that read the index before our write puts it back within a couple
      // of round trips; the pause (100-200 ms at first) outlasts that, and a second one bought only latency.
      if (missing.length === 0) return
      const { etag, ...body } = index
      body.manifests.push(...missing)
      try {
        // If-Match makes the write conditional where the registry supports it (412 on a lost race).
        await this.client.putManifest(tag, Buffer.from(JSON.stringify(body)), MEDIA_TYPE.ociIndex, { ifMatch: etag })
      } catch (error) {
        if (!(error instanceof RegistryError && error.status === 412)) throw error
      }
      await sleep(backoffDelay(REFERRERS_MERGE_RETRY, attempt))
    }
    const lost = missingFrom(await this.readTagIndex(subjectDigest))
    if (lost.length > 0) {
      throw new RegistryError(
        `the referrers index ${tag} kept losing our entries ${lost.map((d) => d.digest).join(', ')} to concurrent writers`,
        {
          method: 'PUT',
          url: this.client.url(`/v2/${this.client.repository}/manifests/${tag}`).href
        }
      )
    }
  }
}
