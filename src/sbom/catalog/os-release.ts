// /etc/os-release: shell-style KEY=value lines, values optionally quoted
// (https://www.freedesktop.org/software/systemd/man/os-release.html).
import type { OsRelease } from './types.js'

/** Where os-release may live; /etc wins (the spec's lookup order). Debian ships /etc/os-release as a symlink to the second. */
export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'] as const

export function parseOsRelease(text: string): OsRelease | undefined {
  const fields: Record<string, string> = {}
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line)
    if (!match) continue
    fields[match[1]] = unquote(match[2])
  }
  // ID defaults to "linux" per the spec, but a file without ID tells us nothing useful about the distribution.
  if (!fields.ID) return undefined
  return {
    id: fields.ID.toLowerCase(),
    versionId: fields.VERSION_ID || undefined,
    versionCodename: fields.VERSION_CODENAME || undefined,
    name: fields.NAME || undefined,
    prettyName: fields.PRETTY_NAME || undefined
  }
}

function unquote(value: string): string {
  const quote = value[0]
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1)
    return quote === '"' ? inner.replace(/\\([\\$"`])/g, '$1') : inner
  }
  return value
}
