export const id = 985;
export const ids = [985];
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


/***/ })

};
