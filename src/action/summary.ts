// The job summary: plain Markdown that reads well rendered on GitHub and as text in a terminal.
// It is read in a panel about 880 px wide (see test/action/summary-render.test.ts), so what would be
// wide goes where it can scroll (a code block) or be opened (a <details> block), and a digest in a
// table is the short form: a full digest in a cell would push the table past the panel.
import type { ReleaseResult, StepName } from './result.js'
import type { AttestationSummary, AttestResult } from '../steps/attest.js'
import type { VerifyResult } from '../steps/verify.js'
import { shortDigest } from '../oci/digest.js'
import { deploySummaryLine } from '../gitops/message.js'
import { PREDICATE_TYPE } from '../sigstore/predicates.js'

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

/**
 * The SBOM predicate types this action attests: the format's name, and the `--type` cosign finds
 * them by. cosign's `spdxjson` stands for exactly `https://spdx.dev/Document`, so an SPDX 2.3
 * attestation is asked for by its own URI; `cyclonedx` stands for `https://cyclonedx.org/bom`.
 */
const SBOM_PREDICATE: Record<string, { format: string; cosignType: string }> = {
  [PREDICATE_TYPE.spdx23]: { format: 'SPDX', cosignType: PREDICATE_TYPE.spdx23 },
  [PREDICATE_TYPE.cycloneDx]: { format: 'CycloneDX', cosignType: 'cyclonedx' }
}

function sbomFormat(predicateType: string): string {
  return SBOM_PREDICATE[predicateType]?.format ?? predicateType
}

const YES = '✅'
const NONE = '—'
/** Promote verifies the evidence of the digest it promotes, not that of each platform manifest. */
const UNVERIFIED = '·'

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
  const { digest } = result
  if (!digest || !signer) return []
  const ref = `${result.image}@${digest}`
  const identity = signer.identity
  const issuer = signer.issuer ?? 'https://token.actions.githubusercontent.com'
  const certificate = `--certificate-identity '${identity}' --certificate-oidc-issuer '${issuer}'`
  const commands = [`cosign verify ${ref} ${certificate}`]
  const attested = result.promote?.destination?.attestations ?? {}
  if (result.attest?.provenance || attested[PREDICATE_TYPE.slsaProvenance1])
    commands.push(`cosign verify-attestation ${ref} --type slsaprovenance1 ${certificate}`)
  // An SBOM is attested to the digest it describes: each platform manifest's own when generated, the
  // top digest when given as a file (and after a promote, which verifies the top digest).
  const sboms = result.attest
    ? result.attest.attestations.filter((a) => a.kind === 'sbom' && SBOM_PREDICATE[a.predicateType])
    : Object.keys(attested)
        .filter((type) => SBOM_PREDICATE[type])
        .map((predicateType) => ({ subjectDigest: digest, predicateType, platform: undefined }))
  for (const sbom of sboms) {
    const about = sbom.subjectDigest !== digest && sbom.platform ? `  # ${sbom.platform}` : ''
    commands.push(
      `cosign verify-attestation ${result.image}@${sbom.subjectDigest} --type ${SBOM_PREDICATE[sbom.predicateType].cosignType} ${certificate}${about}`
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
  return `The image was ${result.mode === 'promote' ? 'copied' : 'pushed'} by digest (\`${result.digest ?? ''}\`).${tagged}`
}

function testsMark(tests: NonNullable<AttestResult['testResult']>): string {
  const mark = tests.result === 'PASSED' ? YES : tests.result === 'WARNED' ? '⚠️' : '❌'
  return `${mark} ${tests.passed} passed${tests.failed ? `, ${tests.failed} failed` : ''}`
}

/** The top digest's row label, then each platform manifest's: the digests the evidence is about. */
function manifests(result: ReleaseResult, top: string): Array<[label: string, digest: string]> {
  const platforms = Object.entries(result.platformDigests)
  return [[platforms.length ? 'index' : 'image', top], ...platforms]
}

/** A release's evidence: what this run made and stored beside each digest. */
function releaseEvidence(result: ReleaseResult, top: string): string[][] {
  const attestations = result.attest?.attestations ?? []
  const testResult = result.attest?.testResult
  return manifests(result, top).map(([label, digest]) => {
    const about = (kind: AttestationSummary['kind']): AttestationSummary | undefined =>
      attestations.find((a) => a.kind === kind && a.subjectDigest === digest)
    const sbom = about('sbom')
    return [
      label,
      `\`${short(digest)}\``,
      // The sign step signs the top digest and every platform manifest (signingTargets), and its
      // result is kept only when all of them were signed.
      result.sign ? YES : NONE,
      about('provenance') ? YES : NONE,
      sbom ? `${YES} ${sbomFormat(sbom.predicateType)}` : NONE,
      testResult && about('test-result') ? testsMark(testResult) : NONE
    ]
  })
}

function verifiedMarks(verified: VerifyResult): string[] {
  const sbom = Object.keys(verified.attestations).find((type) => SBOM_PREDICATE[type])
  return [
    verified.signatures ? YES : NONE,
    verified.attestations[PREDICATE_TYPE.slsaProvenance1] ? YES : NONE,
    sbom ? `${YES} ${sbomFormat(sbom)}` : NONE,
    // verify counts a test-result attestation only when it says PASSED.
    verified.attestations[PREDICATE_TYPE.testResult] ? `${YES} passed` : NONE
  ]
}

/** A promote's evidence: what verified at the source and at the destination, for the digest promoted. */
function promoteEvidence(result: ReleaseResult, top: string): string[][] {
  const [[topLabel], ...platforms] = manifests(result, top)
  const verifications = [result.promote?.source, result.promote?.destination].filter((v): v is VerifyResult => v !== undefined)
  return [
    ...verifications.map((v) => [`${topLabel} (${v.where})`, `\`${short(v.digest)}\``, ...verifiedMarks(v)]),
    ...platforms.map(([platform, digest]) => [platform, `\`${short(digest)}\``, UNVERIFIED, UNVERIFIED, UNVERIFIED, UNVERIFIED])
  ]
}

/** Where a release's evidence is stored, by full digest: the detail behind the evidence table. */
function releaseStorage(result: ReleaseResult, top: string): string[] {
  // A legacy tag without the repository: a tag of the image, named once above the table.
  const tag = (legacyTag: string): string => `tag \`${legacyTag.slice(legacyTag.lastIndexOf(':') + 1)}\``
  const rows: string[] = []
  for (const [label, digest] of manifests(result, top)) {
    rows.push(`| **${label}** | \`${digest}\` |`)
    if (digest === top && result.sign) {
      const where = [
        result.sign.signatureDigest ? `referrer \`${result.sign.signatureDigest}\`` : '',
        result.sign.signatureTag ? tag(result.sign.signatureTag) : ''
      ]
      rows.push(`| signature | ${where.filter(Boolean).join('<br>')} |`)
    }
    const attestations = result.attest?.attestations.filter((a) => a.subjectDigest === digest) ?? []
    for (const a of attestations) {
      const what = a.kind === 'sbom' ? `SBOM (${sbomFormat(a.predicateType)})` : a.kind === 'test-result' ? 'test results' : a.kind
      rows.push(`| ${what} | ${a.referrerDigest ? `referrer \`${a.referrerDigest}\`` : 'in the legacy tag only'} |`)
    }
    // cosign's legacy format keeps every attestation of a digest in one `.att` tag.
    for (const legacyTag of new Set(attestations.flatMap((a) => (a.legacyTag ? [a.legacyTag] : []))))
      rows.push(`| attestations (legacy) | ${tag(legacyTag)} |`)
  }
  const facts: string[] = []
  const s = result.sign
  if (s?.identity) facts.push(`Signed by \`${s.identity}\`${s.issuer ? ` (issuer \`${s.issuer}\`)` : ''}.`)
  if (result.sigstore && (s || result.attest)) facts.push(`Sigstore instance: ${result.sigstore.instance} (${result.sigstore.reason}).`)
  if (s?.rekorLogIndex !== undefined) facts.push(`Rekor log index of the ${manifests(result, top)[0][0]}'s signature: ${s.rekorLogIndex}.`)
  else if (s && result.sigstore?.instance === 'github') facts.push('Time proof: an RFC 3161 timestamp (no public transparency log).')
  if (s && Object.keys(result.platformDigests).length)
    facts.push("Each platform manifest's signature is stored beside it as the index's is.")
  const where = [
    result.referrersMode ? `Referrers are stored via the ${result.referrersMode === 'tag-schema' ? 'tag schema' : 'referrers API'}` : '',
    s?.signatureTag || result.attest?.attestations.some((a) => a.legacyTag) ? `cosign's legacy tags are tags of \`${result.image}\`` : ''
  ].filter(Boolean)
  return [
    ...(where.length ? [`${where.join('; ')}.`, ''] : []),
    '| manifest and evidence | stored as |',
    '|---|---|',
    ...rows,
    '',
    ...facts.map((fact) => `- ${fact}`)
  ]
}

/** What a promote verified, by full digest. */
function promoteVerification(result: ReleaseResult, top: string): string[] {
  const lines = [
    '| manifest | digest |',
    '|---|---|',
    ...manifests(result, top).map(([label, digest]) => `| ${label} | \`${digest}\` |`),
    ''
  ]
  for (const verified of [result.promote?.source, result.promote?.destination]) {
    if (!verified) continue
    const attested = Object.entries(verified.attestations)
    lines.push(
      `- ${verified.where}: ${verified.signatures} signature(s) by \`${verified.identity}\` (issuer \`${verified.issuer}\`)${attested.length ? `; attested: ${attested.map(([type, count]) => `\`${type}\` (${count})`).join(', ')}` : ''}.`
    )
  }
  return lines
}

/** One row per digest with a mark for each kind of evidence; the full digests and where it all is, folded away below. */
function evidenceSection(result: ReleaseResult, top: string): string[] {
  const hasEvidence = result.sign || result.attest || result.promote?.source || result.promote?.destination
  const platforms = Object.keys(result.platformDigests).length
  if (!hasEvidence && !platforms) return []
  const lines: string[] = ['**Evidence**', '']
  if (hasEvidence) {
    const rows = result.promote ? promoteEvidence(result, top) : releaseEvidence(result, top)
    lines.push('| manifest | digest | signature | provenance | SBOM | tests |', '|---|---|:-:|:-:|:-:|:-:|')
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`)
  } else {
    lines.push('| manifest | digest |', '|---|---|')
    for (const [label, digest] of manifests(result, top)) lines.push(`| ${label} | \`${short(digest)}\` |`)
  }
  lines.push('')
  if (result.promote && hasEvidence && platforms)
    lines.push(`${UNVERIFIED} not verified: promote verifies the evidence of the digest it promotes, not each platform manifest's.`, '')
  const detail = result.promote ? promoteVerification(result, top) : hasEvidence ? releaseStorage(result, top) : []
  if (detail.length)
    lines.push(
      `<details><summary>${result.promote ? 'Full digests and what was verified' : 'Full digests and where the evidence is stored'}</summary>`,
      '',
      ...detail,
      '',
      '</details>',
      ''
    )
  return lines
}

/** Characters of a code-block line GitHub's summary panel shows at 1280 px without scrolling (880 px of monospace showed 107 in the render check). */
const PANEL_CODE_COLUMNS = 106

/**
 * One changed line as a diff hunk. When a full reference would run past the panel, the image name
 * both sides share moves into a header line of its own, so the tag and digest (what changed) stay in view.
 */
function diffHunk(change: { file: string; line: number; from: string; to: string }): string[] {
  const name = /^(.*?[^/:@]+)(?=[:@][^/]*$)/.exec(change.to)?.[1]
  const shared = name !== undefined && (!change.from || change.from.startsWith(name)) ? name : undefined
  const long = Math.max(change.from.length, change.to.length) + 2 > PANEL_CODE_COLUMNS
  if (!long || !shared) return [`# ${change.file}:${change.line}`, ...(change.from ? [`- ${change.from}`] : []), `+ ${change.to}`]
  const rest = (reference: string): string => `…${reference.slice(shared.length)}`
  return [`# ${change.file}:${change.line}`, `# ${shared}`, ...(change.from ? [`- ${rest(change.from)}`] : []), `+ ${rest(change.to)}`]
}

export function renderSummary(result: ReleaseResult): string {
  const lines: string[] = [headline(result), '']
  const failed = Object.entries(result.steps).find(([, s]) => s.status === 'failed')
  if (failed) {
    // GitHub's alert syntax: the failure, and what it left behind, before anything else.
    lines.push(
      '> [!CAUTION]',
      `> **Failed in ${STEP_LABEL[failed[0] as StepName]}:** ${failed[1].error ?? ''}`,
      '>',
      `> ${leftBehind(result)}`,
      ''
    )
  }
  if (result.dryRun) lines.push('> **Dry run:** nothing was written to the registry or the deploy repository.', '')
  if (result.digest) lines.push('**Image**', '', '```', `${result.image}@${result.digest}`, '```', '')

  if (result.promote) {
    const p = result.promote
    lines.push(
      `**Promoted** from \`${p.from.split('@')[0]}\`, same digest: no rebuild; sign and attest do not run in promote mode, the evidence is copied and verified.`,
      ''
    )
    if (p.copy) {
      lines.push(
        `Copied ${p.copy.blobsUploaded} blob(s) (${(p.copy.bytesUploaded / (1024 * 1024)).toFixed(1)} MiB), ${p.copy.blobsMounted} mounted, ${p.copy.blobsSkipped} already there; ${p.copy.referrersCopied} signature(s), attestation(s) and legacy tag(s).`,
        ''
      )
    }
  }
  if (result.push) {
    const p = result.push
    lines.push(
      `Pushed ${p.blobsUploaded} blob(s), ${(p.bytesUploaded / (1024 * 1024)).toFixed(1)} MiB; ${p.blobsSkipped} already present; ${p.manifestsPushed} manifest(s).`,
      ''
    )
  }

  if (result.digest) lines.push(...evidenceSection(result, result.digest))
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
    if (d.changes.length) {
      // A diff rather than a table: the references are the point and are long, and a code block
      // scrolls where a table cell would wrap them or push the table past the panel.
      lines.push('```diff')
      for (const c of d.changes) lines.push(...diffHunk(c))
      lines.push('```', '')
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
