// Builds a CycloneDX 1.6 JSON document from catalogued packages: a pure function from data to data,
// the counterpart of spdx.ts. Spec: https://cyclonedx.org/docs/1.6/json/ (field names below).
import { createHash } from 'node:crypto'
import type { CatalogedPackage, OsRelease } from './catalog/types.js'
import { imagePurl, spdxLicenseExpression, type SpdxImage, type SpdxOptions } from './spdx.js'

export type CycloneDxImage = SpdxImage
export type CycloneDxOptions = SpdxOptions

const IMAGE_REF = 'image'

/** RFC 4122 name-based (version 5, SHA-1) UUID: the same image and tool name the same document, as the SPDX namespace does. */
function nameBasedUuid(name: string): string {
  // The URL namespace (RFC 4122, Appendix C).
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')
  const hash = createHash('sha1').update(namespace).update(name).digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** "digest-release-1.2.0" -> name and version; a name without a version stays whole. */
function toolComponent(toolName: string): Record<string, string> {
  const name = toolName.replace(/^Tool:\s*/, '')
  const match = /^(.+?)-(\d[\w.+-]*)$/.exec(name)
  return match ? { type: 'application', name: match[1], version: match[2] } : { type: 'application', name }
}

/** licenses: one SPDX id, one SPDX expression, or the declared text as a name (licenseChoice). */
function licenses(declared: string | undefined): Array<Record<string, unknown>> | undefined {
  if (!declared) return undefined
  const expression = spdxLicenseExpression(declared)
  if (expression === undefined) return [{ license: { name: declared, acknowledgement: 'declared' } }]
  if (/^[A-Za-z0-9.-]+$/.test(expression)) return [{ license: { id: expression, acknowledgement: 'declared' } }]
  return [{ expression, acknowledgement: 'declared' }]
}

/** Time to the second, as the SPDX document writes it. */
function timestamp(value: string): string {
  const time = new Date(value)
  if (Number.isNaN(time.getTime())) throw new Error(`invalid creation time "${value}"`)
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function buildCycloneDxDocument(
  image: CycloneDxImage,
  packages: CatalogedPackage[],
  os: OsRelease | undefined,
  options: CycloneDxOptions
): Record<string, unknown> {
  const [algorithm, hex] = image.digest.split(':')
  const usedRefs = new Set<string>([IMAGE_REF])
  const uniqueRef = (base: string): string => {
    let ref = base
    for (let n = 2; usedRefs.has(ref); n++) ref = `${base}#${n}`
    usedRefs.add(ref)
    return ref
  }

  const properties: Array<{ name: string; value: string }> = []
  if (image.platform) properties.push({ name: 'digest-release:platform', value: image.platform })
  for (const skipped of options.skipped ?? []) {
    properties.push({ name: 'digest-release:not-catalogued', value: `/${skipped.path} in layer ${skipped.layer} (${skipped.reason})` })
  }

  const imageComponent = {
    type: 'container',
    'bom-ref': IMAGE_REF,
    name: image.name,
    version: image.digest,
    ...(algorithm === 'sha256' && hex ? { hashes: [{ alg: 'SHA-256', content: hex }] } : {}),
    purl: imagePurl(image)
  }

  const osComponents = os
    ? [
        {
          type: 'operating-system',
          'bom-ref': uniqueRef(`os:${os.id}${os.versionId ? `@${os.versionId}` : ''}`),
          name: os.id,
          ...(os.versionId ? { version: os.versionId } : {}),
          ...(os.prettyName ? { description: os.prettyName } : {})
        }
      ]
    : []

  const packageComponents = packages.map((pkg) => {
    const license = licenses(pkg.declaredLicense)
    return {
      type: 'library',
      'bom-ref': uniqueRef(pkg.purl),
      name: pkg.name,
      version: pkg.version,
      ...(pkg.description ? { description: pkg.description } : {}),
      ...(license ? { licenses: license } : {}),
      purl: pkg.purl,
      ...(pkg.source ? { properties: [{ name: 'digest-release:source-package', value: pkg.source }] } : {}),
      evidence: { occurrences: pkg.locations.map((location) => ({ location: '/' + location })) }
    }
  })

  // Flat, as syft writes them: metadata.component is the image, and every component was found in it.
  const components = [...osComponents, ...packageComponents]
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${nameBasedUuid(`digest-release:${image.name}@${image.digest} ${options.toolName}`)}`,
    version: 1,
    metadata: {
      timestamp: timestamp(options.created),
      tools: { components: [toolComponent(options.toolName)] },
      component: imageComponent,
      ...(properties.length > 0 ? { properties } : {})
    },
    components,
    // Files that could not be read leave the inventory incomplete, and the document says so.
    ...(options.skipped && options.skipped.length > 0 ? { compositions: [{ aggregate: 'incomplete', assemblies: [IMAGE_REF] }] } : {})
  }
}
