// What the benchmarks share: a ~320 MB five-layer layout of random (incompressible) bytes written
// straight to disk, a child process timed from spawn to exit with its peak RSS sampled, the copy
// engine built as the action is, and CPU time read from /proc (a process's, and the machine's idle).
import { execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const LAYERS = 5
export const LAYER_BYTES = 64 * 1024 * 1024

export async function writeBlob(dir: string, bytes: Buffer | string): Promise<{ digest: string; size: number }> {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice(7)), bytes)
  return { digest, size: Buffer.byteLength(bytes) }
}

/** A tar layer of one file of random bytes, streamed to disk and hashed as it is written. */
export async function writeRandomLayer(dir: string, index: number): Promise<{ digest: string; size: number }> {
  const temp = join(dir, `layer-${index}.tmp`)
  const out = createWriteStream(temp)
  const hash = createHash('sha256')
  const write = (chunk: Buffer): Promise<void> => {
    hash.update(chunk)
    return out.write(chunk) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r()))
  }
  const header = Buffer.alloc(512)
  header.write(`layer${index}.bin`, 0)
  header.write('0000644\0', 100)
  header.write('0000000\0', 108)
  header.write('0000000\0', 116)
  header.write(LAYER_BYTES.toString(8).padStart(11, '0') + '\0', 124)
  header.write('00000000000\0', 136)
  header.write('        ', 148)
  header.write('0', 156)
  header.write('ustar\x0000', 257)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148)
  await write(header)
  for (let written = 0; written < LAYER_BYTES; written += 1024 * 1024)
    await write(randomBytes(Math.min(1024 * 1024, LAYER_BYTES - written)))
  await write(Buffer.alloc(1024))
  await new Promise<void>((r) => out.end(() => r()))
  const digest = `sha256:${hash.digest('hex')}`
  await rename(temp, join(dir, 'blobs', 'sha256', digest.slice(7)))
  return { digest, size: (await stat(join(dir, 'blobs', 'sha256', digest.slice(7)))).size }
}

export async function buildLayout(dir: string): Promise<string> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const layers = []
  for (let i = 0; i < LAYERS; i++) layers.push(await writeRandomLayer(dir, i))
  const config = await writeBlob(
    dir,
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) } })
  )
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...l }))
  })
  const top = await writeBlob(dir, manifest)
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...top }] })
  )
  return top.digest
}

export interface Measured {
  seconds: number
  peakRssMb: number
  /** CPU time (user + system) the process had used at its last sample, 20 ms or less before it exited. */
  cpuSeconds: number
  exitCode: number
  stdout: string
}

/** Runs a command, timing it from spawn to exit and sampling its peak RSS (VmHWM) until it exits. */
export function measure(command: string, args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let peakKb = 0
    let cpuTicks = 0
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const sample = async (): Promise<void> => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
        if (kb > peakKb) peakKb = kb
        // /proc/<pid>/stat: utime and stime are fields 14 and 15, counted after the command's name.
        const stat = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ')
        if (stat) cpuTicks = Number(stat[11]) + Number(stat[12])
      } catch {
        // exited
      }
    }
    const timer = setInterval(sample, 20)
    child.on('exit', (code) => {
      clearInterval(timer)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0) console.error(stdout, stderr)
      // Clock ticks are 100 a second on Linux (USER_HZ).
      resolvePromise({ seconds, peakRssMb: peakKb / 1024, cpuSeconds: cpuTicks / 100, exitCode: code ?? 1, stdout })
    })
  })
}

/**
 * The copy engine (src/oci/copy.ts, driven by test/harness/copy-child.ts) as an ncc bundle in
 * `outDir`, so it is timed from spawn to exit like the action. Returns the bundle's entry.
 */
export function buildCopyEngine(root: string, outDir: string): string {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      join(root, 'test/harness/copy-child.ts'),
      '-o',
      outDir,
      '--target',
      'es2022',
      '--transpile-only',
      '--quiet'
    ],
    { stdio: 'inherit' }
  )
  return join(outDir, 'index.js')
}

/** The digest a loopback registry holds under `reference` (a tag or digest), from a HEAD; undefined when it holds none. */
export async function headDigest(host: string, repo: string, reference: string): Promise<string | undefined> {
  const response = await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' }
  })
  return response.headers.get('docker-content-digest') ?? undefined
}

/** `skopeo copy --preserve-digests` of `digest` from one loopback registry's bench/app to another's. */
export function skopeoCopy(sourceHost: string, destinationHost: string, digest: string): Promise<Measured> {
  return measure(
    'skopeo',
    [
      'copy',
      '--quiet',
      '--preserve-digests',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${sourceHost}/bench/app@${digest}`,
      `docker://${destinationHost}/bench/app@${digest}`
    ],
    {}
  )
}

/** The copy engine's bundle (buildCopyEngine) copying `digest` between the same repositories; it prints its result as JSON. */
export function engineCopy(engine: string, sourceHost: string, destinationHost: string, digest: string): Promise<Measured> {
  const args = {
    source: { registry: sourceHost, repository: 'bench/app' },
    destination: { registry: destinationHost, repository: 'bench/app' },
    digest
  }
  return measure(process.execPath, [engine, JSON.stringify(args)], {})
}

/** CPU seconds (user + system) a running process has used; 0 when it is gone. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  try {
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted after the command's name.
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

/** Seconds the machine's cores have been idle, summed over the cores (/proc/stat, USER_HZ 100). */
export async function machineIdleSeconds(): Promise<number> {
  const cpu = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/)
  return Number(cpu[4]) / 100
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
}
