// A real CNCF distribution registry (Debian's docker-registry) on a loopback port, in a temp dir.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, waitFor } from './ports.js'

export interface RegistryServer {
  /** `127.0.0.1:PORT` */
  host: string
  url: string
  dir: string
  /** The registry's process, for benchmarks that read its CPU time. */
  pid: number
  close(): Promise<void>
}

export function registryBinary(): string {
  for (const candidate of ['/usr/bin/docker-registry', 'docker-registry']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' })
      return candidate
    } catch {
      // try the next
    }
  }
  throw new Error(
    'docker-registry is not installed: run `apt-get install -y docker-registry` (Debian package of the CNCF distribution registry)'
  )
}

/** `htpasswd` turns on Basic auth (bcrypt entries); `auth` replaces the auth section (token auth). */
export async function startRegistry(options: { htpasswd?: string; auth?: string } = {}): Promise<RegistryServer> {
  const binary = registryBinary()
  const dir = await mkdtemp(join(tmpdir(), 'dr-registry-'))
  const port = await freePort()
  const auth = options.auth ?? (options.htpasswd ? `auth:\n  htpasswd:\n    realm: test\n    path: ${join(dir, 'htpasswd')}\n` : '')
  if (options.htpasswd) await writeFile(join(dir, 'htpasswd'), options.htpasswd)
  const config = `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:${port}
  secret: digest-release-test
${auth}`
  await writeFile(join(dir, 'config.yml'), config)
  const child: ChildProcess = spawn(binary, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`)
      const response = await fetch(`${url}/v2/`)
      return response.status === 200 || response.status === 401
    }, 'docker-registry')
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${stderr}`)
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    dir,
    pid: child.pid!,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await rm(dir, { recursive: true, force: true })
    }
  }
}
