// Benchmark: peak memory of generateSbom on an image with a ~300 MB layer.
// The parent writes the layer to a temp dir (incompressible random files plus a dpkg status and
// os-release), then runs the generation in child processes that report their peak RSS (VmHWM):
// once from an ncc bundle, as the action runs (asserted under the limit), and once from source under
// tsx for reference (not asserted: tsx's loader alone holds some 35 MB the action never loads).
// The streaming itself holds ~2 MB of buffers (measured with --expose-gc); the rest of the growth
// over the loaded baseline is decompressed garbage V8 collects lazily (its external-memory GC trigger).
// Run: node --import tsx bench/sbom-memory.ts
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createGzip } from 'node:zlib'
import tar from 'tar-stream'

const LIMIT_BYTES = 128 * 1024 * 1024
const TARGET_LAYER_BYTES = 300 * 1024 * 1024
const RANDOM_FILE_BYTES = 20 * 1024 * 1024
const CHUNK = 1024 * 1024

const DPKG_STATUS = existsSync('/var/lib/dpkg/status')
  ? readFileSync('/var/lib/dpkg/status')
  : Buffer.from(
      Array.from(
        { length: 500 },
        (_, i) => `Package: pkg${i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.${i}-1\n`
      ).join('\n')
    )

async function writeEntry(pack: tar.Pack, name: string, size: number, content?: Buffer): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    if (content) size = content.length
    const entry = pack.entry({ name, size, mode: 0o644, mtime: new Date(0) }, (error) => (error ? reject(error) : resolve()))
    if (content) {
      entry.end(content)
      return
    }
    let written = 0
    const writeMore = (): void => {
      while (written < size) {
        const chunk = randomBytes(Math.min(CHUNK, size - written))
        written += chunk.length
        if (!entry.write(chunk)) {
          entry.once('drain', writeMore)
          return
        }
      }
      entry.end(Buffer.alloc(0))
    }
    writeMore()
  })
}

/** Writes a gzipped layer of about TARGET_LAYER_BYTES; returns its digest, streaming all the way. */
async function writeLayer(path: string): Promise<{ digest: string; size: number }> {
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
  const writing = pipeline(pack, createGzip({ level: 1 }), tap, createWriteStream(path))
  await writeEntry(pack, 'etc/os-release', 0, Buffer.from('ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'))
  await writeEntry(pack, 'var/lib/dpkg/status', DPKG_STATUS.length, DPKG_STATUS)
  for (let i = 0; i * RANDOM_FILE_BYTES < TARGET_LAYER_BYTES; i++) await writeEntry(pack, `opt/data/blob-${i}.bin`, RANDOM_FILE_BYTES)
  await writeEntry(pack, 'usr/src/app/node_modules/left-pad/package.json', 0, Buffer.from('{"name":"left-pad","version":"1.3.0"}'))
  pack.finalize()
  await writing
  return { digest: `sha256:${hash.digest('hex')}`, size }
}

// The child: streams the layer through generateSbom and reports its own peak RSS. Plain JavaScript so
// that it can load either the ncc bundle (as the action runs, from dist/) or the TypeScript source under tsx.
const CHILD_SOURCE = `
import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
const [modulePath, dir, digest, size] = process.argv.slice(2)
const kb = (key) => Number(new RegExp('^' + key + ':\\\\s+(\\\\d+) kB', 'm').exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024
const { generateSbom } = await import(pathToFileURL(modulePath).href)
const startRss = kb('VmRSS')
const started = Date.now()
const result = await generateSbom(
  { name: 'bench.local/sbom', digest: 'sha256:' + '0'.repeat(64), config: { os: 'linux', architecture: 'amd64' }, layers: [{ digest, size: Number(size), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }] },
  async (d) => createReadStream(join(dir, d.slice(7)))
)
process.stdout.write(JSON.stringify({ packages: result.packages.length, seconds: (Date.now() - started) / 1000, startRss, peakRss: kb('VmHWM') }) + '\\n')
`

interface ChildReport {
  packages: number
  seconds: number
  startRss: number
  peakRss: number
}

async function runChild(dir: string, mode: 'bundle' | 'tsx', modulePath: string, digest: string, size: number): Promise<ChildReport> {
  const flags = mode === 'tsx' ? ['--import', 'tsx'] : []
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...flags, join(dir, 'child.mjs'), modulePath, dir, digest, String(size)],
    { maxBuffer: 1024 * 1024, cwd: REPO }
  )
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ChildReport
}

const REPO = fileURLToPath(new URL('..', import.meta.url))
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sbom-bench-'))
  try {
    const layerPath = join(dir, 'layer.tmp')
    const { digest, size } = await writeLayer(layerPath)
    await rename(layerPath, join(dir, digest.slice(7)))
    await writeFile(join(dir, 'child.mjs'), CHILD_SOURCE)
    // The action runs from an ncc bundle; build one of the SBOM module the same way (types are checked elsewhere).
    await promisify(execFile)(
      join(REPO, 'node_modules', '.bin', 'ncc'),
      ['build', join(REPO, 'src/sbom/index.ts'), '-o', join(dir, 'bundle'), '--transpile-only', '--quiet'],
      { cwd: REPO }
    )

    console.log(`layer: ${mb(size)} MB gzip, ${digest.slice(0, 19)}…`)
    let failed = size < 0.9 * TARGET_LAYER_BYTES
    for (const [mode, modulePath] of [
      ['bundle', join(dir, 'bundle', 'index.js')],
      ['tsx', join(REPO, 'src/sbom/index.ts')]
    ] as const) {
      const report = await runChild(dir, mode, modulePath, digest, size)
      const under = report.peakRss < LIMIT_BYTES
      if (mode === 'bundle') failed ||= !under
      console.log(
        `${mode === 'bundle' ? 'ncc bundle (as in dist/)' : 'source under tsx'}: ${report.packages} packages in ${report.seconds.toFixed(1)} s; ` +
          `RSS after loading ${mb(report.startRss)} MB, peak RSS (VmHWM) ${mb(report.peakRss)} MB: ${under ? 'under' : 'OVER'} the ${mb(LIMIT_BYTES)} MB limit${mode === 'tsx' ? ' (reference only)' : ''}`
      )
    }
    if (failed) {
      console.error('FAIL')
      process.exitCode = 1
    } else {
      console.log('PASS')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
