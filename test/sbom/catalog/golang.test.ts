// Go binaries: a real binary built here with Debian's Go toolchain (package golang-go), in a layer,
// catalogued as syft would: the main module, each dependency and the standard library.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateSbom } from '../../../src/sbom/index.js'
import { decodeGoBuildInfo, GoBuildInfoScanner, goPackages, parseModinfo } from '../../../src/sbom/catalog/golang.js'
import { buildImage } from '../../harness/layers.js'

const run = promisify(execFile)
const DIGEST = 'sha256:' + 'c'.repeat(64)

async function goCommand(): Promise<string> {
  for (const candidate of ['go', '/usr/lib/go/bin/go']) {
    try {
      await run(candidate, ['version'])
      return candidate
    } catch {
      // next
    }
  }
  throw new Error('no Go toolchain here: install golang-go (apt-get install golang-go) to run this test')
}

interface Built {
  binary: Buffer
  goVersion: string
  cleanup(): Promise<void>
}

/** Builds example.com/hello, which requires example.com/greeting v1.4.2 replaced by ../greeting. */
async function buildHello(): Promise<Built> {
  const go = await goCommand()
  const dir = await mkdtemp(join(tmpdir(), 'sbom-go-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  try {
    await mkdir(join(dir, 'greeting'))
    await mkdir(join(dir, 'hello'))
    await writeFile(join(dir, 'greeting', 'go.mod'), 'module example.com/greeting\n\ngo 1.18\n')
    await writeFile(join(dir, 'greeting', 'greeting.go'), 'package greeting\n\nfunc Hello() string { return "hello" }\n')
    await writeFile(
      join(dir, 'hello', 'go.mod'),
      'module example.com/hello\n\ngo 1.18\n\nrequire example.com/greeting v1.4.2\n\nreplace example.com/greeting => ../greeting\n'
    )
    await writeFile(
      join(dir, 'hello', 'main.go'),
      'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/greeting"\n)\n\nfunc main() { fmt.Println(greeting.Hello()) }\n'
    )
    const env = {
      ...process.env,
      GOFLAGS: '-mod=mod',
      GOPROXY: 'off',
      GOTOOLCHAIN: 'local',
      CGO_ENABLED: '0',
      GO111MODULE: 'on',
      GOCACHE: join(dir, 'cache'),
      GOPATH: join(dir, 'gopath'),
      GOMODCACHE: join(dir, 'gopath', 'mod')
    }
    await run(go, ['build', '-o', join(dir, 'hello-bin'), '.'], { cwd: join(dir, 'hello'), env })
    const { stdout } = await run(go, ['env', 'GOVERSION'], { env })
    return { binary: await readFile(join(dir, 'hello-bin')), goVersion: stdout.trim(), cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}

// One build for every test; removed at the end.
let shared: Promise<Built> | undefined
after(async () => {
  if (shared) await (await shared.catch(() => undefined))?.cleanup()
})
function hello(): Promise<Built> {
  shared ??= buildHello()
  return shared
}

async function catalog(layers: Parameters<typeof buildImage>[0]) {
  const built = await buildImage(layers)
  try {
    return await generateSbom(
      {
        name: 'ghcr.io/acme/app',
        digest: DIGEST,
        platform: 'linux/amd64',
        config: { os: 'linux', architecture: 'amd64' },
        layers: built.layers
      },
      built.openBlob,
      { created: '2024-05-01T12:00:00.123Z', toolName: 'digest-release-test' }
    )
  } finally {
    await built.cleanup()
  }
}

test('Go: a binary built here lists its main module, the replaced dependency at its required version, and stdlib', async () => {
  const built = await hello()
  {
    assert.match(built.goVersion, /^go1\.\d+/)
    const { packages, document } = await catalog([[{ path: 'usr/local/bin/hello', content: built.binary, mode: 0o755 }]])
    const golang = packages.filter((p) => p.type === 'golang')
    assert.deepEqual(
      golang.map((p) => [p.name, p.version, p.purl, p.locations]),
      [
        ['example.com/hello', '(devel)', 'pkg:golang/example.com/hello@%28devel%29', ['usr/local/bin/hello']],
        ['example.com/greeting', 'v1.4.2', 'pkg:golang/example.com/greeting@v1.4.2', ['usr/local/bin/hello']],
        ['stdlib', built.goVersion, `pkg:golang/stdlib@${built.goVersion.replace(/^go/, '').split(' ')[0]}`, ['usr/local/bin/hello']]
      ]
    )
    assert.ok(golang.every((p) => p.architecture === 'amd64' || p.architecture === process.arch.replace('x64', 'amd64')))
    const spdx = document as { packages?: Array<{ externalRefs?: Array<{ referenceLocator: string }> }> }
    const purls = new Set(spdx.packages?.flatMap((p) => (p.externalRefs ?? []).map((r) => r.referenceLocator)))
    assert.ok(purls.has('pkg:golang/example.com/greeting@v1.4.2'), 'the SPDX document carries the dependency purl')
  }
})

test('Go: the build info is found across any chunking, and a file that is not a binary is not read as one', async () => {
  const built = await hello()
  {
    for (const size of [1, 7, 13, 4096, 65536, built.binary.length]) {
      const scanner = new GoBuildInfoScanner()
      for (let at = 0; at < built.binary.length; at += size) scanner.push(built.binary.subarray(at, at + size))
      const info = scanner.end()
      assert.ok(info, `chunks of ${size}`)
      assert.equal(info.goVersion, built.goVersion)
      assert.equal(info.main?.path, 'example.com/hello')
      assert.ok(scanner.kept < 4096, `kept ${scanner.kept} bytes`)
    }
    // The same bytes under a non-executable name in a layer, not starting with an executable magic: nothing.
    const shifted = Buffer.concat([Buffer.from('#!/bin/sh\n'), built.binary])
    const { packages } = await catalog([[{ path: 'opt/not-a-binary', content: shifted }]])
    assert.deepEqual(packages, [])
  }
})

test('Go: a binary only reached through a hard link of the same layer is catalogued at both paths', async () => {
  const built = await hello()
  {
    const { packages } = await catalog([
      [
        { path: 'usr/bin/hello', content: built.binary, mode: 0o755 },
        { path: 'usr/bin/hello-again', hardlink: 'usr/bin/hello' },
        { path: 'usr/bin/readme', content: 'x'.repeat(100) },
        { path: 'usr/bin/readme-link', hardlink: 'usr/bin/readme' }
      ]
    ])
    const stdlib = packages.find((p) => p.name === 'stdlib')
    assert.deepEqual(stdlib?.locations.sort(), ['usr/bin/hello', 'usr/bin/hello-again'])
  }
})

test('Go: modinfo lines: module replacements take the replacement module; directory replacements keep the requirement', () => {
  const text = [
    'path\texample.com/cmd/app',
    'mod\texample.com\tv1.2.3\th1:main=',
    'dep\tgithub.com/A/b\tv0.1.0\th1:b=',
    'dep\tgolang.org/x/net\tv0.1.0\th1:net=',
    '=>\tgithub.com/fork/net\tv0.2.0\th1:fork=',
    'dep\texample.com/local\tv1.0.0',
    '=>\t../local\t(devel)\t',
    'build\t-ldflags=-s -w',
    'build\tGOARCH=arm64',
    ''
  ].join('\n')
  const sentinel = 'x'.repeat(16)
  const info = parseModinfo('go1.22.0 X:boringcrypto', sentinel + text + sentinel)
  assert.equal(info.settings['-ldflags'], '-s -w')
  assert.deepEqual(
    goPackages(info, 'app').map((p) => p.purl),
    [
      'pkg:golang/example.com@v1.2.3',
      'pkg:golang/github.com/A/b@v0.1.0',
      'pkg:golang/github.com/fork/net@v0.2.0',
      'pkg:golang/example.com/local@v1.0.0',
      'pkg:golang/stdlib@1.22.0'
    ]
  )
  assert.ok(goPackages(info, 'app').every((p) => p.architecture === 'arm64'))
})

test('Go: headers that do not check out are not build info', () => {
  const magic = Buffer.from('\xff Go buildinf:', 'latin1')
  const header = (pointerSize: number, flags: number) => Buffer.concat([magic, Buffer.from([pointerSize, flags]), Buffer.alloc(16)])
  assert.equal(decodeGoBuildInfo(header(3, 2)), 'invalid')
  assert.equal(decodeGoBuildInfo(header(8, 0)), 'invalid') // Go < 1.18: pointers, not read
  assert.equal(decodeGoBuildInfo(header(8, 2)), 'incomplete')
  const strings = Buffer.concat([Buffer.from([8]), Buffer.from('go1.21.5'), Buffer.from([0])])
  const ok = decodeGoBuildInfo(Buffer.concat([header(8, 2), strings]))
  assert.ok(typeof ok === 'object' && ok.info.goVersion === 'go1.21.5' && ok.info.deps.length === 0)
  const notGo = Buffer.concat([header(8, 2), Buffer.from([3]), Buffer.from('abc'), Buffer.from([0])])
  assert.equal(decodeGoBuildInfo(notGo), 'invalid')
  // A misaligned copy of the magic (a string in .rodata) is passed over.
  const scanner = new GoBuildInfoScanner()
  scanner.push(Buffer.concat([Buffer.alloc(5), header(8, 2), strings]))
  assert.equal(scanner.end(), undefined)
})
