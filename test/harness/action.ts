// Runs the bundled action (dist/index.js) exactly as a runner does: inputs as INPUT_* variables,
// outputs read back from $GITHUB_OUTPUT, the summary from $GITHUB_STEP_SUMMARY.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)))

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Lines the runner would show as errors (`::error::`). */
  errors: string[]
  runnerTemp: string
}

/** Defaults from action.yml, as the runner fills them in for inputs the workflow leaves out. */
async function actionDefaults(): Promise<Record<string, string>> {
  const action = parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined && !String(spec.default).includes('${{')) defaults[name] = String(spec.default)
  }
  return defaults
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (match) {
      const [, name, delimiter] = match
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=')
      outputs[lines[i].slice(0, eq)] = lines[i].slice(eq + 1)
    }
  }
  return outputs
}

/** The environment a runner gives the action: inputs as INPUT_* (with action.yml's defaults), output and summary files, RUNNER_TEMP. */
export async function actionEnvironment(
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<{ env: Record<string, string>; work: string; outputFile: string; summaryFile: string; runnerTemp: string }> {
  const work = await mkdtemp(join(tmpdir(), 'dr-run-'))
  const outputFile = join(work, 'output')
  const summaryFile = join(work, 'summary')
  const runnerTemp = join(work, 'runner-temp')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const { mkdir } = await import('node:fs/promises')
  await mkdir(runnerTemp)

  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? work,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: 'true',
    DOCKER_CONFIG: join(work, 'no-docker-config'),
    ...env
  }
  for (const [name, value] of Object.entries({ ...(await actionDefaults()), ...inputs })) {
    childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return { env: childEnv, work, outputFile, summaryFile, runnerTemp }
}

export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: { timeoutMs?: number; onLine?: (line: string) => void } = {}
): Promise<ActionRun> {
  const { env: childEnv, work, outputFile, summaryFile, runnerTemp } = await actionEnvironment(inputs, env)
  const child = spawn(process.execPath, [join(repoRoot, 'dist/index.js')], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let partial = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    if (!options.onLine) return
    const lines = (partial + d.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) options.onLine(line)
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000)
  const exitCode: number = await new Promise((r) => child.on('close', (code) => r(code ?? 1)))
  clearTimeout(timer)

  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
  const summary = await readFile(summaryFile, 'utf8')
  const errors = stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) =>
      l
        .replace(/^::error[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%')
    )
  await rm(join(work, 'output'), { force: true })
  return { exitCode, stdout, stderr, outputs, summary, errors, runnerTemp }
}
