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
  // When the signer is a workflow of another repository (a reusable workflow), gh must be told so.
  const signerWorkflow = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@/.exec(identity)
  const elsewhere = signerWorkflow && result.repository && signerWorkflow[1].toLowerCase() !== result.repository.toLowerCase()
  const signerFlag = elsewhere ? ` --signer-workflow ${signerWorkflow[1]}/${signerWorkflow[2]}` : ''
  if (result.attest && result.githubAttestations?.ids.length && result.repository)
    commands.push(`gh attestation verify oci://${ref} -R ${result.repository}${signerFlag}`)
  else if (result.attest && result.owner)
    commands.push(`gh attestation verify oci://${ref} --owner ${result.owner} --bundle-from-oci${signerFlag}`)
  return commands
}

/** The outcome in one line: what was released or promoted, as which tags, with what evidence, and where it was pinned. */
export function headline(result: ReleaseResult): string {
  const failed = Object.values(result.steps).some((step) => step.status === 'failed')
  const ref = result.digest ? `\`${result.image}@${shortDigest(result.digest)}…\`` : `\`${result.image}\``
  if (failed) return `❌ **Not released:** ${ref}${result.tags?.created.length ? '' : ' is not tagged'}.`
  const verb = result.dryRun ? 'Planned' : result.mode === 'promote' ? 'Promoted' : 'Released'
  const tags = result.tags
    ? [...result.tags.created, ...result.tags.unchanged, ...result.tags.moved]
    : result.dryRun
      ? result.requestedTags
      : []
  const parts = [
    `✅ **${verb}** ${ref}${result.promote ? ` from \`${result.promote.from.split('@')[0]}\`` : ''}${tags.length ? ` as ${tags.map((t) => `\`${t}\``).join(', ')}` : ''}`
  ]
  const evidence = [
    result.sign?.signatureDigest || result.sign?.signatureTag ? 'signed' : '',
    result.attest?.attestations.length ? 'attested' : ''
  ]
    .filter(Boolean)
    .join(' and ')
  if (evidence) parts.push(evidence)
  if (result.promote?.destination) parts.push('verified at the destination')
  if (result.deploy?.pullRequestNumber) parts.push(`deploy PR #${result.deploy.pullRequestNumber}`)
  else if (result.deploy?.commit) parts.push(`deploy commit \`${result.deploy.commit.slice(0, 12)}\``)
  return `${parts.join(', ')}.`
}

/** What a failed run left in the registry: so nobody has to guess whether a digest is out there untagged. */
function leftBehind(result: ReleaseResult): string {
  const pushed = result.steps.push?.status === 'succeeded' || result.steps.copy?.status === 'succeeded'
  if (!pushed) return 'Nothing was written to the registry.'
  const tagged =
    result.tags?.created.length || result.tags?.moved.length
      ? ` Tags written before the failure: ${[...result.tags.created, ...result.tags.moved].join(', ')}.`
      : ' No tag was applied.'
  return `The image was ${result.mode === 'promote' ? 'copied' : 'pushed'} by digest (${result.digest ?? ''}).${tagged}`
}

export function renderSummary(result: ReleaseResult): string {
  const lines: string[] = []
  const failed = Object.entries(result.steps).find(([, s]) => s.status === 'failed')
  lines.push(`## digest-release: ${result.image}`)
  lines.push('')
  lines.push(headline(result), '')
  if (failed) {
    // GitHub's alert syntax: the failure, and what it left behind, before anything else.
    lines.push(
      '> [!CAUTION]',
      `> **Failed in ${STEP_LABEL[failed[0] as StepName]}:** ${failed[1].error ?? ''}`,
      `> ${leftBehind(result)}`,
      ''
    )
  }
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
        `Auto-merge: ${d.autoMerge === 'enabled' ? 'enabled' : d.autoMerge === 'merged' ? 'the deploy repository requires no checks, so the pull request was merged directly' : d.autoMerge === 'not-allowed' ? 'not allowed by the repository (turn on "Allow auto-merge" in its settings)' : 'could not be enabled (see the warning in the log)'}`,
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
