// The job summary: plain Markdown that reads well rendered on GitHub and as text in a terminal.
import type { ReleaseResult, StepName } from './result.js'
import { shortDigest } from '../oci/digest.js'
import { deploySummaryLine } from '../gitops/message.js'

const STEP_LABEL: Record<StepName, string> = {
  preflight: 'Preflight',
  layout: 'Layout',
  push: 'Push',
  sign: 'Sign',
  attest: 'Attest',
  verify: 'Verify (source)',
  copy: 'Copy',
  reverify: 'Verify (destination)',
  tags: 'Tags',
  deploy: 'Deploy'
}

const STATUS_MARK: Record<string, string> = {
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  'not-run': '· not run'
}

function short(digest: string | undefined): string {
  return digest ? `${shortDigest(digest)}…` : '(none)'
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`
}

export function verifyCommands(result: ReleaseResult): string[] {
  // Released: the identity this run signed with. Promoted: the one verified at the destination.
  const signer = result.sign?.identity
    ? { identity: result.sign.identity, issuer: result.sign.issuer }
    : result.promote?.destination
      ? { identity: result.promote.destination.identity, issuer: result.promote.destination.issuer }
      : undefined
  if (!result.digest || !signer) return []
  const ref = `${result.image}@${result.digest}`
  const identity = signer.identity
  const issuer = signer.issuer ?? 'https://token.actions.githubusercontent.com'
  const commands = [`cosign verify ${ref} --certificate-identity '${identity}' --certificate-oidc-issuer '${issuer}'`]
  const attested = result.promote?.destination?.attestations ?? {}
  if (result.attest?.provenance || attested['https://slsa.dev/provenance/v1']) {
    commands.push(
      `cosign verify-attestation ${ref} --type slsaprovenance1 --certificate-identity '${identity}' --certificate-oidc-issuer '${issuer}'`
    )
  }
  // Stored in the repository's attestations API, gh finds them by repository; otherwise it reads them from the registry.
  if (result.attest && result.githubAttestations?.ids.length && result.repository)
    commands.push(`gh attestation verify oci://${ref} -R ${result.repository}`)
  else if (result.attest && result.owner) commands.push(`gh attestation verify oci://${ref} --owner ${result.owner} --bundle-from-oci`)
  return commands
}

export function renderSummary(result: ReleaseResult): string {
  const lines: string[] = []
  const failed = Object.entries(result.steps).find(([, s]) => s.status === 'failed')
  lines.push(`## digest-release: ${result.image}`)
  lines.push('')
  if (failed) lines.push(`> **Failed in ${STEP_LABEL[failed[0] as StepName]}:** ${failed[1].error ?? ''}`, '')
  if (result.dryRun) lines.push('> **Dry run:** nothing was written to the registry or the deploy repository.', '')
  if (result.digest) {
    lines.push('**Image**', '', '```', `${result.image}@${result.digest}`, '```', '')
  }

  const platforms = Object.entries(result.platformDigests ?? {})
  if (platforms.length) {
    lines.push('| platform | digest |', '|---|---|')
    for (const [platform, digest] of platforms) lines.push(`| ${platform} | \`${digest}\` |`)
    lines.push('')
  }

  if (result.promote) {
    const p = result.promote
    lines.push(
      `**Promoted** from \`${p.from}\` to \`${result.image}@${result.digest ?? ''}\` (no rebuild: sign and attest do not run in promote mode; the evidence is copied and verified).`,
      ''
    )
    for (const verified of [p.source, p.destination]) {
      if (!verified) continue
      const attested = Object.keys(verified.attestations)
      lines.push(
        `- ${verified.where}: signed by \`${verified.identity}\` (${verified.signatures} signature(s))${attested.length ? `; attested: ${attested.map((t) => `\`${t}\``).join(', ')}` : ''}`
      )
    }
    if (p.copy) {
      lines.push(
        `- copied: ${p.copy.blobsUploaded} blob(s) uploaded (${(p.copy.bytesUploaded / (1024 * 1024)).toFixed(1)} MiB), ${p.copy.blobsMounted} mounted, ${p.copy.blobsSkipped} already there; ${p.copy.referrersCopied} signature(s), attestation(s) and legacy tag(s)`
      )
    }
    lines.push('')
  }

  if (result.push) {
    const p = result.push
    lines.push(
      `Pushed ${p.blobsUploaded} blob(s), ${(p.bytesUploaded / (1024 * 1024)).toFixed(1)} MiB; ${p.blobsSkipped} already present; ${p.manifestsPushed} manifest(s).`,
      ''
    )
  }

  if (result.tags && result.tags.entries.length) {
    lines.push('**Tags**', '', '| tag | action | old digest | new digest |', '|---|---|---|---|')
    for (const entry of result.tags.entries) {
      const action = entry.action === 'create' ? 'created' : entry.action === 'move' ? 'moved' : 'unchanged'
      lines.push(`| \`${entry.tag}\` | ${action} | ${entry.previous ? `\`${short(entry.previous)}\`` : '—'} | \`${short(entry.digest)}\` |`)
    }
    lines.push('')
  } else if (result.tagPlan && result.tagPlan.length) {
    lines.push('**Tags (planned, not applied)**', '', '| tag | would be | current digest |', '|---|---|---|')
    for (const entry of result.tagPlan)
      lines.push(`| \`${entry.tag}\` | ${entry.action} | ${entry.previous ? `\`${short(entry.previous)}\`` : '—'} |`)
    lines.push('')
  }

  const stored: string[] = []
  if (result.sign) {
    const s = result.sign
    if (s.signatureDigest) stored.push(`| signature (Sigstore bundle) | referrer \`${s.signatureDigest}\` |`)
    if (s.signatureTag) stored.push(`| signature (cosign legacy) | tag \`${s.signatureTag}\` |`)
    if (result.sigstore) stored.push(`| Sigstore instance | ${result.sigstore.instance} (${result.sigstore.reason}) |`)
    if (s.rekorLogIndex !== undefined) stored.push(`| Rekor log index | ${s.rekorLogIndex} |`)
    else if (result.sigstore?.instance === 'github') stored.push('| time proof | RFC 3161 timestamp (no public transparency log) |')
    if (s.identity) stored.push(`| signer identity | \`${s.identity}\` |`)
  }
  if (result.attest) {
    for (const a of result.attest.attestations)
      stored.push(
        `| ${a.kind} (${a.platform ?? 'image'}) | referrer \`${a.referrerDigest}\`${a.legacyTag ? `, tag \`${a.legacyTag}\`` : ''} |`
      )
  }
  const tested = result.attest?.testResult
  if (tested)
    stored.push(
      `| test results | ${tested.result}: ${tested.passed} passed, ${tested.failed} failed; referrer \`${tested.referrerDigest}\` |`
    )
  const skipped = result.attest?.sbomSkipped ?? []
  if (skipped.length) {
    lines.push(
      `> **SBOM incomplete:** ${skipped.length} package metadata file(s) were not catalogued (the SBOM document says so too): ` +
        skipped
          .slice(0, 10)
          .map((s) => `\`/${s.path}\`${s.platform ? ` (${s.platform})` : ''}: ${s.reason}`)
          .join('; '),
      ''
    )
  }
  if (stored.length) {
    lines.push(
      `**Signatures and attestations** (referrers stored via ${result.referrersMode ?? 'n/a'})`,
      '',
      '| what | where |',
      '|---|---|',
      ...stored,
      ''
    )
  }

  if (result.deploy) {
    const d = result.deploy
    lines.push('**Deploy**', '')
    const lineage = result.digest
      ? deploySummaryLine({ image: result.image, digest: result.digest, previousDigest: d.previousDigest, rollbackOf: d.rollbackOf })
      : undefined
    if (lineage) lines.push(lineage, '')
    if (d.supersededBy)
      lines.push(`> A newer release holds \`${d.branch}\` (commit \`${d.supersededBy}\`); this release did not replace it.`, '')
    if (d.pullRequestUrl) lines.push(`Pull request #${d.pullRequestNumber} (${d.pullRequestOperation}): ${d.pullRequestUrl}`, '')
    if (d.autoMerge)
      lines.push(
        `Auto-merge: ${d.autoMerge === 'enabled' ? 'enabled' : d.autoMerge === 'not-allowed' ? 'not allowed by the repository (turn on "Allow auto-merge" in its settings)' : 'could not be enabled (see the warning in the log)'}`,
        ''
      )
    else if (d.commit) lines.push(`Commit \`${d.commit}\` on \`${d.branch}\``, '')
    if (d.patchedFiles.length) {
      lines.push('| file | line | from | to |', '|---|---|---|---|')
      for (const c of d.changes) lines.push(`| \`${c.file}\` | ${c.line} | \`${c.from}\` | \`${c.to}\` |`)
      lines.push('')
    }
  }

  lines.push('**Steps**', '', '| step | status | duration |', '|---|---|---|')
  for (const [name, step] of Object.entries(result.steps)) {
    lines.push(
      `| ${STEP_LABEL[name as StepName]} | ${STATUS_MARK[step.status]}${step.reason ? ` (${step.reason})` : ''} | ${seconds(step.durationMs)} |`
    )
  }
  lines.push('')

  const commands = verifyCommands(result)
  if (commands.length) lines.push('**Verify**', '', '```sh', ...commands, '```', '')
  return lines.join('\n')
}
