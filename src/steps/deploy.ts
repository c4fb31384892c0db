// The deploy step: clone the deploy repository, pin the digest in every reference to the image,
// commit, and either push a branch and open or update its pull request, or push to the base.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DeployError } from '../gitops/errors.js'
import type { Logger } from '../net/logger.js'
import { backoffDelay, GIT_PUSH_RETRY, sleep } from '../net/retry.js'
import { familiarName, isValidDigest, parseReference, ReferenceError, type ImageReference } from '../oci/reference.js'
import { BOT_EMAIL, BOT_NAME, Git } from '../gitops/git.js'
import { GitHubApiError, GitHubClient, type MergeMethod, type PullRequest, type RepositoryInfo } from '../github/client.js'
import { findRollbackOf } from '../gitops/history.js'
import {
  commitMessage,
  commitSubject,
  previousDigestOf,
  pullRequestBody,
  releasedAtOf,
  type FileChange,
  type MessageContext
} from '../gitops/message.js'
import { nothingFoundError, patchTree, selectFiles, type TreePatch } from '../gitops/worktree.js'

export interface DeployOptions {
  repository: string
  token: string
  base?: string
  paths: string[]
  mode: 'pull-request' | 'push'
  branch?: string
  autoMerge: 'off' | 'merge' | 'squash' | 'rebase'
  dryRun: boolean
  image: string
  digest: string
  tags: string[]
  serverUrl: string
  apiUrl: string
  /** GraphQL (auto-merge); default, beside `apiUrl` as GitHub puts it. */
  graphqlUrl?: string
  source: { repository?: string; sha?: string; runUrl?: string }
  /** The environment git inherits. */
  gitEnvironment: Record<string, string | undefined>
  /** True when the environment already names git's author and committer. */
  gitIdentityInEnvironment: boolean
  verifyCommands: string[]
  workDir: string
  /** When this release started: a concurrent release that started later wins the pull-request branch. */
  startedAt?: Date
  /**
   * The clone preflight's check made (origin set, the base fetched): reused, so the deploy step
   * fetches only what changed since. Removed when the step ends, as a clone of its own would be.
   * Preflight also resolved the base, which comes in `base`.
   */
  clone?: string
  logger: Logger
}

export interface DeployResult {
  commit?: string
  branch?: string
  pullRequestNumber?: number
  pullRequestUrl?: string
  pullRequestOperation: 'created' | 'updated' | 'unchanged' | 'none'
  patchedFiles: string[]
  diff: string
  changes: FileChange[]
  /** Set when a newer release's change holds the branch: the commit that stands, which this run did not replace. */
  supersededBy?: string
  /** Set when auto-merge was asked for: `enabled`, or `not-allowed`/`failed` with a warning logged. */
  autoMerge?: 'enabled' | 'merged' | 'not-allowed' | 'failed'
  /**
   * The digest the deploy files pinned before this change (the first in file order when references
   * disagreed): the rollback target. Unset when no changed reference was pinned.
   */
  previousDigest?: string
  /** Set when this change rolls back: the most recent base commit that pinned the new digest before. */
  rollbackOf?: string
}

/** What this change replaces, worked out from the patch and the base's history. */
interface Lineage {
  previousDigest?: string
  rollbackOf?: string
}

/** How often push mode re-applies the edit after losing a race for the base branch. */
export const PUSH_ATTEMPTS = GIT_PUSH_RETRY.attempts
const WORK_BRANCH = 'digest-release-work'

interface Remote {
  url: string
  /** Set when the repository lives on the GitHub server, so its API can be used. */
  github?: { owner: string; repo: string }
}

/** What preflight's check leaves for the deploy step: the checked clone (origin set, the base fetched) and the base branch. */
export interface DeployCheck {
  clone: string
  base: string
}

/**
 * Preflight's check of the deploy repository, before anything is pushed: the token is accepted
 * (GitHub's answer named, and the permission it needs), it may write there when GitHub says, git
 * can read the repository with the same credentials, and the base branch has files that
 * `deploy-paths` selects and that reference the image: a deploy that could only fail must not
 * leave a pushed, tagged image behind it. Answers the clone it checked and the base it resolved,
 * for the deploy step to work on.
 */
export async function checkDeployAccess(
  options: Pick<
    DeployOptions,
    | 'repository'
    | 'token'
    | 'base'
    | 'paths'
    | 'image'
    | 'digest'
    | 'tags'
    | 'serverUrl'
    | 'apiUrl'
    | 'gitEnvironment'
    | 'workDir'
    | 'logger'
  >
): Promise<DeployCheck> {
  const remote = resolveRemote(options.repository, options.serverUrl)
  const target = parseImage(options.image)
  const need =
    'a token with `contents: write` and `pull-requests: write` on the deploy repository (a GitHub App installation token; `GITHUB_TOKEN` cannot push to another repository)'
  let defaultBranchFromApi: string | undefined
  if (remote.github) {
    const github = new GitHubClient(options.apiUrl, options.token, options.logger)
    let info: RepositoryInfo
    try {
      info = await github.getRepository(remote.github.owner, remote.github.repo)
    } catch (error) {
      if (error instanceof GitHubApiError && error.status !== undefined && error.status < 500) {
        throw new DeployError(
          `\`deploy-token\` cannot reach ${options.repository}: GitHub answered ${error.status} ${error.responseMessage || ''}. Give \`deploy-token\` ${need}`.replace(
            / {2,}/g,
            ' '
          )
        )
      }
      throw error
    }
    if (info.permissions && info.permissions.push === false) {
      throw new DeployError(`\`deploy-token\` can read ${options.repository} but not write to it. Give \`deploy-token\` ${need}`)
    }
    defaultBranchFromApi = info.defaultBranch
  }
  const scratch = await mkdtemp(join(options.workDir, 'deploy-'))
  try {
    const git = new Git({
      cwd: scratch,
      remoteUrl: remote.url,
      token: options.token,
      environment: options.gitEnvironment,
      logger: options.logger
    })
    const listed = await git.tryRun(['ls-remote', '--heads', remote.url])
    if (listed.exitCode !== 0) {
      throw new DeployError(
        `git cannot read ${remote.url} with \`deploy-token\`: ${git.redact(listed.stderr.trim().split('\n').pop() ?? '')}. Give \`deploy-token\` ${need}`
      )
    }
    await git.run(['init', '--quiet'])
    await git.run(['remote', 'add', 'origin', remote.url])
    const base = options.base || defaultBranchFromApi || (await defaultBranch(git, undefined, remote, options.logger))
    await checkoutBase(git, remote, base)
    // Only whether references are found matters here: the patch is computed, not written.
    await patchBase(git, scratch, target, options, base, false)
    return { clone: scratch, base }
  } catch (error) {
    await rm(scratch, { recursive: true, force: true })
    throw error
  }
}

export async function deployDigest(options: DeployOptions): Promise<DeployResult> {
  const target = parseImage(options.image)
  if (!isValidDigest(options.digest)) throw new DeployError(`"${options.digest}" is not a digest (expected sha256:<64 hex>)`)
  const remote = resolveRemote(options.repository, options.serverUrl)
  const github = remote.github ? new GitHubClient(options.apiUrl, options.token, options.logger, options.graphqlUrl) : undefined
  const clone = options.clone ?? (await mkdtemp(join(options.workDir, 'deploy-')))
  try {
    const git = new Git({
      cwd: clone,
      remoteUrl: remote.url,
      token: options.token,
      environment: options.gitEnvironment,
      logger: options.logger
    })
    if (!options.clone) {
      await git.run(['init', '--quiet'])
      await git.run(['remote', 'add', 'origin', remote.url])
    }
    const base = options.base || (await defaultBranch(git, github, remote, options.logger))
    const step = new DeployRun(options, target, remote, github, git, clone, base)
    return await (options.mode === 'push' ? step.pushToBase() : step.pullRequest())
  } finally {
    await rm(clone, { recursive: true, force: true })
  }
}

function parseImage(image: string): ImageReference {
  try {
    return parseReference(image)
  } catch (error) {
    if (error instanceof ReferenceError) throw new DeployError(`cannot deploy: ${error.message}`)
    throw error
  }
}

/** `owner/name` means the GitHub server; anything else is a git URL (or a path), used as given. */
export function resolveRemote(repository: string, serverUrl: string): Remote {
  const server = serverUrl.replace(/\/+$/, '')
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    const [owner, repo] = repository.replace(/\.git$/, '').split('/')
    return { url: `${server}/${owner}/${repo}.git`, github: { owner, repo } }
  }
  const onServer = repository.startsWith(`${server}/`)
    ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(repository.slice(server.length + 1))
    : null
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(repository))
    throw new DeployError('deploy-repository must not carry credentials in its URL; use deploy-token')
  return { url: repository, github: onServer ? { owner: onServer[1], repo: onServer[2] } : undefined }
}

async function defaultBranch(git: Git, github: GitHubClient | undefined, remote: Remote, logger: Logger): Promise<string> {
  if (github && remote.github) {
    try {
      return (await github.getRepository(remote.github.owner, remote.github.repo)).defaultBranch
    } catch (error) {
      logger.debug(`default branch from the API failed (${error instanceof Error ? error.message : String(error)}); asking the remote`)
    }
  }
  const output = await git.run(['ls-remote', '--symref', 'origin', 'HEAD'])
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output)
  if (!match) throw new DeployError(`cannot tell the default branch of ${remote.url}: set deploy-base`)
  return match[1]
}

/** `digest-release/<image slug>/<base>`: one branch per image and base, so each release reuses it. */
export function defaultBranchName(target: ImageReference, base: string): string {
  const slug = familiarName(target)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
  return `digest-release/${slug}/${base}`
}

/** Fetches the latest `base` and checks it out in the clone over whatever was there; answers its commit. */
async function checkoutBase(git: Git, remote: Remote, base: string): Promise<string> {
  const tracking = `refs/remotes/origin/${base}`
  const fetched = await git.tryRun(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', `+refs/heads/${base}:${tracking}`])
  if (fetched.exitCode !== 0) {
    throw new DeployError(`cannot fetch branch ${base} of ${remote.url}: ${fetched.stderr.trim()}`)
  }
  await git.run(['checkout', '--quiet', '--force', '-B', WORK_BRANCH, tracking])
  return (await git.run(['rev-parse', 'HEAD'])).trim()
}

/**
 * Pins the digest (beside the release's first tag) in every reference to `target` in the files
 * `paths` selects of the checked-out base; written to the clone only with `write`. Finding no
 * reference at all is a mistake, named with what was searched.
 */
async function patchBase(
  git: Git,
  clone: string,
  target: ImageReference,
  options: Pick<DeployOptions, 'image' | 'digest' | 'tags' | 'paths'>,
  base: string,
  write: boolean
): Promise<TreePatch> {
  const listed = (await git.run(['ls-files', '-z'])).split('\0').filter(Boolean)
  const files = selectFiles(listed, options.paths)
  const patch = await patchTree(clone, files, target, { digest: options.digest, tag: options.tags[0] }, write)
  if (patch.references === 0) throw nothingFoundError(options.image, patch, options.paths, { base, files: listed })
  return patch
}

type PushOutcome = 'pushed' | 'rejected'

class DeployRun {
  constructor(
    private readonly options: DeployOptions,
    private readonly target: ImageReference,
    private readonly remote: Remote,
    private readonly github: GitHubClient | undefined,
    private readonly git: Git,
    private readonly clone: string,
    private readonly base: string
  ) {}

  private get startedAt(): Date {
    return (this.options.startedAt ??= new Date())
  }

  private get logger(): Logger {
    return this.options.logger
  }

  /** Pull-request mode: rebuild the branch from the latest base each run, so there is one branch and one PR per image and base. */
  async pullRequest(): Promise<DeployResult> {
    const branch = this.options.branch || defaultBranchName(this.target, this.base)
    if ((await this.git.tryRun(['check-ref-format', `refs/heads/${branch}`])).exitCode !== 0)
      throw new DeployError(`"${branch}" is not a valid branch name (deploy-branch)`)
    for (let attempt = 1; ; attempt++) {
      const baseCommit = await this.checkoutBase()
      const patch = await this.patch()
      if (patch.changes.length === 0) {
        this.logger.info(`${this.base} already pins ${this.options.image} to ${this.options.digest} in every reference; nothing to do`)
        return { branch, pullRequestOperation: 'none', patchedFiles: [], diff: '', changes: [] }
      }
      const diff = await this.diff(patch)
      const lineage = await this.lineage(patch, baseCommit)
      const planned = { branch, patchedFiles: patch.patchedFiles, diff, changes: patch.changes, ...lineage }
      if (this.options.dryRun) return { ...planned, pullRequestOperation: 'none' }

      const commit = await this.commit(patch, lineage)
      const remoteCommit = await this.remoteBranch(branch)
      const upToDate = remoteCommit !== undefined && (await this.sameChange(remoteCommit, commit, baseCommit))
      if (!upToDate && remoteCommit && (await this.newerRelease(remoteCommit))) {
        // Two releases raced for the branch and the other one is newer: never replace it with older bytes.
        this.logger.warning(
          `branch ${branch} holds ${remoteCommit.slice(0, 12)} from a release that started after this one; this release does not replace it`
        )
        return { ...planned, commit: remoteCommit, supersededBy: remoteCommit, pullRequestOperation: 'none' }
      }
      if (!upToDate) {
        const outcome = await this.push(`HEAD:refs/heads/${branch}`, [`--force-with-lease=refs/heads/${branch}:${remoteCommit ?? ''}`])
        if (outcome === 'rejected') {
          if (attempt >= PUSH_ATTEMPTS) throw new DeployError(`branch ${branch} kept changing under us; gave up after ${attempt} attempts`)
          this.logger.info(`branch ${branch} changed while we rebuilt it; trying again`)
          await backoff(attempt)
          continue
        }
        this.logger.info(`pushed ${commit.slice(0, 12)} to ${branch}`)
      } else {
        this.logger.info(`${branch} already holds this change on the latest ${this.base}; not pushing`)
      }
      const result: DeployResult = { ...planned, commit: upToDate ? remoteCommit : commit, pullRequestOperation: 'none' }
      await this.openOrUpdatePullRequest(result, branch, patch.changes, lineage, upToDate)
      // A newer release may have replaced our push meanwhile: say so, and name the commit that stands.
      const standing = await this.remoteBranch(branch)
      if (standing && standing !== result.commit) {
        this.logger.warning(`branch ${branch} was replaced by ${standing.slice(0, 12)} from another release after this one pushed`)
        result.supersededBy = standing
        result.commit = standing
      }
      return result
    }
  }

  /** Push mode: commit on the base; when another push wins the race, re-apply the edit to the new base and retry. */
  async pushToBase(): Promise<DeployResult> {
    if (this.options.autoMerge !== 'off') this.logger.info('auto-merge applies to pull requests only; ignored in push mode')
    for (let attempt = 1; ; attempt++) {
      const baseCommit = await this.checkoutBase()
      const patch = await this.patch()
      if (patch.changes.length === 0) {
        this.logger.info(`${this.base} already pins ${this.options.image} to ${this.options.digest}; nothing to push`)
        return { branch: this.base, pullRequestOperation: 'none', patchedFiles: [], diff: '', changes: [] }
      }
      const diff = await this.diff(patch)
      const lineage = await this.lineage(patch, baseCommit)
      const planned = {
        branch: this.base,
        patchedFiles: patch.patchedFiles,
        diff,
        changes: patch.changes,
        pullRequestOperation: 'none' as const,
        ...lineage
      }
      if (this.options.dryRun) return planned
      const commit = await this.commit(patch, lineage)
      if ((await this.push(`HEAD:refs/heads/${this.base}`, [])) === 'pushed') {
        this.logger.info(`pushed ${commit.slice(0, 12)} to ${this.base}`)
        return { ...planned, commit }
      }
      if (attempt >= PUSH_ATTEMPTS) throw new DeployError(`${this.base} kept moving while we pushed; gave up after ${attempt} attempts`)
      this.logger.info(`${this.base} moved on the remote (attempt ${attempt}); re-applying the edit to the new ${this.base}`)
      await backoff(attempt)
    }
  }

  /** Fetches the latest base and checks it out over whatever the last attempt left. */
  private checkoutBase(): Promise<string> {
    return checkoutBase(this.git, this.remote, this.base)
  }

  private async patch(): Promise<TreePatch> {
    const patch = await patchBase(this.git, this.clone, this.target, this.options, this.base, true)
    for (const skipped of patch.skipped) this.logger.info(`skipped ${skipped.file}: ${skipped.reason}`)
    for (const change of patch.changes)
      this.logger.info(`${change.file}:${change.line}: ${change.from || '(none)'} -> ${change.to || '(none)'}`)
    return patch
  }

  private async diff(patch: TreePatch): Promise<string> {
    return this.git.run(['-c', 'core.quotepath=off', 'diff', '--no-color', '--no-ext-diff', '--', ...patch.patchedFiles])
  }

  /** The digest the files pinned before, and the base commit that pinned the new digest before when this is a rollback. */
  private async lineage(patch: TreePatch, baseCommit: string): Promise<Lineage> {
    const lineage: Lineage = {}
    const previousDigest = previousDigestOf(patch.changes)
    if (previousDigest) lineage.previousDigest = previousDigest
    const rollbackOf = await findRollbackOf({
      git: this.git,
      clone: this.clone,
      baseCommit,
      digest: this.options.digest,
      isDeployFile: (file) => selectFiles([file], this.options.paths).length > 0,
      onUnavailable: (reason) => this.logger.info(`cannot tell whether this is a rollback: ${reason}`)
    })
    if (rollbackOf) {
      lineage.rollbackOf = rollbackOf
      this.logger.info(
        `rolling back ${this.options.image} to ${this.options.digest}, first pinned on ${this.base} by ${rollbackOf.slice(0, 12)}` +
          (previousDigest ? ` (was ${previousDigest})` : '')
      )
    }
    return lineage
  }

  private messageContext(changes: FileChange[], lineage: Lineage): MessageContext {
    const { image, digest, tags, source, serverUrl, verifyCommands } = this.options
    return {
      image,
      digest,
      tags,
      base: this.base,
      changes,
      source,
      serverUrl,
      verifyCommands,
      releasedAt: this.startedAt.toISOString(),
      ...lineage
    }
  }

  private async commit(patch: TreePatch, lineage: Lineage): Promise<string> {
    await this.git.run(['add', '--', ...patch.patchedFiles])
    const messageFile = join(this.clone, '.git', 'DIGEST_RELEASE_MSG')
    await writeFile(messageFile, commitMessage(this.messageContext(patch.changes, lineage)))
    const identity = (await this.hasIdentity()) ? [] : ['-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`]
    await this.git.run([...identity, 'commit', '--quiet', '--no-verify', '-F', messageFile])
    return (await this.git.run(['rev-parse', 'HEAD'])).trim()
  }

  private async hasIdentity(): Promise<boolean> {
    if (this.options.gitIdentityInEnvironment) return true
    const name = await this.git.tryRun(['config', 'user.name'])
    const email = await this.git.tryRun(['config', 'user.email'])
    return name.exitCode === 0 && email.exitCode === 0
  }

  private async remoteBranch(branch: string): Promise<string | undefined> {
    const output = await this.git.run(['ls-remote', 'origin', `refs/heads/${branch}`])
    return /^([0-9a-f]{40,64})\t/m.exec(output)?.[1]
  }

  /** True when the remote branch already is this change on this base: same tree, same parent. */
  private async sameChange(remoteCommit: string, commit: string, baseCommit: string): Promise<boolean> {
    await this.git.run(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', remoteCommit])
    // `cat-file` shows the parent even in a shallow clone, where it is grafted away.
    const header = (raw: string, field: string): string[] => [...raw.matchAll(new RegExp(`^${field} ([0-9a-f]+)$`, 'gm'))].map((m) => m[1])
    const theirs = await this.git.run(['cat-file', 'commit', remoteCommit])
    const ours = await this.git.run(['cat-file', 'commit', commit])
    const parents = header(theirs, 'parent')
    return header(theirs, 'tree')[0] === header(ours, 'tree')[0] && parents.length === 1 && parents[0] === baseCommit
  }

  /** True when `remoteCommit` carries a release time later than this release's start. */
  private async newerRelease(remoteCommit: string): Promise<boolean> {
    const theirs = releasedAtOf(await this.git.run(['cat-file', 'commit', remoteCommit]))
    return theirs !== undefined && theirs.getTime() > this.startedAt.getTime()
  }

  /** Pushes `refspec`; a rejection because the remote moved is an answer, any other failure an error. */
  private async push(refspec: string, flags: string[]): Promise<PushOutcome> {
    const result = await this.git.tryRun(['push', '--porcelain', '--quiet', ...flags, 'origin', refspec])
    if (result.exitCode === 0) return 'pushed'
    const report = `${result.stdout}\n${result.stderr}`
    // non-fast-forward / fetch first / stale info: someone pushed first; failed to update ref / cannot lock: we raced on the server.
    if (/\[rejected\]|stale info|non-fast-forward|fetch first|failed to update ref|cannot lock ref|incorrect old value/i.test(report))
      return 'rejected'
    throw new DeployError(`git push to ${this.remote.url} failed: ${this.git.redact(report.trim())}`)
  }

  private async openOrUpdatePullRequest(
    result: DeployResult,
    branch: string,
    changes: FileChange[],
    lineage: Lineage,
    upToDate: boolean
  ): Promise<void> {
    if (!this.github || !this.remote.github) {
      this.logger.warning(
        `${this.remote.url} is not a repository on ${this.options.serverUrl}; pushed ${branch} but cannot open a pull request`
      )
      return
    }
    const { owner, repo } = this.remote.github
    const context = this.messageContext(changes, lineage)
    const title = commitSubject(context)
    const body = pullRequestBody(context)
    let pull = await this.github.findOpenPullRequest(owner, repo, branch, this.base)
    if (pull && upToDate) {
      result.pullRequestOperation = 'unchanged'
    } else if (pull) {
      pull = await this.github.updatePullRequest(owner, repo, pull.number, { title, body })
      result.pullRequestOperation = 'updated'
    } else {
      try {
        pull = await this.github.createPullRequest(owner, repo, { branch, base: this.base, title, body })
        result.pullRequestOperation = 'created'
      } catch (error) {
        // Another run opened it between our lookup and our create.
        const existing =
          error instanceof GitHubApiError && error.status === 422
            ? await this.github.findOpenPullRequest(owner, repo, branch, this.base)
            : undefined
        if (!existing) throw error
        pull = await this.github.updatePullRequest(owner, repo, existing.number, { title, body })
        result.pullRequestOperation = 'updated'
      }
    }
    result.pullRequestNumber = pull.number
    result.pullRequestUrl = pull.url
    this.logger.info(`pull request #${pull.number} ${result.pullRequestOperation}: ${pull.url}`)
    if (this.options.autoMerge !== 'off') result.autoMerge = await this.enableAutoMerge(pull, this.options.autoMerge)
  }

  private async enableAutoMerge(pull: PullRequest, method: MergeMethod): Promise<DeployResult['autoMerge']> {
    try {
      await this.github!.enableAutoMerge(pull.nodeId, method)
      this.logger.info(`auto-merge (${method}) enabled on #${pull.number}`)
      return 'enabled'
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (/clean status/i.test(message) && this.remote.github) {
        // Nothing is required to pass on the deploy repository, so GitHub has nothing to wait for: merge now.
        try {
          await this.github!.mergePullRequest(this.remote.github.owner, this.remote.github.repo, pull.number, method)
          this.logger.info(
            `${this.options.repository} requires no checks, so there was nothing to auto-merge after: merged #${pull.number} (${method})`
          )
          return 'merged'
        } catch (mergeError) {
          this.logger.warning(
            `${this.options.repository} requires no checks, so GitHub cannot queue auto-merge on #${pull.number}, and merging it directly failed: ${(mergeError as Error).message}`
          )
          return 'failed'
        }
      }
      if (/auto.?merge is not allowed|not enabled for this repository|allow_auto_merge|auto.?merge.*disabled/i.test(message)) {
        this.logger.warning(
          `auto-merge was not enabled on #${pull.number}: ${this.options.repository} does not allow auto-merge. ` +
            'Turn on "Allow auto-merge" in the repository settings, or set auto-merge: off.'
        )
        return 'not-allowed'
      }
      this.logger.warning(`auto-merge was not enabled on #${pull.number}: ${message}`)
      return 'failed'
    }
  }
}

async function backoff(attempt: number): Promise<void> {
  // Jitter keeps two racing releases from retrying in lockstep.
  await sleep(backoffDelay(GIT_PUSH_RETRY, attempt - 1))
}
