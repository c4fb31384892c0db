// Renders README's input and output tables from action.yml, between marker comments.
// `--check` exits non-zero when README.md differs from what action.yml says (CI and a test run it).
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()

export function renderTables(actionYaml: string): { inputs: string; outputs: string } {
  const action = parse(actionYaml) as ActionYaml
  const inputs = ['| input | description | default |', '|---|---|---|']
  for (const [name, spec] of Object.entries(action.inputs)) {
    const fallback = spec.required
      ? '**required**'
      : spec.default === undefined || String(spec.default).trim() === ''
        ? ''
        : `\`${cell(String(spec.default))}\``
    inputs.push(`| \`${name}\` | ${cell(spec.description)} | ${fallback} |`)
  }
  const outputs = ['| output | description |', '|---|---|']
  for (const [name, spec] of Object.entries(action.outputs)) outputs.push(`| \`${name}\` | ${cell(spec.description)} |`)
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') }
}

export function spliceTables(readme: string, tables: { inputs: string; outputs: string }): string {
  let text = readme
  for (const kind of ['inputs', 'outputs'] as const) {
    const start = `<!-- ${kind}:start -->`
    const end = `<!-- ${kind}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to === -1 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`)
    text = `${text.slice(0, from + start.length)}\n${tables[kind]}\n${text.slice(to)}`
  }
  return text
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const updated = spliceTables(readme, renderTables(readFileSync(join(root, 'action.yml'), 'utf8')))
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md tables differ from action.yml: run `npm run docs`')
      process.exit(1)
    }
  } else writeFileSync(readmePath, updated)
}
