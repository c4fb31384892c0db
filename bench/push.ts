// Push benchmark: digest-release against `skopeo copy` on the same ~320 MB five-layer layout and
// the same kind of registry, in one run. Each (tool, round) gets a fresh registry: a cold push,
// then a warm re-push (everything present). The order alternates between rounds to cancel drift.
// Prints medians, peak RSS and the ratios digest-release / skopeo. Run with `npm run bench`.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRegistry } from '../test/harness/registry.js'
import { parseOutputFile } from '../test/harness/action.js'
import { buildLayout, headDigest, LAYER_BYTES, LAYERS, measure, median, type Measured } from './common.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const TARGETS = { cold: 1.05, warm: 1.5, rssMb: 128 }

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
