export const id = 766;
export const ids = [766];
export const modules = {

/***/ 32766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSigner: () => (/* binding */ createSigner)
/* harmony export */ });
/* unused harmony export SigningError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15179);
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61040);
/* harmony import */ var _net_logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39691);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37893);
// Keyless signing through Fulcio, Rekor and a timestamp authority (@sigstore/sign). One ephemeral key
// and one Fulcio certificate serve the whole run (renewed when it nears its end), as cosign does when
// it signs many images: a release of an index and four platforms asks Fulcio once, not 19 times.
// Every request is retried under the project's one retry
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
/** Fulcio certificates live ten minutes; one this close to its end is renewed before use. */
const CERTIFICATE_RENEWAL_MS = 60_000;
function createSigner(options) {
    const logger = options.logger ?? _net_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .silentLogger */ .q;
    const policy = options.retry ?? _net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .SIGSTORE_RETRY */ .I8;
    const urls = {
        Fulcio: options.fulcioUrl,
        Rekor: options.rekorUrl ?? '',
        TSA: options.tsaUrl ?? '',
        Sigstore: [options.fulcioUrl, options.rekorUrl, options.tsaUrl].filter(Boolean).join(', ')
    };
    // sigstore-js's own retries would hide our budget: each service is asked once per attempt.
    const transport = { retry: { retries: 0 }, timeout: 30_000 };
    function withRetries(what, attempt) {
        return (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(attempt, {
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
    const keys = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
    const publicKeyPem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const ephemeralKey = {
        sign: async (data) => ({ signature: signWith(keys.privateKey, data), key: { $case: 'publicKey', publicKey: publicKeyPem } })
    };
    const fulcio = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .FulcioSigner */ .$o({
        fulcioBaseURL: options.fulcioUrl,
        identityProvider: { getToken: async () => options.identityToken },
        keyHolder: ephemeralKey,
        ...transport
    });
    let certificate;
    let certificatesRequested = 0;
    const requestCertificate = async () => {
        certificatesRequested++;
        // Fulcio's proof of possession is a signature over the token's subject, made by FulcioSigner.
        const { key } = await fulcio.sign(Buffer.alloc(0));
        const pem = key.$case === 'x509Certificate' ? key.certificate : '';
        return { key, notAfter: new Date(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(pem).validTo).getTime() };
    };
    const currentCertificate = async () => {
        const held = certificate && (await certificate.catch(() => undefined));
        if (!held || held.notAfter - Date.now() < CERTIFICATE_RENEWAL_MS) {
            certificate = withRetries('requesting the signing certificate', requestCertificate);
        }
        return (await certificate).key;
    };
    const runSigner = {
        sign: async (data) => {
            const key = await currentCertificate();
            return { signature: signWith(keys.privateKey, data), key };
        }
    };
    const witnesses = [];
    if (options.rekorUrl)
        witnesses.push(new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .RekorWitness */ .fU({ rekorBaseURL: options.rekorUrl, ...transport }));
    if (options.tsaUrl)
        witnesses.push(new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .TSAWitness */ .gs({ tsaBaseURL: options.tsaUrl, ...transport }));
    const dsse = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .DSSEBundleBuilder */ .VV({ signer: runSigner, witnesses });
    const message = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .MessageSignatureBundleBuilder */ .z3({ signer: runSigner, witnesses });
    return {
        signDsse: (payload, payloadType) => withRetries('signing the statement', async () => (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__.bundleToJSON)(await dsse.create({ data: payload, type: payloadType }))),
        signMessage: (payload) => withRetries('signing the payload', async () => (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__.bundleToJSON)(await message.create({ data: payload }))),
        get certificatesRequested() {
            return certificatesRequested;
        },
        // One attempt, no retries: a run that fails meanwhile must not wait on a retry loop to exit.
        prefetchCertificate: () => {
            certificate ??= requestCertificate();
            certificate.catch(() => undefined);
        }
    };
}
/** ECDSA P-256 over SHA-256, DER-encoded, as Fulcio's ephemeral keys sign. */
function signWith(privateKey, data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', data, privateKey);
}


/***/ })

};
