// Runs real git with argument arrays (never a shell). The token reaches git only as an
// `http.<origin>/.extraheader` set through GIT_CONFIG_* variables, so it is in no URL, no argv and
// no log; anything git prints is redacted before it is surfaced. The runner's proxy reaches git
// the same way, as `http.<origin>/.proxy`: git's HTTP layer ignores upper-case HTTP_PROXY, and the
// toolkit's NO_PROXY rules decide, as for every other connection of the action. git runs through
// the toolkit's @actions/exec (argument array, no shell, output captured, nothing echoed), loaded
// only when the deploy step runs.
import { DeployError } from './errors.js'
import type { Logger } from '../net/logger.js'
import { proxyFor } from '../net/proxy.js'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface GitOptions {
  /** Working directory (the clone). */
  cwd: string
  /** Remote URL the token belongs to; the header is scoped to its origin. */
  remoteUrl: string
  token: string
  /** The environment git inherits (the runner's, from the runner context). */
  environment: Record<string, string | undefined>
  logger: Logger
}

export const BOT_NAME = 'digest-release[bot]'
export const BOT_EMAIL = 'digest-release[bot]@users.noreply.github.com'

export class Git {
  private readonly secrets: string[]
  private readonly environment: NodeJS.ProcessEnv

  constructor(private readonly options: GitOptions) {
    const header = options.token ? `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${options.token}`).toString('base64')}` : undefined
    this.secrets = header ? [header.slice('AUTHORIZATION: basic '.length), options.token] : []
    const config: Array<[string, string]> = [
      // Keep the bytes we write: no line-ending conversion, no signing prompt, no credential prompt.
      ['core.autocrlf', 'false'],
      ['commit.gpgsign', 'false'],
      ['credential.helper', '']
    ]
    const origin = httpOrigin(options.remoteUrl)
    if (header && origin) config.push([`http.${origin}/.extraheader`, header])
    const proxy = origin ? gitProxy(options.remoteUrl, options.environment) : undefined
    if (origin && proxy !== undefined) {
      config.push([`http.${origin}/.proxy`, proxy])
      const password = proxy ? decodeURIComponent(new URL(proxy).password) : ''
      if (password) this.secrets.push(password, new URL(proxy).password)
    }
    const environment: NodeJS.ProcessEnv = {
      ...options.environment,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      LC_ALL: 'C'
    }
    const existing = Number(options.environment.GIT_CONFIG_COUNT ?? '0') || 0
    config.forEach(([key, value], i) => {
      environment[`GIT_CONFIG_KEY_${existing + i}`] = key
      environment[`GIT_CONFIG_VALUE_${existing + i}`] = value
    })
    environment.GIT_CONFIG_COUNT = String(existing + config.length)
    this.environment = environment
  }

  /** Removes the token (and its base64 form) from text git printed. */
  redact(text: string): string {
    let result = text
    for (const secret of this.secrets) if (secret) result = result.split(secret).join('***')
    return result
  }

  /** Runs git; a non-zero exit throws a DeployError naming the command and git's (redacted) message. */
  async run(args: string[]): Promise<string> {
    const result = await this.tryRun(args)
    if (result.exitCode !== 0) {
      const command = args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c') ?? args[0]
      throw new DeployError(`git ${command} failed (exit ${result.exitCode}): ${this.redact(result.stderr.trim() || result.stdout.trim())}`)
    }
    return result.stdout
  }

  /** Runs git and returns its exit code and output, for commands whose failure is an answer. */
  async tryRun(args: string[]): Promise<GitResult> {
    this.options.logger.debug(`git ${args.map((a) => this.redact(a)).join(' ')}`)
    const { getExecOutput } = await import('@actions/exec')
    let result: GitResult
    try {
      // silent: git's output is not echoed (it may name the remote's files); it is returned, redacted.
      result = await getExecOutput('git', args, {
        cwd: this.options.cwd,
        env: this.environment as Record<string, string>,
        silent: true,
        ignoreReturnCode: true
      })
    } catch (error) {
      throw new DeployError(`cannot run git: ${(error as Error).message} (is git installed?)`)
    }
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: this.redact(result.stderr) }
  }
}

/**
 * The `http.<origin>/.proxy` value for `remoteUrl` under the runner's environment: the proxy URL,
 * '' (git's "no proxy") when NO_PROXY or loopback sends the remote around the proxy, or undefined
 * when no proxy variable covers its scheme (git is left to its own configuration).
 */
export function gitProxy(remoteUrl: string, environment: Record<string, string | undefined>): string | undefined {
  const url = new URL(remoteUrl)
  const variables = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  if (!variables.some((name) => environment[name])) return undefined
  const proxy = proxyFor(url, environment)
  return proxy ? proxy.href : ''
}

/** `https://host[:port]` of an http(s) URL, which git matches `http.<url>.*` settings against. */
function httpOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined
  } catch {
    return undefined
  }
}
