// CycloneDX 1.6 output: the same packages as the SPDX output of the same image, valid against the
// published 1.6 schema, with the fields consumers read (purl, bom-ref, licenses, evidence.occurrences).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { cycloneDxSchemaErrors, generateSbom, spdx23SchemaErrors, type ImageForSbom } from '../../src/sbom/index.js'
import { buildCycloneDxDocument } from '../../src/sbom/cyclonedx.js'
import { buildImage, type LayerEntrySpec } from '../harness/layers.js'
import { buildRpmdb, type BuiltRpmdb } from '../harness/rpmdb.js'

const DIGEST = 'sha256:' + 'e'.repeat(64)
const CREATED = '2024-05-01T12:00:00.123Z'
const fedoraOsRelease =
  'NAME="Fedora Linux"\nVERSION="40 (Container Image)"\nID=fedora\nVERSION_ID=40\nPRETTY_NAME="Fedora Linux 40 (Container Image)"\n'

let rpm: BuiltRpmdb

before(async () => {
  rpm = await buildRpmdb()
})

after(async () => {
  await rpm?.cleanup()
})

interface CdxComponent {
  type: string
  name: string
  version?: string
  purl?: string
  'bom-ref': string
  licenses?: Array<{ license?: { id?: string; name?: string }; expression?: string }>
  evidence?: { occurrences: Array<{ location: string }> }
}

interface CdxDocument {
  bomFormat: string
  specVersion: string
  serialNumber: string
  version: number
  metadata: {
    timestamp: string
    tools: { components: Array<{ type: string; name: string; version?: string }> }
    component: CdxComponent & { hashes?: Array<{ alg: string; content: string }> }
    properties?: Array<{ name: string; value: string }>
  }
  components: CdxComponent[]
  compositions?: Array<{ aggregate: string; assemblies: string[] }>
}

/** An image of this machine's dpkg status, the test rpmdb, an apk database and one npm package, in two layers. */
function layers(): LayerEntrySpec[][] {
  return [
    [
      { path: 'usr/lib/os-release', content: fedoraOsRelease },
      { path: 'etc/os-release', symlink: '../usr/lib/os-release' },
      { path: 'var/lib/rpm/rpmdb.sqlite', content: rpm.rpmdb },
      ...(existsSync('/var/lib/dpkg/status') ? [{ path: 'var/lib/dpkg/status', content: readFileSync('/var/lib/dpkg/status') }] : []),
      { path: 'lib/apk/db/installed', content: readFileSync('test/fixtures/sbom/apk-installed') }
    ],
    [
      { path: 'app/node_modules/left-pad/package.json', content: JSON.stringify({ name: 'left-pad', version: '1.3.0', license: 'WTFPL' }) },
      { path: 'srv/node_modules/left-pad/package.json', content: JSON.stringify({ name: 'left-pad', version: '1.3.0', license: 'WTFPL' }) },
      {
        path: 'app/node_modules/odd/package.json',
        content: JSON.stringify({ name: 'odd', version: '0.1.0', license: 'SEE LICENSE IN LICENSE.txt' })
      }
    ]
  ]
}

async function generateBoth(entries: LayerEntrySpec[][], options: { maxMetadataBytes?: number } = {}) {
  const built = await buildImage(entries)
  const image: ImageForSbom = {
    name: 'ghcr.io/acme/mixed',
    digest: DIGEST,
    platform: 'linux/amd64',
    config: { os: 'linux', architecture: 'amd64' },
    layers: built.layers
  }
  try {
    const common = { created: CREATED, toolName: 'digest-release-1.2.0', ...options }
    const spdx = await generateSbom(image, built.openBlob, common)
    const cdx = await generateSbom(image, built.openBlob, { ...common, format: 'cyclonedx' })
    return { spdx, cdx, document: cdx.document as unknown as CdxDocument }
  } finally {
    await built.cleanup()
  }
}

test('CycloneDX: lists the same packages as the SPDX document of the same image, and validates against the 1.6 schema', async () => {
  const { spdx, cdx, document } = await generateBoth(layers())
  assert.equal(spdx.format, 'spdx')
  assert.equal(spdx.predicateType, 'https://spdx.dev/Document/v2.3')
  assert.equal(cdx.format, 'cyclonedx')
  assert.equal(cdx.predicateType, 'https://cyclonedx.org/bom')
  assert.deepEqual(cycloneDxSchemaErrors(document), [])
  assert.deepEqual(spdx23SchemaErrors(spdx.document), [])

  const spdxPurls = (spdx.document as { packages: Array<{ SPDXID: string; externalRefs: Array<{ referenceLocator: string }> }> }).packages
    .filter((p) => p.SPDXID !== 'SPDXRef-Image')
    .map((p) => p.externalRefs[0].referenceLocator)
    .sort()
  const cdxPurls = document.components
    .filter((c) => c.type === 'library')
    .map((c) => c.purl)
    .sort()
  assert.deepEqual(cdxPurls, spdxPurls)
  const types = new Set<string>(cdx.packages.map((p) => p.type))
  for (const type of ['rpm', 'apk', 'npm', ...(existsSync('/var/lib/dpkg/status') ? ['deb'] : [])]) assert.ok(types.has(type), type)

  // Every bom-ref is unique (the schema cannot check that).
  const refs = [document.metadata.component['bom-ref'], ...document.components.map((c) => c['bom-ref'])]
  assert.equal(new Set(refs).size, refs.length)
})

test('CycloneDX: metadata names the image by digest, the tool, and a serial number that a rerun repeats', async () => {
  const { document, cdx } = await generateBoth(layers())
  assert.equal(document.bomFormat, 'CycloneDX')
  assert.equal(document.specVersion, '1.6')
  assert.equal(document.version, 1)
  assert.match(document.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.equal(document.metadata.timestamp, '2024-05-01T12:00:00Z')
  assert.deepEqual(document.metadata.tools, { components: [{ type: 'application', name: 'digest-release', version: '1.2.0' }] })
  assert.deepEqual(document.metadata.component, {
    type: 'container',
    'bom-ref': 'image',
    name: 'ghcr.io/acme/mixed',
    version: DIGEST,
    hashes: [{ alg: 'SHA-256', content: 'e'.repeat(64) }],
    purl: `pkg:oci/mixed@sha256%3A${'e'.repeat(64)}?arch=amd64&repository_url=ghcr.io%2Facme%2Fmixed`
  })
  assert.deepEqual(document.metadata.properties, [{ name: 'digest-release:platform', value: 'linux/amd64' }])
  assert.equal(document.compositions, undefined)

  const again = buildCycloneDxDocument(
    { name: 'ghcr.io/acme/mixed', digest: DIGEST, platform: 'linux/amd64', architecture: 'amd64' },
    cdx.packages,
    cdx.os,
    { created: '2030-01-01T00:00:00Z', toolName: 'digest-release-1.2.0' }
  ) as unknown as CdxDocument
  assert.equal(again.serialNumber, document.serialNumber)
  const other = buildCycloneDxDocument({ name: 'ghcr.io/acme/mixed', digest: 'sha256:' + 'f'.repeat(64) }, [], undefined, {
    created: CREATED,
    toolName: 'digest-release-1.2.0'
  }) as unknown as CdxDocument
  assert.notEqual(other.serialNumber, document.serialNumber)
  assert.deepEqual(cycloneDxSchemaErrors(other), [])
})

test('CycloneDX: components carry purl, licenses (id, expression or name), the os, and where each was found', async () => {
  const { document } = await generateBoth(layers())
  const byName = (name: string): CdxComponent => {
    const found = document.components.find((c) => c.name === name)
    assert.ok(found, name)
    return found
  }
  assert.deepEqual(byName('fedora'), {
    type: 'operating-system',
    'bom-ref': 'os:fedora@40',
    name: 'fedora',
    version: '40',
    description: 'Fedora Linux 40 (Container Image)'
  })

  const hello = byName('dr-hello')
  assert.equal(hello.type, 'library')
  assert.equal(hello.version, '1.2.3-4.fc40')
  assert.equal(hello.purl, 'pkg:rpm/fedora/dr-hello@1.2.3-4.fc40?arch=noarch&distro=fedora-40&upstream=dr-hello-1.2.3-4.fc40.src.rpm')
  assert.equal(hello['bom-ref'], hello.purl)
  assert.deepEqual(hello.licenses, [{ license: { id: 'MIT', acknowledgement: 'declared' } }])
  assert.deepEqual(hello.evidence, { occurrences: [{ location: '/var/lib/rpm/rpmdb.sqlite' }] })

  assert.equal(byName('dr-tools').version, '2:0.9-1.fc40')
  assert.deepEqual(byName('dr-tools').licenses, [{ expression: 'GPL-2.0-or-later AND Apache-2.0', acknowledgement: 'declared' }])
  assert.deepEqual(byName('odd').licenses, [{ license: { name: 'SEE LICENSE IN LICENSE.txt', acknowledgement: 'declared' } }])

  // One package found at two paths is one component with two occurrences.
  const leftPad = document.components.filter((c) => c.name === 'left-pad')
  assert.equal(leftPad.length, 1)
  assert.deepEqual(leftPad[0].evidence?.occurrences.map((o) => o.location).sort(), [
    '/app/node_modules/left-pad/package.json',
    '/srv/node_modules/left-pad/package.json'
  ])
  assert.deepEqual(leftPad[0].licenses, [{ license: { id: 'WTFPL', acknowledgement: 'declared' } }])

  const musl = byName('musl')
  assert.match(String(musl.purl), /^pkg:apk\/fedora\/musl@/) // the os-release says Fedora; the apk purl follows it
  assert.deepEqual(musl.evidence, { occurrences: [{ location: '/lib/apk/db/installed' }] })
})

test('CycloneDX: a metadata file that was not catalogued makes the document say it is incomplete', async () => {
  const { document, cdx } = await generateBoth(layers(), { maxMetadataBytes: 1024 })
  assert.ok(cdx.skipped.length > 0)
  assert.deepEqual(document.compositions, [{ aggregate: 'incomplete', assemblies: ['image'] }])
  const notCatalogued = (document.metadata.properties ?? []).filter((p) => p.name === 'digest-release:not-catalogued')
  assert.equal(notCatalogued.length, cdx.skipped.length)
  assert.ok(notCatalogued.some((p) => p.value.startsWith('/var/lib/rpm/rpmdb.sqlite in layer sha256:')))
  assert.deepEqual(cycloneDxSchemaErrors(document), [])
})
