// Runs the steps as the runner shows them: one log group each, its timing and status in the
// result, and the outputs brought up to date as each step ends, whether it succeeded or failed.
import * as core from './runner.js'
import { outputsFor } from './outputs.js'
import type { ReleaseResult, StepName } from './result.js'
import { PartialStepError } from '../steps/errors.js'

const STEP_TITLE: Record<StepName, string> = {
  preflight: 'Preflight: check inputs, layout entry, credentials and tags',
  layout: 'Layout: read manifests and check every blob',
  push: 'Push: upload blobs and manifests by digest',
  sign: 'Sign: keyless Sigstore signature',
  attest: 'Attest: SLSA provenance and SBOM',
  verify: 'Verify: the source digest is signed and attested by the expected identity',
  copy: 'Copy: blobs, manifests, signatures and attestations, byte for byte',
  reverify: 'Verify again: the evidence arrived at the destination',
  tags: 'Tags: apply last',
  deploy: 'Deploy: pin the digest in the deploy repository'
}

/** A step's failure, carrying the step's name for the one error the run ends with. */
export class StepFailure extends Error {
  constructor(
    readonly step: StepName,
    readonly original: unknown
  ) {
    super(original instanceof Error ? original.message : String(original))
  }
}

export class StepRunner {
  private readonly published = new Map<string, string>()

  constructor(private readonly result: ReleaseResult) {}

  /**
   * Runs one step; `record` puts its result (or, on a partial failure, what it did) into the release
   * result. `startedAt` is for work that began ahead of its turn: its duration counts from then.
   */
  async run<T>(name: StepName, work: () => Promise<T>, record?: (value: T) => void, startedAt?: number): Promise<T> {
    const started = startedAt ?? Date.now()
    return core.group(STEP_TITLE[name], async () => {
      try {
        const value = await work()
        record?.(value)
        this.result.steps[name] = { status: 'succeeded', durationMs: Date.now() - started }
        return value
      } catch (error) {
        if (error instanceof PartialStepError) record?.(error.partial as T)
        this.result.steps[name] = {
          status: 'failed',
          durationMs: Date.now() - started,
          error: error instanceof Error ? error.message : String(error)
        }
        throw new StepFailure(name, error)
      } finally {
        this.publishOutputs()
      }
    })
  }

  skip(name: StepName, reason: string): void {
    this.result.steps[name] = { status: 'skipped', reason }
    core.info(`${STEP_TITLE[name].split(':')[0]}: skipped (${reason})`)
  }

  /** Sets every output whose value changed since it was last set. */
  publishOutputs(): void {
    for (const [name, value] of Object.entries(outputsFor(this.result))) {
      if (this.published.get(name) === value) continue
      this.published.set(name, value)
      core.setOutput(name, value)
    }
  }
}
