export const id = 132;
export const ids = [132];
export const modules = {

/***/ 66132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createBundleVerifier: () => (/* binding */ createBundleVerifier),
  resolveTrustedRoot: () => (/* binding */ resolveTrustedRoot),
  resolveTrustedRootWithReason: () => (/* binding */ resolveTrustedRootWithReason)
});

// UNUSED EXPORTS: BundleVerifier, IN_TOTO_PAYLOAD_TYPE, loadTrustMaterial

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/sigstore/instance.ts
var instance = __webpack_require__(69799);
;// CONCATENATED MODULE: ./src/sigstore/tuf-root.ts
// A TUF repository's root, pinned by its root role. GitHub's Sigstore instance publishes its
// trusted root (Fulcio CA, timestamp authority) through its own TUF repository, as public-good
// does through Sigstore's; `gh attestation verify` ships a copy of that repository's root file.
// Here the root is pinned by what makes it a root instead: its version, the root role's key IDs
// with each key's SPKI SHA-256, and the threshold. The root file is fetched from the repository
// itself, accepted only when it matches the pin and carries a threshold of valid signatures by the
// pinned keys, and then handed to the TUF client as its starting point; from there the client
// follows the repository's own root rotations, each signed by the root before it.


/**
 * GitHub's TUF repository for its Sigstore instance, root version 3 (the one `gh` embeds at the
 * time of writing): eight root keys held by GitHub staff, three of which must sign. Checked
 * against that root file when this pin was written: version 3, threshold 3, every signature valid.
 */
const GITHUB_TUF_ROOT = {
    mirror: instance/* TUF_MIRRORS */.hz.github,
    version: 3,
    threshold: 3,
    rootKeys: {
        a10513a5ab61acd0c6b6fbe0504856ead18f3b17c4fabbe3fa848c79a5a187cf: '4d51648341eaf864c56194659781b9b698b2b62c6ff57bde7c9ee99ff0d617fa',
        '4f4d1dd75f2d7f3860e3a068d7bed90dec5f0faafcbe1ace7fb7d95d29e07228': 'ac87cbe5a11c1481959712dbd3e9a4e96274a2d373d67e0c7d03ec47a77f1791',
        '88737ccdac7b49cc237e9aaead81be2a40278b886a693d8149a19cf543f093d3': 'f1e33752868b32fe48ead587047e2841d4b9be5ed4fea4c7a8ff6d6813d40b69',
        d6a89e23fb22801a0d1186bf1bdd007e228f65a8aa9964d24d06cb5fbb0ce91c: '330627082e3d3684b1cfe51e80c96e7039bd3e5e550ee7e38bea38de0126e28f',
        eb8eff37f93af2faaba519f341decec3cecd3eeafcace32966db9723842c8a62: '30578897f00c2138252e12c6ce364c2acef7d1717355d02c7c7647e45afb3cb5',
        '8b498a80a1b7af188c10c9abdf6aade81d14faaffcde2abcd6063baa673ebd12': '4c7178a8e906ff3480b45755d492f1e200006447abcc1d056313e6ad9e5b3f43',
        '539dde44014c850fe6eeb8b299eb7dae2e1f4bf83454b949e98aa73542cdc65a': 'ec3f38c307feabc44527624d04edb5673bce480e43da53a7a2ad9e72ceb8836a',
        '54809115b40137aac01af4b7ac2408c77ea0d58fa4dad48fc3196497d2a26f44': 'f382551bc69ee805011de0e5bfcb7da6acba4f459f4851f8e1d72b60ed5409e4'
    }
};
/** SHA-256 of a PEM public key's DER SubjectPublicKeyInfo: the same key hashes the same however the PEM is wrapped. */
function spkiFingerprint(pem) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update((0,external_node_crypto_.createPublicKey)(pem).export({ format: 'der', type: 'spki' }))
        .digest('hex');
}
/** Why `bytes` is not the pinned root, or undefined when it is (right version, pinned keys and threshold, enough valid signatures). */
async function checkPinnedRoot(bytes, pin) {
    const { Metadata, MetadataKind } = await Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(908)]).then(__webpack_require__.bind(__webpack_require__, 68908));
    let root;
    try {
        root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(bytes.toString('utf8')));
    }
    catch (error) {
        return `not TUF root metadata (${error.message})`;
    }
    const signed = root.signed;
    if (signed.version !== pin.version)
        return `version ${signed.version}, pinned ${pin.version}`;
    const role = signed.roles.root;
    if (!role)
        return 'no root role';
    const pinnedIds = Object.keys(pin.rootKeys).sort();
    if (role.threshold !== pin.threshold || role.keyIDs.length !== pinnedIds.length || [...role.keyIDs].sort().join() !== pinnedIds.join())
        return 'its root keys or threshold are not the pinned ones';
    for (const id of pinnedIds) {
        const key = signed.keys[id];
        const pem = key?.keyVal.public;
        let fingerprint;
        try {
            fingerprint = pem ? spkiFingerprint(pem) : undefined;
        }
        catch {
            fingerprint = undefined;
        }
        if (fingerprint !== pin.rootKeys[id])
            return `root key ${id.slice(0, 12)}… is not the pinned key`;
    }
    try {
        root.verifyDelegate('root', root);
    }
    catch (error) {
        return `its signatures do not verify (${error.message})`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
;// CONCATENATED MODULE: ./src/sigstore/der.ts
// DER encoding for @sigstore/core's ASN.1 objects, in one allocation.
//
// Why this exists (measured, 2026-11-23, @sigstore/core 2.0.0, the same code in 3.x and 4.x):
// verifying a bundle re-encodes certificates to DER many times over (to compare two certificates,
// to build and sort chain paths once per timestamp, to check each signature over a
// tbsCertificate, to check an SCT), and the library's `ASN1Obj.toDER` allocates two zeroed
// streams of at least 1 KiB for every node of the tree and grows them 1 KiB at a time. That was
// 87% of a bundle's verification time: 5.5 ms a bundle warm and 23 ms for the first one, against
// 2.2 ms and 10 ms with this encoder. Promotion verifies the source before it writes anything, so
// this time is the serial part of every promote.
//
// The replacement computes the same bytes from the same fields (tag, value, subs) at each call,
// as the original does, so objects changed after parsing (the SCT check removes an extension
// from a copy) encode the same way. `installFastDerEncoding` installs it only after checking,
// on a sample holding long and short lengths, that both encoders agree; a later @sigstore/core
// whose objects look different keeps its own encoder. The tests compare both encoders over real
// certificates, timestamps and trust roots.

let libraryEncoder;
/** The DER encoding of `node`: its tag, its length, then its value (or its subs' encodings, when it has subs). */
function encodeDer(node) {
    const contentLengths = new Map();
    const out = Buffer.allocUnsafe(measure(node, contentLengths));
    const end = write(node, out, 0, contentLengths);
    if (end !== out.length)
        throw new Error(`DER encoding wrote ${end} of ${out.length} bytes`);
    return out;
}
/** Encoded size of `node`, recording each node's content length for `write`. */
function measure(node, contentLengths) {
    let content = 0;
    if (node.subs.length === 0)
        content = node.value.length;
    else
        for (const sub of node.subs)
            content += measure(sub, contentLengths);
    contentLengths.set(node, content);
    return 1 + lengthOctets(content) + content;
}
/** Short form below 128, else 0x80 | n and n big-endian octets (X.690 8.1.3). */
function lengthOctets(length) {
    if (length < 0x80)
        return 1;
    let octets = 0;
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256))
        octets++;
    return 1 + octets;
}
function write(node, out, at, contentLengths) {
    const content = contentLengths.get(node);
    out[at++] = node.tag.toDER();
    if (content < 0x80)
        out[at++] = content;
    else {
        const octets = lengthOctets(content) - 1;
        out[at++] = 0x80 | octets;
        for (let i = octets - 1; i >= 0; i--)
            out[at++] = Math.floor(content / 256 ** i) % 256;
    }
    if (node.subs.length === 0)
        return at + node.value.copy(out, at);
    for (const sub of node.subs)
        at = write(sub, out, at, contentLengths);
    return at;
}
/**
 * SEQUENCE { SEQUENCE { a 200-byte OCTET STRING (long-form length), INTEGER, NULL }, BOOLEAN }: long
 * and short lengths, nesting and an empty value, enough to tell whether the library's objects still
 * have the fields we encode.
 */
function sample() {
    const octets = Buffer.concat([Buffer.from([0x04, 0x81, 200]), Buffer.alloc(200, 7)]);
    const inner = Buffer.concat([octets, Buffer.from([0x02, 0x01, 0x05, 0x05, 0x00])]);
    const sequence = (body) => Buffer.concat([Buffer.from([0x30, 0x81, body.length]), body]);
    return sequence(Buffer.concat([sequence(inner), Buffer.from([0x01, 0x01, 0xff])]));
}
/** Replaces `ASN1Obj.prototype.toDER` with `encodeDer`, once, if both agree on a sample. Returns whether it is installed. */
function installFastDerEncoding() {
    const prototype = core_dist.ASN1Obj.prototype;
    if (libraryEncoder)
        return prototype.toDER !== libraryEncoder;
    libraryEncoder = prototype.toDER;
    try {
        const bytes = sample();
        const parsed = core_dist.ASN1Obj.parseBuffer(bytes);
        if (!libraryEncoder.call(parsed).equals(bytes) || !encodeDer(parsed).equals(bytes))
            return false;
    }
    catch {
        return false;
    }
    prototype.toDER = function () {
        return encodeDer(this);
    };
    return true;
}

;// CONCATENATED MODULE: ./src/sigstore/verifier.ts
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
    const root = protobuf_specs_dist.TrustedRoot.fromJSON(trustedRoot);
    if (root.certificateAuthorities.length === 0)
        throw new Error('the trusted root has no certificate authority');
    return {
        material: (0,verify_dist/* toTrustMaterial */.jO)(root),
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
        installFastDerEncoding();
        // Thresholds for time sources are enforced in checkTimeSources: either kind will do, but every
        // one present must verify, and the library does verify every one present.
        this.verifier = new verify_dist/* Verifier */.BL(this.trust.material, { tlogThreshold: 0, tsaThreshold: 0, ctlogThreshold: this.trust.ctlogs > 0 ? 1 : 0 });
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
            entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, payload);
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
        return { ok: true, bundle: (0,dist.bundleFromJSON)(bundle) };
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
 * The trusted root to verify against: the trusted-root file when one is given, else the
 * instance's TUF repository (public-good: Sigstore's, its root shipped in `@sigstore/tuf`;
 * GitHub's: tuf-repo.github.com, its root pinned in tuf-root.ts). Undefined (never a throw) when
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
                return await fromPinnedTuf(options, options.githubTufRoot ?? GITHUB_TUF_ROOT);
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
        text = await (0,promises_.readFile)(path, 'utf8');
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
/**
 * A TUF repository whose root is pinned here rather than shipped in `@sigstore/tuf` (GitHub's):
 * its root file is fetched from the repository, accepted only when it matches the pin, and seeds
 * the TUF client. Both fetches share one time bound.
 */
async function fromPinnedTuf(options, pin) {
    const mirror = pin.mirror.replace(/\/+$/, '');
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    const url = new URL(`${mirror}/${pin.version}.root.json`);
    let bytes;
    try {
        const timeoutMs = Math.max(deadline - Date.now(), 1);
        const response = await (0,http/* sendHttp */.d3)({ method: 'GET', url, maxResponseBytes: 1024 * 1024, deadlineMs: timeoutMs, idleTimeoutMs: timeoutMs });
        if (response.status !== 200)
            return { trustedRoot: undefined, reason: `TUF repository ${mirror}: ${url.pathname} answered HTTP ${response.status}` };
        bytes = response.body;
    }
    catch (error) {
        return { trustedRoot: undefined, reason: `TUF repository ${mirror}: ${shown(messageOf(error))}` };
    }
    const mismatch = await checkPinnedRoot(bytes, pin);
    if (mismatch)
        return { trustedRoot: undefined, reason: `TUF repository ${mirror} served a root that is not the pinned one: ${mismatch}` };
    const seeds = (0,external_node_path_.join)(options.cacheDir, 'sigstore-tuf-seeds');
    await (0,promises_.mkdir)(seeds, { recursive: true });
    const rootPath = (0,external_node_path_.join)(seeds, `${encodeURIComponent(url.host)}-${pin.version}.root.json`);
    await (0,promises_.writeFile)(rootPath, bytes);
    return fromTuf({ ...options, tufMirrorUrl: mirror, tufRootPath: rootPath, timeoutMs: Math.max(deadline - Date.now(), 1) });
}
async function fromTuf(options) {
    const timeoutMs = options.timeoutMs ?? 5000;
    const mirror = options.tufMirrorUrl ?? instance/* TUF_MIRRORS */.hz['public-good'];
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
        timer.unref?.();
    });
    // The TUF client (and the fetch stack beneath it) loads only when a TUF repository is asked:
    // with a trusted-root file it is never needed.
    const { getTrustedRoot } = await Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(310), __webpack_require__.e(908), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423));
    const fetched = getTrustedRoot({
        mirrorURL: mirror,
        rootPath: options.tufRootPath,
        cachePath: (0,external_node_path_.join)(options.cacheDir, 'sigstore-tuf'),
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
        const json = protobuf_specs_dist.TrustedRoot.toJSON(outcome.root);
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
