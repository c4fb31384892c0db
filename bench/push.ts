// Push benchmark: digest-release against `skopeo copy` on the same ~320 MB five-layer layout and
// the same kind of registry, in one run. Each (tool, round) gets a fresh registry: a cold push,
// then a warm re-push (everything present). The order alternates between rounds to cancel drift.
// Prints medians, peak RSS and the ratios digest-release / skopeo. Run with `npm run bench`.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRegistry } from '../test/harness/registry.js'
import { parseOutputFile } from '../test/harness/action.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const LAYERS = 5
const LAYER_BYTES = 64 * 1024 * 1024
const TARGETS = { cold: 1.05, warm: 1.5, rssMb: 128 }

async function writeBlob(dir: string, bytes: Buffer | string): Promise<{ digest: string; size: number }> {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice(7)), bytes)
  return { digest, size: Buffer.byteLength(bytes) }
}

/** A tar layer of one file of random bytes, streamed to disk and hashed as it is written. */
async function writeRandomLayer(dir: string, index: number): Promise<{ digest: string; size: number }> {
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
  const { rename, stat } = await import('node:fs/promises')
  await rename(temp, join(dir, 'blobs', 'sha256', digest.slice(7)))
  return { digest, size: (await stat(join(dir, 'blobs', 'sha256', digest.slice(7)))).size }
}

async function buildLayout(dir: string): Promise<string> {
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

interface Measured {
  seconds: number
  peakRssMb: number
  exitCode: number
  stdout: string
}

/** Runs a command, timing it from spawn to exit and sampling its peak RSS (VmHWM) until it exits. */
function measure(command: string, args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let peakKb = 0
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const sample = async (): Promise<void> => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
        if (kb > peakKb) peakKb = kb
      } catch {
        // exited
      }
    }
    const timer = setInterval(sample, 20)
    child.on('exit', (code) => {
      clearInterval(timer)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0) console.error(stdout, stderr)
      resolvePromise({ seconds, peakRssMb: peakKb / 1024, exitCode: code ?? 1, stdout })
    })
  })
}

async function headDigest(host: string, repo: string, tag: string): Promise<string | undefined> {
  const response = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' }
  })
  return response.headers.get('docker-content-digest') ?? undefined
}

async function runDigestRelease(layout: string, host: string, work: string): Promise<Measured & { outputs: Record<string, string> }> {
  const output = join(work, `out-${randomBytes(4).toString('hex')}`)
  await writeFile(output, '')
  const measured = await measure(process.execPath, [join(root, 'dist/index.js')], {
    INPUT_LAYOUT: layout,
    INPUT_IMAGE: `${host}/bench/app`,
    INPUT_TAGS: 'v1',
    INPUT_SIGN: 'false',
    INPUT_PROVENANCE: 'false',
    INPUT_SBOM: 'none',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    RUNNER_TEMP: work
  })
  return { ...measured, outputs: parseOutputFile(await readFile(output, 'utf8')) }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run bundle`')
  const work = await mkdtemp(join(tmpdir(), 'dr-bench-'))
  try {
    console.log(`building a ${LAYERS}-layer layout of ${(LAYERS * LAYER_BYTES) / 2 ** 20} MiB…`)
    const layout = join(work, 'layout')
    const digest = await buildLayout(layout)
    const results: Record<'digest-release' | 'skopeo', { cold: number[]; warm: number[]; rss: number[] }> = {
      'digest-release': { cold: [], warm: [], rss: [] },
      skopeo: { cold: [], warm: [], rss: [] }
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<'digest-release' | 'skopeo'> = round % 2 === 0 ? ['digest-release', 'skopeo'] : ['skopeo', 'digest-release']
      for (const tool of order) {
        const registry = await startRegistry()
        try {
          for (const phase of ['cold', 'warm'] as const) {
            let measured: Measured
            if (tool === 'digest-release') {
              const run = await runDigestRelease(layout, registry.host, work)
              measured = run
              if (run.outputs.digest !== digest) throw new Error(`digest-release reported ${run.outputs.digest}, expected ${digest}`)
              if (phase === 'warm' && run.outputs['bytes-uploaded'] !== '0')
                throw new Error(`the warm re-push uploaded ${run.outputs['bytes-uploaded']} bytes`)
            } else {
              measured = await measure(
                'skopeo',
                [
                  'copy',
                  '--quiet',
                  '--preserve-digests',
                  '--dest-tls-verify=false',
                  `oci:${layout}`,
                  `docker://${registry.host}/bench/app:v1`
                ],
                {}
              )
            }
            if (measured.exitCode !== 0) throw new Error(`${tool} ${phase} push failed`)
            const pushed = await headDigest(registry.host, 'bench/app', 'v1')
            if (pushed !== digest) throw new Error(`${tool} ${phase}: the registry holds ${pushed}, expected ${digest}`)
            results[tool][phase].push(measured.seconds)
            results[tool].rss.push(measured.peakRssMb)
            console.log(
              `round ${round + 1} ${tool.padEnd(14)} ${phase}: ${measured.seconds.toFixed(2)} s, peak RSS ${measured.peakRssMb.toFixed(0)} MB`
            )
          }
        } finally {
          await registry.close()
        }
      }
    }

    const ours = results['digest-release']
    const theirs = results.skopeo
    const coldRatio = median(ours.cold) / median(theirs.cold)
    const warmRatio = median(ours.warm) / median(theirs.warm)
    const peak = Math.max(...ours.rss)
    const verdict = (ok: boolean): string => (ok ? 'meets target' : 'MISSES target')
    console.log('')
    console.log('| tool | cold push (median) | warm re-push (median) | peak RSS |')
    console.log('|---|---|---|---|')
    for (const [tool, r] of Object.entries(results))
      console.log(`| ${tool} | ${median(r.cold).toFixed(2)} s | ${median(r.warm).toFixed(2)} s | ${Math.max(...r.rss).toFixed(0)} MB |`)
    console.log('')
    console.log(
      `cold ratio  digest-release/skopeo: ${coldRatio.toFixed(2)}x (target ≤ ${TARGETS.cold}x: ${verdict(coldRatio <= TARGETS.cold)})`
    )
    console.log(
      `warm ratio  digest-release/skopeo: ${warmRatio.toFixed(2)}x (target ≤ ${TARGETS.warm}x: ${verdict(warmRatio <= TARGETS.warm)})`
    )
    console.log(`peak RSS    digest-release: ${peak.toFixed(0)} MB (target < ${TARGETS.rssMb} MB: ${verdict(peak < TARGETS.rssMb)})`)
    console.log(
      `(${ROUNDS} rounds, ${LAYERS} layers of ${LAYER_BYTES / 2 ** 20} MiB, fresh registry per tool and round, ${new Date().toISOString().slice(0, 10)})`
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

await main()
