export const id = 783;
export const ids = [783];
export const modules = {

/***/ 20993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ bundleIdentity),
/* harmony export */   FH: () => (/* binding */ bundleLogIndex),
/* harmony export */   ZC: () => (/* binding */ isOwnStatementAbout)
/* harmony export */ });
/* unused harmony exports leafCertificate, preAuthEncoding, verifiedStatement */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83917);
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_sigstore_core__WEBPACK_IMPORTED_MODULE_1__);
// Facts read out of a Sigstore bundle (v0.3 JSON): the signer's identity, the log entry, and
// whether its DSSE signature really verifies under its certificate.


const FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
function leafCertificate(bundle) {
    const material = bundle.verificationMaterial;
    const raw = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates?.[0]?.rawBytes;
    return raw ? _sigstore_core__WEBPACK_IMPORTED_MODULE_1__.X509Certificate.parse(Buffer.from(raw, 'base64')) : undefined;
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
/** The in-toto statement of a DSSE bundle, when its signature verifies under the bundle's certificate. */
function verifiedStatement(bundle) {
    const envelope = bundle.dsseEnvelope;
    const cert = leafCertificate(bundle);
    if (!envelope || !cert || !envelope.signatures?.length)
        return undefined;
    const payload = Buffer.from(envelope.payload, 'base64');
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: cert.publicKey, format: 'der', type: 'spki' });
    const valid = envelope.signatures.some((s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', preAuthEncoding(envelope.payloadType, payload), key, Buffer.from(s.sig, 'base64')));
    if (!valid)
        return undefined;
    try {
        return JSON.parse(payload.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** True when the bundle is a verifying DSSE statement of this predicate type about this digest, by this signer. */
function isOwnStatementAbout(bundle, digest, predicateType, identities, issuer) {
    const who = bundleIdentity(bundle);
    if (!who.san || !identities.includes(who.san))
        return false;
    if (issuer && who.issuer && who.issuer !== issuer)
        return false;
    if (!bundle.verificationMaterial.tlogEntries?.length)
        return false;
    const statement = verifiedStatement(bundle);
    if (!statement || statement.predicateType !== predicateType)
        return false;
    const [algorithm, hex] = digest.split(':');
    return (statement.subject ?? []).some((s) => s.digest?.[algorithm] === hex);
}


/***/ }),

/***/ 75087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ legacyAttestationLayer),
/* harmony export */   Kq: () => (/* binding */ simpleSigningPayload),
/* harmony export */   O2: () => (/* binding */ cosignSignStatement),
/* harmony export */   fT: () => (/* binding */ legacySignatureLayer),
/* harmony export */   j_: () => (/* binding */ bundleReferrerManifest),
/* harmony export */   wA: () => (/* binding */ legacyImageManifest),
/* harmony export */   w_: () => (/* binding */ legacyTag)
/* harmony export */ });
/* unused harmony export rekorBundleAnnotation */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29217);
// cosign's storage formats, as pure builders of plain JSON.
// v3 (bundle):  https://github.com/sigstore/cosign/blob/main/specs/BUNDLE_SPEC.md
// v2 (legacy):  https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md


const sha256 = (bytes) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
/** The statement `cosign sign` signs in the bundle format: the image digest as subject, an empty predicate. */
function cosignSignStatement(subject) {
    const [algorithm, hex] = subject.digest.split(':');
    return {
        _type: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_TOTO_STATEMENT_V1 */ .tV,
        subject: [{ name: subject.name, digest: { [algorithm]: hex } }],
        predicateType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .PREDICATE_TYPE */ .To.cosignSign,
        predicate: {}
    };
}
/** The OCI 1.1 artifact manifest that attaches a Sigstore bundle to its subject. */
function bundleReferrerManifest(options) {
    const annotations = { [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.bundleContent]: options.content ?? 'dsse-envelope' };
    if (options.predicateType)
        annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.bundlePredicateType] = options.predicateType;
    annotations[_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.created] = options.created;
    return {
        schemaVersion: 2,
        mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.ociManifest,
        artifactType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.sigstoreBundle,
        config: { mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.ociEmpty, digest: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_JSON_DIGEST */ .KV, size: 2 },
        layers: [
            {
                mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.sigstoreBundle,
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
        [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.cosignCertificate]: leaf ? pem(leaf) : '',
        [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.cosignChain]: chain.map(pem).join(''),
        [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.cosignBundle]: rekorBundleAnnotation(bundle)
    };
}
/** The `.sig` layer: the simple-signing payload, its signature and the proof cosign keeps beside it. */
function legacySignatureLayer(bundle, payload) {
    const signature = bundle.messageSignature?.signature;
    if (!signature)
        throw new Error('a legacy signature needs a message-signature bundle');
    return {
        mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.cosignSimpleSigning,
        digest: sha256(payload),
        size: payload.length,
        annotations: { [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.cosignSignature]: signature, ...certificateAnnotations(bundle) }
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
            mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.dsseEnvelope,
            digest: sha256(bytes),
            size: bytes.length,
            annotations: { [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.cosignSignature]: '', ...certificateAnnotations(bundle), [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATION */ .YX.predicateType]: predicateType }
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
            mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.ociManifest,
            config: { mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA_TYPE */ .Ap.ociConfig, size: config.length, digest: sha256(config) },
            layers
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
/* harmony import */ var _oci_registry_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81570);
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
    return { tag, digest: digest ?? (0,_oci_registry_client_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes), appended: !already };
}


/***/ }),

/***/ 41783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attestImage: () => (/* binding */ attestImage),
  statementBytes: () => (/* binding */ statementBytes)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/oci/registry/client.ts + 1 modules
var registry_client = __webpack_require__(81570);
// EXTERNAL MODULE: ./src/sigstore/store.ts
var store = __webpack_require__(36115);
// EXTERNAL MODULE: ./src/sigstore/bundle-info.ts
var bundle_info = __webpack_require__(20993);
// EXTERNAL MODULE: ./src/sigstore/cosign.ts
var cosign = __webpack_require__(75087);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/sigstore/intoto.ts
// in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md).

function buildStatement(subjects, predicateType, predicate) {
    return { _type: media_types/* IN_TOTO_STATEMENT_V1 */.tV, subject: subjects, predicateType, predicate };
}

// EXTERNAL MODULE: ./src/sbom/index.ts + 18 modules
var sbom = __webpack_require__(33874);
;// CONCATENATED MODULE: ./src/steps/attest.ts
// The attest step: SLSA provenance and an SBOM as in-toto statements, DSSE-signed through Sigstore
// and stored beside the image exactly like the signature (cosign BUNDLE_SPEC referrers, and
// cosign v2's `sha256-<hex>.att` tag when the legacy format is on).









async function attestImage(options) {
    const result = { attestations: [] };
    const isIndex = options.platforms.length !== 1 || options.platforms[0].digest !== options.top.digest;
    if (options.provenance) {
        // Provenance describes the build of every digest: the index and each platform manifest.
        const subjects = isIndex ? [options.top, ...options.platforms] : [options.top];
        for (const subject of subjects) {
            const attestation = await attest(options, subject, 'provenance', media_types/* PREDICATE_TYPE */.To.slsaProvenance1, Buffer.from(JSON.stringify(options.provenance)));
            result.attestations.push(attestation);
            if (subject.digest === options.top.digest)
                result.provenance = attestation;
        }
    }
    if (options.sbom.mode === 'file') {
        const { file } = options.sbom;
        const attestation = await attest(options, options.top, 'sbom', file.predicateType, file.bytes);
        result.attestations.push(attestation);
        result.sbom = attestation;
        result.sbomPath = (0,external_node_path_.join)(options.outputDir, `sbom-${options.top.digest.slice(7, 19)}.${file.format === 'spdx' ? 'spdx' : 'cdx'}.json`);
        await (0,promises_.writeFile)(result.sbomPath, file.bytes);
    }
    else if (options.sbom.mode === 'generate') {
        // One SBOM per platform, attested to that platform's digest: that is what a node pulls.
        for (const platform of options.platforms) {
            const generated = await (0,sbom/* generateSbom */.N)({ name: options.imageName, digest: platform.digest, platform: platform.platform, config: platform.config, layers: platform.layers }, options.openBlob, { created: options.now().toISOString(), toolName: options.toolName, logger: options.logger });
            options.logger.info(`${platform.platform ?? platform.digest}: catalogued ${generated.packages.length} packages${generated.os ? ` on ${generated.os.prettyName ?? generated.os.id}` : ''}`);
            const bytes = Buffer.from(JSON.stringify(generated.document, null, 2));
            const path = (0,external_node_path_.join)(options.outputDir, `sbom-${platform.digest.slice(7, 19)}.spdx.json`);
            await (0,promises_.writeFile)(path, bytes);
            const attestation = await attest(options, platform, 'sbom', media_types/* PREDICATE_TYPE */.To.spdx23, bytes);
            result.attestations.push(attestation);
            result.sbom ??= attestation;
            result.sbomPath ??= path;
        }
    }
    return result;
}
/**
 * The statement's bytes with the predicate spliced in as given: a user's SBOM file travels inside
 * the signed payload byte for byte, not re-serialized.
 */
function statementBytes(subject, predicateType, predicateBytes) {
    const [algorithm, hex] = subject.digest.split(':');
    const head = JSON.stringify(buildStatement([{ name: subject.name, digest: { [algorithm]: hex } }], predicateType, null));
    return Buffer.concat([Buffer.from(head.slice(0, -'null}'.length)), predicateBytes, Buffer.from('}')]);
}
async function attest(options, subject, kind, predicateType, predicateBytes) {
    const { client, referrers, logger } = options;
    const payload = statementBytes({ name: options.imageName, digest: subject.digest }, predicateType, predicateBytes);
    const bundle = await options.signer.signDsse(payload, media_types/* IN_TOTO_PAYLOAD_TYPE */.T4);
    const bundleBytes = Buffer.from(JSON.stringify(bundle));
    const summary = { kind, platform: subject.platform, subjectDigest: subject.digest, referrerDigest: '', predicateType };
    if (options.format === 'bundle' || options.format === 'both') {
        const manifest = (0,cosign/* bundleReferrerManifest */.j_)({
            subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
            bundle: { mediaType: media_types/* MEDIA_TYPE */.Ap.sigstoreBundle, digest: (0,registry_client/* sha256Digest */.sI)(bundleBytes), size: bundleBytes.length },
            predicateType,
            created: options.now().toISOString()
        });
        const stored = await (0,store/* storeBundleReferrer */.B_)({ client, referrers, subjectDigest: subject.digest, bundleBytes, manifest });
        summary.referrerDigest = stored.digest;
    }
    if (options.format === 'legacy' || options.format === 'both') {
        const tag = (0,cosign/* legacyTag */.w_)(subject.digest, 'att');
        const { layer, bytes } = (0,cosign/* legacyAttestationLayer */.HJ)(bundle, predicateType);
        await (0,store/* appendLegacyLayer */.rY)({ client, tag, layer, layerBytes: bytes, buildManifest: cosign/* legacyImageManifest */.wA });
        summary.legacyTag = `${options.imageName}:${tag}`;
    }
    summary.bundlePath = (0,external_node_path_.join)(options.outputDir, `${kind}-${subject.digest.slice(7, 19)}.sigstore.json`);
    await (0,promises_.writeFile)(summary.bundlePath, bundleBytes);
    logger.info(`${kind} for ${subject.platform ?? subject.digest}: ${summary.referrerDigest || summary.legacyTag} (Rekor log index ${(0,bundle_info/* bundleLogIndex */.FH)(bundle)})`);
    return summary;
}


/***/ })

};
