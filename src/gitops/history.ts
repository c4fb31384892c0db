// Rollback awareness: was the digest being pinned pinned before on the base branch, and by which commit?
// The clone is shallow, so a bounded stretch of the base's history is fetched first (the token still
// travels only as the extraheader the Git wrapper sets).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Git } from './git.js'

/** How many commits of the base's history are searched for an earlier pin of the digest. */
export const HISTORY_DEPTH = 500

export interface RollbackLookup {
  git: Git
  /** The clone's working directory (its `.git/shallow` names the history's cut-off commits). */
  clone: string
  /** The base commit the change is made on; its history is searched. */
  baseCommit: string
  digest: string
  /** True for a file the deploy step patches (deploy-paths); lines added elsewhere are not pins. */
  isDeployFile: (file: string) => boolean
  /** Told why the history could not be read; the lookup then answers undefined. */
  onUnavailable?: (reason: string) => void
  depth?: number
}

/**
 * The most recent commit in the last `depth` commits of `baseCommit`'s history whose diff adds a
 * line containing `digest` to a deploy file, or undefined. A commit at the shallow cut-off is never
 * the answer: git shows it as adding every file it holds.
 */
export async function findRollbackOf(lookup: RollbackLookup): Promise<string | undefined> {
  const { git, baseCommit, digest } = lookup
  const depth = lookup.depth ?? HISTORY_DEPTH
  const fetched = await git.tryRun(['fetch', '--quiet', '--no-tags', `--depth=${depth}`, 'origin', baseCommit])
  if (fetched.exitCode !== 0) {
    lookup.onUnavailable?.(`cannot fetch the history of ${baseCommit.slice(0, 12)}: ${fetched.stderr.trim()}`)
    return undefined
  }
  const log = await git.tryRun([
    '-c',
    'core.quotepath=off',
    'log',
    `-G${literalPattern(digest)}`,
    '--format=commit %H',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-renames',
    '--unified=0',
    '-p',
    `--max-count=${depth}`,
    baseCommit,
    '--'
  ])
  if (log.exitCode !== 0) {
    lookup.onUnavailable?.(`cannot search the history of ${baseCommit.slice(0, 12)}: ${log.stderr.trim()}`)
    return undefined
  }
  return commitAddingDigest(log.stdout, digest, lookup.isDeployFile, await shallowCommits(lookup.clone))
}

/**
 * Reads `git log --format='commit %H' -p` output, newest first, and returns the first commit that adds
 * a line containing `digest` to a file `isDeployFile` accepts, skipping the commits in `excluded`.
 */
export function commitAddingDigest(
  log: string,
  digest: string,
  isDeployFile: (file: string) => boolean,
  excluded: ReadonlySet<string> = new Set()
): string | undefined {
  let commit: string | undefined
  let file: string | undefined
  let inHunk = false
  for (const line of log.split('\n')) {
    const header = /^commit ([0-9a-f]{40,64})$/.exec(line)
    if (header) {
      commit = header[1]
      file = undefined
      inHunk = false
    } else if (line.startsWith('diff --git ')) {
      file = undefined
      inHunk = false
    } else if (line.startsWith('@@')) {
      inHunk = true
    } else if (!inHunk && line.startsWith('+++ ')) {
      file = diffPath(line.slice(4))
    } else if (inHunk && line.startsWith('+') && line.includes(digest)) {
      if (commit && !excluded.has(commit) && file !== undefined && isDeployFile(file)) return commit
    }
  }
  return undefined
}

/** `b/path` (or `"b/pa\"th"`) from a `+++` line; undefined for /dev/null or a name that cannot be read. */
function diffPath(text: string): string | undefined {
  let name = text.replace(/\t$/, '')
  if (name.startsWith('"')) {
    try {
      name = JSON.parse(name) as string
    } catch {
      return undefined
    }
  }
  return name.startsWith('b/') ? name.slice(2) : undefined
}

/** The digest as a pattern that matches only itself, in both basic and extended regular expressions. */
export function literalPattern(text: string): string {
  return text.replace(/[^A-Za-z0-9:]/g, (c) => `[${c}]`)
}

async function shallowCommits(clone: string): Promise<Set<string>> {
  try {
    return new Set((await readFile(join(clone, '.git', 'shallow'), 'utf8')).split('\n').filter(Boolean))
  } catch {
    return new Set()
  }
}
