// The deploy step end to end: real git over smart HTTP (git http-backend on loopback) and a
// GitHub REST/GraphQL stand-in whose requests are checked against GitHub's OpenAPI description.
import { beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { deployDigest, type DeployOptions, type DeployResult } from '../../src/steps/deploy.js'
import { DeployError } from '../../src/gitops/errors.js'
import type { Logger } from '../../src/net/logger.js'
import { startGitServer } from '../harness/git-server.js'
import { startGitHubApi } from '../harness/github-api.js'
import { testScope } from '../harness/scope.js'

const TOKEN = 'ghs_testtoken0123456789abcdefABCDEF'
const IMAGE = '127.0.0.1:5000/team/app'
const OTHER = '127.0.0.1:5000/team/worker'
const DIGEST_1 = `sha256:${'1'.repeat(64)}`
const DIGEST_2 = `sha256:${'2'.repeat(64)}`
const BRANCH = 'digest-release/127.0.0.1-5000-team-app/production'

const DEPLOYMENT = `# app deployment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: "${IMAGE}:1.0"   # runs first
      containers:
        - name: app
          image: ${IMAGE}:1.0

        - name: canary-sidecar
          image: ${IMAGE}-canary:1.0
        - name: worker
          image: ${OTHER}:3.1
`
const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ${IMAGE}
    newTag: "1.0"
  - name: ${OTHER}
    newTag: "3.1"
`

interface Recorded extends Logger {
  messages: string[]
}
function recordingLogger(): Recorded {
  const messages: string[] = []
  return {
    messages,
    info: (m) => messages.push(`info: ${m}`),
    warning: (m) => messages.push(`warning: ${m}`),
    debug: (m) => messages.push(`debug: ${m}`)
  }
}

describe('deployDigest against a git server and the GitHub API', () => {
  const scope = testScope()
  const git = scope.server(() => startGitServer({ token: TOKEN }))
  const api = scope.server(() => startGitHubApi({ token: TOKEN }))
  const workDir = scope.tempDir('deploy-test-')
  let repoCount = 0
  let repo: string

  beforeEach(async () => {
    // A fresh deploy repository per test, whose default branch is not `main`, to prove the API is asked.
    repo = `team/deploy${++repoCount}`
    const [owner, name] = repo.split('/')
    api.addRepository(owner, name, { defaultBranch: 'production' })
    await git.createRepository(
      repo,
      { 'apps/app/deployment.yaml': DEPLOYMENT, 'apps/app/kustomization.yaml': KUSTOMIZATION, 'README.md': `image: ${IMAGE}\n` },
      { branch: 'production' }
    )
  })

  function options(overrides: Partial<DeployOptions> = {}): DeployOptions {
    return {
      repository: repo,
      token: TOKEN,
      paths: ['**/*.yaml', '**/*.yml'],
      mode: 'pull-request',
      autoMerge: 'off',
      dryRun: false,
      image: IMAGE,
      digest: DIGEST_1,
      tags: ['1.1'],
      serverUrl: git.url,
      apiUrl: api.url,
      source: {
        repository: 'team/app',
        sha: 'abcdef0123456789abcdef0123456789abcdef01',
        runUrl: 'https://github.test/team/app/actions/runs/42'
      },
      verifyCommands: [`cosign verify ${IMAGE}@${DIGEST_1}`],
      gitEnvironment: process.env,
      gitIdentityInEnvironment: false,
      workDir,
      logger: recordingLogger(),
      ...overrides
    }
  }

  const head = async (ref: string): Promise<string> => (await git.git(repo, ['rev-parse', ref])).trim()
  const fileAt = async (ref: string, path: string): Promise<string> => (await git.readFile(repo, ref, path)).toString('utf8')

  test('pull-request mode: pins every reference on a fresh branch and opens one PR that names everything', async () => {
    const logger = recordingLogger()
    const baseBefore = await head('production')
    const result = await deployDigest(options({ logger }))

    assert.equal(result.pullRequestOperation, 'created')
    assert.equal(result.branch, BRANCH)
    assert.equal(result.commit, await head(BRANCH))
    assert.deepEqual(result.patchedFiles, ['apps/app/deployment.yaml', 'apps/app/kustomization.yaml'])
    assert.equal(await head('production'), baseBefore, 'the base is not touched in pull-request mode')
    assert.equal((await git.git(repo, ['rev-parse', `${BRANCH}^`])).trim(), baseBefore)

    const deployment = await fileAt(BRANCH, 'apps/app/deployment.yaml')
    assert.equal(
      deployment,
      DEPLOYMENT.replace(`"${IMAGE}:1.0"`, `"${IMAGE}:1.1@${DIGEST_1}"`).replace(
        `image: ${IMAGE}:1.0\n`,
        `image: ${IMAGE}:1.1@${DIGEST_1}\n`
      )
    )
    const kustomization = await fileAt(BRANCH, 'apps/app/kustomization.yaml')
    assert.equal(kustomization, KUSTOMIZATION.replace(`    newTag: "1.0"\n`, `    newTag: "1.1"\n    digest: ${DIGEST_1}\n`))
    assert.equal(await fileAt(BRANCH, 'README.md'), `image: ${IMAGE}\n`)
    assert.deepEqual(
      result.changes.map((c) => `${c.file}:${c.line}`),
      ['apps/app/deployment.yaml:11', 'apps/app/deployment.yaml:14', 'apps/app/kustomization.yaml:6', 'apps/app/kustomization.yaml:7']
    )
    assert.match(result.diff, /^- {10}image: 127\.0\.0\.1:5000\/team\/app:1\.0$/m)
    assert.match(result.diff, /^\+ {10}image: 127\.0\.0\.1:5000\/team\/app:1\.1@sha256:1{64}$/m)

    const message = await git.git(repo, ['log', '-1', '--format=%B', BRANCH])
    assert.match(message, /^chore\(deploy\): pin 127\.0\.0\.1:5000\/team\/app to sha256:111111111111\n/)
    assert.match(message, /Source: team\/app@abcdef0123456789abcdef0123456789abcdef01/)

    const pulls = api.repository('team', repo.split('/')[1]).pulls
    assert.equal(pulls.length, 1)
    const [pull] = pulls
    assert.equal(result.pullRequestNumber, pull.number)
    assert.equal(result.pullRequestUrl, `http://github.test/${repo}/pull/${pull.number}`)
    assert.equal(pull.head, BRANCH)
    assert.equal(pull.base, 'production')
    assert.equal(pull.title, 'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:111111111111')
    assert.match(
      pull.body,
      /`apps\/app\/deployment\.yaml` \| 14 \| `127\.0\.0\.1:5000\/team\/app:1\.0` \| `127\.0\.0\.1:5000\/team\/app:1\.1@sha256:1{64}`/
    )
    assert.match(pull.body, /\*\*Tags:\*\* `1\.1`/)
    assert.match(pull.body, /team\/app.*abcdef012345.*\/team\/app\/commit\/abcdef0123456789abcdef0123456789abcdef01/)
    assert.match(pull.body, /actions\/runs\/42/)
    assert.match(pull.body, /cosign verify 127\.0\.0\.1:5000\/team\/app@sha256:1{64}/)
    assert.deepEqual(api.violations, [])
    assert.ok(
      api.requests.some((r) => r.operationId === 'repos/get'),
      'the default branch came from the REST API'
    )

    // The token went to git as a header on every request, and nowhere else.
    const ours = git.requests.filter((r) => r.url.includes(repo))
    assert.ok(ours.some((r) => r.service === 'git-receive-pack'))
    for (const request of ours) {
      assert.ok(request.authorization, `${request.method} ${request.url} carried the token`)
      assert.ok(!request.url.includes(TOKEN))
    }
    assert.ok(!logger.messages.join('\n').includes(TOKEN))
    assert.ok(!logger.messages.join('\n').includes(Buffer.from(`x-access-token:${TOKEN}`).toString('base64')))
  })

  test('idempotence: a second run with the same digest pushes nothing and opens no second PR', async () => {
    const first = await deployDigest(options())
    const requestsBefore = api.requests.length
    const pushesBefore = git.requests.filter((r) => r.method === 'POST' && r.service === 'git-receive-pack').length
    const second = await deployDigest(
      options({ source: { repository: 'team/app', sha: 'f'.repeat(40), runUrl: 'https://github.test/runs/43' } })
    )

    assert.equal(second.pullRequestOperation, 'unchanged')
    assert.equal(second.commit, first.commit)
    assert.equal(second.pullRequestNumber, first.pullRequestNumber)
    assert.equal(await head(BRANCH), first.commit)
    assert.equal(git.requests.filter((r) => r.method === 'POST' && r.service === 'git-receive-pack').length, pushesBefore, 'no push')
    const later = api.requests.slice(requestsBefore)
    assert.deepEqual(
      later.filter((r) => r.method !== 'GET'),
      [],
      'no PR created or edited'
    )
    assert.equal(api.repository('team', repo.split('/')[1]).pulls.length, 1)
  })

  test('a new digest updates the same branch and the same PR; a moved base rebuilds the branch on it', async () => {
    const first = await deployDigest(options())
    await git.commitFiles(repo, 'production', { 'apps/unrelated.txt': 'someone else\n' }, 'unrelated change')
    const newBase = await head('production')

    const rebuilt = await deployDigest(options())
    assert.equal(rebuilt.pullRequestOperation, 'updated', 'same change, new base: the branch is rebuilt and force-pushed')
    assert.notEqual(rebuilt.commit, first.commit)
    assert.equal((await git.git(repo, ['rev-parse', `${BRANCH}^`])).trim(), newBase)

    const next = await deployDigest(options({ digest: DIGEST_2, tags: ['1.2'] }))
    assert.equal(next.pullRequestOperation, 'updated')
    assert.equal(next.pullRequestNumber, first.pullRequestNumber)
    assert.match(
      await fileAt(BRANCH, 'apps/app/deployment.yaml'),
      new RegExp(`image: ${IMAGE.replace(/\./g, '\\.')}:1\\.2@sha256:2{64}\\n`)
    )
    assert.equal(
      (await git.git(repo, ['rev-list', '--count', `production..${BRANCH}`])).trim(),
      '1',
      'one commit on top of the base, not a pile'
    )
    const pulls = api.repository('team', repo.split('/')[1]).pulls
    assert.equal(pulls.length, 1)
    assert.equal(pulls[0].title, 'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:222222222222')
    assert.deepEqual(api.violations, [])
  })

  test('pull-request mode race: an older release never replaces the change a newer one pushed, and reports the commit that stands', async () => {
    const newer = await deployDigest(options({ digest: DIGEST_2, tags: ['1.2'], startedAt: new Date(Date.now()) }))
    assert.equal(newer.pullRequestOperation, 'created')
    assert.match(await git.git(repo, ['log', '-1', '--format=%B', BRANCH]), /^Released-At: \S+$/m)

    // The older release (it started a minute earlier) reaches the branch last.
    const older = await deployDigest(options({ startedAt: new Date(Date.now() - 60_000) }))
    assert.equal(older.supersededBy, newer.commit, 'it names the commit that stands')
    assert.equal(older.commit, newer.commit)
    assert.equal(older.pullRequestOperation, 'none', 'it claims no pull request operation')
    assert.equal(await head(BRANCH), newer.commit, 'the newer change still holds the branch')
    assert.match(await fileAt(BRANCH, 'apps/app/deployment.yaml'), /sha256:2{64}/)
    const pulls = api.repository('team', repo.split('/')[1]).pulls
    assert.equal(pulls.length, 1)
    assert.equal(
      pulls[0].title,
      'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:222222222222',
      'the pull request still describes the newer release'
    )

    // A release that starts later (a rollback, say) does replace it.
    const rollback = await deployDigest(options({ startedAt: new Date(Date.now() + 1_000) }))
    assert.equal(rollback.supersededBy, undefined)
    assert.equal(rollback.pullRequestOperation, 'updated')
    assert.match(await fileAt(BRANCH, 'apps/app/deployment.yaml'), /sha256:1{64}/)
  })

  test('dry-run prints the diff and writes nothing', async () => {
    const refsBefore = await git.git(repo, ['for-each-ref'])
    const result = await deployDigest(options({ dryRun: true }))
    assert.equal(result.pullRequestOperation, 'none')
    assert.equal(result.commit, undefined)
    assert.match(result.diff, /^diff --git a\/apps\/app\/deployment\.yaml b\/apps\/app\/deployment\.yaml$/m)
    assert.match(result.diff, /^\+ {4}digest: sha256:1{64}$/m)
    assert.equal(await git.git(repo, ['for-each-ref']), refsBefore)
    const ours = api.requests.filter((r) => r.path === `/repos/${repo}` || r.path.startsWith(`/repos/${repo}/`))
    assert.ok(ours.length > 0)
    assert.deepEqual(
      ours.filter((r) => r.method !== 'GET'),
      []
    )
  })

  test('zero matches fails and lists the files searched', async () => {
    await assert.rejects(deployDigest(options({ image: '127.0.0.1:5000/team/ap' })), (error: unknown) => {
      assert.ok(error instanceof DeployError)
      assert.match(
        error.message,
        /no reference to 127\.0\.0\.1:5000\/team\/ap found in 2 file\(s\) searched: apps\/app\/deployment\.yaml, apps\/app\/kustomization\.yaml/
      )
      return true
    })
    await assert.rejects(
      deployDigest(options({ paths: ['k8s/**/*.yaml'] })),
      /no file on branch \S+ of the deploy repository matches deploy-paths \("k8s\/\*\*\/\*\.yaml"\); its YAML files include apps\/app\/deployment\.yaml, /
    )
  })

  test('auto-merge is enabled through GraphQL, and a repository that does not allow it is reported clearly', async () => {
    const result = await deployDigest(options({ autoMerge: 'squash' }))
    assert.equal(result.autoMerge, 'enabled')
    const pulls = api.repository('team', repo.split('/')[1]).pulls
    assert.equal(pulls[0].autoMerge, 'SQUASH')

    const [owner, name] = repo.split('/')
    api.addRepository(owner, name, { defaultBranch: 'production', allowAutoMerge: false })
    const logger = recordingLogger()
    const refused = await deployDigest(options({ autoMerge: 'merge', logger }))
    assert.equal(refused.pullRequestOperation, 'created')
    assert.equal(refused.autoMerge, 'not-allowed')
    assert.ok(
      logger.messages.some((m) =>
        /^warning: auto-merge was not enabled on #\d+: team\/deploy\d+ does not allow auto-merge.*Allow auto-merge/.test(m)
      ),
      logger.messages.join('\n')
    )
    assert.ok(api.requests.some((r) => r.path === '/graphql'))
  })

  test('a deploy repository with no required checks: GitHub cannot queue auto-merge, so the pull request is merged directly, and the log says why', async () => {
    const [owner, name] = repo.split('/')
    api.addRepository(owner, name, { defaultBranch: 'production' }).requiredChecks = false
    const logger = recordingLogger()
    const result = await deployDigest(options({ autoMerge: 'squash', logger }))
    assert.equal(result.pullRequestOperation, 'created')
    assert.equal(result.autoMerge, 'merged')
    const pull = api.repository(owner, name).pulls[0]
    assert.equal(pull.state, 'closed')
    assert.equal(pull.merged, 'squash')
    assert.ok(
      logger.messages.some((m) => /requires no checks, so there was nothing to auto-merge after: merged #\d+ \(squash\)/.test(m)),
      logger.messages.join('\n')
    )
    assert.deepEqual(api.violations, [])
  })

  test('push mode commits on the base', async () => {
    const result = await deployDigest(options({ mode: 'push', base: 'production' }))
    assert.equal(result.pullRequestOperation, 'none')
    assert.equal(result.branch, 'production')
    assert.equal(result.commit, await head('production'))
    assert.match(await fileAt('production', 'apps/app/deployment.yaml'), /app:1\.1@sha256:1{64}/)
    const again = await deployDigest(options({ mode: 'push', base: 'production' }))
    assert.equal(again.commit, undefined, 'already pinned: no second commit')
    assert.equal(await head('production'), result.commit)
  })

  test('without a release tag, every written tag goes: no old tag stays beside the new digest', async () => {
    const result = await deployDigest(options({ tags: [] }))
    assert.deepEqual(result.patchedFiles, ['apps/app/deployment.yaml', 'apps/app/kustomization.yaml'])
    assert.equal(
      await fileAt(BRANCH, 'apps/app/deployment.yaml'),
      DEPLOYMENT.replace(`"${IMAGE}:1.0"`, `"${IMAGE}@${DIGEST_1}"`).replace(`image: ${IMAGE}:1.0\n`, `image: ${IMAGE}@${DIGEST_1}\n`)
    )
    // kustomize renders name@digest from an entry with a digest and no newTag, whatever tag the base had.
    assert.equal(
      await fileAt(BRANCH, 'apps/app/kustomization.yaml'),
      KUSTOMIZATION.replace(`    newTag: "1.0"\n`, `    digest: ${DIGEST_1}\n`)
    )
    assert.deepEqual(
      result.changes.map((c) => `${c.file}:${c.line}: ${c.from} -> ${c.to}`),
      [
        `apps/app/deployment.yaml:11: ${IMAGE}:1.0 -> ${IMAGE}@${DIGEST_1}`,
        `apps/app/deployment.yaml:14: ${IMAGE}:1.0 -> ${IMAGE}@${DIGEST_1}`,
        `apps/app/kustomization.yaml:6:  -> ${DIGEST_1}`,
        'apps/app/kustomization.yaml:7: 1.0 -> '
      ]
    )
    assert.match(result.diff, /^\+ {10}image: 127\.0\.0\.1:5000\/team\/app@sha256:1{64}$/m)
    assert.match(result.diff, /^- {4}newTag: "1\.0"$/m)
    const [pull] = api.repository('team', repo.split('/')[1]).pulls
    assert.ok(pull.body.includes('| `apps/app/kustomization.yaml` | 7 | `1.0` | (none) |'), pull.body)
    assert.match(pull.body, /\*\*Tags:\*\* \(none\)/)
  })

  test('push mode race: a run that loses the race re-applies its edit to the new base and lands', async () => {
    // Run B lands completely while run A is in the middle of pushing.
    let interleaved = false
    const racing = await startGitServer({
      onRequest: async ({ method, service, url }) => {
        if (interleaved || method !== 'POST' || service !== 'git-receive-pack' || !url.includes('race')) return
        interleaved = true
        await deployDigest(
          options({
            repository: `${racing.url}/team/race.git`,
            token: '',
            mode: 'push',
            base: 'main',
            image: OTHER,
            digest: DIGEST_2,
            tags: []
          })
        )
      }
    })
    try {
      await racing.createRepository('team/race', { 'apps/app/deployment.yaml': DEPLOYMENT })
      const logger = recordingLogger()
      const a = await deployDigest(
        options({ repository: `${racing.url}/team/race.git`, token: '', mode: 'push', base: 'main', logger, serverUrl: git.url })
      )
      assert.ok(interleaved)
      assert.ok(
        logger.messages.some((m) => /main moved on the remote \(attempt 1\)/.test(m)),
        logger.messages.join('\n')
      )
      const final = (await racing.readFile('team/race', 'main', 'apps/app/deployment.yaml')).toString()
      assert.match(final, new RegExp(`image: ${OTHER.replace(/\./g, '\\.')}@sha256:2{64}\\n`), 'B landed, without a release tag: 3.1 went')
      assert.match(final, new RegExp(`image: ${IMAGE.replace(/\./g, '\\.')}:1\\.1@sha256:1{64}\\n`), 'A landed on top of B')
      assert.equal(a.commit, (await racing.git('team/race', ['rev-parse', 'main'])).trim())
      assert.equal((await racing.git('team/race', ['rev-list', '--count', 'main'])).trim(), '3')
    } finally {
      await racing.close()
    }
  })

  test('push mode race: concurrent runs for different images of one file all land', async () => {
    const images = ['app', 'worker', 'api', 'web'].map((n) => `127.0.0.1:5000/team/${n}`)
    const manifest = `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n${images.map((image) => `        - image: ${image}:1.0 # ${image}\n`).join('')}`
    await git.commitFiles(repo, 'production', { 'apps/all.yaml': manifest })
    const digests = images.map((_, i) => `sha256:${String(i + 3).repeat(64)}`)
    const results = await Promise.all(
      images.map((image, i) => deployDigest(options({ mode: 'push', image, digest: digests[i], tags: [], paths: ['apps/all.yaml'] })))
    )
    const final = await fileAt('production', 'apps/all.yaml')
    assert.equal(
      final,
      images.reduce((text, image, i) => text.replace(`${image}:1.0 #`, `${image}@${digests[i]} #`), manifest)
    )
    assert.equal(new Set(results.map((r) => r.commit)).size, images.length)
  })

  // v1, then v2, then v1 again: the second run names v1 as the rollback target, the third is a rollback to the commit that pinned v1.
  const V1 = { digest: DIGEST_1, tags: ['1.1'] }
  const V2 = { digest: DIGEST_2, tags: ['1.2'] }
  const ROLLBACK_SUBJECT = 'chore(deploy): roll back 127.0.0.1:5000/team/app to sha256:111111111111 (was sha256:222222222222)'

  test('push mode: a later release names the digest it replaced, and pinning an earlier digest again is a rollback to the commit that pinned it', async () => {
    const push = (v: typeof V1, logger = recordingLogger()): Promise<DeployResult> =>
      deployDigest(options({ mode: 'push', base: 'production', logger, ...v }))
    const first = await push(V1)
    assert.equal(first.previousDigest, undefined, 'nothing was pinned before')
    assert.equal(first.rollbackOf, undefined)
    assert.match(await git.git(repo, ['log', '-1', '--format=%s', 'production']), /^chore\(deploy\): pin /)

    // Unrelated commits in between: the history search reaches past them.
    await git.commitFiles(repo, 'production', { 'apps/unrelated.txt': 'someone else\n' }, 'unrelated change')
    const second = await push(V2)
    assert.equal(second.previousDigest, DIGEST_1)
    assert.equal(second.rollbackOf, undefined, 'v2 was never pinned before')
    assert.equal(
      (await git.git(repo, ['log', '-1', '--format=%s', 'production'])).trim(),
      'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:222222222222'
    )

    const logger = recordingLogger()
    const third = await push(V1, logger)
    assert.equal(third.previousDigest, DIGEST_2)
    assert.equal(third.rollbackOf, first.commit, 'the commit that pinned v1 first')
    assert.equal(third.commit, await head('production'))
    const message = await git.git(repo, ['log', '-1', '--format=%B', 'production'])
    assert.equal(message.split('\n')[0], ROLLBACK_SUBJECT)
    assert.ok(message.includes(`Rolls back to the digest first pinned by ${first.commit}.`), message)
    assert.ok(
      logger.messages.some((m) => m.includes(`first pinned on production by ${first.commit!.slice(0, 12)}`)),
      logger.messages.join('\n')
    )
    assert.match(await fileAt('production', 'apps/app/deployment.yaml'), /app:1\.1@sha256:1{64}/)

    // v2 again: a rollback to the second commit (the most recent pin of v2), not to anything older.
    const fourth = await push(V2)
    assert.equal(fourth.previousDigest, DIGEST_1)
    assert.equal(fourth.rollbackOf, second.commit)
  })

  test('pull-request mode: the rollback shows in the PR title and body once earlier pins were merged', async () => {
    const [owner, name] = repo.split('/')
    const merge = async (): Promise<void> => {
      // Merge the PR branch into the base: fast-forward the base to the branch head, as a merge would.
      await git.git(repo, ['update-ref', 'refs/heads/production', (await head(BRANCH)).trim()])
    }
    const first = await deployDigest(options(V1))
    assert.equal(first.pullRequestOperation, 'created')
    assert.equal(first.previousDigest, undefined)
    assert.equal(first.rollbackOf, undefined)
    await merge()

    const second = await deployDigest(options(V2))
    assert.equal(second.previousDigest, DIGEST_1)
    assert.equal(second.rollbackOf, undefined)
    assert.equal(api.repository(owner, name).pulls.at(-1)!.title, 'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:222222222222')
    assert.doesNotMatch(api.repository(owner, name).pulls.at(-1)!.body, /Rolls back/)
    await merge()

    const third = await deployDigest(options(V1))
    assert.equal(third.previousDigest, DIGEST_2)
    assert.equal(third.rollbackOf, first.commit, 'the commit that pinned v1 first')
    assert.equal(third.commit, await head(BRANCH))
    assert.equal((await git.git(repo, ['log', '-1', '--format=%s', BRANCH])).trim(), ROLLBACK_SUBJECT)
    assert.match(
      await git.git(repo, ['log', '-1', '--format=%B', BRANCH]),
      new RegExp(`Rolls back to the digest first pinned by ${first.commit}\\.`)
    )
    const pull = api.repository(owner, name).pulls.find((p) => p.number === third.pullRequestNumber)!
    assert.equal(pull.title, ROLLBACK_SUBJECT)
    assert.ok(pull.body.includes(`Rolls back to the digest first pinned by ${first.commit}.`), pull.body)
    assert.deepEqual(api.violations, [])

    // Dry-run tells the same story without writing.
    await merge()
    const refsBefore = await git.git(repo, ['for-each-ref'])
    const planned = await deployDigest(options({ ...V2, dryRun: true }))
    assert.equal(planned.previousDigest, DIGEST_1)
    assert.equal(planned.rollbackOf, second.commit)
    assert.equal(await git.git(repo, ['for-each-ref']), refsBefore)
  })

  test('a digest named before only outside deploy-paths is no rollback', async () => {
    await git.commitFiles(repo, 'production', { 'docs/releases.md': `released ${IMAGE}@${DIGEST_2}\n` }, 'release notes')
    const result = await deployDigest(options({ mode: 'push', base: 'production', ...V2 }))
    assert.equal(result.rollbackOf, undefined, 'docs/releases.md is not a deploy file')
    assert.equal(result.previousDigest, undefined)
    assert.match(await git.git(repo, ['log', '-1', '--format=%s', 'production']), /^chore\(deploy\): pin /)
  })

  test('a git URL off the GitHub server: base from the remote HEAD, branch pushed, no PR', async () => {
    const logger = recordingLogger()
    const url = `${git.url}/${repo}.git`
    const result = await deployDigest(options({ repository: url, serverUrl: 'https://github.example', logger }))
    assert.equal(result.branch, BRANCH, 'remote HEAD names production')
    assert.equal(result.pullRequestOperation, 'none')
    assert.equal(result.commit, await head(BRANCH))
    assert.ok(logger.messages.some((m) => /^warning: .* cannot open a pull request/.test(m)))
  })

  test('without a git identity in the environment, commits are made as digest-release[bot]', async () => {
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM }
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'
    process.env.GIT_CONFIG_NOSYSTEM = '1'
    try {
      const result = await deployDigest(options({ mode: 'push', base: 'production' }))
      assert.equal(
        await git.git(repo, ['log', '-1', '--format=%an <%ae> / %cn', result.commit!]),
        'digest-release[bot] <digest-release[bot]@users.noreply.github.com> / digest-release[bot]\n'
      )
    } finally {
      for (const [key, value] of [
        ['GIT_CONFIG_GLOBAL', saved.global],
        ['GIT_CONFIG_NOSYSTEM', saved.nosystem]
      ] as const) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  })

  test('a wrong token fails with a message that does not contain it', async () => {
    const wrong = 'ghs_wrongtoken_ABCDEFGHIJ'
    await assert.rejects(deployDigest(options({ token: wrong, base: 'production' })), (error: unknown) => {
      assert.ok(error instanceof DeployError)
      assert.match(error.message, /cannot fetch branch production/)
      assert.ok(!error.message.includes(wrong))
      assert.ok(!error.message.includes(Buffer.from(`x-access-token:${wrong}`).toString('base64')))
      return true
    })
  })
})

describe('the test servers check what they receive', () => {
  test('the fake API refuses requests that break the OpenAPI description', async () => {
    const api = await startGitHubApi()
    try {
      api.addRepository('o', 'r')
      const post = (path: string, body: unknown): Promise<Response> =>
        fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      assert.equal((await post('/repos/o/r/pulls', { title: 5, head: 'x', base: 'main' })).status, 400)
      assert.equal((await post('/repos/o/r/pullz', { title: 'x' })).status, 400)
      assert.equal((await fetch(`${api.url}/repos/o/r/pulls?colour=red`)).status, 400)
      assert.equal((await fetch(`${api.url}/repos/o/r/pulls?per_page=many`)).status, 400)
      assert.equal(api.violations.length, 4)
      assert.match(api.violations[0], /pulls\/create: body .* does not match the schema/)
      assert.equal((await post('/repos/o/r/pulls', { title: 't', head: 'x', base: 'main' })).status, 201)
      assert.equal(api.violations.length, 4)
    } finally {
      await api.close()
    }
  })

  test('the git server refuses requests without the token', async () => {
    const server = await startGitServer({ token: 'secret' })
    try {
      await server.createRepository('o/r', { 'a.txt': 'a\n' })
      assert.equal((await fetch(`${server.url}/o/r.git/info/refs?service=git-upload-pack`)).status, 401)
      const authorized = await fetch(`${server.url}/o/r.git/info/refs?service=git-upload-pack`, {
        headers: { authorization: `Basic ${Buffer.from('x:secret').toString('base64')}` }
      })
      assert.equal(authorized.status, 200)
      assert.match(await authorized.text(), /refs\/heads\/main/)
    } finally {
      await server.close()
    }
  })
})

export type { DeployResult }
