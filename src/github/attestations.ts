// The repository's GitHub attestations API, beside the registry: what `gh attestation verify
// oci://… -R owner/repo` and the repository's Attestations page read. A run without the permission
// (`attestations: write`), or a server without the API, is told once and goes on: the evidence is
// in the registry either way.
import type { Logger } from '../net/logger.js'
import { GitHubApiError, type GitHubClient } from './client.js'

export class AttestationPublisher {
  readonly ids: number[] = []
  private refused = false

  constructor(
    private readonly client: GitHubClient,
    private readonly repository: { owner: string; repo: string },
    private readonly logger: Logger
  ) {}

  /** Stores one DSSE bundle; a refusal for lack of permission or API is a warning, once. */
  async publish(bundle: object): Promise<void> {
    if (this.refused) return
    try {
      this.ids.push(await this.client.createAttestation(this.repository.owner, this.repository.repo, bundle))
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
        this.refused = true
        this.logger.warning(
          `the attestations were not stored in ${this.repository.owner}/${this.repository.repo}'s GitHub attestations (${error.status}: ${error.responseMessage || 'refused'}). ` +
            'Give the job `permissions: attestations: write` (GitHub Enterprise Server without the API: set `github-attestations: false`); they are in the registry all the same'
        )
        return
      }
      throw error
    }
  }
}
