// Test results as an in-toto test-result v0.1 predicate
// (https://github.com/in-toto/attestation/blob/main/spec/predicates/test-result.md), from JUnit XML:
// the de-facto format every test runner writes (Surefire, pytest, Jest, go-junit-report, node --test).
import { XMLParser } from 'fast-xml-parser'
import { sha256Of } from '../oci/digest.js'

export interface JUnitFile {
  /** The path as found, for the configuration's name. */
  path: string
  /** sha256 of the file's bytes. */
  digest: string
  passed: string[]
  failed: string[]
  skipped: number
}

export interface TestResultPredicate {
  result: 'PASSED' | 'WARNED' | 'FAILED'
  configuration: Array<{ name: string; digest: Record<string, string> }>
  url?: string
  passedTests: string[]
  warnedTests: string[]
  failedTests: string[]
}

export class JUnitError extends Error {
  override name = 'JUnitError'
}

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // JUnit elements that may repeat are always lists, however many there are.
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  processEntities: true
})

/** Reads one JUnit XML file: every test case, by `classname.name`, passed or failed (errors count as failures). */
export function parseJUnit(path: string, bytes: Buffer): JUnitFile {
  let document: XmlNode
  try {
    document = parser.parse(bytes.toString('utf8')) as XmlNode
  } catch (error) {
    throw new JUnitError(`${path} is not XML (${(error as Error).message.split('\n')[0]}); give JUnit XML test reports`)
  }
  const root = (document.testsuites ?? document.testsuite) as XmlNode | XmlNode[] | undefined
  if (!root) throw new JUnitError(`${path} is XML but not a JUnit report (no <testsuites> or <testsuite>); give JUnit XML test reports`)
  const result: JUnitFile = { path, digest: sha256Of(bytes), passed: [], failed: [], skipped: 0 }
  const visit = (suite: XmlNode): void => {
    for (const child of (suite.testsuite as XmlNode[] | undefined) ?? []) visit(child)
    for (const testcase of (suite.testcase as XmlNode[] | undefined) ?? []) {
      const name = [testcase['@classname'], testcase['@name']].filter((part) => typeof part === 'string' && part !== '').join('.')
      if (testcase.failure || testcase.error) result.failed.push(name)
      else if (testcase.skipped) result.skipped++
      else result.passed.push(name)
    }
  }
  for (const suite of Array.isArray(root) ? root : [root]) visit(suite)
  return result
}

/** One predicate over every file: FAILED when any test failed or errored; skipped tests change nothing. */
export function buildTestResultPredicate(files: JUnitFile[], url?: string): TestResultPredicate {
  const failedTests = files.flatMap((file) => file.failed)
  return {
    result: failedTests.length > 0 ? 'FAILED' : 'PASSED',
    configuration: files.map((file) => ({ name: file.path, digest: { sha256: file.digest.slice('sha256:'.length) } })),
    ...(url ? { url } : {}),
    passedTests: files.flatMap((file) => file.passed),
    warnedTests: [],
    failedTests
  }
}
