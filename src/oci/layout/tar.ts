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

function readNumber(block: Buffer, start: number, length: number): number {
  // GNU base-256 for sizes of 8 GiB and more: high bit of the first byte set.
  if (block[start] & 0x80) {
    let value = 0
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i]
    return value
  }
  const text = readString(block, start, length).trim()
  return text === '' ? 0 : parseInt(text, 8)
}

function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {}
  let position = 0
  while (position < data.length) {
    const space = data.indexOf(0x20, position)
    if (space === -1) break
    const length = Number(data.subarray(position, space).toString('ascii'))
    if (!Number.isFinite(length) || length <= 0) break
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
    throw new LayoutError(`tar entry "${name}" in ${tarPath} points outside the layout; refusing to read this archive`, tarPath)
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
    let pending: { path?: string; size?: number; linkpath?: string } = {}
    let globalPax: Record<string, string> = {}

    while (position + BLOCK <= fileSize) {
      await handle.read(block, 0, BLOCK, position)
      if (block.every((b) => b === 0)) break
      const checksum = readNumber(block, 148, 8)
      let sum = 0
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]
      if (checksum !== sum) throw new LayoutError(`${tarPath} is not a tar archive (bad header checksum at byte ${position})`, tarPath)

      const typeflag = String.fromCharCode(block[156] || 0x30)
      const isMeta = typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K'
      const headerSize = readNumber(block, 124, 12)
      const size = isMeta ? headerSize : (pending.size ?? headerSize)
      const dataOffset = position + BLOCK
      const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK

      if (isMeta) {
        const data = Buffer.alloc(size)
        await handle.read(data, 0, size, dataOffset)
        if (typeflag === 'x') {
          const pax = parsePax(data)
          pending = { path: pax.path, size: pax.size !== undefined ? Number(pax.size) : undefined, linkpath: pax.linkpath }
        } else if (typeflag === 'g') globalPax = { ...globalPax, ...parsePax(data) }
        else if (typeflag === 'L') pending.path = readString(data, 0, data.length)
        else pending.linkpath = readString(data, 0, data.length)
        position = next
        continue
      }

      const prefix = readString(block, 345, 155)
      const rawName = pending.path ?? globalPax.path ?? (prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100))
      const linkName = pending.linkpath ?? (readString(block, 157, 100) || undefined)
      pending = {}
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
      if (dataOffset + (type === 'file' ? size : 0) > fileSize)
        throw new LayoutError(`${tarPath} is truncated: entry "${rawName}" runs past the end of the file`, tarPath)
      const name = safeEntryName(rawName, tarPath)
      if (name !== '' && name !== '.') entries.set(name, { name, offset: dataOffset, size: type === 'file' ? size : 0, type, linkName })
      position = type === 'file' || type === 'other' ? next : dataOffset
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
