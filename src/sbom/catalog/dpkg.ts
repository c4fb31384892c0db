// Debian packages from dpkg's database: /var/lib/dpkg/status (one stanza per package, dpkg-query(1))
// and distroless images' /var/lib/dpkg/status.d/<name> (one stanza per file, often without a Status field).
import { posix } from 'node:path'
import { parseStanzas } from './deb822.js'
import { formatPurl } from './purl.js'
import type { CatalogedPackage, OsRelease } from './types.js'

export const DPKG_STATUS_PATH = 'var/lib/dpkg/status'
export const DPKG_STATUS_DIR = 'var/lib/dpkg/status.d'

export interface DpkgRecord {
  name: string
  version: string
  architecture?: string
  source?: string
  sourceVersion?: string
  description?: string
}

const FIELDS = new Set(['package', 'version', 'architecture', 'source', 'status', 'description'])

/** Matches the status file and status.d entries wherever a symlinked directory may have put them. */
export function isDpkgDatabaseFile(path: string): boolean {
  return /(^|\/)dpkg\/status$/.test(path) || (/(^|\/)dpkg\/status\.d\/[^/]+$/.test(path) && !path.endsWith('.md5sums'))
}

/**
 * Keeps installed packages only: the third word of Status is the package's state, and only
 * `installed` means its files are on disk (dpkg(1), "PACKAGE STATES"). Entries without a Status
 * field (distroless status.d) are taken as installed, since they describe what the image contains.
 */
export function parseDpkgStatus(text: string, statusRequired: boolean): DpkgRecord[] {
  const records: DpkgRecord[] = []
  for (const stanza of parseStanzas(text, FIELDS)) {
    const name = stanza.get('package')
    const version = stanza.get('version')
    if (!name || !version) continue
    const status = stanza.get('status')
    if (status !== undefined ? status.split(/\s+/)[2] !== 'installed' : statusRequired) continue
    const record: DpkgRecord = {
      name,
      version,
      architecture: stanza.get('architecture') || undefined,
      description: stanza.get('description') || undefined
    }
    // "Source: name (version)" when the source version differs from the binary's (deb-control(5)).
    const source = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(stanza.get('source') ?? '')
    if (source) {
      record.source = source[1]
      record.sourceVersion = source[2]
    }
    records.push(record)
  }
  return records
}

export function parseDpkgFile(path: string, content: Buffer): DpkgRecord[] {
  return parseDpkgStatus(content.toString('utf8'), posix.basename(path) === 'status')
}

export function dpkgPackage(record: DpkgRecord, os: OsRelease | undefined, location: string): CatalogedPackage {
  // The purl namespace is the vendor: debian, ubuntu, ... (purl-spec, type "deb").
  const vendor = os && os.id !== 'linux' ? os.id : 'debian'
  const upstream =
    record.source && record.source !== record.name
      ? record.sourceVersion
        ? `${record.source}@${record.sourceVersion}`
        : record.source
      : undefined
  return {
    type: 'deb',
    name: record.name,
    version: record.version,
    purl: formatPurl({
      type: 'deb',
      namespace: vendor,
      name: record.name,
      version: record.version,
      qualifiers: { arch: record.architecture, distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined, upstream }
    }),
    architecture: record.architecture,
    source: record.source !== record.name ? record.source : undefined,
    description: record.description,
    locations: [location]
  }
}
