export const id = 202;
export const ids = [202];
export const modules = {

/***/ 75087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ legacyAttestationLayer),
/* harmony export */   Kq: () => (/* binding */ simpleSigningPayload),
/* harmony export */   O2: () => (/* binding */ cosignSignStatement),
/* harmony export */   TQ: () => (/* binding */ bundleFromLegacyLayer),
/* harmony export */   fT: () => (/* binding */ legacySignatureLayer),
/* harmony export */   j_: () => (/* binding */ bundleReferrerManifest),
/* harmony export */   wA: () => (/* binding */ legacyImageManifest),
/* harmony export */   w_: () => (/* binding */ legacyTag)
/* harmony export */ });
/* unused harmony export rekorBundleAnnotation */
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29217);
/* harmony import */ var _predicates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68042);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68825);



/** The statement `cosign sign` signs in the bundle format: the image digest as subject, an empty predicate. */
function cosignSignStatement(subject) {
    const [algorithm, hex] = subject.digest.split(':');
    return {
        _type: _predicates_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_TOTO_STATEMENT_V1 */ .tV,
        subject: [{ name: subject.name, digest: { [algorithm]: hex } }],
        predicateType: _predicates_js__WEBPACK_IMPORTED_MODULE_1__/* .PREDICATE_TYPE */ .To.cosignSign,
        predicate: {}
    };
}
/** The OCI 1.1 artifact manifest that attaches a Sigstore bundle to its subject. */
function bundleReferrerManifest(options) {
    const annotations = { [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.bundleContent]: options.content ?? 'dsse-envelope' };
    if (options.predicateType)
        annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.bundlePredicateType] = options.predicateType;
    annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.created] = options.created;
    return {
        schemaVersion: 2,
        mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.ociManifest,
        artifactType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.sigstoreBundle,
        config: { mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.ociEmpty, digest: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .EMPTY_JSON_DIGEST */ .KV, size: 2 },
        layers: [
            {
                mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.sigstoreBundle,
                digest: options.bundle.digest,
                size: options.bundle.size,
                annotations: { 'org.opencontainers.image.title': `${options.bundle.digest.replace(':', '-')}.sigstore.json` }
            }
        ],
        subject: { mediaType: options.subject.mediaType, digest: options.subject.digest, size: options.subject.size },
        annotations
    };
}
/**
 * cosign's simple-signing payload, byte for byte as cosign writes it (Go's encoding/json of its
 * struct: fields in declaration order, `optional` null when empty).
 */
function simpleSigningPayload(dockerReference, digest) {
    return JSON.stringify({
        critical: {
            identity: { 'docker-reference': dockerReference },
            image: { 'docker-manifest-digest': digest },
            type: 'cosign container image signature'
        },
        optional: null
    });
}
function legacyTag(digest, suffix) {
    return `${digest.replace(':', '-')}.${suffix}`;
}
function pem(der) {
    const body = Buffer.from(der, 'base64')
        .toString('base64')
        .match(/.{1,64}/g)
        ?.join('\n') ?? '';
    return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
function certificates(bundle) {
    const material = bundle.verificationMaterial;
    if (material.certificate)
        return [material.certificate.rawBytes];
    return material.x509CertificateChain?.certificates.map((c) => c.rawBytes) ?? [];
}
/** cosign's `dev.sigstore.cosign/bundle`: Rekor's signed entry timestamp and the entry it signs. */
function rekorBundleAnnotation(bundle) {
    const entry = bundle.verificationMaterial.tlogEntries?.[0];
    if (!entry?.inclusionPromise)
        return '';
    return JSON.stringify({
        SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
        Payload: {
            body: entry.canonicalizedBody,
            integratedTime: Number(entry.integratedTime),
            logIndex: Number(entry.logIndex),
            logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex')
        }
    });
}
function certificateAnnotations(bundle) {
    const [leaf, ...chain] = certificates(bundle);
    return {
        [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignCertificate]: leaf ? pem(leaf) : '',
        [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignChain]: chain.map(pem).join(''),
        [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignBundle]: rekorBundleAnnotation(bundle)
    };
}
/** The `.sig` layer: the simple-signing payload, its signature and the proof cosign keeps beside it. */
function legacySignatureLayer(bundle, payload) {
    const signature = bundle.messageSignature?.signature;
    if (!signature)
        throw new Error('a legacy signature needs a message-signature bundle');
    return {
        mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.cosignSimpleSigning,
        digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(payload),
        size: payload.length,
        annotations: { [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignSignature]: signature, ...certificateAnnotations(bundle) }
    };
}
/** The `.att` layer: the DSSE envelope itself, with its predicate type; the signature lives in the envelope. */
function legacyAttestationLayer(bundle, predicateType) {
    const envelope = bundle.dsseEnvelope;
    if (!envelope)
        throw new Error('a legacy attestation needs a DSSE bundle');
    const bytes = Buffer.from(JSON.stringify({
        payloadType: envelope.payloadType,
        payload: envelope.payload,
        signatures: envelope.signatures.map((s) => ({ keyid: s.keyid ?? '', sig: s.sig }))
    }));
    return {
        bytes,
        layer: {
            mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.dsseEnvelope,
            digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(bytes),
            size: bytes.length,
            annotations: { [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignSignature]: '', ...certificateAnnotations(bundle), [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.predicateType]: predicateType }
        }
    };
}
/**
 * The image cosign writes under `.sig`/`.att` (go-containerregistry's `mutate.Append` onto an
 * empty image): an OCI manifest whose config lists each layer as a diff ID.
 */
function legacyImageManifest(layers) {
    const config = Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {}
    }));
    return {
        config,
        manifest: {
            schemaVersion: 2,
            mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.ociManifest,
            config: { mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.ociConfig, size: config.length, digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(config) },
            layers
        }
    };
}
function pemToBase64Der(pem) {
    return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => m[1].replace(/\s+/g, ''));
}
/**
 * The Sigstore bundle a cosign v2 `.sig` layer stands for (its certificate and chain, its Rekor
 * entry and signed entry timestamp, its signature over the payload), so it can be verified like
 * any bundle. Whatever the layer lacks is left out, and verification then fails.
 */
function bundleFromLegacyLayer(layer, payload) {
    const annotations = layer.annotations ?? {};
    const certificates = [
        ...pemToBase64Der(annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignCertificate] ?? ''),
        ...pemToBase64Der(annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignChain] ?? '')
    ];
    let rekor;
    try {
        rekor = JSON.parse(annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignBundle] || 'null') ?? undefined;
    }
    catch {
        rekor = undefined;
    }
    let kindVersion = { kind: 'hashedrekord', version: '0.0.1' };
    try {
        const body = JSON.parse(Buffer.from(rekor?.Payload?.body ?? '', 'base64').toString('utf8'));
        if (body.kind && body.apiVersion)
            kindVersion = { kind: body.kind, version: body.apiVersion };
    }
    catch {
        // no body: the entry will not verify
    }
    const tlogEntries = rekor?.Payload
        ? [
            {
                logIndex: String(rekor.Payload.logIndex ?? ''),
                logId: { keyId: Buffer.from(rekor.Payload.logID ?? '', 'hex').toString('base64') },
                kindVersion,
                integratedTime: String(rekor.Payload.integratedTime ?? ''),
                inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp ?? '' },
                canonicalizedBody: rekor.Payload.body ?? ''
            }
        ]
        : [];
    return {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: {
            x509CertificateChain: { certificates: certificates.map((rawBytes) => ({ rawBytes })) },
            tlogEntries,
            timestampVerificationData: { rfc3161Timestamps: [] }
        },
        messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: Buffer.from((0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(payload).slice(7), 'hex').toString('base64') },
            signature: annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.cosignSignature] ?? ''
        }
    };
}


/***/ }),

/***/ 36115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ storeBundleReferrer),
/* harmony export */   QO: () => (/* binding */ findBundleReferrers),
/* harmony export */   a4: () => (/* binding */ readLegacyLayers),
/* harmony export */   rY: () => (/* binding */ appendLegacyLayer),
/* harmony export */   wQ: () => (/* binding */ readReferrerBundle)
/* harmony export */ });
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29217);


/** Pushes the bundle blob and the referrer manifest that points at it, and lists it for its subject. */
async function storeBundleReferrer(options) {
    const { client } = options;
    await client.putBlobBytes(Buffer.from('{}'), _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_JSON_DIGEST */ .KV);
    await client.putBlobBytes(options.bundleBytes);
    return options.referrers.attach({ manifest: Buffer.from(JSON.stringify(options.manifest)), subjectDigest: options.subjectDigest });
}
/** Referrers of a subject that are Sigstore bundles of one predicate type, newest first. */
async function findBundleReferrers(referrers, subjectDigest, predicateType) {
    const listed = await referrers.list(subjectDigest);
    return listed
        .filter((d) => d.artifactType === _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.sigstoreBundle && d.annotations?.['dev.sigstore.bundle.predicateType'] === predicateType)
        .sort((a, b) => (b.annotations?.['org.opencontainers.image.created'] ?? '').localeCompare(a.annotations?.['org.opencontainers.image.created'] ?? ''));
}
/** Reads the bundle JSON a bundle referrer manifest carries. */
async function readReferrerBundle(client, referrerDigest) {
    const manifest = await client.getManifest(referrerDigest);
    if (!manifest)
        return undefined;
    const layer = JSON.parse(manifest.bytes.toString('utf8')).layers?.[0];
    if (!layer || layer.size > 1024 * 1024)
        return undefined;
    return JSON.parse((await client.getBlob(layer.digest, layer.size)).toString('utf8'));
}
/** The layers cosign's `.sig`/`.att` tag holds now, with their payloads' digests. */
async function readLegacyLayers(client, tag) {
    const existing = await client.getManifest(tag, [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.ociManifest, _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.dockerManifest]);
    if (!existing)
        return [];
    return (JSON.parse(existing.bytes.toString('utf8')).layers ?? []).filter((l) => l && typeof l.digest === 'string');
}
/**
 * Appends a layer to cosign's legacy tag, as `cosign sign` does: the existing manifest's layers
 * are kept, never replaced. A layer already there (same digest and annotations) is not added twice.
 */
async function appendLegacyLayer(options) {
    const { client, tag, layer } = options;
    const layers = await readLegacyLayers(client, tag);
    const already = layers.some((l) => l.digest === layer.digest && JSON.stringify(l.annotations ?? {}) === JSON.stringify(layer.annotations ?? {}));
    await client.putBlobBytes(options.layerBytes, layer.digest);
    const next = already ? layers : [...layers, layer];
    const { manifest, config } = options.buildManifest(next);
    await client.putBlobBytes(config);
    const bytes = Buffer.from(JSON.stringify(manifest));
    if (already) {
        const current = await client.headManifest(tag);
        if (current)
            return { tag, digest: current.digest, appended: false };
    }
    const { digest } = await client.putManifest(tag, bytes, manifest.mediaType ?? _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.ociManifest);
    return { tag, digest: digest ?? (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Of */ .Bj)(bytes), appended: !already };
}


/***/ }),

/***/ 23202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VerificationError: () => (/* binding */ VerificationError),
/* harmony export */   verifyEvidence: () => (/* binding */ verifyEvidence)
/* harmony export */ });
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29217);
/* harmony import */ var _sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75087);
/* harmony import */ var _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68042);
/* harmony import */ var _sigstore_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36115);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68825);
/* harmony import */ var _net_concurrency_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(69880);






/** Evidence documents read ahead of verification, from one registry. */
const READ_AHEAD = 8;
/**
 * Verifying a bundle holds the thread for milliseconds (certificate chains, log proofs): between two
 * of them, answers that have arrived are handled, so reads under way (this step's, the copy's
 * planning) keep moving instead of waiting for the last verification.
 */
function yieldToIo() {
    return new Promise((resolve) => setImmediate(resolve));
}
class VerificationError extends Error {
    name = 'VerificationError';
}
async function verifyEvidence(options) {
    const { client, digest, logger } = options;
    const expect = { subjectDigest: digest, identity: options.identity, issuer: options.issuer };
    const seen = new Set();
    const rejected = [];
    const result = { where: options.where, digest, identity: '', issuer: options.issuer, signatures: 0, attestations: {} };
    const note = (reason, identity) => {
        if (identity)
            seen.add(identity);
        rejected.push(reason);
    };
    // The reads go out side by side (the evidence is a handful of small documents, read a few ahead);
    // verification keeps the order the registry lists them in, so its messages do not depend on timing.
    const payload = Buffer.from((0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleSigningPayload */ .Kq)(options.imageName, digest));
    const sigTag = (0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_1__/* .legacyTag */ .w_)(digest, 'sig');
    const [listed, legacyLayers] = await Promise.all([options.referrers.list(digest), (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_3__/* .readLegacyLayers */ .a4)(client, sigTag)]);
    const bundles = (0,_net_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .readAhead */ .Ek)(listed.filter((descriptor) => descriptor.artifactType === _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.sigstoreBundle), READ_AHEAD, (descriptor) => (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_3__/* .readReferrerBundle */ .wQ)(client, descriptor.digest).catch(() => undefined));
    const legacyPayloads = (0,_net_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .readAhead */ .Ek)(legacyLayers.filter((layer) => layer.mediaType === _oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIA_TYPE */ .Ap.cosignSimpleSigning), READ_AHEAD, async (layer) => (layer.digest === (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Of */ .Bj)(payload) ? payload : client.getBlob(layer.digest, 64 * 1024).catch(() => undefined)));
    // The trust material may still be loading while the first reads are under way; a failure to load it is this step's error.
    const verifier = await options.verifier;
    for await (const [descriptor, bundle] of bundles) {
        if (!bundle)
            continue;
        await yieldToIo();
        const predicateType = descriptor.annotations?.[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATION */ .YX.bundlePredicateType];
        const verified = verifier.verifyStatementBundle(bundle, { ...expect, ...(predicateType ? { predicateType } : {}) });
        if (!verified.ok) {
            note(`${descriptor.digest}: ${verified.reason}`, verified.identity);
            continue;
        }
        seen.add(verified.identity);
        const type = verified.statement.predicateType;
        if (type === _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_2__/* .PREDICATE_TYPE */ .To.testResult && verified.statement.predicate?.result !== 'PASSED') {
            note(`${descriptor.digest}: a test-result attestation that says ${String(verified.statement.predicate?.result)}`, undefined);
            continue;
        }
        result.identity ||= verified.identity;
        if (type === _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_2__/* .PREDICATE_TYPE */ .To.cosignSign)
            result.signatures++;
        else
            result.attestations[type] = (result.attestations[type] ?? 0) + 1;
    }
    // cosign v2's signature tag: each layer rebuilt into the bundle it stands for, and verified the same way.
    for await (const [layer, bytes] of legacyPayloads) {
        if (!bytes)
            continue;
        await yieldToIo();
        const verified = verifier.verifyMessageBundle((0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_1__/* .bundleFromLegacyLayer */ .TQ)(layer, bytes), bytes, expect);
        if (!verified.ok) {
            note(`${sigTag} layer ${layer.digest}: ${verified.reason}`, verified.identity);
            continue;
        }
        seen.add(verified.identity);
        result.identity ||= verified.identity;
        result.signatures++;
    }
    const missing = [
        ...(result.signatures === 0 ? ['a signature'] : []),
        ...options.attestations.filter((type) => !result.attestations[type])
    ];
    if (missing.length > 0) {
        const found = [
            `${result.signatures} verified signature(s)`,
            ...Object.entries(result.attestations).map(([type, count]) => `${count} × ${type}`)
        ].join(', ');
        const signers = seen.size ? [...seen].join(', ') : 'none that verify against the trusted root';
        throw new VerificationError(`${digest} at the ${options.where} lacks ${missing.join(' and ')} by a signer matching verify-identity ${options.identity} (issuer ${options.issuer}). ` +
            `Found: ${found}. Identities that did sign: ${signers}.` +
            (rejected.length
                ? ` Not counted: ${rejected.slice(0, 5).join('; ')}${rejected.length > 5 ? `; and ${rejected.length - 5} more` : ''}.`
                : ''));
    }
    logger.info(`${options.where}: ${digest} signed by ${result.identity} (${result.signatures} signature(s)); attested: ${Object.keys(result.attestations).join(', ') || 'nothing required'}`);
    return result;
}


/***/ })

};
