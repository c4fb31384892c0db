// RPM: packages built with rpmbuild and installed with rpm into a fresh SQLite rpmdb (Debian's `rpm`
// package), then catalogued from an image layer; the SQLite reader against sqlite3's own files.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateSbom, spdx23SchemaErrors } from '../../src/sbom/index.js'
import { isRpmDatabaseFile, parseRpmDatabase, parseRpmHeader, rpmPackage } from '../../src/sbom/catalog/rpm.js'
import { readSqliteTable } from '../../src/sbom/catalog/sqlite.js'
import { buildImage, type LayerEntrySpec } from '../harness/layers.js'
import { buildRpmdb, type BuiltRpmdb } from '../harness/rpmdb.js'

const run = promisify(execFile)
const DIGEST = 'sha256:' + 'd'.repeat(64)
const fedoraOsRelease =
  'NAME="Fedora Linux"\nVERSION="40 (Container Image)"\nID=fedora\nVERSION_ID=40\nPRETTY_NAME="Fedora Linux 40 (Container Image)"\n'

let built: BuiltRpmdb
let rpmdb: Buffer

// One rpmdb for the file: two packages built and installed with Debian's rpm 4.18, SQLite backend.
before(async () => {
  built = await buildRpmdb()
  rpmdb = built.rpmdb
})

after(async () => {
  await built?.cleanup()
})

async function generate(layers: LayerEntrySpec[][]) {
  const image = await buildImage(layers)
  try {
    return await generateSbom(
      {
        name: 'ghcr.io/acme/fedora-app',
        digest: DIGEST,
        platform: 'linux/amd64',
        config: { os: 'linux', architecture: 'amd64' },
        layers: image.layers
      },
      image.openBlob,
      { created: '2024-05-01T12:00:00Z', toolName: 'digest-release-test' }
    )
  } finally {
    await image.cleanup()
  }
}

test('rpm: the database rpm wrote is SQLite, and rpm -qa agrees with what is read from it', async () => {
  assert.equal(rpmdb.toString('latin1', 0, 16), 'SQLite format 3\0')
  const stdout = await built.rpm(['-qa', '--qf', '%{NAME} %{EPOCH} %{VERSION}-%{RELEASE} %{ARCH} %{LICENSE} %{SOURCERPM}\\n'])
  const expected = stdout.trim().split('\n').sort()
  const read = parseRpmDatabase(rpmdb)
    .map((r) => `${r.name} ${r.epoch ?? '(none)'} ${r.version}-${r.release} ${r.arch} ${r.license} ${r.sourceRpm}`)
    .sort()
  assert.deepEqual(read, expected)
})

test('rpm: an image with a Fedora os-release and rpmdb.sqlite lists both packages with syft-style purls', async () => {
  const { packages, document } = await generate([
    [
      { path: 'usr/lib/os-release', content: fedoraOsRelease },
      { path: 'etc/os-release', symlink: '../usr/lib/os-release' },
      { path: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: rpmdb },
      { path: 'var/lib/rpm', symlink: '../../usr/lib/sysimage/rpm' }
    ]
  ])
  const rpms = packages.filter((p) => p.type === 'rpm').sort((a, b) => (a.name < b.name ? -1 : 1))
  assert.deepEqual(
    rpms.map((p) => [p.name, p.version, p.purl, p.declaredLicense, p.locations]),
    [
      [
        'dr-hello',
        '1.2.3-4.fc40',
        'pkg:rpm/fedora/dr-hello@1.2.3-4.fc40?arch=noarch&distro=fedora-40&upstream=dr-hello-1.2.3-4.fc40.src.rpm',
        'MIT',
        ['usr/lib/sysimage/rpm/rpmdb.sqlite']
      ],
      [
        'dr-tools',
        '2:0.9-1.fc40',
        'pkg:rpm/fedora/dr-tools@0.9-1.fc40?arch=noarch&distro=fedora-40&epoch=2&upstream=dr-tools-0.9-1.fc40.src.rpm',
        'GPL-2.0-or-later AND Apache-2.0',
        ['usr/lib/sysimage/rpm/rpmdb.sqlite']
      ]
    ]
  )
  assert.deepEqual(spdx23SchemaErrors(document), [])
  const spdxPackages = (document as { packages: Array<Record<string, unknown>> }).packages
  const tools = spdxPackages.find((p) => p.name === 'dr-tools')
  assert.equal(tools?.versionInfo, '2:0.9-1.fc40')
  assert.equal(tools?.licenseDeclared, 'GPL-2.0-or-later AND Apache-2.0')
  assert.match(String(tools?.sourceInfo), /found in: \/usr\/lib\/sysimage\/rpm\/rpmdb\.sqlite$/)
})

test('rpm: RHEL-family purls use the "redhat" namespace; the db at /var/lib/rpm is found without os-release', async () => {
  const [record] = parseRpmDatabase(rpmdb).filter((r) => r.name === 'dr-hello')
  assert.equal(
    rpmPackage(record, { id: 'rhel', versionId: '9.4' }, 'var/lib/rpm/rpmdb.sqlite').purl,
    'pkg:rpm/redhat/dr-hello@1.2.3-4.fc40?arch=noarch&distro=rhel-9.4&upstream=dr-hello-1.2.3-4.fc40.src.rpm'
  )
  assert.equal(
    rpmPackage(record, { id: 'opensuse-tumbleweed', versionId: '20240501' }, 'usr/lib/sysimage/rpm/rpmdb.sqlite').purl,
    'pkg:rpm/opensuse/dr-hello@1.2.3-4.fc40?arch=noarch&distro=opensuse-tumbleweed-20240501&upstream=dr-hello-1.2.3-4.fc40.src.rpm'
  )
  const { packages } = await generate([[{ path: 'var/lib/rpm/rpmdb.sqlite', content: rpmdb }]])
  assert.deepEqual(packages.map((p) => p.purl).sort(), [
    'pkg:rpm/dr-hello@1.2.3-4.fc40?arch=noarch&upstream=dr-hello-1.2.3-4.fc40.src.rpm',
    'pkg:rpm/dr-tools@0.9-1.fc40?arch=noarch&epoch=2&upstream=dr-tools-0.9-1.fc40.src.rpm'
  ])
  assert.ok(isRpmDatabaseFile('usr/lib/sysimage/rpm/rpmdb.sqlite'))
  assert.ok(!isRpmDatabaseFile('var/lib/rpm/rpmdb.sqlite-wal'))
  assert.ok(!isRpmDatabaseFile('home/me/backup/rpm/rpmdb.sqlite'))
})

test('rpm: a damaged database is skipped and said so, not fatal; a truncated header blob is an error', async () => {
  const damaged = Buffer.from(rpmdb)
  damaged.fill(0xff, 100, 4096) // page 1's b-tree header (sqlite_schema)
  const result = await generate([
    [
      { path: 'etc/os-release', content: fedoraOsRelease },
      { path: 'var/lib/rpm/rpmdb.sqlite', content: damaged }
    ]
  ])
  assert.deepEqual(result.packages, [])
  assert.equal(result.skipped.length, 1)
  assert.equal(result.skipped[0].path, 'var/lib/rpm/rpmdb.sqlite')
  assert.match(result.skipped[0].reason, /cannot parse it/)
  assert.match(String((result.document as { comment?: string }).comment), /rpmdb\.sqlite/)

  const [row] = [...readSqliteTable(rpmdb, 'Packages')]
  const blob = row.values[1] as Buffer
  assert.throws(() => parseRpmHeader(blob.subarray(0, 40)), /truncated/)
  assert.equal(parseRpmHeader(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])), undefined)
})

test('sqlite: reads every row of tables sqlite3 wrote, across page sizes, overflow chains, deletions and text encodings', async (t) => {
  try {
    await run('sqlite3', ['--version'])
  } catch {
    return t.skip('sqlite3 is not installed (Debian package sqlite3)')
  }
  for (const [pageSize, encoding] of [
    [512, 'UTF-8'],
    [4096, 'UTF-16le'],
    [65536, 'UTF-16be']
  ] as const) {
    const path = join(built.dir, `t-${pageSize}.db`)
    // Blobs from 1 byte to 3 pages, so that rows stay local, spill to one overflow page or to a chain.
    const sql = [
      `PRAGMA page_size=${pageSize};`,
      `PRAGMA encoding='${encoding}';`,
      'CREATE TABLE Packages(hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL, note TEXT, n);',
      'WITH RECURSIVE i(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM i WHERE x < 400)',
      `INSERT INTO Packages(blob, note, n) SELECT zeroblob((x * 997) % ${pageSize * 3} + 1), 'ñ' || x, x * 1099511627776 FROM i;`,
      'UPDATE Packages SET blob = randomblob(length(blob)), n = CASE WHEN hnum % 5 = 0 THEN NULL WHEN hnum % 5 = 1 THEN -hnum ELSE n END;',
      'DELETE FROM Packages WHERE hnum % 7 = 0;'
    ].join('\n')
    await run('sqlite3', [path, sql])
    const { stdout } = await run(
      'sqlite3',
      [path, "SELECT hnum || ' ' || hex(blob) || ' ' || note || ' ' || quote(n) FROM Packages ORDER BY hnum"],
      {
        maxBuffer: 256 * 1024 * 1024
      }
    )
    const read = [...readSqliteTable(await readFile(path), 'Packages')].map(
      (row) =>
        `${row.rowid} ${(row.values[1] as Buffer).toString('hex').toUpperCase()} ${row.values[2] as string} ${row.values[3] === null ? 'NULL' : String(row.values[3])}`
    )
    assert.equal(read.length, 343, `page size ${pageSize}`)
    assert.deepEqual(read, stdout.trim().split('\n'), `page size ${pageSize}, ${encoding}`)
  }
  assert.throws(() => [...readSqliteTable(rpmdb, 'Nope')], /no table named Nope/)
  assert.throws(() => [...readSqliteTable(Buffer.from('not a database at all'.repeat(10)), 'Packages')], /not an SQLite 3 database/)
})
