// The shape of one release's results: what the outputs, the `result` JSON and the summary are made of.
import type { PushResult } from '../steps/push.js'
import type { TagPlanEntry, TagsResult } from '../steps/tags.js'
import type { SignResult } from '../steps/sign.js'
import type { DeployResult } from '../steps/deploy.js'

export type StepName = 'preflight' | 'layout' | 'push' | 'sign' | 'attest' | 'tags' | 'deploy'
export type StepStatus = 'succeeded' | 'failed' | 'skipped' | 'not-run'

export interface StepReport {
  status: StepStatus
  durationMs?: number
  /** Why a step was skipped. */
  reason?: string
  error?: string
}

/** What the summary and `result` keep of the sign step. */
export type SignSummary = Omit<SignResult, 'targets' | 'referrersMode'>

export interface AttestationSummary {
  kind: 'provenance' | 'sbom'
  platform?: string
  subjectDigest: string
  referrerDigest: string
  legacyTag?: string
  bundlePath?: string
  predicateType: string
}

export interface AttestSummary {
  provenance?: AttestationSummary
  sbom?: AttestationSummary
  sbomPath?: string
  attestations: AttestationSummary[]
}

/** What the summary and `result` keep of the deploy step. */
export type DeploySummary = DeployResult

export interface ReleaseResult {
  image: string
  /** Repository owner for `gh attestation verify --owner`. */
  owner?: string
  dryRun: boolean
  digest?: string
  imageRef?: string
  platformDigests: Record<string, string>
  referrersMode?: 'referrers-api' | 'tag-schema'
  steps: Record<StepName, StepReport>
  push?: PushResult
  tagPlan?: TagPlanEntry[]
  tags?: TagsResult
  sign?: SignSummary
  attest?: AttestSummary
  deploy?: DeploySummary
}

export const STEP_ORDER: StepName[] = ['preflight', 'layout', 'push', 'sign', 'attest', 'tags', 'deploy']

export function emptyResult(image: string, dryRun: boolean): ReleaseResult {
  const steps = Object.fromEntries(STEP_ORDER.map((name) => [name, { status: 'not-run' } as StepReport])) as Record<StepName, StepReport>
  return { image, dryRun, platformDigests: {}, steps }
}
