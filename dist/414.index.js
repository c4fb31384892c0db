export const id = 414;
export const ids = [414];
export const modules = {

/***/ 75414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decodeTokenClaims: () => (/* binding */ decodeTokenClaims),
/* harmony export */   expectedIdentity: () => (/* binding */ expectedIdentity)
/* harmony export */ });
// What the runner's OIDC token says about who is signing, read before anything is signed.
/** The token's claims, unverified: only used to predict our own identity and to build provenance. */
function decodeTokenClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return {};
    try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}
/** The SANs Fulcio may give this token: GitHub's workflow URI form, or the token's e-mail or subject. */
function expectedIdentity(claims, serverUrl) {
    const candidates = [];
    if (typeof claims.job_workflow_ref === 'string') {
        candidates.push(`${serverUrl}/${claims.job_workflow_ref}`, `https://github.com/${claims.job_workflow_ref}`);
    }
    for (const key of ['email', 'sub'])
        if (typeof claims[key] === 'string')
            candidates.push(claims[key]);
    return { candidates, issuer: typeof claims.iss === 'string' ? claims.iss : undefined };
}


/***/ })

};
