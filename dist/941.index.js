export const id = 941;
export const ids = [941];
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

/***/ 13941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attestImage: () => (/* binding */ attestImage),
  layerOpener: () => (/* binding */ layerOpener),
  readPlatformImages: () => (/* binding */ readPlatformImages),
  statementBytes: () => (/* binding */ statementBytes)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/sigstore/store.ts
var store = __webpack_require__(36115);
// EXTERNAL MODULE: ./src/sigstore/bundle-info.ts
var bundle_info = __webpack_require__(20993);
// EXTERNAL MODULE: ./src/sigstore/cosign.ts
var cosign = __webpack_require__(75087);
// EXTERNAL MODULE: ./src/sigstore/predicates.ts
var predicates = __webpack_require__(68042);
;// CONCATENATED MODULE: ./src/sigstore/intoto.ts
// in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md).

function buildStatement(subjects, predicateType, predicate) {
    return { _type: predicates/* IN_TOTO_STATEMENT_V1 */.tV, subject: subjects, predicateType, predicate };
}

// EXTERNAL MODULE: ./src/net/logger.ts
var net_logger = __webpack_require__(39691);
;// CONCATENATED MODULE: ./src/sbom/catalog/purl.ts
// Package URLs: https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst
// Every segment is percent-encoded except unreserved characters, so `1:2.3` becomes `1%3A2.3` and `+` becomes `%2B`.
function encodePurlSegment(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
function formatPurl(parts) {
    let purl = `pkg:${parts.type}/`;
    if (parts.namespace)
        purl += parts.namespace.split('/').map(encodePurlSegment).join('/') + '/';
    purl += encodePurlSegment(parts.name);
    if (parts.version)
        purl += '@' + encodePurlSegment(parts.version);
    // Qualifiers are sorted by key, and empty values are left out (spec, "Rules for each purl component").
    const qualifiers = Object.entries(parts.qualifiers ?? {})
        .filter((entry) => entry[1] !== undefined && entry[1] !== '')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (qualifiers.length > 0)
        purl += '?' + qualifiers.map(([key, value]) => `${key}=${encodePurlSegment(value)}`).join('&');
    return purl;
}

;// CONCATENATED MODULE: ./src/sbom/catalog/apk.ts
// Alpine packages from apk's database, /lib/apk/db/installed: one record per package, records
// separated by blank lines, each line "<letter>:<value>" (https://wiki.alpinelinux.org/wiki/Apk_spec, "Installed Database").

const APK_INSTALLED_PATH = 'lib/apk/db/installed';
function isApkDatabaseFile(path) {
    return /(^|\/)apk\/db\/installed$/.test(path);
}
function parseApkInstalled(text) {
    const records = [];
    let current = {};
    const flush = () => {
        if (current.name && current.version)
            records.push(current);
        current = {};
    };
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            flush();
            continue;
        }
        if (line[1] !== ':')
            continue;
        const value = line.slice(2).trim();
        // File lists (F:, R:, Z:, a:, M:) repeat per file and are skipped; only the package fields are kept.
        switch (line[0]) {
            case 'P':
                current.name = value;
                break;
            case 'V':
                current.version = value;
                break;
            case 'A':
                current.architecture = value;
                break;
            case 'o':
                current.origin = value;
                break;
            case 'L':
                current.license = value;
                break;
            case 'T':
                current.description = value;
                break;
            case 'U':
                current.url = value;
                break;
        }
    }
    flush();
    return records;
}
function apkPackage(record, os, location) {
    const vendor = os && os.id !== 'linux' ? os.id : 'alpine';
    return {
        type: 'apk',
        name: record.name,
        version: record.version,
        purl: formatPurl({
            type: 'apk',
            namespace: vendor,
            name: record.name,
            version: record.version,
            qualifiers: {
                arch: record.architecture,
                distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined,
                upstream: record.origin && record.origin !== record.name ? record.origin : undefined
            }
        }),
        architecture: record.architecture,
        source: record.origin && record.origin !== record.name ? record.origin : undefined,
        declaredLicense: record.license,
        description: record.description,
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/composer.ts
// PHP packages installed by Composer: <vendor dir>/composer/installed.json, which Composer rewrites on
// every install. Composer 2 writes {"packages": [...], "dev": true, "dev-package-names": [...]};
// Composer 1 wrote the array of packages alone. Each package is its composer.json as installed, with
// "name": "vendor/name", "version" (as tagged: "3.5.0", "v6.4.1", "dev-main") and "license" (an array).

const INSTALLED_JSON = /(^|\/)composer\/installed\.json$/;
function isComposerInstalledJson(path) {
    return INSTALLED_JSON.test(path);
}
function parseComposerInstalled(content) {
    const json = JSON.parse(content.toString('utf8'));
    const packages = Array.isArray(json)
        ? json
        : json && typeof json === 'object'
            ? json.packages
            : undefined;
    if (!Array.isArray(packages))
        return undefined;
    const records = [];
    for (const entry of packages) {
        if (!entry || typeof entry !== 'object')
            continue;
        const { name, version, license, description } = entry;
        // A package name is vendor/project (https://getcomposer.org/doc/04-schema.md#name).
        if (typeof name !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(name) || typeof version !== 'string' || version === '')
            continue;
        const licenses = (Array.isArray(license) ? license : [license]).filter((l) => typeof l === 'string' && l !== '');
        records.push({
            name,
            version,
            licenses,
            description: typeof description === 'string' && description !== '' ? description.slice(0, 256) : undefined
        });
    }
    return records.length === 0 ? undefined : records;
}
function composerPackage(record, location) {
    const [vendor, project] = record.name.split('/');
    // Several licenses are a choice ("disjunctive", https://getcomposer.org/doc/04-schema.md#license).
    const license = record.licenses.length === 0 ? undefined : record.licenses.length === 1 ? record.licenses[0] : `(${record.licenses.join(' OR ')})`;
    return {
        type: 'composer',
        name: record.name,
        version: record.version,
        purl: formatPurl({ type: 'composer', namespace: vendor, name: project, version: record.version }),
        declaredLicense: license,
        description: record.description,
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/dotnet.ts
// .NET applications: <app>.deps.json, the dependency manifest `dotnet publish` writes next to the
// app's dll and the host reads at start-up. Its "libraries" object names every library of the app by
// "Name/Version"; those of type "package" came from NuGet ("project" is the app or one of its own
// projects, "reference" an assembly referenced directly, "runtimepack" the runtime of a self-contained app).

const DEPS_JSON = /(^|\/)[^/]+\.deps\.json$/;
function isDotnetDepsJson(path) {
    return DEPS_JSON.test(path);
}
function parseDotnetDeps(content) {
    // The SDK writes it with a byte order mark at times.
    const json = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
    if (!json || typeof json !== 'object')
        return undefined;
    const libraries = json.libraries;
    if (!libraries || typeof libraries !== 'object' || Array.isArray(libraries))
        return undefined;
    const records = [];
    for (const [key, library] of Object.entries(libraries)) {
        if (!library || typeof library !== 'object' || library.type !== 'package')
            continue;
        const slash = key.indexOf('/');
        if (slash <= 0 || slash === key.length - 1)
            continue;
        records.push({ name: key.slice(0, slash), version: key.slice(slash + 1) });
    }
    return records.length === 0 ? undefined : records;
}
function nugetPackage(record, location) {
    return {
        type: 'nuget',
        name: record.name,
        version: record.version,
        purl: formatPurl({ type: 'nuget', name: record.name, version: record.version }),
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/golang.ts
// Go binaries: the module build info the Go linker (1.18 and later) writes into every binary built
// in module mode, in the `.go.buildinfo` section (ELF; Mach-O's __go_buildinfo, PE's .data).
//
// Format (Go's src/debug/buildinfo/buildinfo.go): a 32-byte header, 16-byte aligned, starting with
// the magic "\xff Go buildinf:", then the pointer size byte and a flags byte (bit 0: big endian,
// bit 1: strings inline). With inline strings, two varint-length strings follow the header: the
// toolchain version ("go1.21.5") and the modinfo text, wrapped in 16 bytes of sentinel on each side.
// Binaries from Go before 1.18 hold pointers to the strings instead; they are not read here.
//
// The binary is never held: GoBuildInfoScanner looks for the magic in the bytes as they stream past,
// carrying a few bytes over chunk boundaries, and keeps only what follows a header that checks out.

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_SIZE = 32;
const ALIGN = 16;
const FLAG_INLINE_STRINGS = 0x2;
/** The version and modinfo strings together; a large binary's modinfo is tens of KiB. */
const MAX_GO_BUILDINFO_SIZE = 4 * 1024 * 1024;
/** Reads an unsigned LEB128 varint (Go's binary.Uvarint). */
function uvarint(data, at) {
    let value = 0;
    for (let i = 0, shift = 0; i < 10; i++, shift += 7) {
        if (at + i >= data.length)
            return 'incomplete';
        const byte = data[at + i];
        value += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0)
            return value > MAX_GO_BUILDINFO_SIZE ? 'invalid' : { value, next: at + i + 1 };
    }
    return 'invalid';
}
/** Decodes the build info from bytes starting at the magic. */
function decodeGoBuildInfo(data) {
    if (data.length < HEADER_SIZE)
        return 'incomplete';
    if (!data.subarray(0, MAGIC.length).equals(MAGIC))
        return 'invalid';
    const pointerSize = data[MAGIC.length];
    const flags = data[MAGIC.length + 1];
    if (pointerSize !== 4 && pointerSize !== 8)
        return 'invalid';
    if ((flags & FLAG_INLINE_STRINGS) === 0)
        return 'invalid'; // Go < 1.18: pointers into the data segment
    const strings = [];
    let at = HEADER_SIZE;
    for (let n = 0; n < 2; n++) {
        const length = uvarint(data, at);
        if (typeof length === 'string')
            return length;
        if (length.next + length.value > data.length)
            return length.next + length.value > MAX_GO_BUILDINFO_SIZE ? 'invalid' : 'incomplete';
        strings.push(data.subarray(length.next, length.next + length.value).toString('utf8'));
        at = length.next + length.value;
    }
    const [goVersion, modinfo] = strings;
    if (!/^(go\d|devel )/.test(goVersion))
        return 'invalid';
    return { info: parseModinfo(goVersion, modinfo), size: at };
}
/** Parses the modinfo text (runtime/debug.ParseBuildInfo's format). */
function parseModinfo(goVersion, text) {
    // The linker wraps it in 16-byte sentinels (cmd/go/internal/modload.ModInfoData).
    if (text.length >= 33 && text[text.length - 17] === '\n')
        text = text.slice(16, -16);
    const info = { goVersion, deps: [], settings: {} };
    const module = (fields) => ({ path: fields[1] ?? '', version: fields[2] ?? '', sum: fields[3] || undefined });
    for (const line of text.split('\n')) {
        const fields = line.split('\t');
        switch (fields[0]) {
            case 'path':
                info.path = fields[1];
                break;
            case 'mod':
                info.main = module(fields);
                break;
            case 'dep':
                info.deps.push(module(fields));
                break;
            case '=>': {
                const last = info.deps[info.deps.length - 1];
                if (last && !last.replace)
                    last.replace = module(fields);
                break;
            }
            case 'build': {
                const setting = fields.slice(1).join('\t');
                const eq = setting.indexOf('=');
                if (eq > 0)
                    info.settings[setting.slice(0, eq)] = setting.slice(eq + 1);
                break;
            }
        }
    }
    return info;
}
/**
 * Finds the build info in a binary streamed chunk by chunk. Holds at most a header's worth of
 * carried bytes, plus, once a header checks out, the strings after it (MAX_GO_BUILDINFO_SIZE).
 */
class GoBuildInfoScanner {
    offset = 0; // file offset of the first byte of `pending`
    pending = Buffer.alloc(0);
    result;
    keptBytes = 0;
    get found() {
        return this.result;
    }
    /** Bytes of the binary held for the result. */
    get kept() {
        return this.keptBytes;
    }
    push(chunk) {
        if (this.result)
            return;
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        this.search(false);
    }
    end() {
        if (!this.result)
            this.search(true);
        this.pending = Buffer.alloc(0);
        return this.result;
    }
    search(final) {
        let from = 0;
        for (;;) {
            const at = this.pending.indexOf(MAGIC, from);
            if (at === -1)
                break;
            if ((this.offset + at) % ALIGN !== 0) {
                from = at + 1;
                continue;
            }
            const decoded = decodeGoBuildInfo(this.pending.subarray(at));
            if (decoded === 'incomplete' && !final) {
                // Keep from the magic on until the strings are complete (bounded by MAX_GO_BUILDINFO_SIZE).
                this.drop(at);
                return;
            }
            if (typeof decoded === 'object') {
                this.result = decoded.info;
                this.keptBytes = decoded.size;
                this.pending = Buffer.alloc(0);
                return;
            }
            from = at + 1;
        }
        // No candidate: keep only what could be the start of a magic split over the chunk boundary.
        this.drop(Math.max(0, this.pending.length - (MAGIC.length - 1)));
    }
    drop(count) {
        if (count === 0)
            return;
        this.offset += count;
        this.pending = this.pending.length === count ? Buffer.alloc(0) : Buffer.from(this.pending.subarray(count));
    }
}
/** A replacement by a directory (golang.org/x/mod/modfile: ./, ../, / or a Windows drive) rather than a module. */
function isDirectoryReplacement(path) {
    return /^(\.\.?([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/.test(path);
}
function goModulePurl(path, version) {
    const slash = path.lastIndexOf('/');
    return formatPurl({
        type: 'golang',
        namespace: slash === -1 ? undefined : path.slice(0, slash),
        name: slash === -1 ? path : path.slice(slash + 1),
        version: version || undefined
    });
}
function goPackage(name, version, purl, location, architecture) {
    return { type: 'golang', name, version, purl, architecture, locations: [location] };
}
/**
 * The main module, each dependency and the standard library, as syft reports them. A dependency
 * replaced by another module is reported as that module at its version; one replaced by a local
 * directory (`=> ../greeting`, whose version the linker writes as "(devel)") keeps the required path
 * and version: a directory has no purl, and what the build required is what a scanner can match.
 */
function goPackages(info, location) {
    const arch = info.settings.GOARCH;
    const packages = [];
    if (info.main && info.main.path !== '') {
        packages.push(goPackage(info.main.path, info.main.version, goModulePurl(info.main.path, info.main.version), location, arch));
    }
    for (const dep of info.deps) {
        const module = dep.replace && !isDirectoryReplacement(dep.replace.path) ? dep.replace : dep;
        if (module.path === '')
            continue;
        packages.push(goPackage(module.path, module.version, goModulePurl(module.path, module.version), location, arch));
    }
    // "go1.22.0 X:boringcrypto" -> stdlib@1.22.0 (the experiments are not part of the version).
    const stdlib = info.goVersion.split(' ')[0].replace(/^go/, '');
    if (stdlib !== '' && !info.goVersion.startsWith('devel')) {
        packages.push(goPackage('stdlib', info.goVersion, formatPurl({ type: 'golang', name: 'stdlib', version: stdlib }), location, arch));
    }
    return packages;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/sbom/catalog/rust.ts
// Rust binaries built with cargo-auditable (https://github.com/rust-secure-code/cargo-auditable):
// the `.dep-v0` section (ELF; `.dep-v0` in PE, `__DATA,.dep-v0` in Mach-O) holds zlib-compressed
// JSON, {"packages":[{"name","version","source","kind","dependencies":[...],"root":true}]}.
//
// A binary is a tar entry read once, front to back, and the ELF section table that names `.dep-v0`
// sits at the end of the file, after the section itself. So the scanner works from both sides:
//  - while streaming, every zlib header whose first inflated bytes are `{"packages":` starts a
//    candidate, whose compressed bytes are kept until they inflate completely (bounded);
//  - it keeps the ELF header, the section header table (its offset is in the header) and the 64 KiB
//    before it, where linkers put the section names (.shstrtab);
//  - at the end, when that table is readable, only a candidate at the offset of the section named
//    `.dep-v0` is believed (and cut to the section's size); an ELF whose table has no such section
//    has no dependency list, whatever bytes look like one.
// Limitation: when the section names are not in the kept bytes (a linker that puts .shstrtab
// elsewhere) or the file is Mach-O or PE, the first candidate found by its marker is taken.


const MARKER = Buffer.from('{"packages":');
/** Compressed bytes looked at to test a zlib header against the marker. */
const LOOKAHEAD = 64;
const MAX_COMPRESSED = 4 * 1024 * 1024;
const MAX_JSON = 16 * 1024 * 1024;
const MAX_CANDIDATES = 4;
const HEAD_KEPT = 64 * 1024;
const BEFORE_TABLE_KEPT = 64 * 1024;
const MAX_SECTION_TABLE = 1024 * 1024;
const SECTION_NAME = '.dep-v0';
/** zlib's second header byte for each compression level, with CM=8 and a 32 KiB window (0x78). */
const ZLIB_LEVELS = new Set([0x01, 0x5e, 0x9c, 0xda]);
function looksLikeDependencyList(bytes) {
    try {
        const head = external_node_zlib_default().inflateSync(bytes, { finishFlush: (external_node_zlib_default()).constants.Z_SYNC_FLUSH });
        return head.length >= MARKER.length && head.subarray(0, MARKER.length).equals(MARKER);
    }
    catch {
        return false;
    }
}
/** The whole JSON if `bytes` hold a complete zlib stream, 'incomplete' if they end too early. */
function inflateAll(bytes) {
    try {
        return external_node_zlib_default().inflateSync(bytes, { maxOutputLength: MAX_JSON });
    }
    catch (error) {
        return error.code === 'Z_BUF_ERROR' ? 'incomplete' : 'invalid';
    }
}
function parseDependencyList(json) {
    const parsed = JSON.parse(json.toString('utf8'));
    const packages = parsed.packages;
    if (!Array.isArray(packages))
        throw new Error('no "packages" array');
    const found = [];
    for (const entry of packages) {
        if (typeof entry?.name !== 'string' || typeof entry.version !== 'string' || entry.name === '' || entry.version === '')
            continue;
        found.push({
            name: entry.name,
            version: entry.version,
            source: typeof entry.source === 'string' ? entry.source : undefined,
            kind: typeof entry.kind === 'string' ? entry.kind : undefined,
            root: entry.root === true ? true : undefined
        });
    }
    return found;
}
function parseElfHeader(head) {
    if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46)
        return undefined;
    const wide = head[4] === 2;
    const little = head[5] === 1;
    const u16 = (at) => (little ? head.readUInt16LE(at) : head.readUInt16BE(at));
    const u32 = (at) => (little ? head.readUInt32LE(at) : head.readUInt32BE(at));
    const u64 = (at) => Number(little ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at));
    return wide
        ? { little, wide, shoff: u64(0x28), shentsize: u16(0x3a), shnum: u16(0x3c), shstrndx: u16(0x3e) }
        : { little, wide, shoff: u32(0x20), shentsize: u16(0x2e), shnum: u16(0x30), shstrndx: u16(0x32) };
}
/** Streams a binary and finds its cargo-auditable dependency list (see the file comment). */
class RustDependencyScanner {
    offset = 0; // file offset of the first byte of `carry`
    carry = Buffer.alloc(0);
    candidates = [];
    kept = [{ start: 0, end: HEAD_KEPT, bytes: Buffer.alloc(0) }];
    elf = null; // null: not known yet
    push(chunk) {
        const start = this.offset + this.carry.length;
        this.keep(chunk, start);
        for (const candidate of this.candidates)
            this.extend(candidate, chunk);
        this.search(Buffer.concat([this.carry, chunk]), false);
    }
    end() {
        this.search(this.carry, true);
        const json = this.choose();
        if (!json)
            return undefined;
        return { packages: parseDependencyList(json), kept: json.length };
    }
    keep(chunk, start) {
        const end = start + chunk.length;
        const fill = (region) => {
            const from = Math.max(start, region.start + region.bytes.length);
            const to = Math.min(end, region.end);
            if (from < to)
                region.bytes = Buffer.concat([region.bytes, chunk.subarray(from - start, to - start)]);
        };
        this.kept.forEach(fill);
        if (this.elf === null && this.kept[0].bytes.length >= 64) {
            this.elf = parseElfHeader(this.kept[0].bytes);
            const tableSize = this.elf ? this.elf.shentsize * this.elf.shnum : 0;
            if (this.elf && tableSize > 0 && tableSize <= MAX_SECTION_TABLE && this.elf.shoff + tableSize > HEAD_KEPT) {
                // Bytes before this chunk are gone (but for the head): the region starts no earlier than it.
                const region = {
                    start: Math.max(start, this.elf.shoff - BEFORE_TABLE_KEPT),
                    end: this.elf.shoff + tableSize,
                    bytes: Buffer.alloc(0)
                };
                this.kept.push(region);
                fill(region);
            }
        }
    }
    /** Bytes [offset, offset + length) of the file, if kept. */
    read(offset, length) {
        for (const region of this.kept) {
            if (offset >= region.start && offset + length <= region.start + region.bytes.length) {
                return region.bytes.subarray(offset - region.start, offset - region.start + length);
            }
        }
        return undefined;
    }
    extend(candidate, chunk) {
        if (candidate.json || candidate.length > MAX_COMPRESSED)
            return;
        candidate.chunks.push(chunk);
        candidate.length += chunk.length;
        this.complete(candidate);
    }
    complete(candidate) {
        const compressed = candidate.chunks.length === 1 ? candidate.chunks[0] : Buffer.concat(candidate.chunks);
        const result = inflateAll(compressed);
        if (result === 'incomplete') {
            candidate.chunks = [compressed];
            if (candidate.length > MAX_COMPRESSED)
                candidate.chunks = [];
            return;
        }
        candidate.chunks = [];
        if (result !== 'invalid')
            candidate.json = result;
        else
            candidate.length = Infinity;
    }
    search(window, final) {
        const limit = final ? window.length : window.length - LOOKAHEAD + 1;
        for (let at = window.indexOf(0x78); at !== -1 && at < limit; at = window.indexOf(0x78, at + 1)) {
            if (this.candidates.length >= MAX_CANDIDATES)
                break;
            if (at + 1 >= window.length || !ZLIB_LEVELS.has(window[at + 1]))
                continue;
            if (!looksLikeDependencyList(window.subarray(at, at + LOOKAHEAD)))
                continue;
            const candidate = { offset: this.offset + at, chunks: [Buffer.from(window.subarray(at))], length: window.length - at };
            this.candidates.push(candidate);
            this.complete(candidate);
        }
        const from = Math.max(0, limit);
        this.offset += from;
        this.carry = final ? Buffer.alloc(0) : Buffer.from(window.subarray(from));
    }
    /** The candidate the section table names, or without a readable table, the first complete one. */
    choose() {
        const section = this.elf ? this.dependencySection(this.elf) : 'unreadable';
        if (section === 'none')
            return undefined;
        if (section === 'unreadable')
            return this.candidates.find((c) => c.json)?.json;
        const found = this.candidates.find((c) => c.offset === section.offset && c.json);
        if (found)
            return found.json;
        // A section the marker did not catch (it does not inflate to the expected JSON) is still tried if kept.
        const bytes = this.read(section.offset, section.size);
        const json = bytes ? inflateAll(bytes) : undefined;
        return Buffer.isBuffer(json) ? json : undefined;
    }
    dependencySection(elf) {
        const table = this.read(elf.shoff, elf.shentsize * elf.shnum);
        if (!table || elf.shstrndx >= elf.shnum || elf.shentsize < (elf.wide ? 64 : 40))
            return 'unreadable';
        const u32 = (at) => (elf.little ? table.readUInt32LE(at) : table.readUInt32BE(at));
        const word = (at) => (elf.wide ? Number(elf.little ? table.readBigUInt64LE(at) : table.readBigUInt64BE(at)) : u32(at));
        // Elf64_Shdr: name@0, offset@0x18, size@0x20; Elf32_Shdr: name@0, offset@0x10, size@0x14.
        const header = (index) => {
            const at = index * elf.shentsize;
            return elf.wide
                ? { name: u32(at), offset: word(at + 0x18), size: word(at + 0x20) }
                : { name: u32(at), offset: word(at + 0x10), size: word(at + 0x14) };
        };
        const strtab = header(elf.shstrndx);
        const names = this.read(strtab.offset, strtab.size);
        if (!names)
            return 'unreadable';
        for (let i = 0; i < elf.shnum; i++) {
            const section = header(i);
            const end = names.indexOf(0, section.name);
            if (names.toString('latin1', section.name, end === -1 ? names.length : end) === SECTION_NAME)
                return section;
        }
        return 'none';
    }
}
/** Every package of the list, the root crate included, as syft's cargo-auditable cataloger reports them. */
function rustPackages(dependencies, location) {
    return dependencies.map((dep) => ({
        type: 'cargo',
        name: dep.name,
        version: dep.version,
        purl: formatPurl({ type: 'cargo', name: dep.name, version: dep.version }),
        locations: [location]
    }));
}

;// CONCATENATED MODULE: ./src/sbom/catalog/executable.ts


const MAGIC_LENGTH = 4;
/** The executable format the first bytes announce, if any. */
function binaryFormat(head) {
    if (head.length < MAGIC_LENGTH)
        return undefined;
    if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46)
        return 'elf';
    if (head[0] === 0x4d && head[1] === 0x5a)
        return 'pe'; // "MZ"
    const word = head.readUInt32BE(0);
    // 32/64-bit, either byte order, and universal ("fat") binaries; 0xcafebabe is also a Java class
    // file, which simply holds no build info.
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(word))
        return 'macho';
    return undefined;
}
/** Smallest file worth a look: no binary with build info is this small. */
const MIN_BINARY_SIZE = 64;
class BinaryScanner {
    head = Buffer.alloc(0);
    format;
    rejected = false;
    go = new GoBuildInfoScanner();
    rust = new RustDependencyScanner();
    push(chunk) {
        if (this.rejected)
            return;
        if (this.format === undefined) {
            this.head = Buffer.concat([this.head, chunk]);
            if (this.head.length < MAGIC_LENGTH)
                return;
            this.format = binaryFormat(this.head);
            if (this.format === undefined) {
                this.rejected = true;
                return;
            }
            chunk = this.head;
            this.head = Buffer.alloc(0);
        }
        this.go.push(chunk);
        this.rust.push(chunk);
    }
    end() {
        if (this.format === undefined)
            return undefined;
        const go = this.go.end();
        const rust = this.rust.end();
        if (!go && !rust)
            return undefined;
        return { value: { format: this.format, go, rust: rust?.packages }, kept: this.go.kept + (rust?.kept ?? 0) };
    }
}
const BINARY_MATCHER = {
    id: 'binary',
    // Hard links have size 0 in the tar header; they are matched so they can share their target's result.
    matches: (_path, header) => header.size === 0 || header.size >= MIN_BINARY_SIZE,
    scan: () => new BinaryScanner()
};
function binaryPackages(record, location) {
    return [...(record.go ? goPackages(record.go, location) : []), ...(record.rust ? rustPackages(record.rust, location) : [])];
}

;// CONCATENATED MODULE: ./src/sbom/catalog/deb822.ts
// RFC 822-style control stanzas as dpkg writes them (deb-control(5), deb822(5)):
// "Field: value" lines, continuation lines start with a space or tab, stanzas are separated by blank lines.
/**
 * Splits text into stanzas and keeps only the fields asked for (lower-cased names), so that a
 * multi-megabyte status file becomes a few strings per package. Continuation lines are dropped:
 * none of the fields we keep are multi-line.
 */
function parseStanzas(text, keep) {
    const stanzas = [];
    let current = new Map();
    let sawField = false;
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            if (sawField)
                stanzas.push(current);
            current = new Map();
            sawField = false;
            continue;
        }
        if (line[0] === ' ' || line[0] === '\t' || line[0] === '#')
            continue;
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        sawField = true;
        const name = line.slice(0, colon).trim().toLowerCase();
        if (keep.has(name))
            current.set(name, line.slice(colon + 1).trim());
    }
    if (sawField)
        stanzas.push(current);
    return stanzas;
}

;// CONCATENATED MODULE: ./src/sbom/catalog/dpkg.ts
// Debian packages from dpkg's database: /var/lib/dpkg/status (one stanza per package, dpkg-query(1))
// and distroless images' /var/lib/dpkg/status.d/<name> (one stanza per file, often without a Status field).



const DPKG_STATUS_PATH = 'var/lib/dpkg/status';
const DPKG_STATUS_DIR = 'var/lib/dpkg/status.d';
const FIELDS = new Set(['package', 'version', 'architecture', 'source', 'status', 'description']);
/** Matches the status file and status.d entries wherever a symlinked directory may have put them. */
function isDpkgDatabaseFile(path) {
    return /(^|\/)dpkg\/status$/.test(path) || (/(^|\/)dpkg\/status\.d\/[^/]+$/.test(path) && !path.endsWith('.md5sums'));
}
/**
 * Keeps installed packages only: the third word of Status is the package's state, and only
 * `installed` means its files are on disk (dpkg(1), "PACKAGE STATES"). Entries without a Status
 * field (distroless status.d) are taken as installed, since they describe what the image contains.
 */
function parseDpkgStatus(text, statusRequired) {
    const records = [];
    for (const stanza of parseStanzas(text, FIELDS)) {
        const name = stanza.get('package');
        const version = stanza.get('version');
        if (!name || !version)
            continue;
        const status = stanza.get('status');
        if (status !== undefined ? status.split(/\s+/)[2] !== 'installed' : statusRequired)
            continue;
        const record = {
            name,
            version,
            architecture: stanza.get('architecture') || undefined,
            description: stanza.get('description') || undefined
        };
        // "Source: name (version)" when the source version differs from the binary's (deb-control(5)).
        const source = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(stanza.get('source') ?? '');
        if (source) {
            record.source = source[1];
            record.sourceVersion = source[2];
        }
        records.push(record);
    }
    return records;
}
function parseDpkgFile(path, content) {
    return parseDpkgStatus(content.toString('utf8'), external_node_path_.posix.basename(path) === 'status');
}
function dpkgPackage(record, os, location) {
    // The purl namespace is the vendor: debian, ubuntu, ... (purl-spec, type "deb").
    const vendor = os && os.id !== 'linux' ? os.id : 'debian';
    const upstream = record.source && record.source !== record.name
        ? record.sourceVersion
            ? `${record.source}@${record.sourceVersion}`
            : record.source
        : undefined;
    return {
        type: 'deb',
        name: record.name,
        version: record.version,
        purl: formatPurl({
            type: 'deb',
            namespace: vendor,
            name: record.name,
            version: record.version,
            qualifiers: { arch: record.architecture, distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined, upstream }
        }),
        architecture: record.architecture,
        source: record.source !== record.name ? record.source : undefined,
        description: record.description,
        locations: [location]
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
;// CONCATENATED MODULE: ./src/sbom/catalog/layer-stream.ts
// Streams one layer blob as tar entries: sniffs the compression from the first bytes (the media type
// is only a hint; registries and tools disagree), decompresses on the fly and never touches the disk.






const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const BZIP2_MAGIC = [0x42, 0x5a, 0x68];
function startsWith(head, magic) {
    return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}
function sniffCompression(head, layer) {
    if (startsWith(head, GZIP_MAGIC))
        return 'gzip';
    if (startsWith(head, ZSTD_MAGIC))
        return 'zstd';
    if (startsWith(head, XZ_MAGIC) || startsWith(head, BZIP2_MAGIC)) {
        throw new errors/* LayoutError */.R(`layer ${layer.digest} (${layer.mediaType}) is xz- or bzip2-compressed; only gzip, zstd (Node.js >= 22.15) and uncompressed tar layers can be catalogued`);
    }
    return 'none';
}
/** Node 22.15+ has zstd in zlib; Node 20 does not, so the name is looked up rather than typed. */
function zstdDecompressor(layer) {
    const create = (external_node_zlib_default()).createZstdDecompress;
    if (typeof create !== 'function') {
        throw new errors/* LayoutError */.R(`layer ${layer.digest} (${layer.mediaType}) is zstd-compressed and this Node.js (${process.version}) cannot decompress zstd; ` +
            'push gzip-compressed layers, or pass an SBOM file with `sbom: <path>`');
    }
    return create();
}
function normalizeEntryPath(name) {
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            // A path that climbs out of the root cannot name a file of the image's filesystem.
            if (parts.length === 0)
                return undefined;
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return parts.length === 0 ? undefined : parts.join('/');
}

async function* prepend(first, rest) {
    yield* first;
    for (;;) {
        const next = await rest.next();
        if (next.done)
            return;
        yield next.value;
    }
}
const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
/**
 * Hashes every raw byte of the blob as it is read, so what was catalogued is what the digest names:
 * a local blob swapped after the push (which skips layers the registry has) must not be described.
 */
class BlobVerifier {
    layer;
    hash;
    algorithm;
    ended = false;
    constructor(layer) {
        this.layer = layer;
        const [algorithm, hex] = layer.digest.split(':');
        const length = DIGEST_HEX_LENGTH[algorithm];
        if (length === undefined || !hex || hex.length !== length || !/^[0-9a-f]+$/.test(hex)) {
            throw new errors/* LayoutError */.R(`layer ${layer.digest} (${layer.mediaType}): cannot verify its bytes: only sha256 and sha512 digests are supported`);
        }
        this.algorithm = algorithm;
        this.hash = (0,external_node_crypto_.createHash)(algorithm);
    }
    /** Passes the iterator's chunks through, hashing them. */
    wrap(iterator) {
        return {
            next: async () => {
                const next = await iterator.next();
                if (next.done)
                    this.ended = true;
                else
                    this.hash.update(Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value));
                return next;
            }
        };
    }
    /** Reads whatever the parser left unread (trailing bytes still belong to the blob), then compares. */
    async verify(iterator) {
        while (!this.ended)
            await iterator.next();
        const actual = `${this.algorithm}:${this.hash.digest('hex')}`;
        if (actual !== this.layer.digest) {
            throw new errors/* LayoutError */.R(`layer ${this.layer.digest} (${this.layer.mediaType}) does not match its digest: its bytes hash to ${actual}. ` +
                'The local blob changed after the manifest was written (or is corrupt); no SBOM is made from bytes that were not pushed');
        }
    }
}
async function readHead(iterator, wanted) {
    const chunks = [];
    let length = 0;
    while (length < wanted) {
        const next = await iterator.next();
        if (next.done)
            break;
        const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
        chunks.push(chunk);
        length += chunk.length;
    }
    return chunks;
}
async function readEntry(stream, size, limit) {
    if (size > limit) {
        stream.resume();
        return undefined;
    }
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
async function scanEntry(stream, onChunk) {
    // Read to the end even when the callback has what it wants: the tar stream moves on only then.
    for await (const chunk of stream)
        onChunk(chunk);
}
/**
 * Calls `onEntry` for each entry of the layer, in archive order, one at a time. An entry the
 * callback does not read is skipped without being held in memory. Resolves only when the blob's
 * bytes hash to `layer.digest`; otherwise rejects, and whatever the callbacks gathered must be dropped.
 */
async function forEachLayerEntry(raw, layer, onEntry) {
    let verifier;
    try {
        verifier = new BlobVerifier(layer);
    }
    catch (error) {
        ;
        raw.destroy?.();
        throw error;
    }
    const input = raw instanceof external_node_stream_.Readable ? raw : new external_node_stream_.Readable().wrap(raw);
    const iterator = verifier.wrap(input[Symbol.asyncIterator]());
    const head = await readHead(iterator, 8);
    const compression = sniffCompression(Buffer.concat(head), layer);
    const decompress = compression === 'gzip' ? external_node_zlib_default().createGunzip() : compression === 'zstd' ? zstdDecompressor(layer) : new external_node_stream_.PassThrough();
    const extract = tar_stream.extract();
    const flowing = (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(prepend(head, iterator), { objectMode: false }), decompress, extract);
    flowing.catch(() => { }); // observed below; this only keeps an early failure from being "unhandled"
    try {
        for await (const item of extract) {
            const header = item.header;
            const path = normalizeEntryPath(header.name);
            let consumed = false;
            if (path !== undefined) {
                const type = header.type === 'file' || header.type === 'contiguous-file'
                    ? 'file'
                    : header.type === 'directory' || header.type === 'symlink' || header.type === 'link'
                        ? header.type
                        : 'other';
                const size = header.size ?? 0;
                await onEntry({
                    path,
                    type,
                    size,
                    mode: header.mode ?? 0,
                    linkName: type === 'link' ? normalizeEntryPath(header.linkname ?? '') : type === 'symlink' ? (header.linkname ?? '') : undefined,
                    read: (limit) => {
                        consumed = true;
                        return readEntry(item, size, limit);
                    },
                    scan: (onChunk) => {
                        consumed = true;
                        return scanEntry(item, onChunk);
                    }
                });
            }
            if (!consumed)
                item.resume();
        }
        await flowing;
        await verifier.verify(iterator);
    }
    catch (error) {
        input.destroy();
        extract.destroy();
        if (error instanceof errors/* LayoutError */.R)
            throw error;
        throw new errors/* LayoutError */.R(`cannot read layer ${layer.digest} (${layer.mediaType}) as a ${compression === 'none' ? 'tar' : `${compression}-compressed tar`}: ${error.message}`, undefined, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalog/filesystem.ts
// The image's filesystem as the catalogers need it: only the files they asked for (already parsed)
// and the symlinks that may lead to them, after applying the layers in order with OCI whiteouts
// (image-spec layer.md, "Whiteouts"): `.wh.<name>` hides <name> from lower layers,
// `.wh..wh..opq` hides every lower entry of its directory, and an entry hides the lower entry at its path.


const OPAQUE = '.wh..wh..opq';
const WHITEOUT_PREFIX = '.wh.';
const MAX_SYMLINK_HOPS = 40;
class LayeredFilesystem {
    byPath = new Map();
    /**
     * Directory -> the paths directly inside it that are, or lead to, a node ('' is the root). Kept in
     * step with the nodes so a whiteout removes a subtree in time proportional to what it removes,
     * not to everything kept (100k whiteouts over 20k kept files were minutes of prefix scans).
     */
    children = new Map();
    /** Every node by path. Read-only: change it through set() and remove(). */
    get nodes() {
        return this.byPath;
    }
    set(path, node) {
        this.byPath.set(path, node);
        for (let child = path, parent = parentOf(child); parent !== undefined; child = parent, parent = parentOf(child)) {
            const inside = this.children.get(parent);
            if (inside?.has(child))
                break; // the rest of the way up is indexed already
            if (inside)
                inside.add(child);
            else
                this.children.set(parent, new Set([child]));
        }
    }
    /** Follows symlinks (absolute ones from the image root) in every component; undefined on a loop. */
    resolve(path) {
        let pending = path.split('/').filter((p) => p !== '');
        let resolved = [];
        let hops = 0;
        while (pending.length > 0) {
            const part = pending.shift();
            if (part === '.')
                continue;
            if (part === '..') {
                resolved.pop();
                continue;
            }
            resolved.push(part);
            const node = this.nodes.get(resolved.join('/'));
            if (node?.kind === 'symlink') {
                if (++hops > MAX_SYMLINK_HOPS)
                    return undefined;
                resolved.pop();
                if (node.target.startsWith('/'))
                    resolved = [];
                pending = [...node.target.split('/').filter((p) => p !== ''), ...pending];
            }
        }
        return resolved.join('/');
    }
    /** The parsed file at `path` (after following symlinks), if a matcher of that id collected it. */
    file(path, matcher) {
        const real = this.resolve(path);
        if (real === undefined)
            return undefined;
        const node = this.nodes.get(real);
        return node?.kind === 'file' && node.matcher === matcher ? { path: real, value: node.value } : undefined;
    }
    /** Parsed files directly inside `directory` (after following symlinks), sorted by path. */
    filesIn(directory, matcher) {
        const real = this.resolve(directory);
        if (real === undefined)
            return [];
        const prefix = real === '' ? '' : real + '/';
        return this.files(matcher).filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('/'));
    }
    files(matcher) {
        const found = [];
        for (const [path, node] of this.nodes)
            if (node.kind === 'file' && node.matcher === matcher)
                found.push({ path, value: node.value });
        return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    /** Files of interest that were not catalogued and are still in the image, sorted by path. */
    skipped() {
        const found = [];
        for (const [path, node] of this.byPath)
            if (node.kind === 'skipped')
                found.push({ path, layer: node.layer, reason: node.reason });
        return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    /** Whether `path` is a directory that holds something we keep: a non-directory entry there hides it. */
    holdsNodes(path) {
        return this.children.has(path);
    }
    /** Directories that hold something we keep. */
    ancestors() {
        return new Set([...this.children.keys()].filter((dir) => dir !== ''));
    }
    /** Removes `path` and everything under it (or only what is under it). */
    remove(path, keepSelf = false) {
        // '' is the root (an opaque marker at the top of a layer).
        const pending = [...(this.children.get(path) ?? [])];
        this.children.delete(path);
        while (pending.length > 0) {
            const below = pending.pop();
            this.byPath.delete(below);
            const inside = this.children.get(below);
            if (inside) {
                for (const child of inside)
                    pending.push(child);
                this.children.delete(below);
            }
        }
        if (!keepSelf)
            this.byPath.delete(path);
        if (path !== '')
            this.unlinkFromParents(path);
    }
    /** Removes the node at `path` only (a directory entry replaced it; what is below stays). */
    delete(path) {
        this.byPath.delete(path);
        if (path !== '')
            this.unlinkFromParents(path);
    }
    /** Drops `path` from its directory's index, and each directory left empty from its own. */
    unlinkFromParents(path) {
        for (let child = path, parent = parentOf(child); parent !== undefined; child = parent, parent = parentOf(child)) {
            if (this.byPath.has(child) || this.children.has(child))
                return;
            const inside = this.children.get(parent);
            if (!inside)
                return;
            inside.delete(child);
            if (inside.size > 0)
                return;
            this.children.delete(parent);
        }
    }
}
/** The directory holding `path` ('' for a top-level entry), or undefined for the root itself. */
function parentOf(path) {
    if (path === '')
        return undefined;
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '' : path.slice(0, slash);
}
/** Streams every layer once, bottom to top, and returns what the catalogers asked for. */
async function collectFilesystem(layers, openBlob, options) {
    const fs = new LayeredFilesystem();
    const budget = { left: options.maxTotalBytes ?? Infinity };
    for (const layer of layers) {
        const changes = await scanLayer(layer, openBlob, fs, options, budget);
        for (const path of changes.hidden)
            fs.remove(path);
        for (const path of changes.opaque)
            fs.remove(path, true);
        for (const path of changes.replacedByDirectory)
            fs.delete(path);
        for (const [path, node] of changes.added)
            fs.set(path, node);
    }
    return fs;
}
async function scanLayer(layer, openBlob, lower, options, budget) {
    const changes = { hidden: [], opaque: [], replacedByDirectory: [], added: new Map(), pendingHardLinks: new Map() };
    const matcherFor = (path, header) => options.matchers.find((m) => m.matches(path, header));
    // Files of this layer a matcher read and found nothing in: a hard link to one needs no second pass.
    const examined = new Map();
    const skip = (entry, matcher, paths, reason) => {
        options.logger.warning(`sbom: skipped /${entry.path} in layer ${layer.digest}: ${reason}`);
        for (const path of paths)
            changes.added.set(path, { kind: 'skipped', matcher: matcher.id, layer: layer.digest, reason });
    };
    const scanInto = async (entry, matcher, scanner, paths) => {
        let failure;
        await entry.scan((chunk) => {
            if (failure)
                return;
            try {
                scanner.push(chunk);
            }
            catch (error) {
                failure = error;
            }
        });
        let result;
        try {
            if (failure)
                throw failure;
            result = scanner.end();
        }
        catch (error) {
            skip(entry, matcher, paths, `cannot parse it: ${error.message}`);
            return;
        }
        if (result === undefined || result.value === undefined) {
            examined.set(entry.path, matcher.id);
            return;
        }
        if (result.kept > budget.left) {
            skip(entry, matcher, paths, `${result.kept} bytes is over the ${options.maxTotalBytes}-byte budget for metadata read per image`);
            return;
        }
        budget.left -= result.kept;
        for (const path of paths)
            changes.added.set(path, { kind: 'file', matcher: matcher.id, value: result.value });
    };
    const readInto = async (entry, matcher, paths) => {
        const scanner = matcher.scan?.(entry.path, entry);
        if (scanner)
            return scanInto(entry, matcher, scanner, paths);
        if (!matcher.parse)
            return;
        const maxFileSize = matcher.maxFileSize ?? options.maxFileSize;
        if (entry.size <= maxFileSize && entry.size > budget.left) {
            skip(entry, matcher, paths, `${entry.size} bytes is over the ${options.maxTotalBytes}-byte budget for metadata read per image`);
            return;
        }
        const content = await entry.read(Math.min(maxFileSize, budget.left));
        if (content === undefined) {
            skip(entry, matcher, paths, `${entry.size} bytes is over the ${maxFileSize}-byte limit for metadata files`);
            return;
        }
        budget.left -= content.length;
        let value;
        try {
            value = matcher.parse(entry.path, content);
        }
        catch (error) {
            skip(entry, matcher, paths, `cannot parse it: ${error.message}`);
            return;
        }
        if (value !== undefined)
            for (const path of paths)
                changes.added.set(path, { kind: 'file', matcher: matcher.id, value });
        else
            examined.set(entry.path, matcher.id);
    };
    await forEachLayerEntry(await openBlob(layer.digest), layer, async (entry) => {
        const name = external_node_path_.posix.basename(entry.path);
        const directory = external_node_path_.posix.dirname(entry.path) === '.' ? '' : external_node_path_.posix.dirname(entry.path);
        if (name === OPAQUE) {
            changes.opaque.push(directory);
            return;
        }
        if (name.startsWith(WHITEOUT_PREFIX)) {
            changes.hidden.push(directory === '' ? name.slice(WHITEOUT_PREFIX.length) : `${directory}/${name.slice(WHITEOUT_PREFIX.length)}`);
            return;
        }
        if (entry.type === 'directory') {
            if (lower.nodes.has(entry.path))
                changes.replacedByDirectory.push(entry.path);
            return;
        }
        if (lower.nodes.has(entry.path) || lower.holdsNodes(entry.path))
            changes.hidden.push(entry.path);
        if (entry.type === 'symlink' && entry.linkName && options.keepSymlink(entry.path)) {
            changes.added.set(entry.path, { kind: 'symlink', target: entry.linkName });
            return;
        }
        const matcher = matcherFor(entry.path, entry);
        if (!matcher)
            return;
        if (entry.type === 'file') {
            await readInto(entry, matcher, [entry.path]);
        }
        else if (entry.type === 'link' && entry.linkName) {
            // A hard link names an earlier entry of the same layer. If that entry was not of interest
            // (another path), its bytes are gone: read it in a second pass over this layer.
            const target = changes.added.get(entry.linkName);
            if ((target?.kind === 'file' || target?.kind === 'skipped') && target.matcher === matcher.id)
                changes.added.set(entry.path, target);
            else if (examined.get(entry.linkName) === matcher.id)
                return;
            else
                changes.pendingHardLinks.set(entry.linkName, [...(changes.pendingHardLinks.get(entry.linkName) ?? []), entry.path]);
        }
    });
    if (changes.pendingHardLinks.size > 0) {
        await forEachLayerEntry(await openBlob(layer.digest), layer, async (entry) => {
            const links = changes.pendingHardLinks.get(entry.path);
            if (!links || entry.type !== 'file')
                return;
            changes.pendingHardLinks.delete(entry.path);
            const matcher = matcherFor(links[0], entry);
            if (matcher)
                await readInto(entry, matcher, links);
        });
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/sbom/catalog/zip.ts
// Just enough of the zip format (APPNOTE.TXT) to read chosen entries of an archive held in memory:
// the end-of-central-directory record, the central directory, and each entry's data (stored or
// deflated). Zip64 archives and encrypted entries are not read.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** The entries of the central directory, or an error for what is not a (supported) zip archive. */
function zipEntries(zip) {
    let eocd = -1;
    for (let at = zip.length - EOCD_SIZE; at >= Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT); at--) {
        if (zip.readUInt32LE(at) === EOCD) {
            eocd = at;
            break;
        }
    }
    if (eocd === -1)
        throw new Error('not a zip archive (no end of central directory record)');
    const count = zip.readUInt16LE(eocd + 10);
    const directorySize = zip.readUInt32LE(eocd + 12);
    const directoryOffset = zip.readUInt32LE(eocd + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff)
        throw new Error('zip64 archives are not read');
    if (directoryOffset + directorySize > eocd)
        throw new Error('the central directory lies outside the archive');
    const entries = [];
    for (let at = directoryOffset, n = 0; n < count; n++) {
        if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
            throw new Error(`central directory entry ${n} is damaged`);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        entries.push({
            flags: zip.readUInt16LE(at + 8),
            method: zip.readUInt16LE(at + 10),
            compressedSize: zip.readUInt32LE(at + 20),
            size: zip.readUInt32LE(at + 24),
            localHeaderOffset: zip.readUInt32LE(at + 42),
            name: zip.toString('utf8', at + 46, at + 46 + nameLength)
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/** An entry's bytes, inflated; refuses entries larger than `limit` once inflated. */
function readZipEntry(zip, entry, limit) {
    if (entry.size > limit)
        throw new Error(`${entry.name}: ${entry.size} bytes is over the ${limit}-byte limit`);
    if ((entry.flags & 0x1) !== 0)
        throw new Error(`${entry.name} is encrypted`);
    const at = entry.localHeaderOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL)
        throw new Error(`${entry.name}: damaged local header`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize)
        throw new Error(`${entry.name}: truncated`);
    if (entry.method === 0)
        return data;
    if (entry.method === 8)
        return (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: Math.max(limit, 1) });
    throw new Error(`${entry.name}: compression method ${entry.method} is not read`);
}

;// CONCATENATED MODULE: ./src/sbom/catalog/java.ts
// Java archives (.jar, .war, .ear): the Maven coordinates in META-INF/maven/<group>/<artifact>/pom.properties
// (one per artifact, several in a shaded jar), else META-INF/MANIFEST.MF, and the same for the archives
// nested inside (Spring Boot's BOOT-INF/lib/*.jar, WEB-INF/lib/*.jar, an .ear's modules), a few levels deep.
//
// An archive is read whole into memory (up to MAX_JAVA_ARCHIVE_SIZE), since the central directory is at
// its end and a tar entry cannot be read backwards; only the entries needed are inflated, and nested
// archives are inflated one at a time within the same bound.



const MAX_JAVA_ARCHIVE_SIZE = 64 * 1024 * 1024;
/** Archives inside archives inside the archive: deeper ones are not opened. */
const MAX_JAVA_NESTING = 3;
const MAX_METADATA_ENTRY = 1024 * 1024;
const ARCHIVE = /\.(jar|war|ear)$/i;
function isJavaArchive(path) {
    return ARCHIVE.test(path);
}
/** Java .properties, as far as pom.properties needs: key=value or key: value, # and ! comments. */
function parseProperties(text) {
    const properties = new Map();
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('!'))
            continue;
        const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
        if (match)
            properties.set(match[1], match[2]);
    }
    return properties;
}
/** The main section of a manifest: "Name: value" lines, continued by lines starting with one space. */
function parseManifest(text) {
    const fields = new Map();
    let last;
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break; // the main section ends at the first blank line
        if (line.startsWith(' ') && last)
            fields.set(last, (fields.get(last) ?? '') + line.slice(1));
        else {
            const colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            last = line.slice(0, colon).trim();
            fields.set(last, line.slice(colon + 1).trim());
        }
    }
    return fields;
}
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
/** The artifact a manifest describes, named after the archive file when the manifest does not say. */
function manifestRecord(manifest, archivePath, nested) {
    const version = manifest.get('Implementation-Version') ?? manifest.get('Bundle-Version') ?? manifest.get('Specification-Version');
    if (!version)
        return undefined;
    // commons-io-2.11.0.jar -> commons-io; the file name is what syft goes by too.
    const fileName = external_node_path_.posix.basename(archivePath).replace(ARCHIVE, '');
    const fromFile = fileName.endsWith(`-${version}`) ? fileName.slice(0, -version.length - 1) : fileName.replace(/-\d[\w.+-]*$/, '');
    const symbolic = manifest.get('Bundle-SymbolicName')?.split(';')[0].trim();
    const artifactId = fromFile || manifest.get('Implementation-Title') || symbolic;
    if (!artifactId)
        return undefined;
    const groupId = manifest.get('Implementation-Vendor-Id') ??
        (symbolic && symbolic.includes('.') ? symbolic.slice(0, symbolic.lastIndexOf('.')) : undefined) ??
        artifactId;
    return { groupId, artifactId, version, nested, from: 'MANIFEST.MF' };
}
/** The artifacts of an archive and of the archives inside it. */
function readJavaArchive(zip, archivePath, nested = '', depth = 0, budget = { left: MAX_JAVA_ARCHIVE_SIZE }) {
    const entries = zipEntries(zip);
    const records = [];
    const text = (entry) => readZipEntry(zip, entry, MAX_METADATA_ENTRY).toString('utf8');
    for (const entry of entries.filter((e) => POM_PROPERTIES.test(e.name))) {
        const properties = parseProperties(text(entry));
        const groupId = properties.get('groupId');
        const artifactId = properties.get('artifactId');
        const version = properties.get('version');
        if (groupId && artifactId && version)
            records.push({ groupId, artifactId, version, nested, from: 'pom.properties' });
    }
    if (records.length === 0) {
        const manifest = entries.find((e) => e.name === 'META-INF/MANIFEST.MF');
        const record = manifest ? manifestRecord(parseManifest(text(manifest)), archivePath, nested) : undefined;
        if (record)
            records.push(record);
    }
    if (depth < MAX_JAVA_NESTING) {
        for (const entry of entries.filter((e) => isJavaArchive(e.name) && !e.name.endsWith('/'))) {
            // Inflated archives count against one budget for the whole outer archive.
            if (entry.size > budget.left)
                continue;
            budget.left -= entry.size;
            let inner;
            try {
                inner = readZipEntry(zip, entry, entry.size);
            }
            catch {
                continue;
            }
            const innerNested = nested === '' ? entry.name : `${nested}:${entry.name}`;
            try {
                records.push(...readJavaArchive(inner, entry.name, innerNested, depth + 1, budget));
            }
            catch {
                // A nested file named .jar that is not a zip is not an artifact; the outer archive still is.
            }
        }
    }
    return records;
}
class JavaArchiveScanner {
    path;
    chunks = [];
    length = 0;
    constructor(path) {
        this.path = path;
    }
    push(chunk) {
        this.length += chunk.length;
        if (this.length <= MAX_JAVA_ARCHIVE_SIZE)
            this.chunks.push(chunk);
        else
            this.chunks = [];
    }
    end() {
        if (this.length > MAX_JAVA_ARCHIVE_SIZE)
            throw new Error(`${this.length} bytes is over the ${MAX_JAVA_ARCHIVE_SIZE}-byte limit for Java archives`);
        const zip = Buffer.concat(this.chunks);
        this.chunks = [];
        const records = readJavaArchive(zip, this.path);
        return records.length === 0 ? undefined : { value: records, kept: JSON.stringify(records).length };
    }
}
const JAVA_MATCHER = {
    id: 'java',
    matches: (path) => isJavaArchive(path),
    scan: (path) => new JavaArchiveScanner(path)
};
function javaPackages(records, location) {
    return records.map((record) => ({
        type: 'maven',
        name: record.artifactId,
        version: record.version,
        purl: formatPurl({ type: 'maven', namespace: record.groupId, name: record.artifactId, version: record.version }),
        locations: [record.nested === '' ? location : `${location}:${record.nested}`]
    }));
}

;// CONCATENATED MODULE: ./src/sbom/catalog/npm.ts
// npm packages: the package.json at the top of each installed package directory,
// node_modules/<name>/package.json or node_modules/@scope/<name>/package.json, at any depth.

// A package directory's name never starts with "." (node_modules/.bin, .pnpm, .cache are not packages);
// nested package.json files deeper in a package (dist/esm/package.json) are not packages either.
const PACKAGE_JSON = /(^|\/)node_modules\/(@[^/.][^/]*\/)?[^/.@][^/]*\/package\.json$/;
function isNpmPackageJson(path) {
    return PACKAGE_JSON.test(path);
}
function parseNpmPackageJson(content) {
    const json = JSON.parse(content.toString('utf8'));
    if (typeof json !== 'object' || json === null)
        return undefined;
    const { name, version, license, licenses, description } = json;
    if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '')
        return undefined;
    return {
        name,
        version,
        license: npmLicense(license, licenses),
        description: typeof description === 'string' ? description.slice(0, 256) : undefined
    };
}
// "license": "MIT" is current; { "type": "MIT" } and "licenses": [{ "type": ... }] are the deprecated forms.
function npmLicense(license, licenses) {
    if (typeof license === 'string')
        return license;
    if (license && typeof license === 'object' && typeof license.type === 'string')
        return license.type;
    if (Array.isArray(licenses)) {
        const types = licenses
            .map((l) => (l && typeof l === 'object' ? l.type : undefined))
            .filter((t) => typeof t === 'string');
        if (types.length > 0)
            return types.length === 1 ? types[0] : `(${types.join(' OR ')})`;
    }
    return undefined;
}
function npmPackage(record, location) {
    const scoped = record.name.startsWith('@') && record.name.includes('/');
    const namespace = scoped ? record.name.slice(0, record.name.indexOf('/')) : undefined;
    const name = scoped ? record.name.slice(record.name.indexOf('/') + 1) : record.name;
    return {
        type: 'npm',
        name: record.name,
        version: record.version,
        purl: formatPurl({ type: 'npm', namespace, name, version: record.version }),
        declaredLicense: record.license,
        description: record.description,
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/os-release.ts
/** Where os-release may live; /etc wins (the spec's lookup order). Debian ships /etc/os-release as a symlink to the second. */
const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'];
function parseOsRelease(text) {
    const fields = {};
    for (const rawLine of text.split('\n')) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
        if (!match)
            continue;
        fields[match[1]] = unquote(match[2]);
    }
    // ID defaults to "linux" per the spec, but a file without ID tells us nothing useful about the distribution.
    if (!fields.ID)
        return undefined;
    return {
        id: fields.ID.toLowerCase(),
        versionId: fields.VERSION_ID || undefined,
        versionCodename: fields.VERSION_CODENAME || undefined,
        name: fields.NAME || undefined,
        prettyName: fields.PRETTY_NAME || undefined
    };
}
function unquote(value) {
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
        const inner = value.slice(1, -1);
        return quote === '"' ? inner.replace(/\\([\\$"`])/g, '$1') : inner;
    }
    return value;
}

;// CONCATENATED MODULE: ./src/sbom/catalog/python.ts
// Python distributions: <name>-<version>.dist-info/METADATA, an email-style header block
// (https://packaging.python.org/en/latest/specifications/core-metadata/).

function isPythonMetadata(path) {
    return /(^|\/)[^/]+\.dist-info\/METADATA$/.test(path);
}
function parsePythonMetadata(content) {
    const headers = new Map();
    let lastKey = '';
    let multiLineLicense = false;
    for (const line of content.toString('utf8').split('\n')) {
        const text = line.replace(/\r$/, '');
        if (text === '')
            break; // the body (long description) starts after the first blank line
        if (text[0] === ' ' || text[0] === '\t') {
            // A continued License field is the license's full text, not a name.
            if (lastKey === 'license')
                multiLineLicense = true;
            continue;
        }
        const colon = text.indexOf(':');
        if (colon <= 0)
            continue;
        lastKey = text.slice(0, colon).toLowerCase();
        if (!headers.has(lastKey))
            headers.set(lastKey, text.slice(colon + 1).trim());
    }
    if (multiLineLicense)
        headers.delete('license');
    const name = headers.get('name');
    const version = headers.get('version');
    if (!name || !version)
        return undefined;
    // License-Expression (metadata 2.4) is an SPDX expression; the older License field is free text, kept only when short.
    const license = headers.get('license-expression') || shortLicense(headers.get('license'));
    return { name, version, license, summary: headers.get('summary') || undefined };
}
function shortLicense(value) {
    return value && value.length <= 64 && value !== 'UNKNOWN' ? value : undefined;
}
/** PEP 503 normalized name: runs of "-", "_" and "." become one "-", lower-cased. */
function normalizePythonName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
function pythonPackage(record, location) {
    return {
        type: 'pypi',
        name: record.name,
        version: record.version,
        purl: formatPurl({ type: 'pypi', name: normalizePythonName(record.name), version: record.version }),
        declaredLicense: record.license,
        description: record.summary,
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/ruby.ts
// Ruby gems: the specification RubyGems writes for each installed gem,
// <gem dir>/specifications/<name>-<version>[-<platform>].gemspec (Gem::Specification#to_ruby):
//
//   Gem::Specification.new do |s|
//     s.name = "rake".freeze
//     s.version = "13.0.6"
//     s.licenses = ["MIT".freeze]
//
// under /usr/lib/ruby/gems/<ruby>/, /usr/local/bundle/ (the official images' GEM_HOME), vendor/bundle/
// and Debian's /usr/share/rubygems-integration/all/, with the gems Ruby ships in specifications/default/.
// The file is Ruby; it is read with regular expressions for the few assignments RubyGems writes, never run.

const GEMSPEC = /(^|\/)specifications\/(default\/)?[^/]+\.gemspec$/;
function isGemspec(path) {
    return GEMSPEC.test(path);
}
// A Ruby string literal as to_ruby writes it ("..." with backslash escapes), or as a hand-written or older
// RubyGems gemspec may (single quotes, %q{...}); `.freeze` after it is optional.
const STRING = String.raw `(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|%[qQ]\{([^}]*)\})(?:\.freeze)?`;
function ruby_unquote(match, first) {
    const double = match[first];
    if (double !== undefined)
        return double.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, escape) => {
            if (escape[0] === 'u' && escape.length > 1)
                return String.fromCodePoint(parseInt(escape.replace(/[u{}]/g, ''), 16));
            return { n: '\n', t: '\t', r: '\r' }[escape] ?? escape;
        });
    const single = match[first + 1];
    if (single !== undefined)
        return single.replace(/\\([\\'])/g, '$1');
    return match[first + 2];
}
function parseGemspec(content) {
    const text = content.toString('utf8');
    const block = /Gem::Specification\.new\s+do\s*\|\s*(\w+)\s*\|/.exec(text);
    if (!block)
        return undefined;
    const variable = block[1];
    const body = text.slice(block.index + block[0].length);
    const scalar = (attribute) => {
        const match = new RegExp(String.raw `^\s*${variable}\.${attribute}\s*=\s*${STRING}`, 'm').exec(body);
        return match ? ruby_unquote(match, 1) : undefined;
    };
    const list = (attribute) => {
        const match = new RegExp(String.raw `^\s*${variable}\.${attribute}\s*=\s*\[([^\]]*)\]`, 'm').exec(body);
        if (!match)
            return undefined;
        const items = [];
        const item = new RegExp(STRING, 'g');
        for (let found = item.exec(match[1]); found; found = item.exec(match[1]))
            items.push(ruby_unquote(found, 1));
        return items;
    };
    const name = scalar('name');
    // to_ruby writes the version as a plain string; Gem::Version.new("...") is how some hand-written ones do.
    const version = scalar('version') ??
        (() => {
            const match = new RegExp(String.raw `^\s*${variable}\.version\s*=\s*Gem::Version\.new\(\s*${STRING}\s*\)`, 'm').exec(body);
            return match ? ruby_unquote(match, 1) : undefined;
        })();
    if (!name || !version)
        return undefined;
    const platform = scalar('platform') ?? platformObject(body, variable);
    const licenses = list('licenses') ?? [scalar('license')].filter((l) => l !== undefined && l !== '');
    return {
        name,
        version,
        platform: platform && platform !== 'ruby' ? platform : undefined,
        licenses,
        summary: scalar('summary')?.slice(0, 256) || undefined
    };
}
/**
 * A platform given as a Gem::Platform rather than a string is written as its parts,
 * `Gem::Platform.new(["x86_64", "darwin", "22"])`, and named by them joined with "-" (Gem::Platform#to_s).
 */
function platformObject(body, variable) {
    const match = new RegExp(String.raw `^\s*${variable}\.platform\s*=\s*Gem::Platform\.new\(\s*\[([^\]]*)\]\s*\)`, 'm').exec(body);
    if (!match)
        return undefined;
    const parts = [];
    const part = new RegExp(STRING, 'g');
    for (let found = part.exec(match[1]); found; found = part.exec(match[1]))
        parts.push(ruby_unquote(found, 1));
    return parts.length > 0 ? parts.join('-') : undefined;
}
function gemPackage(record, location) {
    // RubyGems treats several licenses as a choice ("MIT or Ruby"), like npm's and Composer's arrays.
    const license = record.licenses.length === 0 ? undefined : record.licenses.length === 1 ? record.licenses[0] : `(${record.licenses.join(' OR ')})`;
    return {
        type: 'gem',
        name: record.name,
        version: record.version,
        purl: formatPurl({ type: 'gem', name: record.name, version: record.version, qualifiers: { platform: record.platform } }),
        declaredLicense: license,
        description: record.summary,
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/sqlite.ts
// Reads the rows of one table from an SQLite database file held in memory, without SQLite: only what
// a read-only scan of a rowid table needs, from the file format (https://www.sqlite.org/fileformat2.html,
// section numbers cited below). Interior and leaf table b-tree pages, overflow chains, records.
// Not read: a write-ahead log beside the file (-wal), whose frames are not yet in the database pages.
const sqlite_MAGIC = 'SQLite format 3\0';
const PAGE_LEAF_TABLE = 0x0d;
const PAGE_INTERIOR_TABLE = 0x05;
/** A b-tree deeper than this is corrupt (a 64 KiB-page database of 2^32 rows needs about 5 levels). */
const MAX_DEPTH = 64;
class SqliteFormatError extends Error {
    name = 'SqliteFormatError';
}
class Reader {
    db;
    pageSize;
    usable;
    pageCount;
    decodeText;
    constructor(db) {
        this.db = db;
        if (db.length < 100 || db.toString('latin1', 0, 16) !== sqlite_MAGIC)
            throw new SqliteFormatError('not an SQLite 3 database');
        // 1.3.2: a power of two from 512 to 32768, or 1 for 65536.
        const raw = db.readUInt16BE(16);
        this.pageSize = raw === 1 ? 65536 : raw;
        if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
            throw new SqliteFormatError(`invalid page size ${raw}`);
        // 1.3.4: bytes reserved at the end of every page (encryption, checksums).
        this.usable = this.pageSize - db[20];
        if (this.usable < 480)
            throw new SqliteFormatError('invalid reserved space');
        this.pageCount = Math.floor(db.length / this.pageSize);
        // 1.3.12: 1 UTF-8, 2 UTF-16le, 3 UTF-16be.
        const encoding = db.readUInt32BE(56);
        this.decodeText =
            encoding === 2
                ? (bytes) => bytes.toString('utf16le')
                : encoding === 3
                    ? (bytes) => Buffer.from(bytes).swap16().toString('utf16le')
                    : (bytes) => bytes.toString('utf8');
    }
    page(number) {
        if (!Number.isInteger(number) || number < 1 || number > this.pageCount)
            throw new SqliteFormatError(`page ${number} is out of range`);
        return this.db.subarray((number - 1) * this.pageSize, number * this.pageSize);
    }
    /** Every row of the table b-tree rooted at `root`, in rowid order. */
    *rows(root) {
        const visited = new Set();
        const walk = function* (number, depth) {
            if (depth > MAX_DEPTH || visited.has(number))
                throw new SqliteFormatError(`b-tree loop at page ${number}`);
            visited.add(number);
            const page = this.page(number);
            const start = number === 1 ? 100 : 0; // page 1 begins with the database header (1.5)
            const type = page[start];
            const cells = page.readUInt16BE(start + 3);
            if (type === PAGE_INTERIOR_TABLE) {
                const pointers = start + 12;
                if (pointers + cells * 2 > page.length)
                    throw new SqliteFormatError(`page ${number}: too many cells`);
                for (let i = 0; i < cells; i++) {
                    const cell = page.readUInt16BE(pointers + i * 2);
                    if (cell + 4 > this.usable)
                        throw new SqliteFormatError(`page ${number}: cell out of range`);
                    yield* walk.call(this, page.readUInt32BE(cell), depth + 1);
                }
                yield* walk.call(this, page.readUInt32BE(start + 8), depth + 1);
            }
            else if (type === PAGE_LEAF_TABLE) {
                const pointers = start + 8;
                if (pointers + cells * 2 > page.length)
                    throw new SqliteFormatError(`page ${number}: too many cells`);
                for (let i = 0; i < cells; i++)
                    yield this.leafCell(page, number, page.readUInt16BE(pointers + i * 2));
            }
            else {
                throw new SqliteFormatError(`page ${number} is not a table b-tree page (type ${type})`);
            }
        };
        yield* walk.call(this, root, 0);
    }
    /** 1.6, "Table B-Tree Leaf Cell": payload size, rowid, the local part of the payload, then the first overflow page. */
    leafCell(page, number, offset) {
        if (offset >= this.usable)
            throw new SqliteFormatError(`page ${number}: cell out of range`);
        const size = varint(page, offset);
        const rowid = varint(page, size.next);
        const payloadSize = Number(size.value);
        const local = this.localPayloadSize(payloadSize);
        const at = rowid.next;
        if (at + local > this.usable)
            throw new SqliteFormatError(`page ${number}: cell payload out of range`);
        let payload;
        if (local === payloadSize) {
            payload = page.subarray(at, at + local);
        }
        else {
            if (at + local + 4 > this.usable)
                throw new SqliteFormatError(`page ${number}: cell payload out of range`);
            payload = this.withOverflow(page.subarray(at, at + local), page.readUInt32BE(at + local), payloadSize);
        }
        return { rowid: Number(rowid.value), values: this.record(payload) };
    }
    /** 1.6: how much of a table leaf cell's payload is on the page; the rest goes to overflow pages. */
    localPayloadSize(payloadSize) {
        const maxLocal = this.usable - 35;
        if (payloadSize <= maxLocal)
            return payloadSize;
        const minLocal = Math.floor(((this.usable - 12) * 32) / 255) - 23;
        const k = minLocal + ((payloadSize - minLocal) % (this.usable - 4));
        return k <= maxLocal ? k : minLocal;
    }
    /** 1.7: each overflow page starts with the next page's number (0 at the end), then usable - 4 bytes of payload. */
    withOverflow(local, first, payloadSize) {
        const payload = Buffer.allocUnsafe(payloadSize);
        let filled = local.copy(payload, 0);
        const seen = new Set();
        for (let next = first; filled < payloadSize;) {
            if (next === 0 || seen.has(next))
                throw new SqliteFormatError('overflow chain ends early or loops');
            seen.add(next);
            const page = this.page(next);
            filled += page.copy(payload, filled, 4, Math.min(this.usable, 4 + payloadSize - filled));
            next = page.readUInt32BE(0);
        }
        return payload;
    }
    /** 2.1, "Record Format": a header of serial types, then the values. */
    record(payload) {
        const headerSize = varint(payload, 0);
        const end = Number(headerSize.value);
        if (end > payload.length)
            throw new SqliteFormatError('record header out of range');
        const types = [];
        for (let at = headerSize.next; at < end;) {
            const type = varint(payload, at);
            types.push(Number(type.value));
            at = type.next;
        }
        const values = [];
        let at = end;
        for (const type of types) {
            const length = serialLength(type);
            if (at + length > payload.length)
                throw new SqliteFormatError('record value out of range');
            values.push(this.value(payload, at, type, length));
            at += length;
        }
        return values;
    }
    value(payload, at, type, length) {
        switch (type) {
            case 0:
                return null;
            case 1:
            case 2:
            case 3:
            case 4:
            case 5:
                return payload.readIntBE(at, length);
            case 6: {
                const value = payload.readBigInt64BE(at);
                return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
            }
            case 7:
                return payload.readDoubleBE(at);
            case 8:
                return 0;
            case 9:
                return 1;
            default:
                if (type < 12)
                    throw new SqliteFormatError(`reserved serial type ${type}`);
                return type % 2 === 0 ? Buffer.from(payload.subarray(at, at + length)) : this.decodeText(payload.subarray(at, at + length));
        }
    }
}
function serialLength(type) {
    if (type < 12)
        return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0][type];
    return Math.floor((type - 12) / 2);
}
/** 1.6: big-endian, 7 bits a byte while the high bit is set, the ninth byte whole. */
function varint(bytes, offset) {
    let value = 0n;
    for (let i = 0; i < 9; i++) {
        if (offset + i >= bytes.length)
            throw new SqliteFormatError('varint out of range');
        const byte = bytes[offset + i];
        if (i === 8)
            return { value: (value << 8n) | BigInt(byte), next: offset + 9 };
        value = (value << 7n) | BigInt(byte & 0x7f);
        if ((byte & 0x80) === 0)
            return { value, next: offset + i + 1 };
    }
    throw new SqliteFormatError('unreachable');
}
/** The rows of the rowid table `table` (found in sqlite_schema on page 1), in rowid order. */
function* readSqliteTable(db, table) {
    const reader = new Reader(db);
    let root;
    // 2.6: sqlite_schema(type, name, tbl_name, rootpage, sql), rooted at page 1.
    for (const row of reader.rows(1)) {
        if (row.values[0] === 'table' && row.values[1] === table && typeof row.values[3] === 'number') {
            root = row.values[3];
            break;
        }
    }
    if (root === undefined)
        throw new SqliteFormatError(`no table named ${table}`);
    yield* reader.rows(root);
}

;// CONCATENATED MODULE: ./src/sbom/catalog/rpm.ts
// RPM packages from rpm's SQLite database (rpm >= 4.16: Fedora 33+, RHEL/UBI 9+, Amazon Linux 2023,
// openSUSE Tumbleweed): table Packages(hnum, blob), one row per installed package, each blob an RPM
// header (https://rpm-software-management.github.io/rpm/manual/format_header.html) without the lead magic.
// Berkeley DB (var/lib/rpm/Packages: RHEL/UBI 8, CentOS 7, Amazon Linux 2) and NDB (SUSE's Packages.db)
// are not read yet.


/** Fedora and RHEL 9 keep it in /var/lib/rpm (on Fedora a symlink to the second); openSUSE and newer Fedora in /usr/lib/sysimage/rpm. */
const RPMDB_PATHS = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite'];
/**
 * rpmdb.sqlite holds every header with its file lists: a minimal UBI 9 image's is 6-10 MiB, a large
 * Fedora install's a few tens. The other metadata files are capped at 16 MiB; this one may use up to
 * 48 MiB of the per-image budget (64 MiB), leaving room for the language packages in upper layers.
 */
const MAX_RPMDB_SIZE = 48 * 1024 * 1024;
// Header tags (rpmtag.h) and types (header data types).
const TAG = {
    name: 1000,
    version: 1001,
    release: 1002,
    epoch: 1003,
    summary: 1004,
    vendor: 1011,
    license: 1014,
    arch: 1022,
    sourceRpm: 1044
};
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;
/** rpm refuses headers with more entries or data than these (header_internal.h, HEADER_TAGS_MAX / HEADER_DATA_MAX). */
const MAX_ENTRIES = 0x10000;
const MAX_DATA = 256 * 1024 * 1024;
/** The two places rpm keeps it (also below a symlinked directory); a stray copy elsewhere is not the image's database. */
function isRpmDatabaseFile(path) {
    return /(^|\/)(var\/lib|usr\/lib\/sysimage)\/rpm\/rpmdb\.sqlite$/.test(path);
}
/**
 * The tags we use from one header blob: big-endian entry count and data size, the index entries
 * (tag, type, offset into the data, count), then the data. Strings are NUL-terminated; an i18n
 * string is one per locale, the first being the untranslated one.
 */
function parseRpmHeader(blob) {
    if (blob.length < 8)
        throw new Error('RPM header shorter than its preamble');
    const entries = blob.readUInt32BE(0);
    const dataSize = blob.readUInt32BE(4);
    if (entries > MAX_ENTRIES || dataSize > MAX_DATA)
        throw new Error(`RPM header of ${entries} entries and ${dataSize} bytes is too large`);
    const dataStart = 8 + entries * 16;
    if (dataStart + dataSize > blob.length)
        throw new Error('RPM header is truncated');
    const data = blob.subarray(dataStart, dataStart + dataSize);
    const strings = new Map();
    const ints = new Map();
    const wanted = new Set(Object.values(TAG));
    for (let i = 0; i < entries; i++) {
        const at = 8 + i * 16;
        const tag = blob.readUInt32BE(at);
        if (!wanted.has(tag) || strings.has(tag) || ints.has(tag))
            continue;
        const type = blob.readUInt32BE(at + 4);
        const offset = blob.readUInt32BE(at + 8);
        const count = blob.readUInt32BE(at + 12);
        if (offset >= data.length || count === 0)
            continue;
        if (type === TYPE_INT32) {
            if (offset + 4 <= data.length)
                ints.set(tag, data.readInt32BE(offset));
        }
        else if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY) {
            const end = data.indexOf(0, offset);
            if (end !== -1)
                strings.set(tag, data.toString('utf8', offset, end));
        }
    }
    const name = strings.get(TAG.name);
    const version = strings.get(TAG.version);
    const release = strings.get(TAG.release);
    if (!name || !version || release === undefined)
        return undefined;
    return {
        name,
        version,
        release,
        epoch: ints.get(TAG.epoch),
        arch: strings.get(TAG.arch) || undefined,
        license: strings.get(TAG.license) || undefined,
        sourceRpm: strings.get(TAG.sourceRpm) || undefined,
        vendor: strings.get(TAG.vendor) || undefined,
        summary: strings.get(TAG.summary) || undefined
    };
}
/**
 * Every installed package in an rpmdb.sqlite. `gpg-pubkey` entries are the keys rpm trusts, imported
 * into the database as pseudo-packages, not software, and are left out (as Trivy does).
 */
function parseRpmDatabase(content) {
    const records = [];
    for (const row of readSqliteTable(content, 'Packages')) {
        const blob = row.values[1];
        if (!Buffer.isBuffer(blob))
            continue;
        const record = parseRpmHeader(blob);
        if (record && record.name !== 'gpg-pubkey')
            records.push(record);
    }
    return records;
}
/** The purl namespace syft writes: the os-release ID, with RHEL as "redhat" and every openSUSE as "opensuse". */
function rpmNamespace(os) {
    if (!os)
        return undefined;
    if (os.id === 'rhel')
        return 'redhat';
    if (os.id.startsWith('opensuse'))
        return 'opensuse';
    return os.id;
}
function rpmPackage(record, os, location) {
    const versionRelease = `${record.version}-${record.release}`;
    return {
        type: 'rpm',
        name: record.name,
        // As rpm -q prints it with %{EVR}, and as syft's version: the epoch only when the package has one.
        version: record.epoch !== undefined ? `${record.epoch}:${versionRelease}` : versionRelease,
        // purl-spec, type "rpm": the epoch is a qualifier, not part of the version.
        purl: formatPurl({
            type: 'rpm',
            namespace: rpmNamespace(os),
            name: record.name,
            version: versionRelease,
            qualifiers: {
                arch: record.arch,
                epoch: record.epoch !== undefined ? String(record.epoch) : undefined,
                upstream: record.sourceRpm,
                distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined
            }
        }),
        architecture: record.arch,
        source: record.sourceRpm,
        declaredLicense: record.license,
        description: record.summary,
        locations: [location]
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalog/catalog.ts
// Catalogues an image: one streaming pass over its layers collects the package databases, then each
// cataloger turns what it found into packages with purls.













/** Metadata files are small (Debian's status is a few MiB); anything larger is not what we think it is. */
const MAX_METADATA_FILE_SIZE = 16 * 1024 * 1024;
/**
 * Metadata bytes read per image, over every file and layer: files past it are skipped and recorded.
 * Each file under MAX_METADATA_FILE_SIZE is not enough: 120 files of 15 MiB under status.d would be 2 GB held.
 */
const MAX_METADATA_TOTAL_BYTES = 64 * 1024 * 1024;
const MATCHERS = [
    {
        id: 'os-release',
        matches: (path) => external_node_path_.posix.basename(path) === 'os-release' && path.split('/').length <= 4,
        parse: (_path, content) => parseOsRelease(content.toString('utf8'))
    },
    { id: 'dpkg', matches: isDpkgDatabaseFile, parse: parseDpkgFile },
    { id: 'apk', matches: isApkDatabaseFile, parse: (_path, content) => parseApkInstalled(content.toString('utf8')) },
    { id: 'rpm', matches: isRpmDatabaseFile, parse: (_path, content) => parseRpmDatabase(content), maxFileSize: MAX_RPMDB_SIZE },
    { id: 'npm', matches: isNpmPackageJson, parse: (_path, content) => parseNpmPackageJson(content) },
    { id: 'python', matches: isPythonMetadata, parse: (_path, content) => parsePythonMetadata(content) },
    { id: 'gem', matches: isGemspec, parse: (_path, content) => parseGemspec(content) },
    { id: 'composer', matches: isComposerInstalledJson, parse: (_path, content) => parseComposerInstalled(content) },
    { id: 'nuget', matches: isDotnetDepsJson, parse: (_path, content) => parseDotnetDeps(content) },
    JAVA_MATCHER,
    // Last: it looks at every file no other matcher claimed (and keeps only binaries' build info).
    BINARY_MATCHER
];
// The fixed locations, and the directories on their way, are where a symlink can matter
// (/etc/os-release -> ../usr/lib/os-release, /lib -> usr/lib on merged-/usr systems).
const FIXED_PATHS = [...OS_RELEASE_PATHS, DPKG_STATUS_PATH, DPKG_STATUS_DIR, APK_INSTALLED_PATH, ...RPMDB_PATHS];
const FIXED_PREFIXES = new Set(FIXED_PATHS.flatMap((path) => path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
function keepSymlink(path) {
    return FIXED_PREFIXES.has(path) || path.split('/').length <= 2;
}
async function catalogImage(layers, openBlob, logger, maxTotalBytes = MAX_METADATA_TOTAL_BYTES) {
    const fs = await collectFilesystem(layers, openBlob, {
        matchers: MATCHERS,
        keepSymlink,
        maxFileSize: MAX_METADATA_FILE_SIZE,
        maxTotalBytes,
        logger
    });
    let os;
    for (const path of OS_RELEASE_PATHS) {
        os = fs.file(path, 'os-release')?.value;
        if (os)
            break;
    }
    const packages = [];
    const status = fs.file(DPKG_STATUS_PATH, 'dpkg');
    const dpkgFiles = [...(status ? [status] : []), ...fs.filesIn(DPKG_STATUS_DIR, 'dpkg')];
    for (const file of dpkgFiles)
        for (const record of file.value)
            packages.push(dpkgPackage(record, os, file.path));
    const apk = fs.file(APK_INSTALLED_PATH, 'apk');
    if (apk)
        for (const record of apk.value)
            packages.push(apkPackage(record, os, apk.path));
    // On Fedora /var/lib/rpm is a symlink to /usr/lib/sysimage/rpm: both paths are one database.
    const rpmdbs = new Map(RPMDB_PATHS.map((path) => fs.file(path, 'rpm')).flatMap((file) => (file ? [[file.path, file]] : [])));
    for (const rpmdb of rpmdbs.values())
        for (const record of rpmdb.value)
            packages.push(rpmPackage(record, os, rpmdb.path));
    for (const file of fs.files('npm'))
        packages.push(npmPackage(file.value, file.path));
    for (const file of fs.files('python'))
        packages.push(pythonPackage(file.value, file.path));
    for (const file of fs.files('gem'))
        packages.push(gemPackage(file.value, file.path));
    for (const file of fs.files('composer'))
        for (const record of file.value)
            packages.push(composerPackage(record, file.path));
    for (const file of fs.files('nuget'))
        for (const record of file.value)
            packages.push(nugetPackage(record, file.path));
    for (const file of fs.files('java'))
        packages.push(...javaPackages(file.value, file.path));
    for (const file of fs.files('binary'))
        packages.push(...binaryPackages(file.value, file.path));
    return { packages: mergeByPurl(packages), os, skipped: fs.skipped() };
}
/** The same package installed at several paths is one package with several locations. */
function mergeByPurl(packages) {
    const byPurl = new Map();
    for (const pkg of packages) {
        const seen = byPurl.get(pkg.purl);
        if (seen)
            seen.locations.push(...pkg.locations.filter((l) => !seen.locations.includes(l)));
        else
            byPurl.set(pkg.purl, { ...pkg, locations: [...pkg.locations] });
    }
    return [...byPurl.values()];
}

// EXTERNAL MODULE: ./src/sbom/schemas/cyclonedx-spdx.schema.json
var cyclonedx_spdx_schema = __webpack_require__(14580);
;// CONCATENATED MODULE: ./src/sbom/spdx.ts
// Builds an SPDX 2.3 JSON document from catalogued packages: a pure function from data to data.
// Spec: https://spdx.github.io/spdx-spec/v2.3/ (clauses cited by number below).



/** Entries named in the comment; the rest are counted (the result lists them all). */
const MAX_SKIPPED_IN_COMMENT = 50;
function skippedComment(skipped) {
    const named = skipped.slice(0, MAX_SKIPPED_IN_COMMENT).map((s) => `/${s.path} in layer ${s.layer} (${s.reason})`);
    const more = skipped.length > named.length ? `; and ${skipped.length - named.length} more` : '';
    return (`Incomplete: ${skipped.length} package metadata file(s) were not catalogued, so the packages they list are missing from this document: ` +
        named.join('; ') +
        more);
}
const NOASSERTION = 'NOASSERTION';
const KNOWN_LICENSE_IDS = new Set(cyclonedx_spdx_schema["enum"]);
/** SPDX identifiers allow letters, digits, "." and "-" only (3.2). */
function idString(value) {
    return (value
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64) || 'x');
}
function shortHash(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(value).digest('hex').slice(0, 16);
}
/** ISO 8601 UTC to the second, as 6.9 shows it: 2010-01-29T18:30:22Z. */
function spdxTime(value) {
    const time = new Date(value);
    if (Number.isNaN(time.getTime()))
        throw new Error(`invalid creation time "${value}"`);
    return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/**
 * Returns the declared license when it is an SPDX license expression made of listed identifiers
 * (Annex D), else undefined: a free-text license would make the document invalid for consumers.
 */
function spdxLicenseExpression(value) {
    if (!value)
        return undefined;
    const tokens = value
        .replace(/([()])/g, ' $1 ')
        .trim()
        .split(/\s+/);
    let depth = 0;
    let expectOperand = true;
    let afterWith = false;
    const out = [];
    for (const token of tokens) {
        const upper = token.toUpperCase();
        if (token === '(') {
            if (!expectOperand)
                return undefined;
            depth++;
            out.push(token);
        }
        else if (token === ')') {
            if (expectOperand || --depth < 0)
                return undefined;
            out.push(token);
        }
        else if (upper === 'AND' || upper === 'OR' || upper === 'WITH') {
            if (expectOperand)
                return undefined;
            expectOperand = true;
            afterWith = upper === 'WITH';
            out.push(upper);
        }
        else {
            if (!expectOperand)
                return undefined;
            const id = afterWith ? token : token.replace(/\+$/, '');
            if (!KNOWN_LICENSE_IDS.has(id))
                return undefined;
            expectOperand = false;
            afterWith = false;
            out.push(token);
        }
    }
    if (expectOperand || depth !== 0)
        return undefined;
    return out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}
function imagePurl(image) {
    // pkg:oci/<name>@<digest>?repository_url=<repository> (purl-spec, type "oci").
    const repository = image.name;
    const name = repository.slice(repository.lastIndexOf('/') + 1);
    const qualifiers = [`arch=${encodePurlSegment(image.architecture ?? '')}`, `repository_url=${encodePurlSegment(repository)}`].filter((q) => !q.endsWith('='));
    return `pkg:oci/${encodePurlSegment(name)}@${encodePurlSegment(image.digest)}?${qualifiers.join('&')}`;
}
function buildSpdxDocument(image, packages, os, options) {
    const imageId = 'SPDXRef-Image';
    const [algorithm, hex] = image.digest.split(':');
    const imagePackage = {
        SPDXID: imageId,
        name: image.name,
        versionInfo: image.digest,
        downloadLocation: NOASSERTION,
        supplier: NOASSERTION,
        filesAnalyzed: false,
        licenseConcluded: NOASSERTION,
        licenseDeclared: NOASSERTION,
        copyrightText: NOASSERTION,
        primaryPackagePurpose: 'CONTAINER',
        ...(algorithm === 'sha256' && hex ? { checksums: [{ algorithm: 'SHA256', checksumValue: hex }] } : {}),
        ...(os
            ? {
                comment: `operating system: ${os.prettyName ?? `${os.id} ${os.versionId ?? ''}`.trim()}${image.platform ? `; platform: ${image.platform}` : ''}`
            }
            : image.platform
                ? { comment: `platform: ${image.platform}` }
                : {}),
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: imagePurl(image) }]
    };
    const usedIds = new Set([imageId]);
    const spdxPackages = packages.map((pkg) => {
        let id = `SPDXRef-Package-${pkg.type}-${idString(pkg.name)}-${shortHash(pkg.purl)}`;
        for (let n = 2; usedIds.has(id); n++)
            id = `SPDXRef-Package-${pkg.type}-${idString(pkg.name)}-${shortHash(pkg.purl)}-${n}`;
        usedIds.add(id);
        return {
            SPDXID: id,
            name: pkg.name,
            versionInfo: pkg.version,
            downloadLocation: NOASSERTION,
            supplier: NOASSERTION,
            filesAnalyzed: false,
            licenseConcluded: NOASSERTION,
            licenseDeclared: spdxLicenseExpression(pkg.declaredLicense) ?? NOASSERTION,
            copyrightText: NOASSERTION,
            ...(pkg.source
                ? { sourceInfo: `source package: ${pkg.source}; found in: ${pkg.locations.map((l) => '/' + l).join(', ')}` }
                : { sourceInfo: `found in: ${pkg.locations.map((l) => '/' + l).join(', ')}` }),
            ...(pkg.description ? { summary: pkg.description } : {}),
            externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }]
        };
    });
    const toolName = options.toolName.startsWith('Tool:') ? options.toolName : `Tool: ${options.toolName}`;
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${image.name}@${image.digest}`,
        // 6.5: unique per document; derived from the image digest and tool so a rerun names the same document.
        documentNamespace: `https://spdx.org/spdxdocs/digest-release/${idString(image.name)}-${shortHash(`${image.name}@${image.digest} ${options.toolName}`)}`,
        creationInfo: { created: spdxTime(options.created), creators: [toolName] },
        ...(options.skipped && options.skipped.length > 0 ? { comment: skippedComment(options.skipped) } : {}),
        packages: [imagePackage, ...spdxPackages],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
            ...spdxPackages.map((pkg) => ({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: pkg.SPDXID }))
        ]
    };
}

;// CONCATENATED MODULE: ./src/sbom/cyclonedx.ts
// Builds a CycloneDX 1.6 JSON document from catalogued packages: a pure function from data to data,
// the counterpart of spdx.ts. Spec: https://cyclonedx.org/docs/1.6/json/ (field names below).


const IMAGE_REF = 'image';
/** RFC 4122 name-based (version 5, SHA-1) UUID: the same image and tool name the same document, as the SPDX namespace does. */
function nameBasedUuid(name) {
    // The URL namespace (RFC 4122, Appendix C).
    const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
    const hash = (0,external_node_crypto_.createHash)('sha1').update(namespace).update(name).digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** "digest-release-1.2.0" -> name and version; a name without a version stays whole. */
function toolComponent(toolName) {
    const name = toolName.replace(/^Tool:\s*/, '');
    const match = /^(.+?)-(\d[\w.+-]*)$/.exec(name);
    return match ? { type: 'application', name: match[1], version: match[2] } : { type: 'application', name };
}
/** licenses: one SPDX id, one SPDX expression, or the declared text as a name (licenseChoice). */
function licenses(declared) {
    if (!declared)
        return undefined;
    const expression = spdxLicenseExpression(declared);
    if (expression === undefined)
        return [{ license: { name: declared, acknowledgement: 'declared' } }];
    if (/^[A-Za-z0-9.-]+$/.test(expression))
        return [{ license: { id: expression, acknowledgement: 'declared' } }];
    return [{ expression, acknowledgement: 'declared' }];
}
/** Time to the second, as the SPDX document writes it. */
function timestamp(value) {
    const time = new Date(value);
    if (Number.isNaN(time.getTime()))
        throw new Error(`invalid creation time "${value}"`);
    return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function buildCycloneDxDocument(image, packages, os, options) {
    const [algorithm, hex] = image.digest.split(':');
    const usedRefs = new Set([IMAGE_REF]);
    const uniqueRef = (base) => {
        let ref = base;
        for (let n = 2; usedRefs.has(ref); n++)
            ref = `${base}#${n}`;
        usedRefs.add(ref);
        return ref;
    };
    const properties = [];
    if (image.platform)
        properties.push({ name: 'digest-release:platform', value: image.platform });
    for (const skipped of options.skipped ?? []) {
        properties.push({ name: 'digest-release:not-catalogued', value: `/${skipped.path} in layer ${skipped.layer} (${skipped.reason})` });
    }
    const imageComponent = {
        type: 'container',
        'bom-ref': IMAGE_REF,
        name: image.name,
        version: image.digest,
        ...(algorithm === 'sha256' && hex ? { hashes: [{ alg: 'SHA-256', content: hex }] } : {}),
        purl: imagePurl(image)
    };
    const osComponents = os
        ? [
            {
                type: 'operating-system',
                'bom-ref': uniqueRef(`os:${os.id}${os.versionId ? `@${os.versionId}` : ''}`),
                name: os.id,
                ...(os.versionId ? { version: os.versionId } : {}),
                ...(os.prettyName ? { description: os.prettyName } : {})
            }
        ]
        : [];
    const packageComponents = packages.map((pkg) => {
        const license = licenses(pkg.declaredLicense);
        return {
            type: 'library',
            'bom-ref': uniqueRef(pkg.purl),
            name: pkg.name,
            version: pkg.version,
            ...(pkg.description ? { description: pkg.description } : {}),
            ...(license ? { licenses: license } : {}),
            purl: pkg.purl,
            ...(pkg.source ? { properties: [{ name: 'digest-release:source-package', value: pkg.source }] } : {}),
            evidence: { occurrences: pkg.locations.map((location) => ({ location: '/' + location })) }
        };
    });
    // Flat, as syft writes them: metadata.component is the image, and every component was found in it.
    const components = [...osComponents, ...packageComponents];
    return {
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: `urn:uuid:${nameBasedUuid(`digest-release:${image.name}@${image.digest} ${options.toolName}`)}`,
        version: 1,
        metadata: {
            timestamp: timestamp(options.created),
            tools: { components: [toolComponent(options.toolName)] },
            component: imageComponent,
            ...(properties.length > 0 ? { properties } : {})
        },
        components,
        // Files that could not be read leave the inventory incomplete, and the document says so.
        ...(options.skipped && options.skipped.length > 0 ? { compositions: [{ aggregate: 'incomplete', assemblies: [IMAGE_REF] }] } : {})
    };
}

;// CONCATENATED MODULE: ./src/sbom/generate.ts
// `sbom: generate`: catalogue one platform image by streaming its layers and describe it in SPDX 2.3
// (the default) or CycloneDX 1.6.
// For an index the caller runs this once per platform manifest and attests each to its own digest.





async function generateSbom(image, openBlob, options = {}) {
    const logger = options.logger ?? net_logger/* silentLogger */.q;
    const { packages, os, skipped } = await catalogImage(image.layers, openBlob, logger, options.maxMetadataBytes ?? MAX_METADATA_TOTAL_BYTES);
    logger.info(`sbom: ${image.name}@${image.digest}: ${packages.length} packages${os ? ` on ${os.prettyName ?? os.id}` : ''}` +
        (skipped.length > 0 ? `; ${skipped.length} metadata file(s) not catalogued` : ''));
    const format = options.format ?? 'spdx';
    const build = format === 'cyclonedx' ? buildCycloneDxDocument : buildSpdxDocument;
    const document = build({ name: image.name, digest: image.digest, platform: image.platform, os: image.config.os, architecture: image.config.architecture }, packages, os, { created: options.created ?? new Date().toISOString(), toolName: options.toolName ?? 'digest-release', skipped });
    const predicateType = format === 'cyclonedx' ? predicates/* PREDICATE_TYPE */.To.cycloneDx : predicates/* PREDICATE_TYPE */.To.spdx23;
    return { document, format, predicateType, packages, os, skipped };
}

// EXTERNAL MODULE: ./src/sbom/validate.ts + 4 modules
var validate = __webpack_require__(73723);
;// CONCATENATED MODULE: ./src/sbom/index.ts
// The SBOM part of the attest step: generate an SPDX 2.3 or CycloneDX 1.6 SBOM from an image's layers, or load and
// validate one the user gives. Public surface only; the work is in generate.ts, validate.ts and catalog/.




// EXTERNAL MODULE: ./src/oci/descriptor.ts
var descriptor = __webpack_require__(47592);
// EXTERNAL MODULE: ./src/oci/layout/read.ts + 1 modules
var read = __webpack_require__(34199);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/steps/attest.ts
// The attest step: SLSA provenance and an SBOM as in-toto statements, DSSE-signed through Sigstore
// and stored beside the image exactly like the signature (cosign BUNDLE_SPEC referrers, and
// cosign v2's `sha256-<hex>.att` tag when the legacy format is on).












/** The platform images of a layout's image, with their configs read (and checked) from the layout. */
async function readPlatformImages(layout, image) {
    const platforms = [];
    for (const node of (0,read/* platformImages */.QF)(image)) {
        const manifest = node.manifest;
        const config = JSON.parse((await layout.readBlob(manifest.config, 'image config')).toString('utf8'));
        const platform = node.descriptor.platform ?? (config.os && config.architecture ? { os: config.os, architecture: config.architecture } : undefined);
        platforms.push({ ...node.descriptor, ...(platform ? { platform } : {}), config, layers: manifest.layers });
    }
    return platforms;
}
/** Opens the layers of these platform images from the layout, by digest. */
function layerOpener(layout, platforms) {
    const sizes = new Map(platforms.flatMap((platform) => platform.layers.map((layer) => [layer.digest, layer.size])));
    return async (digest) => {
        const size = sizes.get(digest) ?? 0;
        return layout.blob({ digest, size }).open(0, size);
    };
}
async function attestImage(options) {
    const result = { attestations: [] };
    const isIndex = options.platforms.length !== 1 || options.platforms[0].digest !== options.top.digest;
    const wholeBuild = isIndex ? [options.top, ...options.platforms] : [options.top];
    // Signing and storing overlap (the log and timestamp requests are what take time against a remote
    // Sigstore); SBOMs are still generated one platform at a time, to keep memory bounded.
    const signing = [];
    // One statement describes the build of every digest, the index and each platform manifest (as
    // actions/attest does with many subjects): signed once, stored as a referrer of each subject.
    const provenance = options.provenance
        ? attest(options, wholeBuild, 'provenance', predicates/* PREDICATE_TYPE */.To.slsaProvenance1, Buffer.from(JSON.stringify(options.provenance)))
        : undefined;
    if (provenance)
        signing.push(provenance);
    // Test results, like provenance, describe the build as a whole.
    const testResult = options.testResult
        ? attest(options, wholeBuild, 'test-result', predicates/* PREDICATE_TYPE */.To.testResult, Buffer.from(JSON.stringify(options.testResult)))
        : undefined;
    if (testResult)
        signing.push(testResult);
    const sboms = [];
    if (options.sbom.mode === 'file') {
        const { file } = options.sbom;
        result.sbomPath = (0,external_node_path_.join)(options.outputDir, `sbom-${(0,digest/* digestFileStem */.yP)(options.top.digest)}.${file.format === 'spdx' ? 'spdx' : 'cdx'}.json`);
        await (0,promises_.writeFile)(result.sbomPath, file.bytes);
        const path = result.sbomPath;
        sboms.push(attest(options, [options.top], 'sbom', file.predicateType, file.bytes, path));
    }
    else if (options.sbom.mode === 'generate') {
        // One SBOM per platform, attested to that platform's digest: that is what a node pulls.
        for (const platform of options.platforms) {
            const generated = await generateSbom({
                name: options.imageName,
                digest: platform.digest,
                platform: (0,descriptor/* platformName */.$)(platform),
                config: platform.config,
                layers: platform.layers
            }, options.openBlob, { created: options.now().toISOString(), toolName: options.toolName, logger: options.logger, format: options.sbom.format });
            options.logger.info(`${(0,descriptor/* platformName */.$)(platform) ?? platform.digest}: catalogued ${generated.packages.length} packages${generated.os ? ` on ${generated.os.prettyName ?? generated.os.id}` : ''}`);
            if (generated.skipped.length > 0) {
                const where = (0,descriptor/* platformName */.$)(platform) ?? platform.digest;
                options.logger.warning(`${where}: the SBOM is incomplete; not catalogued: ${generated.skipped.map((s) => `/${s.path} (${s.reason})`).join('; ')}`);
                result.sbomSkipped = [
                    ...(result.sbomSkipped ?? []),
                    ...generated.skipped.map((s) => ({ platform: (0,descriptor/* platformName */.$)(platform), path: s.path, reason: s.reason }))
                ];
            }
            const bytes = Buffer.from(JSON.stringify(generated.document, null, 2));
            const path = (0,external_node_path_.join)(options.outputDir, `sbom-${(0,digest/* digestFileStem */.yP)(platform.digest)}.${generated.format === 'cyclonedx' ? 'cdx' : 'spdx'}.json`);
            await (0,promises_.writeFile)(path, bytes);
            sboms.push(attest(options, [platform], 'sbom', generated.predicateType, bytes, path));
            result.sbomPath ??= path;
        }
    }
    // Wait for everything (a failure still waits for the rest, so nothing is left writing), in a fixed order.
    const settled = await Promise.allSettled([...signing, ...sboms]);
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed)
        throw failed.reason;
    if (provenance) {
        const stored = await provenance;
        result.attestations.push(...stored);
        result.provenance = stored[0];
    }
    if (testResult && options.testResult) {
        const stored = await testResult;
        result.attestations.push(...stored);
        result.testResult = {
            ...stored[0],
            result: options.testResult.result,
            passed: options.testResult.passedTests.length,
            failed: options.testResult.failedTests.length
        };
    }
    for (const sbom of sboms) {
        const [attestation] = await sbom;
        result.attestations.push(attestation);
        result.sbom ??= attestation;
    }
    return result;
}
/**
 * The statement's bytes with the predicate spliced in as given: a user's SBOM file travels inside
 * the signed payload byte for byte, not re-serialized.
 */
function statementBytes(subjects, predicateType, predicateBytes) {
    const head = JSON.stringify(buildStatement(subjects.map((subject) => ({ name: subject.name, digest: (0,digest/* digestSet */.JD)(subject.digest) })), predicateType, null));
    return Buffer.concat([Buffer.from(head.slice(0, -'null}'.length)), predicateBytes, Buffer.from('}')]);
}
/** Signs one statement about `subjects` and stores it beside each of them. */
async function attest(options, subjects, kind, predicateType, predicateBytes, sbomPath) {
    const { client, referrers, logger } = options;
    const payload = statementBytes(subjects.map((subject) => ({ name: options.imageName, digest: subject.digest })), predicateType, predicateBytes);
    const bundle = await options.signer.signDsse(payload, predicates/* IN_TOTO_PAYLOAD_TYPE */.T4);
    await options.publish?.(bundle);
    const bundleBytes = Buffer.from(JSON.stringify(bundle));
    const bundlePath = (0,external_node_path_.join)(options.outputDir, `${kind}-${(0,digest/* digestFileStem */.yP)(subjects[0].digest)}.sigstore.json`);
    await (0,promises_.writeFile)(bundlePath, bundleBytes);
    // Each subject has its own referrers index and `.att` tag: stored side by side.
    return Promise.all(subjects.map(async (subject) => {
        const summary = {
            kind,
            platform: (0,descriptor/* platformName */.$)(subject),
            subjectDigest: subject.digest,
            referrerDigest: '',
            predicateType,
            bundlePath,
            ...(sbomPath ? { sbomPath } : {})
        };
        if (options.format === 'bundle' || options.format === 'both') {
            const manifest = (0,cosign/* bundleReferrerManifest */.j_)({
                subject: (0,descriptor/* plainDescriptor */.U)(subject),
                bundle: { mediaType: media_types/* MEDIA_TYPE */.Ap.sigstoreBundle, digest: (0,digest/* sha256Of */.Bj)(bundleBytes), size: bundleBytes.length },
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
        logger.info(`${kind} for ${(0,descriptor/* platformName */.$)(subject) ?? subject.digest}: ${summary.referrerDigest || summary.legacyTag} (${(0,bundle_info/* timeProof */.GX)(bundle)})`);
        return summary;
    }));
}


/***/ })

};
