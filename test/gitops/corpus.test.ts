// Real-world manifests nobody here wrote (test/fixtures/deploy: podinfo, microservices-demo and
// the Flux example, vendored under Apache-2.0; the unlicensed Argo CD examples only when
// ../shared/corpus/deploy is beside the checkout). After pointing one image at a test registry,
// every reference to it must be pinned, with the release's tag or no tag, and every other byte of
// every file must be unchanged. Both are checked here independently of the splice code: line by
// line, and by walking the parsed documents.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { parseReference, sameRepository, type ImageReference } from '../../src/oci/reference.js'
import { spliceImageReferences, type Change } from '../../src/gitops/splice.js'
import { deployDigest } from '../../src/steps/deploy.js'
import { silentLogger } from '../../src/net/logger.js'
import { repoRoot } from '../harness/action.js'
import { startGitServer } from '../harness/git-server.js'
import { startGitHubApi } from '../harness/github-api.js'
import { testScope } from '../harness/scope.js'

/** The vendored projects (see test/fixtures/deploy/SOURCES.md). */
const VENDORED = resolve(repoRoot, 'test/fixtures/deploy')
/** An optional extra beside the checkout: projects whose licence does not let them be copied here. */
const EXTRA = resolve(repoRoot, '../shared/corpus/deploy')
const ARGOCD = 'argocd-example-apps'

interface Project {
  name: string
  dir: string
}
const PROJECTS: Project[] = ['podinfo', 'flux2-kustomize-helm-example', 'microservices-demo'].map((name) => ({
  name,
  dir: join(VENDORED, name)
}))
if (existsSync(join(EXTRA, ARGOCD))) PROJECTS.push({ name: ARGOCD, dir: join(EXTRA, ARGOCD) })
const present = new Set(PROJECTS.map((p) => p.name))

const DIGEST = `sha256:${'c0ffee'.repeat(10)}abcd`
/** Each case runs without a release tag and with this one. */
const RELEASE_TAG = 'v9.9.9'
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers'])

interface Case {
  name: string
  /** The repository as the corpus writes it, and where the test points it; equal when not moved. */
  from: string
  to: string
  /** Container references to the image, per project, counted by hand from the files. */
  containerReferences: Record<string, number>
  kustomizeEntries: Record<string, number>
  /** A case about one project exists only when that project is present. */
  requires?: string
}

const ALL_CASES: Case[] = [
  {
    name: 'podinfo (Deployments, StatefulSet, CronJobs)',
    from: 'ghcr.io/stefanprodan/podinfo',
    to: '127.0.0.1:5000/stefanprodan/podinfo',
    containerReferences: { podinfo: 13 },
    kustomizeEntries: {}
  },
  {
    name: 'microservices-demo frontend (manifests, release bundle, kustomize components)',
    from: 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend',
    to: '127.0.0.1:5000/online-boutique/frontend',
    containerReferences: { 'microservices-demo': 2 },
    kustomizeEntries: { 'microservices-demo': 2 }
  },
  {
    name: 'Argo CD guestbook',
    from: 'gcr.io/google-samples/gb-frontend',
    to: '127.0.0.1:5000/google-samples/gb-frontend',
    containerReferences: { [ARGOCD]: 2 },
    kustomizeEntries: {},
    requires: ARGOCD
  },
  {
    name: 'redis, written as redis and docker.io/redis',
    from: 'redis',
    to: 'redis',
    containerReferences: { podinfo: 1, 'microservices-demo': 3, [ARGOCD]: 1 },
    kustomizeEntries: {}
  }
]
const CASES = ALL_CASES.filter((c) => !c.requires || present.has(c.requires))

/** The count over the projects present. */
function expected(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((sum, [project, n]) => sum + (present.has(project) ? n : 0), 0)
}

/** Every YAML file of every project present, named `<project>/<path inside it>`. */
async function corpusFiles(): Promise<Array<{ file: string; path: string }>> {
  const found: Array<{ file: string; path: string }> = []
  for (const project of PROJECTS)
    for (const path of await yamlFiles(project.dir)) found.push({ file: join(project.name, relative(project.dir, path)), path })
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

async function yamlFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await yamlFiles(path)))
    else if (/\.ya?ml$/.test(entry.name)) found.push(path)
  }
  return found.sort()
}

/** Points `from` at `to` wherever it is a whole repository name. */
function pointAtTestRegistry(text: string, from: string, to: string): string {
  if (from === to) return text
  return text.replace(new RegExp(`${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9._/-])`, 'g'), to)
}

function names(value: unknown, target: ImageReference): boolean {
  try {
    return typeof value === 'string' && sameRepository(parseReference(value), target)
  } catch {
    return false
  }
}

/**
 * Every line is unchanged except the changed values on their own lines, inserted `digest:` lines,
 * and removed kustomize `newTag:` lines (changes to nothing).
 */
function assertOnlyValuesChanged(original: string, patched: string, changes: Change[], file: string): void {
  const inserted = new RegExp(`^[ \\t]*digest: ${DIGEST}\\r?$`)
  const removed = new Set(changes.filter((c) => c.to === '').map((c) => c.line))
  const lines = original.split('\n')
  for (const line of removed) assert.match(lines[line - 1], /^[ \t]*newTag:/, `${file}:${line}: only newTag: lines are removed`)
  const before = lines.map((text, i) => ({ text, line: i + 1 })).filter((l) => !removed.has(l.line))
  const afterLines = patched.split('\n').filter((line) => !inserted.test(line))
  assert.equal(afterLines.length, before.length, `${file}: only digest: lines are added, only newTag: lines removed`)
  for (let i = 0; i < before.length; i++) {
    if (before[i].text === afterLines[i]) continue
    let expected = before[i].text
    for (const change of changes.filter((c) => c.line === before[i].line)) {
      expected = change.from === '' ? expected : expected.replace(change.from, change.to)
    }
    const flowInsertion = `, digest: ${DIGEST}`
    const got = afterLines[i].includes(flowInsertion) ? afterLines[i].replace(flowInsertion, '') : afterLines[i]
    assert.equal(got, expected, `${file}:${before[i].line} changed beyond the image value`)
  }
}

/** `repo[:tag]` of a written reference, without its digest. */
function nameAndTag(reference: string): { name: string; tag?: string } {
  const withoutDigest = reference.replace(/@sha256:[0-9a-f]+$/, '')
  const colon = withoutDigest.lastIndexOf(':')
  return colon > withoutDigest.lastIndexOf('/')
    ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) }
    : { name: withoutDigest }
}

/**
 * Walks the original and patched documents side by side: scalars are equal except container images
 * naming the target (which must now carry the digest, and the release tag where a tag was written,
 * or no tag) and kustomization entries naming it (which gain `digest:`, and whose `newTag:` becomes
 * the release tag or goes). Returns how many of each it saw.
 */
function assertPinnedEverywhere(
  original: string,
  patched: string,
  target: ImageReference,
  releaseTag: string | undefined,
  file: string
): { containers: number; kustomize: number } {
  const before = parseAllDocuments(original)
  const afterDocs = parseAllDocuments(patched)
  assert.ok(Array.isArray(before) && Array.isArray(afterDocs))
  assert.equal(afterDocs.length, before.length)
  const seen = { containers: 0, kustomize: 0 }
  const walk = (a: unknown, b: unknown, path: Array<string | number>, kustomization: boolean): void => {
    const where = `${file}: ${path.join('.')}`
    if (Array.isArray(a)) {
      assert.ok(Array.isArray(b) && b.length === a.length, where)
      a.forEach((item, i) => walk(item, (b as unknown[])[i], [...path, i], kustomization))
      return
    }
    if (a && typeof a === 'object') {
      assert.ok(b && typeof b === 'object' && !Array.isArray(b), where)
      const left = a as Record<string, unknown>
      const right = b as Record<string, unknown>
      const isEntry = kustomization && path.length === 2 && path[0] === 'images' && names(left.newName ?? left.name, target)
      const dropsNewTag = isEntry && 'newTag' in left && !releaseTag
      if (isEntry) {
        seen.kustomize++
        assert.equal(right.digest, DIGEST, `${where}: kustomization entry pinned`)
        if ('newTag' in left && releaseTag) assert.equal(right.newTag, releaseTag, `${where}: newTag is the release tag`)
        if (dropsNewTag) assert.ok(!('newTag' in right), `${where}: newTag dropped without a release tag`)
      }
      assert.deepEqual(
        Object.keys(right).filter((k) => !(isEntry && k === 'digest' && !('digest' in left))),
        Object.keys(left).filter((k) => !(dropsNewTag && k === 'newTag')),
        where
      )
      for (const key of Object.keys(left)) {
        if (isEntry && (key === 'newTag' || key === 'digest')) continue
        walk(left[key], right[key], [...path, key], kustomization && (key === 'images' || path.length > 0))
      }
      return
    }
    const isContainerImage = path.at(-1) === 'image' && typeof path.at(-2) === 'number' && CONTAINER_LISTS.has(String(path.at(-3)))
    if (isContainerImage && names(a, target)) {
      seen.containers++
      assert.match(String(b), new RegExp(`@${DIGEST}$`), `${where}: pinned`)
      // The name as written; a written tag becomes the release tag, or goes: never an old tag beside the new digest.
      const written = nameAndTag(String(a))
      const tag = written.tag !== undefined && releaseTag ? `:${releaseTag}` : ''
      assert.equal(String(b), `${written.name}${tag}@${DIGEST}`, `${where}: name kept, release tag or no tag`)
      return
    }
    assert.deepEqual(b, a, where)
  }
  before.forEach((document, i) => {
    const contents = document.toJS({ maxAliasCount: -1 }) as unknown
    const kind = (contents as { kind?: unknown } | null)?.kind
    const kustomization = /kustomization\.ya?ml$/.test(file) || kind === 'Kustomization' || kind === 'Component'
    walk(contents, afterDocs[i].toJS({ maxAliasCount: -1 }), [], kustomization)
  })
  return seen
}

describe('real-world corpus', () => {
  for (const testCase of CASES)
    for (const releaseTag of [undefined, RELEASE_TAG])
      test(`${testCase.name}, ${releaseTag ? `release tag ${releaseTag}` : 'no release tag'}: every reference pinned, every other byte unchanged`, async () => {
        const target = parseReference(testCase.to)
        const pin = { digest: DIGEST, tag: releaseTag }
        let containers = 0
        let kustomize = 0
        let patchedFiles = 0
        for (const { file, path } of await corpusFiles()) {
          const original = pointAtTestRegistry(await readFile(path, 'utf8'), testCase.from, testCase.to)
          const result = spliceImageReferences(original, target, pin, file)
          if (original.includes('{{')) {
            assert.ok(result.skipped, `${file}: templates are skipped`)
            assert.equal(result.text, original)
            continue
          }
          assert.equal(result.skipped, undefined, `${file}: ${result.skipped}`)
          assertOnlyValuesChanged(original, result.text, result.changes, file)
          const seen = assertPinnedEverywhere(original, result.text, target, releaseTag, file)
          containers += seen.containers
          kustomize += seen.kustomize
          if (result.text !== original) patchedFiles++
          // Pinning again changes nothing.
          assert.deepEqual(spliceImageReferences(result.text, target, pin, file).changes, [], `${file}: idempotent`)
        }
        assert.equal(containers, expected(testCase.containerReferences), 'container references found')
        assert.equal(kustomize, expected(testCase.kustomizeEntries), 'kustomization entries found')
        assert.ok(patchedFiles > 0)
      })

  describe('through git and the pull request flow', () => {
    const scope = testScope()
    const git = scope.server(() => startGitServer())
    const api = scope.server(() => startGitHubApi())
    const workDir = scope.tempDir('deploy-corpus-')

    test('podinfo: the branch holds exactly the spliced files, CRLF and all other files byte for byte', async () => {
      const { from, to } = CASES[0]
      const files: Record<string, Buffer> = {}
      for (const { file, path } of await corpusFiles())
        files[file] = Buffer.from(pointAtTestRegistry(await readFile(path, 'utf8'), from, to))
      files['SOURCES.md'] = await readFile(join(VENDORED, 'SOURCES.md'))
      // A manifest saved with Windows line endings: its pinned line keeps CRLF, as do all the others.
      const crlf = 'crlf/podinfo/kustomize/deployment.yaml'
      files[crlf] = Buffer.from(files['podinfo/kustomize/deployment.yaml'].toString('utf8').replace(/\r?\n/g, '\r\n'))
      await git.createRepository('gitops/corpus', files)
      api.addRepository('gitops', 'corpus')

      const result = await deployDigest({
        repository: 'gitops/corpus',
        token: '',
        paths: ['**/*.yaml', '**/*.yml'],
        mode: 'pull-request',
        autoMerge: 'off',
        dryRun: false,
        image: to,
        digest: DIGEST,
        tags: [],
        serverUrl: git.url,
        apiUrl: api.url,
        source: {},
        verifyCommands: [],
        gitEnvironment: process.env,
        gitIdentityInEnvironment: false,
        workDir,
        logger: silentLogger
      })
      assert.equal(result.pullRequestOperation, 'created')
      assert.equal(result.changes.length, expected(CASES[0].containerReferences) + 1, 'every podinfo reference, and the CRLF copy')
      assert.deepEqual(api.violations, [])
      const listed = (await git.git('gitops/corpus', ['ls-tree', '-r', '--name-only', result.branch!])).trim().split('\n').sort()
      assert.deepEqual(listed, Object.keys(files).sort())
      const target = parseReference(to)
      for (const [file, original] of Object.entries(files)) {
        const onBranch = await git.readFile('gitops/corpus', result.branch!, file)
        const want = file.endsWith('.md')
          ? original
          : Buffer.from(spliceImageReferences(original.toString('utf8'), target, { digest: DIGEST }, file).text)
        assert.ok(onBranch.equals(want), `${file} on the branch`)
        assert.equal(result.patchedFiles.includes(file), !onBranch.equals(original), `${file} listed as patched exactly when it changed`)
      }
      const crlfOnBranch = (await git.readFile('gitops/corpus', result.branch!, crlf)).toString('utf8')
      assert.ok(result.patchedFiles.includes(crlf), 'the CRLF copy was patched')
      // No release tag: the written tag goes.
      assert.match(crlfOnBranch, new RegExp(`image: ${to.replace(/[.]/g, '\\.')}@${DIGEST}\r\n`), 'the pinned line keeps its CRLF')
      assert.equal(crlfOnBranch.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF crept in')
      if (present.has(ARGOCD))
        assert.ok((await git.readFile('gitops/corpus', result.branch!, `${ARGOCD}/sock-shop/base/carts-svc.yaml`)).includes('\r\n'))
    })
  })
})
