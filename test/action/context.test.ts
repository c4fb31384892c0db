// The runner context: GitHub's hosts as the runner names them, on github.com and on GitHub Enterprise Server.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readRunnerContext } from '../../src/action/context.js'

test('github.com: the API and GraphQL at api.github.com when the runner names nothing', () => {
  const context = readRunnerContext({})
  assert.equal(context.serverUrl, 'https://github.com')
  assert.equal(context.apiUrl, 'https://api.github.com')
  assert.equal(context.graphqlUrl, 'https://api.github.com/graphql')
})

test('GitHub Enterprise Server: GITHUB_GRAPHQL_URL as given; without it, /api/graphql beside /api/v3', () => {
  const ghes = { GITHUB_SERVER_URL: 'https://ghes.example/', GITHUB_API_URL: 'https://ghes.example/api/v3/' }
  assert.equal(
    readRunnerContext({ ...ghes, GITHUB_GRAPHQL_URL: 'https://ghes.example/api/graphql/' }).graphqlUrl,
    'https://ghes.example/api/graphql'
  )
  assert.equal(readRunnerContext(ghes).graphqlUrl, 'https://ghes.example/api/graphql')
  assert.equal(readRunnerContext(ghes).apiUrl, 'https://ghes.example/api/v3')
  const context = readRunnerContext({ ...ghes, GITHUB_REPOSITORY: 'octo-org/app', GITHUB_RUN_ID: '7' })
  assert.equal(context.runUrl, 'https://ghes.example/octo-org/app/actions/runs/7')
  // The runner's value wins even where it differs from the derivation.
  assert.equal(
    readRunnerContext({ ...ghes, GITHUB_GRAPHQL_URL: 'https://graphql.ghes.example' }).graphqlUrl,
    'https://graphql.ghes.example'
  )
})
