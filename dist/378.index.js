export const id = 378;
export const ids = [378,584,987];
export const modules = {

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


/***/ }),

/***/ 51987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyError: () => (/* binding */ ProxyError),
/* harmony export */   TUNNEL_TIMEOUT_MS: () => (/* binding */ TUNNEL_TIMEOUT_MS),
/* harmony export */   bypassesProxy: () => (/* binding */ bypassesProxy),
/* harmony export */   describeProxy: () => (/* binding */ describeProxy),
/* harmony export */   noProxyForNpmAgent: () => (/* binding */ noProxyForNpmAgent),
/* harmony export */   openTunnel: () => (/* binding */ openTunnel),
/* harmony export */   parseProxyUrl: () => (/* binding */ parseProxyUrl),
/* harmony export */   proxyAuthorization: () => (/* binding */ proxyAuthorization),
/* harmony export */   proxyFor: () => (/* binding */ proxyFor),
/* harmony export */   proxyRoute: () => (/* binding */ proxyRoute)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_3__);
// Which proxy a URL goes through, and the agents that go through it. Which proxy: by the rules of the Actions toolkit (@actions/http-client's
// proxy module, which the runner's own tools follow), applied to an environment given as a
// parameter: only src/action reads the environment. test/net/proxy.test.ts checks these answers
// against the toolkit's getProxyUrl/checkBypass case by case.
//
// - https targets use https_proxy, else HTTPS_PROXY; http targets http_proxy, else HTTP_PROXY.
//   A value without a scheme means http:// (`proxy.corp:3128` too, which the toolkit misreads).
// - Loopback hosts (localhost, 127.*, [::1]) never go through a proxy.
// - no_proxy, else NO_PROXY: comma-separated, case-insensitive; `*` bypasses everything; an entry
//   matches the host, the host with its port (`host:port`, the port defaulting to 80/443), and any
//   name under it (`example.com` and `.example.com` both match `a.example.com`).




/** The proxy `url` goes through under `env`, or undefined when it goes direct. */
function proxyFor(url, env) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return undefined;
    if (bypassesProxy(url, env))
        return undefined;
    const value = url.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
    return value ? parseProxyUrl(value) : undefined;
}
/** Whether `url` goes around any proxy: a loopback host, or a match in no_proxy/NO_PROXY. */
function bypassesProxy(url, env) {
    if (!url.hostname)
        return false;
    const host = url.hostname.toUpperCase();
    if (isLoopback(host))
        return true;
    const noProxy = env.no_proxy || env.NO_PROXY || '';
    if (!noProxy)
        return false;
    const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : url.protocol === 'https:' ? 443 : undefined;
    const candidates = port === undefined ? [host] : [host, `${host}:${port}`];
    return noProxy
        .split(',')
        .map((entry) => entry.trim().toUpperCase())
        .filter(Boolean)
        .some((entry) => entry === '*' || candidates.some((c) => c === entry || c.endsWith(`.${entry}`) || (entry.startsWith('.') && c.endsWith(entry))));
}
/**
 * A proxy variable's value as a URL. A value without a scheme means http://. Unlike the toolkit,
 * `proxy.corp:3128` is read as that host and port (the toolkit takes `proxy.corp:` for a scheme).
 */
function parseProxyUrl(value) {
    const trimmed = value.trim();
    for (const candidate of trimmed.includes('://') ? [trimmed] : [trimmed, `http://${trimmed}`]) {
        try {
            const url = new URL(candidate);
            if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname)
                return url;
        }
        catch {
            // try with a scheme
        }
    }
    return undefined;
}
/** `Basic …` for a proxy URL carrying a user (percent-decoded, as the toolkit does), or undefined. */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return undefined;
    const user = decodeURIComponent(proxy.username);
    const password = decodeURIComponent(proxy.password);
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
/** A proxy URL fit for a log line or an error: no credentials. */
function describeProxy(proxy) {
    return `${proxy.protocol}//${proxy.host}`;
}
function isLoopback(upperHost) {
    return (upperHost === 'LOCALHOST' || upperHost.startsWith('127.') || upperHost.startsWith('[::1]') || upperHost.startsWith('[0:0:0:0:0:0:0:1]'));
}
/**
 * The route of a request to `url` through `proxy`: an https target through an HTTP CONNECT tunnel
 * (one keep-alive agent per proxy, which pools the tunnelled TLS connections per target); a plain
 * http target as an absolute-form request to the proxy, over a keep-alive agent of its own.
 */
function proxyRoute(url, proxy, method, headers) {
    const agents = agentsFor(proxy);
    if (url.protocol === 'https:') {
        return {
            proxy,
            transport: (node_https__WEBPACK_IMPORTED_MODULE_1___default()),
            options: {
                protocol: 'https:',
                hostname: url.hostname,
                port: url.port || 443,
                path: `${url.pathname}${url.search}`,
                method,
                headers,
                agent: agents.tunnel
            }
        };
    }
    const authorization = proxyAuthorization(proxy);
    return {
        proxy,
        transport: proxy.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default()),
        options: {
            protocol: proxy.protocol,
            hostname: proxy.hostname,
            port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
            path: url.href.replace(/#.*$/, ''),
            method,
            headers: { Host: url.host, ...headers, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) },
            agent: agents.forward
        }
    };
}
/** A failure on the way to or through the proxy (not the target's): its message names the proxy. */
class ProxyError extends Error {
    code;
    proxy;
    name = 'ProxyError';
    constructor(message, code, proxy, options) {
        super(message, options);
        this.code = code;
        this.proxy = proxy;
    }
}
const TUNNEL_TIMEOUT_MS = 15_000;
const agentsByProxy = new Map();
function agentsFor(proxy) {
    const key = proxy.href;
    let agents = agentsByProxy.get(key);
    if (!agents) {
        agents = {
            tunnel: new TunnelAgent(proxy),
            forward: proxy.protocol === 'https:'
                ? new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true, maxSockets: 16 })
                : new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true, maxSockets: 16 })
        };
        agentsByProxy.set(key, agents);
    }
    return agents;
}
/** An https.Agent whose connections are TLS over a CONNECT tunnel; keep-alive pools them per target. */
class TunnelAgent extends (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent) {
    proxy;
    constructor(proxy) {
        super({ keepAlive: true, maxSockets: 16 });
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const host = options.host ?? options.hostname ?? 'localhost';
        const port = Number(options.port ?? 443);
        openTunnel(this.proxy, host, port).then((socket) => {
            const tlsOptions = options;
            const servername = tlsOptions.servername || ((0,node_net__WEBPACK_IMPORTED_MODULE_2__.isIP)(host) ? undefined : host);
            callback?.(null, node_tls__WEBPACK_IMPORTED_MODULE_3___default().connect({ ...tlsOptions, host, port, socket, servername }));
        }, (error) => callback?.(error, undefined));
        return undefined;
    }
}
/** A connection to `host:port` through the proxy's CONNECT method. */
function openTunnel(proxy, host, port, timeoutMs = TUNNEL_TIMEOUT_MS) {
    const target = `${(0,node_net__WEBPACK_IMPORTED_MODULE_2__.isIPv6)(host) ? `[${host}]` : host}:${port}`;
    const authorization = proxyAuthorization(proxy);
    const named = describeProxy(proxy);
    return new Promise((resolve, reject) => {
        const request = (proxy.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request({
            protocol: proxy.protocol,
            hostname: proxy.hostname,
            port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers: { Host: target, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) },
            agent: false
        });
        const timer = setTimeout(() => {
            request.destroy(new ProxyError(`the proxy ${named} opened no tunnel to ${target} within ${timeoutMs / 1000}s`, 'ETIMEDOUT', named));
        }, timeoutMs);
        request.once('connect', (response, socket, head) => {
            clearTimeout(timer);
            if (response.statusCode !== 200) {
                socket.destroy();
                const status = `${response.statusCode} ${response.statusMessage ?? ''}`.trim();
                const hint = response.statusCode === 407 ? ' (the proxy wants credentials: give them in the proxy URL, http://user:password@host:port)' : '';
                reject(new ProxyError(`the proxy ${named} refused a tunnel to ${target}: ${status}${hint}`, 'EPROXY', named));
                return;
            }
            if (head.length > 0)
                socket.unshift(head);
            resolve(socket);
        });
        request.once('response', (response) => {
            // A proxy answering CONNECT with a body-bearing response and no upgrade: not a tunnel.
            clearTimeout(timer);
            response.resume();
            reject(new ProxyError(`the proxy ${named} answered CONNECT ${target} with ${response.statusCode}`, 'EPROXY', named));
        });
        request.once('error', (error) => {
            clearTimeout(timer);
            reject(error instanceof ProxyError
                ? error
                : new ProxyError(`cannot reach the proxy ${named}: ${error.message}`, error.code ?? 'ECONNRESET', named, { cause: error }));
        });
        request.end();
    });
}
/**
 * The no_proxy value under which npm's proxy agent (@npmcli/agent, beneath sigstore-js's and
 * tuf-js's fetch) reaches `urls` the way these rules do. That agent reads the proxy variables
 * itself, case-insensitively, once: it matches no_proxy entries by host suffix only (no
 * `host:port`, no `*`), never exempts loopback, and uses https_proxy even for http: URLs. Where
 * these rules send a URL around the proxy, its host is added, so both agree.
 */
function noProxyForNpmAgent(urls, env) {
    const entries = (env.no_proxy || env.NO_PROXY || '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    for (const url of urls)
        if (!proxyFor(url, env) && !entries.includes(url.hostname))
            entries.push(url.hostname);
    return entries.join(',');
}


/***/ }),

/***/ 99378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkDeployAccess: () => (/* binding */ checkDeployAccess),
  deployDigest: () => (/* binding */ deployDigest)
});

// UNUSED EXPORTS: PUSH_ATTEMPTS, defaultBranchName, resolveRemote

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/gitops/errors.ts
/** The deploy repository could not be cloned, patched, committed or pushed. */
class DeployError extends Error {
    name = 'DeployError';
}

// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __webpack_require__(37893);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/net/proxy.ts
var net_proxy = __webpack_require__(51987);
;// CONCATENATED MODULE: ./src/gitops/git.ts
// Runs real git with argument arrays (never a shell). The token reaches git only as an
// `http.<origin>/.extraheader` set through GIT_CONFIG_* variables, so it is in no URL, no argv and
// no log; anything git prints is redacted before it is surfaced. The runner's proxy reaches git
// the same way, as `http.<origin>/.proxy`: git's HTTP layer ignores upper-case HTTP_PROXY, and the
// toolkit's NO_PROXY rules decide, as for every other connection of the action. git runs through
// the toolkit's @actions/exec (argument array, no shell, output captured, nothing echoed), loaded
// only when the deploy step runs.


const BOT_NAME = 'digest-release[bot]';
const BOT_EMAIL = 'digest-release[bot]@users.noreply.github.com';
class Git {
    options;
    secrets;
    environment;
    constructor(options) {
        this.options = options;
        const header = options.token ? `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${options.token}`).toString('base64')}` : undefined;
        this.secrets = header ? [header.slice('AUTHORIZATION: basic '.length), options.token] : [];
        const config = [
            // Keep the bytes we write: no line-ending conversion, no signing prompt, no credential prompt.
            ['core.autocrlf', 'false'],
            ['commit.gpgsign', 'false'],
            ['credential.helper', '']
        ];
        const origin = httpOrigin(options.remoteUrl);
        if (header && origin)
            config.push([`http.${origin}/.extraheader`, header]);
        const proxy = origin ? gitProxy(options.remoteUrl, options.environment) : undefined;
        if (origin && proxy !== undefined) {
            config.push([`http.${origin}/.proxy`, proxy]);
            const password = proxy ? decodeURIComponent(new URL(proxy).password) : '';
            if (password)
                this.secrets.push(password, new URL(proxy).password);
        }
        const environment = {
            ...options.environment,
            GIT_TERMINAL_PROMPT: '0',
            GIT_ASKPASS: '',
            SSH_ASKPASS: '',
            LC_ALL: 'C'
        };
        const existing = Number(options.environment.GIT_CONFIG_COUNT ?? '0') || 0;
        config.forEach(([key, value], i) => {
            environment[`GIT_CONFIG_KEY_${existing + i}`] = key;
            environment[`GIT_CONFIG_VALUE_${existing + i}`] = value;
        });
        environment.GIT_CONFIG_COUNT = String(existing + config.length);
        this.environment = environment;
    }
    /** Removes the token (and its base64 form) from text git printed. */
    redact(text) {
        let result = text;
        for (const secret of this.secrets)
            if (secret)
                result = result.split(secret).join('***');
        return result;
    }
    /** Runs git; a non-zero exit throws a DeployError naming the command and git's (redacted) message. */
    async run(args) {
        const result = await this.tryRun(args);
        if (result.exitCode !== 0) {
            const command = args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c') ?? args[0];
            throw new DeployError(`git ${command} failed (exit ${result.exitCode}): ${this.redact(result.stderr.trim() || result.stdout.trim())}`);
        }
        return result.stdout;
    }
    /** Runs git and returns its exit code and output, for commands whose failure is an answer. */
    async tryRun(args) {
        this.options.logger.debug(`git ${args.map((a) => this.redact(a)).join(' ')}`);
        const { getExecOutput } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 81260));
        let result;
        try {
            // silent: git's output is not echoed (it may name the remote's files); it is returned, redacted.
            result = await getExecOutput('git', args, {
                cwd: this.options.cwd,
                env: this.environment,
                silent: true,
                ignoreReturnCode: true
            });
        }
        catch (error) {
            throw new DeployError(`cannot run git: ${error.message} (is git installed?)`);
        }
        return { exitCode: result.exitCode, stdout: result.stdout, stderr: this.redact(result.stderr) };
    }
}
/**
 * The `http.<origin>/.proxy` value for `remoteUrl` under the runner's environment: the proxy URL,
 * '' (git's "no proxy") when NO_PROXY or loopback sends the remote around the proxy, or undefined
 * when no proxy variable covers its scheme (git is left to its own configuration).
 */
function gitProxy(remoteUrl, environment) {
    const url = new URL(remoteUrl);
    const variables = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    if (!variables.some((name) => environment[name]))
        return undefined;
    const proxy = (0,net_proxy.proxyFor)(url, environment);
    return proxy ? proxy.href : '';
}
/** `https://host[:port]` of an http(s) URL, which git matches `http.<url>.*` settings against. */
function httpOrigin(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
;// CONCATENATED MODULE: ./src/gitops/history.ts
// Rollback awareness: was the digest being pinned pinned before on the base branch, and by which commit?
// The clone is shallow, so a bounded stretch of the base's history is fetched first (the token still
// travels only as the extraheader the Git wrapper sets).


/** How many commits of the base's history are searched for an earlier pin of the digest. */
const HISTORY_DEPTH = 500;
/**
 * The most recent commit in the last `depth` commits of `baseCommit`'s history whose diff adds a
 * line containing `digest` to a deploy file, or undefined. A commit at the shallow cut-off is never
 * the answer: git shows it as adding every file it holds.
 */
async function findRollbackOf(lookup) {
    const { git, baseCommit, digest } = lookup;
    const depth = lookup.depth ?? HISTORY_DEPTH;
    const fetched = await git.tryRun(['fetch', '--quiet', '--no-tags', `--depth=${depth}`, 'origin', baseCommit]);
    if (fetched.exitCode !== 0) {
        lookup.onUnavailable?.(`cannot fetch the history of ${baseCommit.slice(0, 12)}: ${fetched.stderr.trim()}`);
        return undefined;
    }
    const log = await git.tryRun([
        '-c',
        'core.quotepath=off',
        'log',
        `-G${literalPattern(digest)}`,
        '--format=commit %H',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--no-renames',
        '--unified=0',
        '-p',
        `--max-count=${depth}`,
        baseCommit,
        '--'
    ]);
    if (log.exitCode !== 0) {
        lookup.onUnavailable?.(`cannot search the history of ${baseCommit.slice(0, 12)}: ${log.stderr.trim()}`);
        return undefined;
    }
    return commitAddingDigest(log.stdout, digest, lookup.isDeployFile, await shallowCommits(lookup.clone));
}
/**
 * Reads `git log --format='commit %H' -p` output, newest first, and returns the first commit that adds
 * a line containing `digest` to a file `isDeployFile` accepts, skipping the commits in `excluded`.
 */
function commitAddingDigest(log, digest, isDeployFile, excluded = new Set()) {
    let commit;
    let file;
    let inHunk = false;
    for (const line of log.split('\n')) {
        const header = /^commit ([0-9a-f]{40,64})$/.exec(line);
        if (header) {
            commit = header[1];
            file = undefined;
            inHunk = false;
        }
        else if (line.startsWith('diff --git ')) {
            file = undefined;
            inHunk = false;
        }
        else if (line.startsWith('@@')) {
            inHunk = true;
        }
        else if (!inHunk && line.startsWith('+++ ')) {
            file = diffPath(line.slice(4));
        }
        else if (inHunk && line.startsWith('+') && line.includes(digest)) {
            if (commit && !excluded.has(commit) && file !== undefined && isDeployFile(file))
                return commit;
        }
    }
    return undefined;
}
/** `b/path` (or `"b/pa\"th"`) from a `+++` line; undefined for /dev/null or a name that cannot be read. */
function diffPath(text) {
    let name = text.replace(/\t$/, '');
    if (name.startsWith('"')) {
        try {
            name = JSON.parse(name);
        }
        catch {
            return undefined;
        }
    }
    return name.startsWith('b/') ? name.slice(2) : undefined;
}
/** The digest as a pattern that matches only itself, in both basic and extended regular expressions. */
function literalPattern(text) {
    return text.replace(/[^A-Za-z0-9:]/g, (c) => `[${c}]`);
}
async function shallowCommits(clone) {
    try {
        return new Set((await (0,promises_.readFile)((0,external_node_path_.join)(clone, '.git', 'shallow'), 'utf8')).split('\n').filter(Boolean));
    }
    catch {
        return new Set();
    }
}

// EXTERNAL MODULE: ./src/gitops/message.ts
var message = __webpack_require__(13391);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/gitops/locate.ts
// Finds the places in one YAML file that name the released image, as byte ranges of the original
// text. Only parsed nodes are considered, so text inside block scalars (a ConfigMap holding YAML)
// is never a match. Nothing here rewrites anything; splice.ts does that.


/** The container lists of a Kubernetes pod spec, at any depth (Deployments, CronJob jobTemplates, Rollouts, CRDs). */
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
/** Flux image-automation setter marker: `# {"$imagepolicy": "namespace:policy[:tag|:name|:digest]"}`. */
const SETTER_COMMENT = /^[ \t]+#[ \t]*(\{.*\})[ \t]*\r?$/;
/**
 * Most nodes a file's aliases may add once expanded (an alias to a 5-node map adds 5). Shared
 * anchors in real manifests add hundreds; a "billion laughs" file of a few hundred bytes adds
 * billions, so it is skipped. Nothing here expands aliases: the count is computed per anchor.
 */
const MAX_ALIAS_EXPANSION = 100_000;
/** Locates every reference to `target`'s repository in `text` (one file, any number of documents). */
function locateReferences(text, target, fileName = '') {
    if (text.includes('{{'))
        return { skipped: 'contains template syntax ({{)', sites: [], documents: [] };
    const documents = (0,dist/* parseAllDocuments */.hR)(text, { keepSourceTokens: true });
    if (!Array.isArray(documents))
        return { sites: [], documents: [] };
    for (const document of documents) {
        const problem = document.errors[0];
        if (problem)
            return { skipped: `not valid YAML: ${problem.message.split('\n')[0]}`, sites: [], documents: [] };
    }
    const aliases = new Map();
    let added = 0;
    for (const document of documents) {
        const expansion = aliasExpansion(document, aliases);
        if (typeof expansion === 'string')
            return { skipped: expansion, sites: [], documents: [] };
        added += expansion;
        if (added > MAX_ALIAS_EXPANSION)
            return { skipped: `too many YAML aliases: expanded they would add over ${MAX_ALIAS_EXPANSION} nodes`, sites: [], documents: [] };
    }
    const resolve = (node) => ((0,dist/* isAlias */.Vj)(node) ? aliases.get(node) : node);
    const lines = lineStarts(text);
    const sites = [];
    const seen = new Set();
    const add = (site, node) => {
        // An anchored value reached again through an alias is one site, not two.
        if (seen.has(node))
            return;
        seen.add(node);
        sites.push(site);
    };
    for (const document of documents) {
        const matches = (value) => namesRepository(value, target);
        for (const scalar of containerImages(document, resolve)) {
            const site = scalarSite(scalar, text, lines);
            if (site && matches(site.value))
                add({ kind: 'image', source: 'container', scalar: site }, scalar);
        }
        if (isKustomization(document, fileName)) {
            for (const entry of kustomizeEntries(document, resolve)) {
                const site = kustomizeSite(entry, text, lines, matches);
                if (site)
                    add(site, entry);
            }
        }
        for (const site of setterSites(document, text, lines, matches))
            if (site.kind !== 'kustomize')
                add(site, site.scalar.node);
    }
    sites.sort((a, b) => siteOffset(a) - siteOffset(b));
    return { sites, documents };
}
/** True when `value` parses as an image reference to the same repository as `target`. */
function namesRepository(value, target) {
    try {
        return (0,reference/* sameRepository */.RB)((0,reference/* parseReference */.F2)(value), target);
    }
    catch {
        return false; // placeholders such as CONTAINER_IMAGES_REGISTRY/app are not references
    }
}
function siteOffset(site) {
    return site.kind === 'kustomize' ? (site.digest?.start ?? site.insertDigestAt.offset) : site.scalar.start;
}
/**
 * Resolves every alias of `document` into `aliases` in one pass (yaml's own Alias.resolve walks the
 * whole document per call) and returns how many nodes expanding them would add, counted once per
 * anchor; or why the document cannot be expanded at all.
 */
function aliasExpansion(document, aliases) {
    // An alias names the last node anchored so before it, in document order (visit's order).
    const anchors = new Map();
    let unresolved;
    let count = 0;
    (0,dist/* visit */.YR)(document, {
        Node(_, node) {
            if ((0,dist/* isAlias */.Vj)(node)) {
                const target = anchors.get(node.source);
                if (!target) {
                    unresolved = node.source;
                    return dist/* visit */.YR.BREAK;
                }
                aliases.set(node, target);
                return;
            }
            count++;
            if (node.anchor)
                anchors.set(node.anchor, node);
        }
    });
    if (unresolved !== undefined)
        return `unresolved YAML alias *${unresolved}`;
    // Expanded size per node, memoized; `open` holds the nodes being counted, to catch an alias inside its own anchor.
    const sizes = new Map();
    const open = new Set();
    let recursive;
    const size = (node) => {
        if ((0,dist/* isPair */.tO)(node))
            return size(node.key) + size(node.value);
        if (!(0,dist/* isAlias */.Vj)(node) && !(0,dist/* isCollection */.P3)(node))
            return (0,dist/* isScalar */.jn)(node) ? 1 : 0;
        const known = sizes.get(node);
        if (known !== undefined)
            return known;
        if (open.has(node)) {
            recursive ??= node.anchor ?? '';
            return 0;
        }
        open.add(node);
        let total = 0;
        if ((0,dist/* isAlias */.Vj)(node))
            total = size(aliases.get(node));
        else {
            total = 1;
            for (const item of node.items)
                total += size(item);
        }
        open.delete(node);
        sizes.set(node, total);
        return total;
    };
    const expanded = size(document.contents);
    if (recursive !== undefined)
        return `recursive YAML alias *${recursive}`;
    return expanded - count;
}
function containerImages(document, resolve) {
    const found = [];
    (0,dist/* visit */.YR)(document, {
        Pair(_, pair) {
            if (!(0,dist/* isScalar */.jn)(pair.key) || !CONTAINER_LISTS.has(String(pair.key.value)))
                return;
            const list = resolve(pair.value);
            if (!(0,dist/* isSeq */.oP)(list))
                return;
            for (const item of list.items) {
                const container = resolve(item);
                if (!(0,dist/* isMap */.jh)(container))
                    continue;
                const image = resolve(container.get('image', true));
                if ((0,dist/* isScalar */.jn)(image))
                    found.push(image);
            }
        }
    });
    return found;
}
function isKustomization(document, fileName) {
    const root = document.contents;
    if (!(0,dist/* isMap */.jh)(root))
        return false;
    const kind = root.get('kind');
    const apiVersion = root.get('apiVersion');
    if (kind === 'Kustomization' || kind === 'Component') {
        // Flux also has a `Kustomization` kind (kustomize.toolkit.fluxcd.io), which has no `images:` at the top.
        return typeof apiVersion !== 'string' || apiVersion.startsWith('kustomize.config.k8s.io/');
    }
    return KUSTOMIZATION_FILE.test(fileName);
}
function kustomizeEntries(document, resolve) {
    const root = document.contents;
    const images = resolve(root.get('images', true));
    if (!(0,dist/* isSeq */.oP)(images))
        return [];
    return images.items.map((item) => resolve(item)).filter((item) => (0,dist/* isMap */.jh)(item));
}
function kustomizeSite(entry, text, lines, matches) {
    // kustomize replaces `name` with `newName`, so the entry deploys `newName` when it has one.
    const effective = entry.get('newName') ?? entry.get('name');
    if (typeof effective !== 'string' || !matches(effective))
        return undefined;
    const digestNode = entry.get('digest', true);
    const newTagNode = entry.get('newTag', true);
    const digest = (0,dist/* isScalar */.jn)(digestNode) ? scalarSite(digestNode, text, lines) : undefined;
    const newTag = (0,dist/* isScalar */.jn)(newTagNode) ? scalarSite(newTagNode, text, lines) : undefined;
    if ((digestNode !== undefined && !digest) || (newTagNode !== undefined && !newTag))
        return undefined;
    const insertDigestAt = digest ? { offset: digest.start, text: (v) => v } : digestInsertion(entry, text);
    if (!insertDigestAt)
        return undefined;
    const newTagPair = newTag ? pairRemoval(entry, 'newTag', text) : undefined;
    return { kind: 'kustomize', entry, line: lineOf(lines, entry.range?.[0] ?? 0), digest, newTag, newTagPair, insertDigestAt };
}
/**
 * The bytes that remove the pair `key: value` from `entry` and nothing else, or undefined when there
 * is no such range: a pair over several lines, one that shares its line with `- ` or another pair,
 * or an anchored one (an alias elsewhere may name it). In block style that is the whole line, with
 * its comment; in flow style the pair and one of the commas beside it.
 */
function pairRemoval(entry, key, text) {
    const index = entry.items.findIndex((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
    const pair = entry.items[index];
    if (!pair || !(0,dist/* isScalar */.jn)(pair.key) || !(0,dist/* isScalar */.jn)(pair.value) || !pair.key.range || !pair.value.range)
        return undefined;
    if (pair.key.anchor || pair.value.anchor)
        return undefined;
    const keyStart = pair.key.range[0];
    const valueEnd = pair.value.range[1];
    if (text.slice(keyStart, valueEnd).includes('\n'))
        return undefined;
    if (entry.flow) {
        const onlyComma = (from, to) => /^[ \t]*,[ \t]*$/.test(text.slice(from, to));
        const previous = entry.items[index - 1]?.value;
        if ((0,dist/* isScalar */.jn)(previous) && previous.range && onlyComma(previous.range[1], keyStart))
            return { start: previous.range[1], end: valueEnd };
        const next = entry.items[index + 1]?.key;
        if (index === 0 && (0,dist/* isScalar */.jn)(next) && next.range && onlyComma(valueEnd, next.range[0]))
            return { start: keyStart, end: next.range[0] };
        return undefined;
    }
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    if (lineStart === 0 || !/^[ \t]*$/.test(text.slice(lineStart, keyStart)))
        return undefined;
    const newline = text.indexOf('\n', valueEnd);
    const lineEnd = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
    if (!/^[ \t]*(#.*)?$/.test(text.slice(valueEnd, lineEnd)))
        return undefined;
    // From the end of the line before (its CRLF or LF) to the end of this one, so an insertion at this line's end still follows.
    return { start: lineStart - (text[lineStart - 2] === '\r' ? 2 : 1), end: lineEnd };
}
/** Where a `digest:` pair goes in an entry that has none: a new line in block style, `, digest: …` in flow style. */
function digestInsertion(entry, text) {
    const last = entry.items.at(-1);
    const first = entry.items[0];
    if (!last || !first || !(0,dist/* isScalar */.jn)(last.value) || !(0,dist/* isScalar */.jn)(first.key) || !last.value.range || !first.key.range)
        return undefined;
    const valueEnd = last.value.range[1];
    if (entry.flow)
        return { offset: valueEnd, text: (v) => `, digest: ${v}` };
    const keyStart = first.key.range[0];
    const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
    const newline = text.indexOf('\n', valueEnd);
    const lineEnd = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
    if (!/^[ \t]*(#.*)?$/.test(text.slice(valueEnd, lineEnd)))
        return undefined;
    const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : /\r\n/.test(text) && newline < 0 ? '\r\n' : '\n';
    return { offset: lineEnd, text: (v) => `${eol}${' '.repeat(indent)}digest: ${v}` };
}
function setterSites(document, text, lines, matches) {
    const markers = [];
    (0,dist/* visit */.YR)(document, {
        Scalar(_, scalar) {
            const marker = setterMarker(scalar, text, lines);
            if (marker)
                markers.push(marker);
        }
    });
    // A `:tag` or `:digest` setter says nothing about the image by itself; its policy is ours when a
    // full-reference or `:name` setter of the same policy in this document names the image.
    const ours = new Set(markers.filter((m) => (m.field === undefined || m.field === 'name') && matches(m.scalar.value)).map((m) => m.policy));
    const sites = [];
    for (const marker of markers) {
        if (!ours.has(marker.policy))
            continue;
        if (marker.field === undefined)
            sites.push({ kind: 'image', source: 'setter', scalar: marker.scalar });
        else if (marker.field === 'tag')
            sites.push({ kind: 'setter-tag', scalar: marker.scalar, policy: marker.policy });
        else if (marker.field === 'digest')
            sites.push({ kind: 'setter-digest', scalar: marker.scalar, policy: marker.policy });
    }
    return sites;
}
function setterMarker(scalar, text, lines) {
    if (!scalar.range)
        return undefined;
    const end = scalar.range[1];
    const newline = text.indexOf('\n', end);
    const comment = SETTER_COMMENT.exec(text.slice(end, newline < 0 ? text.length : newline));
    if (!comment)
        return undefined;
    let policy;
    try {
        policy = JSON.parse(comment[1])['$imagepolicy'];
    }
    catch {
        return undefined;
    }
    if (typeof policy !== 'string')
        return undefined;
    const parts = policy.split(':');
    const site = scalarSite(scalar, text, lines);
    if (!site)
        return undefined;
    if (parts.length === 2)
        return { scalar: site, policy };
    const field = parts[2];
    if (parts.length === 3 && (field === 'tag' || field === 'name' || field === 'digest'))
        return { scalar: site, policy: `${parts[0]}:${parts[1]}`, field };
    return undefined;
}
function scalarSite(scalar, text, lines) {
    const style = scalar.type;
    if (!scalar.range)
        return undefined;
    // Block scalars and multi-line plain scalars are not image references worth rewriting in place.
    if (style !== 'PLAIN' && style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE')
        return undefined;
    const [start, end] = scalar.range;
    const raw = text.slice(start, end);
    if (/[\r\n]/.test(raw))
        return undefined;
    // A plain `newTag: 1.10` is a number to the parser but a tag to kustomize: keep the written text.
    const value = typeof scalar.value === 'string' ? scalar.value : style === 'PLAIN' ? raw : String(scalar.value ?? '');
    return { start, end, style, value, line: lineOf(lines, start), node: scalar };
}
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** 1-based line number of `offset`. */
function lineOf(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset)
            low = middle;
        else
            high = middle - 1;
    }
    return low + 1;
}

;// CONCATENATED MODULE: ./src/gitops/splice.ts
// Pins the image digest by replacing only the bytes of each matched scalar in the original text,
// so quotes, comments, indentation, blank lines, CRLF, BOM and flow style survive untouched.
// The result is re-parsed and compared with the intended values before anyone may write it.




/** Replaces [start, end) ranges with new text; edits must not overlap. */
function applyEdits(text, edits) {
    const ordered = [...edits].sort((a, b) => a.start - b.start);
    let result = '';
    let position = 0;
    for (const edit of ordered) {
        if (edit.start < position || edit.end < edit.start)
            throw new DeployError(`internal error: overlapping edits at offset ${edit.start}`);
        result += text.slice(position, edit.start) + edit.text;
        position = edit.end;
    }
    return result + text.slice(position);
}
/**
 * `repo[:tag]@digest`, keeping the repository as written (`nginx` stays `nginx`). A written tag gives
 * way to the release's tag, and without one it is dropped (`app:old` becomes `app@sha256:…`): the old
 * tag names other bytes than the new digest. Only beside the digest it already pinned does it stay.
 */
function pinnedReference(written, pin) {
    const { name, tag, digest } = splitWritten(written);
    const newTag = tag === undefined ? undefined : (pin.tag ?? (digest === pin.digest ? tag : undefined));
    return `${name}${newTag ? `:${newTag}` : ''}@${pin.digest}`;
}
function splitWritten(reference) {
    const at = reference.indexOf('@');
    const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
    const digest = at >= 0 ? reference.slice(at + 1) : undefined;
    const colon = withoutDigest.lastIndexOf(':');
    if (colon > withoutDigest.lastIndexOf('/'))
        return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
    return { name: withoutDigest, digest };
}
/** Finds every reference to `target` in `text` and pins it to `pin.digest`. Throws DeployError if the result would change anything else. */
function spliceImageReferences(text, target, pin, fileName = '') {
    const located = locateReferences(text, target, fileName);
    if (located.skipped)
        return { text, changes: [], references: 0, skipped: located.skipped };
    // Per policy with a `:digest` setter: whether this pin changes any of its digests.
    const digestSetters = new Map();
    for (const site of located.sites)
        if (site.kind === 'setter-digest')
            digestSetters.set(site.policy, digestSetters.get(site.policy) === true || site.scalar.value !== pin.digest);
    const edits = [];
    const changes = [];
    // Applied to the parsed documents too, so the re-parsed output can be compared with them.
    const expectations = [];
    const replace = (scalar, to) => {
        if (to === scalar.value)
            return;
        edits.push({ start: scalar.start, end: scalar.end, text: formatScalar(to, scalar, text) });
        changes.push({ line: scalar.line, from: scalar.value, to });
        expectations.push(() => {
            scalar.node.value = to;
        });
    };
    for (const site of located.sites)
        planSite(site, pin, digestSetters, fileName, {
            replace,
            insert: (offset, inserted, line, to) => {
                edits.push({ start: offset, end: offset, text: inserted });
                changes.push({ line, from: '', to });
                if (site.kind === 'kustomize')
                    expectations.push(() => site.entry.set('digest', to));
            },
            removeNewTag: (range, scalar) => {
                edits.push({ start: range.start, end: range.end, text: '' });
                changes.push({ line: scalar.line, from: scalar.value, to: '' });
                if (site.kind === 'kustomize')
                    expectations.push(() => site.entry.delete('newTag'));
            }
        });
    if (edits.length === 0)
        return { text, changes: [], references: located.sites.length };
    const patched = applyEdits(text, edits);
    for (const expect of expectations)
        expect();
    assertOnlyIntendedChanges(located.documents, patched, fileName);
    changes.sort((a, b) => a.line - b.line);
    return { text: patched, changes, references: located.sites.length };
}
function planSite(site, pin, digestSetters, fileName, plan) {
    const { replace } = plan;
    switch (site.kind) {
        case 'image':
            replace(site.scalar, pinnedReference(site.scalar.value, pin));
            return;
        case 'setter-digest':
            replace(site.scalar, pin.digest);
            return;
        case 'setter-tag': {
            const written = splitTagValue(site.scalar.value);
            const digestChanges = digestSetters.get(site.policy);
            if (digestChanges !== undefined) {
                // Beside a `:digest` setter (Helm values with repository, tag and digest keys) the digest
                // goes there and this field holds only a tag: the release's, or none. Without a release tag
                // the old one would name other bytes than the new digest, so it is emptied, not removed:
                // removing the key would bring back the chart's default tag through Helm's values merge.
                // Charts that take a digest render `repository@digest` from an empty tag, whether they
                // ignore the tag once a digest is set (Bitnami's common.images.image, cert-manager) or add
                // the tag only when there is one (`{{ if .tag }}:{{ .tag }}{{ end }}`); one that falls back
                // to `.Chart.AppVersion` writes the tag it asks for. A chart that always writes
                // `repository:tag@digest` renders an invalid reference, which Kubernetes refuses rather than
                // run other bytes. The tag stays as it is beside the digest it already pinned.
                if (pin.tag)
                    replace(site.scalar, pin.tag);
                else
                    replace(site.scalar, digestChanges ? '' : written.tag);
                return;
            }
            // A `:tag` setter alone feeds `repository:tag` in a chart, so `tag@digest` pins it. It must
            // hold a tag, so without a release tag there is no honest value: the old tag would name other
            // bytes than the new digest. That is refused rather than written (an empty field stays empty).
            if (pin.tag)
                replace(site.scalar, `${pin.tag}@${pin.digest}`);
            else if (written.tag !== '' && written.digest !== pin.digest)
                throw new DeployError(`refusing to write ${fileName || 'the file'}: line ${site.scalar.line}: the Flux setter ${JSON.stringify(`${site.policy}:tag`)} ` +
                    `can only pin as \`tag@digest\`, and the release has no tag to replace \`${written.tag}\`, which names other bytes; ` +
                    'give the release a tag (`tags`), or add a `:digest` setter for the policy');
            return;
        }
        case 'kustomize': {
            // kustomize renders `name:newTag@digest` from both and `name@digest` from a digest alone,
            // whatever tag the base had, so `newTag` follows the release tag, or goes when there is none.
            // Removed when it can be without touching other bytes, else emptied (kustomize reads an empty
            // `newTag` as none). It stays beside the digest it already pinned.
            const newTag = site.newTag;
            if (newTag && pin.tag)
                replace(newTag, pin.tag);
            else if (newTag && newTag.value !== '' && site.digest?.value !== pin.digest) {
                if (site.newTagPair)
                    plan.removeNewTag(site.newTagPair, newTag);
                else
                    replace(newTag, '');
            }
            if (site.digest)
                replace(site.digest, pin.digest);
            else
                plan.insert(site.insertDigestAt.offset, site.insertDigestAt.text(pin.digest), site.line, pin.digest);
            return;
        }
    }
}
/** A `:tag` setter's value, `tag` or `tag@digest`. */
function splitTagValue(value) {
    const at = value.indexOf('@');
    return at >= 0 ? { tag: value.slice(0, at), digest: value.slice(at + 1) } : { tag: value };
}
/** The new scalar in the style of the old one; a plain scalar that would read back as something else is double-quoted. */
function formatScalar(value, scalar, text) {
    if (scalar.style === 'QUOTE_SINGLE')
        return `'${value.replace(/'/g, "''")}'`;
    if (scalar.style === 'QUOTE_DOUBLE' || (0,dist/* parse */.qg)(value) !== value)
        return JSON.stringify(value);
    // An empty plain value (`digest:`) has no space after its colon yet.
    return scalar.start === scalar.end && text[scalar.start - 1] === ':' ? ` ${value}` : value;
}
/**
 * Re-parses `patched` and throws unless each document equals `expected` (the original documents with the intended values set).
 * Documents are compared as trees with aliases left unresolved, so the check is linear in the size of the file even
 * when aliases would expand exponentially; equal trees (same values, tags, anchors and alias names in the same
 * places) have equal expansions, so this is at least as strict as comparing the expanded data.
 */
function assertOnlyIntendedChanges(expected, patched, fileName) {
    const actual = (0,dist/* parseAllDocuments */.hR)(patched);
    const where = fileName || 'the file';
    if (!Array.isArray(actual) || actual.length !== expected.length)
        throw new DeployError(`refusing to write ${where}: patching changed the number of YAML documents`);
    for (let i = 0; i < expected.length; i++) {
        const error = actual[i].errors[0];
        if (error)
            throw new DeployError(`refusing to write ${where}: the patched text is not valid YAML (${error.message.split('\n')[0]})`);
        if (!sameTree(expected[i].contents, actual[i].contents))
            throw new DeployError(`refusing to write ${where}: document ${i + 1} would change beyond the pinned image references`);
    }
}
/** Node-by-node equality of two parsed YAML trees; `expected` may hold plain values where the splice set one (a new `digest:` pair). */
function sameTree(expected, actual) {
    if ((0,dist/* isAlias */.Vj)(expected) || (0,dist/* isAlias */.Vj)(actual))
        return (0,dist/* isAlias */.Vj)(expected) && (0,dist/* isAlias */.Vj)(actual) && expected.source === actual.source;
    if ((0,dist/* isNode */.Ll)(expected) && (0,dist/* isNode */.Ll)(actual) && (expected.tag !== actual.tag || expected.anchor !== actual.anchor))
        return false;
    if ((0,dist/* isMap */.jh)(expected) || (0,dist/* isMap */.jh)(actual) || (0,dist/* isSeq */.oP)(expected) || (0,dist/* isSeq */.oP)(actual)) {
        if (!(((0,dist/* isMap */.jh)(expected) && (0,dist/* isMap */.jh)(actual)) || ((0,dist/* isSeq */.oP)(expected) && (0,dist/* isSeq */.oP)(actual))))
            return false;
        if (expected.items.length !== actual.items.length)
            return false;
        return expected.items.every((item, index) => sameTree(item, actual.items[index]));
    }
    if ((0,dist/* isPair */.tO)(expected) || (0,dist/* isPair */.tO)(actual)) {
        return (0,dist/* isPair */.tO)(expected) && (0,dist/* isPair */.tO)(actual) && sameTree(expected.key, actual.key) && sameTree(expected.value, actual.value);
    }
    const want = (0,dist/* isScalar */.jn)(expected) ? expected.value : expected;
    const got = (0,dist/* isScalar */.jn)(actual) ? actual.value : actual;
    return Object.is(want, got) || (typeof want === 'object' && want !== null && (0,external_node_util_.isDeepStrictEqual)(want, got));
}

;// CONCATENATED MODULE: ./src/gitops/worktree.ts
// Applies the splice to the selected files of a checked-out tree.






function selectFiles(files, globs) {
    const isSelected = picomatch_default()(globs.length > 0 ? [...globs] : ['**/*.yaml', '**/*.yml']);
    return files.filter((file) => isSelected(file)).sort();
}
/**
 * Largest deploy file read, in bytes (4 MiB). A file is read and parsed whole, so a larger one is
 * skipped with a reason instead of risking the process's memory; real manifests are far smaller.
 */
const MAX_DEPLOY_FILE_BYTES = 4 * 1024 * 1024;
/**
 * Reads `file` (relative to `root`) without following any link: its directory must resolve inside
 * the clone and the file itself must be a regular file, so a committed symlink (even to a file in
 * the clone), a directory or a submodule whose name ends in `.yaml` is skipped, never read.
 */
async function readTracked(root, realRoot, file, submodules) {
    const full = (0,external_node_path_.resolve)(root, file);
    if ((0,external_node_path_.isAbsolute)(file) || !inside(root, full))
        return { skipped: 'outside the repository' };
    let path;
    try {
        const parent = await (0,promises_.realpath)((0,external_node_path_.dirname)(full));
        if (!inside(realRoot, parent) && parent !== realRoot)
            return { skipped: 'outside the repository' };
        path = (0,external_node_path_.join)(parent, (0,external_node_path_.basename)(full));
    }
    catch (error) {
        if (isMissing(error))
            return { skipped: 'does not exist' };
        throw error;
    }
    let stats;
    try {
        stats = await (0,promises_.lstat)(path);
    }
    catch (error) {
        if (isMissing(error))
            return { skipped: 'does not exist' };
        throw error;
    }
    if (!stats.isFile())
        return { skipped: `not a regular file (${await kindOf(stats, path, (0,external_node_path_.relative)(realRoot, path), submodules)})` };
    if (stats.size > MAX_DEPLOY_FILE_BYTES)
        return { skipped: tooLarge(stats.size) };
    // O_NOFOLLOW and the same inode: nothing swapped in a link between the check and the read.
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    try {
        const opened = await handle.stat();
        if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev)
            return { skipped: 'changed while being read' };
        if (opened.size > MAX_DEPLOY_FILE_BYTES)
            return { skipped: tooLarge(opened.size) };
        return { path, bytes: await handle.readFile() };
    }
    finally {
        await handle.close();
    }
}
function tooLarge(size) {
    return `${size} bytes is over the ${MAX_DEPLOY_FILE_BYTES}-byte (4 MiB) limit`;
}
async function writeTracked(path, content) {
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_TRUNC | external_node_fs_.constants.O_NOFOLLOW);
    try {
        if (!(await handle.stat()).isFile())
            throw new DeployError(`refusing to write ${path}: not a regular file`);
        await handle.writeFile(content);
    }
    finally {
        await handle.close();
    }
}
/** True when `path` is strictly below `dir`. */
function inside(dir, path) {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel);
}
function isMissing(error) {
    const code = error.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
async function kindOf(stats, path, tracked, submodules) {
    if (stats.isSymbolicLink())
        return 'symlink';
    if (stats.isDirectory()) {
        // A submodule is checked out as an empty directory, or as a directory with a `.git` file once initialized.
        const isSubmodule = (await submodules()).has(tracked.split(external_node_path_.sep).join('/')) || (await (0,promises_.lstat)((0,external_node_path_.join)(path, '.git')).catch(() => undefined));
        return isSubmodule ? 'submodule' : 'directory';
    }
    if (stats.isFIFO())
        return 'fifo';
    if (stats.isSocket())
        return 'socket';
    return 'device';
}
/** The `path =` entries of the clone's .gitmodules, read only when it is a small regular file. */
async function submodulePaths(realRoot) {
    const file = (0,external_node_path_.join)(realRoot, '.gitmodules');
    const stats = await (0,promises_.lstat)(file).catch(() => undefined);
    if (!stats?.isFile() || stats.size > 1024 * 1024)
        return new Set();
    const text = await (0,promises_.readFile)(file, 'utf8');
    return new Set([...text.matchAll(/^[ \t]*path[ \t]*=[ \t]*(.*?)[ \t]*\r?$/gm)].map((match) => match[1]));
}
/** Pins every reference to `target` in the selected files under `root`; all files are checked before any is written. */
async function patchTree(root, files, target, pin, write) {
    const patch = { searched: [...files], skipped: [], references: 0, changes: [], patchedFiles: [], contents: new Map() };
    const realRoot = await (0,promises_.realpath)(root);
    let submodules;
    const paths = new Map();
    for (const file of files) {
        const opened = await readTracked(root, realRoot, file, () => (submodules ??= submodulePaths(realRoot)));
        if ('skipped' in opened) {
            patch.skipped.push({ file, reason: opened.skipped });
            continue;
        }
        const bytes = opened.bytes;
        const text = bytes.toString('utf8');
        // Splicing a JS string is only byte-exact when the file is valid UTF-8.
        if (!Buffer.from(text, 'utf8').equals(bytes)) {
            patch.skipped.push({ file, reason: 'not UTF-8' });
            continue;
        }
        const result = spliceImageReferences(text, target, pin, file);
        if (result.skipped) {
            patch.skipped.push({ file, reason: result.skipped });
            continue;
        }
        patch.references += result.references;
        if (result.changes.length === 0)
            continue;
        patch.patchedFiles.push(file);
        paths.set(file, opened.path);
        patch.contents.set(file, Buffer.from(result.text, 'utf8'));
        for (const change of result.changes)
            patch.changes.push({ file, ...change });
    }
    if (write)
        for (const [file, content] of patch.contents)
            await writeTracked(paths.get(file), content);
    return patch;
}
/** A deploy that pins nothing is a mistake: say what was searched. */
function nothingFoundError(image, patch, globs, tree) {
    if (patch.searched.length === 0) {
        const examples = tree.files.filter((file) => /\.ya?ml$/i.test(file)).slice(0, 5);
        return new DeployError(`no file on branch ${tree.base} of the deploy repository matches deploy-paths (${globs.map((g) => `"${g}"`).join(', ')})` +
            (examples.length ? `; its YAML files include ${examples.join(', ')}` : tree.files.length ? '' : '; the branch has no files') +
            '. Fix `deploy-paths`: globs relative to the repository root, separated by commas or newlines');
    }
    const skipped = new Map(patch.skipped.map((s) => [s.file, s.reason]));
    const listed = patch.searched.map((file) => (skipped.has(file) ? `${file} (skipped: ${skipped.get(file)})` : file));
    return new DeployError(`no reference to ${image} found in ${patch.searched.length} file(s) searched: ${listed.join(', ')}. ` +
        'Check `image` and `deploy-paths`; references are container `image:` values, kustomization `images:` entries and Flux `$imagepolicy` setters.');
}

;// CONCATENATED MODULE: ./src/steps/deploy.ts
// The deploy step: clone the deploy repository, pin the digest in every reference to the image,
// commit, and either push a branch and open or update its pull request, or push to the base.










/** How often push mode re-applies the edit after losing a race for the base branch. */
const PUSH_ATTEMPTS = retry/* GIT_PUSH_RETRY */.Zm.attempts;
const WORK_BRANCH = 'digest-release-work';
/**
 * Preflight's check of the deploy repository, before anything is pushed: the token is accepted
 * (GitHub's answer named, and the permission it needs), it may write there when GitHub says, git
 * can read the repository with the same credentials, and the base branch has files that
 * `deploy-paths` selects and that reference the image: a deploy that could only fail must not
 * leave a pushed, tagged image behind it. Answers the clone it checked and the base it resolved,
 * for the deploy step to work on.
 */
async function checkDeployAccess(options) {
    const remote = resolveRemote(options.repository, options.serverUrl);
    const target = parseImage(options.image);
    const need = 'a token with `contents: write` and `pull-requests: write` on the deploy repository (a GitHub App installation token; `GITHUB_TOKEN` cannot push to another repository)';
    let defaultBranchFromApi;
    if (remote.github) {
        const github = new client.GitHubClient(options.apiUrl, options.token, options.logger);
        let info;
        try {
            info = await github.getRepository(remote.github.owner, remote.github.repo);
        }
        catch (error) {
            if (error instanceof client.GitHubApiError && error.status !== undefined && error.status < 500) {
                throw new DeployError(`\`deploy-token\` cannot reach ${options.repository}: GitHub answered ${error.status} ${error.responseMessage || ''}. Give \`deploy-token\` ${need}`.replace(/ {2,}/g, ' '));
            }
            throw error;
        }
        if (info.permissions && info.permissions.push === false) {
            throw new DeployError(`\`deploy-token\` can read ${options.repository} but not write to it. Give \`deploy-token\` ${need}`);
        }
        defaultBranchFromApi = info.defaultBranch;
    }
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.workDir, 'deploy-'));
    try {
        const git = new Git({
            cwd: scratch,
            remoteUrl: remote.url,
            token: options.token,
            environment: options.gitEnvironment,
            logger: options.logger
        });
        const listed = await git.tryRun(['ls-remote', '--heads', remote.url]);
        if (listed.exitCode !== 0) {
            throw new DeployError(`git cannot read ${remote.url} with \`deploy-token\`: ${git.redact(listed.stderr.trim().split('\n').pop() ?? '')}. Give \`deploy-token\` ${need}`);
        }
        await git.run(['init', '--quiet']);
        await git.run(['remote', 'add', 'origin', remote.url]);
        const base = options.base || defaultBranchFromApi || (await defaultBranch(git, undefined, remote, options.logger));
        await checkoutBase(git, remote, base);
        // Only whether references are found matters here: the patch is computed, not written.
        await patchBase(git, scratch, target, options, base, false);
        return { clone: scratch, base };
    }
    catch (error) {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
        throw error;
    }
}
async function deployDigest(options) {
    const target = parseImage(options.image);
    if (!(0,reference/* isValidDigest */.fH)(options.digest))
        throw new DeployError(`"${options.digest}" is not a digest (expected sha256:<64 hex>)`);
    const remote = resolveRemote(options.repository, options.serverUrl);
    const github = remote.github ? new client.GitHubClient(options.apiUrl, options.token, options.logger, options.graphqlUrl) : undefined;
    const clone = options.clone ?? (await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.workDir, 'deploy-')));
    try {
        const git = new Git({
            cwd: clone,
            remoteUrl: remote.url,
            token: options.token,
            environment: options.gitEnvironment,
            logger: options.logger
        });
        if (!options.clone) {
            await git.run(['init', '--quiet']);
            await git.run(['remote', 'add', 'origin', remote.url]);
        }
        const base = options.base || (await defaultBranch(git, github, remote, options.logger));
        const step = new DeployRun(options, target, remote, github, git, clone, base);
        return await (options.mode === 'push' ? step.pushToBase() : step.pullRequest());
    }
    finally {
        await (0,promises_.rm)(clone, { recursive: true, force: true });
    }
}
function parseImage(image) {
    try {
        return (0,reference/* parseReference */.F2)(image);
    }
    catch (error) {
        if (error instanceof reference/* ReferenceError */.AF)
            throw new DeployError(`cannot deploy: ${error.message}`);
        throw error;
    }
}
/** `owner/name` means the GitHub server; anything else is a git URL (or a path), used as given. */
function resolveRemote(repository, serverUrl) {
    const server = serverUrl.replace(/\/+$/, '');
    if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        const [owner, repo] = repository.replace(/\.git$/, '').split('/');
        return { url: `${server}/${owner}/${repo}.git`, github: { owner, repo } };
    }
    const onServer = repository.startsWith(`${server}/`)
        ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(repository.slice(server.length + 1))
        : null;
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(repository))
        throw new DeployError('deploy-repository must not carry credentials in its URL; use deploy-token');
    return { url: repository, github: onServer ? { owner: onServer[1], repo: onServer[2] } : undefined };
}
async function defaultBranch(git, github, remote, logger) {
    if (github && remote.github) {
        try {
            return (await github.getRepository(remote.github.owner, remote.github.repo)).defaultBranch;
        }
        catch (error) {
            logger.debug(`default branch from the API failed (${error instanceof Error ? error.message : String(error)}); asking the remote`);
        }
    }
    const output = await git.run(['ls-remote', '--symref', 'origin', 'HEAD']);
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output);
    if (!match)
        throw new DeployError(`cannot tell the default branch of ${remote.url}: set deploy-base`);
    return match[1];
}
/** `digest-release/<image slug>/<base>`: one branch per image and base, so each release reuses it. */
function defaultBranchName(target, base) {
    const slug = (0,reference/* familiarName */.hG)(target)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[-.]+|[-.]+$/g, '');
    return `digest-release/${slug}/${base}`;
}
/** Fetches the latest `base` and checks it out in the clone over whatever was there; answers its commit. */
async function checkoutBase(git, remote, base) {
    const tracking = `refs/remotes/origin/${base}`;
    const fetched = await git.tryRun(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', `+refs/heads/${base}:${tracking}`]);
    if (fetched.exitCode !== 0) {
        throw new DeployError(`cannot fetch branch ${base} of ${remote.url}: ${fetched.stderr.trim()}`);
    }
    await git.run(['checkout', '--quiet', '--force', '-B', WORK_BRANCH, tracking]);
    return (await git.run(['rev-parse', 'HEAD'])).trim();
}
/**
 * Pins the digest (beside the release's first tag) in every reference to `target` in the files
 * `paths` selects of the checked-out base; written to the clone only with `write`. Finding no
 * reference at all is a mistake, named with what was searched.
 */
async function patchBase(git, clone, target, options, base, write) {
    const listed = (await git.run(['ls-files', '-z'])).split('\0').filter(Boolean);
    const files = selectFiles(listed, options.paths);
    const patch = await patchTree(clone, files, target, { digest: options.digest, tag: options.tags[0] }, write);
    if (patch.references === 0)
        throw nothingFoundError(options.image, patch, options.paths, { base, files: listed });
    return patch;
}
class DeployRun {
    options;
    target;
    remote;
    github;
    git;
    clone;
    base;
    constructor(options, target, remote, github, git, clone, base) {
        this.options = options;
        this.target = target;
        this.remote = remote;
        this.github = github;
        this.git = git;
        this.clone = clone;
        this.base = base;
    }
    get startedAt() {
        return (this.options.startedAt ??= new Date());
    }
    get logger() {
        return this.options.logger;
    }
    /** Pull-request mode: rebuild the branch from the latest base each run, so there is one branch and one PR per image and base. */
    async pullRequest() {
        const branch = this.options.branch || defaultBranchName(this.target, this.base);
        if ((await this.git.tryRun(['check-ref-format', `refs/heads/${branch}`])).exitCode !== 0)
            throw new DeployError(`"${branch}" is not a valid branch name (deploy-branch)`);
        for (let attempt = 1;; attempt++) {
            const baseCommit = await this.checkoutBase();
            const patch = await this.patch();
            if (patch.changes.length === 0) {
                this.logger.info(`${this.base} already pins ${this.options.image} to ${this.options.digest} in every reference; nothing to do`);
                return { branch, pullRequestOperation: 'none', patchedFiles: [], diff: '', changes: [] };
            }
            const diff = await this.diff(patch);
            const lineage = await this.lineage(patch, baseCommit);
            const planned = { branch, patchedFiles: patch.patchedFiles, diff, changes: patch.changes, ...lineage };
            if (this.options.dryRun)
                return { ...planned, pullRequestOperation: 'none' };
            const commit = await this.commit(patch, lineage);
            const remoteCommit = await this.remoteBranch(branch);
            const upToDate = remoteCommit !== undefined && (await this.sameChange(remoteCommit, commit, baseCommit));
            if (!upToDate && remoteCommit && (await this.newerRelease(remoteCommit))) {
                // Two releases raced for the branch and the other one is newer: never replace it with older bytes.
                this.logger.warning(`branch ${branch} holds ${remoteCommit.slice(0, 12)} from a release that started after this one; this release does not replace it`);
                return { ...planned, commit: remoteCommit, supersededBy: remoteCommit, pullRequestOperation: 'none' };
            }
            if (!upToDate) {
                const outcome = await this.push(`HEAD:refs/heads/${branch}`, [`--force-with-lease=refs/heads/${branch}:${remoteCommit ?? ''}`]);
                if (outcome === 'rejected') {
                    if (attempt >= PUSH_ATTEMPTS)
                        throw new DeployError(`branch ${branch} kept changing under us; gave up after ${attempt} attempts`);
                    this.logger.info(`branch ${branch} changed while we rebuilt it; trying again`);
                    await backoff(attempt);
                    continue;
                }
                this.logger.info(`pushed ${commit.slice(0, 12)} to ${branch}`);
            }
            else {
                this.logger.info(`${branch} already holds this change on the latest ${this.base}; not pushing`);
            }
            const result = { ...planned, commit: upToDate ? remoteCommit : commit, pullRequestOperation: 'none' };
            await this.openOrUpdatePullRequest(result, branch, patch.changes, lineage, upToDate);
            // A newer release may have replaced our push meanwhile: say so, and name the commit that stands.
            const standing = await this.remoteBranch(branch);
            if (standing && standing !== result.commit) {
                this.logger.warning(`branch ${branch} was replaced by ${standing.slice(0, 12)} from another release after this one pushed`);
                result.supersededBy = standing;
                result.commit = standing;
            }
            return result;
        }
    }
    /** Push mode: commit on the base; when another push wins the race, re-apply the edit to the new base and retry. */
    async pushToBase() {
        if (this.options.autoMerge !== 'off')
            this.logger.info('auto-merge applies to pull requests only; ignored in push mode');
        for (let attempt = 1;; attempt++) {
            const baseCommit = await this.checkoutBase();
            const patch = await this.patch();
            if (patch.changes.length === 0) {
                this.logger.info(`${this.base} already pins ${this.options.image} to ${this.options.digest}; nothing to push`);
                return { branch: this.base, pullRequestOperation: 'none', patchedFiles: [], diff: '', changes: [] };
            }
            const diff = await this.diff(patch);
            const lineage = await this.lineage(patch, baseCommit);
            const planned = {
                branch: this.base,
                patchedFiles: patch.patchedFiles,
                diff,
                changes: patch.changes,
                pullRequestOperation: 'none',
                ...lineage
            };
            if (this.options.dryRun)
                return planned;
            const commit = await this.commit(patch, lineage);
            if ((await this.push(`HEAD:refs/heads/${this.base}`, [])) === 'pushed') {
                this.logger.info(`pushed ${commit.slice(0, 12)} to ${this.base}`);
                return { ...planned, commit };
            }
            if (attempt >= PUSH_ATTEMPTS)
                throw new DeployError(`${this.base} kept moving while we pushed; gave up after ${attempt} attempts`);
            this.logger.info(`${this.base} moved on the remote (attempt ${attempt}); re-applying the edit to the new ${this.base}`);
            await backoff(attempt);
        }
    }
    /** Fetches the latest base and checks it out over whatever the last attempt left. */
    checkoutBase() {
        return checkoutBase(this.git, this.remote, this.base);
    }
    async patch() {
        const patch = await patchBase(this.git, this.clone, this.target, this.options, this.base, true);
        for (const skipped of patch.skipped)
            this.logger.info(`skipped ${skipped.file}: ${skipped.reason}`);
        for (const change of patch.changes)
            this.logger.info(`${change.file}:${change.line}: ${change.from || '(none)'} -> ${change.to || '(none)'}`);
        return patch;
    }
    async diff(patch) {
        return this.git.run(['-c', 'core.quotepath=off', 'diff', '--no-color', '--no-ext-diff', '--', ...patch.patchedFiles]);
    }
    /** The digest the files pinned before, and the base commit that pinned the new digest before when this is a rollback. */
    async lineage(patch, baseCommit) {
        const lineage = {};
        const previousDigest = (0,message/* previousDigestOf */.HZ)(patch.changes);
        if (previousDigest)
            lineage.previousDigest = previousDigest;
        const rollbackOf = await findRollbackOf({
            git: this.git,
            clone: this.clone,
            baseCommit,
            digest: this.options.digest,
            isDeployFile: (file) => selectFiles([file], this.options.paths).length > 0,
            onUnavailable: (reason) => this.logger.info(`cannot tell whether this is a rollback: ${reason}`)
        });
        if (rollbackOf) {
            lineage.rollbackOf = rollbackOf;
            this.logger.info(`rolling back ${this.options.image} to ${this.options.digest}, first pinned on ${this.base} by ${rollbackOf.slice(0, 12)}` +
                (previousDigest ? ` (was ${previousDigest})` : ''));
        }
        return lineage;
    }
    messageContext(changes, lineage) {
        const { image, digest, tags, source, serverUrl, verifyCommands } = this.options;
        return {
            image,
            digest,
            tags,
            base: this.base,
            changes,
            source,
            serverUrl,
            verifyCommands,
            releasedAt: this.startedAt.toISOString(),
            ...lineage
        };
    }
    async commit(patch, lineage) {
        await this.git.run(['add', '--', ...patch.patchedFiles]);
        const messageFile = (0,external_node_path_.join)(this.clone, '.git', 'DIGEST_RELEASE_MSG');
        await (0,promises_.writeFile)(messageFile, (0,message/* commitMessage */.df)(this.messageContext(patch.changes, lineage)));
        const identity = (await this.hasIdentity()) ? [] : ['-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`];
        await this.git.run([...identity, 'commit', '--quiet', '--no-verify', '-F', messageFile]);
        return (await this.git.run(['rev-parse', 'HEAD'])).trim();
    }
    async hasIdentity() {
        if (this.options.gitIdentityInEnvironment)
            return true;
        const name = await this.git.tryRun(['config', 'user.name']);
        const email = await this.git.tryRun(['config', 'user.email']);
        return name.exitCode === 0 && email.exitCode === 0;
    }
    async remoteBranch(branch) {
        const output = await this.git.run(['ls-remote', 'origin', `refs/heads/${branch}`]);
        return /^([0-9a-f]{40,64})\t/m.exec(output)?.[1];
    }
    /** True when the remote branch already is this change on this base: same tree, same parent. */
    async sameChange(remoteCommit, commit, baseCommit) {
        await this.git.run(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', remoteCommit]);
        // `cat-file` shows the parent even in a shallow clone, where it is grafted away.
        const header = (raw, field) => [...raw.matchAll(new RegExp(`^${field} ([0-9a-f]+)$`, 'gm'))].map((m) => m[1]);
        const theirs = await this.git.run(['cat-file', 'commit', remoteCommit]);
        const ours = await this.git.run(['cat-file', 'commit', commit]);
        const parents = header(theirs, 'parent');
        return header(theirs, 'tree')[0] === header(ours, 'tree')[0] && parents.length === 1 && parents[0] === baseCommit;
    }
    /** True when `remoteCommit` carries a release time later than this release's start. */
    async newerRelease(remoteCommit) {
        const theirs = (0,message/* releasedAtOf */.y7)(await this.git.run(['cat-file', 'commit', remoteCommit]));
        return theirs !== undefined && theirs.getTime() > this.startedAt.getTime();
    }
    /** Pushes `refspec`; a rejection because the remote moved is an answer, any other failure an error. */
    async push(refspec, flags) {
        const result = await this.git.tryRun(['push', '--porcelain', '--quiet', ...flags, 'origin', refspec]);
        if (result.exitCode === 0)
            return 'pushed';
        const report = `${result.stdout}\n${result.stderr}`;
        // non-fast-forward / fetch first / stale info: someone pushed first; failed to update ref / cannot lock: we raced on the server.
        if (/\[rejected\]|stale info|non-fast-forward|fetch first|failed to update ref|cannot lock ref|incorrect old value/i.test(report))
            return 'rejected';
        throw new DeployError(`git push to ${this.remote.url} failed: ${this.git.redact(report.trim())}`);
    }
    async openOrUpdatePullRequest(result, branch, changes, lineage, upToDate) {
        if (!this.github || !this.remote.github) {
            this.logger.warning(`${this.remote.url} is not a repository on ${this.options.serverUrl}; pushed ${branch} but cannot open a pull request`);
            return;
        }
        const { owner, repo } = this.remote.github;
        const context = this.messageContext(changes, lineage);
        const title = (0,message/* commitSubject */.sF)(context);
        const body = (0,message/* pullRequestBody */.NF)(context);
        let pull = await this.github.findOpenPullRequest(owner, repo, branch, this.base);
        if (pull && upToDate) {
            result.pullRequestOperation = 'unchanged';
        }
        else if (pull) {
            pull = await this.github.updatePullRequest(owner, repo, pull.number, { title, body });
            result.pullRequestOperation = 'updated';
        }
        else {
            try {
                pull = await this.github.createPullRequest(owner, repo, { branch, base: this.base, title, body });
                result.pullRequestOperation = 'created';
            }
            catch (error) {
                // Another run opened it between our lookup and our create.
                const existing = error instanceof client.GitHubApiError && error.status === 422
                    ? await this.github.findOpenPullRequest(owner, repo, branch, this.base)
                    : undefined;
                if (!existing)
                    throw error;
                pull = await this.github.updatePullRequest(owner, repo, existing.number, { title, body });
                result.pullRequestOperation = 'updated';
            }
        }
        result.pullRequestNumber = pull.number;
        result.pullRequestUrl = pull.url;
        this.logger.info(`pull request #${pull.number} ${result.pullRequestOperation}: ${pull.url}`);
        if (this.options.autoMerge !== 'off')
            result.autoMerge = await this.enableAutoMerge(pull, this.options.autoMerge);
    }
    async enableAutoMerge(pull, method) {
        try {
            await this.github.enableAutoMerge(pull.nodeId, method);
            this.logger.info(`auto-merge (${method}) enabled on #${pull.number}`);
            return 'enabled';
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (/clean status/i.test(message) && this.remote.github) {
                // Nothing is required to pass on the deploy repository, so GitHub has nothing to wait for: merge now.
                try {
                    await this.github.mergePullRequest(this.remote.github.owner, this.remote.github.repo, pull.number, method);
                    this.logger.info(`${this.options.repository} requires no checks, so there was nothing to auto-merge after: merged #${pull.number} (${method})`);
                    return 'merged';
                }
                catch (mergeError) {
                    this.logger.warning(`${this.options.repository} requires no checks, so GitHub cannot queue auto-merge on #${pull.number}, and merging it directly failed: ${mergeError.message}`);
                    return 'failed';
                }
            }
            if (/auto.?merge is not allowed|not enabled for this repository|allow_auto_merge|auto.?merge.*disabled/i.test(message)) {
                this.logger.warning(`auto-merge was not enabled on #${pull.number}: ${this.options.repository} does not allow auto-merge. ` +
                    'Turn on "Allow auto-merge" in the repository settings, or set auto-merge: off.');
                return 'not-allowed';
            }
            this.logger.warning(`auto-merge was not enabled on #${pull.number}: ${message}`);
            return 'failed';
        }
    }
}
async function backoff(attempt) {
    // Jitter keeps two racing releases from retrying in lockstep.
    await (0,retry/* sleep */.yy)((0,retry/* backoffDelay */.EY)(retry/* GIT_PUSH_RETRY */.Zm, attempt - 1));
}


/***/ })

};
