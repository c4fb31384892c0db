export const id = 700;
export const ids = [700];
export const modules = {

/***/ 72700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JUnitError: () => (/* binding */ JUnitError),
/* harmony export */   buildTestResultPredicate: () => (/* binding */ buildTestResultPredicate),
/* harmony export */   parseJUnit: () => (/* binding */ parseJUnit)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88879);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
// Test results as an in-toto test-result v0.1 predicate
// (https://github.com/in-toto/attestation/blob/main/spec/predicates/test-result.md), from JUnit XML:
// the de-facto format every test runner writes (Surefire, pytest, Jest, go-junit-report, node --test).


class JUnitError extends Error {
    name = 'JUnitError';
}
const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    // JUnit elements that may repeat are always lists, however many there are.
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
    processEntities: true
});
/** Reads one JUnit XML file: every test case, by `classname.name`, passed or failed (errors count as failures). */
function parseJUnit(path, bytes) {
    let document;
    try {
        document = parser.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new JUnitError(`${path} is not XML (${error.message.split('\n')[0]}); give JUnit XML test reports`);
    }
    const root = (document.testsuites ?? document.testsuite);
    if (!root)
        throw new JUnitError(`${path} is XML but not a JUnit report (no <testsuites> or <testsuite>); give JUnit XML test reports`);
    const result = { path, digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Of */ .Bj)(bytes), passed: [], failed: [], skipped: 0 };
    const visit = (suite) => {
        for (const child of suite.testsuite ?? [])
            visit(child);
        for (const testcase of suite.testcase ?? []) {
            const name = [testcase['@classname'], testcase['@name']].filter((part) => typeof part === 'string' && part !== '').join('.');
            if (testcase.failure || testcase.error)
                result.failed.push(name);
            else if (testcase.skipped)
                result.skipped++;
            else
                result.passed.push(name);
        }
    };
    for (const suite of Array.isArray(root) ? root : [root])
        visit(suite);
    return result;
}
/** One predicate over every file: FAILED when any test failed or errored; skipped tests change nothing. */
function buildTestResultPredicate(files, url) {
    const failedTests = files.flatMap((file) => file.failed);
    return {
        result: failedTests.length > 0 ? 'FAILED' : 'PASSED',
        configuration: files.map((file) => ({ name: file.path, digest: { sha256: file.digest.slice('sha256:'.length) } })),
        ...(url ? { url } : {}),
        passedTests: files.flatMap((file) => file.passed),
        warnedTests: [],
        failedTests
    };
}


/***/ })

};
