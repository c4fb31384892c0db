// What the catalogers find in an image's filesystem, before it becomes an SPDX document.

export type PackageType = 'deb' | 'apk' | 'rpm' | 'npm' | 'pypi' | 'golang' | 'cargo' | 'maven' | 'gem' | 'composer' | 'nuget'

export interface CatalogedPackage {
  type: PackageType
  name: string
  version: string
  /** Package URL (https://github.com/package-url/purl-spec), percent-encoded. */
  purl: string
  architecture?: string
  /** Source package (dpkg `Source`, apk origin, rpm SOURCERPM), when it differs from the package name. */
  source?: string
  /** License as the package metadata declares it, unvalidated. */
  declaredLicense?: string
  description?: string
  /** Paths in the image (no leading slash) of the metadata this package was read from. */
  locations: string[]
}

/** The fields of /etc/os-release we use (https://www.freedesktop.org/software/systemd/man/os-release.html). */
export interface OsRelease {
  id: string
  versionId?: string
  versionCodename?: string
  name?: string
  prettyName?: string
}
