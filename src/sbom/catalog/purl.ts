// Package URLs: https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst
// Every segment is percent-encoded except unreserved characters, so `1:2.3` becomes `1%3A2.3` and `+` becomes `%2B`.

export function encodePurlSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

export interface PurlParts {
  type: string
  namespace?: string
  name: string
  version?: string
  qualifiers?: Record<string, string | undefined>
}

export function formatPurl(parts: PurlParts): string {
  let purl = `pkg:${parts.type}/`
  if (parts.namespace) purl += parts.namespace.split('/').map(encodePurlSegment).join('/') + '/'
  purl += encodePurlSegment(parts.name)
  if (parts.version) purl += '@' + encodePurlSegment(parts.version)
  // Qualifiers are sorted by key, and empty values are left out (spec, "Rules for each purl component").
  const qualifiers = Object.entries(parts.qualifiers ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (qualifiers.length > 0) purl += '?' + qualifiers.map(([key, value]) => `${key}=${encodePurlSegment(value)}`).join('&')
  return purl
}
