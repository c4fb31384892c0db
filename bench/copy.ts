// Copy (promotion) benchmark: digest-release's copy engine against `skopeo copy --preserve-digests`
// of the same ~320 MB five-layer image from one registry to another. Each round fills a fresh
// source registry (skopeo from the layout), then each tool copies it to a fresh destination; the
// order alternates between rounds to cancel drift. The engine runs as an ncc bundle of
// test/harness/copy-child.ts, so both tools are timed from spawn to exit as native-ish processes;
// the engine's own time inside its process is printed too. Prints medians, peak RSS and the ratio.
// Run with `node --import tsx bench/copy.ts` (BENCH_ROUNDS sets the rounds, default 3).
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRegistry, type RegistryServer } from '../test/harness/registry.js'
import { buildCopyEngine, buildLayout, engineCopy, headDigest, LAYER_BYTES, LAYERS, median, skopeoCopy, type Measured } from './common.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
type Tool = 'digest-release' | 'skopeo'

function copyWith(tool: Tool, engine: string, source: RegistryServer, destination: RegistryServer, digest: string): Promise<Measured> {
  return tool === 'skopeo' ? skopeoCopy(source.host, destination.host, digest) : engineCopy(engine, source.host, destination.host, digest)
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'dr-bench-copy-'))
  try {
    const bundle = buildCopyEngine(root, join(work, 'copy-child'))
    console.log(`building a ${LAYERS}-layer layout of ${(LAYERS * LAYER_BYTES) / 2 ** 20} MiB…`)
    const layout = join(work, 'layout')
    const digest = await buildLayout(layout)
    const results: Record<Tool, { seconds: number[]; rss: number[]; inside: number[] }> = {
      'digest-release': { seconds: [], rss: [], inside: [] },
      skopeo: { seconds: [], rss: [], inside: [] }
    }
    for (let round = 0; round < ROUNDS; round++) {
      const source = await startRegistry()
      try {
        execFileSync('skopeo', [
          'copy',
          '--quiet',
          '--preserve-digests',
          '--dest-tls-verify=false',
          `oci:${layout}`,
          `docker://${source.host}/bench/app:v1`
        ])
        const order: Tool[] = round % 2 === 0 ? ['digest-release', 'skopeo'] : ['skopeo', 'digest-release']
        for (const tool of order) {
          const destination = await startRegistry()
          try {
            const measured = await copyWith(tool, bundle, source, destination, digest)
            if (measured.exitCode !== 0) throw new Error(`${tool} copy failed`)
            const copied = await headDigest(destination.host, 'bench/app', digest)
            if (copied !== digest) throw new Error(`${tool}: the destination holds ${copied}, expected ${digest}`)
            let inside = ''
            if (tool === 'digest-release') {
              const report = JSON.parse(measured.stdout.trim().split('\n').pop()!) as { seconds: number; result: { bytesUploaded: number } }
              if (report.result.bytesUploaded < LAYERS * LAYER_BYTES)
                throw new Error(`only ${report.result.bytesUploaded} bytes were copied`)
              results[tool].inside.push(report.seconds)
              inside = ` (copy itself ${report.seconds.toFixed(2)} s)`
            }
            results[tool].seconds.push(measured.seconds)
            results[tool].rss.push(measured.peakRssMb)
            console.log(
              `round ${round + 1} ${tool.padEnd(14)}: ${measured.seconds.toFixed(2)} s${inside}, CPU ${measured.cpuSeconds.toFixed(2)} s, peak RSS ${measured.peakRssMb.toFixed(0)} MB`
            )
          } finally {
            await destination.close()
          }
        }
      } finally {
        await source.close()
      }
    }
    const ours = results['digest-release']
    const theirs = results.skopeo
    console.log('')
    console.log('| tool | copy, spawn to exit (median) | peak RSS |')
    console.log('|---|---|---|')
    for (const [tool, r] of Object.entries(results))
      console.log(`| ${tool} | ${median(r.seconds).toFixed(2)} s | ${Math.max(...r.rss).toFixed(0)} MB |`)
    console.log('')
    console.log(`ratio digest-release/skopeo: ${(median(ours.seconds) / median(theirs.seconds)).toFixed(2)}x`)
    console.log(`digest-release's copy inside its process (median): ${median(ours.inside).toFixed(2)} s`)
    console.log(
      `(${ROUNDS} rounds, ${LAYERS} layers of ${LAYER_BYTES / 2 ** 20} MiB, registry to registry on loopback, fresh destination per tool and round, ${new Date().toISOString().slice(0, 10)})`
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

await main()
