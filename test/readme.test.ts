// README.md's workflow examples are whole and correct: every ```yaml block that is a workflow (has
// `jobs:`) passes actionlint, reads only steps it defines, gives digest-release (the action or the
// reusable workflow) only what it declares, and asks for the permissions the action needs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from './harness/action.js'
import { actionlint, workflowProblems, type Workflow } from './action/workflows.js'

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

/** Every ```yaml block of README.md, with the line it starts on. */
function yamlBlocks(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = []
  for (const match of markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm))
    blocks.push({ line: markdown.slice(0, match.index).split('\n').length, text: match[1] })
  return blocks
}

const workflows = yamlBlocks(readme)
  .filter((block) => /^jobs:/m.test(block.text))
  .map((block) => ({ ...block, name: `readme-line-${block.line}.yml`, workflow: parse(block.text) as Workflow }))

const NEEDED = { contents: 'read', packages: 'write', 'id-token': 'write', attestations: 'write' }

test('README has its workflow examples: the action, and the reusable workflow', () => {
  assert.ok(workflows.length >= 2, `${workflows.length} workflows`)
  const uses = workflows.flatMap(({ workflow }) =>
    Object.values(workflow.jobs).flatMap((job) => [job.uses, ...(job.steps ?? []).map((step) => step.uses)])
  )
  assert.ok(uses.some((u) => u?.startsWith('digest-release/digest-release@')))
  assert.ok(uses.some((u) => u?.startsWith('digest-release/digest-release/.github/workflows/release.yml@')))
  // Every yaml block parses, fragments too.
  for (const block of yamlBlocks(readme)) assert.doesNotThrow(() => parse(block.text), `README.md line ${block.line}`)
})

test("README's workflow examples pass actionlint", async () => {
  assert.deepEqual(await actionlint(workflows.map(({ name, text }) => ({ name, text }))), [])
})

test("README's workflow examples read only steps they define, and give digest-release only what it declares", () => {
  const problems = workflows.flatMap(({ name, workflow }) => workflowProblems(workflow, `README.md (${name})`))
  assert.deepEqual(problems, [])
  // The "Use it" example mints the deploy token it gives.
  const useIt = workflows[0].workflow.jobs.release
  const ids = (useIt.steps ?? []).map((step) => step.id)
  assert.ok(ids.includes('app-token') && ids.indexOf('app-token') < ids.indexOf('release'), 'the app-token step comes first')
  const appToken = useIt.steps?.find((step) => step.id === 'app-token')
  assert.match(String(appToken?.uses), /^actions\/create-github-app-token@/)
})

test('each job of the examples that runs digest-release has the permissions it needs, and no more at the top', () => {
  for (const { name, workflow } of workflows) {
    assert.deepEqual((workflow as { permissions?: unknown }).permissions, {}, `${name}: permissions: {} at the top`)
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
      const runs = job.uses?.startsWith('digest-release/') || job.steps?.some((step) => step.uses?.startsWith('digest-release/'))
      // A promotion signs nothing: it reads and copies evidence, so it needs no token for Sigstore or the attestations API.
      const promotes = job.steps?.some(
        (step) => step.uses?.startsWith('digest-release/') && (step.with as Record<string, unknown> | undefined)?.source
      )
      if (runs) assert.deepEqual(job.permissions, promotes ? { contents: 'read', packages: 'write' } : NEEDED, `${name} job ${jobName}`)
    }
  }
  // What the prose claims of the permissions, said once for the action.
  assert.match(readme, /attestations: write +# digest-release also stores its attestations in the repository's GitHub attestations API/)
})
