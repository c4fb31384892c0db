// The commit message, pull request title and body: plain data in, text out.
import { shortDigest } from '../oci/digest.js'

export interface FileChange {
  file: string
  line: number
  from: string
  to: string
}

export interface MessageContext {
  /** The image as the user named it (`127.0.0.1:5000/team/app`). */
  image: string
  digest: string
  tags: string[]
  base: string
  changes: FileChange[]
  source: { repository?: string; sha?: string; runUrl?: string }
  serverUrl: string
  verifyCommands: string[]
  /** When this release started (ISO 8601), written as a trailer. */
  releasedAt?: string
  /** The digest the deploy files pinned before this change (see previousDigestOf). */
  previousDigest?: string
  /** Set when this change rolls back: the base commit that pinned `digest` before. */
  rollbackOf?: string
}

type SubjectContext = Pick<MessageContext, 'image' | 'digest' | 'previousDigest' | 'rollbackOf'>

/** Conventional Commits subject, also used as the pull request title; a rollback says so. */
export function commitSubject(context: SubjectContext): string {
  if (!context.rollbackOf) return `chore(deploy): pin ${context.image} to ${shortDigest(context.digest)}`
  const was = context.previousDigest ? ` (was ${shortDigest(context.previousDigest)})` : ''
  return `chore(deploy): roll back ${context.image} to ${shortDigest(context.digest)}${was}`
}

/** The sentence that names the commit a rollback returns to. */
export function rollbackSentence(rollbackOf: string): string {
  return `Rolls back to the digest first pinned by ${rollbackOf}.`
}

/**
 * The digest the deploy files pinned before this change: the digest in the first changed value (in
 * file order) that carried one (`app:v1@sha256:…`, a kustomize `digest:` or a setter value), or
 * undefined when no changed reference was pinned. This is the digest a rollback would return to.
 */
export function previousDigestOf(changes: readonly FileChange[]): string | undefined {
  for (const change of changes) {
    const digest = digestIn(change.from)
    if (digest) return digest
  }
  return undefined
}

const DIGEST_VALUE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/

function digestIn(value: string): string | undefined {
  const candidate = value.slice(value.lastIndexOf('@') + 1).trim()
  return DIGEST_VALUE.test(candidate) ? candidate : undefined
}

/** One Markdown line for the run summary about what the deploy replaced, or undefined when it replaced no pinned digest. */
export function deploySummaryLine(context: SubjectContext): string | undefined {
  if (context.rollbackOf) {
    const was = context.previousDigest ? ` (was \`${context.previousDigest}\`)` : ''
    return `Rolled back \`${context.image}\` to \`${context.digest}\`${was}, the digest first pinned by \`${context.rollbackOf}\`.`
  }
  if (context.previousDigest) return `Replaced \`${context.previousDigest}\` (the rollback target) with \`${context.digest}\`.`
  return undefined
}

export function commitMessage(context: MessageContext): string {
  const lines = [commitSubject(context), '', `Pin ${context.image} to ${context.digest}.`]
  if (context.rollbackOf) lines.push(rollbackSentence(context.rollbackOf))
  lines.push('')
  for (const change of context.changes) lines.push(`${change.file}:${change.line}: ${change.from || '(none)'} -> ${change.to || '(none)'}`)
  if (context.tags.length > 0) lines.push('', `Tags: ${context.tags.join(', ')}`)
  const source = sourceLine(context)
  if (source) lines.push(`Source: ${source}`)
  if (context.source.runUrl) lines.push(`Run: ${context.source.runUrl}`)
  if (context.releasedAt) lines.push(`${RELEASED_AT_TRAILER}: ${context.releasedAt}`)
  return `${lines.join('\n')}\n`
}

/** The commit trailer that says when the release behind a deploy commit started, so concurrent releases can tell which is newer. */
export const RELEASED_AT_TRAILER = 'Released-At'

/** The release time a deploy commit's message carries, if any. */
export function releasedAtOf(message: string): Date | undefined {
  const match = new RegExp(`^${RELEASED_AT_TRAILER}: (\\S+)$`, 'm').exec(message)
  const time = match ? new Date(match[1]) : undefined
  return time && !Number.isNaN(time.getTime()) ? time : undefined
}

export function pullRequestBody(context: MessageContext): string {
  const lines = [
    `Pins \`${context.image}\` to \`${context.digest}\` on \`${context.base}\`.`,
    '',
    ...(context.rollbackOf ? [rollbackSentence(context.rollbackOf), ''] : []),
    '| file | line | old | new |',
    '| --- | --- | --- | --- |'
  ]
  for (const change of context.changes) {
    lines.push(`| \`${escapeCell(change.file)}\` | ${change.line} | ${cell(change.from)} | ${cell(change.to)} |`)
  }
  lines.push('')
  lines.push(`**Tags:** ${context.tags.length > 0 ? context.tags.map((t) => `\`${t}\``).join(', ') : '(none)'}`)
  const { repository, sha, runUrl } = context.source
  if (repository || sha) {
    const server = context.serverUrl.replace(/\/+$/, '')
    const commit = repository && sha ? `[\`${sha.slice(0, 12)}\`](${server}/${repository}/commit/${sha})` : sha ? `\`${sha}\`` : ''
    lines.push(`**Source:** ${repository ? `\`${repository}\`` : ''}${repository && commit ? ' @ ' : ''}${commit}`)
  }
  if (runUrl) lines.push(`**Run:** ${runUrl}`)
  if (context.verifyCommands.length > 0) lines.push('', '**Verify:**', '', '```sh', ...context.verifyCommands, '```')
  lines.push('', '<sub>Opened by digest-release. Each release rebuilds this branch from the latest base.</sub>')
  return `${lines.join('\n')}\n`
}

function sourceLine(context: MessageContext): string {
  const { repository, sha } = context.source
  if (repository && sha) return `${repository}@${sha}`
  return repository ?? sha ?? ''
}

/** A value as a table cell; an empty one (an inserted `digest:`'s old value, a dropped `newTag:`'s new one) is `(none)`. */
function cell(value: string): string {
  return value ? `\`${escapeCell(value)}\`` : '(none)'
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'")
}
