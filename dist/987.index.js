export const id = 987;
export const ids = [987];
export const modules = {

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


/***/ })

};
