// Applies the splice to the selected files of a checked-out tree.
import { constants } from 'node:fs'
import { lstat, open, readFile, realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import picomatch from 'picomatch'
import { DeployError } from './errors.js'
import type { ImageReference } from '../oci/reference.js'
import type { FileChange } from './message.js'
import { spliceImageReferences, type Pin } from './splice.js'

export interface TreePatch {
  /** Files the globs selected, in order. */
  searched: string[]
  skipped: Array<{ file: string; reason: string }>
  /** References to the image found, pinned already or not. */
  references: number
  changes: FileChange[]
  patchedFiles: string[]
  /** New content per patched file, written only when `write` is set. */
  contents: Map<string, Buffer>
}

export function selectFiles(files: readonly string[], globs: readonly string[]): string[] {
  const isSelected = picomatch(globs.length > 0 ? [...globs] : ['**/*.yaml', '**/*.yml'])
  return files.filter((file) => isSelected(file)).sort()
}

/**
 * Largest deploy file read, in bytes (4 MiB). A file is read and parsed whole, so a larger one is
 * skipped with a reason instead of risking the process's memory; real manifests are far smaller.
 */
export const MAX_DEPLOY_FILE_BYTES = 4 * 1024 * 1024

/** The deploy repository is not ours: a tracked file is only opened when it is a regular file inside the clone. */
type Opened = { path: string; bytes: Buffer } | { skipped: string }

/**
 * Reads `file` (relative to `root`) without following any link: its directory must resolve inside
 * the clone and the file itself must be a regular file, so a committed symlink (even to a file in
 * the clone), a directory or a submodule whose name ends in `.yaml` is skipped, never read.
 */
async function readTracked(root: string, realRoot: string, file: string, submodules: () => Promise<Set<string>>): Promise<Opened> {
  const full = resolve(root, file)
  if (isAbsolute(file) || !inside(root, full)) return { skipped: 'outside the repository' }
  let path: string
  try {
    const parent = await realpath(dirname(full))
    if (!inside(realRoot, parent) && parent !== realRoot) return { skipped: 'outside the repository' }
    path = join(parent, basename(full))
  } catch (error) {
    if (isMissing(error)) return { skipped: 'does not exist' }
    throw error
  }
  let stats
  try {
    stats = await lstat(path)
  } catch (error) {
    if (isMissing(error)) return { skipped: 'does not exist' }
    throw error
  }
  if (!stats.isFile()) return { skipped: `not a regular file (${await kindOf(stats, path, relative(realRoot, path), submodules)})` }
  if (stats.size > MAX_DEPLOY_FILE_BYTES) return { skipped: tooLarge(stats.size) }
  // O_NOFOLLOW and the same inode: nothing swapped in a link between the check and the read.
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    const opened = await handle.stat()
    if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) return { skipped: 'changed while being read' }
    if (opened.size > MAX_DEPLOY_FILE_BYTES) return { skipped: tooLarge(opened.size) }
    return { path, bytes: await handle.readFile() }
  } finally {
    await handle.close()
  }
}

function tooLarge(size: number): string {
  return `${size} bytes is over the ${MAX_DEPLOY_FILE_BYTES}-byte (4 MiB) limit`
}

async function writeTracked(path: string, content: Buffer): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW)
  try {
    if (!(await handle.stat()).isFile()) throw new DeployError(`refusing to write ${path}: not a regular file`)
    await handle.writeFile(content)
  } finally {
    await handle.close()
  }
}

/** True when `path` is strictly below `dir`. */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

async function kindOf(
  stats: Awaited<ReturnType<typeof lstat>>,
  path: string,
  tracked: string,
  submodules: () => Promise<Set<string>>
): Promise<string> {
  if (stats.isSymbolicLink()) return 'symlink'
  if (stats.isDirectory()) {
    // A submodule is checked out as an empty directory, or as a directory with a `.git` file once initialized.
    const isSubmodule = (await submodules()).has(tracked.split(sep).join('/')) || (await lstat(join(path, '.git')).catch(() => undefined))
    return isSubmodule ? 'submodule' : 'directory'
  }
  if (stats.isFIFO()) return 'fifo'
  if (stats.isSocket()) return 'socket'
  return 'device'
}

/** The `path =` entries of the clone's .gitmodules, read only when it is a small regular file. */
async function submodulePaths(realRoot: string): Promise<Set<string>> {
  const file = join(realRoot, '.gitmodules')
  const stats = await lstat(file).catch(() => undefined)
  if (!stats?.isFile() || stats.size > 1024 * 1024) return new Set()
  const text = await readFile(file, 'utf8')
  return new Set([...text.matchAll(/^[ \t]*path[ \t]*=[ \t]*(.*?)[ \t]*\r?$/gm)].map((match) => match[1]))
}

/** Pins every reference to `target` in the selected files under `root`; all files are checked before any is written. */
export async function patchTree(
  root: string,
  files: readonly string[],
  target: ImageReference,
  pin: Pin,
  write: boolean
): Promise<TreePatch> {
  const patch: TreePatch = { searched: [...files], skipped: [], references: 0, changes: [], patchedFiles: [], contents: new Map() }
  const realRoot = await realpath(root)
  let submodules: Promise<Set<string>> | undefined
  const paths = new Map<string, string>()
  for (const file of files) {
    const opened = await readTracked(root, realRoot, file, () => (submodules ??= submodulePaths(realRoot)))
    if ('skipped' in opened) {
      patch.skipped.push({ file, reason: opened.skipped })
      continue
    }
    const bytes = opened.bytes
    const text = bytes.toString('utf8')
    // Splicing a JS string is only byte-exact when the file is valid UTF-8.
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      patch.skipped.push({ file, reason: 'not UTF-8' })
      continue
    }
    const result = spliceImageReferences(text, target, pin, file)
    if (result.skipped) {
      patch.skipped.push({ file, reason: result.skipped })
      continue
    }
    patch.references += result.references
    if (result.changes.length === 0) continue
    patch.patchedFiles.push(file)
    paths.set(file, opened.path)
    patch.contents.set(file, Buffer.from(result.text, 'utf8'))
    for (const change of result.changes) patch.changes.push({ file, ...change })
  }
  if (write) for (const [file, content] of patch.contents) await writeTracked(paths.get(file)!, content)
  return patch
}

/** A deploy that pins nothing is a mistake: say what was searched. */
export function nothingFoundError(
  image: string,
  patch: TreePatch,
  globs: readonly string[],
  tree: { base: string; files: readonly string[] }
): DeployError {
  if (patch.searched.length === 0) {
    const examples = tree.files.filter((file) => /\.ya?ml$/i.test(file)).slice(0, 5)
    return new DeployError(
      `no file on branch ${tree.base} of the deploy repository matches deploy-paths (${globs.map((g) => `"${g}"`).join(', ')})` +
        (examples.length ? `; its YAML files include ${examples.join(', ')}` : tree.files.length ? '' : '; the branch has no files') +
        '. Fix `deploy-paths`: globs relative to the repository root, separated by commas or newlines'
    )
  }
  const skipped = new Map(patch.skipped.map((s) => [s.file, s.reason]))
  const listed = patch.searched.map((file) => (skipped.has(file) ? `${file} (skipped: ${skipped.get(file)})` : file))
  return new DeployError(
    `no reference to ${image} found in ${patch.searched.length} file(s) searched: ${listed.join(', ')}. ` +
      'Check `image` and `deploy-paths`; references are container `image:` values, kustomization `images:` entries and Flux `$imagepolicy` setters.'
  )
}
