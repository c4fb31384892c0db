// Parsers and purls, one format at a time, against the formats' own rules.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { apkPackage, parseApkInstalled } from '../../src/sbom/catalog/apk.js'
import { dpkgPackage, isDpkgDatabaseFile, parseDpkgStatus } from '../../src/sbom/catalog/dpkg.js'
import { isNpmPackageJson, npmPackage, parseNpmPackageJson } from '../../src/sbom/catalog/npm.js'
import { parseOsRelease } from '../../src/sbom/catalog/os-release.js'
import { formatPurl } from '../../src/sbom/catalog/purl.js'
import { isPythonMetadata, normalizePythonName, parsePythonMetadata, pythonPackage } from '../../src/sbom/catalog/python.js'
import { spdxLicenseExpression } from '../../src/sbom/spdx.js'

const debian12 = { id: 'debian', versionId: '12' }

test('purls percent-encode epochs, plus signs and scopes, and sort qualifiers', () => {
  assert.equal(
    formatPurl({
      type: 'deb',
      namespace: 'debian',
      name: 'attr',
      version: '1:2.4.47-2+b1',
      qualifiers: { distro: 'debian-12', arch: 'amd64' }
    }),
    'pkg:deb/debian/attr@1%3A2.4.47-2%2Bb1?arch=amd64&distro=debian-12'
  )
  assert.equal(formatPurl({ type: 'npm', namespace: '@types', name: 'node', version: '20.1.0' }), 'pkg:npm/%40types/node@20.1.0')
  assert.equal(formatPurl({ type: 'pypi', name: 'x', version: '1', qualifiers: { arch: undefined, distro: '' } }), 'pkg:pypi/x@1')
})

test('dpkg: keeps installed packages only, reads Source with its version, encodes epochs', () => {
  const status = [
    'Package: libc6',
    'Status: install ok installed',
    'Architecture: amd64',
    'Multi-Arch: same',
    'Source: glibc (2.36-9+deb12u4)',
    'Version: 2.36-9+deb12u7',
    'Description: GNU C Library: Shared libraries',
    ' Contains the standard libraries that are used by nearly all programs on',
    ' the system.',
    '',
    'Package: removed-but-configured',
    'Status: deinstall ok config-files',
    'Architecture: amd64',
    'Version: 1.0-1',
    '',
    'Package: login',
    'Status: install ok installed',
    'Architecture: amd64',
    'Version: 1:4.13+dfsg1-1+b1',
    'Source: shadow',
    '',
    'Package: half',
    'Status: install reinstreq half-installed',
    'Version: 2',
    ''
  ].join('\n')
  const records = parseDpkgStatus(status, true)
  assert.deepEqual(
    records.map((r) => r.name),
    ['libc6', 'login']
  )
  assert.equal(records[0].source, 'glibc')
  assert.equal(records[0].sourceVersion, '2.36-9+deb12u4')
  const login = dpkgPackage(records[1], debian12, 'var/lib/dpkg/status')
  assert.equal(login.purl, 'pkg:deb/debian/login@1%3A4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12&upstream=shadow')
  assert.equal(login.version, '1:4.13+dfsg1-1+b1')
  const libc = dpkgPackage(records[0], { id: 'ubuntu', versionId: '22.04' }, 'var/lib/dpkg/status')
  assert.equal(libc.purl, 'pkg:deb/ubuntu/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=ubuntu-22.04&upstream=glibc%402.36-9%2Bdeb12u4')
})

test('dpkg: a distroless status.d entry without Status counts as installed; .md5sums files are not entries', () => {
  assert.deepEqual(
    parseDpkgStatus('Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n', false).map((r) => r.version),
    ['12.4+deb12u5']
  )
  assert.deepEqual(parseDpkgStatus('Package: base-files\nVersion: 12.4+deb12u5\n', true), [])
  assert.ok(isDpkgDatabaseFile('var/lib/dpkg/status.d/base-files'))
  assert.ok(!isDpkgDatabaseFile('var/lib/dpkg/status.d/base-files.md5sums'))
  assert.ok(!isDpkgDatabaseFile('var/lib/dpkg/status-old'))
})

test('apk: parses every record of a realistic installed database, with origin and license', () => {
  const text = readFileSync(new URL('../fixtures/sbom/apk-installed', import.meta.url), 'utf8')
  const records = parseApkInstalled(text)
  // Independent count: each record starts with its P: line.
  const expected = [...text.matchAll(/^P:(.+)\nV:(.+)$/gm)].map((m) => `${m[1]} ${m[2]}`)
  assert.equal(expected.length, 14)
  assert.deepEqual(
    records.map((r) => `${r.name} ${r.version}`),
    expected
  )
  const os = parseOsRelease(readFileSync(new URL('../fixtures/sbom/alpine-os-release', import.meta.url), 'utf8'))
  const libcrypto = apkPackage(
    records.find((r) => r.name === 'libcrypto3')!,
    os,
    'lib/apk/db/installed'
  )
  assert.equal(libcrypto.purl, 'pkg:apk/alpine/libcrypto3@3.1.4-r2?arch=x86_64&distro=alpine-3.19.1&upstream=openssl')
  assert.equal(libcrypto.declaredLicense, 'Apache-2.0')
  const musl = apkPackage(
    records.find((r) => r.name === 'musl')!,
    os,
    'lib/apk/db/installed'
  )
  assert.equal(musl.purl, 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1')
})

test('npm: only package directories count, scoped names go to the purl namespace', () => {
  assert.ok(isNpmPackageJson('usr/src/app/node_modules/lodash/package.json'))
  assert.ok(isNpmPackageJson('app/node_modules/@sigstore/core/package.json'))
  assert.ok(isNpmPackageJson('app/node_modules/.pnpm/a@1.0.0/node_modules/a/package.json'))
  assert.ok(isNpmPackageJson('app/node_modules/a/node_modules/b/package.json'))
  assert.ok(!isNpmPackageJson('app/node_modules/a/dist/esm/package.json'))
  assert.ok(!isNpmPackageJson('app/node_modules/.bin/package.json'))
  assert.ok(!isNpmPackageJson('app/package.json'))
  const record = parseNpmPackageJson(
    Buffer.from(JSON.stringify({ name: '@scope/pkg', version: '1.2.3', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }))
  )!
  assert.equal(npmPackage(record, 'x').purl, 'pkg:npm/%40scope/pkg@1.2.3')
  assert.equal(record.license, '(MIT OR Apache-2.0)')
  assert.equal(parseNpmPackageJson(Buffer.from('{"type":"module"}')), undefined)
})

test('python: METADATA headers stop at the body; names are PEP 503 normalized in purls', () => {
  const metadata =
    'Metadata-Version: 2.1\nName: Typing_Extensions.Foo\nVersion: 4.12.2\nLicense-Expression: PSF-2.0\nSummary: x\n\nName: not-a-header\n'
  const record = parsePythonMetadata(Buffer.from(metadata))!
  assert.equal(record.name, 'Typing_Extensions.Foo')
  assert.equal(pythonPackage(record, 'x').purl, 'pkg:pypi/typing-extensions-foo@4.12.2')
  assert.equal(normalizePythonName('Foo__Bar-.baz'), 'foo-bar-baz')
  const fullText = parsePythonMetadata(
    Buffer.from('Name: a\nVersion: 1\nLicense: Copyright (c) someone\n        Permission is hereby granted\n\n')
  )!
  assert.equal(fullText.license, undefined)
  assert.equal(parsePythonMetadata(Buffer.from('Name: a\nVersion: 1\nLicense: MIT\n\n'))!.license, 'MIT')
  assert.ok(isPythonMetadata('usr/lib/python3/dist-packages/pip-23.0.1.dist-info/METADATA'))
  assert.ok(!isPythonMetadata('usr/lib/python3/dist-packages/pip/METADATA'))
})

test('os-release: quoted and unquoted values; a file without ID is ignored', () => {
  assert.deepEqual(
    parseOsRelease('# comment\nID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_CODENAME=bookworm\n'),
    {
      id: 'debian',
      versionId: '12',
      versionCodename: 'bookworm',
      name: undefined,
      prettyName: 'Debian GNU/Linux 12 (bookworm)'
    }
  )
  assert.equal(parseOsRelease('NAME=x\n'), undefined)
})

test('declared licenses become SPDX expressions only when every identifier is listed', () => {
  assert.equal(spdxLicenseExpression('MIT'), 'MIT')
  assert.equal(spdxLicenseExpression('(MIT OR Apache-2.0)'), '(MIT OR Apache-2.0)')
  assert.equal(spdxLicenseExpression('GPL-2.0-or-later WITH Classpath-exception-2.0'), 'GPL-2.0-or-later WITH Classpath-exception-2.0')
  assert.equal(spdxLicenseExpression('MIT and BSD-2-Clause'), 'MIT AND BSD-2-Clause')
  assert.equal(spdxLicenseExpression('MIT BSD'), undefined)
  assert.equal(spdxLicenseExpression('BSD License'), undefined)
  assert.equal(spdxLicenseExpression('(MIT'), undefined)
})
