// Rollback awareness: the digest a change replaces, the commit that pinned the new digest before
// (parsed from `git log -p` output, and read from a real shallow clone), and the words that say so.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Git } from '../../src/gitops/git.js'
import { commitAddingDigest, findRollbackOf, literalPattern } from '../../src/gitops/history.js'
import {
  commitMessage,
  commitSubject,
  deploySummaryLine,
  previousDigestOf,
  pullRequestBody,
  type FileChange,
  type MessageContext
} from '../../src/gitops/message.js'
import { silentLogger } from '../../src/net/logger.js'

const IMAGE = '127.0.0.1:5000/team/app'
const V1 = `sha256:${'1'.repeat(64)}`
const V2 = `sha256:${'2'.repeat(64)}`
const V3 = `sha256:${'3'.repeat(64)}`
const C1 = 'a'.repeat(40)
const C2 = 'b'.repeat(40)
const change = (from: string, to = `${IMAGE}:1.1@${V3}`, file = 'k8s/app.yaml', line = 1): FileChange => ({ file, line, from, to })

describe('previousDigestOf', () => {
  test('reads the digest from a pinned reference, a kustomize digest and a tag@digest setter value', () => {
    assert.equal(previousDigestOf([change(`${IMAGE}:1.0@${V1}`)]), V1)
    assert.equal(previousDigestOf([change(`${IMAGE}@${V1}`)]), V1)
    assert.equal(previousDigestOf([change(V2, V3)]), V2)
    assert.equal(previousDigestOf([change(`1.0@${V2}`, `1.1@${V3}`)]), V2)
    // Without a release tag the old tag goes; the digest beside it is still the one replaced.
    assert.equal(previousDigestOf([change(`${IMAGE}:old@${V1}`, `${IMAGE}@${V3}`)]), V1)
  })

  test('the first pinned value in file order wins; unpinned values and insertions are passed over', () => {
    const changes = [
      change(`${IMAGE}:1.0`),
      change('', V3),
      change('1.0', '1.1'),
      change('1.0', ''),
      change(`${IMAGE}:1.0@${V2}`),
      change(V1, V3)
    ]
    assert.equal(previousDigestOf(changes), V2)
  })

  test('undefined when nothing was pinned', () => {
    assert.equal(previousDigestOf([]), undefined)
    assert.equal(previousDigestOf([change(`${IMAGE}:1.0`), change('', V3), change('1.0', '1.1')]), undefined)
    assert.equal(previousDigestOf([change(`${IMAGE}:1.0@sha256:short`)]), undefined)
  })
})

describe('commit subject, message, pull request body and summary line', () => {
  const context: MessageContext = {
    image: IMAGE,
    digest: V1,
    tags: ['1.1'],
    base: 'production',
    changes: [change(`${IMAGE}:1.2@${V2}`, `${IMAGE}:1.1@${V1}`)],
    source: {},
    serverUrl: 'https://github.test',
    verifyCommands: []
  }

  test('an ordinary change pins; a rollback says so, with the digest it replaces', () => {
    assert.equal(commitSubject(context), 'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:111111111111')
    assert.equal(commitSubject({ ...context, previousDigest: V2 }), 'chore(deploy): pin 127.0.0.1:5000/team/app to sha256:111111111111')
    assert.equal(
      commitSubject({ ...context, previousDigest: V2, rollbackOf: C1 }),
      'chore(deploy): roll back 127.0.0.1:5000/team/app to sha256:111111111111 (was sha256:222222222222)'
    )
    assert.equal(commitSubject({ ...context, rollbackOf: C1 }), 'chore(deploy): roll back 127.0.0.1:5000/team/app to sha256:111111111111')
  })

  test('the message and the body name the commit that pinned the digest before', () => {
    const rollback = { ...context, previousDigest: V2, rollbackOf: C1 }
    const message = commitMessage(rollback)
    assert.match(
      message,
      /^chore\(deploy\): roll back .*\n\nPin 127\.0\.0\.1:5000\/team\/app to sha256:1{64}\.\nRolls back to the digest first pinned by a{40}\.\n\n/
    )
    assert.ok(pullRequestBody(rollback).includes(`\n\nRolls back to the digest first pinned by ${C1}.\n\n| file |`))
    assert.doesNotMatch(commitMessage(context), /Rolls back/)
    assert.doesNotMatch(pullRequestBody({ ...context, previousDigest: V2 }), /Rolls back/)
  })

  test('a dropped tag and an inserted digest read as (none), never as an empty value', () => {
    const changes = [change('1.0', '', 'kustomization.yaml', 3), change('', V1, 'kustomization.yaml', 2)]
    const message = commitMessage({ ...context, tags: [], changes })
    assert.ok(message.includes('\nkustomization.yaml:3: 1.0 -> (none)\n'), message)
    assert.ok(message.includes(`\nkustomization.yaml:2: (none) -> ${V1}\n`), message)
    const body = pullRequestBody({ ...context, tags: [], changes })
    assert.ok(body.includes('| `kustomization.yaml` | 3 | `1.0` | (none) |'), body)
    assert.ok(body.includes(`| \`kustomization.yaml\` | 2 | (none) | \`${V1}\` |`), body)
  })

  test('deploySummaryLine', () => {
    assert.equal(deploySummaryLine(context), undefined)
    assert.equal(deploySummaryLine({ ...context, previousDigest: V2 }), `Replaced \`${V2}\` (the rollback target) with \`${V1}\`.`)
    assert.equal(
      deploySummaryLine({ ...context, previousDigest: V2, rollbackOf: C1 }),
      `Rolled back \`${IMAGE}\` to \`${V1}\` (was \`${V2}\`), the digest first pinned by \`${C1}\`.`
    )
  })
})

describe('commitAddingDigest', () => {
  const yaml = (file: string): boolean => file.endsWith('.yaml')
  const log = [
    `commit ${C2}`,
    '',
    'diff --git a/k8s/app.yaml b/k8s/app.yaml',
    'index 1111111..2222222 100644',
    '--- a/k8s/app.yaml',
    '+++ b/k8s/app.yaml',
    '@@ -3 +3 @@',
    `-    image: ${IMAGE}:1.0@${V1}`,
    `+    image: ${IMAGE}:1.1@${V2}`,
    'diff --git a/notes.md b/notes.md',
    '--- a/notes.md',
    '+++ b/notes.md',
    '@@ -0,0 +1 @@',
    `+released ${V1}`,
    `commit ${C1}`,
    '',
    'diff --git "a/k8s/we\\"ird.yaml" "b/k8s/we\\"ird.yaml"',
    'new file mode 100644',
    '--- /dev/null',
    '+++ "b/k8s/we\\"ird.yaml"',
    '@@ -0,0 +1,2 @@',
    '+++ a line that looks like a header',
    `+    image: ${IMAGE}:1.0@${V1}`,
    ''
  ].join('\n')

  test('the newest commit that adds a line with the digest to a deploy file', () => {
    assert.equal(commitAddingDigest(log, V1, yaml), C1, 'C2 only removed it from a deploy file and added it to notes.md')
    assert.equal(commitAddingDigest(log, V2, yaml), C2)
    assert.equal(
      commitAddingDigest(log, V1, () => true),
      C2,
      'notes.md counts when deploy-paths select it'
    )
    assert.equal(commitAddingDigest(log, V3, yaml), undefined)
    assert.equal(commitAddingDigest('', V1, yaml), undefined)
  })

  test('commits at the shallow cut-off are passed over', () => {
    assert.equal(commitAddingDigest(log, V1, yaml, new Set([C1])), undefined)
  })

  test('literalPattern matches the digest only, in basic and extended regular expressions', () => {
    assert.equal(literalPattern('sha256:ab'), 'sha256:ab')
    assert.equal(literalPattern('sha256+b64u.x_y-z:ab'), 'sha256[+]b64u[.]x[_]y[-]z:ab')
  })
})

describe('findRollbackOf on a real shallow clone', () => {
  let root: string
  let origin: string
  const commits: string[] = []
  const run = (cwd: string, args: string[]): string =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t'
      }
    })

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'rollback-test-'))
    origin = join(root, 'origin')
    run(root, ['init', '--quiet', '-b', 'main', origin])
    // v1 (in the first commit), v2, then six unrelated commits.
    for (const [i, digest] of [V1, V2, '', '', '', '', '', ''].entries()) {
      if (digest) await writeFile(join(origin, 'app.yaml'), `image: ${IMAGE}@${digest}\n`)
      else await writeFile(join(origin, 'other.txt'), `${i}\n`)
      run(origin, ['add', '--all'])
      run(origin, ['commit', '--quiet', '-m', `commit ${i}`])
      commits.push(run(origin, ['rev-parse', 'HEAD']).trim())
    }
  })
  after(async () => {
    await rm(root, { recursive: true, force: true })
  })

  async function shallowClone(): Promise<{ git: Git; clone: string; base: string }> {
    const clone = await mkdtemp(join(root, 'clone-'))
    const git = new Git({ cwd: clone, remoteUrl: `file://${origin}`, token: '', environment: process.env, logger: silentLogger })
    await git.run(['init', '--quiet'])
    await git.run(['remote', 'add', 'origin', `file://${origin}`])
    await git.run(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', '+refs/heads/main:refs/remotes/origin/main'])
    return { git, clone, base: (await git.run(['rev-parse', 'refs/remotes/origin/main'])).trim() }
  }
  const isDeployFile = (file: string): boolean => file.endsWith('.yaml')

  test('the history is fetched and the commit that pinned the digest is found', async () => {
    const { git, clone, base } = await shallowClone()
    assert.equal(await findRollbackOf({ git, clone, baseCommit: base, digest: V2, isDeployFile }), commits[1])
    assert.equal(await findRollbackOf({ git, clone, baseCommit: base, digest: V1, isDeployFile }), commits[0], 'the root commit pinned v1')
    assert.equal(await findRollbackOf({ git, clone, baseCommit: base, digest: V3, isDeployFile }), undefined)
  })

  test('the search is bounded, and the shallow cut-off commit (which shows every file as added) is not an answer', async () => {
    const { git, clone, base } = await shallowClone()
    // Seven commits reach back to the v2 commit, which becomes the cut-off: git shows it adding app.yaml whole.
    assert.equal(await findRollbackOf({ git, clone, baseCommit: base, digest: V2, isDeployFile, depth: 7 }), undefined)
    assert.equal(await findRollbackOf({ git, clone, baseCommit: base, digest: V2, isDeployFile, depth: 8 }), commits[1])
  })

  test('a history that cannot be fetched is reported and answers undefined', async () => {
    const { git, clone } = await shallowClone()
    const reasons: string[] = []
    const missing = 'f'.repeat(40)
    assert.equal(
      await findRollbackOf({ git, clone, baseCommit: missing, digest: V1, isDeployFile, onUnavailable: (r) => reasons.push(r) }),
      undefined
    )
    assert.match(reasons[0], /^cannot fetch the history of ffffffffffff: /)
  })
})
