// The action's outputs as one pure function of the result: the step runner sets whatever it returns
// after each step, so a later failure still leaves the earlier results (and what a failed step did).
import type { ReleaseResult } from './result.js'

function list(values: readonly string[] | undefined): string {
  return (values ?? []).join(',')
}

export function outputsFor(result: ReleaseResult): Record<string, string> {
  const outputs: Record<string, string> = {}
  // What is known from the inputs and the layout (or the source) is reported as soon as it is known,
  // even when a later check fails: the error names the digest, and so do the outputs.
  outputs.tags = list(result.requestedTags)
  if (result.digest) {
    outputs.digest = result.digest
    outputs['image-ref'] = `${result.image}@${result.digest}`
  }
  const treeKnown = result.steps.layout?.status === 'succeeded' || result.steps.copy?.status === 'succeeded'
  if (treeKnown) outputs['platform-digests'] = JSON.stringify(result.platformDigests)

  if (result.push) {
    outputs['blobs-uploaded'] = String(result.push.blobsUploaded)
    outputs['blobs-mounted'] = String(result.push.blobsMounted)
    outputs['blobs-skipped'] = String(result.push.blobsSkipped)
    outputs['bytes-uploaded'] = String(result.push.bytesUploaded)
  }

  if (result.promote?.copy) {
    const copy = result.promote.copy
    outputs['blobs-uploaded'] = String(copy.blobsUploaded)
    outputs['blobs-mounted'] = String(copy.blobsMounted)
    outputs['blobs-skipped'] = String(copy.blobsSkipped)
    outputs['bytes-uploaded'] = String(copy.bytesUploaded)
    outputs['referrers-copied'] = String(copy.referrersCopied)
  }
  if (result.promote) {
    outputs['promoted-from'] = result.promote.from
    const verified = result.promote.destination ?? result.promote.source
    if (verified) {
      outputs['verified-identity'] = verified.identity
      outputs['verified-attestations'] = JSON.stringify(Object.keys(verified.attestations))
    }
  }

  if (result.sign) {
    outputs['signature-digest'] = result.sign.signatureDigest ?? ''
    outputs['signature-tag'] = result.sign.signatureTag ?? ''
    outputs['rekor-log-index'] = result.sign.rekorLogIndex !== undefined ? String(result.sign.rekorLogIndex) : ''
    outputs['signer-identity'] = result.sign.identity ?? ''
    outputs['signature-bundle-path'] = result.sign.bundlePath ?? ''
  }
  if (result.referrersMode) outputs['referrers-mode'] = result.referrersMode
  if (result.sigstore && (result.sign || result.attest)) outputs['sigstore-instance'] = result.sigstore.instance

  if (result.attest) {
    outputs['provenance-digest'] = result.attest.provenance?.referrerDigest ?? ''
    outputs['provenance-bundle-path'] = result.attest.provenance?.bundlePath ?? ''
    outputs['sbom-digest'] = result.attest.sbom?.referrerDigest ?? ''
    outputs['sbom-bundle-path'] = result.attest.sbom?.bundlePath ?? ''
    outputs['sbom-path'] = result.attest.sbomPath ?? ''
    if (result.attest.testResult) {
      outputs['test-result'] = result.attest.testResult.result
      outputs['test-result-digest'] = result.attest.testResult.referrerDigest
    }
    // Every platform's SBOM, not only the first: platform (or `image` for a given file) -> referrer and file.
    const sboms: Record<string, { digest: string; path?: string }> = {}
    for (const attestation of result.attest.attestations)
      if (attestation.kind === 'sbom')
        sboms[attestation.platform ?? 'image'] = { digest: attestation.referrerDigest, path: attestation.sbomPath }
    outputs.sboms = JSON.stringify(sboms)
  }

  if (result.githubAttestations?.ids.length) {
    outputs['attestation-ids'] = result.githubAttestations.ids.join(',')
    outputs['attestation-url'] = result.githubAttestations.url
  }

  if (result.tags) {
    outputs['tags-created'] = list(result.tags.created)
    outputs['tags-unchanged'] = list(result.tags.unchanged)
    outputs['tags-moved'] = list(result.tags.moved)
  }

  if (result.deploy) {
    const deploy = result.deploy
    outputs['deploy-commit'] = deploy.commit ?? ''
    outputs['deploy-branch'] = deploy.branch ?? ''
    outputs['pull-request-number'] = deploy.pullRequestNumber !== undefined ? String(deploy.pullRequestNumber) : ''
    outputs['pull-request-url'] = deploy.pullRequestUrl ?? ''
    outputs['pull-request-operation'] = deploy.pullRequestOperation
    outputs['patched-files'] = JSON.stringify(deploy.patchedFiles)
    outputs['previous-digest'] = deploy.previousDigest ?? ''
    outputs['rollback-of'] = deploy.rollbackOf ?? ''
  }
  return outputs
}
