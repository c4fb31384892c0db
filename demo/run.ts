// `npm run demo`: one whole release on this machine, no internet. It builds a small two-platform
// OCI layout, starts a registry, a Sigstore test instance with a runner-style OIDC endpoint, a git
// server with a deploy repository and a GitHub API stand-in, runs the bundled action exactly as a
// runner would, then prints the job summary, verifies the signature, and shows the deploy diff.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const MISSING: string[] = []
const need = (what: string, check: () => boolean, fix: string): void => {
  if (!check()) MISSING.push(`${what}: ${fix}`)
}
const runs = (cmd: string, args: string[]): boolean => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
need(
  'docker-registry (the CNCF distribution registry)',
  () => runs('docker-registry', ['--version']),
  'sudo apt-get install -y docker-registry'
)
need('git', () => runs('git', ['--version']), 'sudo apt-get install -y git')
need('git http-backend', () => existsSync('/usr/lib/git-core/git-http-backend'), 'sudo apt-get install -y git')
need('the bundled action', () => existsSync(new URL('../dist/index.js', import.meta.url)), 'npm run bundle')
if (MISSING.length) {
  console.error(`The demo needs:\n${MISSING.map((m) => `  - ${m}`).join('\n')}`)
  process.exit(1)
}

const { startRegistry } = await import('../test/harness/registry.js')
const { startGitServer } = await import('../test/harness/git-server.js')
const { startGitHubApi } = await import('../test/harness/github-api.js')
const { startOidcProvider } = await import('../test/harness/oidc.js')
const { startSigstore } = await import('../test/harness/sigstore.js')
const { verifySigstoreBundle } = await import('../test/harness/verify.js')
const { runAction } = await import('../test/harness/action.js')
const { writeLayout } = await import('../test/harness/layouts.js')

const step = (text: string): void => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`)
/**
 * The action's log as a runner would show it, folded: each step's group title with the time it
 * started, and its informational lines under it, so a step that takes a while (signing) is visibly
 * at work. Masks, debug lines and group ends are the runner's business and are left out.
 */
function showProgress(started: number): (line: string) => void {
  return (line) => {
    const at = `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`
    if (line.startsWith('::group::')) console.log(`${at}  \x1b[1m${line.slice('::group::'.length)}\x1b[0m`)
    else if (line.startsWith('::error')) console.log(`${at}  \x1b[31m${line.replace(/^::error[^:]*::/, '')}\x1b[0m`)
    else if (line.startsWith('::warning')) console.log(`${at}  \x1b[33m${line.replace(/^::warning[^:]*::/, '')}\x1b[0m`)
    else if (line.startsWith('::notice')) console.log(`${at}  ${line.replace(/^::notice[^:]*::/, '')}`)
    else if (!line.startsWith('::') && line.trim()) console.log(`${at}    \x1b[2m${line}\x1b[0m`)
  }
}

const cleanups: Array<() => Promise<void>> = []
let exitCode = 1

try {
  step('Building a two-platform OCI image layout (linux/amd64, linux/arm64)')
  const work = await mkdtemp(join(tmpdir(), 'digest-release-demo-'))
  cleanups.push(() => rm(work, { recursive: true, force: true }))
  const dpkgStatus = existsSync('/var/lib/dpkg/status')
    ? await readFile('/var/lib/dpkg/status')
    : Buffer.from('Package: base-files\nStatus: install ok installed\nVersion: 12.4\nArchitecture: amd64\n\n')
  const osRelease = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'
  const files = (arch: string) => ({
    'etc/os-release': osRelease,
    'var/lib/dpkg/status': dpkgStatus,
    'app/server.txt': `demo app for ${arch}\n`
  })
  const layout = await writeLayout(join(work, 'layout'), {
    images: [
      { platform: { os: 'linux', architecture: 'amd64' }, layers: [{ files: files('amd64') }] },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [{ files: files('arm64') }] }
    ]
  })
  console.log(`layout at ${layout.dir}, index ${layout.top.digest}`)

  step('Starting a registry, Sigstore (Fulcio + Rekor), an OIDC endpoint, a git server and a GitHub API stand-in')
  const registry = await startRegistry()
  cleanups.push(() => registry.close())
  const sigstore = await startSigstore()
  cleanups.push(() => sigstore.close())
  const oidc = await startOidcProvider()
  cleanups.push(() => oidc.close())
  const git = await startGitServer({ token: 'demo-deploy-token' })
  cleanups.push(() => git.close())
  const api = await startGitHubApi({ token: 'demo-deploy-token' })
  cleanups.push(() => api.close())
  const image = `${registry.host}/octo-org/app`
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}:v0.9.0   # bumped by digest-release
          ports:
            - containerPort: 8080
`
  await git.createRepository('octo-org/deploy', { 'apps/app/deployment.yaml': deployment, 'README.md': '# deploy repository\n' })
  api.addRepository('octo-org', 'deploy', { defaultBranch: 'main' })
  console.log(`registry ${registry.url}, Fulcio ${sigstore.fulcioUrl}, Rekor ${sigstore.rekorUrl}, git ${git.url}`)

  step('Running the bundled action (dist/index.js) as a runner would')
  const run = await runAction(
    {
      layout: layout.dir,
      image,
      tags: 'v1.0.0\nlatest',
      'mutable-tags': 'latest',
      'fulcio-url': sigstore.fulcioUrl,
      'rekor-url': sigstore.rekorUrl,
      'trusted-root': sigstore.trustedRootPath,
      'deploy-repository': 'octo-org/deploy',
      'deploy-token': 'demo-deploy-token'
    },
    {
      ...oidc.env(),
      GITHUB_SERVER_URL: git.url,
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_REPOSITORY_ID: '1',
      GITHUB_REPOSITORY_OWNER_ID: '2',
      GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: 'octo-org/app/.github/workflows/release.yml@refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_ENVIRONMENT: 'github-hosted'
    },
    { onLine: showProgress(Date.now()) }
  )
  if (run.exitCode !== 0) {
    console.error(run.stdout, run.stderr)
    throw new Error(`the action failed: ${run.errors.join('; ')}`)
  }

  step('Job summary ($GITHUB_STEP_SUMMARY)')
  console.log(run.summary)

  step('Verifying the stored signature with @sigstore/verify against the test instance’s trusted root')
  const bundle = JSON.parse(await readFile(run.outputs['signature-bundle-path'], 'utf8'))
  const verified = await verifySigstoreBundle(bundle, { trustedRoot: sigstore.trustedRoot, expectedDigest: run.outputs.digest })
  console.log(`signature verified: ${run.outputs.digest} signed by ${JSON.stringify(verified)}`)

  step(`Deploy pull request ${run.outputs['pull-request-url']} (${run.outputs['pull-request-operation']}): the diff`)
  console.log(await git.git('octo-org/deploy', ['diff', 'main', run.outputs['deploy-branch']]))

  console.log(`\n\x1b[1mdigest:\x1b[0m ${run.outputs.digest}\n\x1b[1mtags:\x1b[0m created ${run.outputs['tags-created']}\n`)
  exitCode = 0
} catch (error) {
  console.error(`\ndemo failed: ${(error as Error).message}`)
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
}
process.exit(exitCode)
