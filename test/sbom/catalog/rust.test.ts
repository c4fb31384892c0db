// Rust binaries built with cargo-auditable. cargo-auditable is not packaged in Debian, so the test
// builds the ELF itself: a real ELF64 layout (header, sections, names in .shstrtab, section header
// table at the end, as linkers write it) with a `.dep-v0` section of zlib-compressed JSON, large
// enough that the section and the table are in different chunks, and a decoy zlib stream with the
// same marker in the "code" before it, which only the section table tells apart.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { generateSbom } from '../../../src/sbom/index.js'
import { RustDependencyScanner } from '../../../src/sbom/catalog/rust.js'
import { buildImage } from '../../harness/layers.js'

const DIGEST = 'sha256:' + 'c'.repeat(64)

const dependencyList = (packages: Array<Record<string, unknown>>) => deflateSync(Buffer.from(JSON.stringify({ packages })), { level: 7 })

const REAL = [
  { name: 'hello-auditable', version: '0.1.0', source: 'local', dependencies: [1, 2], root: true },
  { name: 'serde', version: '1.0.197', source: 'crates.io' },
  { name: 'serde_json', version: '1.0.114', source: 'crates.io', dependencies: [1] },
  { name: 'cc', version: '1.0.90', source: 'crates.io', kind: 'build' }
]
const DECOY = [{ name: 'decoy', version: '9.9.9', source: 'crates.io' }]

interface Section {
  name: string
  type: number
  data: Buffer
}

/** An ELF64 little-endian executable: header, each section's data in order, then the section header table. */
function elf64(layout: Array<Section | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.alloc(64)]
  let offset = 64
  const sections: Array<Section & { offset: number }> = []
  const names = ['', ...layout.filter((p): p is Section => !Buffer.isBuffer(p)).map((s) => s.name), '.shstrtab']
  const nameTable = Buffer.from(names.join('\0') + '\0')
  const nameOffset = (name: string) => names.slice(0, names.indexOf(name)).reduce((sum, n) => sum + n.length + 1, 0)
  for (const part of [...layout, { name: '.shstrtab', type: 3, data: nameTable }]) {
    const data = Buffer.isBuffer(part) ? part : part.data
    if (!Buffer.isBuffer(part)) sections.push({ ...part, offset })
    parts.push(data)
    offset += data.length
  }
  const pad = (8 - (offset % 8)) % 8
  parts.push(Buffer.alloc(pad))
  const shoff = offset + pad
  const table = Buffer.alloc(64 * (sections.length + 1)) // entry 0 is the null section
  sections.forEach((section, i) => {
    const at = 64 * (i + 1)
    table.writeUInt32LE(nameOffset(section.name), at)
    table.writeUInt32LE(section.type, at + 4)
    table.writeBigUInt64LE(BigInt(section.offset), at + 0x18)
    table.writeBigUInt64LE(BigInt(section.data.length), at + 0x20)
    table.writeBigUInt64LE(1n, at + 0x30)
  })
  parts.push(table)
  const header = parts[0]
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(header)
  header.writeUInt16LE(2, 0x10) // ET_EXEC
  header.writeUInt16LE(0x3e, 0x12) // x86-64
  header.writeUInt32LE(1, 0x14)
  header.writeBigUInt64LE(BigInt(shoff), 0x28)
  header.writeUInt16LE(64, 0x34)
  header.writeUInt16LE(64, 0x3a)
  header.writeUInt16LE(sections.length + 1, 0x3c)
  header.writeUInt16LE(sections.length, 0x3e) // .shstrtab is the last
  return Buffer.concat(parts)
}

function auditableBinary(sectionName = '.dep-v0'): Buffer {
  return elf64([
    { name: '.text', type: 1, data: Buffer.concat([randomBytes(150_000), dependencyList(DECOY), randomBytes(50_000)]) },
    { name: sectionName, type: 1, data: dependencyList(REAL) },
    { name: '.data', type: 1, data: randomBytes(300_000) }
  ])
}

function scan(bytes: Buffer, size: number) {
  const scanner = new RustDependencyScanner()
  for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size))
  return scanner.end()
}

async function catalog(entries: Parameters<typeof buildImage>[0][number]) {
  const built = await buildImage([entries])
  try {
    const image = {
      name: 'a',
      digest: DIGEST,
      platform: 'linux/amd64',
      config: { os: 'linux', architecture: 'amd64' },
      layers: built.layers
    }
    return await generateSbom(image, built.openBlob, { created: '2024-05-01T12:00:00.123Z' })
  } finally {
    await built.cleanup()
  }
}

test('Rust: the .dep-v0 section of an auditable ELF gives every crate, root and build dependencies included, at the binary', async () => {
  const { packages } = await catalog([{ path: 'usr/local/bin/hello-auditable', content: auditableBinary(), mode: 0o755 }])
  assert.deepEqual(
    packages.map((p) => [p.type, p.name, p.version, p.purl, p.locations]),
    REAL.map((p) => ['cargo', p.name, p.version, `pkg:cargo/${p.name}@${p.version}`, ['usr/local/bin/hello-auditable']])
  )
})

test('Rust: the section table decides between look-alikes, in any chunking; without it the first marker is taken', () => {
  const binary = auditableBinary()
  for (const size of [5, 999, 65536, binary.length]) {
    const found = scan(binary, size)
    assert.deepEqual(
      found?.packages.map((p) => p.name),
      REAL.map((p) => p.name),
      `chunks of ${size}`
    )
    assert.ok((found?.kept ?? 0) < 2048)
  }
  assert.equal(scan(auditableBinary('.dep-v1'), 65536), undefined, 'an ELF without a .dep-v0 section has no list')
  // Not an ELF (a Mach-O head): no section table to read, so the first stream with the marker is believed.
  const macho = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), randomBytes(100_000), dependencyList(REAL), randomBytes(1000)])
  assert.deepEqual(
    scan(macho, 4096)?.packages.map((p) => p.version),
    REAL.map((p) => p.version)
  )
})

test('Rust: a file that is not a binary is not searched, whatever it holds', async () => {
  const { packages } = await catalog([
    { path: 'srv/data.bin', content: Buffer.concat([Buffer.from('PK'), randomBytes(1000), dependencyList(REAL)]) }
  ])
  assert.deepEqual(packages, [])
})
