// npm packages: the package.json at the top of each installed package directory,
// node_modules/<name>/package.json or node_modules/@scope/<name>/package.json, at any depth.
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface NpmRecord {
  name: string
  version: string
  license?: string
  description?: string
}

// A package directory's name never starts with "." (node_modules/.bin, .pnpm, .cache are not packages);
// nested package.json files deeper in a package (dist/esm/package.json) are not packages either.
const PACKAGE_JSON = /(^|\/)node_modules\/(@[^/.][^/]*\/)?[^/.@][^/]*\/package\.json$/

export function isNpmPackageJson(path: string): boolean {
  return PACKAGE_JSON.test(path)
}

export function parseNpmPackageJson(content: Buffer): NpmRecord | undefined {
  const json: unknown = JSON.parse(content.toString('utf8'))
  if (typeof json !== 'object' || json === null) return undefined
  const { name, version, license, licenses, description } = json as Record<string, unknown>
  if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '') return undefined
  return {
    name,
    version,
    license: npmLicense(license, licenses),
    description: typeof description === 'string' ? description.slice(0, 256) : undefined
  }
}

// "license": "MIT" is current; { "type": "MIT" } and "licenses": [{ "type": ... }] are the deprecated forms.
function npmLicense(license: unknown, licenses: unknown): string | undefined {
  if (typeof license === 'string') return license
  if (license && typeof license === 'object' && typeof (license as { type?: unknown }).type === 'string')
    return (license as { type: string }).type
  if (Array.isArray(licenses)) {
    const types = licenses
      .map((l) => (l && typeof l === 'object' ? (l as { type?: unknown }).type : undefined))
      .filter((t): t is string => typeof t === 'string')
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`
  }
  return undefined
}

export function npmPackage(record: NpmRecord, location: string): CatalogedPackage {
  const scoped = record.name.startsWith('@') && record.name.includes('/')
  const namespace = scoped ? record.name.slice(0, record.name.indexOf('/')) : undefined
  const name = scoped ? record.name.slice(record.name.indexOf('/') + 1) : record.name
  return {
    type: 'npm',
    name: record.name,
    version: record.version,
    purl: formatPurl({ type: 'npm', namespace, name, version: record.version }),
    declaredLicense: record.license,
    description: record.description,
    locations: [location]
  }
}
