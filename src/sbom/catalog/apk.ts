// Alpine packages from apk's database, /lib/apk/db/installed: one record per package, records
// separated by blank lines, each line "<letter>:<value>" (https://wiki.alpinelinux.org/wiki/Apk_spec, "Installed Database").
import { formatPurl } from './purl.js'
import type { CatalogedPackage, OsRelease } from './types.js'

export const APK_INSTALLED_PATH = 'lib/apk/db/installed'

export interface ApkRecord {
  name: string
  version: string
  architecture?: string
  origin?: string
  license?: string
  description?: string
  url?: string
}

export function isApkDatabaseFile(path: string): boolean {
  return /(^|\/)apk\/db\/installed$/.test(path)
}

export function parseApkInstalled(text: string): ApkRecord[] {
  const records: ApkRecord[] = []
  let current: Partial<ApkRecord> = {}
  const flush = (): void => {
    if (current.name && current.version) records.push(current as ApkRecord)
    current = {}
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush()
      continue
    }
    if (line[1] !== ':') continue
    const value = line.slice(2).trim()
    // File lists (F:, R:, Z:, a:, M:) repeat per file and are skipped; only the package fields are kept.
    switch (line[0]) {
      case 'P':
        current.name = value
        break
      case 'V':
        current.version = value
        break
      case 'A':
        current.architecture = value
        break
      case 'o':
        current.origin = value
        break
      case 'L':
        current.license = value
        break
      case 'T':
        current.description = value
        break
      case 'U':
        current.url = value
        break
    }
  }
  flush()
  return records
}

export function apkPackage(record: ApkRecord, os: OsRelease | undefined, location: string): CatalogedPackage {
  const vendor = os && os.id !== 'linux' ? os.id : 'alpine'
  return {
    type: 'apk',
    name: record.name,
    version: record.version,
    purl: formatPurl({
      type: 'apk',
      namespace: vendor,
      name: record.name,
      version: record.version,
      qualifiers: {
        arch: record.architecture,
        distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined,
        upstream: record.origin && record.origin !== record.name ? record.origin : undefined
      }
    }),
    architecture: record.architecture,
    source: record.origin && record.origin !== record.name ? record.origin : undefined,
    declaredLicense: record.license,
    description: record.description,
    locations: [location]
  }
}
