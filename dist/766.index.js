export const id = 766;
export const ids = [766];
export const modules = {

/***/ 32766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SigningError: () => (/* binding */ SigningError),
/* harmony export */   createSigner: () => (/* binding */ createSigner)
/* harmony export */ });
/* harmony import */ var sigstore__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94267);
/* harmony import */ var _net_logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39691);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37893);
// Keyless signing through Fulcio and Rekor (sigstore-js), retried under the project's one retry
// policy (net/retry.ts, SIGSTORE_RETRY): Sigstore's public instance has answered 5xx for tens of
// minutes, so transient failures are retried until a time budget runs out; the final error names the service.



/** Signing or attesting failed (Fulcio, Rekor, TSA). */
class SigningError extends Error {
    name = 'SigningError';
}
const SERVICE_BY_CODE = [
    [/^CA_/, 'Fulcio'],
    [/^TLOG_/, 'Rekor'],
    [/^TSA_/, 'TSA']
];
function describeFailure(error) {
    const err = error;
    const service = SERVICE_BY_CODE.find(([pattern]) => pattern.test(err.code ?? ''))?.[1] ?? 'Sigstore';
    const status = err.cause?.statusCode;
    const networkCode = err.cause?.code ?? err.cause?.cause?.code ?? err.cause?.errno;
    const retryable = status !== undefined
        ? status === 429 || status === 408 || status >= 500
        : networkCode !== undefined || /ECONN|ETIMEDOUT|EAI_AGAIN|socket hang up|network/i.test(err.cause?.message ?? err.message ?? '');
    return { service, status, code: networkCode, message: err.message ?? String(error), retryable };
}
function createSigner(options) {
    const logger = options.logger ?? _net_logger_js__WEBPACK_IMPORTED_MODULE_1__/* .silentLogger */ .q;
    const policy = options.retry ?? _net_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .SIGSTORE_RETRY */ .I8;
    const urls = {
        Fulcio: options.fulcioUrl,
        Rekor: options.rekorUrl,
        TSA: options.tsaUrl ?? '',
        Sigstore: `${options.fulcioUrl}, ${options.rekorUrl}`
    };
    const base = {
        fulcioURL: options.fulcioUrl,
        rekorURL: options.rekorUrl,
        tsaServerURL: options.tsaUrl,
        identityToken: options.identityToken,
        // Our loop below retries; sigstore-js's own retries would hide the budget.
        retry: { retries: 0 },
        timeout: 30_000
    };
    function withRetries(what, attempt) {
        return (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(attempt, {
            policy,
            classify: (error) => ({ transient: describeFailure(error).retryable }),
            onRetry: (error, delay) => {
                const failure = describeFailure(error);
                logger.warning(`${what}: ${failure.service} ${failure.status ?? failure.code ?? 'failed'}; retrying in ${Math.round(delay / 1000)}s`);
            },
            giveUp: (error, attempts, elapsed) => {
                const failure = describeFailure(error);
                const said = failure.status !== undefined
                    ? `answered HTTP ${failure.status}`
                    : failure.code
                        ? `could not be reached (${failure.code})`
                        : 'failed';
                return new SigningError(`${what}: ${failure.service} at ${urls[failure.service]} ${said}${attempts > 1 ? ` after ${attempts} attempts over ${Math.round(elapsed / 1000)}s` : ''}: ${failure.message}` +
                    (failure.retryable
                        ? '. Sigstore may be having an outage; re-run the job (the pushed digest stays untagged until signing succeeds)'
                        : ''), { cause: error });
            }
        });
    }
    return {
        signDsse: (payload, payloadType) => withRetries('signing the statement', () => (0,sigstore__WEBPACK_IMPORTED_MODULE_0__/* .attest */ .st)(payload, payloadType, base)),
        // The legacy layout carries the certificate chain, which the v0.2 bundle keeps.
        signMessage: (payload) => withRetries('signing the payload', () => (0,sigstore__WEBPACK_IMPORTED_MODULE_0__/* .sign */ ._S)(payload, { ...base, legacyCompatibility: true }))
    };
}


/***/ })

};
