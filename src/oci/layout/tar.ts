// Reads the table of contents of an uncompressed tar so files can be streamed out of it by offset:
// nothing is extracted, so no entry can land outside its folder, and each byte is read once.
// Formats: ustar (with prefix), pax extended headers (path, size), GNU long names.
import { open, type FileHandle } from 'node:fs/promises'
import { posix } from 'node:path'
import { LayoutError } from '../errors.js'

export interface TarEntry {
  name: string
  /** Byte offset of the entry's data in the tar file. */
  offset: number
  size: number
  type: 'file' | 'directory' | 'hardlink' | 'symlink' | 'other'
  linkName?: string
}

const BLOCK = 512

function readString(block: Buffer, start: number, length: number): string {
  const slice = block.subarray(start, start + length)
  const end = slice.indexOf(0)
  return slice.subarray(0, end === -1 ? length : end).toString('utf8')
}

/** At most `max` characters of text from a file, for an error message ("…" when cut). */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** Pax, GNU long-name and long-link data: real ones are a few hundred bytes; more is refused unread. */
export const MAX_TAR_HEADER_DATA_BYTES = 1024 * 1024

/** A numeric header field (the checksum) read leniently: a wrong one simply fails the comparison. */
function readNumber(block: Buffer, start: number, length: number): number {
  const text = readString(block, start, length).trim()
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : NaN
}

/**
 * The size field of a header: octal text, or GNU base-256 (high bit of the first byte set) for 8 GiB
 * and more. Returns a reason instead when the field is negative, not a number or too large to be real.
 */
function readSize(block: Buffer, start: number, length: number): number | string {
  if (block[start] & 0x80) {
    // Base-256 is two's complement: a first byte with 0x40 set too is a negative number.
    if (block[start] & 0x40) return 'a negative size (GNU base-256)'
    let value = block[start] & 0x3f
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i]
    return Number.isSafeInteger(value) ? value : 'an absurd size (GNU base-256)'
  }
  const text = readString(block, start, length).replace(/^ +| +$/g, '')
  if (text === '') return 0
  if (text.startsWith('-')) return `a negative size "${clip(text)}"`
  if (!/^[0-7]+$/.test(text)) return `a size field that is not octal ("${clip(text)}")`
  return parseInt(text, 8)
}

/** A pax `size` record: decimal digits that make a safe integer, nothing else. */
function paxSize(text: string): number | string {
  const value = Number(text)
  return /^[0-9]+$/.test(text) && Number.isSafeInteger(value) ? value : `an invalid size "${clip(text)}" in its pax header`
}

function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {}
  let position = 0
  while (position < data.length) {
    const space = data.indexOf(0x20, position)
    if (space === -1 || space - position > 20) break
    const lengthText = data.subarray(position, space).toString('ascii')
    const length = Number(lengthText)
    if (!/^[0-9]+$/.test(lengthText) || length <= space - position || position + length > data.length) break
    if (data[position + length - 1] !== 0x0a) break
    const record = data.subarray(space + 1, position + length - 1).toString('utf8')
    const equals = record.indexOf('=')
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1)
    position += length
  }
  return records
}

/** Normalizes an entry name inside the archive; refuses names that would leave it. */
export function safeEntryName(name: string, tarPath: string): string {
  const normalized = posix.normalize(name.replace(/\\/g, '/'))
  if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../')) {
    throw new LayoutError(`tar entry "${clip(name)}" in ${tarPath} points outside the layout; refusing to read this archive`, tarPath)
  }
  return normalized.replace(/^\.\//, '').replace(/\/$/, '')
}

export async function indexTar(tarPath: string): Promise<Map<string, TarEntry>> {
  const handle: FileHandle = await open(tarPath, 'r')
  try {
    const { size: fileSize } = await handle.stat()
    const entries = new Map<string, TarEntry>()
    const block = Buffer.alloc(BLOCK)
    let position = 0
    let pending: { path?: string; size?: string; linkpath?: string } = {}
    let globalPax: Record<string, string> = {}
    const refuse = (name: string, what: string): LayoutError =>
      new LayoutError(`tar entry "${clip(name)}" in ${tarPath} has ${what}; refusing to read this archive`, tarPath)

    while (position + BLOCK <= fileSize) {
      await handle.read(block, 0, BLOCK, position)
      if (block.every((b) => b === 0)) break
      const checksum = readNumber(block, 148, 8)
      let sum = 0
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]
      if (checksum !== sum) throw new LayoutError(`${tarPath} is not a tar archive (bad header checksum at byte ${position})`, tarPath)

      const typeflag = String.fromCharCode(block[156] || 0x30)
      const isMeta = typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K'
      const headerName = readString(block, 0, 100)
      const dataOffset = position + BLOCK

      if (isMeta) {
        const size = readSize(block, 124, 12)
        if (typeof size === 'string') throw refuse(headerName, size)
        if (size > MAX_TAR_HEADER_DATA_BYTES)
          throw refuse(headerName, `${size} bytes of header data, too large for a real pax or long-name header`)
        if (dataOffset + size > fileSize) throw refuse(headerName, `${size} bytes of header data that run past the end of the file`)
        const data = Buffer.alloc(size)
        await handle.read(data, 0, size, dataOffset)
        if (typeflag === 'x') {
          const pax = parsePax(data)
          pending = { path: pax.path, size: pax.size, linkpath: pax.linkpath }
        } else if (typeflag === 'g') globalPax = { ...globalPax, ...parsePax(data) }
        else if (typeflag === 'L') pending.path = readString(data, 0, data.length)
        else pending.linkpath = readString(data, 0, data.length)
        position = dataOffset + Math.ceil(size / BLOCK) * BLOCK
        continue
      }

      const prefix = readString(block, 345, 155)
      const rawName = pending.path ?? globalPax.path ?? (prefix ? `${prefix}/${headerName}` : headerName)
      const linkName = pending.linkpath ?? (readString(block, 157, 100) || undefined)
      const size = pending.size !== undefined ? paxSize(pending.size) : readSize(block, 124, 12)
      pending = {}
      if (typeof size === 'string') throw refuse(rawName, size)
      const type: TarEntry['type'] =
        typeflag === '0' || typeflag === '7'
          ? 'file'
          : typeflag === '5'
            ? 'directory'
            : typeflag === '1'
              ? 'hardlink'
              : typeflag === '2'
                ? 'symlink'
                : 'other'
      const hasData = type === 'file' || type === 'other'
      if (hasData && dataOffset + size > fileSize)
        throw new LayoutError(`${tarPath} is truncated: entry "${clip(rawName)}" runs past the end of the file`, tarPath)
      const name = safeEntryName(rawName, tarPath)
      if (name !== '' && name !== '.') entries.set(name, { name, offset: dataOffset, size: type === 'file' ? size : 0, type, linkName })
      const next = hasData ? dataOffset + Math.ceil(size / BLOCK) * BLOCK : dataOffset
      // Sizes are checked non-negative above; this keeps the walk moving whatever a header says.
      if (!(next > position)) throw refuse(rawName, 'a header that does not advance')
      position = next
    }
    return entries
  } finally {
    await handle.close()
  }
}

/** Follows hard links and (relative, in-archive) symbolic links to a file entry. */
export function resolveTarEntry(entries: Map<string, TarEntry>, name: string, tarPath: string): TarEntry | undefined {
  let entry = entries.get(name)
  for (let hops = 0; entry && entry.type !== 'file' && hops < 16; hops++) {
    if (entry.type === 'hardlink' && entry.linkName) entry = entries.get(safeEntryName(entry.linkName, tarPath))
    else if (entry.type === 'symlink' && entry.linkName) {
      const target = entry.linkName.startsWith('/') ? entry.linkName : posix.join(posix.dirname(entry.name), entry.linkName)
      entry = entries.get(safeEntryName(target, tarPath))
    } else return undefined
  }
  return entry?.type === 'file' ? entry : undefined
}
