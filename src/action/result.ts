// The shape of one release's results: what the outputs, the `result` JSON and the summary are made
// of. Each part is a step's own result type, so nothing here restates them.
import type { PushResult } from '../steps/push.js'
import type { TagPlanEntry, TagsResult } from '../steps/tags.js'
import type { SignResult } from '../steps/sign.js'
import type { AttestResult } from '../steps/attest.js'
import type { DeployResult } from '../steps/deploy.js'
import type { VerifyResult } from '../steps/verify.js'
import type { CopyResult } from '../steps/copy.js'

export type StepName = 'preflight' | 'layout' | 'push' | 'sign' | 'attest' | 'verify' | 'copy' | 'reverify' | 'tags' | 'deploy'
export type StepStatus = 'succeeded' | 'failed' | 'skipped' | 'not-run'

export interface StepReport {
  status: StepStatus
  durationMs?: number
  /** Why a step was skipped. */
  reason?: string
  error?: string
}

export interface ReleaseResult {
  /** `release` (a layout pushed) or `promote` (a digest copied from a registry). */
  mode: 'release' | 'promote'
  image: string
  /** Repository owner for `gh attestation verify --owner`. */
  owner?: string
  /** `owner/name` of the repository that ran the release, for `gh attestation verify -R`. */
  repository?: string
  dryRun: boolean
  /** The tags asked for, in order. */
  requestedTags: string[]
  digest?: string
  imageRef?: string
  platformDigests: Record<string, string>
  referrersMode?: 'referrers-api' | 'tag-schema'
  /** The Sigstore instance that signs, and why (`auto` follows the repository's visibility). */
  sigstore?: { instance: 'public-good' | 'github'; reason: string }
  steps: Record<StepName, StepReport>
  push?: PushResult
  tagPlan?: TagPlanEntry[]
  tags?: TagsResult
  /** The sign step's result, less the per-target detail. */
  sign?: Omit<SignResult, 'targets' | 'referrersMode'>
  attest?: AttestResult
  /** Attestations stored in the repository's GitHub attestations API. */
  githubAttestations?: { ids: number[]; url: string }
  deploy?: DeployResult
  /** Promote mode: where from, what verified where, what was copied. */
  promote?: {
    from: string
    source?: VerifyResult
    destination?: VerifyResult
    copy?: CopyResult
  }
}

export const STEP_ORDER: Record<ReleaseResult['mode'], StepName[]> = {
  release: ['preflight', 'layout', 'push', 'sign', 'attest', 'tags', 'deploy'],
  promote: ['preflight', 'verify', 'copy', 'reverify', 'tags', 'deploy']
}

export function emptyResult(
  image: string,
  dryRun: boolean,
  requestedTags: string[],
  owner?: string,
  repository?: string,
  mode: ReleaseResult['mode'] = 'release'
): ReleaseResult {
  const steps = Object.fromEntries(STEP_ORDER[mode].map((name) => [name, { status: 'not-run' } as StepReport])) as Record<
    StepName,
    StepReport
  >
  return { mode, image, owner, repository, dryRun, requestedTags, platformDigests: {}, steps }
}
