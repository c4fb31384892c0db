// Real JUnit XML, written by Node's own test runner (--test-reporter=junit) for a test file given as source.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The environment without the parent test runner's, which would make the child report to it instead of writing JUnit. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.NODE_TEST_CONTEXT
  return env
}

/** Runs a node:test file with the JUnit reporter and returns the report (the run's exit code does not matter). */
export function junitReport(source: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'dr-junit-'))
  writeFileSync(join(dir, 'suite.test.mjs'), source)
  try {
    return execFileSync(process.execPath, ['--test', '--test-reporter=junit', join(dir, 'suite.test.mjs')], { cwd: dir, env: childEnv() })
  } catch (error) {
    return (error as { stdout: Buffer }).stdout
  }
}
