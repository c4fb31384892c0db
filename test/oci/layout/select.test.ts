// `layout-ref`: an index.json entry by ref name or by manifest digest (ko writes entries without names).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLayout, selectEntry, loadImage, type OciLayout } from '../../../src/oci/layout/read.js'
import { LayoutError } from '../../../src/oci/errors.js'
import { writeLayout, randomLayer, tarLayout } from '../../harness/layouts.js'

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dr-select-'))
  try {
    await run(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const refused = (layout: OciLayout, ref: string | undefined, pattern: RegExp): void =>
  assert.throws(
    () => selectEntry(layout, ref),
    (error: unknown) => {
      assert.ok(error instanceof LayoutError, String(error))
      assert.match(error.message, pattern)
      return true
    },
    String(ref)
  )

/** A ko-style layout: two images side by side in index.json, neither with a ref name. */
async function koLayout(dir: string) {
  const first = await writeLayout(dir, { images: [{ layers: [randomLayer(100)] }] })
  const second = await writeLayout(dir, {
    images: [
      { platform: { os: 'linux', architecture: 'amd64' }, layers: [randomLayer(100)] },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [randomLayer(100)] }
    ],
    extraEntries: [first.top]
  })
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: Array<{ annotations?: unknown }> }
  assert.ok(
    index.manifests.every((entry) => entry.annotations === undefined),
    'no entry has a ref name'
  )
  return { first: first.top, second: second.top }
}

test('a ko layout of unnamed entries: chosen by whole digest, by a 12-character prefix with or without sha256:', async () => {
  await withDir(async (dir) => {
    const { first, second } = await koLayout(join(dir, 'ko'))
    const tar = await tarLayout(join(dir, 'ko'), join(dir, 'ko.tar'))
    for (const source of [join(dir, 'ko'), tar]) {
      const layout = await openLayout(source, { tempDir: dir })
      try {
        for (const entry of [first, second]) {
          const hex = entry.digest.slice('sha256:'.length)
          for (const ref of [entry.digest, `sha256:${hex.slice(0, 12)}`, hex.slice(0, 12), hex.slice(0, 20), entry.digest.toUpperCase()])
            assert.equal(selectEntry(layout, ref).digest, entry.digest, `${source} ${ref}`)
        }
        // What is chosen loads like any other entry.
        const image = await loadImage(layout, selectEntry(layout, second.digest.slice(0, 19)))
        assert.equal(image.kind, 'index')
        assert.equal(image.children.length, 2)
      } finally {
        await layout.close()
      }
    }
  })
})

test('with no layout-ref, the error lists unnamed entries as sha256:<12 hex>, and each can be given back', async () => {
  await withDir(async (dir) => {
    const { first, second } = await koLayout(dir)
    const layout = await openLayout(dir, { tempDir: dir })
    const short = (digest: string): string => digest.slice(0, 'sha256:'.length + 12)
    let message = ''
    assert.throws(
      () => selectEntry(layout, undefined),
      (error: unknown) => {
        message = (error as Error).message
        return error instanceof LayoutError
      }
    )
    assert.match(message, /lists 2 images; choose one with `layout-ref`: /)
    const listed = message.slice(message.indexOf('`layout-ref`: ') + '`layout-ref`: '.length).split(', ')
    assert.deepEqual(new Set(listed), new Set([short(first.digest), short(second.digest)]))
    assert.doesNotMatch(message, /unnamed/)
    for (const label of listed) assert.ok([first.digest, second.digest].includes(selectEntry(layout, label).digest))
    await layout.close()
  })
})

test('names still choose, and a named and an unnamed entry are listed each in its own form', async () => {
  await withDir(async (dir) => {
    const unnamed = await writeLayout(dir, { images: [{ layers: [randomLayer(10)] }] })
    const named = await writeLayout(dir, { images: [{ layers: [randomLayer(10)] }], refName: 'v1', extraEntries: [unnamed.top] })
    const layout = await openLayout(dir, { tempDir: dir })
    assert.equal(selectEntry(layout, 'v1').digest, named.top.digest)
    assert.equal(selectEntry(layout, named.top.digest).digest, named.top.digest, 'a named entry can be given by digest too')
    refused(layout, undefined, new RegExp(`choose one with \`layout-ref\`: v1, ${unnamed.top.digest.slice(0, 19)}$`))
    refused(layout, 'v2', new RegExp(`no index.json entry is named "v2" .*the entries are: v1, ${unnamed.top.digest.slice(0, 19)}$`))
    await layout.close()
  })
})

test('a prefix shorter than 12 hex characters, or one two digests share, is refused clearly', async () => {
  await withDir(async (dir) => {
    const built = await writeLayout(dir, { images: [{ layers: [randomLayer(10)] }] })
    // Digests made to share their first 14 hex characters (selection reads index.json only).
    const shared = 'abcdef01234567'
    const a = `sha256:${shared}${'0'.repeat(50)}`
    const b = `sha256:${shared}${'1'.repeat(50)}`
    await writeFile(
      join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, manifests: [built.top, { ...built.top, digest: a }, { ...built.top, digest: b }] })
    )
    const layout = await openLayout(dir, { tempDir: dir })
    const hex = built.top.digest.slice('sha256:'.length)
    refused(layout, hex.slice(0, 11), /too short: give at least 12 hex characters/)
    refused(layout, `sha256:${hex.slice(0, 8)}`, /too short: give at least 12 hex characters/)
    refused(
      layout,
      shared.slice(0, 12),
      new RegExp(
        `"${shared.slice(0, 12)}" \\(input \`layout-ref\`\\) is ambiguous: 2 index.json entries have digests starting with it \\(sha256:${shared}0, sha256:${shared}1\\); give more of the digest`
      )
    )
    refused(layout, `sha256:${shared}`, /is ambiguous/)
    // The listed labels are each long enough to be unambiguous.
    refused(layout, undefined, new RegExp(`sha256:${shared}0, sha256:${shared}1$`))
    assert.equal(selectEntry(layout, `sha256:${shared}1`).digest, b)
    assert.equal(selectEntry(layout, hex.slice(0, 12)).digest, built.top.digest)
    // Not a digest of this layout, or of another algorithm.
    refused(layout, 'f'.repeat(12), /no index.json entry is named "f{12}" or has a digest starting with it/)
    refused(layout, `sha512:${hex.slice(0, 12)}`, /has a digest starting with it/)
    await layout.close()
  })
})

test('the same digest listed twice (named and unnamed) is one choice, not an ambiguity', async () => {
  await withDir(async (dir) => {
    const built = await writeLayout(dir, { images: [{ layers: [randomLayer(10)] }] })
    const index = { schemaVersion: 2, manifests: [built.top, { ...built.top, annotations: { 'org.opencontainers.image.ref.name': 'v1' } }] }
    await writeFile(join(dir, 'index.json'), JSON.stringify(index))
    const layout = await openLayout(dir, { tempDir: dir })
    assert.equal(selectEntry(layout, built.top.digest.slice(7, 19)).digest, built.top.digest)
    assert.equal(selectEntry(layout, 'v1').digest, built.top.digest)
    await layout.close()
  })
})
