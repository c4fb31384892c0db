// RPM packages from rpm's SQLite database (rpm >= 4.16: Fedora 33+, RHEL/UBI 9+, Amazon Linux 2023,
// openSUSE Tumbleweed): table Packages(hnum, blob), one row per installed package, each blob an RPM
// header (https://rpm-software-management.github.io/rpm/manual/format_header.html) without the lead magic.
// Berkeley DB (var/lib/rpm/Packages: RHEL/UBI 8, CentOS 7, Amazon Linux 2) and NDB (SUSE's Packages.db)
// are not read yet.
import { formatPurl } from './purl.js'
import { readSqliteTable } from './sqlite.js'
import type { CatalogedPackage, OsRelease } from './types.js'

/** Fedora and RHEL 9 keep it in /var/lib/rpm (on Fedora a symlink to the second); openSUSE and newer Fedora in /usr/lib/sysimage/rpm. */
export const RPMDB_PATHS = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite'] as const

/**
 * rpmdb.sqlite holds every header with its file lists: a minimal UBI 9 image's is 6-10 MiB, a large
 * Fedora install's a few tens. The other metadata files are capped at 16 MiB; this one may use up to
 * 48 MiB of the per-image budget (64 MiB), leaving room for the language packages in upper layers.
 */
export const MAX_RPMDB_SIZE = 48 * 1024 * 1024

export interface RpmRecord {
  name: string
  version: string
  release: string
  epoch?: number
  arch?: string
  license?: string
  sourceRpm?: string
  vendor?: string
  summary?: string
}

// Header tags (rpmtag.h) and types (header data types).
const TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  summary: 1004,
  vendor: 1011,
  license: 1014,
  arch: 1022,
  sourceRpm: 1044
}
const TYPE_INT32 = 4
const TYPE_STRING = 6
const TYPE_STRING_ARRAY = 8
const TYPE_I18NSTRING = 9
/** rpm refuses headers with more entries or data than these (header_internal.h, HEADER_TAGS_MAX / HEADER_DATA_MAX). */
const MAX_ENTRIES = 0x10000
const MAX_DATA = 256 * 1024 * 1024

/** The two places rpm keeps it (also below a symlinked directory); a stray copy elsewhere is not the image's database. */
export function isRpmDatabaseFile(path: string): boolean {
  return /(^|\/)(var\/lib|usr\/lib\/sysimage)\/rpm\/rpmdb\.sqlite$/.test(path)
}

/**
 * The tags we use from one header blob: big-endian entry count and data size, the index entries
 * (tag, type, offset into the data, count), then the data. Strings are NUL-terminated; an i18n
 * string is one per locale, the first being the untranslated one.
 */
export function parseRpmHeader(blob: Buffer): RpmRecord | undefined {
  if (blob.length < 8) throw new Error('RPM header shorter than its preamble')
  const entries = blob.readUInt32BE(0)
  const dataSize = blob.readUInt32BE(4)
  if (entries > MAX_ENTRIES || dataSize > MAX_DATA) throw new Error(`RPM header of ${entries} entries and ${dataSize} bytes is too large`)
  const dataStart = 8 + entries * 16
  if (dataStart + dataSize > blob.length) throw new Error('RPM header is truncated')
  const data = blob.subarray(dataStart, dataStart + dataSize)

  const strings = new Map<number, string>()
  const ints = new Map<number, number>()
  const wanted = new Set<number>(Object.values(TAG))
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * 16
    const tag = blob.readUInt32BE(at)
    if (!wanted.has(tag) || strings.has(tag) || ints.has(tag)) continue
    const type = blob.readUInt32BE(at + 4)
    const offset = blob.readUInt32BE(at + 8)
    const count = blob.readUInt32BE(at + 12)
    if (offset >= data.length || count === 0) continue
    if (type === TYPE_INT32) {
      if (offset + 4 <= data.length) ints.set(tag, data.readInt32BE(offset))
    } else if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY) {
      const end = data.indexOf(0, offset)
      if (end !== -1) strings.set(tag, data.toString('utf8', offset, end))
    }
  }
  const name = strings.get(TAG.name)
  const version = strings.get(TAG.version)
  const release = strings.get(TAG.release)
  if (!name || !version || release === undefined) return undefined
  return {
    name,
    version,
    release,
    epoch: ints.get(TAG.epoch),
    arch: strings.get(TAG.arch) || undefined,
    license: strings.get(TAG.license) || undefined,
    sourceRpm: strings.get(TAG.sourceRpm) || undefined,
    vendor: strings.get(TAG.vendor) || undefined,
    summary: strings.get(TAG.summary) || undefined
  }
}

/**
 * Every installed package in an rpmdb.sqlite. `gpg-pubkey` entries are the keys rpm trusts, imported
 * into the database as pseudo-packages, not software, and are left out (as Trivy does).
 */
export function parseRpmDatabase(content: Buffer): RpmRecord[] {
  const records: RpmRecord[] = []
  for (const row of readSqliteTable(content, 'Packages')) {
    const blob = row.values[1]
    if (!Buffer.isBuffer(blob)) continue
    const record = parseRpmHeader(blob)
    if (record && record.name !== 'gpg-pubkey') records.push(record)
  }
  return records
}

/** The purl namespace syft writes: the os-release ID, with RHEL as "redhat" and every openSUSE as "opensuse". */
function rpmNamespace(os: OsRelease | undefined): string | undefined {
  if (!os) return undefined
  if (os.id === 'rhel') return 'redhat'
  if (os.id.startsWith('opensuse')) return 'opensuse'
  return os.id
}

export function rpmPackage(record: RpmRecord, os: OsRelease | undefined, location: string): CatalogedPackage {
  const versionRelease = `${record.version}-${record.release}`
  return {
    type: 'rpm',
    name: record.name,
    // As rpm -q prints it with %{EVR}, and as syft's version: the epoch only when the package has one.
    version: record.epoch !== undefined ? `${record.epoch}:${versionRelease}` : versionRelease,
    // purl-spec, type "rpm": the epoch is a qualifier, not part of the version.
    purl: formatPurl({
      type: 'rpm',
      namespace: rpmNamespace(os),
      name: record.name,
      version: versionRelease,
      qualifiers: {
        arch: record.arch,
        epoch: record.epoch !== undefined ? String(record.epoch) : undefined,
        upstream: record.sourceRpm,
        distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined
      }
    }),
    architecture: record.arch,
    source: record.sourceRpm,
    declaredLicense: record.license,
    description: record.summary,
    locations: [location]
  }
}
