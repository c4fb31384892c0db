// Sigstore benchmark: a release of an index with four platforms (sign, provenance, generated SBOMs)
// against the local Sigstore instance answering after a set latency, as the public instance does
// from far away (SIGSTORE_LATENCY_MS, default 400). Prints the Fulcio certificates requested, the
// Rekor entries written and the sign + attest time. Run with `npm run bench:sigstore`.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRegistry } from '../test/harness/registry.js'
import { startOidcProvider } from '../test/harness/oidc.js'
import { startSigstore } from '../test/harness/sigstore.js'
import { runAction } from '../test/harness/action.js'
import { writeLayout, randomLayer } from '../test/harness/layouts.js'
import { runnerEnv, sigstoreInputs } from '../test/harness/inputs.js'

const LATENCY_MS = Number(process.env.SIGSTORE_LATENCY_MS ?? 400)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const PLATFORMS = ['amd64', 'arm64', 'ppc64le', 's390x']
const STATUS =
  'Package: base-files\nStatus: install ok installed\nVersion: 12.4\nArchitecture: all\n\nPackage: tzdata\nStatus: install ok installed\nVersion: 2024a-0\nArchitecture: all\n\n'

const registry = await startRegistry()
const oidc = await startOidcProvider()
const sigstore = await startSigstore({ latencyMs: LATENCY_MS })
const work = await mkdtemp(join(tmpdir(), 'dr-bench-sigstore-'))
try {
  const rows: Array<{ certificates: number; entries: number; sign: number; attest: number }> = []
  for (let round = 1; round <= ROUNDS; round++) {
    const layout = await writeLayout(join(work, `r${round}`), {
      images: PLATFORMS.map((architecture) => ({
        platform: { os: 'linux', architecture },
        layers: [{ files: { 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n', 'var/lib/dpkg/status': STATUS } }, randomLayer(100_000)]
      }))
    })
    const before = {
      certificates: sigstore.log.filter((l) => l.startsWith('fulcio ')).length,
      entries: sigstore.log.filter((l) => l === 'rekor 201').length
    }
    const run = await runAction(
      { layout: layout.dir, image: `${registry.host}/bench/sigstore-${round}`, ...sigstoreInputs(sigstore) },
      runnerEnv({ oidc })
    )
    if (run.exitCode !== 0) throw new Error(`the release failed:\n${run.stdout}`)
    const result = JSON.parse(run.outputs.result) as { steps: Record<string, { durationMs?: number }> }
    const row = {
      certificates: sigstore.log.filter((l) => l.startsWith('fulcio ')).length - before.certificates,
      entries: sigstore.log.filter((l) => l === 'rekor 201').length - before.entries,
      sign: (result.steps.sign.durationMs ?? 0) / 1000,
      attest: (result.steps.attest.durationMs ?? 0) / 1000
    }
    rows.push(row)
    console.log(
      `round ${round}: ${row.certificates} certificate(s), ${row.entries} log entries, sign ${row.sign.toFixed(2)} s, attest ${row.attest.toFixed(2)} s`
    )
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const total = median(rows.map((r) => r.sign + r.attest))
  console.log(
    `\nindex + ${PLATFORMS.length} platforms, sign + provenance + generated SBOMs, Sigstore ${LATENCY_MS} ms away (${ROUNDS} rounds, median):\n` +
      `  Fulcio certificates requested: ${median(rows.map((r) => r.certificates))}\n` +
      `  Rekor entries written: ${median(rows.map((r) => r.entries))}\n` +
      `  sign + attest: ${total.toFixed(2)} s (target < 3 s: ${total < 3 ? 'meets target' : 'MISSES target'})`
  )
} finally {
  await sigstore.close()
  await oidc.close()
  await registry.close()
  await rm(work, { recursive: true, force: true })
}
