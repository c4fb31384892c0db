// Java archives (.jar, .war, .ear): the Maven coordinates in META-INF/maven/<group>/<artifact>/pom.properties
// (one per artifact, several in a shaded jar), else META-INF/MANIFEST.MF, and the same for the archives
// nested inside (Spring Boot's BOOT-INF/lib/*.jar, WEB-INF/lib/*.jar, an .ear's modules), a few levels deep.
//
// An archive is read whole into memory (up to MAX_JAVA_ARCHIVE_SIZE), since the central directory is at
// its end and a tar entry cannot be read backwards; only the entries needed are inflated, and nested
// archives are inflated one at a time within the same bound.
import { posix } from 'node:path'
import type { FileMatcher, FileScanner } from './filesystem.js'
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'
import { readZipEntry, zipEntries, type ZipEntry } from './zip.js'

export const MAX_JAVA_ARCHIVE_SIZE = 64 * 1024 * 1024
/** Archives inside archives inside the archive: deeper ones are not opened. */
export const MAX_JAVA_NESTING = 3
const MAX_METADATA_ENTRY = 1024 * 1024

export interface JavaRecord {
  groupId: string
  artifactId: string
  version: string
  /** Where it was found inside the archive: '' for the archive itself, else nested archive paths joined by ':'. */
  nested: string
  /** 'pom.properties' or 'MANIFEST.MF'. */
  from: string
}

const ARCHIVE = /\.(jar|war|ear)$/i

export function isJavaArchive(path: string): boolean {
  return ARCHIVE.test(path)
}

/** Java .properties, as far as pom.properties needs: key=value or key: value, # and ! comments. */
export function parseProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line)
    if (match) properties.set(match[1], match[2])
  }
  return properties
}

/** The main section of a manifest: "Name: value" lines, continued by lines starting with one space. */
export function parseManifest(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  let last: string | undefined
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break // the main section ends at the first blank line
    if (line.startsWith(' ') && last) fields.set(last, (fields.get(last) ?? '') + line.slice(1))
    else {
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      last = line.slice(0, colon).trim()
      fields.set(last, line.slice(colon + 1).trim())
    }
  }
  return fields
}

const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/

/** The artifact a manifest describes, named after the archive file when the manifest does not say. */
function manifestRecord(manifest: Map<string, string>, archivePath: string, nested: string): JavaRecord | undefined {
  const version = manifest.get('Implementation-Version') ?? manifest.get('Bundle-Version') ?? manifest.get('Specification-Version')
  if (!version) return undefined
  // commons-io-2.11.0.jar -> commons-io; the file name is what syft goes by too.
  const fileName = posix.basename(archivePath).replace(ARCHIVE, '')
  const fromFile = fileName.endsWith(`-${version}`) ? fileName.slice(0, -version.length - 1) : fileName.replace(/-\d[\w.+-]*$/, '')
  const symbolic = manifest.get('Bundle-SymbolicName')?.split(';')[0].trim()
  const artifactId = fromFile || manifest.get('Implementation-Title') || symbolic
  if (!artifactId) return undefined
  const groupId =
    manifest.get('Implementation-Vendor-Id') ??
    (symbolic && symbolic.includes('.') ? symbolic.slice(0, symbolic.lastIndexOf('.')) : undefined) ??
    artifactId
  return { groupId, artifactId, version, nested, from: 'MANIFEST.MF' }
}

/** The artifacts of an archive and of the archives inside it. */
export function readJavaArchive(
  zip: Buffer,
  archivePath: string,
  nested = '',
  depth = 0,
  budget = { left: MAX_JAVA_ARCHIVE_SIZE }
): JavaRecord[] {
  const entries = zipEntries(zip)
  const records: JavaRecord[] = []
  const text = (entry: ZipEntry) => readZipEntry(zip, entry, MAX_METADATA_ENTRY).toString('utf8')
  for (const entry of entries.filter((e) => POM_PROPERTIES.test(e.name))) {
    const properties = parseProperties(text(entry))
    const groupId = properties.get('groupId')
    const artifactId = properties.get('artifactId')
    const version = properties.get('version')
    if (groupId && artifactId && version) records.push({ groupId, artifactId, version, nested, from: 'pom.properties' })
  }
  if (records.length === 0) {
    const manifest = entries.find((e) => e.name === 'META-INF/MANIFEST.MF')
    const record = manifest ? manifestRecord(parseManifest(text(manifest)), archivePath, nested) : undefined
    if (record) records.push(record)
  }
  if (depth < MAX_JAVA_NESTING) {
    for (const entry of entries.filter((e) => isJavaArchive(e.name) && !e.name.endsWith('/'))) {
      // Inflated archives count against one budget for the whole outer archive.
      if (entry.size > budget.left) continue
      budget.left -= entry.size
      let inner: Buffer
      try {
        inner = readZipEntry(zip, entry, entry.size)
      } catch {
        continue
      }
      const innerNested = nested === '' ? entry.name : `${nested}:${entry.name}`
      try {
        records.push(...readJavaArchive(inner, entry.name, innerNested, depth + 1, budget))
      } catch {
        // A nested file named .jar that is not a zip is not an artifact; the outer archive still is.
      }
    }
  }
  return records
}

class JavaArchiveScanner implements FileScanner {
  private chunks: Buffer[] = []
  private length = 0

  constructor(private readonly path: string) {}

  push(chunk: Buffer): void {
    this.length += chunk.length
    if (this.length <= MAX_JAVA_ARCHIVE_SIZE) this.chunks.push(chunk)
    else this.chunks = []
  }

  end(): { value: JavaRecord[]; kept: number } | undefined {
    if (this.length > MAX_JAVA_ARCHIVE_SIZE)
      throw new Error(`${this.length} bytes is over the ${MAX_JAVA_ARCHIVE_SIZE}-byte limit for Java archives`)
    const zip = Buffer.concat(this.chunks)
    this.chunks = []
    const records = readJavaArchive(zip, this.path)
    return records.length === 0 ? undefined : { value: records, kept: JSON.stringify(records).length }
  }
}

export const JAVA_MATCHER: FileMatcher = {
  id: 'java',
  matches: (path) => isJavaArchive(path),
  scan: (path) => new JavaArchiveScanner(path)
}

export function javaPackages(records: JavaRecord[], location: string): CatalogedPackage[] {
  return records.map((record) => ({
    type: 'maven',
    name: record.artifactId,
    version: record.version,
    purl: formatPurl({ type: 'maven', namespace: record.groupId, name: record.artifactId, version: record.version }),
    locations: [record.nested === '' ? location : `${location}:${record.nested}`]
  }))
}
