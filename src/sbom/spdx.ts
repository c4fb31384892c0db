// Builds an SPDX 2.3 JSON document from catalogued packages: a pure function from data to data.
// Spec: https://spdx.github.io/spdx-spec/v2.3/ (clauses cited by number below).
import { createHash } from 'node:crypto'
import spdxLicenseIds from './schemas/cyclonedx-spdx.schema.json' with { type: 'json' }
import { encodePurlSegment } from './catalog/purl.js'
import type { CatalogedPackage, OsRelease } from './catalog/types.js'

export interface SpdxImage {
  name: string
  digest: string
  platform?: string
  os?: string
  architecture?: string
}

export interface SpdxOptions {
  /** RFC 3339 time; the document records it to the second (6.9). */
  created: string
  /** Creator tool, e.g. "digest-release-1.2.0" (6.8: "Tool: name-version"). */
  toolName: string
  /** Metadata files that were not catalogued: said in the document's comment (6.10), so a consumer knows it is incomplete. */
  skipped?: Array<{ path: string; layer: string; reason: string }>
}

/** Entries named in the comment; the rest are counted (the result lists them all). */
const MAX_SKIPPED_IN_COMMENT = 50

function skippedComment(skipped: Array<{ path: string; layer: string; reason: string }>): string {
  const named = skipped.slice(0, MAX_SKIPPED_IN_COMMENT).map((s) => `/${s.path} in layer ${s.layer} (${s.reason})`)
  const more = skipped.length > named.length ? `; and ${skipped.length - named.length} more` : ''
  return (
    `Incomplete: ${skipped.length} package metadata file(s) were not catalogued, so the packages they list are missing from this document: ` +
    named.join('; ') +
    more
  )
}

const NOASSERTION = 'NOASSERTION'
const KNOWN_LICENSE_IDS = new Set<string>((spdxLicenseIds as { enum: string[] }).enum)

/** SPDX identifiers allow letters, digits, "." and "-" only (3.2). */
function idString(value: string): string {
  return (
    value
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'x'
  )
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16)
}

/** ISO 8601 UTC to the second, as 6.9 shows it: 2010-01-29T18:30:22Z. */
function spdxTime(value: string): string {
  const time = new Date(value)
  if (Number.isNaN(time.getTime())) throw new Error(`invalid creation time "${value}"`)
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Returns the declared license when it is an SPDX license expression made of listed identifiers
 * (Annex D), else undefined: a free-text license would make the document invalid for consumers.
 */
export function spdxLicenseExpression(value: string | undefined): string | undefined {
  if (!value) return undefined
  const tokens = value
    .replace(/([()])/g, ' $1 ')
    .trim()
    .split(/\s+/)
  let depth = 0
  let expectOperand = true
  let afterWith = false
  const out: string[] = []
  for (const token of tokens) {
    const upper = token.toUpperCase()
    if (token === '(') {
      if (!expectOperand) return undefined
      depth++
      out.push(token)
    } else if (token === ')') {
      if (expectOperand || --depth < 0) return undefined
      out.push(token)
    } else if (upper === 'AND' || upper === 'OR' || upper === 'WITH') {
      if (expectOperand) return undefined
      expectOperand = true
      afterWith = upper === 'WITH'
      out.push(upper)
    } else {
      if (!expectOperand) return undefined
      const id = afterWith ? token : token.replace(/\+$/, '')
      if (!KNOWN_LICENSE_IDS.has(id)) return undefined
      expectOperand = false
      afterWith = false
      out.push(token)
    }
  }
  if (expectOperand || depth !== 0) return undefined
  return out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')')
}

export function imagePurl(image: SpdxImage): string {
  // pkg:oci/<name>@<digest>?repository_url=<repository> (purl-spec, type "oci").
  const repository = image.name
  const name = repository.slice(repository.lastIndexOf('/') + 1)
  const qualifiers = [`arch=${encodePurlSegment(image.architecture ?? '')}`, `repository_url=${encodePurlSegment(repository)}`].filter(
    (q) => !q.endsWith('=')
  )
  return `pkg:oci/${encodePurlSegment(name)}@${encodePurlSegment(image.digest)}?${qualifiers.join('&')}`
}

export function buildSpdxDocument(
  image: SpdxImage,
  packages: CatalogedPackage[],
  os: OsRelease | undefined,
  options: SpdxOptions
): Record<string, unknown> {
  const imageId = 'SPDXRef-Image'
  const [algorithm, hex] = image.digest.split(':')
  const imagePackage = {
    SPDXID: imageId,
    name: image.name,
    versionInfo: image.digest,
    downloadLocation: NOASSERTION,
    supplier: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: 'CONTAINER',
    ...(algorithm === 'sha256' && hex ? { checksums: [{ algorithm: 'SHA256', checksumValue: hex }] } : {}),
    ...(os
      ? {
          comment: `operating system: ${os.prettyName ?? `${os.id} ${os.versionId ?? ''}`.trim()}${image.platform ? `; platform: ${image.platform}` : ''}`
        }
      : image.platform
        ? { comment: `platform: ${image.platform}` }
        : {}),
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: imagePurl(image) }]
  }

  const usedIds = new Set<string>([imageId])
  const spdxPackages = packages.map((pkg) => {
    let id = `SPDXRef-Package-${pkg.type}-${idString(pkg.name)}-${shortHash(pkg.purl)}`
    for (let n = 2; usedIds.has(id); n++) id = `SPDXRef-Package-${pkg.type}-${idString(pkg.name)}-${shortHash(pkg.purl)}-${n}`
    usedIds.add(id)
    return {
      SPDXID: id,
      name: pkg.name,
      versionInfo: pkg.version,
      downloadLocation: NOASSERTION,
      supplier: NOASSERTION,
      filesAnalyzed: false,
      licenseConcluded: NOASSERTION,
      licenseDeclared: spdxLicenseExpression(pkg.declaredLicense) ?? NOASSERTION,
      copyrightText: NOASSERTION,
      ...(pkg.source
        ? { sourceInfo: `source package: ${pkg.source}; found in: ${pkg.locations.map((l) => '/' + l).join(', ')}` }
        : { sourceInfo: `found in: ${pkg.locations.map((l) => '/' + l).join(', ')}` }),
      ...(pkg.description ? { summary: pkg.description } : {}),
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }]
    }
  })

  const toolName = options.toolName.startsWith('Tool:') ? options.toolName : `Tool: ${options.toolName}`
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${image.name}@${image.digest}`,
    // 6.5: unique per document; derived from the image digest and tool so a rerun names the same document.
    documentNamespace: `https://spdx.org/spdxdocs/digest-release/${idString(image.name)}-${shortHash(`${image.name}@${image.digest} ${options.toolName}`)}`,
    creationInfo: { created: spdxTime(options.created), creators: [toolName] },
    ...(options.skipped && options.skipped.length > 0 ? { comment: skippedComment(options.skipped) } : {}),
    packages: [imagePackage, ...spdxPackages],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
      ...spdxPackages.map((pkg) => ({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: pkg.SPDXID }))
    ]
  }
}
