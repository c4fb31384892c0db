export const id = 28;
export const ids = [28,985];
export const modules = {

/***/ 26985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Referrers: () => (/* binding */ Referrers),
/* harmony export */   describeReferrer: () => (/* binding */ describeReferrer),
/* harmony export */   referrersTag: () => (/* binding */ referrersTag)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37893);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29217);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28630);




function referrersTag(digest) {
    const [algorithm, hex] = digest.split(':');
    return `${algorithm}-${hex}`;
}
/** The descriptor of a referrer manifest as the spec wants it listed: artifactType and annotations included. */
function describeReferrer(bytes) {
    const manifest = JSON.parse(bytes.toString('utf8'));
    const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
    return {
        mediaType: manifest.mediaType ?? _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPE */ .Ap.ociManifest,
        digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Of */ .Bj)(bytes),
        size: bytes.length,
        ...(artifactType ? { artifactType } : {}),
        ...(manifest.annotations ? { annotations: manifest.annotations } : {})
    };
}
const perClient = new WeakMap();
class Referrers {
    client;
    mode;
    apiUnanswered = false;
    constructor(client) {
        this.client = client;
    }
    /**
     * The one Referrers of a client: what it learnt of the registry (API or tag schema) holds for the
     * whole run, so verify, copy and verify-again ask the referrers API once, not once per subject.
     */
    static of(client) {
        let referrers = perClient.get(client);
        if (!referrers)
            perClient.set(client, (referrers = new Referrers(client)));
        return referrers;
    }
    get detectedMode() {
        return this.mode;
    }
    /** Pushes a referrer manifest by digest and makes sure it is listed for its subject. */
    async attach(options) {
        const [attached] = await this.attachAll(options.subjectDigest, [options.manifest]);
        return attached;
    }
    /**
     * Pushes several referrer manifests of one subject and lists them all: in tag-schema mode with one
     * read-modify-write of the subject's index, not one per referrer.
     */
    async attachAll(subjectDigest, manifests) {
        const descriptors = manifests.map(describeReferrer);
        const answers = await Promise.all(descriptors.map((descriptor, i) => this.client.putManifest(descriptor.digest, manifests[i], descriptor.mediaType)));
        if (this.mode === undefined) {
            this.mode =
                answers.some((a) => a.subject) && (await this.client.getReferrers(subjectDigest)) !== undefined ? 'referrers-api' : 'tag-schema';
        }
        if (this.mode === 'tag-schema')
            await this.addToTagIndex(subjectDigest, descriptors);
        const mode = this.mode;
        return descriptors.map((descriptor) => ({ digest: descriptor.digest, mode }));
    }
    /** Every referrer of a subject, from the API or the tag-schema index. */
    async list(subjectDigest) {
        if (this.mode === 'referrers-api' || (this.mode === undefined && !this.apiUnanswered)) {
            // While the registry's answer is unknown, the tag-schema index is read beside the API, so a
            // registry without the API costs one round trip, not two; with the API, that read is dropped.
            const fromTag = this.mode === undefined ? this.readTagIndex(subjectDigest) : undefined;
            fromTag?.catch(() => undefined);
            const fromApi = await this.client.getReferrers(subjectDigest);
            if (fromApi) {
                this.mode ??= 'referrers-api';
                return (fromApi.index.manifests ?? []);
            }
            // Not asked again for listing. The mode stays open: a repository that does not exist yet may
            // answer 404 on a registry that has the API, and attaching (OCI-Subject) still finds it out.
            this.apiUnanswered = true;
            if (fromTag)
                return (await fromTag).manifests;
        }
        return (await this.readTagIndex(subjectDigest)).manifests;
    }
    async readTagIndex(subjectDigest) {
        const existing = await this.client.getManifest(referrersTag(subjectDigest), [_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPE */ .Ap.ociIndex]);
        if (!existing)
            return { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPE */ .Ap.ociIndex, manifests: [] };
        try {
            const index = JSON.parse(existing.bytes.toString('utf8'));
            return {
                schemaVersion: 2,
                mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPE */ .Ap.ociIndex,
                manifests: Array.isArray(index.manifests) ? index.manifests : [],
                etag: existing.etag
            };
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .g(`the referrers tag ${referrersTag(subjectDigest)} holds something that is not an image index; remove that tag or use a registry with the referrers API`, {
                method: 'GET',
                url: this.client.url(`/v2/${this.client.repository}/manifests/${referrersTag(subjectDigest)}`).href
            });
        }
    }
    /**
     * Read, add, write, then read again: a concurrent writer may have replaced the index between
     * our read and our write (most registries ignore If-Match), so merge until our entry stays.
     */
    async addToTagIndex(subjectDigest, descriptors) {
        const tag = referrersTag(subjectDigest);
        const missingFrom = (index) => descriptors.filter((descriptor) => !index.manifests.some((d) => d.digest === descriptor.digest));
        for (let attempt = 0; attempt < _net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .REFERRERS_MERGE_RETRY */ .hS.attempts; attempt++) {
            const index = await this.readTagIndex(subjectDigest);
            const missing = missingFrom(index);
            // Listed before we wrote (a re-run), or still listed after the pause that followed our write:
            // done. A concurrent writer that read the index before our write puts it back within a couple
            // of round trips; the pause (100-200 ms at first) outlasts that, and a second one bought only latency.
            if (missing.length === 0)
                return;
            const { etag, ...body } = index;
            body.manifests.push(...missing);
            try {
                // If-Match makes the write conditional where the registry supports it (412 on a lost race).
                await this.client.putManifest(tag, Buffer.from(JSON.stringify(body)), _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPE */ .Ap.ociIndex, { ifMatch: etag });
            }
            catch (error) {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .g && error.status === 412))
                    throw error;
            }
            await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy)((0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .REFERRERS_MERGE_RETRY */ .hS, attempt));
        }
        const lost = missingFrom(await this.readTagIndex(subjectDigest));
        if (lost.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .g(`the referrers index ${tag} kept losing our entries ${lost.map((d) => d.digest).join(', ')} to concurrent writers`, {
                method: 'PUT',
                url: this.client.url(`/v2/${this.client.repository}/manifests/${tag}`).href
            });
        }
    }
}


/***/ }),

/***/ 86028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  copyStep: () => (/* binding */ copyStep),
  planCopy: () => (/* reexport */ planCopy)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/oci/registry/blobs.ts
var registry_blobs = __webpack_require__(4345);
// EXTERNAL MODULE: ./src/oci/registry/referrers.ts
var registry_referrers = __webpack_require__(26985);
// EXTERNAL MODULE: ./src/oci/descriptor.ts
var oci_descriptor = __webpack_require__(47592);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/net/concurrency.ts
var concurrency = __webpack_require__(69880);
;// CONCATENATED MODULE: ./src/oci/copy.ts
// The copy engine behind promotion: an image already in a registry (the source) is copied by
// digest, with its referrers and cosign's legacy `.sig`/`.att` tags, to another repository or
// registry (the destination), byte for byte, so every digest stays what it was.
//
// Order: read everything first (planCopy: the manifest tree, each manifest checked against its
// digest, and the evidence), then the blobs (largest first, several at once, skipping what the
// destination has: mounted when both sides are one registry, otherwise streamed from the source's
// GET into the destination's upload, hashed on the way), then child manifests and the top manifest.
// The evidence (referrers, legacy tags) needs only its own small blobs, so it goes beside the
// image's large ones, and is attached while those are still on their way.








/** Largest manifest read (the distribution registry's own limit is 4 MiB). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 4;
/** Referrers of referrers (a signature on an attestation) are followed this deep. */
const MAX_REFERRER_DEPTH = 3;
const LEGACY_SUFFIXES = ['.sig', '.att'];
/** Source documents (referrer lists, manifests) read at once. */
const READ_AHEAD = 4;
/** Questions (HEADs, listings) put to the destination at once while planning. */
const ASK_AT_ONCE = 8;
/**
 * Reads what a copy of `digest` writes: the manifest tree, and unless `copyReferrers` is false its
 * referrers (followed MAX_REFERRER_DEPTH deep) and legacy tags; and asks the destination, as each
 * part becomes known, what it already holds of it. It only reads, so it can run while the source is
 * still being verified.
 */
async function planCopy(source, destination, digest, copyReferrers) {
    if (!oci_digest/* DIGEST_PATTERN */.WA.test(digest))
        throw new Error(`a copy needs a digest (sha256:<hex>), not ${digest}`);
    const survey = new Survey(destination, sameRepository(source, destination));
    const image = await readTree(source, { digest });
    survey.tree(image, { referrer: false });
    const plan = { digest, image, referrers: [], legacy: [], destination: nameOf(destination), held: survey.held };
    const [evidence] = await Promise.allSettled([copyReferrers ? readEvidence(source, plan, survey) : undefined]);
    // Every question settles before the plan does; a failed read of the source is the error told first.
    await survey.done().catch((error) => {
        if (evidence.status === 'fulfilled')
            throw error;
    });
    if (evidence.status === 'rejected')
        throw evidence.reason;
    return plan;
}
/** The referrers and legacy tags of the plan's image, each subject's read side by side, kept in order. */
async function readEvidence(source, plan, survey) {
    const { image } = plan;
    const sourceReferrers = registry_referrers.Referrers.of(source);
    const seen = new Set();
    const readSubject = async (subject, depth) => {
        const [listed, legacy] = await Promise.all([
            sourceReferrers.list(subject),
            depth > 0
                ? []
                : Promise.all(LEGACY_SUFFIXES.map(async (suffix) => {
                    const tag = `${(0,registry_referrers.referrersTag)(subject)}${suffix}`;
                    const found = await source.getManifest(tag, [media_types/* MEDIA_TYPE */.Ap.ociManifest, media_types/* MEDIA_TYPE */.Ap.dockerManifest]);
                    if (!found)
                        return [];
                    const tree = await nodeOf(source, found.bytes, { digest: found.digest, mediaType: found.mediaType }, 0);
                    survey.legacyTag(tag, tree);
                    return [{ tag, tree }];
                })).then((found) => found.flat())
        ]);
        const wanted = listed.filter((d) => d && typeof d.digest === 'string' && !seen.has(d.digest));
        if (wanted.length > 0)
            survey.listing(subject, wanted.map((d) => d.digest));
        const trees = [];
        for await (const [, tree] of (0,concurrency/* readAhead */.Ek)(wanted, READ_AHEAD, async (d) => {
            const tree = await readTree(source, d);
            survey.tree(tree, { referrer: true });
            return tree;
        }))
            trees.push(tree);
        return { trees, legacy };
    };
    let subjects = manifestsBottomUp(image).map((n) => n.descriptor.digest);
    for (let depth = 0; depth < MAX_REFERRER_DEPTH && subjects.length > 0; depth++) {
        const next = [];
        for await (const [subject, found] of (0,concurrency/* readAhead */.Ek)(subjects, READ_AHEAD, (subject) => readSubject(subject, depth))) {
            for (const tree of found.trees) {
                if (seen.has(tree.descriptor.digest))
                    continue;
                seen.add(tree.descriptor.digest);
                plan.referrers.push({ subject, tree });
                next.push(...manifestsBottomUp(tree).map((n) => n.descriptor.digest));
            }
            plan.legacy.push(...found.legacy);
        }
        subjects = next;
    }
}
/**
 * Asks the destination which of the plan's blobs, manifests, legacy tags and referrer listings it
 * already has, each as soon as the plan knows of it, a few questions at once; the copy then only
 * writes. Within one repository the answers are known without asking: the source holds it all.
 */
class Survey {
    destination;
    isSource;
    held = emptyHoldings();
    asked = new Set();
    answers = [];
    limit = (0,concurrency/* createLimiter */.zm)(ASK_AT_ONCE);
    constructor(destination, isSource) {
        this.destination = destination;
        this.isSource = isSource;
    }
    /** A manifest tree's blobs, and its manifests put by digest (a referrer's own manifest is attached through its listing). */
    tree(root, { referrer }) {
        for (const node of manifestsBottomUp(root)) {
            this.blobs(node);
            if (referrer && node === root)
                continue;
            const digest = node.descriptor.digest;
            this.ask(`manifest ${digest}`, async (d) => Boolean(await d.headManifest(digest)), () => this.held.manifests.add(digest));
        }
    }
    /** A legacy tag (what it points at now) and the blobs of the manifest it will hold. */
    legacyTag(tag, tree) {
        this.blobs(tree);
        let current = tree.descriptor.digest;
        this.ask(`tag ${tag}`, async (d) => {
            const found = await d.headManifest(tag);
            if (found)
                current = found.digest;
            return Boolean(found);
        }, () => this.held.legacyTags.set(tag, current));
    }
    /** The referrers the destination lists for a subject (within one repository: those the source lists). */
    listing(subject, referrers) {
        let listed = new Set(referrers);
        this.ask(`referrers ${subject}`, async (d) => {
            listed = new Set((await registry_referrers.Referrers.of(d).list(subject)).map((descriptor) => descriptor?.digest));
            return true;
        }, () => this.held.listed.set(subject, listed));
    }
    /** Every answer in; the first failed question fails it. */
    async done() {
        await Promise.all(this.answers);
        return this.held;
    }
    blobs(node) {
        for (const { digest } of node.blobs)
            this.ask(`blob ${digest}`, (d) => d.blobExists(digest), () => this.held.blobs.add(digest));
    }
    /** Asks once per key; `hold` records the part as held when the answer is yes (always, within one repository). */
    ask(key, question, hold) {
        if (this.asked.has(key))
            return;
        this.asked.add(key);
        if (this.isSource)
            return void hold();
        const answer = this.limit(() => question(this.destination)).then((yes) => {
            if (yes)
                hold();
        });
        answer.catch(() => undefined);
        this.answers.push(answer);
    }
}
function emptyHoldings() {
    return { blobs: new Set(), manifests: new Set(), legacyTags: new Map(), listed: new Map() };
}
function nameOf(client) {
    return `${client.baseUrl.origin}/${client.repository}`;
}
function sameRepository(source, destination) {
    return nameOf(source) === nameOf(destination);
}
async function copyImage(options) {
    const { source, destination, logger } = options;
    const uploadOptions = { ...registry_blobs/* DEFAULT_UPLOAD_OPTIONS */.F, ...options.upload };
    // 1. Everything to copy, read and checked before anything is written (unless read already).
    const plan = options.plan ?? (await planCopy(source, destination, options.digest, options.copyReferrers));
    if (plan.digest !== options.digest || plan.destination !== nameOf(destination))
        throw new Error(`the copy plan is for ${plan.digest} to ${plan.destination}, not ${options.digest} to ${nameOf(destination)}`);
    const { image, referrers, legacy, held } = plan;
    const result = {
        digest: options.digest,
        mediaType: image.mediaType,
        platformDigests: {},
        blobsUploaded: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        bytesUploaded: 0,
        manifestsCopied: 0,
        referrersCopied: 0
    };
    for (const child of image.children)
        if (child.platform && child.platform !== 'unknown/unknown')
            result.platformDigests[child.platform] = child.descriptor.digest;
    if (options.copyReferrers)
        logger.debug(`${referrers.length} referrers and ${legacy.length} legacy tags to copy`);
    // 2. Blobs.
    const blobsByDigest = new Map();
    const trees = [image, ...referrers.map((r) => r.tree), ...legacy.map((l) => l.tree)];
    for (const tree of trees)
        for (const node of manifestsBottomUp(tree))
            for (const blob of node.blobs)
                blobsByDigest.set(blob.digest, blob);
    const blobs = [...blobsByDigest.values()].sort((a, b) => b.size - a.size);
    const sameRegistry = source.baseUrl.origin === destination.baseUrl.origin;
    let sentBytes = 0;
    const totalBytes = blobs.reduce((sum, b) => sum + b.size, 0);
    const started = Date.now();
    const progress = setInterval(() => {
        const rate = sentBytes / Math.max((Date.now() - started) / 1000, 0.001);
        logger.info(`copied ${mib(sentBytes)} of at most ${mib(totalBytes)} MiB (${mib(rate)} MiB/s)`);
    }, options.progressIntervalMs ?? 5000);
    progress.unref();
    const copyBlobs = (list) => (0,concurrency/* forEachLimit */.Gm)(list, options.concurrency ?? 4, async (blob) => {
        if (held.blobs.has(blob.digest)) {
            result.blobsSkipped++;
            logger.debug(`blob ${blob.digest} (${blob.size} bytes) is already there`);
            return;
        }
        if (sameRegistry && (await tryMount(destination, blob.digest, source.repository, logger))) {
            result.blobsMounted++;
            logger.info(`mounted blob ${blob.digest} from ${source.repository}`);
            return;
        }
        await (0,registry_blobs/* uploadBlob */.P)(destination, streamedBlob(source, blob), {
            ...uploadOptions,
            onBytes: (n) => {
                sentBytes += n;
                options.onBytes?.(n);
            }
        });
        result.blobsUploaded++;
        result.bytesUploaded += blob.size;
        logger.info(`copied blob ${blob.digest} (${blob.size} bytes)`);
    });
    // The evidence's blobs are small: they go side by side with the image's large blobs, so its
    // manifests (which only need their own blobs) are attached while the image is still on its way.
    const imageBlobs = new Set(manifestsBottomUp(image).flatMap((node) => node.blobs.map((blob) => blob.digest)));
    try {
        await Promise.all([
            (async () => {
                await copyBlobs(blobs.filter((blob) => imageBlobs.has(blob.digest)));
                // 3. Manifests, children first, by digest.
                for (const node of manifestsBottomUp(image)) {
                    if (!held.manifests.has(node.descriptor.digest)) {
                        await putManifest(destination, node);
                        result.manifestsCopied++;
                        logger.info(`copied ${node.kind === 'index' ? 'index' : 'manifest'} ${node.descriptor.digest}${node.platform ? ` (${node.platform})` : ''}`);
                    }
                }
            })(),
            (async () => {
                await copyBlobs(blobs.filter((blob) => !imageBlobs.has(blob.digest)));
                await copyEvidence();
                if (options.copyReferrers)
                    options.onEvidenceCopied?.();
            })()
        ]);
    }
    finally {
        clearInterval(progress);
    }
    return result;
    async function copyEvidence() {
        // 4. Referrers, listed at the destination as at the source, and the legacy tags, side by side.
        await Promise.all([copyReferrers(), copyLegacyTags()]);
    }
    async function copyReferrers() {
        if (referrers.length === 0)
            return;
        const destinationReferrers = registry_referrers.Referrers.of(destination);
        const bySubject = new Map();
        for (const { subject, tree } of referrers)
            bySubject.set(subject, [...(bySubject.get(subject) ?? []), tree]);
        // Each subject's referrers are attached together (one update of its tag-schema index); subjects side by side.
        await (0,concurrency/* forEachLimit */.Gm)([...bySubject], options.concurrency ?? 4, async ([subject, trees]) => {
            const listed = held.listed.get(subject) ?? new Set();
            const missing = trees.filter((tree) => !listed.has(tree.descriptor.digest));
            if (missing.length === 0)
                return logger.debug(`every referrer of ${subject} is already listed`);
            for (const tree of missing)
                for (const child of manifestsBottomUp(tree).slice(0, -1)) {
                    if (held.manifests.has(child.descriptor.digest))
                        continue;
                    await putManifest(destination, child);
                    result.manifestsCopied++;
                }
            const attached = await destinationReferrers.attachAll(subject, missing.map((tree) => tree.bytes));
            attached.forEach(({ digest }, i) => {
                const tree = missing[i];
                if (digest !== tree.descriptor.digest)
                    throw rewritten(destination, tree.descriptor.digest, digest);
                result.referrersCopied++;
                logger.info(`copied referrer ${digest} of ${subject}${tree.descriptor.artifactType ? ` (${tree.descriptor.artifactType})` : ''}`);
            });
        });
    }
    async function copyLegacyTags() {
        await (0,concurrency/* forEachLimit */.Gm)(legacy, options.concurrency ?? 4, async ({ tag, tree }) => {
            const current = held.legacyTags.get(tag);
            if (current === tree.descriptor.digest)
                return;
            if (current)
                logger.warning(`the destination's ${tag} held ${current}; replacing it with the source's ${tree.descriptor.digest}`);
            const { digest } = await destination.putManifest(tag, tree.bytes, tree.mediaType);
            if (digest !== tree.descriptor.digest)
                throw rewritten(destination, tree.descriptor.digest, digest);
            result.referrersCopied++;
            logger.info(`copied ${tag} (${digest})`);
        });
    }
}
/** Reads a manifest or index by digest, and everything under it, checking bytes against digests and sizes. */
async function readTree(client, descriptor, depth = 0) {
    if (depth > MAX_DEPTH)
        throw new errors/* RegistryError */.g(`indexes are nested more than ${MAX_DEPTH} deep under ${descriptor.digest}`, where(client, descriptor.digest));
    if (!oci_digest/* DIGEST_PATTERN */.WA.test(descriptor.digest))
        throw new errors/* RegistryError */.g(`${JSON.stringify(descriptor.digest)} is not a digest`, where(client, String(descriptor.digest)));
    if (descriptor.size !== undefined && descriptor.size > MAX_MANIFEST_BYTES)
        throw new errors/* RegistryError */.g(`manifest ${descriptor.digest} is ${descriptor.size} bytes, more than the ${MAX_MANIFEST_BYTES} a manifest may be`, where(client, descriptor.digest));
    const accept = descriptor.mediaType && !media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(descriptor.mediaType)
        ? [descriptor.mediaType, ...media_types/* MANIFEST_MEDIA_TYPES */.$T]
        : media_types/* MANIFEST_MEDIA_TYPES */.$T;
    // getManifest refuses bytes that do not hash to the digest asked for.
    const found = await client.getManifest(descriptor.digest, accept);
    if (!found)
        throw new errors/* RegistryError */.g(`manifest ${descriptor.digest} is not in ${client.registry}/${client.repository}`, {
            ...where(client, descriptor.digest),
            status: 404
        });
    if (found.bytes.length > MAX_MANIFEST_BYTES)
        throw new errors/* RegistryError */.g(`manifest ${descriptor.digest} is larger than ${MAX_MANIFEST_BYTES} bytes`, where(client, descriptor.digest));
    if (descriptor.size !== undefined && found.bytes.length !== descriptor.size)
        throw new errors/* RegistryError */.g(`manifest ${descriptor.digest} is ${found.bytes.length} bytes, but its descriptor says ${descriptor.size}`, where(client, descriptor.digest));
    return nodeOf(client, found.bytes, { ...descriptor, mediaType: descriptor.mediaType ?? found.mediaType }, depth);
}
async function nodeOf(client, bytes, descriptor, depth) {
    const digest = descriptor.digest;
    let document;
    try {
        document = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* RegistryError */.g(`manifest ${digest} is not JSON`, where(client, digest));
    }
    const mediaType = document.mediaType ?? descriptor.mediaType ?? media_types/* MEDIA_TYPE */.Ap.ociManifest;
    const node = {
        descriptor: { ...descriptor, mediaType, digest, size: bytes.length },
        mediaType,
        bytes,
        kind: media_types/* INDEX_MEDIA_TYPES */.kA.includes(mediaType) || (Array.isArray(document.manifests) && !document.config) ? 'index' : 'manifest',
        blobs: [],
        children: []
    };
    if (node.kind === 'index') {
        if (!Array.isArray(document.manifests))
            throw new errors/* RegistryError */.g(`index ${digest} has no "manifests" list`, where(client, digest));
        for (const child of document.manifests) {
            checkDescriptor(client, child, `index ${digest}`);
            const childNode = await readTree(client, child, depth + 1);
            childNode.platform = (0,oci_descriptor/* platformName */.$)(child);
            node.children.push(childNode);
        }
        return node;
    }
    const blobs = [...(document.config ? [document.config] : []), ...(Array.isArray(document.layers) ? document.layers : [])];
    for (const blob of blobs)
        checkDescriptor(client, blob, `manifest ${digest}`);
    node.blobs = blobs;
    return node;
}
function checkDescriptor(client, descriptor, parent) {
    if (!descriptor ||
        typeof descriptor.digest !== 'string' ||
        !oci_digest/* DIGEST_PATTERN */.WA.test(descriptor.digest) ||
        !Number.isSafeInteger(descriptor.size) ||
        descriptor.size < 0)
        throw new errors/* RegistryError */.g(`${parent} has a malformed descriptor: ${JSON.stringify(descriptor).slice(0, 200)}`, where(client, parent));
}
/** Every manifest node of a tree, children before parents (the order they must be put in). */
function manifestsBottomUp(node) {
    return [...node.children.flatMap(manifestsBottomUp), node];
}
/** A source blob as an upload reads it: each open() is a GET (a Range GET for part of it) streamed from the source. */
function streamedBlob(source, blob) {
    return {
        digest: blob.digest,
        size: blob.size,
        file: `${source.registry}/${source.repository}@${blob.digest}`,
        open(start, end) {
            if (start > 0 || end < blob.size)
                return external_node_stream_.Readable.from(readRange(source, blob, start, end), { objectMode: false });
            // The whole blob: the GET's body piped straight through, the fewest hops per chunk.
            const through = new external_node_stream_.PassThrough({ highWaterMark: 256 * 1024 });
            source.openBlob(blob.digest, { size: blob.size }).then(({ body }) => {
                if (through.destroyed)
                    return void body.destroy();
                body.once('error', (error) => through.destroy(error));
                through.once('close', () => body.destroy());
                body.pipe(through);
            }, (error) => through.destroy(error));
            return through;
        }
    };
}
async function* readRange(source, blob, start, end) {
    if (end <= start)
        return;
    const { body, partial } = await source.openBlob(blob.digest, { start, end, size: blob.size });
    try {
        if (partial || (start === 0 && end >= blob.size)) {
            for await (const chunk of body)
                yield chunk;
            return;
        }
        // The registry ignored the Range and sent the whole blob: keep only the window asked for.
        let position = 0;
        for await (const chunk of body) {
            const bytes = chunk;
            const from = Math.max(0, start - position);
            const to = Math.min(bytes.length, end - position);
            position += bytes.length;
            if (to > from)
                yield bytes.subarray(from, to);
            if (position >= end)
                break;
        }
    }
    finally {
        body.destroy();
    }
}
async function tryMount(destination, digest, from, logger) {
    try {
        return await destination.mountBlob(digest, from);
    }
    catch (error) {
        // A registry that refuses the mount outright (no pull on the source repository) still takes an upload.
        if (error instanceof errors/* RegistryError */.g && (error.status === 401 || error.status === 403 || error.status === 404)) {
            logger.debug(`mounting ${digest} from ${from} was refused (${error.status}); copying it`);
            return false;
        }
        throw error;
    }
}
/** Puts a manifest by digest, and makes sure the registry kept its bytes. */
async function putManifest(destination, node) {
    const { digest } = await destination.putManifest(node.descriptor.digest, node.bytes, node.mediaType);
    if (digest !== node.descriptor.digest)
        throw rewritten(destination, node.descriptor.digest, digest);
}
function rewritten(client, expected, got) {
    return new errors/* RegistryError */.g(`manifest ${expected} was stored as ${got}: the copy is not byte for byte`, where(client, expected, 'PUT'));
}
function where(client, reference, method = 'GET') {
    return { method, url: client.url(`/v2/${client.repository}/manifests/${reference}`).href };
}
function mib(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1);
}

;// CONCATENATED MODULE: ./src/steps/copy.ts
// The copy step of promote mode: the digest's blobs (mounted within a registry, else streamed from
// the source's GET into the destination's upload), its manifests, and unless turned off its
// signatures and attestations (referrers and cosign's legacy tags), byte for byte, so every digest
// stays the same. Nothing is rebuilt: the bytes that were verified are the bytes that arrive.


async function copyStep(options) {
    const copied = await copyImage(options);
    options.logger.info(`copied ${copied.digest}: ${copied.blobsUploaded} blob(s) uploaded (${copied.bytesUploaded} bytes), ${copied.blobsMounted} mounted, ${copied.blobsSkipped} already there; ${copied.manifestsCopied} manifest(s), ${copied.referrersCopied} referrer(s) and legacy tag(s)`);
    return copied;
}


/***/ })

};
