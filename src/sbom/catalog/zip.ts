// Just enough of the zip format (APPNOTE.TXT) to read chosen entries of an archive held in memory:
// the end-of-central-directory record, the central directory, and each entry's data (stored or
// deflated). Zip64 archives and encrypted entries are not read.
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
  flags: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff

/** The entries of the central directory, or an error for what is not a (supported) zip archive. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1
  for (let at = zip.length - EOCD_SIZE; at >= Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at
      break
    }
  }
  if (eocd === -1) throw new Error('not a zip archive (no end of central directory record)')
  const count = zip.readUInt16LE(eocd + 10)
  const directorySize = zip.readUInt32LE(eocd + 12)
  const directoryOffset = zip.readUInt32LE(eocd + 16)
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new Error('zip64 archives are not read')
  if (directoryOffset + directorySize > eocd) throw new Error('the central directory lies outside the archive')
  const entries: ZipEntry[] = []
  for (let at = directoryOffset, n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new Error(`central directory entry ${n} is damaged`)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength)
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** An entry's bytes, inflated; refuses entries larger than `limit` once inflated. */
export function readZipEntry(zip: Buffer, entry: ZipEntry, limit: number): Buffer {
  if (entry.size > limit) throw new Error(`${entry.name}: ${entry.size} bytes is over the ${limit}-byte limit`)
  if ((entry.flags & 0x1) !== 0) throw new Error(`${entry.name} is encrypted`)
  const at = entry.localHeaderOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new Error(`${entry.name}: damaged local header`)
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) throw new Error(`${entry.name}: truncated`)
  if (entry.method === 0) return data
  if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: Math.max(limit, 1) })
  throw new Error(`${entry.name}: compression method ${entry.method} is not read`)
}
