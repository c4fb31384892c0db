// A deploy repository is input we do not control. patchTree must only ever read and write regular
// files inside the clone, and a hostile file must be skipped quickly with a reason, never followed.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseReference } from '../../src/oci/reference.js'
import { spliceImageReferences } from '../../src/gitops/splice.js'
import { MAX_DEPLOY_FILE_BYTES, patchTree, selectFiles, type TreePatch } from '../../src/gitops/worktree.js'

const IMAGE = '127.0.0.1:5000/team/app'
const DIGEST = `sha256:${'d'.repeat(64)}`
const TARGET = parseReference(IMAGE)
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

function reasonOf(patch: TreePatch, file: string): string | undefined {
  return patch.skipped.find((s) => s.file === file)?.reason
}

describe('a deploy repository with symlinks, directories and submodules', () => {
  let dir: string
  let clone: string
  let outside: string
  let files: string[]

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitops-hostile-'))
    outside = join(dir, 'outside.yaml')
    await writeFile(outside, MANIFEST)
    const origin = join(dir, 'origin')
    await mkdir(join(origin, 'k8s', 'dir.yaml'), { recursive: true })
    await writeFile(join(origin, 'k8s', 'app.yaml'), MANIFEST)
    await writeFile(join(origin, 'k8s', 'dir.yaml', 'inner.txt'), 'not yaml\n')
    await symlink(outside, join(origin, 'k8s', 'evil.yaml'))
    await symlink('../../outside.yaml', join(origin, 'k8s', 'relative-evil.yaml'))
    await symlink('app.yaml', join(origin, 'k8s', 'inside.yaml'))
    git(origin, ['init', '--quiet'])
    git(origin, ['add', '.'])
    // A submodule as a deploy repository carries it: a gitlink plus .gitmodules, not checked out in the clone.
    git(origin, ['update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},k8s/charts.yaml`])
    await writeFile(join(origin, '.gitmodules'), '[submodule "charts"]\n\tpath = k8s/charts.yaml\n\turl = https://example.com/charts.git\n')
    git(origin, ['add', '.gitmodules'])
    git(origin, ['commit', '--quiet', '-m', 'hostile'])
    clone = join(dir, 'clone')
    git(dir, ['clone', '--quiet', origin, clone])
    files = selectFiles(git(clone, ['ls-files', '-z']).split('\0').filter(Boolean), [])
  })

  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('the clone lists every hostile path as a deploy file', () => {
    assert.deepEqual(files, ['k8s/app.yaml', 'k8s/charts.yaml', 'k8s/evil.yaml', 'k8s/inside.yaml', 'k8s/relative-evil.yaml'])
  })

  test('a symlink to a file outside the clone is neither read, listed nor written through', async () => {
    const patch = await patchTree(clone, ['k8s/evil.yaml', 'k8s/relative-evil.yaml'], TARGET, { digest: DIGEST }, true)
    assert.equal(await readFile(outside, 'utf8'), MANIFEST)
    assert.deepEqual(patch.patchedFiles, [])
    assert.equal(patch.references, 0)
    assert.deepEqual(patch.skipped, [
      { file: 'k8s/evil.yaml', reason: 'not a regular file (symlink)' },
      { file: 'k8s/relative-evil.yaml', reason: 'not a regular file (symlink)' }
    ])
  })

  for (const write of [false, true]) {
    test(`only the regular file is patched; links, directories and submodules are skipped with a reason (write: ${write})`, async () => {
      await writeFile(join(clone, 'k8s', 'app.yaml'), MANIFEST)
      const patch = await patchTree(clone, [...files, 'k8s/dir.yaml'], TARGET, { digest: DIGEST }, write)
      assert.deepEqual(patch.patchedFiles, ['k8s/app.yaml'])
      assert.deepEqual([...patch.contents.keys()], ['k8s/app.yaml'])
      assert.equal(patch.references, 1)
      assert.deepEqual(
        patch.changes.map((c) => c.file),
        ['k8s/app.yaml']
      )
      assert.equal(reasonOf(patch, 'k8s/evil.yaml'), 'not a regular file (symlink)')
      assert.equal(reasonOf(patch, 'k8s/relative-evil.yaml'), 'not a regular file (symlink)')
      assert.equal(reasonOf(patch, 'k8s/inside.yaml'), 'not a regular file (symlink)')
      assert.equal(reasonOf(patch, 'k8s/charts.yaml'), 'not a regular file (submodule)')
      assert.equal(reasonOf(patch, 'k8s/dir.yaml'), 'not a regular file (directory)')
      assert.equal(patch.skipped.length, 5)
      assert.equal(await readFile(outside, 'utf8'), MANIFEST)
      assert.equal(await readFile(join(clone, 'k8s', 'app.yaml'), 'utf8'), write ? PINNED : MANIFEST)
    })
  }

  test('a path that leaves the clone, directly or through a linked directory, is refused', async () => {
    await symlink(dir, join(clone, 'up'))
    try {
      const patch = await patchTree(
        clone,
        ['../outside.yaml', 'up/outside.yaml', join(dir, 'outside.yaml')],
        TARGET,
        { digest: DIGEST },
        true
      )
      assert.deepEqual(patch.patchedFiles, [])
      assert.equal(patch.references, 0)
      assert.equal(patch.skipped.length, 3)
      for (const skipped of patch.skipped) assert.equal(skipped.reason, 'outside the repository', skipped.file)
      assert.equal(await readFile(outside, 'utf8'), MANIFEST)
    } finally {
      await rm(join(clone, 'up'))
    }
  })

  test('a file that disappears is skipped, not a crash', async () => {
    const patch = await patchTree(clone, ['k8s/missing.yaml'], TARGET, { digest: DIGEST }, false)
    assert.deepEqual(patch.skipped, [{ file: 'k8s/missing.yaml', reason: 'does not exist' }])
  })
})

describe('file size', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitops-size-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** The manifest padded with a comment to exactly `size` bytes. */
  const padded = (size: number): string => `${MANIFEST}#${'x'.repeat(size - MANIFEST.length - 2)}\n`

  test('the limit is 4 MiB', () => {
    assert.equal(MAX_DEPLOY_FILE_BYTES, 4 * 1024 * 1024)
  })

  test('a file over the limit is skipped with its size and the limit, and left alone', async () => {
    const text = padded(MAX_DEPLOY_FILE_BYTES + 1)
    await writeFile(join(dir, 'big.yaml'), text)
    const patch = await patchTree(dir, ['big.yaml'], TARGET, { digest: DIGEST }, true)
    assert.deepEqual(patch.skipped, [
      { file: 'big.yaml', reason: `${MAX_DEPLOY_FILE_BYTES + 1} bytes is over the ${MAX_DEPLOY_FILE_BYTES}-byte (4 MiB) limit` }
    ])
    assert.deepEqual(patch.patchedFiles, [])
    assert.equal(patch.references, 0)
    assert.equal(await readFile(join(dir, 'big.yaml'), 'utf8'), text)
  })

  test('a file of exactly the limit is still patched', async () => {
    const text = padded(MAX_DEPLOY_FILE_BYTES)
    assert.equal(Buffer.byteLength(text), MAX_DEPLOY_FILE_BYTES)
    await writeFile(join(dir, 'edge.yaml'), text)
    const patch = await patchTree(dir, ['edge.yaml'], TARGET, { digest: DIGEST }, false)
    assert.deepEqual(patch.skipped, [])
    assert.deepEqual(patch.patchedFiles, ['edge.yaml'])
  })
})

describe('YAML aliases', () => {
  /** Ten levels of anchors, each aliasing the one before ten times: 10^10 nodes once expanded. */
  function aliasBomb(levels = 10): string {
    const rows = ['apiVersion: apps/v1', 'kind: Deployment', `x-0: &a0 [${Array(10).fill('lol').join(', ')}]`]
    for (let level = 1; level < levels; level++)
      rows.push(
        `x-${level}: &a${level} [${Array(10)
          .fill(`*a${level - 1}`)
          .join(', ')}]`
      )
    rows.push('spec:', '  containers:', '  - name: app', `    image: ${IMAGE}:1.0`, '')
    return rows.join('\n')
  }

  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitops-aliases-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('an alias bomb is skipped at once with a reason, never expanded', async () => {
    const bomb = aliasBomb()
    assert.ok(bomb.length < 1024, `${bomb.length} bytes`)
    await writeFile(join(dir, 'bomb.yaml'), bomb)
    await writeFile(join(dir, 'app.yaml'), MANIFEST)
    const started = performance.now()
    const patch = await patchTree(dir, ['app.yaml', 'bomb.yaml'], TARGET, { digest: DIGEST }, true)
    const elapsed = performance.now() - started
    assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`)
    assert.equal(patch.skipped.length, 1)
    assert.equal(patch.skipped[0].file, 'bomb.yaml')
    assert.match(patch.skipped[0].reason, /^too many YAML aliases/)
    assert.deepEqual(patch.patchedFiles, ['app.yaml'])
    assert.equal(await readFile(join(dir, 'bomb.yaml'), 'utf8'), bomb)
  })

  test('a bomb without the image in it is skipped too', () => {
    const bomb = aliasBomb().replace(IMAGE, 'busybox')
    const started = performance.now()
    const result = spliceImageReferences(bomb, TARGET, { digest: DIGEST }, 'bomb.yaml')
    assert.ok(performance.now() - started < 5000)
    assert.match(result.skipped ?? '', /^too many YAML aliases/)
  })

  test('a few levels of shared anchors are ordinary YAML and are patched', () => {
    const text = aliasBomb(3)
    const result = spliceImageReferences(text, TARGET, { digest: DIGEST }, 'shared.yaml')
    assert.equal(result.skipped, undefined)
    assert.equal(result.text, text.replace(`${IMAGE}:1.0`, `${IMAGE}@${DIGEST}`))
  })

  test('thousands of aliases to the container are found in linear time', () => {
    const count = 20_000
    const text = [
      'x-app: &app {name: app, image: ' + IMAGE + ':1.0}',
      'spec:',
      '  containers:',
      ...Array.from({ length: count }, () => '  - *app'),
      ''
    ].join('\n')
    const started = performance.now()
    const result = spliceImageReferences(text, TARGET, { digest: DIGEST }, 'many.yaml')
    const elapsed = performance.now() - started
    assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`)
    assert.equal(result.skipped, undefined)
    assert.equal(result.references, 1)
    assert.equal(result.text, text.replace(`${IMAGE}:1.0`, `${IMAGE}@${DIGEST}`))
  })

  test('an alias to an anchor defined later, or to itself, is skipped, not a crash', () => {
    const later = ['spec:', '  containers:', '  - *app', `x-app: &app {image: ${IMAGE}}`, ''].join('\n')
    assert.match(spliceImageReferences(later, TARGET, { digest: DIGEST }).skipped ?? '', /unresolved YAML alias \*app/)
    const recursive = ['spec: &spec', '  containers:', `  - image: ${IMAGE}`, '  again: *spec', ''].join('\n')
    assert.match(spliceImageReferences(recursive, TARGET, { digest: DIGEST }).skipped ?? '', /recursive YAML alias \*spec/)
  })
})
