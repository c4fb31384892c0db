// Promotion benchmark: the bundled action in promote mode (verify the source's signature and
// provenance, copy the image with its evidence, verify again at the destination) against
// `skopeo copy --preserve-digests` of the same ~320 MB five-layer digest (which copies no evidence
// and verifies nothing), registry to registry, fresh destination per tool and round, alternating.
// The copy engine alone (the image only, no verification, as an ncc bundle) runs in each round too,
// and each run's CPU is read per process (the tool, the source registry, the destination registry)
// with the cores' idle time, so the report shows where promotion's extra time goes.
// Then a promotion to another repository of the same registry: every blob mounted, nothing uploaded.
// Run with `npm run bench:promote` (BENCH_ROUNDS sets the rounds, default 3).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRegistry } from '../test/harness/registry.js'
import { startOidcProvider } from '../test/harness/oidc.js'
import { startSigstore } from '../test/harness/sigstore.js'
import { actionEnvironment, parseOutputFile, runAction } from '../test/harness/action.js'
import { runnerEnv, sigstoreInputs } from '../test/harness/inputs.js'
import {
  buildCopyEngine,
  buildLayout,
  cpuSecondsOf,
  engineCopy,
  headDigest,
  LAYER_BYTES,
  LAYERS,
  machineIdleSeconds,
  measure,
  median,
  skopeoCopy,
  type Measured
} from './common.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

const work = await mkdtemp(join(tmpdir(), 'dr-bench-promote-'))
const oidc = await startOidcProvider()
const sigstore = await startSigstore()
const source = await startRegistry()
try {
  console.log(`building a ${LAYERS}-layer layout of ${(LAYERS * LAYER_BYTES) / 2 ** 20} MiB and releasing it, signed with provenance…`)
  const layout = join(work, 'layout')
  const digest = await buildLayout(layout)
  const released = await runAction(
    { layout, image: `${source.host}/bench/app`, ...sigstoreInputs(sigstore), sbom: 'none' },
    runnerEnv({ oidc })
  )
  if (released.exitCode !== 0 || released.outputs.digest !== digest) throw new Error(`the release failed:\n${released.stdout}`)
  const promoteInputs = (image: string): Record<string, string> => ({
    source: `${source.host}/bench/app@${digest}`,
    image,
    'verify-identity': '^https://github\\.com/octo-org/app/',
    'verify-issuer': oidc.issuer,
    'verify-attestations': 'https://slsa.dev/provenance/v1',
    'trusted-root': sigstore.trustedRootPath
  })

  const engine = buildCopyEngine(root, join(work, 'copy-engine'))
  const TOOLS = ['digest-release', 'copy engine', 'skopeo'] as const
  type Tool = (typeof TOOLS)[number]
  interface Run {
    seconds: number
    rss: number
    cpu: number
    sourceCpu: number
    destinationCpu: number
    idle: number
  }
  const runs: Record<Tool, Run[]> = { 'digest-release': [], 'copy engine': [], skopeo: [] }
  const copyTo = async (tool: Tool, destination: string): Promise<Measured> => {
    if (tool === 'skopeo') return skopeoCopy(source.host, destination, digest)
    if (tool === 'copy engine') return engineCopy(engine, source.host, destination, digest)
    const run = await actionEnvironment(promoteInputs(`${destination}/bench/app`), runnerEnv({ oidc }))
    const measured = await measure(process.execPath, [join(root, 'dist/index.js')], run.env)
    const outputs = parseOutputFile(await readFile(run.outputFile, 'utf8'))
    if (outputs.digest !== digest || Number(outputs['referrers-copied']) < 1) throw new Error(`the promotion failed:\n${measured.stdout}`)
    await rm(run.work, { recursive: true, force: true })
    return measured
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Each tool goes first in turn, so drift within a round does not favour one of them.
    for (const tool of TOOLS.map((_, i) => TOOLS[(i + round) % TOOLS.length])) {
      const destination = await startRegistry()
      try {
        // The registries' CPU is counted from here: the fresh destination's own start-up is not the tool's.
        const before = {
          source: await cpuSecondsOf(source.pid),
          destination: await cpuSecondsOf(destination.pid),
          idle: await machineIdleSeconds()
        }
        const measured = await copyTo(tool, destination.host)
        const after = {
          source: await cpuSecondsOf(source.pid),
          destination: await cpuSecondsOf(destination.pid),
          idle: await machineIdleSeconds()
        }
        if (measured.exitCode !== 0) throw new Error(`${tool} failed`)
        if ((await headDigest(destination.host, 'bench/app', digest)) !== digest)
          throw new Error(`${tool} left no ${digest} at the destination`)
        const run: Run = {
          seconds: measured.seconds,
          rss: measured.peakRssMb,
          cpu: measured.cpuSeconds,
          sourceCpu: after.source - before.source,
          destinationCpu: after.destination - before.destination,
          idle: after.idle - before.idle
        }
        runs[tool].push(run)
        console.log(
          `round ${round + 1} ${tool.padEnd(14)}: ${run.seconds.toFixed(2)} s, CPU ${run.cpu.toFixed(2)} s, source registry ${run.sourceCpu.toFixed(2)} s, destination registry ${run.destinationCpu.toFixed(2)} s, cores idle ${run.idle.toFixed(2)} s, peak RSS ${run.rss.toFixed(0)} MB`
        )
      } finally {
        await destination.close()
      }
    }
  }
  const seconds = (tool: Tool): number[] => runs[tool].map((run) => run.seconds)
  // Each round runs the tools back to back on the same source: the ratio within a round is not
  // moved by the machine's drift between rounds (a shared 2-core VM drifts by 30% in minutes).
  const toSkopeoInRounds = (tool: Tool): number => median(seconds('skopeo').map((s, round) => seconds(tool)[round] / s))

  const same = await actionEnvironment(promoteInputs(`${source.host}/staging/app`), runnerEnv({ oidc }))
  const mounted = await measure(process.execPath, [join(root, 'dist/index.js')], same.env)
  const sameOutputs = parseOutputFile(await readFile(same.outputFile, 'utf8'))
  await rm(same.work, { recursive: true, force: true })

  console.log('')
  console.log('| | digest-release (verify, copy with evidence, verify again) | skopeo copy (image only) | ratio |')
  console.log('|---|---|---|---|')
  const ratio = median(seconds('digest-release')) / median(seconds('skopeo'))
  const paired = toSkopeoInRounds('digest-release')
  console.log(
    `| promote ${(LAYERS * LAYER_BYTES) / 2 ** 20} MiB across registries | ${median(seconds('digest-release')).toFixed(2)} s | ${median(seconds('skopeo')).toFixed(2)} s | ${ratio.toFixed(2)}x of the medians; ${paired.toFixed(2)}x median of the rounds' ratios (target <= 1.05x: ${Math.max(ratio, paired) <= 1.05 ? 'meets' : 'MISSES'}) |`
  )
  console.log(
    `| peak memory | ${Math.max(...runs['digest-release'].map((run) => run.rss)).toFixed(0)} MB | ${Math.max(...runs.skopeo.map((run) => run.rss)).toFixed(0)} MB | (target < 128 MB) |`
  )
  console.log('\nWhere the time goes (medians; CPU and idle in core-seconds, 2 cores):\n')
  console.log('| | wall | ratio to skopeo (rounds) | its CPU | source registry | destination registry | cores idle |')
  console.log('|---|---|---|---|---|---|---|')
  for (const tool of TOOLS) {
    const of = (field: keyof Run): string => median(runs[tool].map((run) => run[field])).toFixed(2)
    const toSkopeo = toSkopeoInRounds(tool)
    console.log(
      `| ${tool} | ${of('seconds')} s | ${toSkopeo.toFixed(2)}x | ${of('cpu')} | ${of('sourceCpu')} | ${of('destinationCpu')} | ${of('idle')} |`
    )
  }
  console.log(
    `\nsame-registry promotion: ${mounted.seconds.toFixed(2)} s, ${sameOutputs['blobs-mounted']} blob(s) mounted, ${sameOutputs['bytes-uploaded']} bytes uploaded, peak RSS ${mounted.peakRssMb.toFixed(0)} MB`
  )
  console.log(`(${ROUNDS} rounds, ${new Date().toISOString().slice(0, 10)}, loopback registries)`)
} finally {
  await source.close()
  await sigstore.close()
  await oidc.close()
  await rm(work, { recursive: true, force: true })
}
