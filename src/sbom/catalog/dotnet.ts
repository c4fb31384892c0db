// .NET applications: <app>.deps.json, the dependency manifest `dotnet publish` writes next to the
// app's dll and the host reads at start-up. Its "libraries" object names every library of the app by
// "Name/Version"; those of type "package" came from NuGet ("project" is the app or one of its own
// projects, "reference" an assembly referenced directly, "runtimepack" the runtime of a self-contained app).
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface NugetRecord {
  name: string
  version: string
}

const DEPS_JSON = /(^|\/)[^/]+\.deps\.json$/

export function isDotnetDepsJson(path: string): boolean {
  return DEPS_JSON.test(path)
}

export function parseDotnetDeps(content: Buffer): NugetRecord[] | undefined {
  // The SDK writes it with a byte order mark at times.
  const json: unknown = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''))
  if (!json || typeof json !== 'object') return undefined
  const libraries = (json as { libraries?: unknown }).libraries
  if (!libraries || typeof libraries !== 'object' || Array.isArray(libraries)) return undefined
  const records: NugetRecord[] = []
  for (const [key, library] of Object.entries(libraries as Record<string, unknown>)) {
    if (!library || typeof library !== 'object' || (library as { type?: unknown }).type !== 'package') continue
    const slash = key.indexOf('/')
    if (slash <= 0 || slash === key.length - 1) continue
    records.push({ name: key.slice(0, slash), version: key.slice(slash + 1) })
  }
  return records.length === 0 ? undefined : records
}

export function nugetPackage(record: NugetRecord, location: string): CatalogedPackage {
  return {
    type: 'nuget',
    name: record.name,
    version: record.version,
    purl: formatPurl({ type: 'nuget', name: record.name, version: record.version }),
    locations: [location]
  }
}
