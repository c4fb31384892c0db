// The GitHub client through Octokit against the GitHub API stand-in (every request checked against
// GitHub's OpenAPI description): a secondary rate limit is waited out as Retry-After says, GitHub's
// message and documentation URL survive into the error, and an untrusted certificate fails at once,
// naming the host and NODE_EXTRA_CA_CERTS.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startGitHubApi } from '../harness/github-api.js'
import { startFaultProxy } from '../harness/fault-proxy.js'
import { startHostileFront, startRecordingServer } from '../harness/hostile-front.js'
import { makeTestCertificates } from '../harness/tls.js'
import { testScope } from '../harness/scope.js'
import { GitHubApiError, GitHubClient } from '../../src/github/client.js'

const scope = testScope()
const api = scope.server(() => startGitHubApi({ token: 'the-token' }))
const work = scope.tempDir('dr-github-client-')
const logger = { info() {}, warning() {}, debug() {} }

test('a secondary rate limit (403 with Retry-After) is waited out, then the call succeeds', async () => {
  api.addRepository('octo-org', 'limited', { defaultBranch: 'trunk' })
  const proxy = await startFaultProxy(new URL(api.url).host, [
    {
      method: 'GET',
      path: /^\/repos\/octo-org\/limited$/,
      fault: {
        kind: 'status',
        status: 403,
        headers: { 'Retry-After': '1' },
        body: JSON.stringify({ message: 'You have exceeded a secondary rate limit', documentation_url: 'https://docs.github.com/rest' })
      },
      times: 1
    }
  ])
  try {
    const started = Date.now()
    const info = await new GitHubClient(proxy.url, 'the-token', logger).getRepository('octo-org', 'limited')
    assert.equal(info.defaultBranch, 'trunk')
    assert.ok(Date.now() - started >= 900, `waited ${Date.now() - started} ms, as Retry-After asked`)
    assert.deepEqual(
      proxy.log.map((r) => `${r.method} ${r.path} ${r.fault ?? ''}`.trim()),
      ['GET /repos/octo-org/limited 403', 'GET /repos/octo-org/limited']
    )
    assert.deepEqual(api.violations, [])
  } finally {
    await proxy.close()
  }
})

test("an error keeps GitHub's status, message and documentation URL, and names the token to check", async () => {
  const client = new GitHubClient(api.url, 'a-wrong-token', logger)
  await assert.rejects(client.getRepository('octo-org', 'limited'), (error: unknown) => {
    assert.ok(error instanceof GitHubApiError)
    assert.equal(error.status, 401)
    assert.match(error.message, /^GET http:\/\/[\d.:]+\/repos\/octo-org\/limited returned 401: Bad credentials.*\(check `deploy-token`\)$/)
    return true
  })
  const proxy = await startFaultProxy(new URL(api.url).host, [
    {
      method: 'GET',
      path: /^\/repos\/octo-org\/limited$/,
      fault: {
        kind: 'status',
        status: 422,
        body: JSON.stringify({
          message: 'Validation Failed',
          documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository'
        })
      },
      times: 1
    }
  ])
  try {
    await assert.rejects(new GitHubClient(proxy.url, 'the-token', logger).getRepository('octo-org', 'limited'), (error: unknown) => {
      assert.ok(error instanceof GitHubApiError)
      assert.equal(error.status, 422)
      assert.match(error.message, /returned 422: Validation Failed \(https:\/\/docs\.github\.com\/rest\/repos\/repos#get-a-repository\)$/)
      return true
    })
    assert.equal(proxy.log.length, 1, 'a 422 is not retried')
  } finally {
    await proxy.close()
  }
  const missing = new GitHubClient(api.url, 'the-token', logger)
  await assert.rejects(missing.getRepository('octo-org', 'nowhere'), (error: unknown) => {
    assert.ok(error instanceof GitHubApiError)
    assert.equal(error.status, 404)
    assert.match(error.message, /returned 404: Not Found/)
    return true
  })
})

test('an API whose certificate is not trusted fails at once, naming the host and NODE_EXTRA_CA_CERTS', async () => {
  const certificates = await makeTestCertificates(work, ['api.internal.test'])
  const front = await startHostileFront(new URL(api.url).host, {}, { tls: certificates, hostname: '127.0.0.1' })
  try {
    const started = Date.now()
    const client = new GitHubClient(`https://127.0.0.1:${new URL(front.url).port}`, 'the-token', logger)
    await assert.rejects(client.getRepository('octo-org', 'limited'), (error: unknown) => {
      assert.ok(error instanceof GitHubApiError)
      assert.equal(error.status, undefined)
      assert.match(error.message, /certificate/i)
      assert.match(error.message, /127\.0\.0\.1/)
      assert.match(error.message, /NODE_EXTRA_CA_CERTS/)
      return true
    })
    assert.ok(Date.now() - started < 3000, `failed after ${Date.now() - started} ms, without retrying`)
  } finally {
    await front.close()
  }
})

test('an API that refuses connections is retried under the one policy, then named with the socket error', async () => {
  const closed = await startRecordingServer(() => ({ status: 200, body: '{}' }))
  const url = closed.url
  await closed.close()
  const retries: string[] = []
  const client = new GitHubClient(url, 'the-token', { ...logger, debug: (m: string) => retries.push(m) })
  await assert.rejects(client.getRepository('octo-org', 'gone'), (error: unknown) => {
    assert.ok(error instanceof GitHubApiError)
    assert.match(error.message, new RegExp(`^GET ${url.replace(/[.]/g, '\\.')}/repos/octo-org/gone: connect ECONNREFUSED`))
    return true
  })
  assert.ok(
    retries.some((m) => /retrying in/.test(m)),
    'a refused connection is worth another attempt'
  )
})
