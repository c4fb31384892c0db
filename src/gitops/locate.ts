// Finds the places in one YAML file that name the released image, as byte ranges of the original
// text. Only parsed nodes are considered, so text inside block scalars (a ConfigMap holding YAML)
// is never a match. Nothing here rewrites anything; splice.ts does that.
import {
  parseAllDocuments,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Alias,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap
} from 'yaml'
import { parseReference, sameRepository, type ImageReference } from '../oci/reference.js'

/** The container lists of a Kubernetes pod spec, at any depth (Deployments, CronJob jobTemplates, Rollouts, CRDs). */
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers'])
const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/
/** Flux image-automation setter marker: `# {"$imagepolicy": "namespace:policy[:tag|:name|:digest]"}`. */
const SETTER_COMMENT = /^[ \t]+#[ \t]*(\{.*\})[ \t]*\r?$/

/**
 * Most nodes a file's aliases may add once expanded (an alias to a 5-node map adds 5). Shared
 * anchors in real manifests add hundreds; a "billion laughs" file of a few hundred bytes adds
 * billions, so it is skipped. Nothing here expands aliases: the count is computed per anchor.
 */
export const MAX_ALIAS_EXPANSION = 100_000

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'

/** An existing scalar whose bytes [start, end) are to be replaced. */
export interface ScalarSite {
  start: number
  end: number
  style: ScalarStyle
  value: string
  line: number
  node: Scalar
}

export type ReferenceSite =
  /** A full image reference: a container `image:` or a Flux full-reference setter. */
  | { kind: 'image'; source: 'container' | 'setter'; scalar: ScalarSite }
  /** A Flux `:tag` setter; gets `tag@digest`, or only the tag when the same policy also has a `:digest` setter. */
  | { kind: 'setter-tag'; scalar: ScalarSite; policy: string }
  | { kind: 'setter-digest'; scalar: ScalarSite; policy: string }
  /** A kustomization `images:` entry naming the image; its `digest:` is set, its `newTag:` set to the release tag or dropped. */
  | {
      kind: 'kustomize'
      entry: YAMLMap
      line: number
      digest?: ScalarSite
      newTag?: ScalarSite
      /** The bytes that remove the `newTag` pair and nothing else; undefined when no such range exists. */
      newTagPair?: { start: number; end: number }
      insertDigestAt: { offset: number; text: (value: string) => string }
    }

export interface LocatedFile {
  /** Why the file was not searched, if it was not. */
  skipped?: string
  sites: ReferenceSite[]
  documents: Document.Parsed[]
}

/** Locates every reference to `target`'s repository in `text` (one file, any number of documents). */
export function locateReferences(text: string, target: ImageReference, fileName = ''): LocatedFile {
  if (text.includes('{{')) return { skipped: 'contains template syntax ({{)', sites: [], documents: [] }
  const documents = parseAllDocuments(text, { keepSourceTokens: true })
  if (!Array.isArray(documents)) return { sites: [], documents: [] }
  for (const document of documents) {
    const problem = document.errors[0]
    if (problem) return { skipped: `not valid YAML: ${problem.message.split('\n')[0]}`, sites: [], documents: [] }
  }
  const aliases = new Map<Alias, Node>()
  let added = 0
  for (const document of documents) {
    const expansion = aliasExpansion(document, aliases)
    if (typeof expansion === 'string') return { skipped: expansion, sites: [], documents: [] }
    added += expansion
    if (added > MAX_ALIAS_EXPANSION)
      return { skipped: `too many YAML aliases: expanded they would add over ${MAX_ALIAS_EXPANSION} nodes`, sites: [], documents: [] }
  }
  const resolve = (node: unknown): unknown => (isAlias(node) ? aliases.get(node) : node)
  const lines = lineStarts(text)
  const sites: ReferenceSite[] = []
  const seen = new Set<Node>()
  const add = (site: ReferenceSite, node: Node): void => {
    // An anchored value reached again through an alias is one site, not two.
    if (seen.has(node)) return
    seen.add(node)
    sites.push(site)
  }
  for (const document of documents) {
    const matches = (value: string): boolean => namesRepository(value, target)
    for (const scalar of containerImages(document, resolve)) {
      const site = scalarSite(scalar, text, lines)
      if (site && matches(site.value)) add({ kind: 'image', source: 'container', scalar: site }, scalar)
    }
    if (isKustomization(document, fileName)) {
      for (const entry of kustomizeEntries(document, resolve)) {
        const site = kustomizeSite(entry, text, lines, matches)
        if (site) add(site, entry)
      }
    }
    for (const site of setterSites(document, text, lines, matches)) if (site.kind !== 'kustomize') add(site, site.scalar.node)
  }
  sites.sort((a, b) => siteOffset(a) - siteOffset(b))
  return { sites, documents }
}

/** True when `value` parses as an image reference to the same repository as `target`. */
export function namesRepository(value: string, target: ImageReference): boolean {
  try {
    return sameRepository(parseReference(value), target)
  } catch {
    return false // placeholders such as CONTAINER_IMAGES_REGISTRY/app are not references
  }
}

function siteOffset(site: ReferenceSite): number {
  return site.kind === 'kustomize' ? (site.digest?.start ?? site.insertDigestAt.offset) : site.scalar.start
}

/**
 * Resolves every alias of `document` into `aliases` in one pass (yaml's own Alias.resolve walks the
 * whole document per call) and returns how many nodes expanding them would add, counted once per
 * anchor; or why the document cannot be expanded at all.
 */
function aliasExpansion(document: Document.Parsed, aliases: Map<Alias, Node>): number | string {
  // An alias names the last node anchored so before it, in document order (visit's order).
  const anchors = new Map<string, Node>()
  let unresolved: string | undefined
  let count = 0
  visit(document, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source)
        if (!target) {
          unresolved = node.source
          return visit.BREAK
        }
        aliases.set(node, target)
        return
      }
      count++
      if (node.anchor) anchors.set(node.anchor, node)
    }
  })
  if (unresolved !== undefined) return `unresolved YAML alias *${unresolved}`
  // Expanded size per node, memoized; `open` holds the nodes being counted, to catch an alias inside its own anchor.
  const sizes = new Map<Node, number>()
  const open = new Set<Node>()
  let recursive: string | undefined
  const size = (node: unknown): number => {
    if (isPair(node)) return size(node.key) + size(node.value)
    if (!isAlias(node) && !isCollection(node)) return isScalar(node) ? 1 : 0
    const known = sizes.get(node)
    if (known !== undefined) return known
    if (open.has(node)) {
      recursive ??= (node as Node).anchor ?? ''
      return 0
    }
    open.add(node)
    let total = 0
    if (isAlias(node)) total = size(aliases.get(node))
    else {
      total = 1
      for (const item of node.items) total += size(item)
    }
    open.delete(node)
    sizes.set(node, total)
    return total
  }
  const expanded = size(document.contents)
  if (recursive !== undefined) return `recursive YAML alias *${recursive}`
  return expanded - count
}

function containerImages(document: Document.Parsed, resolve: (node: unknown) => unknown): Scalar[] {
  const found: Scalar[] = []
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !CONTAINER_LISTS.has(String(pair.key.value))) return
      const list = resolve(pair.value)
      if (!isSeq(list)) return
      for (const item of list.items) {
        const container = resolve(item)
        if (!isMap(container)) continue
        const image = resolve(container.get('image', true))
        if (isScalar(image)) found.push(image)
      }
    }
  })
  return found
}

function isKustomization(document: Document.Parsed, fileName: string): boolean {
  const root = document.contents
  if (!isMap(root)) return false
  const kind: unknown = root.get('kind')
  const apiVersion: unknown = root.get('apiVersion')
  if (kind === 'Kustomization' || kind === 'Component') {
    // Flux also has a `Kustomization` kind (kustomize.toolkit.fluxcd.io), which has no `images:` at the top.
    return typeof apiVersion !== 'string' || apiVersion.startsWith('kustomize.config.k8s.io/')
  }
  return KUSTOMIZATION_FILE.test(fileName)
}

function kustomizeEntries(document: Document.Parsed, resolve: (node: unknown) => unknown): YAMLMap[] {
  const root = document.contents as YAMLMap
  const images = resolve(root.get('images', true))
  if (!isSeq(images)) return []
  return images.items.map((item) => resolve(item)).filter((item): item is YAMLMap => isMap(item))
}

function kustomizeSite(entry: YAMLMap, text: string, lines: number[], matches: (value: string) => boolean): ReferenceSite | undefined {
  // kustomize replaces `name` with `newName`, so the entry deploys `newName` when it has one.
  const effective: unknown = entry.get('newName') ?? entry.get('name')
  if (typeof effective !== 'string' || !matches(effective)) return undefined
  const digestNode = entry.get('digest', true)
  const newTagNode = entry.get('newTag', true)
  const digest = isScalar(digestNode) ? scalarSite(digestNode, text, lines) : undefined
  const newTag = isScalar(newTagNode) ? scalarSite(newTagNode, text, lines) : undefined
  if ((digestNode !== undefined && !digest) || (newTagNode !== undefined && !newTag)) return undefined
  const insertDigestAt = digest ? { offset: digest.start, text: (v: string) => v } : digestInsertion(entry, text)
  if (!insertDigestAt) return undefined
  const newTagPair = newTag ? pairRemoval(entry, 'newTag', text) : undefined
  return { kind: 'kustomize', entry, line: lineOf(lines, entry.range?.[0] ?? 0), digest, newTag, newTagPair, insertDigestAt }
}

/**
 * The bytes that remove the pair `key: value` from `entry` and nothing else, or undefined when there
 * is no such range: a pair over several lines, one that shares its line with `- ` or another pair,
 * or an anchored one (an alias elsewhere may name it). In block style that is the whole line, with
 * its comment; in flow style the pair and one of the commas beside it.
 */
function pairRemoval(entry: YAMLMap, key: string, text: string): { start: number; end: number } | undefined {
  const index = entry.items.findIndex((item) => isScalar(item.key) && item.key.value === key)
  const pair = entry.items[index]
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range || !pair.value.range) return undefined
  if (pair.key.anchor || pair.value.anchor) return undefined
  const keyStart = pair.key.range[0]
  const valueEnd = pair.value.range[1]
  if (text.slice(keyStart, valueEnd).includes('\n')) return undefined
  if (entry.flow) {
    const onlyComma = (from: number, to: number): boolean => /^[ \t]*,[ \t]*$/.test(text.slice(from, to))
    const previous = entry.items[index - 1]?.value
    if (isScalar(previous) && previous.range && onlyComma(previous.range[1], keyStart)) return { start: previous.range[1], end: valueEnd }
    const next = entry.items[index + 1]?.key
    if (index === 0 && isScalar(next) && next.range && onlyComma(valueEnd, next.range[0])) return { start: keyStart, end: next.range[0] }
    return undefined
  }
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1
  if (lineStart === 0 || !/^[ \t]*$/.test(text.slice(lineStart, keyStart))) return undefined
  const newline = text.indexOf('\n', valueEnd)
  const lineEnd = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline
  if (!/^[ \t]*(#.*)?$/.test(text.slice(valueEnd, lineEnd))) return undefined
  // From the end of the line before (its CRLF or LF) to the end of this one, so an insertion at this line's end still follows.
  return { start: lineStart - (text[lineStart - 2] === '\r' ? 2 : 1), end: lineEnd }
}

/** Where a `digest:` pair goes in an entry that has none: a new line in block style, `, digest: …` in flow style. */
function digestInsertion(entry: YAMLMap, text: string): { offset: number; text: (value: string) => string } | undefined {
  const last = entry.items.at(-1)
  const first = entry.items[0]
  if (!last || !first || !isScalar(last.value) || !isScalar(first.key) || !last.value.range || !first.key.range) return undefined
  const valueEnd = last.value.range[1]
  if (entry.flow) return { offset: valueEnd, text: (v) => `, digest: ${v}` }
  const keyStart = first.key.range[0]
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1)
  const newline = text.indexOf('\n', valueEnd)
  const lineEnd = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline
  if (!/^[ \t]*(#.*)?$/.test(text.slice(valueEnd, lineEnd))) return undefined
  const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : /\r\n/.test(text) && newline < 0 ? '\r\n' : '\n'
  return { offset: lineEnd, text: (v) => `${eol}${' '.repeat(indent)}digest: ${v}` }
}

interface SetterMarker {
  scalar: ScalarSite
  policy: string
  field?: 'tag' | 'name' | 'digest'
}

function setterSites(document: Document.Parsed, text: string, lines: number[], matches: (value: string) => boolean): ReferenceSite[] {
  const markers: SetterMarker[] = []
  visit(document, {
    Scalar(_, scalar) {
      const marker = setterMarker(scalar, text, lines)
      if (marker) markers.push(marker)
    }
  })
  // A `:tag` or `:digest` setter says nothing about the image by itself; its policy is ours when a
  // full-reference or `:name` setter of the same policy in this document names the image.
  const ours = new Set(markers.filter((m) => (m.field === undefined || m.field === 'name') && matches(m.scalar.value)).map((m) => m.policy))
  const sites: ReferenceSite[] = []
  for (const marker of markers) {
    if (!ours.has(marker.policy)) continue
    if (marker.field === undefined) sites.push({ kind: 'image', source: 'setter', scalar: marker.scalar })
    else if (marker.field === 'tag') sites.push({ kind: 'setter-tag', scalar: marker.scalar, policy: marker.policy })
    else if (marker.field === 'digest') sites.push({ kind: 'setter-digest', scalar: marker.scalar, policy: marker.policy })
  }
  return sites
}

function setterMarker(scalar: Scalar, text: string, lines: number[]): SetterMarker | undefined {
  if (!scalar.range) return undefined
  const end = scalar.range[1]
  const newline = text.indexOf('\n', end)
  const comment = SETTER_COMMENT.exec(text.slice(end, newline < 0 ? text.length : newline))
  if (!comment) return undefined
  let policy: unknown
  try {
    policy = (JSON.parse(comment[1]) as Record<string, unknown>)['$imagepolicy']
  } catch {
    return undefined
  }
  if (typeof policy !== 'string') return undefined
  const parts = policy.split(':')
  const site = scalarSite(scalar, text, lines)
  if (!site) return undefined
  if (parts.length === 2) return { scalar: site, policy }
  const field = parts[2]
  if (parts.length === 3 && (field === 'tag' || field === 'name' || field === 'digest'))
    return { scalar: site, policy: `${parts[0]}:${parts[1]}`, field }
  return undefined
}

function scalarSite(scalar: Scalar, text: string, lines: number[]): ScalarSite | undefined {
  const style = scalar.type
  if (!scalar.range) return undefined
  // Block scalars and multi-line plain scalars are not image references worth rewriting in place.
  if (style !== 'PLAIN' && style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE') return undefined
  const [start, end] = scalar.range
  const raw = text.slice(start, end)
  if (/[\r\n]/.test(raw)) return undefined
  // A plain `newTag: 1.10` is a number to the parser but a tag to kustomize: keep the written text.
  const value = typeof scalar.value === 'string' ? scalar.value : style === 'PLAIN' ? raw : String(scalar.value ?? '')
  return { start, end, style, value, line: lineOf(lines, start), node: scalar }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** 1-based line number of `offset`. */
function lineOf(starts: number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}
