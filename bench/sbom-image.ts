// Benchmark: cataloguing a ~1 GB image of many layers, as `sbom: generate` does it.
// The parent writes the image's layers to a temp dir (never into the repository):
//   - a base layer with os-release and this machine's real dpkg database (/var/lib/dpkg/status);
//   - three layers of Java archives, copies of this machine's /usr/share/java/*.jar under other names
//     (a few hundred in all);
//   - a Go program built here with `go build` (its real build info), padded with random bytes after the
//     ELF image to a couple of hundred MB, since the binary cataloger streams every byte of it;
//   - a layer with a gemspec, a Composer installed.json, a .NET deps.json and an npm package;
//   - filler layers of random, incompressible files up to ~1 GB of gzip in all.
// Then it runs generateSbom in a child process, from an ncc bundle as the action runs (and from source
// under tsx for reference: tsx's loader alone holds some 35 MB the action never loads), with an OpenBlob
// that counts how many times each layer blob is opened. Peak RSS is VmHWM, read by the child at the end
// and sampled from /proc/<pid>/status by the parent every 20 ms; the larger is reported.
// Prints figures only; nothing is asserted. Run: node --import tsx bench/sbom-image.ts
// BENCH_IMAGE_MB sets the target size (default 1024); BENCH_KEEP=1 keeps the temp dir.
import { execFile, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createGzip } from 'node:zlib'
import tar from 'tar-stream'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const MB = 1024 * 1024
const TARGET_BYTES = Number(process.env.BENCH_IMAGE_MB ?? 1024) * MB
const LIMIT_BYTES = 128 * MB
const FILLER_LAYER_BYTES = 120 * MB
const FILLER_FILE_BYTES = 24 * MB
const GO_PADDING_BYTES = 200 * MB
const JAR_COPIES = 300
const JAR_LAYERS = 3
const CHUNK = MB
const run = promisify(execFile)

// Random bytes come from a pool of fresh buffers, each reused at a shifting offset: deflate's window is
// 32 KiB, so a repeat 4 MiB away compresses no better than new randomness, and writing 1 GB is quicker.
const POOL = Array.from({ length: 16 }, () => randomBytes(4 * MB))
let poolTurn = 0
function randomChunk(size: number): Buffer {
  const buffer = POOL[poolTurn++ % POOL.length]
  const start = (poolTurn * 4099) % (buffer.length - size + 1)
  return buffer.subarray(start, start + size)
}

/** A file in a layer: bytes given, random bytes, or both one after the other. */
interface FileSpec {
  name: string
  parts: Array<Buffer | number>
  mode?: number
}

async function writeEntry(pack: tar.Pack, file: FileSpec): Promise<void> {
  const size = file.parts.reduce<number>((sum, part) => sum + (typeof part === 'number' ? part : part.length), 0)
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name: file.name, size, mode: file.mode ?? 0o644, mtime: new Date(0) }, (error) =>
      error ? reject(error) : resolve()
    )
    const chunks = function* (): Generator<Buffer> {
      for (const part of file.parts) {
        if (typeof part !== 'number') yield part
        else for (let left = part; left > 0; left -= CHUNK) yield randomChunk(Math.min(CHUNK, left))
      }
    }
    const source = chunks()
    const writeMore = (): void => {
      for (let next = source.next(); !next.done; next = source.next()) {
        if (!entry.write(next.value)) {
          entry.once('drain', writeMore)
          return
        }
      }
      entry.end(Buffer.alloc(0))
    }
    writeMore()
  })
}

interface Layer {
  digest: string
  size: number
  mediaType: string
}

/** Writes one gzipped layer into `dir` under its digest, streaming all the way. */
async function writeLayer(dir: string, files: FileSpec[]): Promise<Layer> {
  const pack = tar.pack()
  const hash = createHash('sha256')
  let size = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      size += chunk.length
      callback(null, chunk)
    }
  })
  const path = join(dir, 'layer.tmp')
  const writing = pipeline(pack, createGzip({ level: 1 }), tap, createWriteStream(path))
  for (const file of files) await writeEntry(pack, file)
  pack.finalize()
  await writing
  const digest = `sha256:${hash.digest('hex')}`
  await rename(path, join(dir, digest.slice(7)))
  return { digest, size, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }
}

function dpkgStatus(): Buffer {
  if (existsSync('/var/lib/dpkg/status')) return readFileSync('/var/lib/dpkg/status')
  return Buffer.from(
    Array.from({ length: 500 }, (_, i) => `Package: pkg${i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.${i}-1\n`).join(
      '\n'
    )
  )
}

/** This machine's jars (regular files, not the version symlinks), or none. */
function machineJars(): string[] {
  const dir = '/usr/share/java'
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jar'))
    .map((name) => join(dir, name))
    .filter((path) => lstatSync(path).isFile())
    .sort()
}

/** A Go program built with this machine's go (stdlib only, so offline), or undefined without go. */
async function buildGoBinary(dir: string): Promise<Buffer | undefined> {
  const src = join(dir, 'gosrc')
  await mkdir(src, { recursive: true })
  await writeFile(join(src, 'go.mod'), 'module example.com/bench/server\n\ngo 1.19\n')
  await writeFile(
    join(src, 'main.go'),
    'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })\n\t_ = http.ListenAndServe(":8080", nil)\n}\n'
  )
  try {
    await run('go', ['build', '-o', join(dir, 'server'), '.'], {
      cwd: src,
      // A cache outside the temp dir makes a second run quick.
      env: { ...process.env, GOCACHE: join(tmpdir(), 'digest-release-bench-gocache'), GOFLAGS: '-mod=mod', CGO_ENABLED: '0' }
    })
  } catch (error) {
    console.error(`go build failed, no Go binary in the image: ${(error as Error).message}`)
    return undefined
  }
  const binary = await readFile(join(dir, 'server'))
  await rm(join(dir, 'server'))
  return binary
}

const GEMSPEC =
  '# -*- encoding: utf-8 -*-\n# stub: rake 13.0.6 ruby lib\n\nGem::Specification.new do |s|\n  s.name = "rake".freeze\n  s.version = "13.0.6"\n  s.licenses = ["MIT".freeze]\nend\n'
const COMPOSER = JSON.stringify({ packages: [{ name: 'monolog/monolog', version: '3.5.0', license: ['MIT'] }], dev: false }, null, 4)
const DEPS_JSON = JSON.stringify({
  libraries: {
    'App/1.0.0': { type: 'project', serviceable: false, sha512: '' },
    'Newtonsoft.Json/13.0.3': { type: 'package', serviceable: true, sha512: 'sha512-x', path: 'newtonsoft.json/13.0.3' }
  }
})

async function buildImage(dir: string): Promise<{ layers: Layer[]; goBinary: boolean; jars: number }> {
  const layers: Layer[] = []
  const total = (): number => layers.reduce((sum, layer) => sum + layer.size, 0)

  layers.push(
    await writeLayer(dir, [
      { name: 'etc/os-release', parts: [Buffer.from('ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')] },
      { name: 'var/lib/dpkg/status', parts: [dpkgStatus()] },
      { name: 'usr/lib/x86_64-linux-gnu/filler.so', parts: [32 * MB] }
    ])
  )

  const jars = machineJars()
  const jarCount = jars.length === 0 ? 0 : JAR_COPIES
  for (let layer = 0; layer < JAR_LAYERS && jars.length > 0; layer++) {
    const files: FileSpec[] = []
    for (let i = layer; i < jarCount; i += JAR_LAYERS) {
      const source = jars[i % jars.length]
      const base = source.slice(source.lastIndexOf('/') + 1, -'.jar'.length)
      files.push({ name: `opt/app${layer}/lib/${base}-copy${i}.jar`, parts: [readFileSync(source)] })
    }
    layers.push(await writeLayer(dir, files))
  }

  const go = await buildGoBinary(dir)
  if (go) layers.push(await writeLayer(dir, [{ name: 'usr/local/bin/server', parts: [go, GO_PADDING_BYTES], mode: 0o755 }]))

  layers.push(
    await writeLayer(dir, [
      { name: 'usr/local/bundle/specifications/rake-13.0.6.gemspec', parts: [Buffer.from(GEMSPEC)] },
      { name: 'var/www/html/vendor/composer/installed.json', parts: [Buffer.from(COMPOSER)] },
      { name: 'app/App.deps.json', parts: [Buffer.from(DEPS_JSON)] },
      { name: 'app/node_modules/left-pad/package.json', parts: [Buffer.from('{"name":"left-pad","version":"1.3.0"}')] }
    ])
  )

  for (let n = 0; total() < TARGET_BYTES; n++) {
    const left = Math.min(FILLER_LAYER_BYTES, TARGET_BYTES - total())
    const files: FileSpec[] = []
    for (let i = 0; i * FILLER_FILE_BYTES < left; i++)
      files.push({ name: `srv/data${n}/blob-${i}.bin`, parts: [Math.min(FILLER_FILE_BYTES, left - i * FILLER_FILE_BYTES)] })
    layers.push(await writeLayer(dir, files))
  }
  return { layers, goBinary: go !== undefined, jars: jarCount }
}

// The child: streams the image through generateSbom with a counting OpenBlob and reports. Plain
// JavaScript so that it loads either the ncc bundle or the TypeScript source under tsx.
const CHILD_SOURCE = `
import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
const [modulePath, dir, layersFile] = process.argv.slice(2)
const layers = JSON.parse(readFileSync(layersFile, 'utf8'))
const kb = (key) => Number(new RegExp('^' + key + ':\\\\s+(\\\\d+) kB', 'm').exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024
const { generateSbom } = await import(pathToFileURL(modulePath).href)
const opened = {}
const openBlob = async (digest) => {
  opened[digest] = (opened[digest] ?? 0) + 1
  return createReadStream(join(dir, digest.slice(7)))
}
const startRss = kb('VmRSS')
const started = process.hrtime.bigint()
const result = await generateSbom(
  { name: 'bench.local/sbom', digest: 'sha256:' + '0'.repeat(64), config: { os: 'linux', architecture: 'amd64' }, layers },
  openBlob
)
const seconds = Number(process.hrtime.bigint() - started) / 1e9
const byType = {}
for (const p of result.packages) byType[p.type] = (byType[p.type] ?? 0) + 1
process.stdout.write(JSON.stringify({ byType, skipped: result.skipped.length, seconds, startRss, peakRss: kb('VmHWM'), opened }) + '\\n')
`

interface ChildReport {
  byType: Record<string, number>
  skipped: number
  seconds: number
  startRss: number
  peakRss: number
  opened: Record<string, number>
}

/** Runs the child, sampling its VmHWM every 20 ms. */
async function runChild(dir: string, mode: 'bundle' | 'tsx', modulePath: string): Promise<ChildReport & { sampledPeak: number }> {
  const flags = mode === 'tsx' ? ['--import', 'tsx'] : []
  const child = spawn(process.execPath, [...flags, join(dir, 'child.mjs'), modulePath, dir, join(dir, 'layers.json')], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let sampledPeak = 0
  const sampler = setInterval(() => {
    try {
      const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (match) sampledPeak = Math.max(sampledPeak, Number(match[1]) * 1024)
    } catch {
      // exited between samples
    }
  }, 20)
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearInterval(sampler)
  if (code !== 0) throw new Error(`${mode} child exited with ${code}`)
  return { ...(JSON.parse(stdout.trim().split('\n').pop() as string) as ChildReport), sampledPeak }
}

const mb = (bytes: number): string => (bytes / MB).toFixed(1)

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sbom-image-bench-'))
  try {
    const writeStarted = Date.now()
    const { layers, goBinary, jars } = await buildImage(dir)
    const imageBytes = layers.reduce((sum, layer) => sum + layer.size, 0)
    await writeFile(join(dir, 'layers.json'), JSON.stringify(layers))
    await writeFile(join(dir, 'child.mjs'), CHILD_SOURCE)
    console.log(
      `wrote ${layers.length} layers, ${mb(imageBytes)} MB gzip (dpkg status ${mb(dpkgStatus().length)} MB, ${jars} jars, ` +
        `Go binary ${goBinary ? `padded by ${mb(GO_PADDING_BYTES)} MB` : 'missing (no go)'}) in ${((Date.now() - writeStarted) / 1000).toFixed(1)} s`
    )
    // The action runs from an ncc bundle; build one of the SBOM module the same way (types are checked elsewhere).
    await run(
      join(REPO, 'node_modules', '.bin', 'ncc'),
      ['build', join(REPO, 'src/sbom/index.ts'), '-o', join(dir, 'bundle'), '--transpile-only', '--quiet'],
      { cwd: REPO }
    )
    for (const [mode, modulePath] of [
      ['bundle', join(dir, 'bundle', 'index.js')],
      ['tsx', join(REPO, 'src/sbom/index.ts')]
    ] as const) {
      const report = await runChild(dir, mode, modulePath)
      const peak = Math.max(report.peakRss, report.sampledPeak)
      const readOnce = layers.every((layer) => report.opened[layer.digest] === 1) && Object.keys(report.opened).length === layers.length
      const types = Object.entries(report.byType)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([type, count]) => `${type} ${count}`)
        .join(', ')
      console.log(
        `${mode === 'bundle' ? 'ncc bundle (as in dist/)' : 'source under tsx (reference)'}: ` +
          `image ${(imageBytes / 1024 / MB).toFixed(2)} GB in ${layers.length} layers: ${report.seconds.toFixed(1)} s, ` +
          `peak RSS ${mb(peak)} MB, each layer read once: ${readOnce ? 'yes' : 'no'}`
      )
      console.log(
        `  packages: ${types}; ${report.skipped} file(s) not catalogued; RSS after loading ${mb(report.startRss)} MB; ` +
          `VmHWM ${mb(report.peakRss)} MB at the end, ${mb(report.sampledPeak)} MB sampled; ` +
          `${peak < LIMIT_BYTES ? 'under' : 'OVER'} the ${mb(LIMIT_BYTES)} MB target`
      )
      if (!readOnce) console.log(`  opens per layer: ${layers.map((layer) => report.opened[layer.digest] ?? 0).join(' ')}`)
    }
  } finally {
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${dir}`)
    else await rm(dir, { recursive: true, force: true })
  }
}

await main()
