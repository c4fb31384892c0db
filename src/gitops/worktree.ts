// Applies the splice to the selected files of a checked-out tree.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
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

/** Pins every reference to `target` in the selected files under `root`; all files are checked before any is written. */
export async function patchTree(
  root: string,
  files: readonly string[],
  target: ImageReference,
  pin: Pin,
  write: boolean
): Promise<TreePatch> {
  const patch: TreePatch = { searched: [...files], skipped: [], references: 0, changes: [], patchedFiles: [], contents: new Map() }
  for (const file of files) {
    const bytes = await readFile(join(root, file))
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
    patch.contents.set(file, Buffer.from(result.text, 'utf8'))
    for (const change of result.changes) patch.changes.push({ file, ...change })
  }
  if (write) for (const [file, content] of patch.contents) await writeFile(join(root, file), content)
  return patch
}

/** A deploy that pins nothing is a mistake: say what was searched. */
export function nothingFoundError(image: string, patch: TreePatch, globs: readonly string[]): DeployError {
  if (patch.searched.length === 0) return new DeployError(`no file in the deploy repository matches deploy-paths (${globs.join(', ')})`)
  const skipped = new Map(patch.skipped.map((s) => [s.file, s.reason]))
  const listed = patch.searched.map((file) => (skipped.has(file) ? `${file} (skipped: ${skipped.get(file)})` : file))
  return new DeployError(
    `no reference to ${image} found in ${patch.searched.length} file(s) searched: ${listed.join(', ')}. ` +
      'Check `image` and `deploy-paths`; references are container `image:` values, kustomization `images:` entries and Flux `$imagepolicy` setters.'
  )
}
