// A loopback git server speaking smart HTTP through the real `git http-backend` (CGI), standing in
// for GITHUB_SERVER_URL. Serves bare repositories from a temp dir, accepts pushes, and can require
// a token (Basic with any user name, or Bearer) so tests can prove the token is sent.
import { execFile, spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface GitRequest {
  method: string
  /** Path and query as received, so tests can check that no secret is in a URL. */
  url: string
  /** `git-upload-pack` (fetch) or `git-receive-pack` (push), from the query or the path. */
  service?: string
  authorization?: string
  status: number
}

export interface GitServerOptions {
  /** When set, every request must carry it (Basic password or Bearer); others get 401. */
  token?: string
  /** Awaited before each request is handled; lets a test act in the middle of a push or fetch. */
  onRequest?: (request: { method: string; url: string; service?: string }) => Promise<void> | void
}

export interface GitServer {
  /** `http://127.0.0.1:<port>`, the stand-in for GITHUB_SERVER_URL. */
  url: string
  /** Directory holding `<owner>/<name>.git`. */
  root: string
  requests: GitRequest[]
  /** Creates `owner/name` with one commit holding `files` on `branch`; returns the commit. */
  createRepository(
    name: string,
    files: Record<string, string | Buffer>,
    options?: { branch?: string; defaultBranch?: string }
  ): Promise<string>
  /** Adds a commit to `branch` of `name` directly on the server, as another writer would. */
  commitFiles(name: string, branch: string, files: Record<string, string | Buffer>, message?: string): Promise<string>
  /** The bytes of `path` at `ref` in `name`. */
  readFile(name: string, ref: string, path: string): Promise<Buffer>
  /** `git` run in the bare repository `name` (rev-parse, log, ...); returns stdout. */
  git(name: string, args: string[]): Promise<string>
  close(): Promise<void>
}

export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const root = await mkdtemp(join(tmpdir(), 'git-server-'))
  const requests: GitRequest[] = []
  const bare = (name: string): string => join(root, `${name}.git`)
  const git = async (name: string, args: string[]): Promise<string> =>
    (await run('git', args, { cwd: bare(name), maxBuffer: 64 << 20, env: gitEnvironment })).stdout

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(String(error))
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const service = url.searchParams.get('service') ?? /\/(git-(?:upload|receive)-pack)$/.exec(url.pathname)?.[1]
    const record: GitRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      service,
      authorization: request.headers.authorization,
      status: 0
    }
    requests.push(record)
    await options.onRequest?.({ method: record.method, url: record.url, service })
    if (options.token && !carriesToken(request.headers.authorization, options.token)) {
      record.status = 401
      request.resume()
      response.writeHead(401, { 'www-authenticate': 'Basic realm="test"', 'content-type': 'text/plain' })
      response.end('token required\n')
      return
    }
    await cgi(request, response, url, record)
  }

  function cgi(request: IncomingMessage, response: ServerResponse, url: URL, record: GitRequest): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['http-backend'], {
        env: {
          ...gitEnvironment,
          GIT_PROJECT_ROOT: root,
          GIT_HTTP_EXPORT_ALL: '1',
          // http-backend only accepts pushes from an authenticated user (or with http.receivepack).
          REMOTE_USER: 'tester',
          REMOTE_ADDR: '127.0.0.1',
          PATH_INFO: decodeURIComponent(url.pathname),
          QUERY_STRING: url.search.slice(1),
          REQUEST_METHOD: request.method ?? 'GET',
          CONTENT_TYPE: request.headers['content-type'] ?? '',
          HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
          GIT_PROTOCOL: String(request.headers['git-protocol'] ?? '')
        },
        stdio: ['pipe', 'pipe', 'pipe']
      })
      request.pipe(child.stdin)
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      let head = Buffer.alloc(0)
      let headersDone = false
      child.stdout.on('data', (chunk: Buffer) => {
        if (headersDone) {
          response.write(chunk)
          return
        }
        head = Buffer.concat([head, chunk])
        const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n')
        if (end < 0) return
        const separator = head.indexOf('\r\n\r\n') === end ? 4 : 2
        const headers: Record<string, string> = {}
        let status = 200
        for (const line of head.subarray(0, end).toString().split(/\r?\n/)) {
          const colon = line.indexOf(':')
          const key = line.slice(0, colon).trim()
          const value = line.slice(colon + 1).trim()
          if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10)
          else headers[key] = value
        }
        record.status = status
        response.writeHead(status, headers)
        headersDone = true
        response.write(head.subarray(end + separator))
      })
      child.on('error', reject)
      child.on('close', (code) => {
        if (!headersDone) {
          record.status = 500
          response.writeHead(500, { 'content-type': 'text/plain' })
          response.end(`git http-backend exited ${code}: ${stderr}`)
        } else response.end()
        resolve()
      })
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const commitFiles = async (name: string, branch: string, files: Record<string, string | Buffer>, message = 'update'): Promise<string> => {
    // Built in a scratch clone so the server's repository only ever changes through git.
    const scratch = await mkdtemp(join(tmpdir(), 'git-scratch-'))
    try {
      const inScratch = async (args: string[]): Promise<string> => (await run('git', args, { cwd: scratch, env: gitEnvironment })).stdout
      await inScratch(['init', '--quiet'])
      const exists = (await git(name, ['for-each-ref', `refs/heads/${branch}`])).trim() !== ''
      if (exists) {
        await inScratch(['fetch', '--quiet', bare(name), `refs/heads/${branch}`])
        await inScratch(['checkout', '--quiet', '-B', branch, 'FETCH_HEAD'])
      } else {
        await inScratch(['checkout', '--quiet', '-B', branch])
      }
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(scratch, path)), { recursive: true })
        await writeFile(join(scratch, path), content)
      }
      await inScratch(['add', '--all'])
      await inScratch(['commit', '--quiet', '--allow-empty', '-m', message])
      await inScratch(['push', '--quiet', bare(name), `HEAD:refs/heads/${branch}`])
      return (await inScratch(['rev-parse', 'HEAD'])).trim()
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    root,
    requests,
    git,
    commitFiles,
    async createRepository(name, files, { branch = 'main', defaultBranch = branch } = {}) {
      await mkdir(bare(name), { recursive: true })
      await run('git', ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, bare(name)], { env: gitEnvironment })
      return commitFiles(name, branch, files, 'initial')
    },
    async readFile(name, ref, path) {
      const { stdout } = await run('git', ['cat-file', 'blob', `${ref}:${path}`], {
        cwd: bare(name),
        encoding: 'buffer',
        maxBuffer: 64 << 20,
        env: gitEnvironment
      })
      return stdout
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(root, { recursive: true, force: true })
    }
  }
}

/** A fixed identity and no user or system config, so the harness behaves the same everywhere. */
const gitEnvironment: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Harness',
  GIT_AUTHOR_EMAIL: 'harness@example.test',
  GIT_COMMITTER_NAME: 'Harness',
  GIT_COMMITTER_EMAIL: 'harness@example.test'
}

function carriesToken(header: string | undefined, token: string): boolean {
  if (!header) return false
  const [scheme, value = ''] = header.split(' ', 2)
  if (/^bearer$/i.test(scheme)) return value === token
  if (!/^basic$/i.test(scheme)) return false
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  return decoded.slice(decoded.indexOf(':') + 1) === token
}
