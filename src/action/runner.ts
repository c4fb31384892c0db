// The runner's protocol for inputs, outputs, masks, log groups, errors and the job summary: the
// same files and workflow commands @actions/core writes. @actions/core is loaded only to request
// an OIDC token, because importing it loads its HTTP client (about 100 ms), longer than a whole
// warm re-push takes; the issue asks that a run load only what it needs.
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { randomUUID } from 'node:crypto'

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

/** An input as the runner passes it: `INPUT_<NAME>` with spaces as underscores, trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  // A value holding the delimiter could forge other outputs; the delimiter is random, so this never happens by chance.
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} holds its own delimiter`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

export function setSecret(secret: string): void {
  command('add-mask', secret)
}

/**
 * The runner reads any stdout line that starts (after white space) with `::`, or holds `##[`, as a
 * workflow command. Log text can carry names and lines from the deploy repository or a registry, so
 * each line is defused with a zero-width space; our own commands are written by `command` alone.
 */
export function defuseCommands(text: string): string {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
    .join(EOL)
}

export function info(message: string): void {
  process.stdout.write(`${defuseCommands(message)}${EOL}`)
}

export function debug(message: string): void {
  command('debug', message)
}

export function notice(message: string): void {
  command('notice', message)
}

export function warning(message: string): void {
  command('warning', message)
}

export function error(message: string): void {
  command('error', message)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

export async function group<T>(name: string, work: () => Promise<T>): Promise<T> {
  process.stdout.write(`::group::${escapeData(name)}${EOL}`)
  try {
    return await work()
  } finally {
    process.stdout.write(`::endgroup::${EOL}`)
  }
}

/** Appends Markdown to the job summary ($GITHUB_STEP_SUMMARY). */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set, so there is no job summary to write to')
  appendFileSync(file, `${markdown}${EOL}`, 'utf8')
}

/** The runner's OIDC token for an audience, masked; without `permissions: id-token: write` there is none, and nothing should be pushed. */
export async function requestIdentityToken(audience: string): Promise<string> {
  let token: string
  try {
    const { getIDToken } = await import('@actions/core')
    token = await getIDToken(audience)
  } catch (error) {
    throw new Error(
      `no OIDC token could be requested for signing (${(error as Error).message}). Add \`permissions: id-token: write\` to the job (and \`contents: read\`, \`packages: write\`), or turn signing off with \`sign: false\`, \`provenance: false\` and \`sbom: none\``
    )
  }
  setSecret(token)
  return token
}
