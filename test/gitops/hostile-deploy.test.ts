// The deploy step end to end (clone, patch, commit, push to a real git http-backend) against a deploy
// repository that commits a symlink to a file outside the clone: the link is skipped, never followed.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DeployError } from '../../src/gitops/errors.js'
import { silentLogger } from '../../src/net/logger.js'
import { deployDigest, type DeployOptions } from '../../src/steps/deploy.js'
import { startGitServer, type GitServer } from '../harness/git-server.js'
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js'

const IMAGE = '127.0.0.1:5000/team/app'
const DIGEST = `sha256:${'d'.repeat(64)}`
const MANIFEST = ['apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  containers:', '  - name: app', `    image: ${IMAGE}:1.0`, ''].join(
  '\n'
)
// No release tag, so the written tag goes: an old tag never stays beside the new digest.
const PINNED = MANIFEST.replace(`${IMAGE}:1.0`, `${IMAGE}@${DIGEST}`)

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8'
  })
}

describe('the deploy step against a deploy repository that commits a symlink out of the clone', () => {
  let dir: string
  let outside: string
  let server: GitServer
  let api: GitHubApi

  /** A repository on the test server whose files include symlinks; the harness writes regular files only, so push one. */
  async function hostileRepository(name: string, withApp: boolean): Promise<void> {
    await server.createRepository(name, { 'README.md': 'deploy\n' })
    api.addRepository(...(name.split('/') as [string, string]))
    const work = await mkdtemp(join(dir, 'work-'))
    await mkdir(join(work, 'k8s'))
    await writeFile(join(work, 'README.md'), 'deploy\n')
    if (withApp) await writeFile(join(work, 'k8s', 'app.yaml'), MANIFEST)
    await symlink(outside, join(work, 'k8s', 'evil.yaml'))
    git(work, ['init', '--quiet'])
    git(work, ['add', '.'])
    git(work, ['commit', '--quiet', '-m', 'hostile'])
    git(work, ['push', '--quiet', '--force', join(server.root, `${name}.git`), 'HEAD:main'])
  }

  const options = (repository: string, workDir: string): DeployOptions => ({
    repository,
    token: '',
    paths: [],
    mode: 'push',
    autoMerge: 'off',
    dryRun: false,
    image: IMAGE,
    digest: DIGEST,
    tags: [],
    serverUrl: server.url,
    apiUrl: api.url,
    source: {},
    verifyCommands: [],
    gitEnvironment: process.env,
    gitIdentityInEnvironment: false,
    workDir,
    logger: silentLogger
  })

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitops-hostile-deploy-'))
    outside = join(dir, 'outside.yaml')
    await writeFile(outside, MANIFEST)
    server = await startGitServer()
    api = await startGitHubApi()
  })
  after(async () => {
    await server.close()
    await api.close()
    await rm(dir, { recursive: true, force: true })
  })

  test('the regular file is pinned and pushed; the file outside is untouched and the link stays a link', async () => {
    await hostileRepository('gitops/hostile', true)
    const result = await deployDigest(options('gitops/hostile', await mkdtemp(join(dir, 'run-'))))
    assert.deepEqual(result.patchedFiles, ['k8s/app.yaml'])
    assert.equal(await readFile(outside, 'utf8'), MANIFEST)
    assert.equal((await server.readFile('gitops/hostile', 'main', 'k8s/app.yaml')).toString('utf8'), PINNED)
    const tree = await server.git('gitops/hostile', ['ls-tree', 'main', 'k8s/evil.yaml'])
    assert.match(tree, /^120000 blob /)
  })

  test('with only the link, nothing is found and the error names it as skipped', async () => {
    await hostileRepository('gitops/only-link', false)
    await assert.rejects(
      deployDigest(options('gitops/only-link', await mkdtemp(join(dir, 'run-')))),
      (error: unknown) => error instanceof DeployError && error.message.includes('k8s/evil.yaml (skipped: not a regular file (symlink))')
    )
    assert.equal(await readFile(outside, 'utf8'), MANIFEST)
  })
})
