// The reusable workflow .github/workflows/release.yml: actionlint passes, every output it declares is
// an output of the action, every input it gives the action is one action.yml declares, and each of
// its own inputs and secrets reaches the action.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { action, actionlint, RELEASE_YML, reusable, workflowProblems, type Step, type Workflow } from './workflows.js'

const run = promisify(execFile)
const workflow = parse(RELEASE_YML) as Workflow & {
  jobs: Record<string, { permissions?: Record<string, string>; outputs?: Record<string, string>; steps: Step[] }>
}
const job = workflow.jobs.release
const actionStep = job.steps.find((step) => step.uses?.startsWith('digest-release/digest-release@'))

test('release.yml passes actionlint', async () => {
  assert.deepEqual(await actionlint([{ name: 'release.yml', text: RELEASE_YML }]), [])
})

test("release.yml's outputs are the action's outputs, through its job", () => {
  assert.ok(actionStep?.id, 'the action step has an id')
  const outputs = Object.entries(reusable.outputs as Record<string, { value: string }>)
  assert.deepEqual(outputs.map(([name]) => name).sort(), ['digest', 'image-ref', 'platform-digests', 'pull-request-url'])
  for (const [name, { value }] of outputs) {
    const viaJob = /^\$\{\{ jobs\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(value)
    assert.ok(viaJob, `${name}: ${value}`)
    const [, jobName, jobOutput] = viaJob
    const jobValue = workflow.jobs[jobName]?.outputs?.[jobOutput]
    assert.ok(jobValue, `job ${jobName} has output ${jobOutput}`)
    const viaStep = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(jobValue)
    assert.ok(viaStep, `${jobName}.${jobOutput}: ${jobValue}`)
    assert.equal(viaStep[1], actionStep.id, `${name} comes from the action step`)
    assert.ok(viaStep[2] in action.outputs, `${name}: action.yml declares output ${viaStep[2]}`)
    assert.equal(viaStep[2], name, 'named as the action names it')
  }
})

test('release.yml gives the action only inputs action.yml declares, and every knob it offers reaches the action', () => {
  assert.ok(actionStep?.with)
  for (const key of Object.keys(actionStep.with)) assert.ok(key in action.inputs, `action.yml declares input ${key}`)
  for (const knob of [
    'image',
    'platforms',
    'tags',
    'mutable-tags',
    'sign',
    'sbom',
    'sbom-format',
    'deploy-repository',
    'deploy-paths',
    'deploy-mode',
    'auto-merge'
  ])
    assert.ok(knob in reusable.inputs, `release.yml has input ${knob}`)
  const given = JSON.stringify(actionStep.with)
  for (const name of Object.keys(reusable.inputs)) {
    if (['context', 'file', 'platforms'].includes(name)) continue // the build's, not the action's
    assert.equal(actionStep.with[name], `\${{ inputs.${name} }}`, `input ${name} is passed to the action as itself`)
  }
  const secrets = (reusable as unknown as { secrets: Record<string, unknown> }).secrets
  assert.deepEqual(Object.keys(secrets).sort(), ['deploy-token', 'registry-password', 'registry-username'])
  assert.equal(actionStep.with.username, '${{ secrets.registry-username }}')
  assert.equal(actionStep.with.password, '${{ secrets.registry-password }}')
  assert.equal(actionStep.with['deploy-token'], '${{ secrets.deploy-token }}')
  for (const name of Object.keys(secrets)) assert.ok(given.includes(`secrets.${name}`), `secret ${name} reaches the action`)
  assert.deepEqual(workflowProblems(workflow, 'release.yml'), [])
})

test('release.yml builds the platforms it is given, with QEMU for those the runner cannot run, and has the permissions the action needs', () => {
  const text = JSON.stringify(job.steps)
  assert.match(text, /--platform \\"\$PLATFORMS\\"/)
  const qemu = job.steps.find((step) => step.uses?.startsWith('docker/setup-qemu-action@'))
  assert.ok(qemu, 'docker/setup-qemu-action is a step')
  const condition = /^steps\.([\w-]+)\.outputs\.qemu == 'true'$/.exec(String(qemu.if))
  assert.ok(condition, `QEMU is set up on a condition: ${String(qemu.if)}`)
  const decide = job.steps.find((step) => step.id === condition[1])
  assert.ok(decide?.run && job.steps.indexOf(decide) < job.steps.indexOf(qemu))
  assert.ok(job.steps.indexOf(qemu) < job.steps.findIndex((step) => step.uses?.startsWith('docker/setup-buildx-action@')))
  assert.deepEqual(job.permissions, { contents: 'read', packages: 'write', 'id-token': 'write', attestations: 'write' })
  assert.deepEqual(workflow.permissions, {})
})

test("release.yml's QEMU decision: only platforms other than the runner's need it", async () => {
  const decide = job.steps.find((step) => step.id === 'platforms')
  assert.ok(decide?.run)
  const dir = await mkdtemp(join(tmpdir(), 'dr-qemu-'))
  try {
    const qemu = async (platforms: string, arch: string): Promise<string> => {
      const output = join(dir, 'output')
      await writeFile(output, '')
      await run('bash', ['-e', '-c', decide.run as string], {
        env: { PATH: process.env.PATH, PLATFORMS: platforms, RUNNER_ARCH: arch, GITHUB_OUTPUT: output }
      })
      return (await readFile(output, 'utf8')).trim()
    }
    assert.equal(await qemu('linux/amd64', 'X64'), 'qemu=false')
    assert.equal(await qemu('linux/arm64', 'ARM64'), 'qemu=false')
    assert.equal(await qemu('linux/arm64', 'X64'), 'qemu=true')
    assert.equal(await qemu('linux/amd64,linux/arm64', 'X64'), 'qemu=true')
    assert.equal(await qemu('linux/amd64, linux/amd64', 'X64'), 'qemu=false')
    assert.equal(await qemu('linux/amd64', 'ARM64'), 'qemu=true')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('the workflow checks find what they are meant to find', async () => {
  const bad = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      digest: \${{ steps.nope.outputs.digest }}
    steps:
      - run: echo \${{ steps.later.outputs.x }}
      - id: later
        uses: digest-release/digest-release@v1
        with:
          image: ghcr.io/o/a
          colour: blue
      - run: echo \${{ steps.later.outputs.not-an-output }}
  b:
    uses: digest-release/digest-release/.github/workflows/release.yml@v1
    with:
      image: ghcr.io/o/a
      colour: blue
    secrets:
      token: x
  c:
    needs: b
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ needs.b.outputs.not-an-output }}
`
  const problems = workflowProblems(parse(bad) as Workflow, 'bad.yml').join('\n')
  for (const pattern of [
    /job a step 1 reads steps\.later, but no step before it in job a has id: later/,
    /job a step later gives digest-release `colour`, which is not an input of action.yml/,
    /reads steps\.later\.outputs\.not-an-output, which action.yml does not declare/,
    /job a outputs reads steps\.nope/,
    /job b gives release.yml `colour`, which is not one of its inputs/,
    /job b gives release.yml the secret `token`/,
    /job c reads needs\.b\.outputs\.not-an-output, which release.yml does not declare/
  ])
    assert.match(problems, pattern)
  const lint = await actionlint([{ name: 'bad.yml', text: bad }])
  assert.ok(
    lint.some((finding) => /^bad\.yml:\d+:\d+: .*"nope"/.test(finding)),
    lint.join('\n')
  )
})
