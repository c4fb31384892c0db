// Where the deploy step sends things: remote URL, GitHub API, GraphQL endpoint, default branch name.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { defaultBranchName, resolveRemote } from '../../src/steps/deploy.js'
import { graphqlUrl } from '../../src/github/endpoints.js'
import { commitSubject } from '../../src/gitops/message.js'
import { shortDigest } from '../../src/oci/digest.js'
import { parseReference } from '../../src/oci/reference.js'
import { DeployError } from '../../src/gitops/errors.js'

test('owner/name is a repository on the GitHub server; a URL on that server keeps its API; other URLs have none', () => {
  assert.deepEqual(resolveRemote('team/deploy', 'https://github.com/'), {
    url: 'https://github.com/team/deploy.git',
    github: { owner: 'team', repo: 'deploy' }
  })
  assert.deepEqual(resolveRemote('https://ghes.example/team/deploy.git', 'https://ghes.example'), {
    url: 'https://ghes.example/team/deploy.git',
    github: { owner: 'team', repo: 'deploy' }
  })
  assert.deepEqual(resolveRemote('https://gitlab.example/team/deploy.git', 'https://github.com'), {
    url: 'https://gitlab.example/team/deploy.git',
    github: undefined
  })
  assert.deepEqual(resolveRemote('/tmp/deploy.git', 'https://github.com'), { url: '/tmp/deploy.git', github: undefined })
  assert.throws(() => resolveRemote('https://x:secret@github.com/team/deploy.git', 'https://github.com'), DeployError)
})

test('GraphQL lives at /graphql on github.com and at /api/graphql on GHES', () => {
  assert.equal(graphqlUrl('https://api.github.com'), 'https://api.github.com/graphql')
  assert.equal(graphqlUrl('https://ghes.example/api/v3/'), 'https://ghes.example/api/graphql')
  assert.equal(graphqlUrl('http://127.0.0.1:4000'), 'http://127.0.0.1:4000/graphql')
})

test('the default branch is one per image and base, and a valid ref', () => {
  assert.equal(defaultBranchName(parseReference('127.0.0.1:5000/team/app'), 'main'), 'digest-release/127.0.0.1-5000-team-app/main')
  assert.equal(defaultBranchName(parseReference('nginx'), 'release/1.x'), 'digest-release/nginx/release/1.x')
  assert.equal(defaultBranchName(parseReference('ghcr.io/Org-Name/app'.toLowerCase()), 'main'), 'digest-release/ghcr.io-org-name-app/main')
})

test('commit subjects follow Conventional Commits with a short digest', () => {
  const digest = `sha256:${'ab'.repeat(32)}`
  assert.equal(shortDigest(digest), 'sha256:abababababab')
  assert.equal(commitSubject({ image: 'app', digest }), 'chore(deploy): pin app to sha256:abababababab')
})
