export const id = 798;
export const ids = [798];
export const modules = {

/***/ 99798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBundleVerifier: () => (/* binding */ createBundleVerifier),
/* harmony export */   resolveTrustedRoot: () => (/* binding */ resolveTrustedRoot),
/* harmony export */   resolveTrustedRootWithReason: () => (/* binding */ resolveTrustedRootWithReason)
/* harmony export */ });
/* unused harmony exports IN_TOTO_PAYLOAD_TYPE, loadTrustMaterial, BundleVerifier */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _sigstore_tuf__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84423);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54187);
// A Sigstore verifier over a trusted root: is this bundle a signature by the identity we expect,
// about the digest we expect? Built on @sigstore/verify, with the checks a verifier owes a bundle
// served by a registry that may be hostile: the certificate chains to the instance's CA (with an
// SCT when the trusted root has CT logs), at least one time source verifies (a transparency log
// entry or an RFC 3161 timestamp; a GitHub-instance bundle carries only a timestamp), every time
// source present verifies, the signature verifies over the DSSE payload or the message bytes,
// and the certificate names the expected identity and issuer. Bad evidence never throws: the
// answer is { ok: false, reason } with a short reason naming what failed.






const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const IN_TOTO_STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
/**
 * Reads a TrustedRoot JSON object into trust material. Throws when the root itself is malformed
 * (it is configuration, not evidence); resolveTrustedRoot checks a root with this before handing it out.
 */
function loadTrustMaterial(trustedRoot) {
    const root = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.TrustedRoot.fromJSON(trustedRoot);
    if (root.certificateAuthorities.length === 0)
        throw new Error('the trusted root has no certificate authority');
    return {
        material: (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_5__/* .toTrustMaterial */ .jO)(root),
        ctlogs: root.ctlogs.length,
        tlogs: root.tlogs.length,
        timestampAuthorities: root.timestampAuthorities.length,
        certificateAuthorities: root.certificateAuthorities.length
    };
}
/** Verifies bundles against one trusted root. */
class BundleVerifier {
    trust;
    verifier;
    constructor(trust) {
        this.trust = isLoaded(trust) ? trust : loadTrustMaterial(trust);
        // Thresholds for time sources are enforced in checkTimeSources: either kind will do, but every
        // one present must verify, and the library does verify every one present.
        this.verifier = new _sigstore_verify__WEBPACK_IMPORTED_MODULE_5__/* .Verifier */ .BL(this.trust.material, { tlogThreshold: 0, tsaThreshold: 0, ctlogThreshold: this.trust.ctlogs > 0 ? 1 : 0 });
    }
    /** A DSSE bundle whose in-toto statement is about `expect.subjectDigest`, signed by the expected identity. */
    verifyStatementBundle(bundle, expect) {
        const parsed = parseBundle(bundle);
        if (!parsed.ok)
            return parsed;
        const content = parsed.bundle.content;
        if (content.$case !== 'dsseEnvelope')
            return { ok: false, reason: 'not a DSSE bundle (it holds a message signature)' };
        const signer = this.verifyEntity(parsed.bundle);
        if (!signer.ok)
            return signer;
        const who = checkIdentity(signer, expect);
        if (!who.ok)
            return who;
        const envelope = content.dsseEnvelope;
        if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
            return { ok: false, reason: `payload type ${shown(envelope.payloadType)} is not an in-toto statement`, identity: who.identity };
        const statement = parseJson(envelope.payload);
        if (!statement ||
            typeof statement !== 'object' ||
            !IN_TOTO_STATEMENT_TYPES.includes(String(statement._type)) ||
            !Array.isArray(statement.subject))
            return { ok: false, reason: 'the payload is not an in-toto statement', identity: who.identity };
        const about = aboutDigest(statement.subject, expect.subjectDigest);
        if (!about.ok)
            return { ok: false, reason: about.reason, identity: who.identity };
        if (expect.predicateType !== undefined && statement.predicateType !== expect.predicateType)
            return {
                ok: false,
                reason: `predicate type ${shown(String(statement.predicateType))}, not ${expect.predicateType}`,
                identity: who.identity
            };
        return {
            ok: true,
            identity: who.identity,
            issuer: signer.issuer,
            timeSources: signer.timeSources,
            statement: statement
        };
    }
    /**
     * A message-signature bundle over `payload` (cosign's legacy `.sig`: the simple-signing payload
     * from the signature layer), whose payload names `expect.subjectDigest`.
     */
    verifyMessageBundle(bundle, payload, expect) {
        const parsed = parseBundle(bundle);
        if (!parsed.ok)
            return parsed;
        if (parsed.bundle.content.$case !== 'messageSignature')
            return { ok: false, reason: 'not a message-signature bundle (it holds a DSSE envelope)' };
        const signer = this.verifyEntity(parsed.bundle, payload);
        if (!signer.ok)
            return signer;
        const who = checkIdentity(signer, expect);
        if (!who.ok)
            return who;
        const simple = parseJson(payload);
        const digest = simple?.critical?.image?.['docker-manifest-digest'];
        if (!simple || typeof simple !== 'object' || typeof digest !== 'string' || simple.critical?.type !== SIMPLE_SIGNING_TYPE)
            return { ok: false, reason: 'the payload is not a cosign simple-signing payload', identity: who.identity };
        if (digest.toLowerCase() !== expect.subjectDigest.toLowerCase())
            return { ok: false, reason: `payload is about ${shown(digest)}, not ${expect.subjectDigest}`, identity: who.identity };
        return {
            ok: true,
            identity: who.identity,
            issuer: signer.issuer,
            timeSources: signer.timeSources,
            payload: simple
        };
    }
    /** Certificate chain, SCT, time sources and signature; the signer's identity when all verify. */
    verifyEntity(bundle, payload) {
        const material = bundle.verificationMaterial;
        if (material.content.$case === 'publicKey')
            return { ok: false, reason: 'signed by a key, not a certificate: no identity to check' };
        const tlogEntries = material.tlogEntries.length;
        const timestamps = material.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
        if (tlogEntries + timestamps === 0)
            return { ok: false, reason: 'no transparency log entry or timestamp verifies (the bundle has none)' };
        let entity;
        try {
            entity = (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_5__/* .toSignedEntity */ .DC)(bundle, payload);
        }
        catch (error) {
            return { ok: false, reason: `not a Sigstore bundle (its certificate or timestamp does not parse: ${shown(messageOf(error))})` };
        }
        try {
            const signer = this.verifier.verify(entity);
            const timeSources = [];
            if (tlogEntries > 0)
                timeSources.push('transparency-log');
            if (timestamps > 0)
                timeSources.push('timestamp-authority');
            const identity = signer.identity?.subjectAlternativeName;
            const issuer = signer.identity?.extensions?.issuer;
            return { ok: true, identity, issuer, timeSources };
        }
        catch (error) {
            return { ok: false, reason: describeVerificationError(error) };
        }
    }
}
/** A BundleVerifier over a TrustedRoot JSON object. */
function createBundleVerifier(trustedRoot) {
    return new BundleVerifier(loadTrustMaterial(trustedRoot));
}
function isLoaded(value) {
    return 'material' in value && 'ctlogs' in value;
}
function parseBundle(bundle) {
    if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle))
        return { ok: false, reason: 'not a Sigstore bundle' };
    try {
        return { ok: true, bundle: (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__.bundleFromJSON)(bundle) };
    }
    catch (error) {
        const fields = error.fields;
        const missing = Array.isArray(fields) && fields.length > 0 ? `: ${fields.slice(0, 3).join(', ')}` : '';
        return { ok: false, reason: `not a Sigstore bundle (${shown(messageOf(error) + missing)})` };
    }
}
function checkIdentity(signer, expect) {
    const san = signer.identity;
    if (!san)
        return { ok: false, reason: 'the certificate names no identity' };
    const matches = typeof expect.identity === 'string'
        ? san === expect.identity
        : new RegExp(expect.identity.source, expect.identity.flags.replace(/[gy]/g, '')).test(san);
    if (!matches)
        return { ok: false, reason: `signed by ${shown(san)}, not ${String(expect.identity)}`, identity: san };
    if (expect.issuer !== undefined && signer.issuer !== expect.issuer)
        return {
            ok: false,
            reason: `issued by ${signer.issuer === undefined ? 'no issuer' : shown(signer.issuer)}, not ${expect.issuer}`,
            identity: san
        };
    return { ok: true, identity: san };
}
function aboutDigest(subjects, expected) {
    const colon = expected.indexOf(':');
    const algorithm = expected.slice(0, colon);
    const hex = expected.slice(colon + 1).toLowerCase();
    const digests = subjects.map((s) => (s && typeof s === 'object' ? s.digest : undefined));
    if (colon > 0 &&
        digests.some((d) => d && typeof d === 'object' && String(d[algorithm]).toLowerCase() === hex))
        return { ok: true };
    const named = digests
        .map((d) => (d && typeof d === 'object' ? d[algorithm] : undefined))
        .filter((v) => typeof v === 'string');
    const about = named.length === 0
        ? `no ${algorithm || 'such'} digest`
        : `${algorithm}:${named[0]}${named.length > 1 ? ` (and ${named.length - 1} more)` : ''}`;
    return { ok: false, reason: `statement is about ${shown(about)}, not ${expected}` };
}
function parseJson(bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Text from the evidence, made safe to put in one log line: no control characters, bounded length. */
function shown(text) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
/** The short reason for a @sigstore/verify failure. */
function describeVerificationError(error) {
    const err = error;
    const detail = (text) => (text ? ` (${shown(text)})` : '');
    switch (err.code) {
        case 'CERTIFICATE_ERROR':
            if (/SCT/.test(err.message ?? ''))
                return `the certificate has no SCT from a trusted CT log${detail(err.message)}`;
            return `certificate does not chain to the trusted root${detail(err.cause?.message)}`;
        case 'TIMESTAMP_ERROR':
        case 'TLOG_INCLUSION_PROOF_ERROR':
        case 'TLOG_INCLUSION_PROMISE_ERROR':
        case 'TLOG_MISSING_INCLUSION_ERROR':
            return `no transparency log entry or timestamp verifies${detail(err.message)}`;
        case 'TLOG_BODY_ERROR':
            return `the transparency log entry is not for this signature${detail(err.message)}`;
        case 'SIGNATURE_ERROR':
            return 'the signature does not verify';
        case 'PUBLIC_KEY_ERROR':
            return `signed by a key, not a certificate${detail(err.message)}`;
        default:
            return `the bundle does not verify${detail(err.message ?? String(error))}`;
    }
}
/**
 * The trusted root to verify against: the trusted-root file when one is given, else for
 * public-good Sigstore the root from Sigstore's TUF repository. Undefined (never a throw) when
 * none can be had; the reason is logged as a warning and the caller verifies nothing.
 */
async function resolveTrustedRoot(options) {
    const resolved = await resolveTrustedRootWithReason(options);
    if (resolved.trustedRoot === undefined)
        options.logger?.warning(`no Sigstore trust material: ${resolved.reason}`);
    else
        options.logger?.debug(`Sigstore trust material from ${resolved.source}`);
    return resolved.trustedRoot;
}
/** resolveTrustedRoot, answering where the root came from or why there is none. */
async function resolveTrustedRootWithReason(options) {
    try {
        if (options.trustedRootPath)
            return await fromFile(options.trustedRootPath);
        switch (options.instance) {
            case 'public-good':
                return await fromTuf(options);
            case 'github':
                return {
                    trustedRoot: undefined,
                    reason: "GitHub's Sigstore instance has no built-in trust root here; give a trusted-root file (gh attestation trusted-root)"
                };
            default:
                return { trustedRoot: undefined, reason: 'a custom Sigstore instance needs a trusted-root file' };
        }
    }
    catch (error) {
        return { trustedRoot: undefined, reason: shown(messageOf(error)) };
    }
}
async function fromFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        return { trustedRoot: undefined, reason: `trusted root ${path} cannot be read (${code ?? messageOf(error)})` };
    }
    const json = parseTrustedRootText(text);
    if (json === undefined)
        return { trustedRoot: undefined, reason: `trusted root ${path} is not JSON` };
    const invalid = checkRoot(json);
    if (invalid)
        return { trustedRoot: undefined, reason: `trusted root ${path} is not a Sigstore trusted root (${invalid})` };
    return { trustedRoot: json, source: path };
}
async function fromTuf(options) {
    const timeoutMs = options.timeoutMs ?? 5000;
    const mirror = options.tufMirrorUrl ?? 'https://tuf-repo-cdn.sigstore.dev';
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
        timer.unref?.();
    });
    const fetched = (0,_sigstore_tuf__WEBPACK_IMPORTED_MODULE_4__.getTrustedRoot)({
        mirrorURL: mirror,
        rootPath: options.tufRootPath,
        cachePath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.cacheDir, 'sigstore-tuf'),
        retry: false,
        timeout: timeoutMs
    }).then((root) => ({ root }), (error) => ({ error }));
    try {
        const outcome = await Promise.race([fetched, timedOut]);
        if (outcome === 'timeout')
            return { trustedRoot: undefined, reason: `Sigstore TUF repository ${mirror} did not answer within ${timeoutMs} ms` };
        if ('error' in outcome) {
            const err = outcome.error;
            return {
                trustedRoot: undefined,
                reason: `Sigstore TUF repository ${mirror}: ${shown(err.message ?? String(outcome.error))}${err.cause?.message ? ` (${shown(err.cause.message)})` : ''}`
            };
        }
        const json = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.TrustedRoot.toJSON(outcome.root);
        const invalid = checkRoot(json);
        if (invalid)
            return { trustedRoot: undefined, reason: `Sigstore TUF repository ${mirror} served an unusable trusted root (${invalid})` };
        return { trustedRoot: json, source: `${mirror} (TUF)` };
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
/**
 * A trusted-root file: one TrustedRoot JSON document, or JSON lines of several (as
 * `gh attestation trusted-root` writes public-good's and GitHub's), merged into one root that
 * trusts every authority of each.
 */
function parseTrustedRootText(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        // not one document; perhaps JSON lines
    }
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length < 2)
        return undefined;
    const roots = [];
    for (const line of lines) {
        try {
            const root = JSON.parse(line);
            if (!root || typeof root !== 'object' || Array.isArray(root))
                return undefined;
            roots.push(root);
        }
        catch {
            return undefined;
        }
    }
    const merged = { mediaType: roots[0].mediaType };
    for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities'])
        merged[field] = roots.flatMap((root) => (Array.isArray(root[field]) ? root[field] : []));
    return merged;
}
/** Why this is not a usable TrustedRoot, or undefined when it is. */
function checkRoot(json) {
    if (!json || typeof json !== 'object' || Array.isArray(json))
        return 'not an object';
    try {
        loadTrustMaterial(json);
        return undefined;
    }
    catch (error) {
        return shown(messageOf(error));
    }
}


/***/ })

};
