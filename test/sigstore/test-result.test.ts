// Test results from real JUnit XML, written by Node's own test runner (--test-reporter=junit), become
// an in-toto test-result v0.1 predicate: PASSED unless a test failed or errored; skipped tests change nothing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { junitReport } from '../harness/junit.js'
import { buildTestResultPredicate, JUnitError, parseJUnit } from '../../src/sigstore/test-result.js'
import { sha256Of } from '../../src/oci/digest.js'

const TWELVE_AND_A_SKIP = `import { test } from 'node:test'
for (let i = 0; i < 12; i++) test('passes ' + i, () => {})
test('not today', { skip: true }, () => {})
`

test('12 passing tests and 1 skipped: PASSED, with the 12 named, the file named by its digest', () => {
  const report = junitReport(TWELVE_AND_A_SKIP)
  const file = parseJUnit('reports/unit.xml', report)
  assert.equal(file.passed.length, 12)
  assert.equal(file.skipped, 1)
  const predicate = buildTestResultPredicate([file], 'https://github.com/octo-org/app/actions/runs/42')
  assert.equal(predicate.result, 'PASSED')
  assert.equal(predicate.passedTests.length, 12)
  assert.ok(predicate.passedTests.includes('test.passes 0'))
  assert.deepEqual(predicate.failedTests, [])
  assert.deepEqual(predicate.configuration, [{ name: 'reports/unit.xml', digest: { sha256: sha256Of(report).slice(7) } }])
  assert.equal(predicate.url, 'https://github.com/octo-org/app/actions/runs/42')
})

test('one failing test makes the whole result FAILED, and names it', () => {
  const failing = parseJUnit(
    'b.xml',
    junitReport(`import { test } from 'node:test'\ntest('fine', () => {})\ntest('broken', () => { throw new Error('no') })\n`)
  )
  const passing = parseJUnit('a.xml', junitReport(TWELVE_AND_A_SKIP))
  const predicate = buildTestResultPredicate([passing, failing])
  assert.equal(predicate.result, 'FAILED')
  assert.deepEqual(predicate.failedTests, ['test.broken'])
  assert.equal(predicate.passedTests.length, 13)
})

test('Surefire-style nesting (testsuites > testsuite > testcase) with errors counted as failures', () => {
  const xml = `<?xml version="1.0"?><testsuites><testsuite name="s"><testcase classname="com.acme.A" name="ok"/><testcase classname="com.acme.A" name="boom"><error message="NPE"/></testcase><testcase classname="com.acme.A" name="later"><skipped/></testcase></testsuite></testsuites>`
  const file = parseJUnit('TEST-com.acme.A.xml', Buffer.from(xml))
  assert.deepEqual([file.passed, file.failed, file.skipped], [['com.acme.A.ok'], ['com.acme.A.boom'], 1])
})

test('a file that is not JUnit XML is refused, naming it', () => {
  assert.throws(
    () => parseJUnit('coverage.json', Buffer.from('{"lines": 90}')),
    (error: unknown) => error instanceof JUnitError && /coverage\.json is (not XML|XML but not a JUnit report)/.test(error.message)
  )
  assert.throws(
    () => parseJUnit('pom.xml', Buffer.from('<project><modelVersion>4.0.0</modelVersion></project>')),
    /pom\.xml is XML but not a JUnit report/
  )
})
