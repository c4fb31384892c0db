// Where signatures and attestations live in the registry: as OCI 1.1 referrers of the image
// (cosign v3 / BUNDLE_SPEC), and as layers of cosign v2's `sha256-<hex>.sig` / `.att` tags.
import type { RegistryClient } from '../oci/registry/client.js'
import { sha256Of } from '../oci/digest.js'
import type { Referrers } from '../oci/registry/referrers.js'
import type { Descriptor } from '../oci/descriptor.js'
import { EMPTY_JSON_DIGEST, MEDIA_TYPE } from '../oci/media-types.js'

/** Pushes the bundle blob and the referrer manifest that points at it, and lists it for its subject. */
export async function storeBundleReferrer(options: {
  client: RegistryClient
  referrers: Referrers
  subjectDigest: string
  bundleBytes: Buffer
  manifest: object
}): Promise<{ digest: string; mode: 'referrers-api' | 'tag-schema' }> {
  const { client } = options
  await client.putBlobBytes(Buffer.from('{}'), EMPTY_JSON_DIGEST)
  await client.putBlobBytes(options.bundleBytes)
  return options.referrers.attach({ manifest: Buffer.from(JSON.stringify(options.manifest)), subjectDigest: options.subjectDigest })
}

/** Referrers of a subject that are Sigstore bundles of one predicate type, newest first. */
export async function findBundleReferrers(referrers: Referrers, subjectDigest: string, predicateType: string): Promise<Descriptor[]> {
  const listed = await referrers.list(subjectDigest)
  return listed
    .filter((d) => d.artifactType === MEDIA_TYPE.sigstoreBundle && d.annotations?.['dev.sigstore.bundle.predicateType'] === predicateType)
    .sort((a, b) =>
      (b.annotations?.['org.opencontainers.image.created'] ?? '').localeCompare(a.annotations?.['org.opencontainers.image.created'] ?? '')
    )
}

/** Reads the bundle JSON a bundle referrer manifest carries. */
export async function readReferrerBundle(client: RegistryClient, referrerDigest: string): Promise<unknown | undefined> {
  const manifest = await client.getManifest(referrerDigest)
  if (!manifest) return undefined
  const layer = (JSON.parse(manifest.bytes.toString('utf8')) as { layers?: Descriptor[] }).layers?.[0]
  if (!layer || layer.size > 1024 * 1024) return undefined
  return JSON.parse((await client.getBlob(layer.digest, layer.size)).toString('utf8')) as unknown
}

export interface LegacyManifest {
  manifest: object
  config: Buffer
}

/** The layers cosign's `.sig`/`.att` tag holds now, with their payloads' digests. */
export async function readLegacyLayers(client: RegistryClient, tag: string): Promise<Descriptor[]> {
  const existing = await client.getManifest(tag, [MEDIA_TYPE.ociManifest, MEDIA_TYPE.dockerManifest])
  if (!existing) return []
  return ((JSON.parse(existing.bytes.toString('utf8')) as { layers?: Descriptor[] }).layers ?? []).filter(
    (l) => l && typeof l.digest === 'string'
  )
}

/**
 * Appends a layer to cosign's legacy tag, as `cosign sign` does: the existing manifest's layers
 * are kept, never replaced. A layer already there (same digest and annotations) is not added twice.
 */
export async function appendLegacyLayer(options: {
  client: RegistryClient
  tag: string
  layer: Descriptor
  layerBytes: Buffer
  buildManifest: (layers: Descriptor[]) => LegacyManifest
}): Promise<{ tag: string; digest: string; appended: boolean }> {
  const { client, tag, layer } = options
  const layers = await readLegacyLayers(client, tag)
  const already = layers.some(
    (l) => l.digest === layer.digest && JSON.stringify(l.annotations ?? {}) === JSON.stringify(layer.annotations ?? {})
  )
  await client.putBlobBytes(options.layerBytes, layer.digest)
  const next = already ? layers : [...layers, layer]
  const { manifest, config } = options.buildManifest(next)
  await client.putBlobBytes(config)
  const bytes = Buffer.from(JSON.stringify(manifest))
  if (already) {
    const current = await client.headManifest(tag)
    if (current) return { tag, digest: current.digest, appended: false }
  }
  const { digest } = await client.putManifest(tag, bytes, (manifest as { mediaType?: string }).mediaType ?? MEDIA_TYPE.ociManifest)
  return { tag, digest: digest ?? sha256Of(bytes), appended: !already }
}
