// PHP packages installed by Composer: <vendor dir>/composer/installed.json, which Composer rewrites on
// every install. Composer 2 writes {"packages": [...], "dev": true, "dev-package-names": [...]};
// Composer 1 wrote the array of packages alone. Each package is its composer.json as installed, with
// "name": "vendor/name", "version" (as tagged: "3.5.0", "v6.4.1", "dev-main") and "license" (an array).
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface ComposerRecord {
  name: string
  version: string
  licenses: string[]
  description?: string
}

const INSTALLED_JSON = /(^|\/)composer\/installed\.json$/

export function isComposerInstalledJson(path: string): boolean {
  return INSTALLED_JSON.test(path)
}

export function parseComposerInstalled(content: Buffer): ComposerRecord[] | undefined {
  const json: unknown = JSON.parse(content.toString('utf8'))
  const packages: unknown = Array.isArray(json)
    ? json
    : json && typeof json === 'object'
      ? (json as { packages?: unknown }).packages
      : undefined
  if (!Array.isArray(packages)) return undefined
  const records: ComposerRecord[] = []
  for (const entry of packages) {
    if (!entry || typeof entry !== 'object') continue
    const { name, version, license, description } = entry as Record<string, unknown>
    // A package name is vendor/project (https://getcomposer.org/doc/04-schema.md#name).
    if (typeof name !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(name) || typeof version !== 'string' || version === '') continue
    const licenses = (Array.isArray(license) ? license : [license]).filter((l): l is string => typeof l === 'string' && l !== '')
    records.push({
      name,
      version,
      licenses,
      description: typeof description === 'string' && description !== '' ? description.slice(0, 256) : undefined
    })
  }
  return records.length === 0 ? undefined : records
}

export function composerPackage(record: ComposerRecord, location: string): CatalogedPackage {
  const [vendor, project] = record.name.split('/')
  // Several licenses are a choice ("disjunctive", https://getcomposer.org/doc/04-schema.md#license).
  const license =
    record.licenses.length === 0 ? undefined : record.licenses.length === 1 ? record.licenses[0] : `(${record.licenses.join(' OR ')})`
  return {
    type: 'composer',
    name: record.name,
    version: record.version,
    purl: formatPurl({ type: 'composer', namespace: vendor, name: project, version: record.version }),
    declaredLicense: license,
    description: record.description,
    locations: [location]
  }
}
