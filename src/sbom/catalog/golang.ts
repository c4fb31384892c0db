// Go binaries: the module build info the Go linker (1.18 and later) writes into every binary built
// in module mode, in the `.go.buildinfo` section (ELF; Mach-O's __go_buildinfo, PE's .data).
//
// Format (Go's src/debug/buildinfo/buildinfo.go): a 32-byte header, 16-byte aligned, starting with
// the magic "\xff Go buildinf:", then the pointer size byte and a flags byte (bit 0: big endian,
// bit 1: strings inline). With inline strings, two varint-length strings follow the header: the
// toolchain version ("go1.21.5") and the modinfo text, wrapped in 16 bytes of sentinel on each side.
// Binaries from Go before 1.18 hold pointers to the strings instead; they are not read here.
//
// The binary is never held: GoBuildInfoScanner looks for the magic in the bytes as they stream past,
// carrying a few bytes over chunk boundaries, and keeps only what follows a header that checks out.
import { formatPurl } from './purl.js'
import type { CatalogedPackage } from './types.js'

export interface GoModule {
  path: string
  version: string
  sum?: string
}

export interface GoDependency extends GoModule {
  /** The `=>` line after a dep: another module (path and version) or a local directory (no version). */
  replace?: GoModule
}

export interface GoBuildInfo {
  /** Toolchain version, "go1.21.5" (or "devel go1.23-abcdef ..." for an unreleased one). */
  goVersion: string
  /** Package path of the main package. */
  path?: string
  main?: GoModule
  deps: GoDependency[]
  /** `build` lines: GOOS, GOARCH, CGO_ENABLED, vcs.revision, ... */
  settings: Record<string, string>
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const HEADER_SIZE = 32
const ALIGN = 16
const FLAG_INLINE_STRINGS = 0x2
/** The version and modinfo strings together; a large binary's modinfo is tens of KiB. */
export const MAX_GO_BUILDINFO_SIZE = 4 * 1024 * 1024

type Decoded = { info: GoBuildInfo; size: number } | 'incomplete' | 'invalid'

/** Reads an unsigned LEB128 varint (Go's binary.Uvarint). */
function uvarint(data: Buffer, at: number): { value: number; next: number } | 'incomplete' | 'invalid' {
  let value = 0
  for (let i = 0, shift = 0; i < 10; i++, shift += 7) {
    if (at + i >= data.length) return 'incomplete'
    const byte = data[at + i]
    value += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) return value > MAX_GO_BUILDINFO_SIZE ? 'invalid' : { value, next: at + i + 1 }
  }
  return 'invalid'
}

/** Decodes the build info from bytes starting at the magic. */
export function decodeGoBuildInfo(data: Buffer): Decoded {
  if (data.length < HEADER_SIZE) return 'incomplete'
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return 'invalid'
  const pointerSize = data[MAGIC.length]
  const flags = data[MAGIC.length + 1]
  if (pointerSize !== 4 && pointerSize !== 8) return 'invalid'
  if ((flags & FLAG_INLINE_STRINGS) === 0) return 'invalid' // Go < 1.18: pointers into the data segment
  const strings: string[] = []
  let at = HEADER_SIZE
  for (let n = 0; n < 2; n++) {
    const length = uvarint(data, at)
    if (typeof length === 'string') return length
    if (length.next + length.value > data.length) return length.next + length.value > MAX_GO_BUILDINFO_SIZE ? 'invalid' : 'incomplete'
    strings.push(data.subarray(length.next, length.next + length.value).toString('utf8'))
    at = length.next + length.value
  }
  const [goVersion, modinfo] = strings
  if (!/^(go\d|devel )/.test(goVersion)) return 'invalid'
  return { info: parseModinfo(goVersion, modinfo), size: at }
}

/** Parses the modinfo text (runtime/debug.ParseBuildInfo's format). */
export function parseModinfo(goVersion: string, text: string): GoBuildInfo {
  // The linker wraps it in 16-byte sentinels (cmd/go/internal/modload.ModInfoData).
  if (text.length >= 33 && text[text.length - 17] === '\n') text = text.slice(16, -16)
  const info: GoBuildInfo = { goVersion, deps: [], settings: {} }
  const module = (fields: string[]): GoModule => ({ path: fields[1] ?? '', version: fields[2] ?? '', sum: fields[3] || undefined })
  for (const line of text.split('\n')) {
    const fields = line.split('\t')
    switch (fields[0]) {
      case 'path':
        info.path = fields[1]
        break
      case 'mod':
        info.main = module(fields)
        break
      case 'dep':
        info.deps.push(module(fields))
        break
      case '=>': {
        const last = info.deps[info.deps.length - 1]
        if (last && !last.replace) last.replace = module(fields)
        break
      }
      case 'build': {
        const setting = fields.slice(1).join('\t')
        const eq = setting.indexOf('=')
        if (eq > 0) info.settings[setting.slice(0, eq)] = setting.slice(eq + 1)
        break
      }
    }
  }
  return info
}

/**
 * Finds the build info in a binary streamed chunk by chunk. Holds at most a header's worth of
 * carried bytes, plus, once a header checks out, the strings after it (MAX_GO_BUILDINFO_SIZE).
 */
export class GoBuildInfoScanner {
  private offset = 0 // file offset of the first byte of `pending`
  private pending: Buffer = Buffer.alloc(0)
  private result: GoBuildInfo | undefined
  private keptBytes = 0

  get found(): GoBuildInfo | undefined {
    return this.result
  }

  /** Bytes of the binary held for the result. */
  get kept(): number {
    return this.keptBytes
  }

  push(chunk: Buffer): void {
    if (this.result) return
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    this.search(false)
  }

  end(): GoBuildInfo | undefined {
    if (!this.result) this.search(true)
    this.pending = Buffer.alloc(0)
    return this.result
  }

  private search(final: boolean): void {
    let from = 0
    for (;;) {
      const at = this.pending.indexOf(MAGIC, from)
      if (at === -1) break
      if ((this.offset + at) % ALIGN !== 0) {
        from = at + 1
        continue
      }
      const decoded = decodeGoBuildInfo(this.pending.subarray(at))
      if (decoded === 'incomplete' && !final) {
        // Keep from the magic on until the strings are complete (bounded by MAX_GO_BUILDINFO_SIZE).
        this.drop(at)
        return
      }
      if (typeof decoded === 'object') {
        this.result = decoded.info
        this.keptBytes = decoded.size
        this.pending = Buffer.alloc(0)
        return
      }
      from = at + 1
    }
    // No candidate: keep only what could be the start of a magic split over the chunk boundary.
    this.drop(Math.max(0, this.pending.length - (MAGIC.length - 1)))
  }

  private drop(count: number): void {
    if (count === 0) return
    this.offset += count
    this.pending = this.pending.length === count ? Buffer.alloc(0) : Buffer.from(this.pending.subarray(count))
  }
}

/** A replacement by a directory (golang.org/x/mod/modfile: ./, ../, / or a Windows drive) rather than a module. */
function isDirectoryReplacement(path: string): boolean {
  return /^(\.\.?([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/.test(path)
}

function goModulePurl(path: string, version: string): string {
  const slash = path.lastIndexOf('/')
  return formatPurl({
    type: 'golang',
    namespace: slash === -1 ? undefined : path.slice(0, slash),
    name: slash === -1 ? path : path.slice(slash + 1),
    version: version || undefined
  })
}

function goPackage(name: string, version: string, purl: string, location: string, architecture?: string): CatalogedPackage {
  return { type: 'golang', name, version, purl, architecture, locations: [location] }
}

/**
 * The main module, each dependency and the standard library, as syft reports them. A dependency
 * replaced by another module is reported as that module at its version; one replaced by a local
 * directory (`=> ../greeting`, whose version the linker writes as "(devel)") keeps the required path
 * and version: a directory has no purl, and what the build required is what a scanner can match.
 */
export function goPackages(info: GoBuildInfo, location: string): CatalogedPackage[] {
  const arch = info.settings.GOARCH
  const packages: CatalogedPackage[] = []
  if (info.main && info.main.path !== '') {
    packages.push(goPackage(info.main.path, info.main.version, goModulePurl(info.main.path, info.main.version), location, arch))
  }
  for (const dep of info.deps) {
    const module = dep.replace && !isDirectoryReplacement(dep.replace.path) ? dep.replace : dep
    if (module.path === '') continue
    packages.push(goPackage(module.path, module.version, goModulePurl(module.path, module.version), location, arch))
  }
  // "go1.22.0 X:boringcrypto" -> stdlib@1.22.0 (the experiments are not part of the version).
  const stdlib = info.goVersion.split(' ')[0].replace(/^go/, '')
  if (stdlib !== '' && !info.goVersion.startsWith('devel')) {
    packages.push(goPackage('stdlib', info.goVersion, formatPurl({ type: 'golang', name: 'stdlib', version: stdlib }), location, arch))
  }
  return packages
}
