// Ruby gems: the specification RubyGems writes for each installed gem,
// <gem dir>/specifications/<name>-<version>[-<platform>].gemspec (Gem::Specification#to_ruby):
//
//   Gem::Specification.new do |s|
//     s.name = "rake".freeze
//     s.version = "13.0.6"
//     s.licenses = ["MIT".freeze]
//
// under /usr/lib/ruby/gems/<ruby>/, /usr/local/bundle/ (the official images' GEM_HOME), vendor/bundle/
// and Debian's /usr/share/rubygems-integration/all/, with the gems Ruby ships in specifications/default/.
// The file is Ruby; it is read with regular expressions for the few assignments RubyGems writes, never run.
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface GemRecord {
  name: string
  version: string
  /** Platform of a gem with native code built for one ("x86_64-linux"); absent for "ruby". */
  platform?: string
  licenses: string[]
  summary?: string
}

const GEMSPEC = /(^|\/)specifications\/(default\/)?[^/]+\.gemspec$/

export function isGemspec(path: string): boolean {
  return GEMSPEC.test(path)
}

// A Ruby string literal as to_ruby writes it ("..." with backslash escapes), or as a hand-written or older
// RubyGems gemspec may (single quotes, %q{...}); `.freeze` after it is optional.
const STRING = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|%[qQ]\{([^}]*)\})(?:\.freeze)?`

function unquote(match: RegExpExecArray, first: number): string {
  const double = match[first]
  if (double !== undefined)
    return double.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
      if (escape[0] === 'u' && escape.length > 1) return String.fromCodePoint(parseInt(escape.replace(/[u{}]/g, ''), 16))
      return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[escape] ?? escape
    })
  const single = match[first + 1]
  if (single !== undefined) return single.replace(/\\([\\'])/g, '$1')
  return match[first + 2]
}

export function parseGemspec(content: Buffer): GemRecord | undefined {
  const text = content.toString('utf8')
  const block = /Gem::Specification\.new\s+do\s*\|\s*(\w+)\s*\|/.exec(text)
  if (!block) return undefined
  const variable = block[1]
  const body = text.slice(block.index + block[0].length)

  const scalar = (attribute: string): string | undefined => {
    const match = new RegExp(String.raw`^\s*${variable}\.${attribute}\s*=\s*${STRING}`, 'm').exec(body)
    return match ? unquote(match, 1) : undefined
  }
  const list = (attribute: string): string[] | undefined => {
    const match = new RegExp(String.raw`^\s*${variable}\.${attribute}\s*=\s*\[([^\]]*)\]`, 'm').exec(body)
    if (!match) return undefined
    const items: string[] = []
    const item = new RegExp(STRING, 'g')
    for (let found = item.exec(match[1]); found; found = item.exec(match[1])) items.push(unquote(found, 1))
    return items
  }

  const name = scalar('name')
  // to_ruby writes the version as a plain string; Gem::Version.new("...") is how some hand-written ones do.
  const version =
    scalar('version') ??
    (() => {
      const match = new RegExp(String.raw`^\s*${variable}\.version\s*=\s*Gem::Version\.new\(\s*${STRING}\s*\)`, 'm').exec(body)
      return match ? unquote(match, 1) : undefined
    })()
  if (!name || !version) return undefined
  const platform = scalar('platform') ?? platformObject(body, variable)
  const licenses = list('licenses') ?? [scalar('license')].filter((l): l is string => l !== undefined && l !== '')
  return {
    name,
    version,
    platform: platform && platform !== 'ruby' ? platform : undefined,
    licenses,
    summary: scalar('summary')?.slice(0, 256) || undefined
  }
}

/**
 * A platform given as a Gem::Platform rather than a string is written as its parts,
 * `Gem::Platform.new(["x86_64", "darwin", "22"])`, and named by them joined with "-" (Gem::Platform#to_s).
 */
function platformObject(body: string, variable: string): string | undefined {
  const match = new RegExp(String.raw`^\s*${variable}\.platform\s*=\s*Gem::Platform\.new\(\s*\[([^\]]*)\]\s*\)`, 'm').exec(body)
  if (!match) return undefined
  const parts: string[] = []
  const part = new RegExp(STRING, 'g')
  for (let found = part.exec(match[1]); found; found = part.exec(match[1])) parts.push(unquote(found, 1))
  return parts.length > 0 ? parts.join('-') : undefined
}

export function gemPackage(record: GemRecord, location: string): CatalogedPackage {
  // RubyGems treats several licenses as a choice ("MIT or Ruby"), like npm's and Composer's arrays.
  const license =
    record.licenses.length === 0 ? undefined : record.licenses.length === 1 ? record.licenses[0] : `(${record.licenses.join(' OR ')})`
  return {
    type: 'gem',
    name: record.name,
    version: record.version,
    purl: formatPurl({ type: 'gem', name: record.name, version: record.version, qualifiers: { platform: record.platform } }),
    declaredLicense: license,
    description: record.summary,
    locations: [location]
  }
}
