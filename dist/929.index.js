export const id = 929;
export const ids = [929];
export const modules = {

/***/ 20993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ bundleIdentity),
/* harmony export */   FH: () => (/* binding */ bundleLogIndex),
/* harmony export */   GX: () => (/* binding */ timeProof)
/* harmony export */ });
/* unused harmony export preAuthEncoding */
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83917);
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_sigstore_core__WEBPACK_IMPORTED_MODULE_0__);
// Facts read out of a Sigstore bundle (v0.3 JSON) for logs and outputs: the signer's identity and
// the log entry. Whether a bundle is to be trusted is the verifier's question (verifier.ts), never this file's.

const FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
function leafCertificate(bundle) {
    const material = bundle.verificationMaterial;
    const raw = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates?.[0]?.rawBytes;
    return raw ? _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.X509Certificate.parse(Buffer.from(raw, 'base64')) : undefined;
}
function extensionText(cert, oid) {
    const value = cert.extension(oid)?.value;
    if (!value)
        return undefined;
    // v2 extensions are DER UTF8Strings; v1 extensions are raw bytes.
    if (value[0] === 0x0c && value.length >= 2 && value[1] < 0x80)
        return value.subarray(2, 2 + value[1]).toString('utf8');
    return value.toString('utf8');
}
function bundleIdentity(bundle) {
    const cert = leafCertificate(bundle);
    if (!cert)
        return {};
    return { san: cert.subjectAltName, issuer: extensionText(cert, FULCIO_ISSUER_V2) ?? extensionText(cert, FULCIO_ISSUER_V1) };
}
function bundleLogIndex(bundle) {
    const entry = bundle.verificationMaterial.tlogEntries?.[0];
    return entry ? Number(entry.logIndex) : undefined;
}
/** DSSE pre-authentication encoding (DSSE spec, protocol.md). */
function preAuthEncoding(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}
/** What proves when the bundle was signed: its Rekor entry, or its RFC 3161 timestamp (GitHub's instance has no log). */
function timeProof(bundle) {
    const logIndex = bundleLogIndex(bundle);
    return logIndex !== undefined ? `Rekor log index ${logIndex}` : 'timestamped, no transparency log';
}


/***/ }),

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

/***/ 66310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   signImage: () => (/* binding */ signImage),
/* harmony export */   signingTargets: () => (/* binding */ signingTargets)
/* harmony export */ });
/* unused harmony export SIGNING_CONCURRENCY */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68825);
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(47592);
/* harmony import */ var _oci_layout_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34199);
/* harmony import */ var _net_concurrency_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(69880);
/* harmony import */ var _sigstore_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36115);
/* harmony import */ var _sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20993);
/* harmony import */ var _sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75087);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(29217);
/* harmony import */ var _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(68042);
// The sign step: a keyless Sigstore signature over each digest (the index and every platform
// manifest, since admission controllers resolve a platform), stored where verifiers look:
// cosign v3's bundle referrer and/or cosign v2's `sha256-<hex>.sig` tag.











/**
 * What is signed and attested for an image: the top manifest, then, for an index, each platform
 * manifest (its descriptor from the index, platform included).
 */
function signingTargets(image) {
    return image.kind === 'index' ? [image.descriptor, ...(0,_oci_layout_read_js__WEBPACK_IMPORTED_MODULE_3__/* .platformImages */ .QF)(image).map((node) => node.descriptor)] : [image.descriptor];
}
/** Targets signed at once: Rekor and the timestamp authority are asked at most this many times in parallel. */
const SIGNING_CONCURRENCY = 8;
async function signImage(options) {
    const { client, referrers, logger } = options;
    const result = { targets: [] };
    const signedTargets = [];
    // Each target's evidence goes to its own referrers and tags, so targets are signed side by side:
    // with one certificate for the run, only the log and timestamp requests remain, and they overlap.
    await (0,_net_concurrency_js__WEBPACK_IMPORTED_MODULE_9__/* .forEachLimit */ .Gm)([...options.targets.entries()], SIGNING_CONCURRENCY, async ([position, target]) => {
        const signed = { digest: target.digest, platform: (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_10__/* .platformName */ .$)(target), reused: false };
        const subject = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_10__/* .plainDescriptor */ .U)(target);
        const bundleFile = position === 0 ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.outputDir, `signature-${(0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestFileStem */ .yP)(target.digest)}.sigstore.json`) : undefined;
        // The two formats are independent evidence in different places: made side by side.
        const asBundle = async () => {
            const existing = await findOwnSignature(options, target.digest);
            if (existing) {
                noteIdentity(result, existing.bundle);
                logger.info(`${label(target)}: already signed by ${(0,_sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__/* .bundleIdentity */ .Do)(existing.bundle).san} (referrer ${existing.referrerDigest}); not signing again`);
                return { referrerDigest: existing.referrerDigest, logIndex: (0,_sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__/* .bundleLogIndex */ .FH)(existing.bundle), reused: true };
            }
            const statement = (0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .cosignSignStatement */ .O2)({ name: options.imageName, digest: target.digest });
            const bundle = await options.signer.signDsse(Buffer.from(JSON.stringify(statement)), _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_8__/* .IN_TOTO_PAYLOAD_TYPE */ .T4);
            await options.publish?.(bundle);
            const bundleBytes = Buffer.from(JSON.stringify(bundle));
            const manifest = (0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .bundleReferrerManifest */ .j_)({
                subject,
                bundle: { mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .MEDIA_TYPE */ .Ap.sigstoreBundle, digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(bundleBytes), size: bundleBytes.length },
                predicateType: _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_8__/* .PREDICATE_TYPE */ .To.cosignSign,
                created: options.now().toISOString()
            });
            const stored = await (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_4__/* .storeBundleReferrer */ .B_)({ client, referrers, subjectDigest: target.digest, bundleBytes, manifest });
            result.referrersMode = stored.mode;
            noteIdentity(result, bundle);
            logger.info(`${label(target)}: signed; bundle referrer ${stored.digest} (${stored.mode}), ${(0,_sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__/* .timeProof */ .GX)(bundle)}`);
            return { referrerDigest: stored.digest, logIndex: (0,_sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__/* .bundleLogIndex */ .FH)(bundle), reused: false, bundleBytes };
        };
        const asLegacy = async () => {
            const tag = (0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .legacyTag */ .w_)(target.digest, 'sig');
            const payload = Buffer.from((0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleSigningPayload */ .Kq)(options.imageName, target.digest));
            const layers = await (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_4__/* .readLegacyLayers */ .a4)(client, tag);
            const payloadDigest = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(payload);
            if (layers.some((l) => l.digest === payloadDigest && legacyLayerVerifies(options, l, payload, target.digest))) {
                logger.info(`${label(target)}: ${tag} already holds a signature by this identity; not signing again`);
                return { tag, reused: true };
            }
            const bundle = await options.signer.signMessage(payload);
            const layer = (0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .legacySignatureLayer */ .fT)(bundle, payload);
            await (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_4__/* .appendLegacyLayer */ .rY)({ client, tag, layer, layerBytes: payload, buildManifest: _sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .legacyImageManifest */ .wA });
            noteIdentity(result, bundle);
            logger.info(`${label(target)}: signed; cosign legacy tag ${tag}`);
            return { tag, logIndex: (0,_sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__/* .bundleLogIndex */ .FH)(bundle), reused: false, bundleBytes: Buffer.from(JSON.stringify(bundle)) };
        };
        const [inBundle, inLegacy] = await Promise.all([
            options.format === 'bundle' || options.format === 'both' ? asBundle() : undefined,
            options.format === 'legacy' || options.format === 'both' ? asLegacy() : undefined
        ]);
        signed.referrerDigest = inBundle?.referrerDigest;
        signed.legacyTag = inLegacy ? `${options.imageName}:${inLegacy.tag}` : undefined;
        signed.logIndex = inBundle?.logIndex ?? inLegacy?.logIndex;
        signed.reused = inBundle ? inBundle.reused : (inLegacy?.reused ?? false);
        // The top target's new bundle is kept as a file (the bundle format's when there is one).
        const written = inBundle?.bundleBytes ?? inLegacy?.bundleBytes;
        if (bundleFile && written) {
            result.bundlePath = bundleFile;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(bundleFile, written);
        }
        signedTargets[position] = signed;
    });
    result.targets = signedTargets;
    const top = result.targets[0];
    result.signatureDigest = top?.referrerDigest;
    result.signatureTag = top?.legacyTag;
    result.rekorLogIndex = top?.logIndex;
    result.referrersMode ??= referrers.detectedMode;
    return result;
}
function label(target) {
    const platform = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_10__/* .platformName */ .$)(target);
    return platform ? `${platform} ${target.digest}` : target.digest;
}
function noteIdentity(result, bundle) {
    const who = (0,_sigstore_bundle_info_js__WEBPACK_IMPORTED_MODULE_5__/* .bundleIdentity */ .Do)(bundle);
    result.identity ??= who.san;
    result.issuer ??= who.issuer;
}
/**
 * An existing signature is reused only when it verifies against the trusted root as ours: chain to
 * the instance's CA, a log entry or timestamp, the signature, our identity and issuer, this digest.
 * Without trust material nothing is reused: the step signs anew rather than trust what it found.
 */
async function findOwnSignature(options, digest) {
    if (!options.verifier)
        return undefined;
    for (const candidate of await (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_4__/* .findBundleReferrers */ .QO)(options.referrers, digest, _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_8__/* .PREDICATE_TYPE */ .To.cosignSign)) {
        const bundle = (await (0,_sigstore_store_js__WEBPACK_IMPORTED_MODULE_4__/* .readReferrerBundle */ .wQ)(options.client, candidate.digest).catch(() => undefined));
        const verified = bundle
            ? options.verifier.verifyStatementBundle(bundle, {
                subjectDigest: digest,
                predicateType: _sigstore_predicates_js__WEBPACK_IMPORTED_MODULE_8__/* .PREDICATE_TYPE */ .To.cosignSign,
                identity: identityPattern(options.identity),
                issuer: options.identity.issuer
            })
            : { ok: false, reason: 'unreadable' };
        if (verified.ok)
            return { referrerDigest: candidate.digest, bundle: bundle };
        options.logger.debug(`signature referrer ${candidate.digest} of ${digest} is not ours (${verified.reason}); ignoring it`);
    }
    return undefined;
}
/** A legacy `.sig` layer is ours when the bundle it stands for verifies, as a referrer must. */
function legacyLayerVerifies(options, layer, payload, digest) {
    if (!options.verifier)
        return false;
    const verified = options.verifier.verifyMessageBundle((0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .bundleFromLegacyLayer */ .TQ)(layer, payload), payload, {
        subjectDigest: digest,
        identity: identityPattern(options.identity),
        issuer: options.identity.issuer
    });
    if (!verified.ok)
        options.logger.debug(`a ${(0,_sigstore_cosign_js__WEBPACK_IMPORTED_MODULE_6__/* .legacyTag */ .w_)(digest, 'sig')} layer is not ours (${verified.reason}); ignoring it`);
    return verified.ok;
}
/** The SANs this run's certificate may carry, as one anchored pattern. */
function identityPattern(identity) {
    const escaped = identity.candidates.map((candidate) => candidate.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    return escaped.length ? new RegExp(`^(?:${escaped.join('|')})$`) : /(?!)/;
}


/***/ })

};
