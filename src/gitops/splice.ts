// Pins the image digest by replacing only the bytes of each matched scalar in the original text,
// so quotes, comments, indentation, blank lines, CRLF, BOM and flow style survive untouched.
// The result is re-parsed and compared with the intended values before anyone may write it.
import { isDeepStrictEqual } from 'node:util'
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parse, parseAllDocuments, type Document } from 'yaml'
import { DeployError } from './errors.js'
import type { ImageReference } from '../oci/reference.js'
import { locateReferences, type ReferenceSite, type ScalarSite } from './locate.js'

/**
 * What a deploy reference is pinned to. A reference never keeps an old tag beside a new digest: a
 * tag it carries becomes `tag`, or is dropped when the release has none. A reference without a tag
 * gets none, and one that already pins `digest` keeps its tag unless `tag` is given.
 */
export interface Pin {
  digest: string
  /** The release's first tag, if it has any. */
  tag?: string
}

export interface Edit {
  start: number
  end: number
  text: string
}

export interface Change {
  line: number
  /** Empty for an inserted `digest:`. */
  from: string
  /** Empty for a dropped or emptied tag. */
  to: string
}

export interface SpliceResult {
  text: string
  /** Values that differ from the pinned ones; empty when every reference already pins the digest. */
  changes: Change[]
  /** References to the image found, changed or not. */
  references: number
  /** Why the file was not searched (template syntax, invalid YAML). */
  skipped?: string
}

/** Replaces [start, end) ranges with new text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start)
  let result = ''
  let position = 0
  for (const edit of ordered) {
    if (edit.start < position || edit.end < edit.start) throw new DeployError(`internal error: overlapping edits at offset ${edit.start}`)
    result += text.slice(position, edit.start) + edit.text
    position = edit.end
  }
  return result + text.slice(position)
}

/**
 * `repo[:tag]@digest`, keeping the repository as written (`nginx` stays `nginx`). A written tag gives
 * way to the release's tag, and without one it is dropped (`app:old` becomes `app@sha256:…`): the old
 * tag names other bytes than the new digest. Only beside the digest it already pinned does it stay.
 */
export function pinnedReference(written: string, pin: Pin): string {
  const { name, tag, digest } = splitWritten(written)
  const newTag = tag === undefined ? undefined : (pin.tag ?? (digest === pin.digest ? tag : undefined))
  return `${name}${newTag ? `:${newTag}` : ''}@${pin.digest}`
}

function splitWritten(reference: string): { name: string; tag?: string; digest?: string } {
  const at = reference.indexOf('@')
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference
  const digest = at >= 0 ? reference.slice(at + 1) : undefined
  const colon = withoutDigest.lastIndexOf(':')
  if (colon > withoutDigest.lastIndexOf('/')) return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest }
  return { name: withoutDigest, digest }
}

/** Finds every reference to `target` in `text` and pins it to `pin.digest`. Throws DeployError if the result would change anything else. */
export function spliceImageReferences(text: string, target: ImageReference, pin: Pin, fileName = ''): SpliceResult {
  const located = locateReferences(text, target, fileName)
  if (located.skipped) return { text, changes: [], references: 0, skipped: located.skipped }
  // Per policy with a `:digest` setter: whether this pin changes any of its digests.
  const digestSetters = new Map<string, boolean>()
  for (const site of located.sites)
    if (site.kind === 'setter-digest')
      digestSetters.set(site.policy, digestSetters.get(site.policy) === true || site.scalar.value !== pin.digest)
  const edits: Edit[] = []
  const changes: Change[] = []
  // Applied to the parsed documents too, so the re-parsed output can be compared with them.
  const expectations: Array<() => void> = []

  const replace = (scalar: ScalarSite, to: string): void => {
    if (to === scalar.value) return
    edits.push({ start: scalar.start, end: scalar.end, text: formatScalar(to, scalar, text) })
    changes.push({ line: scalar.line, from: scalar.value, to })
    expectations.push(() => {
      scalar.node.value = to
    })
  }

  for (const site of located.sites)
    planSite(site, pin, digestSetters, fileName, {
      replace,
      insert: (offset, inserted, line, to) => {
        edits.push({ start: offset, end: offset, text: inserted })
        changes.push({ line, from: '', to })
        if (site.kind === 'kustomize') expectations.push(() => site.entry.set('digest', to))
      },
      removeNewTag: (range, scalar) => {
        edits.push({ start: range.start, end: range.end, text: '' })
        changes.push({ line: scalar.line, from: scalar.value, to: '' })
        if (site.kind === 'kustomize') expectations.push(() => site.entry.delete('newTag'))
      }
    })

  if (edits.length === 0) return { text, changes: [], references: located.sites.length }
  const patched = applyEdits(text, edits)
  for (const expect of expectations) expect()
  assertOnlyIntendedChanges(located.documents, patched, fileName)
  changes.sort((a, b) => a.line - b.line)
  return { text: patched, changes, references: located.sites.length }
}

interface SitePlan {
  replace: (scalar: ScalarSite, to: string) => void
  insert: (offset: number, text: string, line: number, to: string) => void
  removeNewTag: (range: { start: number; end: number }, scalar: ScalarSite) => void
}

function planSite(site: ReferenceSite, pin: Pin, digestSetters: Map<string, boolean>, fileName: string, plan: SitePlan): void {
  const { replace } = plan
  switch (site.kind) {
    case 'image':
      replace(site.scalar, pinnedReference(site.scalar.value, pin))
      return
    case 'setter-digest':
      replace(site.scalar, pin.digest)
      return
    case 'setter-tag': {
      const written = splitTagValue(site.scalar.value)
      const digestChanges = digestSetters.get(site.policy)
      if (digestChanges !== undefined) {
        // Beside a `:digest` setter (Helm values with repository, tag and digest keys) the digest
        // goes there and this field holds only a tag: the release's, or none. Without a release tag
        // the old one would name other bytes than the new digest, so it is emptied, not removed:
        // removing the key would bring back the chart's default tag through Helm's values merge.
        // Charts that take a digest render `repository@digest` from an empty tag, whether they
        // ignore the tag once a digest is set (Bitnami's common.images.image, cert-manager) or add
        // the tag only when there is one (`{{ if .tag }}:{{ .tag }}{{ end }}`); one that falls back
        // to `.Chart.AppVersion` writes the tag it asks for. A chart that always writes
        // `repository:tag@digest` renders an invalid reference, which Kubernetes refuses rather than
        // run other bytes. The tag stays as it is beside the digest it already pinned.
        if (pin.tag) replace(site.scalar, pin.tag)
        else replace(site.scalar, digestChanges ? '' : written.tag)
        return
      }
      // A `:tag` setter alone feeds `repository:tag` in a chart, so `tag@digest` pins it. It must
      // hold a tag, so without a release tag there is no honest value: the old tag would name other
      // bytes than the new digest. That is refused rather than written (an empty field stays empty).
      if (pin.tag) replace(site.scalar, `${pin.tag}@${pin.digest}`)
      else if (written.tag !== '' && written.digest !== pin.digest)
        throw new DeployError(
          `refusing to write ${fileName || 'the file'}: line ${site.scalar.line}: the Flux setter ${JSON.stringify(`${site.policy}:tag`)} ` +
            `can only pin as \`tag@digest\`, and the release has no tag to replace \`${written.tag}\`, which names other bytes; ` +
            'give the release a tag (`tags`), or add a `:digest` setter for the policy'
        )
      return
    }
    case 'kustomize': {
      // kustomize renders `name:newTag@digest` from both and `name@digest` from a digest alone,
      // whatever tag the base had, so `newTag` follows the release tag, or goes when there is none.
      // Removed when it can be without touching other bytes, else emptied (kustomize reads an empty
      // `newTag` as none). It stays beside the digest it already pinned.
      const newTag = site.newTag
      if (newTag && pin.tag) replace(newTag, pin.tag)
      else if (newTag && newTag.value !== '' && site.digest?.value !== pin.digest) {
        if (site.newTagPair) plan.removeNewTag(site.newTagPair, newTag)
        else replace(newTag, '')
      }
      if (site.digest) replace(site.digest, pin.digest)
      else plan.insert(site.insertDigestAt.offset, site.insertDigestAt.text(pin.digest), site.line, pin.digest)
      return
    }
  }
}

/** A `:tag` setter's value, `tag` or `tag@digest`. */
function splitTagValue(value: string): { tag: string; digest?: string } {
  const at = value.indexOf('@')
  return at >= 0 ? { tag: value.slice(0, at), digest: value.slice(at + 1) } : { tag: value }
}

/** The new scalar in the style of the old one; a plain scalar that would read back as something else is double-quoted. */
function formatScalar(value: string, scalar: ScalarSite, text: string): string {
  if (scalar.style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`
  if (scalar.style === 'QUOTE_DOUBLE' || parse(value) !== value) return JSON.stringify(value)
  // An empty plain value (`digest:`) has no space after its colon yet.
  return scalar.start === scalar.end && text[scalar.start - 1] === ':' ? ` ${value}` : value
}

/**
 * Re-parses `patched` and throws unless each document equals `expected` (the original documents with the intended values set).
 * Documents are compared as trees with aliases left unresolved, so the check is linear in the size of the file even
 * when aliases would expand exponentially; equal trees (same values, tags, anchors and alias names in the same
 * places) have equal expansions, so this is at least as strict as comparing the expanded data.
 */
export function assertOnlyIntendedChanges(expected: Document.Parsed[], patched: string, fileName: string): void {
  const actual = parseAllDocuments(patched)
  const where = fileName || 'the file'
  if (!Array.isArray(actual) || actual.length !== expected.length)
    throw new DeployError(`refusing to write ${where}: patching changed the number of YAML documents`)
  for (let i = 0; i < expected.length; i++) {
    const error = actual[i].errors[0]
    if (error) throw new DeployError(`refusing to write ${where}: the patched text is not valid YAML (${error.message.split('\n')[0]})`)
    if (!sameTree(expected[i].contents, actual[i].contents))
      throw new DeployError(`refusing to write ${where}: document ${i + 1} would change beyond the pinned image references`)
  }
}

/** Node-by-node equality of two parsed YAML trees; `expected` may hold plain values where the splice set one (a new `digest:` pair). */
function sameTree(expected: unknown, actual: unknown): boolean {
  if (isAlias(expected) || isAlias(actual)) return isAlias(expected) && isAlias(actual) && expected.source === actual.source
  if (isNode(expected) && isNode(actual) && (expected.tag !== actual.tag || expected.anchor !== actual.anchor)) return false
  if (isMap(expected) || isMap(actual) || isSeq(expected) || isSeq(actual)) {
    if (!((isMap(expected) && isMap(actual)) || (isSeq(expected) && isSeq(actual)))) return false
    if (expected.items.length !== actual.items.length) return false
    return expected.items.every((item: unknown, index: number) => sameTree(item, actual.items[index]))
  }
  if (isPair(expected) || isPair(actual)) {
    return isPair(expected) && isPair(actual) && sameTree(expected.key, actual.key) && sameTree(expected.value, actual.value)
  }
  const want: unknown = isScalar(expected) ? expected.value : expected
  const got: unknown = isScalar(actual) ? actual.value : actual
  return Object.is(want, got) || (typeof want === 'object' && want !== null && isDeepStrictEqual(want, got))
}
