// Compiled binaries that carry their own dependency list: Go's build info (golang.ts) and Rust's
// cargo-auditable `.dep-v0` section (rust.ts). Every regular file no other cataloger claimed is
// streamed through one scanner that looks at its first bytes and, for an ELF, Mach-O or PE file,
// lets both readers look for their data. Whether the file is executable does not matter (a Go
// c-shared library has build info too); only the first bytes decide. Nothing is held but what the
// readers keep: binaries are tar entries read once, front to back, and can be hundreds of MiB.
import type { EntryHeader, FileMatcher, FileScanner } from './filesystem.js'
import { GoBuildInfoScanner, goPackages, type GoBuildInfo } from './golang.js'
import { RustDependencyScanner, rustPackages, type RustDependency } from './rust.js'
import type { CatalogedPackage } from './types.js'

export interface BinaryRecord {
  format: BinaryFormat
  go?: GoBuildInfo
  rust?: RustDependency[]
}

export type BinaryFormat = 'elf' | 'macho' | 'pe'

const MAGIC_LENGTH = 4

/** The executable format the first bytes announce, if any. */
export function binaryFormat(head: Buffer): BinaryFormat | undefined {
  if (head.length < MAGIC_LENGTH) return undefined
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return 'elf'
  if (head[0] === 0x4d && head[1] === 0x5a) return 'pe' // "MZ"
  const word = head.readUInt32BE(0)
  // 32/64-bit, either byte order, and universal ("fat") binaries; 0xcafebabe is also a Java class
  // file, which simply holds no build info.
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(word)) return 'macho'
  return undefined
}

/** Smallest file worth a look: no binary with build info is this small. */
const MIN_BINARY_SIZE = 64

class BinaryScanner implements FileScanner {
  private head: Buffer = Buffer.alloc(0)
  private format: BinaryFormat | undefined
  private rejected = false
  private readonly go = new GoBuildInfoScanner()
  private readonly rust = new RustDependencyScanner()

  push(chunk: Buffer): void {
    if (this.rejected) return
    if (this.format === undefined) {
      this.head = Buffer.concat([this.head, chunk])
      if (this.head.length < MAGIC_LENGTH) return
      this.format = binaryFormat(this.head)
      if (this.format === undefined) {
        this.rejected = true
        return
      }
      chunk = this.head
      this.head = Buffer.alloc(0)
    }
    this.go.push(chunk)
    this.rust.push(chunk)
  }

  end(): { value: BinaryRecord; kept: number } | undefined {
    if (this.format === undefined) return undefined
    const go = this.go.end()
    const rust = this.rust.end()
    if (!go && !rust) return undefined
    return { value: { format: this.format, go, rust: rust?.packages }, kept: this.go.kept + (rust?.kept ?? 0) }
  }
}

export const BINARY_MATCHER: FileMatcher = {
  id: 'binary',
  // Hard links have size 0 in the tar header; they are matched so they can share their target's result.
  matches: (_path: string, header: EntryHeader) => header.size === 0 || header.size >= MIN_BINARY_SIZE,
  scan: () => new BinaryScanner()
}

export function binaryPackages(record: BinaryRecord, location: string): CatalogedPackage[] {
  return [...(record.go ? goPackages(record.go, location) : []), ...(record.rust ? rustPackages(record.rust, location) : [])]
}
