// Python distributions: <name>-<version>.dist-info/METADATA, an email-style header block
// (https://packaging.python.org/en/latest/specifications/core-metadata/).
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface PythonRecord {
  name: string
  version: string
  license?: string
  summary?: string
}

export function isPythonMetadata(path: string): boolean {
  return /(^|\/)[^/]+\.dist-info\/METADATA$/.test(path)
}

export function parsePythonMetadata(content: Buffer): PythonRecord | undefined {
  const headers = new Map<string, string>()
  let lastKey = ''
  let multiLineLicense = false
  for (const line of content.toString('utf8').split('\n')) {
    const text = line.replace(/\r$/, '')
    if (text === '') break // the body (long description) starts after the first blank line
    if (text[0] === ' ' || text[0] === '\t') {
      // A continued License field is the license's full text, not a name.
      if (lastKey === 'license') multiLineLicense = true
      continue
    }
    const colon = text.indexOf(':')
    if (colon <= 0) continue
    lastKey = text.slice(0, colon).toLowerCase()
    if (!headers.has(lastKey)) headers.set(lastKey, text.slice(colon + 1).trim())
  }
  if (multiLineLicense) headers.delete('license')
  const name = headers.get('name')
  const version = headers.get('version')
  if (!name || !version) return undefined
  // License-Expression (metadata 2.4) is an SPDX expression; the older License field is free text, kept only when short.
  const license = headers.get('license-expression') || shortLicense(headers.get('license'))
  return { name, version, license, summary: headers.get('summary') || undefined }
}

function shortLicense(value: string | undefined): string | undefined {
  return value && value.length <= 64 && value !== 'UNKNOWN' ? value : undefined
}

/** PEP 503 normalized name: runs of "-", "_" and "." become one "-", lower-cased. */
export function normalizePythonName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

export function pythonPackage(record: PythonRecord, location: string): CatalogedPackage {
  return {
    type: 'pypi',
    name: record.name,
    version: record.version,
    purl: formatPurl({ type: 'pypi', name: normalizePythonName(record.name), version: record.version }),
    declaredLicense: record.license,
    description: record.summary,
    locations: [location]
  }
}
