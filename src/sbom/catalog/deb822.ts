// RFC 822-style control stanzas as dpkg writes them (deb-control(5), deb822(5)):
// "Field: value" lines, continuation lines start with a space or tab, stanzas are separated by blank lines.

export type Stanza = Map<string, string>

/**
 * Splits text into stanzas and keeps only the fields asked for (lower-cased names), so that a
 * multi-megabyte status file becomes a few strings per package. Continuation lines are dropped:
 * none of the fields we keep are multi-line.
 */
export function parseStanzas(text: string, keep: ReadonlySet<string>): Stanza[] {
  const stanzas: Stanza[] = []
  let current: Stanza = new Map()
  let sawField = false
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (sawField) stanzas.push(current)
      current = new Map()
      sawField = false
      continue
    }
    if (line[0] === ' ' || line[0] === '\t' || line[0] === '#') continue
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    sawField = true
    const name = line.slice(0, colon).trim().toLowerCase()
    if (keep.has(name)) current.set(name, line.slice(colon + 1).trim())
  }
  if (sawField) stanzas.push(current)
  return stanzas
}
