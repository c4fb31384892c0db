// Unit tests: the WWW-Authenticate grammar and where credentials come from, in order.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseChallenge } from '../../../src/oci/registry/auth.js'
import { resolveCredential, credentialSecrets } from '../../../src/oci/registry/credentials.js'

test('challenges: quoted values with commas and escapes, several parameters, bare tokens', () => {
  assert.deepEqual(
    parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"'),
    {
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull,push' }
    }
  )
  assert.deepEqual(parseChallenge('Basic realm="say \\"hi\\""'), { scheme: 'basic', params: { realm: 'say "hi"' } })
  assert.deepEqual(parseChallenge('Bearer realm=https://x/t, service=s'), {
    scheme: 'bearer',
    params: { realm: 'https://x/t', service: 's' }
  })
})

test('credentials: inputs, then the Docker config, then the GitHub token for ghcr.io, then anonymous', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dr-creds-'))
  try {
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'registry.example': { auth: Buffer.from('robot:pw').toString('base64') },
          'https://index.docker.io/v1/': { identitytoken: 'refresh-me' }
        }
      })
    )
    assert.deepEqual(await resolveCredential({ registry: 'registry.example', username: 'u', password: 'p', dockerConfigDir: dir }), {
      credential: { username: 'u', password: 'p' },
      source: 'inputs'
    })
    assert.deepEqual(await resolveCredential({ registry: 'registry.example', dockerConfigDir: dir }), {
      credential: { username: 'robot', password: 'pw' },
      source: 'docker-config'
    })
    assert.deepEqual(await resolveCredential({ registry: 'docker.io', dockerConfigDir: dir }), {
      credential: { identityToken: 'refresh-me', username: undefined },
      source: 'docker-config'
    })
    assert.deepEqual(await resolveCredential({ registry: 'ghcr.io', githubToken: 'ghs_x', dockerConfigDir: dir }), {
      credential: { username: 'x-access-token', password: 'ghs_x' },
      source: 'github-token'
    })
    assert.deepEqual(await resolveCredential({ registry: 'quay.io', githubToken: 'ghs_x', dockerConfigDir: dir }), { source: 'anonymous' })
    await assert.rejects(resolveCredential({ registry: 'quay.io', username: 'only-user' }), /`username` and `password` go together/)
    assert.deepEqual(credentialSecrets({ username: 'u', password: 'p' }), ['p', Buffer.from('u:p').toString('base64')])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('credential helpers are asked with the server on stdin; a store that does not know the host is skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dr-creds-'))
  try {
    await writeFile(join(dir, 'config.json'), JSON.stringify({ credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' } }))
    const asked: string[] = []
    const runHelper = async (helper: string, server: string): Promise<string> => {
      asked.push(`${helper} ${server}`)
      if (helper === 'gcloud') return JSON.stringify({ Username: '_token', Secret: 'tok' })
      throw new Error('credentials not found in native keychain')
    }
    assert.deepEqual(await resolveCredential({ registry: 'gcr.io', dockerConfigDir: dir, runHelper }), {
      credential: { username: '_token', password: 'tok' },
      source: 'credential-helper'
    })
    assert.deepEqual(await resolveCredential({ registry: 'other.example', dockerConfigDir: dir, runHelper }), { source: 'anonymous' })
    assert.deepEqual(asked, ['gcloud gcr.io', 'desktop other.example'])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
