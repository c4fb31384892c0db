// Catalogues an image: one streaming pass over its layers collects the package databases, then each
// cataloger turns what it found into packages with purls.
import { posix } from 'node:path'
import type { Logger } from '../../net/logger.js'
import { APK_INSTALLED_PATH, apkPackage, isApkDatabaseFile, parseApkInstalled, type ApkRecord } from './apk.js'
import { composerPackage, isComposerInstalledJson, parseComposerInstalled, type ComposerRecord } from './composer.js'
import { isDotnetDepsJson, nugetPackage, parseDotnetDeps, type NugetRecord } from './dotnet.js'
import { BINARY_MATCHER, binaryPackages, type BinaryRecord } from './executable.js'
import { DPKG_STATUS_DIR, DPKG_STATUS_PATH, dpkgPackage, isDpkgDatabaseFile, parseDpkgFile, type DpkgRecord } from './dpkg.js'
import { collectFilesystem, type FileMatcher, type OpenBlob, type SkippedFile } from './filesystem.js'
import type { LayerRef } from './layer-stream.js'
import { JAVA_MATCHER, javaPackages, type JavaRecord } from './java.js'
import { isNpmPackageJson, npmPackage, parseNpmPackageJson, type NpmRecord } from './npm.js'
import { OS_RELEASE_PATHS, parseOsRelease } from './os-release.js'
import { isPythonMetadata, parsePythonMetadata, pythonPackage, type PythonRecord } from './python.js'
import { gemPackage, isGemspec, parseGemspec, type GemRecord } from './ruby.js'
import { isRpmDatabaseFile, MAX_RPMDB_SIZE, parseRpmDatabase, RPMDB_PATHS, rpmPackage, type RpmRecord } from './rpm.js'
import type { CatalogedPackage, OsRelease } from './types.js'

/** Metadata files are small (Debian's status is a few MiB); anything larger is not what we think it is. */
export const MAX_METADATA_FILE_SIZE = 16 * 1024 * 1024

/**
 * Metadata bytes read per image, over every file and layer: files past it are skipped and recorded.
 * Each file under MAX_METADATA_FILE_SIZE is not enough: 120 files of 15 MiB under status.d would be 2 GB held.
 */
export const MAX_METADATA_TOTAL_BYTES = 64 * 1024 * 1024

const MATCHERS: FileMatcher[] = [
  {
    id: 'os-release',
    matches: (path) => posix.basename(path) === 'os-release' && path.split('/').length <= 4,
    parse: (_path, content) => parseOsRelease(content.toString('utf8'))
  },
  { id: 'dpkg', matches: isDpkgDatabaseFile, parse: parseDpkgFile },
  { id: 'apk', matches: isApkDatabaseFile, parse: (_path, content) => parseApkInstalled(content.toString('utf8')) },
  { id: 'rpm', matches: isRpmDatabaseFile, parse: (_path, content) => parseRpmDatabase(content), maxFileSize: MAX_RPMDB_SIZE },
  { id: 'npm', matches: isNpmPackageJson, parse: (_path, content) => parseNpmPackageJson(content) },
  { id: 'python', matches: isPythonMetadata, parse: (_path, content) => parsePythonMetadata(content) },
  { id: 'gem', matches: isGemspec, parse: (_path, content) => parseGemspec(content) },
  { id: 'composer', matches: isComposerInstalledJson, parse: (_path, content) => parseComposerInstalled(content) },
  { id: 'nuget', matches: isDotnetDepsJson, parse: (_path, content) => parseDotnetDeps(content) },
  JAVA_MATCHER,
  // Last: it looks at every file no other matcher claimed (and keeps only binaries' build info).
  BINARY_MATCHER
]

// The fixed locations, and the directories on their way, are where a symlink can matter
// (/etc/os-release -> ../usr/lib/os-release, /lib -> usr/lib on merged-/usr systems).
const FIXED_PATHS = [...OS_RELEASE_PATHS, DPKG_STATUS_PATH, DPKG_STATUS_DIR, APK_INSTALLED_PATH, ...RPMDB_PATHS]
const FIXED_PREFIXES = new Set(FIXED_PATHS.flatMap((path) => path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))))

function keepSymlink(path: string): boolean {
  return FIXED_PREFIXES.has(path) || path.split('/').length <= 2
}

export interface CatalogResult {
  packages: CatalogedPackage[]
  os?: OsRelease
  /** Package databases and metadata files in the image that were not catalogued, and why. */
  skipped: SkippedFile[]
}

export async function catalogImage(
  layers: LayerRef[],
  openBlob: OpenBlob,
  logger: Logger,
  maxTotalBytes: number = MAX_METADATA_TOTAL_BYTES
): Promise<CatalogResult> {
  const fs = await collectFilesystem(layers, openBlob, {
    matchers: MATCHERS,
    keepSymlink,
    maxFileSize: MAX_METADATA_FILE_SIZE,
    maxTotalBytes,
    logger
  })

  let os: OsRelease | undefined
  for (const path of OS_RELEASE_PATHS) {
    os = fs.file(path, 'os-release')?.value as OsRelease | undefined
    if (os) break
  }

  const packages: CatalogedPackage[] = []
  const status = fs.file(DPKG_STATUS_PATH, 'dpkg')
  const dpkgFiles = [...(status ? [status] : []), ...fs.filesIn(DPKG_STATUS_DIR, 'dpkg')]
  for (const file of dpkgFiles) for (const record of file.value as DpkgRecord[]) packages.push(dpkgPackage(record, os, file.path))

  const apk = fs.file(APK_INSTALLED_PATH, 'apk')
  if (apk) for (const record of apk.value as ApkRecord[]) packages.push(apkPackage(record, os, apk.path))

  // On Fedora /var/lib/rpm is a symlink to /usr/lib/sysimage/rpm: both paths are one database.
  const rpmdbs = new Map(RPMDB_PATHS.map((path) => fs.file(path, 'rpm')).flatMap((file) => (file ? [[file.path, file]] : [])))
  for (const rpmdb of rpmdbs.values()) for (const record of rpmdb.value as RpmRecord[]) packages.push(rpmPackage(record, os, rpmdb.path))

  for (const file of fs.files('npm')) packages.push(npmPackage(file.value as NpmRecord, file.path))
  for (const file of fs.files('python')) packages.push(pythonPackage(file.value as PythonRecord, file.path))
  for (const file of fs.files('gem')) packages.push(gemPackage(file.value as GemRecord, file.path))
  for (const file of fs.files('composer'))
    for (const record of file.value as ComposerRecord[]) packages.push(composerPackage(record, file.path))
  for (const file of fs.files('nuget')) for (const record of file.value as NugetRecord[]) packages.push(nugetPackage(record, file.path))
  for (const file of fs.files('java')) packages.push(...javaPackages(file.value as JavaRecord[], file.path))
  for (const file of fs.files('binary')) packages.push(...binaryPackages(file.value as BinaryRecord, file.path))

  return { packages: mergeByPurl(packages), os, skipped: fs.skipped() }
}

/** The same package installed at several paths is one package with several locations. */
function mergeByPurl(packages: CatalogedPackage[]): CatalogedPackage[] {
  const byPurl = new Map<string, CatalogedPackage>()
  for (const pkg of packages) {
    const seen = byPurl.get(pkg.purl)
    if (seen) seen.locations.push(...pkg.locations.filter((l) => !seen.locations.includes(l)))
    else byPurl.set(pkg.purl, { ...pkg, locations: [...pkg.locations] })
  }
  return [...byPurl.values()]
}
