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
}

/** Conventional Commits subject, also used as the pull request title. */
export function commitSubject(context: Pick<MessageContext, 'image' | 'digest'>): string {
  return `chore(deploy): pin ${context.image} to ${shortDigest(context.digest)}`
}

export function commitMessage(context: MessageContext): string {
  const lines = [commitSubject(context), '', `Pin ${context.image} to ${context.digest}.`, '']
  for (const change of context.changes) lines.push(`${change.file}:${change.line}: ${change.from || '(none)'} -> ${change.to}`)
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
    '| file | line | old | new |',
    '| --- | --- | --- | --- |'
  ]
  for (const change of context.changes) {
    lines.push(
      `| \`${escapeCell(change.file)}\` | ${change.line} | ${change.from ? `\`${escapeCell(change.from)}\`` : '(none)'} | \`${escapeCell(change.to)}\` |`
    )
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

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'")
}
