// Registry authentication through the bundled action, against the real registry in its own auth
// modes: Basic (htpasswd) and the Bearer token challenge (token auth with a loopback token service),
// with credentials from the inputs, the Docker config and a credential helper. Secrets are masked.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import { startRegistry } from '../../harness/registry.js'
import { startTokenServer } from '../../harness/token-server.js'
import { runAction, type ActionRun } from '../../harness/action.js'
import { writeLayout, randomLayer, type BuiltLayout } from '../../harness/layouts.js'
import { OFF } from '../../harness/inputs.js'
import { testScope } from '../../harness/scope.js'

const PASSWORD = 's3cret-Pa55word-for-tests'
const scope = testScope()
const work = scope.tempDir('dr-auth-')
const basic = scope.server(() => startRegistry({ htpasswd: `ci:${bcrypt.hashSync(PASSWORD, 10)}\n` }))
const tokenServer = scope.server(() => startTokenServer({ ci: PASSWORD }))
const tokenRegistry = scope.server(async () => {
  const rootCert = join(work, 'token-root.pem')
  await writeFile(rootCert, tokenServer.rootCertificatePem)
  return startRegistry({ auth: tokenServer.registryConfig(rootCert) })
})
let layout: BuiltLayout
before(async () => {
  layout = await writeLayout(join(work, 'layout'), { images: [{ layers: [randomLayer(2000)] }] })
})

/** A secret may appear only in the runner's mask command, nowhere else the user could see. */
function assertMasked(run: ActionRun, secret: string): void {
  assert.ok(run.stdout.includes(`::add-mask::${secret}`), 'the secret was masked')
  const elsewhere = run.stdout.replaceAll(`::add-mask::${secret}`, '') + run.stderr + run.summary + JSON.stringify(run.outputs)
  assert.ok(!elsewhere.includes(secret), 'the secret shows nowhere else')
}

/** Pushes the layout as `image:v1` with the given inputs, nothing signed. */
const push = (image: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> =>
  runAction({ layout: layout.dir, image, tags: 'v1', ...inputs, ...OFF }, env)
const CREDENTIALS = { username: 'ci', password: PASSWORD }

test('Basic: username and password inputs push; the password is masked', async () => {
  const run = await push(`${basic.host}/team/basic`, CREDENTIALS)
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs.digest, layout.top.digest)
  assert.match(run.stdout, /registry credentials: inputs/)
  assertMasked(run, PASSWORD)
})

test('Basic: a wrong password or none fails with the 401 and what to do', async () => {
  for (const inputs of [{ username: 'ci', password: 'wrong' }, {}] as Array<Record<string, string>>) {
    const run = await push(`${basic.host}/team/basic-denied`, inputs)
    assert.equal(run.exitCode, 1)
    assert.match(
      run.errors[0],
      /answered 401.*the registry wants credentials; give `username`\/`password`, log in with docker\/login-action/
    )
  }
})

test('Bearer: the client follows the challenge to the token service with its credentials and scope; the token is masked', async () => {
  const repo = 'team/bearer'
  const run = await push(`${tokenRegistry.host}/${repo}`, CREDENTIALS)
  assert.equal(run.exitCode, 0, run.stdout)
  assert.equal(run.outputs.digest, layout.top.digest)
  const request = tokenServer.requests.find((r) => r.granted)!
  assert.equal(request.service, tokenServer.service)
  assert.equal(request.user, 'ci')
  assert.ok(request.scopes.includes(`repository:${repo}:pull,push`), `scopes: ${request.scopes.join(' ')}`)
  for (const token of tokenServer.issued) assertMasked(run, token)
  assertMasked(run, PASSWORD)

  const denied = await runAction({ layout: layout.dir, image: `${tokenRegistry.host}/${repo}`, username: 'ci', password: 'wrong', ...OFF })
  assert.equal(denied.exitCode, 1)
  assert.match(denied.errors[0], /token request to http:\/\/127\.0\.0\.1:\d+\/token answered 401: the credentials were refused/)
})

test('the Docker config: `auths` entries and credential helpers, as docker/login-action leaves them', async () => {
  const auth = Buffer.from(`ci:${PASSWORD}`).toString('base64')
  const configDir = join(work, 'docker-auths')
  await mkdir(configDir, { recursive: true })
  await writeFile(join(configDir, 'config.json'), JSON.stringify({ auths: { [basic.host]: { auth } } }))
  const fromAuths = await push(`${basic.host}/team/from-config`, {}, { DOCKER_CONFIG: configDir })
  assert.equal(fromAuths.exitCode, 0, fromAuths.stdout)
  assert.match(fromAuths.stdout, /registry credentials: docker-config/)
  assertMasked(fromAuths, PASSWORD)

  // A credential helper: `docker-credential-<name> get`, the server on stdin, JSON on stdout.
  const bin = join(work, 'bin')
  await mkdir(bin, { recursive: true })
  const log = join(work, 'helper.log')
  await writeFile(
    join(bin, 'docker-credential-testhelper'),
    `#!/bin/sh\n[ "$1" = get ] || exit 3\nread server\necho "$server" >> '${log}'\n[ "$server" = '${basic.host}' ] || { echo "credentials not found in native keychain"; exit 1; }\nprintf '{"ServerURL":"%s","Username":"ci","Secret":"${PASSWORD}"}' "$server"\n`
  )
  await chmod(join(bin, 'docker-credential-testhelper'), 0o755)
  const helperDir = join(work, 'docker-helper')
  await mkdir(helperDir, { recursive: true })
  await writeFile(join(helperDir, 'config.json'), JSON.stringify({ credHelpers: { [basic.host]: 'testhelper' } }))
  const fromHelper = await push(`${basic.host}/team/from-helper`, {}, { DOCKER_CONFIG: helperDir, PATH: `${bin}:${process.env.PATH}` })
  assert.equal(fromHelper.exitCode, 0, fromHelper.stdout)
  assert.match(fromHelper.stdout, /registry credentials: credential-helper/)
  assertMasked(fromHelper, PASSWORD)

  // A helper that fails is named in the error.
  await writeFile(join(helperDir, 'config.json'), JSON.stringify({ credHelpers: { [basic.host]: 'missinghelper' } }))
  const broken = await runAction(
    { layout: layout.dir, image: `${basic.host}/team/from-helper`, ...OFF },
    { DOCKER_CONFIG: helperDir, PATH: `${bin}:${process.env.PATH}` }
  )
  assert.equal(broken.exitCode, 1)
  assert.match(broken.errors[0], /docker-credential-missinghelper get failed/)
})

test('Bearer: a burst of requests refused at once costs one token, and a request sent before the token came still succeeds', async () => {
  const { RegistryClient } = await import('../../../src/oci/registry/client.js')
  const client = new RegistryClient({ registry: tokenRegistry.host, repository: 'team/burst', credential: CREDENTIALS })
  const before = tokenServer.requests.length
  const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => client.blobExists(`sha256:${String(i).repeat(64)}`)))
  assert.deepEqual(answers, Array(8).fill(false))
  assert.equal(tokenServer.requests.length - before, 1, 'one token request for the eight')
})
