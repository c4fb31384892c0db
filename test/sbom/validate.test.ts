// loadSbomFile: recognise SPDX 2.3 and CycloneDX 1.5/1.6 by content, validate with the published
// schemas (against each format's own conformance files), keep the bytes, and name the file and the fault.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadSbomFile, SbomFileError } from '../../src/sbom/index.js'
import { PREDICATE_TYPE } from '../../src/sigstore/predicates.js'

const FIXTURES = new URL('../fixtures/sbom/', import.meta.url).pathname

for (const version of ['1.5', '1.6']) {
  test(`CycloneDX ${version}: every conformance file of the specification is accepted or refused as it says`, async () => {
    const dir = join(FIXTURES, 'cyclonedx', version)
    const files = await readdir(dir)
    assert.ok(files.filter((f) => f.startsWith('valid-')).length > 20 && files.filter((f) => f.startsWith('invalid-')).length > 15)
    for (const file of files) {
      const path = join(dir, file)
      if (file.startsWith('valid-')) {
        const sbom = await loadSbomFile(path)
        assert.equal(sbom.format, 'cyclonedx', file)
        assert.equal(sbom.version, version)
        assert.equal(sbom.predicateType, PREDICATE_TYPE.cycloneDx)
        assert.ok(sbom.bytes.equals(await readFile(path)), `${file}: bytes must be attested unchanged`)
      } else {
        await assert.rejects(loadSbomFile(path), (error: Error) => error instanceof SbomFileError && error.message.includes(path), file)
      }
    }
  })
}

test("SPDX 2.3: the specification's example is accepted with the SPDX predicate type; 2.2 is refused by version", async () => {
  const path = join(FIXTURES, 'spdx', 'SPDXJSONExample-v2.3.spdx.json')
  const sbom = await loadSbomFile(path)
  assert.equal(sbom.format, 'spdx')
  assert.equal(sbom.predicateType, 'https://spdx.dev/Document/v2.3')
  assert.ok(sbom.bytes.equals(await readFile(path)))
  assert.equal((sbom.document as { name: string }).name, 'SPDX-Tools-v2.0')
  const old = join(FIXTURES, 'spdx', 'SPDXJSONExample-v2.2.spdx.json')
  await assert.rejects(loadSbomFile(old), /SBOM file .*v2\.2\.spdx\.json is SPDX-2\.2, but only SPDX-2\.3 is accepted/)
})

test('files that are not a valid SBOM fail with the file named and what is wrong', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sbom-validate-'))
  try {
    const write = async (name: string, content: string): Promise<string> => {
      const path = join(dir, name)
      await writeFile(path, content)
      return path
    }
    const spdx = JSON.parse(await readFile(join(FIXTURES, 'spdx', 'SPDXJSONExample-v2.3.spdx.json'), 'utf8')) as Record<string, unknown>
    const cases: Array<[string, string, RegExp]> = [
      ['missing.json', '', /missing\.json does not exist/],
      ['empty.json', '  \n', /empty\.json is empty/],
      ['broken.json', '{"spdxVersion": "SPDX-2.3",', /broken\.json is not JSON \(.*\): expected SPDX 2\.3 JSON or CycloneDX/],
      ['bom.xml', '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>', /bom\.xml is not JSON .*looks like XML/],
      ['doc.spdx', 'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n', /doc\.spdx is not JSON .*SPDX tag-value/],
      ['array.json', '[]', /array\.json holds a JSON array, not an SBOM object/],
      ['other.json', '{"name":"package.json perhaps","version":"1.0.0"}', /other\.json is JSON but neither SPDX .* nor CycloneDX/],
      [
        'cdx14.json',
        '{"bomFormat":"CycloneDX","specVersion":"1.4","version":1}',
        /cdx14\.json is CycloneDX 1\.4, but only CycloneDX 1\.5 and 1\.6/
      ],
      ['spdx3.json', '{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}', /spdx3\.json looks like SPDX 3/],
      [
        'no-creation-info.json',
        JSON.stringify({ ...spdx, creationInfo: undefined }),
        /no-creation-info\.json is not valid SPDX 2\.3 JSON .*the document must have required property 'creationInfo'/
      ],
      [
        'bad-relationship.json',
        JSON.stringify({
          ...spdx,
          relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'LIKES', relatedSpdxElement: 'x' }]
        }),
        /bad-relationship\.json is not valid SPDX 2\.3 JSON .*\/relationships\/0\/relationshipType must be equal to one of the allowed values \(VARIANT_OF, COPY_OF/
      ]
    ]
    for (const [name, content, expected] of cases) {
      const path = name === 'missing.json' ? join(dir, name) : await write(name, content)
      await assert.rejects(
        loadSbomFile(path),
        (error: Error) => {
          assert.ok(error instanceof SbomFileError, name)
          assert.match(error.message, expected)
          return true
        },
        `${name} must be refused`
      )
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
