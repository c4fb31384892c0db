// `sbom: <path>`: recognise an SPDX 2.3 or CycloneDX 1.5/1.6 JSON file by its content, validate it
// against the format's published JSON schema, and hand back its bytes unchanged for the attestation.
import { readFile } from 'node:fs/promises'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import ajvFormats from 'ajv-formats'
import { PREDICATE_TYPE } from '../sigstore/predicates.js'
import cyclonedx15 from './schemas/cyclonedx-bom-1.5.schema.json' with { type: 'json' }
import cyclonedx16 from './schemas/cyclonedx-bom-1.6.schema.json' with { type: 'json' }
import cyclonedxJsf from './schemas/cyclonedx-jsf-0.82.schema.json' with { type: 'json' }
import cyclonedxSpdx from './schemas/cyclonedx-spdx.schema.json' with { type: 'json' }
import spdx23 from './schemas/spdx-2.3.schema.json' with { type: 'json' }

export type SbomFormat = 'spdx' | 'cyclonedx'

/** An SBOM file that cannot be attested as it is: the message names the file, the problem and the fix. */
export class SbomFileError extends Error {
  override name = 'SbomFileError'
}

export interface SbomFile {
  format: SbomFormat
  /** "2.3" for SPDX, "1.5" or "1.6" for CycloneDX. */
  version: string
  predicateType: string
  /** The file's bytes, unchanged: this is what gets attested. */
  bytes: Buffer
  document: unknown
}

const MAX_ERRORS_SHOWN = 5
const CYCLONEDX_VERSIONS = ['1.5', '1.6'] as const
type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number]

// ajv-formats is CommonJS; under NodeNext its default import is the module object or the plugin itself.
const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as unknown as (ajv: Ajv) => Ajv

let ajv: Ajv | undefined
const validators = new Map<string, ValidateFunction>()

function validatorFor(key: 'spdx-2.3' | `cyclonedx-${CycloneDxVersion}`): ValidateFunction {
  let validate = validators.get(key)
  if (validate) return validate
  if (!ajv) {
    // strict: false because the published schemas use keywords ajv does not know ("meta:enum", "examples" in places).
    ajv = new Ajv({ strict: false, allErrors: true })
    addFormats(ajv)
    // Formats the CycloneDX schemas use that ajv-formats lacks; checked loosely rather than ignored.
    ajv.addFormat('iri-reference', /^\S*$/u)
    ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u)
    // The CycloneDX schemas refer to these by file name relative to their own $id.
    ajv.addSchema({ ...cyclonedxSpdx, $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json' })
    ajv.addSchema({ ...cyclonedxJsf, $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json' })
  }
  const schema = key === 'spdx-2.3' ? spdx23 : key === 'cyclonedx-1.5' ? cyclonedx15 : cyclonedx16
  validate = ajv.compile(schema)
  validators.set(key, validate)
  return validate
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  const lines = (errors ?? []).slice(0, MAX_ERRORS_SHOWN).map((e) => {
    const where = e.instancePath === '' ? 'the document' : e.instancePath
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (\`${(e.params as { additionalProperty: string }).additionalProperty}\`)`
        : e.keyword === 'enum'
          ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.slice(0, 8).join(', ')})`
          : ''
    return `${where} ${e.message ?? 'is invalid'}${extra}`
  })
  const more = (errors?.length ?? 0) > MAX_ERRORS_SHOWN ? `; and ${(errors?.length ?? 0) - MAX_ERRORS_SHOWN} more` : ''
  return lines.join('; ') + more
}

/** What a file that is not JSON probably is, so the message can say what to convert. */
function guessNonJson(text: string): string {
  const start = text.trimStart()
  if (start.startsWith('<')) return 'it looks like XML; give the JSON form of the SBOM'
  if (/^SPDXVersion:/m.test(start)) return 'it looks like SPDX tag-value; give SPDX 2.3 JSON (e.g. convert it with the SPDX tools)'
  if (/^spdxVersion:/m.test(start) || /^bomFormat:/m.test(start)) return 'it looks like YAML; give the JSON form of the SBOM'
  return 'expected SPDX 2.3 JSON or CycloneDX 1.5/1.6 JSON'
}

/** Parses, recognises and validates an SBOM file; throws SbomFileError naming the file and the problem. */
export async function loadSbomFile(path: string): Promise<SbomFile> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : (error as Error).message
    throw new SbomFileError(
      `SBOM file ${path} ${reason}; give a path to an SPDX 2.3 or CycloneDX 1.5/1.6 JSON file, \`generate\` or \`none\``
    )
  }
  // A UTF-8 byte order mark is tolerated for parsing; the attested bytes stay as they are.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new SbomFileError(`SBOM file ${path} is empty; expected SPDX 2.3 JSON or CycloneDX 1.5/1.6 JSON`)

  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new SbomFileError(`SBOM file ${path} is not JSON (${(error as Error).message}): ${guessNonJson(text)}`)
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new SbomFileError(
      `SBOM file ${path} holds a JSON ${Array.isArray(document) ? 'array' : typeof document}, not an SBOM object; expected SPDX 2.3 JSON or CycloneDX 1.5/1.6 JSON`
    )
  }

  const fields = document as Record<string, unknown>
  if (typeof fields.spdxVersion === 'string') {
    if (fields.spdxVersion !== 'SPDX-2.3') {
      throw new SbomFileError(
        `SBOM file ${path} is ${fields.spdxVersion}, but only SPDX-2.3 is accepted (it is attested as ${PREDICATE_TYPE.spdx23}); regenerate it as SPDX 2.3`
      )
    }
    return validated(path, bytes, document, 'spdx', '2.3', 'spdx-2.3', PREDICATE_TYPE.spdx23)
  }
  if (fields.bomFormat === 'CycloneDX') {
    const version = fields.specVersion
    if (!CYCLONEDX_VERSIONS.includes(version as CycloneDxVersion)) {
      throw new SbomFileError(
        `SBOM file ${path} is CycloneDX ${typeof version === 'string' ? version : '(no specVersion)'}, but only CycloneDX 1.5 and 1.6 are accepted; regenerate it with a newer spec version`
      )
    }
    return validated(
      path,
      bytes,
      document,
      'cyclonedx',
      version as CycloneDxVersion,
      `cyclonedx-${version as CycloneDxVersion}`,
      PREDICATE_TYPE.cycloneDx
    )
  }
  if ('@context' in fields && JSON.stringify(fields['@context']).includes('spdx')) {
    throw new SbomFileError(`SBOM file ${path} looks like SPDX 3 JSON-LD; only SPDX 2.3 JSON and CycloneDX 1.5/1.6 JSON are accepted`)
  }
  throw new SbomFileError(
    `SBOM file ${path} is JSON but neither SPDX (no "spdxVersion") nor CycloneDX (no "bomFormat": "CycloneDX"); expected SPDX 2.3 JSON or CycloneDX 1.5/1.6 JSON`
  )
}

function validated(
  path: string,
  bytes: Buffer,
  document: unknown,
  format: SbomFormat,
  version: string,
  schema: Parameters<typeof validatorFor>[0],
  predicateType: string
): SbomFile {
  const validate = validatorFor(schema)
  if (!validate(document)) {
    const label = format === 'spdx' ? 'SPDX 2.3' : `CycloneDX ${version}`
    throw new SbomFileError(
      `SBOM file ${path} is not valid ${label} JSON (checked against the published schema): ${describeErrors(validate.errors)}`
    )
  }
  return { format, version, predicateType, bytes, document }
}

/** Validates a document (e.g. one we generated) against the SPDX 2.3 schema; returns the problems, empty when valid. */
export function spdx23SchemaErrors(document: unknown): string[] {
  const validate = validatorFor('spdx-2.3')
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
}

/** Validates a document (e.g. one we generated) against the CycloneDX 1.5 or 1.6 schema; returns the problems, empty when valid. */
export function cycloneDxSchemaErrors(document: unknown, version: CycloneDxVersion = '1.6'): string[] {
  const validate = validatorFor(`cyclonedx-${version}`)
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
}
