// The image's filesystem as the catalogers need it: only the files they asked for (already parsed)
// and the symlinks that may lead to them, after applying the layers in order with OCI whiteouts
// (image-spec layer.md, "Whiteouts"): `.wh.<name>` hides <name> from lower layers,
// `.wh..wh..opq` hides every lower entry of its directory, and an entry hides the lower entry at its path.
import { posix } from 'node:path'
import type { Logger } from '../../net/logger.js'
import { forEachLayerEntry, type LayerEntry, type LayerRef } from './layer-stream.js'

export type OpenBlob = (digest: string) => Promise<NodeJS.ReadableStream>

/** What a matcher can go by before reading a file: its tar header. */
export interface EntryHeader {
  size: number
  /** Permission bits (0o755 for a typical executable). */
  mode: number
}

/**
 * Reads one file chunk by chunk as it streams past, keeping only what it needs (a binary's build
 * info out of 100 MB of code), so a file of any size can be looked at.
 */
export interface FileScanner {
  push(chunk: Buffer): void
  /** The parsed value (undefined: nothing of interest) and how many bytes of it stay held. */
  end(): { value: unknown; kept: number } | undefined
}

/**
 * A kind of file a cataloger wants, parsed while streaming so only the parsed form is held: either
 * read whole under the size cap and given to `parse`, or streamed through the scanner `scan` makes.
 */
export interface FileMatcher {
  id: string
  matches(path: string, header: EntryHeader): boolean
  parse?(path: string, content: Buffer): unknown
  scan?(path: string, header: EntryHeader): FileScanner
  /** Largest file of this kind read, when it differs from CollectOptions.maxFileSize (rpmdb.sqlite). */
  maxFileSize?: number
}

/**
 * A file a cataloger wanted but did not get (too large, unparsable, over the budget). It stays a node
 * so that layers apply to it like to any file: a whiteout or an upper file at its path drops it.
 */
export interface SkippedFile {
  /** Path in the image, no leading slash. */
  path: string
  /** Digest of the layer it was read from. */
  layer: string
  reason: string
}

export type FsNode =
  | { kind: 'file'; matcher: string; value: unknown }
  | { kind: 'symlink'; target: string }
  | { kind: 'skipped'; matcher: string; layer: string; reason: string }

export interface CollectOptions {
  matchers: FileMatcher[]
  /** Symlinks worth remembering (those that can lead to a file of interest). */
  keepSymlink(path: string): boolean
  /** Largest file of interest read into memory; larger ones are skipped with a warning. */
  maxFileSize: number
  /**
   * Bytes of files of interest read in all, over every layer (default: no bound). A file that does not
   * fit in what is left is skipped unread and recorded, so many files under `maxFileSize` cannot add up.
   */
  maxTotalBytes?: number
  logger: Logger
}

const OPAQUE = '.wh..wh..opq'
const WHITEOUT_PREFIX = '.wh.'
const MAX_SYMLINK_HOPS = 40

export class LayeredFilesystem {
  private readonly byPath = new Map<string, FsNode>()
  /**
   * Directory -> the paths directly inside it that are, or lead to, a node ('' is the root). Kept in
   * step with the nodes so a whiteout removes a subtree in time proportional to what it removes,
   * not to everything kept (100k whiteouts over 20k kept files were minutes of prefix scans).
   */
  private readonly children = new Map<string, Set<string>>()

  /** Every node by path. Read-only: change it through set() and remove(). */
  get nodes(): ReadonlyMap<string, FsNode> {
    return this.byPath
  }

  set(path: string, node: FsNode): void {
    this.byPath.set(path, node)
    for (let child = path, parent = parentOf(child); parent !== undefined; child = parent, parent = parentOf(child)) {
      const inside = this.children.get(parent)
      if (inside?.has(child)) break // the rest of the way up is indexed already
      if (inside) inside.add(child)
      else this.children.set(parent, new Set([child]))
    }
  }

  /** Follows symlinks (absolute ones from the image root) in every component; undefined on a loop. */
  resolve(path: string): string | undefined {
    let pending = path.split('/').filter((p) => p !== '')
    let resolved: string[] = []
    let hops = 0
    while (pending.length > 0) {
      const part = pending.shift() as string
      if (part === '.') continue
      if (part === '..') {
        resolved.pop()
        continue
      }
      resolved.push(part)
      const node = this.nodes.get(resolved.join('/'))
      if (node?.kind === 'symlink') {
        if (++hops > MAX_SYMLINK_HOPS) return undefined
        resolved.pop()
        if (node.target.startsWith('/')) resolved = []
        pending = [...node.target.split('/').filter((p) => p !== ''), ...pending]
      }
    }
    return resolved.join('/')
  }

  /** The parsed file at `path` (after following symlinks), if a matcher of that id collected it. */
  file(path: string, matcher: string): { path: string; value: unknown } | undefined {
    const real = this.resolve(path)
    if (real === undefined) return undefined
    const node = this.nodes.get(real)
    return node?.kind === 'file' && node.matcher === matcher ? { path: real, value: node.value } : undefined
  }

  /** Parsed files directly inside `directory` (after following symlinks), sorted by path. */
  filesIn(directory: string, matcher: string): Array<{ path: string; value: unknown }> {
    const real = this.resolve(directory)
    if (real === undefined) return []
    const prefix = real === '' ? '' : real + '/'
    return this.files(matcher).filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('/'))
  }

  files(matcher: string): Array<{ path: string; value: unknown }> {
    const found: Array<{ path: string; value: unknown }> = []
    for (const [path, node] of this.nodes) if (node.kind === 'file' && node.matcher === matcher) found.push({ path, value: node.value })
    return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }

  /** Files of interest that were not catalogued and are still in the image, sorted by path. */
  skipped(): SkippedFile[] {
    const found: SkippedFile[] = []
    for (const [path, node] of this.byPath) if (node.kind === 'skipped') found.push({ path, layer: node.layer, reason: node.reason })
    return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }

  /** Whether `path` is a directory that holds something we keep: a non-directory entry there hides it. */
  holdsNodes(path: string): boolean {
    return this.children.has(path)
  }

  /** Directories that hold something we keep. */
  ancestors(): Set<string> {
    return new Set([...this.children.keys()].filter((dir) => dir !== ''))
  }

  /** Removes `path` and everything under it (or only what is under it). */
  remove(path: string, keepSelf = false): void {
    // '' is the root (an opaque marker at the top of a layer).
    const pending = [...(this.children.get(path) ?? [])]
    this.children.delete(path)
    while (pending.length > 0) {
      const below = pending.pop() as string
      this.byPath.delete(below)
      const inside = this.children.get(below)
      if (inside) {
        for (const child of inside) pending.push(child)
        this.children.delete(below)
      }
    }
    if (!keepSelf) this.byPath.delete(path)
    if (path !== '') this.unlinkFromParents(path)
  }

  /** Removes the node at `path` only (a directory entry replaced it; what is below stays). */
  delete(path: string): void {
    this.byPath.delete(path)
    if (path !== '') this.unlinkFromParents(path)
  }

  /** Drops `path` from its directory's index, and each directory left empty from its own. */
  private unlinkFromParents(path: string): void {
    for (let child = path, parent = parentOf(child); parent !== undefined; child = parent, parent = parentOf(child)) {
      if (this.byPath.has(child) || this.children.has(child)) return
      const inside = this.children.get(parent)
      if (!inside) return
      inside.delete(child)
      if (inside.size > 0) return
      this.children.delete(parent)
    }
  }
}

/** The directory holding `path` ('' for a top-level entry), or undefined for the root itself. */
function parentOf(path: string): string | undefined {
  if (path === '') return undefined
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

interface ReadBudget {
  left: number
}

interface LayerChanges {
  hidden: string[] // whiteouts and lower entries replaced by a non-directory
  opaque: string[]
  replacedByDirectory: string[]
  added: Map<string, FsNode>
  pendingHardLinks: Map<string, string[]> // target -> link paths
}

/** Streams every layer once, bottom to top, and returns what the catalogers asked for. */
export async function collectFilesystem(layers: LayerRef[], openBlob: OpenBlob, options: CollectOptions): Promise<LayeredFilesystem> {
  const fs = new LayeredFilesystem()
  const budget: ReadBudget = { left: options.maxTotalBytes ?? Infinity }
  for (const layer of layers) {
    const changes = await scanLayer(layer, openBlob, fs, options, budget)
    for (const path of changes.hidden) fs.remove(path)
    for (const path of changes.opaque) fs.remove(path, true)
    for (const path of changes.replacedByDirectory) fs.delete(path)
    for (const [path, node] of changes.added) fs.set(path, node)
  }
  return fs
}

async function scanLayer(
  layer: LayerRef,
  openBlob: OpenBlob,
  lower: LayeredFilesystem,
  options: CollectOptions,
  budget: ReadBudget
): Promise<LayerChanges> {
  const changes: LayerChanges = { hidden: [], opaque: [], replacedByDirectory: [], added: new Map(), pendingHardLinks: new Map() }
  const matcherFor = (path: string, header: EntryHeader): FileMatcher | undefined => options.matchers.find((m) => m.matches(path, header))
  // Files of this layer a matcher read and found nothing in: a hard link to one needs no second pass.
  const examined = new Map<string, string>()

  const skip = (entry: LayerEntry, matcher: FileMatcher, paths: string[], reason: string): void => {
    options.logger.warning(`sbom: skipped /${entry.path} in layer ${layer.digest}: ${reason}`)
    for (const path of paths) changes.added.set(path, { kind: 'skipped', matcher: matcher.id, layer: layer.digest, reason })
  }

  const scanInto = async (entry: LayerEntry, matcher: FileMatcher, scanner: FileScanner, paths: string[]): Promise<void> => {
    let failure: Error | undefined
    await entry.scan((chunk) => {
      if (failure) return
      try {
        scanner.push(chunk)
      } catch (error) {
        failure = error as Error
      }
    })
    let result: ReturnType<FileScanner['end']>
    try {
      if (failure) throw failure
      result = scanner.end()
    } catch (error) {
      skip(entry, matcher, paths, `cannot parse it: ${(error as Error).message}`)
      return
    }
    if (result === undefined || result.value === undefined) {
      examined.set(entry.path, matcher.id)
      return
    }
    if (result.kept > budget.left) {
      skip(entry, matcher, paths, `${result.kept} bytes is over the ${options.maxTotalBytes}-byte budget for metadata read per image`)
      return
    }
    budget.left -= result.kept
    for (const path of paths) changes.added.set(path, { kind: 'file', matcher: matcher.id, value: result.value })
  }

  const readInto = async (entry: LayerEntry, matcher: FileMatcher, paths: string[]): Promise<void> => {
    const scanner = matcher.scan?.(entry.path, entry)
    if (scanner) return scanInto(entry, matcher, scanner, paths)
    if (!matcher.parse) return
    const maxFileSize = matcher.maxFileSize ?? options.maxFileSize
    if (entry.size <= maxFileSize && entry.size > budget.left) {
      skip(entry, matcher, paths, `${entry.size} bytes is over the ${options.maxTotalBytes}-byte budget for metadata read per image`)
      return
    }
    const content = await entry.read(Math.min(maxFileSize, budget.left))
    if (content === undefined) {
      skip(entry, matcher, paths, `${entry.size} bytes is over the ${maxFileSize}-byte limit for metadata files`)
      return
    }
    budget.left -= content.length
    let value: unknown
    try {
      value = matcher.parse(entry.path, content)
    } catch (error) {
      skip(entry, matcher, paths, `cannot parse it: ${(error as Error).message}`)
      return
    }
    if (value !== undefined) for (const path of paths) changes.added.set(path, { kind: 'file', matcher: matcher.id, value })
    else examined.set(entry.path, matcher.id)
  }

  await forEachLayerEntry(await openBlob(layer.digest), layer, async (entry) => {
    const name = posix.basename(entry.path)
    const directory = posix.dirname(entry.path) === '.' ? '' : posix.dirname(entry.path)
    if (name === OPAQUE) {
      changes.opaque.push(directory)
      return
    }
    if (name.startsWith(WHITEOUT_PREFIX)) {
      changes.hidden.push(directory === '' ? name.slice(WHITEOUT_PREFIX.length) : `${directory}/${name.slice(WHITEOUT_PREFIX.length)}`)
      return
    }
    if (entry.type === 'directory') {
      if (lower.nodes.has(entry.path)) changes.replacedByDirectory.push(entry.path)
      return
    }
    if (lower.nodes.has(entry.path) || lower.holdsNodes(entry.path)) changes.hidden.push(entry.path)

    if (entry.type === 'symlink' && entry.linkName && options.keepSymlink(entry.path)) {
      changes.added.set(entry.path, { kind: 'symlink', target: entry.linkName })
      return
    }
    const matcher = matcherFor(entry.path, entry)
    if (!matcher) return
    if (entry.type === 'file') {
      await readInto(entry, matcher, [entry.path])
    } else if (entry.type === 'link' && entry.linkName) {
      // A hard link names an earlier entry of the same layer. If that entry was not of interest
      // (another path), its bytes are gone: read it in a second pass over this layer.
      const target = changes.added.get(entry.linkName)
      if ((target?.kind === 'file' || target?.kind === 'skipped') && target.matcher === matcher.id) changes.added.set(entry.path, target)
      else if (examined.get(entry.linkName) === matcher.id) return
      else changes.pendingHardLinks.set(entry.linkName, [...(changes.pendingHardLinks.get(entry.linkName) ?? []), entry.path])
    }
  })

  if (changes.pendingHardLinks.size > 0) {
    await forEachLayerEntry(await openBlob(layer.digest), layer, async (entry) => {
      const links = changes.pendingHardLinks.get(entry.path)
      if (!links || entry.type !== 'file') return
      changes.pendingHardLinks.delete(entry.path)
      const matcher = matcherFor(links[0], entry)
      if (matcher) await readInto(entry, matcher, links)
    })
  }
  return changes
}
