// Reads the rows of one table from an SQLite database file held in memory, without SQLite: only what
// a read-only scan of a rowid table needs, from the file format (https://www.sqlite.org/fileformat2.html,
// section numbers cited below). Interior and leaf table b-tree pages, overflow chains, records.
// Not read: a write-ahead log beside the file (-wal), whose frames are not yet in the database pages.

export type SqliteValue = null | number | bigint | string | Buffer

export interface SqliteRow {
  rowid: number
  /** Columns in table order; an INTEGER PRIMARY KEY column is stored as null (its value is the rowid). */
  values: SqliteValue[]
}

const MAGIC = 'SQLite format 3\0'
const PAGE_LEAF_TABLE = 0x0d
const PAGE_INTERIOR_TABLE = 0x05
/** A b-tree deeper than this is corrupt (a 64 KiB-page database of 2^32 rows needs about 5 levels). */
const MAX_DEPTH = 64

export class SqliteFormatError extends Error {
  override name = 'SqliteFormatError'
}

class Reader {
  readonly pageSize: number
  readonly usable: number
  readonly pageCount: number
  readonly decodeText: (bytes: Buffer) => string

  constructor(readonly db: Buffer) {
    if (db.length < 100 || db.toString('latin1', 0, 16) !== MAGIC) throw new SqliteFormatError('not an SQLite 3 database')
    // 1.3.2: a power of two from 512 to 32768, or 1 for 65536.
    const raw = db.readUInt16BE(16)
    this.pageSize = raw === 1 ? 65536 : raw
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0) throw new SqliteFormatError(`invalid page size ${raw}`)
    // 1.3.4: bytes reserved at the end of every page (encryption, checksums).
    this.usable = this.pageSize - db[20]
    if (this.usable < 480) throw new SqliteFormatError('invalid reserved space')
    this.pageCount = Math.floor(db.length / this.pageSize)
    // 1.3.12: 1 UTF-8, 2 UTF-16le, 3 UTF-16be.
    const encoding = db.readUInt32BE(56)
    this.decodeText =
      encoding === 2
        ? (bytes) => bytes.toString('utf16le')
        : encoding === 3
          ? (bytes) => Buffer.from(bytes).swap16().toString('utf16le')
          : (bytes) => bytes.toString('utf8')
  }

  page(number: number): Buffer {
    if (!Number.isInteger(number) || number < 1 || number > this.pageCount) throw new SqliteFormatError(`page ${number} is out of range`)
    return this.db.subarray((number - 1) * this.pageSize, number * this.pageSize)
  }

  /** Every row of the table b-tree rooted at `root`, in rowid order. */
  *rows(root: number): Generator<SqliteRow> {
    const visited = new Set<number>()
    const walk = function* (this: Reader, number: number, depth: number): Generator<SqliteRow> {
      if (depth > MAX_DEPTH || visited.has(number)) throw new SqliteFormatError(`b-tree loop at page ${number}`)
      visited.add(number)
      const page = this.page(number)
      const start = number === 1 ? 100 : 0 // page 1 begins with the database header (1.5)
      const type = page[start]
      const cells = page.readUInt16BE(start + 3)
      if (type === PAGE_INTERIOR_TABLE) {
        const pointers = start + 12
        if (pointers + cells * 2 > page.length) throw new SqliteFormatError(`page ${number}: too many cells`)
        for (let i = 0; i < cells; i++) {
          const cell = page.readUInt16BE(pointers + i * 2)
          if (cell + 4 > this.usable) throw new SqliteFormatError(`page ${number}: cell out of range`)
          yield* walk.call(this, page.readUInt32BE(cell), depth + 1)
        }
        yield* walk.call(this, page.readUInt32BE(start + 8), depth + 1)
      } else if (type === PAGE_LEAF_TABLE) {
        const pointers = start + 8
        if (pointers + cells * 2 > page.length) throw new SqliteFormatError(`page ${number}: too many cells`)
        for (let i = 0; i < cells; i++) yield this.leafCell(page, number, page.readUInt16BE(pointers + i * 2))
      } else {
        throw new SqliteFormatError(`page ${number} is not a table b-tree page (type ${type})`)
      }
    }
    yield* walk.call(this, root, 0)
  }

  /** 1.6, "Table B-Tree Leaf Cell": payload size, rowid, the local part of the payload, then the first overflow page. */
  private leafCell(page: Buffer, number: number, offset: number): SqliteRow {
    if (offset >= this.usable) throw new SqliteFormatError(`page ${number}: cell out of range`)
    const size = varint(page, offset)
    const rowid = varint(page, size.next)
    const payloadSize = Number(size.value)
    const local = this.localPayloadSize(payloadSize)
    const at = rowid.next
    if (at + local > this.usable) throw new SqliteFormatError(`page ${number}: cell payload out of range`)
    let payload: Buffer
    if (local === payloadSize) {
      payload = page.subarray(at, at + local)
    } else {
      if (at + local + 4 > this.usable) throw new SqliteFormatError(`page ${number}: cell payload out of range`)
      payload = this.withOverflow(page.subarray(at, at + local), page.readUInt32BE(at + local), payloadSize)
    }
    return { rowid: Number(rowid.value), values: this.record(payload) }
  }

  /** 1.6: how much of a table leaf cell's payload is on the page; the rest goes to overflow pages. */
  private localPayloadSize(payloadSize: number): number {
    const maxLocal = this.usable - 35
    if (payloadSize <= maxLocal) return payloadSize
    const minLocal = Math.floor(((this.usable - 12) * 32) / 255) - 23
    const k = minLocal + ((payloadSize - minLocal) % (this.usable - 4))
    return k <= maxLocal ? k : minLocal
  }

  /** 1.7: each overflow page starts with the next page's number (0 at the end), then usable - 4 bytes of payload. */
  private withOverflow(local: Buffer, first: number, payloadSize: number): Buffer {
    const payload = Buffer.allocUnsafe(payloadSize)
    let filled = local.copy(payload, 0)
    const seen = new Set<number>()
    for (let next = first; filled < payloadSize;) {
      if (next === 0 || seen.has(next)) throw new SqliteFormatError('overflow chain ends early or loops')
      seen.add(next)
      const page = this.page(next)
      filled += page.copy(payload, filled, 4, Math.min(this.usable, 4 + payloadSize - filled))
      next = page.readUInt32BE(0)
    }
    return payload
  }

  /** 2.1, "Record Format": a header of serial types, then the values. */
  private record(payload: Buffer): SqliteValue[] {
    const headerSize = varint(payload, 0)
    const end = Number(headerSize.value)
    if (end > payload.length) throw new SqliteFormatError('record header out of range')
    const types: number[] = []
    for (let at = headerSize.next; at < end;) {
      const type = varint(payload, at)
      types.push(Number(type.value))
      at = type.next
    }
    const values: SqliteValue[] = []
    let at = end
    for (const type of types) {
      const length = serialLength(type)
      if (at + length > payload.length) throw new SqliteFormatError('record value out of range')
      values.push(this.value(payload, at, type, length))
      at += length
    }
    return values
  }

  private value(payload: Buffer, at: number, type: number, length: number): SqliteValue {
    switch (type) {
      case 0:
        return null
      case 1:
      case 2:
      case 3:
      case 4:
      case 5:
        return payload.readIntBE(at, length)
      case 6: {
        const value = payload.readBigInt64BE(at)
        return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value
      }
      case 7:
        return payload.readDoubleBE(at)
      case 8:
        return 0
      case 9:
        return 1
      default:
        if (type < 12) throw new SqliteFormatError(`reserved serial type ${type}`)
        return type % 2 === 0 ? Buffer.from(payload.subarray(at, at + length)) : this.decodeText(payload.subarray(at, at + length))
    }
  }
}

function serialLength(type: number): number {
  if (type < 12) return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0][type]
  return Math.floor((type - 12) / 2)
}

/** 1.6: big-endian, 7 bits a byte while the high bit is set, the ninth byte whole. */
function varint(bytes: Buffer, offset: number): { value: bigint; next: number } {
  let value = 0n
  for (let i = 0; i < 9; i++) {
    if (offset + i >= bytes.length) throw new SqliteFormatError('varint out of range')
    const byte = bytes[offset + i]
    if (i === 8) return { value: (value << 8n) | BigInt(byte), next: offset + 9 }
    value = (value << 7n) | BigInt(byte & 0x7f)
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 }
  }
  throw new SqliteFormatError('unreachable')
}

/** The rows of the rowid table `table` (found in sqlite_schema on page 1), in rowid order. */
export function* readSqliteTable(db: Buffer, table: string): Generator<SqliteRow> {
  const reader = new Reader(db)
  let root: number | undefined
  // 2.6: sqlite_schema(type, name, tbl_name, rootpage, sql), rooted at page 1.
  for (const row of reader.rows(1)) {
    if (row.values[0] === 'table' && row.values[1] === table && typeof row.values[3] === 'number') {
      root = row.values[3]
      break
    }
  }
  if (root === undefined) throw new SqliteFormatError(`no table named ${table}`)
  yield* reader.rows(root)
}
