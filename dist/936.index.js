export const id = 936;
export const ids = [936,584];
export const modules = {

/***/ 72936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AttestationPublisher: () => (/* binding */ AttestationPublisher)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);

class AttestationPublisher {
    client;
    repository;
    logger;
    ids = [];
    refused = false;
    constructor(client, repository, logger) {
        this.client = client;
        this.repository = repository;
        this.logger = logger;
    }
    /** Stores one DSSE bundle; a refusal for lack of permission or API is a warning, once. */
    async publish(bundle) {
        if (this.refused)
            return;
        try {
            this.ids.push(await this.client.createAttestation(this.repository.owner, this.repository.repo, bundle));
        }
        catch (error) {
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__.GitHubApiError && (error.status === 403 || error.status === 404)) {
                this.refused = true;
                this.logger.warning(`the attestations were not stored in ${this.repository.owner}/${this.repository.repo}'s GitHub attestations (${error.status}: ${error.responseMessage || 'refused'}). ` +
                    'Give the job `permissions: attestations: write` (GitHub Enterprise Server without the API: set `github-attestations: false`); they are in the registry all the same');
                return;
            }
            throw error;
        }
    }
}


/***/ }),

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApiError: () => (/* binding */ GitHubApiError),
/* harmony export */   GitHubClient: () => (/* binding */ GitHubClient)
/* harmony export */ });
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59663);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37893);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80925);
// The few GitHub REST and GraphQL calls the deploy step needs, over the action's HTTP layer (so
// the runner's proxy and NODE_EXTRA_CA_CERTS apply as for every other connection).



/** A REST or GraphQL request that failed, with the status and GitHub's message. */
class GitHubApiError extends Error {
    status;
    responseMessage;
    retryAfter;
    name = 'GitHubApiError';
    constructor(message, status, responseMessage, retryAfter, options) {
        super(message, options);
        this.status = status;
        this.responseMessage = responseMessage;
        this.retryAfter = retryAfter;
    }
}
/** One API exchange's deadline: the calls are small, and GITHUB_API_RETRY's whole budget is a minute. */
const API_DEADLINE_MS = 60_000;
class GitHubClient {
    token;
    logger;
    apiUrl;
    graphqlUrl;
    /** `graphqlEndpoint`: the runner's GITHUB_GRAPHQL_URL; without it, where GitHub puts GraphQL beside `apiUrl`. */
    constructor(apiUrl, token, logger, graphqlEndpoint) {
        this.token = token;
        this.logger = logger;
        this.apiUrl = apiUrl.replace(/\/+$/, '');
        this.graphqlUrl = graphqlEndpoint ? graphqlEndpoint.replace(/\/+$/, '') : (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlUrl */ .X)(this.apiUrl);
    }
    async getRepository(owner, repo) {
        const body = (await this.rest('GET', `/repos/${owner}/${repo}`));
        if (!body.default_branch)
            throw new GitHubApiError(`GET /repos/${owner}/${repo}: the response has no default_branch`, 200, '');
        return { defaultBranch: body.default_branch, permissions: body.permissions };
    }
    /** The open pull request from `branch` into `base`, if there is one. */
    async findOpenPullRequest(owner, repo, branch, base) {
        const query = new URLSearchParams({ state: 'open', head: `${owner}:${branch}`, base, per_page: '10' });
        const pulls = (await this.rest('GET', `/repos/${owner}/${repo}/pulls?${query}`));
        return pulls.length > 0 ? toPullRequest(pulls[0]) : undefined;
    }
    async createPullRequest(owner, repo, request) {
        const body = { title: request.title, head: request.branch, base: request.base, body: request.body, maintainer_can_modify: false };
        return toPullRequest((await this.rest('POST', `/repos/${owner}/${repo}/pulls`, body)));
    }
    async updatePullRequest(owner, repo, number, update) {
        return toPullRequest((await this.rest('PATCH', `/repos/${owner}/${repo}/pulls/${number}`, update)));
    }
    /** Stores a Sigstore bundle in the repository's attestations (needs `attestations: write`); returns its id. */
    async createAttestation(owner, repo, bundle) {
        const body = (await this.rest('POST', `/repos/${owner}/${repo}/attestations`, { bundle }));
        return body.id ?? 0;
    }
    /** Merges a pull request now (when auto-merge cannot be queued because nothing is required to pass). */
    async mergePullRequest(owner, repo, number, method) {
        await this.rest('PUT', `/repos/${owner}/${repo}/pulls/${number}/merge`, { merge_method: method });
    }
    async enableAutoMerge(pullRequestNodeId, method) {
        const query = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) { pullRequest { number } }
}`;
        const response = (await this.send('POST', this.graphqlUrl, {
            query,
            variables: { pullRequestId: pullRequestNodeId, mergeMethod: method.toUpperCase() }
        }));
        if (response.errors && response.errors.length > 0) {
            const message = response.errors.map((e) => e.message ?? e.type ?? 'unknown error').join('; ');
            throw new GitHubApiError(`enablePullRequestAutoMerge: ${message}`, 200, message);
        }
    }
    rest(method, path, body) {
        return this.send(method, `${this.apiUrl}${path}`, body);
    }
    send(method, url, body) {
        return (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => this.sendOnce(method, url, body), {
            policy: _net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_API_RETRY */ .sl,
            classify: (error) => error instanceof GitHubApiError
                ? // A secondary rate limit answers 403 with Retry-After: wait as asked, like a 429.
                    error.status === 403 && error.retryAfter !== undefined
                        ? (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpTransience */ .xv)(429, error.retryAfter)
                        : error.status === undefined
                            ? // A dropped connection is worth another attempt; a certificate that does not verify is not.
                                (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpTransience */ .xv)(undefined, undefined, error.cause)
                            : (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpTransience */ .xv)(error.status, error.retryAfter)
                : { transient: false },
            onRetry: (error, delay) => this.logger.debug(`${error.message}; retrying in ${Math.round(delay)} ms`)
        });
    }
    async sendOnce(method, url, body) {
        const headers = {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'digest-release'
        };
        if (this.token)
            headers.authorization = `Bearer ${this.token}`;
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        this.logger.debug(`${method} ${url}`);
        let response;
        try {
            response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sendHttp */ .d3)({
                method,
                url: new URL(url),
                headers,
                body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
                deadlineMs: API_DEADLINE_MS
            });
        }
        catch (error) {
            // sendHttp's message already names the method and URL.
            throw new GitHubApiError(error instanceof Error ? error.message : `${method} ${url}: ${String(error)}`, undefined, '', undefined, {
                cause: error.cause ?? error
            });
        }
        const text = response.body.toString('utf8');
        const ok = response.status >= 200 && response.status < 300;
        let parsed = undefined;
        try {
            parsed = text ? JSON.parse(text) : undefined;
        }
        catch {
            // a non-JSON error page; the status says enough
        }
        if (!ok) {
            const detail = describeError(parsed) || text.slice(0, 200);
            throw new GitHubApiError(`${method} ${url} returned ${response.status}${detail ? `: ${detail}` : ''}${hint(response.status)}`, response.status, detail, (0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .header */ .wx)(response, 'retry-after'));
        }
        return parsed;
    }
}
function toPullRequest(pull) {
    return { number: pull.number, url: pull.html_url, nodeId: pull.node_id, title: pull.title, body: pull.body ?? '' };
}
function describeError(body) {
    if (!body || typeof body !== 'object')
        return '';
    const { message, errors } = body;
    const details = (errors ?? []).map((e) => (typeof e === 'string' ? e : (e.message ?? e.code ?? ''))).filter(Boolean);
    return [message, ...details].filter(Boolean).join(': ');
}
function hint(status) {
    if (status === 401)
        return ' (check `deploy-token`)';
    if (status === 403 || status === 404)
        return ' (does `deploy-token` have contents: write and pull-requests: write on the deploy repository?)';
    return '';
}


/***/ })

};
