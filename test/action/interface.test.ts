// action.yml, README's tables and the design's interface (docs/interface.md) say the same thing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../harness/action.js'
import { renderTables, spliceTables } from '../../scripts/docs.js'

const actionText = readFileSync(join(repoRoot, 'action.yml'), 'utf8')
const action = parse(actionText) as {
  inputs: Record<string, { description?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

test('action.yml runs the committed bundle on node24 and documents every input and output', () => {
  assert.equal(action.runs.using, 'node24')
  assert.equal(action.runs.main, 'dist/index.js')
  assert.ok(existsSync(join(repoRoot, 'dist/index.js')))
  for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)])
    assert.ok(spec.description && spec.description.length > 10, `${name} has a description`)
})

test("README's input and output tables are what action.yml says", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  assert.equal(spliceTables(readme, renderTables(actionText)), readme, 'run `npm run docs`')
})

/** Names in the first column of the interface tables under a heading, split on commas. */
function designNames(design: string, header: string): string[] {
  const names: string[] = []
  for (const line of design.split('\n')) {
    const match = new RegExp(`^\\| (.+?) \\|`).exec(line)
    if (!match || match[1] === header || /^-+$/.test(match[1])) continue
    for (const name of match[1].matchAll(/`([a-z-]+)`/g)) names.push(name[1])
  }
  return names
}

test("docs/interface.md's tables match action.yml, input for input and output for output", () => {
  const design = readFileSync(join(repoRoot, 'docs', 'interface.md'), 'utf8')
  const interfacePart = design.slice(design.indexOf('## The interface'))
  const inputsPart = interfacePart.slice(0, interfacePart.indexOf('Outputs:'))
  const outputsPart = interfacePart.slice(interfacePart.indexOf('Outputs:'), interfacePart.indexOf('Hosts come from'))
  assert.ok(
    ['## The interface', 'Outputs:', 'Hosts come from'].every((mark) => design.includes(mark)),
    'docs/interface.md has the Inputs and Outputs tables'
  )
  assert.deepEqual(new Set(designNames(inputsPart, 'input')), new Set(Object.keys(action.inputs)))
  assert.deepEqual(new Set(designNames(outputsPart, 'output')), new Set(Object.keys(action.outputs)))
})
