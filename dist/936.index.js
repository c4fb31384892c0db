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
    octokit;
    /** `graphqlEndpoint`: the runner's GITHUB_GRAPHQL_URL; without it, where GitHub puts GraphQL beside `apiUrl`. */
    constructor(apiUrl, token, logger, graphqlEndpoint) {
        this.token = token;
        this.logger = logger;
        this.apiUrl = apiUrl.replace(/\/+$/, '');
        this.graphqlUrl = graphqlEndpoint ? graphqlEndpoint.replace(/\/+$/, '') : (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlUrl */ .X)(this.apiUrl);
    }
    async getRepository(owner, repo) {
        const body = (await this.rest('GET /repos/{owner}/{repo}', { owner, repo }));
        if (!body.default_branch)
            throw new GitHubApiError(`GET /repos/${owner}/${repo}: the response has no default_branch`, 200, '');
        return { defaultBranch: body.default_branch, permissions: body.permissions };
    }
    /** The open pull request from `branch` into `base`, if there is one. */
    async findOpenPullRequest(owner, repo, branch, base) {
        const pulls = (await this.rest('GET /repos/{owner}/{repo}/pulls', {
            owner,
            repo,
            state: 'open',
            head: `${owner}:${branch}`,
            base,
            per_page: 10
        }));
        return pulls.length > 0 ? toPullRequest(pulls[0]) : undefined;
    }
    async createPullRequest(owner, repo, request) {
        const created = await this.rest('POST /repos/{owner}/{repo}/pulls', {
            owner,
            repo,
            title: request.title,
            head: request.branch,
            base: request.base,
            body: request.body,
            maintainer_can_modify: false
        });
        return toPullRequest(created);
    }
    async updatePullRequest(owner, repo, number, update) {
        const updated = await this.rest('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: number, ...update });
        return toPullRequest(updated);
    }
    /** Stores a Sigstore bundle in the repository's attestations (needs `attestations: write`); returns its id. */
    async createAttestation(owner, repo, bundle) {
        const body = (await this.rest('POST /repos/{owner}/{repo}/attestations', { owner, repo, bundle }));
        return body.id ?? 0;
    }
    /** Merges a pull request now (when auto-merge cannot be queued because nothing is required to pass). */
    async mergePullRequest(owner, repo, number, method) {
        await this.rest('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', { owner, repo, pull_number: number, merge_method: method });
    }
    async enableAutoMerge(pullRequestNodeId, method) {
        const query = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) { pullRequest { number } }
}`;
        // GraphQL answers 200 with `errors` for a refused mutation: the request goes to the runner's GraphQL URL as it is.
        const response = (await this.rest(`POST ${this.graphqlUrl}`, {
            query,
            variables: { pullRequestId: pullRequestNodeId, mergeMethod: method.toUpperCase() }
        }));
        if (response.errors && response.errors.length > 0) {
            const message = response.errors.map((e) => e.message ?? e.type ?? 'unknown error').join('; ');
            throw new GitHubApiError(`enablePullRequestAutoMerge: ${message}`, 200, message);
        }
    }
    client() {
        this.octokit ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 32413)).then(({ GitHub, getOctokitOptions }) => {
            const options = {
                baseUrl: this.apiUrl,
                userAgent: 'digest-release',
                log: { debug: () => { }, info: () => { }, warn: (m) => this.logger.debug(m), error: (m) => this.logger.debug(m) }
            };
            // Without a token requests go out unauthenticated (GitHub still answers for public repositories).
            return new GitHub(this.token ? getOctokitOptions(this.token, options) : options);
        });
        return this.octokit;
    }
    /** One REST (or GraphQL) route through Octokit, under the one retry policy. */
    rest(route, parameters) {
        const [method, path] = route.split(' ');
        const filled = path.replace(/\{(\w+)\}/g, (_, name) => String(parameters[name]));
        const shown = `${method} ${/^https?:/.test(filled) ? filled : `${this.apiUrl}${filled}`}`;
        return (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => this.sendOnce(route, shown, parameters), {
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
    async sendOnce(route, shown, parameters) {
        const octokit = await this.client();
        this.logger.debug(shown);
        try {
            const response = await octokit.request(route, {
                ...parameters,
                headers: { 'x-github-api-version': '2022-11-28' },
                request: { signal: AbortSignal.timeout(API_DEADLINE_MS) }
            });
            return response.data;
        }
        catch (error) {
            throw toApiError(error, shown);
        }
    }
}
/** Octokit's RequestError (or a network failure) as a GitHubApiError keeping GitHub's message and documentation URL. */
function toApiError(error, shown) {
    const failure = error;
    const status = failure.response ? failure.status : undefined;
    if (status === undefined) {
        // No answer: the connection failed (refused, reset, timed out, or a certificate that does not
        // verify). Octokit wraps fetch's "fetch failed", which wraps the socket's error: name that one.
        let root = error;
        while (root.cause !== undefined)
            root = root.cause;
        const host = /^\w+ (https?:\/\/[^/]+)/.exec(shown)?.[1];
        const certificate = (0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCertificateFailure */ .vi)(root, host ? new URL(host).hostname : '');
        const reason = certificate ?? root?.message ?? failure.message ?? String(error);
        return new GitHubApiError(`${shown}: ${reason}`, undefined, '', undefined, { cause: root });
    }
    const data = failure.response?.data;
    const detail = describeError(data) || (typeof data === 'string' ? data.slice(0, 200) : '');
    const documentation = data?.documentation_url;
    return new GitHubApiError(`${shown} returned ${status}${detail ? `: ${detail}` : ''}${documentation ? ` (${documentation})` : ''}${hint(status)}`, status, detail, failure.response?.headers?.['retry-after'], { cause: error });
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
