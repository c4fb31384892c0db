// Where registry credentials come from, in order: the `username`/`password` inputs, the Docker
// config (what docker/login-action leaves behind, including credential helpers), then the
// GitHub token for ghcr.io.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

export interface Credential {
  username?: string
  password?: string
  /** An OAuth2 refresh token (Docker config `identitytoken`). */
  identityToken?: string
}

export type CredentialSource = 'inputs' | 'docker-config' | 'credential-helper' | 'github-token' | 'anonymous'

export interface ResolvedCredential {
  credential?: Credential
  source: CredentialSource
}

export interface CredentialOptions {
  registry: string
  username?: string
  password?: string
  githubToken?: string
  /** DOCKER_CONFIG: the directory holding config.json. */
  dockerConfigDir?: string
  /** Runs `docker-credential-<name> get`; replaceable in tests. */
  runHelper?: (helper: string, serverUrl: string) => Promise<string>
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>
  credsStore?: string
  credHelpers?: Record<string, string>
}

const DOCKER_HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']

export async function resolveCredential(options: CredentialOptions): Promise<ResolvedCredential> {
  if (options.username || options.password) {
    if (!options.username || !options.password) {
      throw new Error('`username` and `password` go together: give both, or neither to use the Docker config')
    }
    return { credential: { username: options.username, password: options.password }, source: 'inputs' }
  }

  const fromDocker = await fromDockerConfig(options)
  if (fromDocker) return fromDocker

  if (options.githubToken && /^ghcr\.io$|\.ghcr\.io$|^containers\./.test(options.registry)) {
    return { credential: { username: 'x-access-token', password: options.githubToken }, source: 'github-token' }
  }
  return { source: 'anonymous' }
}

async function fromDockerConfig(options: CredentialOptions): Promise<ResolvedCredential | undefined> {
  const dir = options.dockerConfigDir || join(homedir(), '.docker')
  let config: DockerConfig
  try {
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as DockerConfig
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`the Docker config ${join(dir, 'config.json')} cannot be read: ${(error as Error).message}`)
  }

  const keys = configKeys(options.registry)
  const runHelper = options.runHelper ?? runCredentialHelper
  const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean)
  if (helper) return { credential: parseHelperOutput(await runHelper(helper, keys[0]), helper), source: 'credential-helper' }

  for (const key of keys) {
    const entry = config.auths?.[key]
    if (!entry) continue
    if (entry.identitytoken)
      return { credential: { identityToken: entry.identitytoken, username: entry.username }, source: 'docker-config' }
    if (entry.username && entry.password)
      return { credential: { username: entry.username, password: entry.password }, source: 'docker-config' }
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0)
        return { credential: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }, source: 'docker-config' }
    }
  }

  if (config.credsStore) {
    try {
      return { credential: parseHelperOutput(await runHelper(config.credsStore, keys[0]), config.credsStore), source: 'credential-helper' }
    } catch (error) {
      // A store that knows nothing of this registry is not an error: go on to the next source.
      if (/credentials not found/i.test((error as Error).message)) return undefined
      throw error
    }
  }
  return undefined
}

/** The keys a Docker config may file a registry under. */
function configKeys(registry: string): string[] {
  if (registry === 'docker.io') return DOCKER_HUB_KEYS
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`]
}

function parseHelperOutput(output: string, helper: string): Credential {
  let parsed: { Username?: string; Secret?: string }
  try {
    parsed = JSON.parse(output) as { Username?: string; Secret?: string }
  } catch {
    throw new Error(`docker-credential-${helper} returned something that is not JSON`)
  }
  if (!parsed.Secret) throw new Error(`docker-credential-${helper} returned no secret`)
  // `<token>` as user name marks an identity (refresh) token, as the Docker CLI does.
  if (parsed.Username === '<token>') return { identityToken: parsed.Secret }
  return { username: parsed.Username, password: parsed.Secret }
}

function runCredentialHelper(helper: string, serverUrl: string): Promise<string> {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return Promise.reject(new Error(`credential helper name "${helper}" is not valid`))
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) {
        const message = `${stdout}${stderr}`.trim() || error.message
        reject(new Error(`docker-credential-${helper} get failed: ${message}`))
      } else resolve(stdout)
    })
    child.stdin?.end(serverUrl)
  })
}

/** Every secret a credential holds, for masking. */
export function credentialSecrets(credential: Credential | undefined): string[] {
  if (!credential) return []
  const secrets = [credential.password, credential.identityToken].filter((s): s is string => Boolean(s))
  if (credential.username && credential.password)
    secrets.push(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'))
  return secrets
}
