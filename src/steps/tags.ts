// Tags: checked before anything is written, applied after everything else succeeded, and never
// moved from another digest unless the tag matches `mutable-tags`. "A tag is a wish; a digest is a fact."
import picomatch from 'picomatch'
import type { RegistryClient } from '../oci/registry/client.js'
import { RegistryError } from '../oci/errors.js'
import { PartialStepError, TagError } from './errors.js'
import type { Logger } from '../net/logger.js'

export type TagAction = 'create' | 'unchanged' | 'move'

export interface TagPlanEntry {
  tag: string
  mutable: boolean
  /** The digest the tag names now, if it exists. */
  previous?: string
  action: TagAction
}

export interface TagsResult {
  tags: string[]
  created: string[]
  unchanged: string[]
  moved: string[]
  entries: Array<TagPlanEntry & { digest: string }>
}

/** Another release claimed a tag while this one ran; the tags written before are in `partial`. */
export class TagRaceError extends PartialStepError<TagsResult> {
  override name = 'TagError'
}

export function mutableMatcher(patterns: readonly string[]): (tag: string) => boolean {
  if (patterns.length === 0) return () => false
  const matchers = patterns.map((p) => picomatch(p, { dot: true }))
  return (tag) => matchers.some((m) => m(tag))
}

function conflictMessage(image: string, tag: string, current: string, wanted: string, when: 'preflight' | 'race' | 'lost'): string {
  const lead =
    when === 'preflight'
      ? `tag ${image}:${tag} already names ${current}; this release would give it ${wanted}.`
      : when === 'race'
        ? `tag ${image}:${tag} was created by someone else while this release ran: it names ${current}, not ${wanted}. It was not overwritten.`
        : `tag ${image}:${tag} was written by another release at the same moment as this one, and the registry kept theirs: it names ${current}, not ${wanted}. This release does not claim it.`
  return `${lead} Tags are immutable unless they match \`mutable-tags\`: release under a new tag (e.g. a new version), or add "${tag}" (or a pattern such as "${tag.replace(/[0-9].*$/, '') || tag}*") to \`mutable-tags\` if this tag is meant to move.`
}

/** Resolves every tag and refuses, before any blob is pushed, to move an immutable one. */
export async function planTags(options: {
  client: RegistryClient
  image: string
  tags: readonly string[]
  mutableTags: readonly string[]
  digest: string
}): Promise<TagPlanEntry[]> {
  const isMutable = mutableMatcher(options.mutableTags)
  const plan: TagPlanEntry[] = []
  const conflicts: string[] = []
  for (const tag of options.tags) {
    const head = await options.client.headManifest(tag)
    const mutable = isMutable(tag)
    if (!head) plan.push({ tag, mutable, action: 'create' })
    else if (head.digest === options.digest) plan.push({ tag, mutable, previous: head.digest, action: 'unchanged' })
    else if (mutable) plan.push({ tag, mutable, previous: head.digest, action: 'move' })
    else conflicts.push(conflictMessage(options.image, tag, head.digest, options.digest, 'preflight'))
  }
  if (conflicts.length) throw new TagError(conflicts.join('\n'))
  return plan
}

/**
 * Writes the tags. Each is resolved again first: a tag someone created since the plan is left
 * alone when it is immutable, and reported as a race.
 */
export async function applyTags(options: {
  client: RegistryClient
  image: string
  tags: readonly string[]
  mutableTags: readonly string[]
  digest: string
  manifest: { bytes: Buffer; mediaType: string }
  logger?: Logger
}): Promise<TagsResult> {
  const isMutable = mutableMatcher(options.mutableTags)
  const result: TagsResult = { tags: [...options.tags], created: [], unchanged: [], moved: [], entries: [] }
  const races: string[] = []
  for (const tag of options.tags) {
    const mutable = isMutable(tag)
    const head = await options.client.headManifest(tag)
    if (head?.digest === options.digest) {
      result.unchanged.push(tag)
      result.entries.push({ tag, mutable, previous: head.digest, action: 'unchanged', digest: options.digest })
      continue
    }
    if (head && !mutable) {
      races.push(conflictMessage(options.image, tag, head.digest, options.digest, 'race'))
      continue
    }
    try {
      await options.client.putManifest(tag, options.manifest.bytes, options.manifest.mediaType)
    } catch (error) {
      throw mapRegistryImmutability(error, options.image, tag, options.digest)
    }
    // Registries have no compare-and-swap for tags: read the tag back, and claim it only if it still
    // names this digest. Another release that wrote it at the same moment has won it.
    const written = await options.client.headManifest(tag)
    if (written?.digest !== options.digest) {
      const now = written?.digest ?? '(nothing)'
      if (mutable)
        options.logger?.warning(`tag ${options.image}:${tag} was moved to ${now} by another writer just after this release wrote it`)
      else races.push(conflictMessage(options.image, tag, now, options.digest, 'lost'))
      continue
    }
    if (head) {
      result.moved.push(tag)
      result.entries.push({ tag, mutable, previous: head.digest, action: 'move', digest: options.digest })
    } else {
      result.created.push(tag)
      result.entries.push({ tag, mutable, action: 'create', digest: options.digest })
    }
  }
  if (races.length) throw new TagRaceError(races.join('\n'), result)
  return result
}

/** Registries that enforce immutability themselves (ECR, Artifact Registry) say so in their own words. */
export function mapRegistryImmutability(error: unknown, image: string, tag: string, digest: string): unknown {
  if (!(error instanceof RegistryError)) return error
  const text = `${error.request.body ?? ''} ${error.message}`
  if (error.hasCode('TAG_INVALID') || /ImageTagAlreadyExistsException|tag.*immutable|immutable.*tag|cannot be overwritten/i.test(text)) {
    return new TagError(
      `the registry refused to point ${image}:${tag} at ${digest} because it enforces tag immutability itself (${error.message}). Release under a new tag, or, if this tag is meant to move, exclude it from the repository's immutability setting (ECR: imageTagMutability; Artifact Registry: immutable tags).`
    )
  }
  return error
}
