// Rust binaries built with cargo-auditable (https://github.com/rust-secure-code/cargo-auditable):
// the `.dep-v0` section (ELF; `.dep-v0` in PE, `__DATA,.dep-v0` in Mach-O) holds zlib-compressed
// JSON, {"packages":[{"name","version","source","kind","dependencies":[...],"root":true}]}.
//
// A binary is a tar entry read once, front to back, and the ELF section table that names `.dep-v0`
// sits at the end of the file, after the section itself. So the scanner works from both sides:
//  - while streaming, every zlib header whose first inflated bytes are `{"packages":` starts a
//    candidate, whose compressed bytes are kept until they inflate completely (bounded);
//  - it keeps the ELF header, the section header table (its offset is in the header) and the 64 KiB
//    before it, where linkers put the section names (.shstrtab);
//  - at the end, when that table is readable, only a candidate at the offset of the section named
//    `.dep-v0` is believed (and cut to the section's size); an ELF whose table has no such section
//    has no dependency list, whatever bytes look like one.
// Limitation: when the section names are not in the kept bytes (a linker that puts .shstrtab
// elsewhere) or the file is Mach-O or PE, the first candidate found by its marker is taken.
import zlib from 'node:zlib'
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface RustDependency {
  name: string
  version: string
  /** "crates.io", "git", "local", "registry" or "other". */
  source?: string
  /** "build" for build-time dependencies; absent for runtime ones. */
  kind?: string
  root?: boolean
}

const MARKER = Buffer.from('{"packages":')
/** Compressed bytes looked at to test a zlib header against the marker. */
const LOOKAHEAD = 64
const MAX_COMPRESSED = 4 * 1024 * 1024
const MAX_JSON = 16 * 1024 * 1024
const MAX_CANDIDATES = 4
const HEAD_KEPT = 64 * 1024
const BEFORE_TABLE_KEPT = 64 * 1024
const MAX_SECTION_TABLE = 1024 * 1024
const SECTION_NAME = '.dep-v0'

/** zlib's second header byte for each compression level, with CM=8 and a 32 KiB window (0x78). */
const ZLIB_LEVELS = new Set([0x01, 0x5e, 0x9c, 0xda])

function looksLikeDependencyList(bytes: Buffer): boolean {
  try {
    const head = zlib.inflateSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH })
    return head.length >= MARKER.length && head.subarray(0, MARKER.length).equals(MARKER)
  } catch {
    return false
  }
}

/** The whole JSON if `bytes` hold a complete zlib stream, 'incomplete' if they end too early. */
function inflateAll(bytes: Buffer): Buffer | 'incomplete' | 'invalid' {
  try {
    return zlib.inflateSync(bytes, { maxOutputLength: MAX_JSON })
  } catch (error) {
    return (error as { code?: string }).code === 'Z_BUF_ERROR' ? 'incomplete' : 'invalid'
  }
}

export function parseDependencyList(json: Buffer): RustDependency[] {
  const parsed: unknown = JSON.parse(json.toString('utf8'))
  const packages = (parsed as { packages?: unknown }).packages
  if (!Array.isArray(packages)) throw new Error('no "packages" array')
  const found: RustDependency[] = []
  for (const entry of packages as Array<Record<string, unknown>>) {
    if (typeof entry?.name !== 'string' || typeof entry.version !== 'string' || entry.name === '' || entry.version === '') continue
    found.push({
      name: entry.name,
      version: entry.version,
      source: typeof entry.source === 'string' ? entry.source : undefined,
      kind: typeof entry.kind === 'string' ? entry.kind : undefined,
      root: entry.root === true ? true : undefined
    })
  }
  return found
}

interface Candidate {
  offset: number
  chunks: Buffer[]
  length: number
  json?: Buffer
}

interface Kept {
  start: number
  end: number
  bytes: Buffer
}

interface ElfLayout {
  little: boolean
  wide: boolean
  shoff: number
  shentsize: number
  shnum: number
  shstrndx: number
}

function parseElfHeader(head: Buffer): ElfLayout | undefined {
  if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46) return undefined
  const wide = head[4] === 2
  const little = head[5] === 1
  const u16 = (at: number) => (little ? head.readUInt16LE(at) : head.readUInt16BE(at))
  const u32 = (at: number) => (little ? head.readUInt32LE(at) : head.readUInt32BE(at))
  const u64 = (at: number) => Number(little ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at))
  return wide
    ? { little, wide, shoff: u64(0x28), shentsize: u16(0x3a), shnum: u16(0x3c), shstrndx: u16(0x3e) }
    : { little, wide, shoff: u32(0x20), shentsize: u16(0x2e), shnum: u16(0x30), shstrndx: u16(0x32) }
}

/** Streams a binary and finds its cargo-auditable dependency list (see the file comment). */
export class RustDependencyScanner {
  private offset = 0 // file offset of the first byte of `carry`
  private carry: Buffer = Buffer.alloc(0)
  private readonly candidates: Candidate[] = []
  private readonly kept: Kept[] = [{ start: 0, end: HEAD_KEPT, bytes: Buffer.alloc(0) }]
  private elf: ElfLayout | undefined | null = null // null: not known yet

  push(chunk: Buffer): void {
    const start = this.offset + this.carry.length
    this.keep(chunk, start)
    for (const candidate of this.candidates) this.extend(candidate, chunk)
    this.search(Buffer.concat([this.carry, chunk]), false)
  }

  end(): { packages: RustDependency[]; kept: number } | undefined {
    this.search(this.carry, true)
    const json = this.choose()
    if (!json) return undefined
    return { packages: parseDependencyList(json), kept: json.length }
  }

  private keep(chunk: Buffer, start: number): void {
    const end = start + chunk.length
    const fill = (region: Kept): void => {
      const from = Math.max(start, region.start + region.bytes.length)
      const to = Math.min(end, region.end)
      if (from < to) region.bytes = Buffer.concat([region.bytes, chunk.subarray(from - start, to - start)])
    }
    this.kept.forEach(fill)
    if (this.elf === null && this.kept[0].bytes.length >= 64) {
      this.elf = parseElfHeader(this.kept[0].bytes)
      const tableSize = this.elf ? this.elf.shentsize * this.elf.shnum : 0
      if (this.elf && tableSize > 0 && tableSize <= MAX_SECTION_TABLE && this.elf.shoff + tableSize > HEAD_KEPT) {
        // Bytes before this chunk are gone (but for the head): the region starts no earlier than it.
        const region = {
          start: Math.max(start, this.elf.shoff - BEFORE_TABLE_KEPT),
          end: this.elf.shoff + tableSize,
          bytes: Buffer.alloc(0)
        }
        this.kept.push(region)
        fill(region)
      }
    }
  }

  /** Bytes [offset, offset + length) of the file, if kept. */
  private read(offset: number, length: number): Buffer | undefined {
    for (const region of this.kept) {
      if (offset >= region.start && offset + length <= region.start + region.bytes.length) {
        return region.bytes.subarray(offset - region.start, offset - region.start + length)
      }
    }
    return undefined
  }

  private extend(candidate: Candidate, chunk: Buffer): void {
    if (candidate.json || candidate.length > MAX_COMPRESSED) return
    candidate.chunks.push(chunk)
    candidate.length += chunk.length
    this.complete(candidate)
  }

  private complete(candidate: Candidate): void {
    const compressed = candidate.chunks.length === 1 ? candidate.chunks[0] : Buffer.concat(candidate.chunks)
    const result = inflateAll(compressed)
    if (result === 'incomplete') {
      candidate.chunks = [compressed]
      if (candidate.length > MAX_COMPRESSED) candidate.chunks = []
      return
    }
    candidate.chunks = []
    if (result !== 'invalid') candidate.json = result
    else candidate.length = Infinity
  }

  private search(window: Buffer, final: boolean): void {
    const limit = final ? window.length : window.length - LOOKAHEAD + 1
    for (let at = window.indexOf(0x78); at !== -1 && at < limit; at = window.indexOf(0x78, at + 1)) {
      if (this.candidates.length >= MAX_CANDIDATES) break
      if (at + 1 >= window.length || !ZLIB_LEVELS.has(window[at + 1])) continue
      if (!looksLikeDependencyList(window.subarray(at, at + LOOKAHEAD))) continue
      const candidate: Candidate = { offset: this.offset + at, chunks: [Buffer.from(window.subarray(at))], length: window.length - at }
      this.candidates.push(candidate)
      this.complete(candidate)
    }
    const from = Math.max(0, limit)
    this.offset += from
    this.carry = final ? Buffer.alloc(0) : Buffer.from(window.subarray(from))
  }

  /** The candidate the section table names, or without a readable table, the first complete one. */
  private choose(): Buffer | undefined {
    const section = this.elf ? this.dependencySection(this.elf) : 'unreadable'
    if (section === 'none') return undefined
    if (section === 'unreadable') return this.candidates.find((c) => c.json)?.json
    const found = this.candidates.find((c) => c.offset === section.offset && c.json)
    if (found) return found.json
    // A section the marker did not catch (it does not inflate to the expected JSON) is still tried if kept.
    const bytes = this.read(section.offset, section.size)
    const json = bytes ? inflateAll(bytes) : undefined
    return Buffer.isBuffer(json) ? json : undefined
  }

  private dependencySection(elf: ElfLayout): { offset: number; size: number } | 'none' | 'unreadable' {
    const table = this.read(elf.shoff, elf.shentsize * elf.shnum)
    if (!table || elf.shstrndx >= elf.shnum || elf.shentsize < (elf.wide ? 64 : 40)) return 'unreadable'
    const u32 = (at: number) => (elf.little ? table.readUInt32LE(at) : table.readUInt32BE(at))
    const word = (at: number) => (elf.wide ? Number(elf.little ? table.readBigUInt64LE(at) : table.readBigUInt64BE(at)) : u32(at))
    // Elf64_Shdr: name@0, offset@0x18, size@0x20; Elf32_Shdr: name@0, offset@0x10, size@0x14.
    const header = (index: number) => {
      const at = index * elf.shentsize
      return elf.wide
        ? { name: u32(at), offset: word(at + 0x18), size: word(at + 0x20) }
        : { name: u32(at), offset: word(at + 0x10), size: word(at + 0x14) }
    }
    const strtab = header(elf.shstrndx)
    const names = this.read(strtab.offset, strtab.size)
    if (!names) return 'unreadable'
    for (let i = 0; i < elf.shnum; i++) {
      const section = header(i)
      const end = names.indexOf(0, section.name)
      if (names.toString('latin1', section.name, end === -1 ? names.length : end) === SECTION_NAME) return section
    }
    return 'none'
  }
}

/** Every package of the list, the root crate included, as syft's cargo-auditable cataloger reports them. */
export function rustPackages(dependencies: RustDependency[], location: string): CatalogedPackage[] {
  return dependencies.map((dep) => ({
    type: 'cargo',
    name: dep.name,
    version: dep.version,
    purl: formatPurl({ type: 'cargo', name: dep.name, version: dep.version }),
    locations: [location]
  }))
}
