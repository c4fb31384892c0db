// SLSA provenance v1 for a GitHub Actions workflow run
// (https://slsa.dev/spec/v1.0/provenance, buildType https://actions.github.io/buildtypes/workflow/v1).
// Built from the OIDC token's claims, the same facts @actions/attest uses, so the two agree field
// by field; the server URL comes from the runner context (GitHub Enterprise Server has its own).
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1'

export interface ProvenancePredicate {
  buildDefinition: {
    buildType: string
    externalParameters: { workflow: { ref: string; repository: string; path: string } }
    internalParameters: { github: { event_name: string; repository_id: string; repository_owner_id: string; runner_environment: string } }
    resolvedDependencies: Array<{ uri: string; digest: { gitCommit: string } }>
  }
  runDetails: {
    builder: { id: string }
    metadata: { invocationId: string }
  }
}

function claim(claims: Record<string, unknown>, name: string): string {
  const value = claims[name]
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new Error(
      `the OIDC token has no \`${name}\` claim, so the provenance cannot say how this was built; provenance needs a GitHub Actions token (set \`provenance: false\` elsewhere)`
    )
  }
  return String(value)
}

export function buildProvenancePredicate(serverUrl: string, claims: Record<string, unknown>): ProvenancePredicate {
  const repository = claim(claims, 'repository')
  const ref = claim(claims, 'ref')
  // owner/repo/.github/workflows/release.yml@refs/heads/main -> .github/workflows/release.yml
  const [workflowPath] = claim(claims, 'workflow_ref').replace(`${repository}/`, '').split('@')
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: { workflow: { ref, repository: `${serverUrl}/${repository}`, path: workflowPath } },
      internalParameters: {
        github: {
          event_name: claim(claims, 'event_name'),
          repository_id: claim(claims, 'repository_id'),
          repository_owner_id: claim(claims, 'repository_owner_id'),
          runner_environment: claim(claims, 'runner_environment')
        }
      },
      resolvedDependencies: [{ uri: `git+${serverUrl}/${repository}@${ref}`, digest: { gitCommit: claim(claims, 'sha') } }]
    },
    runDetails: {
      builder: { id: `${serverUrl}/${claim(claims, 'job_workflow_ref')}` },
      metadata: {
        invocationId: `${serverUrl}/${repository}/actions/runs/${claim(claims, 'run_id')}/attempts/${claim(claims, 'run_attempt')}`
      }
    }
  }
}
