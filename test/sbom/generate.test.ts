// generateSbom on real package databases from this machine, packed into real (gzipped) tar layers,
// plus the layer rules: whiteouts, opaque directories, symlinks, hard links, compression.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { generateSbom, spdx23SchemaErrors, type ImageForSbom } from '../../src/sbom/index.js'
import { collectFilesystem } from '../../src/sbom/catalog/filesystem.js'
import { LayoutError } from '../../src/oci/errors.js'
import { buildImage, type LayerEntrySpec, type TestImage } from '../harness/layers.js'

const run = promisify(execFile)
const DIGEST = 'sha256:' + 'c'.repeat(64)
const REPO = process.cwd()
const debianOsRelease =
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n'

function imageOf(built: TestImage, name = 'ghcr.io/acme/app'): ImageForSbom {
  return { name, digest: DIGEST, platform: 'linux/amd64', config: { os: 'linux', architecture: 'amd64' }, layers: built.layers }
}

async function generate(layers: Parameters<typeof buildImage>[0]) {
  const built = await buildImage(layers)
  try {
    const result = await generateSbom(imageOf(built), built.openBlob, {
      created: '2024-05-01T12:00:00.123Z',
      toolName: 'digest-release-test'
    })
    return { ...result, opened: built.opened, layers: built.layers }
  } finally {
    await built.cleanup()
  }
}

const versions = (packages: Array<{ type: string; name: string; version: string }>, type: string): Map<string, string> =>
  new Map(packages.filter((p) => p.type === type).map((p) => [p.name, p.version]))

test("Debian: lists this machine's installed packages from its real /var/lib/dpkg/status with exact versions", async (t) => {
  if (!existsSync('/var/lib/dpkg/status')) return t.skip('no dpkg database on this machine')
  const { stdout } = await run('dpkg-query', ['-W', '-f', '${Package} ${Version} ${db:Status-Abbrev}\\n'], { maxBuffer: 64 * 1024 * 1024 })
  const installed = stdout
    .split('\n')
    .filter((line) => /^\S+ \S+ [a-z]i/.test(line))
    .map((line) => line.split(' ').slice(0, 2).join(' '))
  assert.ok(installed.length > 50, `dpkg-query listed only ${installed.length} packages`)

  const { packages, os, document } = await generate([
    [
      { path: 'usr/lib/os-release', content: readFileSync('/usr/lib/os-release') },
      { path: 'etc/os-release', symlink: '../usr/lib/os-release' },
      { path: 'var/lib/dpkg/status', content: readFileSync('/var/lib/dpkg/status') }
    ]
  ])
  const found = new Set(packages.filter((p) => p.type === 'deb').map((p) => `${p.name} ${p.version}`))
  const matched = installed.filter((entry) => found.has(entry)).length
  const ratio = matched / installed.length
  t.diagnostic(`dpkg: ${matched}/${installed.length} installed packages matched exactly (${(ratio * 100).toFixed(1)}%)`)
  assert.ok(ratio >= 0.95, `only ${matched} of ${installed.length} packages matched`)
  assert.ok(found.size <= new Set(installed).size, 'more packages than dpkg-query knows of')

  const osId = readFileSync('/usr/lib/os-release', 'utf8').match(/^ID=(.*)$/m)?.[1]
  assert.equal(os?.id, osId)
  const deb = packages.find((p) => p.type === 'deb')!
  assert.match(deb.purl, new RegExp(`^pkg:deb/${osId}/[^@]+@[^?]+\\?arch=[a-z0-9]+&distro=${osId}-`))
  // Epoch versions (several in any Debian) are percent-encoded in the purl, kept as-is in the version.
  const epoch = packages.find((p) => p.type === 'deb' && p.version.includes(':'))
  if (epoch) assert.ok(epoch.purl.includes(`@${epoch.version.split(':')[0]}%3A`), epoch.purl)
  assert.deepEqual(spdx23SchemaErrors(document), [])
})

test("npm: finds every installed package of this repository's node_modules, as package-lock.json records it", async () => {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; name?: string; link?: boolean }>
  }
  // Every package.json under node_modules, nested non-package ones (dist/esm/package.json) included.
  const entries: LayerEntrySpec[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const stat = statSync(path, { throwIfNoEntry: false })
      if (!stat) continue
      if (stat.isDirectory()) walk(path)
      else if (name === 'package.json') entries.push({ path: `usr/src/app/${relative(REPO, path)}`, content: readFileSync(path) })
    }
  }
  walk(join(REPO, 'node_modules'))

  const expected = new Map<string, string>()
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.link || !entry.version || !existsSync(join(REPO, path, 'package.json'))) continue
    const onDisk = JSON.parse(readFileSync(join(REPO, path, 'package.json'), 'utf8')) as { name: string; version: string }
    assert.equal(onDisk.version, entry.version, `${path}: lock and disk disagree`)
    expected.set(`${onDisk.name}@${entry.version}`, path)
  }
  const { packages } = await generate([entries])
  const found = new Map(packages.filter((p) => p.type === 'npm').map((p) => [`${p.name}@${p.version}`, p]))
  const missing = [...expected.keys()].filter((key) => !found.has(key))
  assert.deepEqual(missing, [])
  const extra = [...found.keys()].filter((key) => !expected.has(key))
  assert.deepEqual(extra, [], 'nested package.json files that are not packages were listed')
  const scoped = [...found.values()].find((p) => p.name.startsWith('@'))!
  assert.equal(scoped.purl, `pkg:npm/%40${scoped.name.slice(1).replace('/', '/')}@${scoped.version}`)
})

test("Python: finds every distribution of the interpreter's site-packages, as importlib.metadata reads them", async (t) => {
  let site: string
  let expected: Array<[string, string]>
  try {
    const script =
      'import json, site, importlib.metadata as m\nsp = site.getsitepackages()[0]\nprint(json.dumps({"site": sp, "dists": [[d.metadata["Name"], d.version] for d in m.distributions(path=[sp]) if d._path.name.endswith(".dist-info")]}))'
    const { stdout } = await run('python3', ['-c', script], { maxBuffer: 16 * 1024 * 1024 })
    ;({ site, dists: expected } = JSON.parse(stdout) as { site: string; dists: Array<[string, string]> })
  } catch {
    return t.skip('no python3 here')
  }
  assert.ok(expected.length > 5)
  const entries: LayerEntrySpec[] = []
  for (const dir of readdirSync(site).filter((d) => d.endsWith('.dist-info'))) {
    for (const file of readdirSync(join(site, dir))) {
      const path = join(site, dir, file)
      if (statSync(path).isFile())
        entries.push({ path: `usr/local/lib/python3.11/site-packages/${dir}/${file}`, content: readFileSync(path) })
    }
  }
  const { packages } = await generate([entries])
  const found = new Set(packages.filter((p) => p.type === 'pypi').map((p) => `${p.name} ${p.version}`))
  const missing = expected.map(([name, version]) => `${name} ${version}`).filter((key) => !found.has(key))
  t.diagnostic(`python: ${expected.length - missing.length}/${expected.length} distributions matched exactly`)
  assert.deepEqual(missing, [])
  for (const pkg of packages) assert.match(pkg.purl, /^pkg:pypi\/[a-z0-9-]+@/)
})

test('Alpine: the apk database and os-release give apk purls with the distro', async () => {
  const { packages, os } = await generate([
    [
      { path: 'etc/os-release', content: readFileSync(new URL('../fixtures/sbom/alpine-os-release', import.meta.url)) },
      { path: 'lib/apk/db/installed', content: readFileSync(new URL('../fixtures/sbom/apk-installed', import.meta.url)) }
    ]
  ])
  assert.equal(os?.id, 'alpine')
  assert.equal(packages.length, 14)
  assert.ok(
    packages.every((p) => p.type === 'apk' && p.purl.startsWith(`pkg:apk/alpine/${p.name}@${p.version}?arch=x86_64&distro=alpine-3.19.1`))
  )
  assert.equal(versions(packages, 'apk').get('busybox'), '1.36.1-r15')
})

test('whiteouts: a .wh. file in an upper layer removes a Python distribution; others stay', async () => {
  const site = 'usr/lib/python3/dist-packages'
  const { packages } = await generate([
    [
      { path: `${site}/requests-2.31.0.dist-info/METADATA`, content: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n' },
      { path: `${site}/idna-3.6.dist-info/METADATA`, content: 'Metadata-Version: 2.1\nName: idna\nVersion: 3.6\n' }
    ],
    [{ path: `${site}/.wh.requests-2.31.0.dist-info`, content: '' }]
  ])
  assert.deepEqual([...versions(packages, 'pypi')], [['idna', '3.6']])
})

test("whiteouts: an opaque directory hides everything below it from lower layers, not its own layer's entries", async () => {
  const { packages } = await generate([
    [
      { path: 'app/node_modules/left-pad/package.json', content: '{"name":"left-pad","version":"1.3.0"}' },
      { path: 'app/node_modules/@scope/old/package.json', content: '{"name":"@scope/old","version":"1.0.0"}' },
      { path: 'opt/other/node_modules/kept/package.json', content: '{"name":"kept","version":"2.0.0"}' }
    ],
    [
      { path: 'app/node_modules/.wh..wh..opq', content: '' },
      { path: 'app/node_modules/fresh/package.json', content: '{"name":"fresh","version":"3.0.0"}' }
    ]
  ])
  assert.deepEqual([...versions(packages, 'npm')].sort(), [
    ['fresh', '3.0.0'],
    ['kept', '2.0.0']
  ])
})

test('layers apply in order: an upper status file wins, a whiteout-then-readd in one layer keeps the new file, a file replaces a directory', async () => {
  const status = (pkgs: string[]): string =>
    pkgs
      .map((p) => `Package: ${p.split(' ')[0]}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${p.split(' ')[1]}\n`)
      .join('\n')
  const { packages } = await generate([
    [
      { path: 'etc/os-release', content: debianOsRelease },
      { path: 'var/lib/dpkg/status', content: status(['curl 7.88.1-10', 'libcurl4 7.88.1-10', 'wget 1.21.3-1']) },
      { path: 'app/node_modules/a/package.json', content: '{"name":"a","version":"1.0.0"}' },
      { path: 'app/node_modules/b/package.json', content: '{"name":"b","version":"1.0.0"}' }
    ],
    [
      { path: 'var/lib/dpkg/status', content: status(['curl 7.88.1-10+deb12u5', 'libcurl4 7.88.1-10+deb12u5']) },
      { path: 'app/node_modules/.wh.a', content: '' },
      { path: 'app/node_modules/a/package.json', content: '{"name":"a","version":"2.0.0"}' },
      { path: 'app/node_modules/b', content: 'now a file' }
    ]
  ])
  assert.deepEqual(
    [...versions(packages, 'deb')],
    [
      ['curl', '7.88.1-10+deb12u5'],
      ['libcurl4', '7.88.1-10+deb12u5']
    ]
  )
  assert.deepEqual([...versions(packages, 'npm')], [['a', '2.0.0']])
})

test('an opaque marker at the root of a layer hides every lower entry', async () => {
  const { packages, os } = await generate([
    [
      { path: 'etc/os-release', content: debianOsRelease },
      { path: 'app/node_modules/a/package.json', content: '{"name":"a","version":"1.0.0"}' }
    ],
    [
      { path: '.wh..wh..opq', content: '' },
      { path: 'app/node_modules/b/package.json', content: '{"name":"b","version":"1.0.0"}' }
    ]
  ])
  assert.equal(os, undefined)
  assert.deepEqual([...versions(packages, 'npm')], [['b', '1.0.0']])
})

test('a whiteout of the dpkg status file removes every Debian package', async () => {
  const { packages } = await generate([
    [{ path: 'var/lib/dpkg/status', content: 'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n' }],
    [{ path: 'var/lib/dpkg/.wh.status', content: '' }]
  ])
  assert.equal(packages.length, 0)
})

test('symlinks: /etc/os-release to ../usr/lib/os-release, /lib to usr/lib (merged /usr), distroless status.d', async () => {
  const { packages, os } = await generate([
    [
      { path: 'usr/lib/os-release', content: 'ID=ubuntu\nVERSION_ID="22.04"\n' },
      { path: 'usr/lib/apk/db/installed', content: 'P:zlib\nV:1.3.1-r0\nA:aarch64\n\n' },
      { path: 'var/lib/dpkg/status.d/base-files', content: 'Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n' },
      { path: 'var/lib/dpkg/status.d/base-files.md5sums', content: 'd41d8cd98f00b204e9800998ecf8427e  etc/issue\n' }
    ],
    [
      { path: 'etc/os-release', symlink: '../usr/lib/os-release' },
      { path: 'lib', symlink: 'usr/lib' }
    ]
  ])
  assert.equal(os?.id, 'ubuntu')
  assert.deepEqual(packages.map((p) => p.purl).sort(), [
    'pkg:apk/ubuntu/zlib@1.3.1-r0?arch=aarch64&distro=ubuntu-22.04',
    'pkg:deb/ubuntu/base-files@12.4%2Bdeb12u5?arch=amd64&distro=ubuntu-22.04'
  ])
})

test('hard links: to an earlier file of interest, and to a file read back in a second pass over the layer', async () => {
  const { packages, os, opened, layers } = await generate([
    [
      { path: 'usr/lib/os-release', content: debianOsRelease },
      { path: 'etc/os-release', hardlink: 'usr/lib/os-release' },
      { path: 'opt/store/pkg.json', content: '{"name":"linked","version":"0.1.0"}' },
      { path: 'app/node_modules/linked/package.json', hardlink: 'opt/store/pkg.json' }
    ]
  ])
  assert.equal(os?.id, 'debian')
  assert.deepEqual([...versions(packages, 'npm')], [['linked', '0.1.0']])
  assert.equal(opened.get(layers[0].digest), 2)
})

test('compression: uncompressed tar is read; zstd is read or refused by name; garbage is a LayoutError naming the layer', async () => {
  const plain = await generate([
    { entries: [{ path: 'app/node_modules/x/package.json', content: '{"name":"x","version":"1.0.0"}' }], gzip: false }
  ])
  assert.deepEqual([...versions(plain.packages, 'npm')], [['x', '1.0.0']])

  const { tarLayer } = await import('../harness/layers.js')
  const tarBytes = await tarLayer([{ path: 'app/node_modules/z/package.json', content: '{"name":"z","version":"1.0.0"}' }])
  const zstdCompress = (zlib as unknown as { zstdCompressSync?: (b: Buffer) => Buffer }).zstdCompressSync
  const zstdBytes = zstdCompress ? zstdCompress(tarBytes) : Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(64)])
  const zstdLayer = [{ raw: zstdBytes, mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' }]
  if (zstdCompress) {
    assert.deepEqual([...versions((await generate(zstdLayer)).packages, 'npm')], [['z', '1.0.0']])
  } else {
    await assert.rejects(
      generate(zstdLayer),
      (error: Error) => error instanceof LayoutError && /zstd-compressed/.test(error.message) && /sha256:[0-9a-f]{64}/.test(error.message)
    )
  }
  await assert.rejects(
    generate([
      {
        raw: Buffer.from('this is not a layer at all, not even close to a tar header'.repeat(20)),
        mediaType: 'application/vnd.oci.image.layer.v1.tar'
      }
    ]),
    (error: Error) => error instanceof LayoutError && /cannot read layer sha256:/.test(error.message)
  )
  await assert.rejects(
    generate([{ raw: zlib.gzipSync(tarBytes).subarray(0, 40), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }]),
    LayoutError
  )
})

test('a metadata file over the size limit is skipped with a warning, not buffered', async () => {
  const built = await buildImage([
    [{ path: 'app/node_modules/big/package.json', content: JSON.stringify({ name: 'big', version: '1.0.0', pad: 'x'.repeat(4096) }) }]
  ])
  const warnings: string[] = []
  try {
    const fs = await collectFilesystem(built.layers, built.openBlob, {
      matchers: [{ id: 'npm', matches: (p) => p.endsWith('package.json'), parse: () => ({}) }],
      keepSymlink: () => false,
      maxFileSize: 1024,
      logger: { info() {}, debug() {}, warning: (m) => warnings.push(m) }
    })
    assert.equal(fs.files('npm').length, 0)
    assert.match(warnings.join('\n'), /app\/node_modules\/big\/package\.json.*over the 1024-byte limit/)
  } finally {
    await built.cleanup()
  }
})

test('the SPDX document: valid against the SPDX 2.3 schema, image root described, every package contained, ids unique', async () => {
  const { document, packages } = await generate([
    [
      { path: 'etc/os-release', content: debianOsRelease },
      {
        path: 'var/lib/dpkg/status',
        content:
          'Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9+deb12u7\n\nPackage: libc6\nStatus: install ok installed\nArchitecture: i386\nVersion: 2.36-9+deb12u7\n\nPackage: passwd\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:4.13+dfsg1-1+b1\nSource: shadow\n'
      },
      { path: 'app/node_modules/@types/node/package.json', content: '{"name":"@types/node","version":"20.19.0","license":"MIT"}' },
      { path: 'app/node_modules/weird/package.json', content: '{"name":"weird","version":"1.0.0","license":"SEE LICENSE IN LICENSE.txt"}' }
    ]
  ])
  assert.deepEqual(spdx23SchemaErrors(document), [])
  const doc = document as {
    spdxVersion: string
    dataLicense: string
    SPDXID: string
    documentNamespace: string
    creationInfo: { created: string; creators: string[] }
    packages: Array<{
      SPDXID: string
      name: string
      versionInfo: string
      licenseDeclared: string
      externalRefs: Array<{ referenceCategory: string; referenceType: string; referenceLocator: string }>
      checksums?: unknown
    }>
    relationships: Array<{ spdxElementId: string; relationshipType: string; relatedSpdxElement: string }>
  }
  assert.equal(doc.spdxVersion, 'SPDX-2.3')
  assert.equal(doc.dataLicense, 'CC0-1.0')
  assert.equal(doc.SPDXID, 'SPDXRef-DOCUMENT')
  assert.deepEqual(doc.creationInfo, { created: '2024-05-01T12:00:00Z', creators: ['Tool: digest-release-test'] })
  const root = doc.packages[0]
  assert.equal(root.versionInfo, DIGEST)
  assert.deepEqual(root.checksums, [{ algorithm: 'SHA256', checksumValue: 'c'.repeat(64) }])
  assert.equal(
    root.externalRefs[0].referenceLocator,
    `pkg:oci/app@sha256%3A${'c'.repeat(64)}?arch=amd64&repository_url=ghcr.io%2Facme%2Fapp`
  )
  assert.equal(packages.length, 5) // libc6 twice (two architectures), passwd, two npm
  assert.equal(doc.packages.length, 6)
  const ids = doc.packages.map((p) => p.SPDXID)
  assert.equal(new Set(ids).size, ids.length)
  for (const id of ids) assert.match(id, /^SPDXRef-[A-Za-z0-9.-]+$/)
  assert.deepEqual(doc.relationships[0], {
    spdxElementId: 'SPDXRef-DOCUMENT',
    relationshipType: 'DESCRIBES',
    relatedSpdxElement: root.SPDXID
  })
  assert.deepEqual(
    doc.relationships
      .slice(1)
      .map((r) => r.relatedSpdxElement)
      .sort(),
    ids.slice(1).sort()
  )
  assert.ok(doc.relationships.slice(1).every((r) => r.relationshipType === 'CONTAINS' && r.spdxElementId === root.SPDXID))
  const passwd = doc.packages.find((p) => p.name === 'passwd')!
  assert.equal(
    passwd.externalRefs[0].referenceLocator,
    'pkg:deb/debian/passwd@1%3A4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12&upstream=shadow'
  )
  assert.equal(doc.packages.find((p) => p.name === '@types/node')!.licenseDeclared, 'MIT')
  assert.equal(doc.packages.find((p) => p.name === 'weird')!.licenseDeclared, 'NOASSERTION')

  // Same image, same tool: same namespace; another digest: another namespace.
  const again = await generate([[{ path: 'etc/os-release', content: debianOsRelease }]])
  assert.equal((again.document as { documentNamespace: string }).documentNamespace, doc.documentNamespace)
  const built = await buildImage([[{ path: 'etc/os-release', content: debianOsRelease }]])
  const other = await generateSbom({ ...imageOf(built), digest: 'sha256:' + 'd'.repeat(64) }, built.openBlob, {
    toolName: 'digest-release-test'
  })
  await built.cleanup()
  assert.notEqual((other.document as { documentNamespace: string }).documentNamespace, doc.documentNamespace)
})
