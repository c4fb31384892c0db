// A real forward proxy on loopback: Debian's Squid with a generated configuration in a temp dir.
// It caches nothing, allows only loopback clients, logs every request to a file the tests read,
// and resolves the `*.test` names given to it (registry.test, git.test …) to 127.0.0.1 through its
// own hosts file, so a client that cannot resolve them reaches those servers only through it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './ports.js'

export const SQUID = '/usr/sbin/squid'

export interface SquidProxy {
  /** `http://127.0.0.1:<port>`, for HTTPS_PROXY / HTTP_PROXY. */
  url: string
  port: number
  /** The access log's lines so far (`<time> … <method> <url> …`). */
  accessLog(): Promise<string[]>
  /** CONNECT targets (`host:port`) in the access log. */
  tunnels(): Promise<string[]>
  close(): Promise<void>
}

export function squidAvailable(): boolean {
  return existsSync(SQUID)
}

/** Starts Squid in the foreground; `names` are resolved to 127.0.0.1 by Squid alone. */
export async function startSquid(options: { names?: string[] } = {}): Promise<SquidProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'dr-squid-'))
  // Squid started as root drops to the `proxy` user before it opens its logs.
  await chmod(dir, 0o777)
  const port = await freePort()
  const names = options.names ?? ['registry.test', 'git.test', 'api.test']
  await writeFile(join(dir, 'hosts'), `127.0.0.1 ${names.join(' ')}\n`)
  const accessLog = join(dir, 'access.log')
  const config = [
    `http_port 127.0.0.1:${port}`,
    `pid_filename ${join(dir, 'squid.pid')}`,
    `cache_log ${join(dir, 'cache.log')}`,
    'logformat plain %ts.%03tu %>a %Ss/%03>Hs %rm %ru %<a',
    `access_log stdio:${accessLog} plain`,
    'buffered_logs off',
    'strip_query_terms off',
    'cache_store_log none',
    'logfile_rotate 0',
    `coredump_dir ${dir}`,
    'cache deny all',
    'cache_mem 0 MB',
    `hosts_file ${join(dir, 'hosts')}`,
    // Only the hosts file answers: the tests must never depend on real DNS.
    'dns_nameservers 127.0.0.1',
    'dns_timeout 2 seconds',
    'connect_timeout 5 seconds',
    'forward_timeout 10 seconds',
    'shutdown_lifetime 0 seconds',
    'pinger_enable off',
    'netdb_filename none',
    'icp_port 0',
    'htcp_port 0',
    'acl loopback src 127.0.0.0/8 ::1',
    'http_access allow loopback',
    'http_access deny all',
    ''
  ].join('\n')
  const configFile = join(dir, 'squid.conf')
  await writeFile(configFile, config)
  await writeFile(accessLog, '')
  await chmod(accessLog, 0o666)

  const child: ChildProcess = spawn(SQUID, ['-N', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let dead = false
  child.once('exit', () => (dead = true))

  const deadline = Date.now() + 15_000
  for (;;) {
    if (dead) {
      const log = await readFile(join(dir, 'cache.log'), 'utf8').catch(() => '')
      await rm(dir, { recursive: true, force: true })
      throw new Error(`squid exited before listening:\n${stderr}\n${log}`)
    }
    if (await listening(port)) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`squid did not listen on 127.0.0.1:${port} within 15s:\n${stderr}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }

  // The readiness probe above opens and closes a connection: Squid logs it with no method.
  const read = async (): Promise<string[]> =>
    (await readFile(accessLog, 'utf8')).split('\n').filter((line) => line && line.split(' ')[3] !== '-')
  // Squid logs a request once it has closed the transaction on its side, which can be just after
  // the client has its answer: the log is read until it has stopped growing (50 ms, at most 2 s).
  const lines = async (): Promise<string[]> => {
    let seen = await read()
    for (let waited = 0; waited < 2000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const now = await read()
      if (now.length === seen.length) return now
      seen = now
    }
    return seen
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accessLog: lines,
    async tunnels() {
      return (await lines())
        .map((line) => line.split(' '))
        .filter((f) => f[3] === 'CONNECT')
        .map((f) => f[4])
    },
    async close() {
      if (!dead) {
        child.kill('SIGKILL')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    }
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
