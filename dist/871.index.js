export const id = 871;
export const ids = [871];
export const modules = {

/***/ 4070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ sendRetrying)
});

;// CONCATENATED MODULE: ./src/http/retry.ts
// Retry timing shared by every request; which failures are retried is the retry table's (retry-policy.ts).
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 30_000;
// `Retry-After: 0` (or a date just past) and a jitter near zero must not become a busy loop.
const MIN_RETRY_DELAY_MS = 200;
/** Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)). */
function backoffDelayMs(attempt, random = Math.random) {
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
    return Math.floor(random() * ceiling);
}
/**
 * Reads `Retry-After` in either form: delay-seconds or an HTTP date. Returns milliseconds,
 * or undefined when the header is absent or unreadable (the caller then backs off on its own).
 */
function parseRetryAfterMs(value, now) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (trimmed === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    // Only the HTTP-date forms (all start with a day name): V8's lenient Date.parse would
    // otherwise read '-5' or 'later 3' as dates long past, and retry at once.
    if (!/^(mon|tue|wed|thu|fri|sat|sun)/i.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** The wait before the next attempt: the server's word when it gave one, else jittered backoff. */
function retryDelayMs(attempt, retryAfterMs, random = Math.random) {
    return Math.max(MIN_RETRY_DELAY_MS, retryAfterMs ?? backoffDelayMs(attempt, random));
}

// EXTERNAL MODULE: ./src/http/transport.ts + 3 modules
var transport = __webpack_require__(5246);
;// CONCATENATED MODULE: ./src/http/retry-policy.ts


const RETRY_POLICY = {
    //               not-sent    lost       rate-limited      unavailable server-error unreadable
    trigger: row('counted', 'never', 'until-deadline', 'counted', 'never', 'never'),
    get: row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
    cancel: row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
    'github-read': row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
    'github-update': row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
    'github-create': row('counted', 'never', 'counted', 'never', 'never', 'never')
};
function row(notSent, lost, rateLimited, unavailable, serverError, unreadable) {
    return {
        'not-sent': notSent,
        lost,
        'rate-limited': rateLimited,
        unavailable,
        'server-error': serverError,
        unreadable
    };
}
// Waiting out the platform's concurrency cap: a slot frees when another run ends, and whoever
// asks soonest after gets it, so the backoff stops growing at 0.5 s × 2² = 2 s.
const MAX_UNTIL_DEADLINE_BACKOFF_STEP = 2;
/** How an attempt failed, or undefined when it did not (a 2xx, or a status that is final). */
function failureOf(attempt, isRateLimited = response => response.status === 429) {
    if (!attempt.ok)
        return attempt.sent ? 'lost' : 'not-sent';
    const { response } = attempt;
    if (isRateLimited(response))
        return 'rate-limited';
    if (response.status === 503)
        return 'unavailable';
    if (response.status >= 500)
        return 'server-error';
    return undefined;
}
/** The wait before the next attempt, or undefined when the table says not to retry. */
function retryWait(kind, failure, 
/** Failures of this retry class so far, this one included. */
failuresInARow, retries, retryAfterMs, random) {
    const retry = RETRY_POLICY[kind][failure];
    if (retry === 'never')
        return undefined;
    if (retry === 'counted') {
        if (failuresInARow > retries)
            return undefined;
        return retryDelayMs(failuresInARow - 1, retryAfterMs, random);
    }
    const step = Math.min(failuresInARow - 1, MAX_UNTIL_DEADLINE_BACKOFF_STEP);
    return retryDelayMs(step, retryAfterMs, random);
}
/** A `Retry-After` of an response, in milliseconds. */
function retryAfterOf(attempt, now) {
    if (!attempt.ok)
        return undefined;
    return parseRetryAfterMs((0,transport/* headerValue */.Z)(attempt.response, 'retry-after'), now);
}

;// CONCATENATED MODULE: ./src/http/retrying.ts

/**
 * Sends a request and retries it as RETRY_POLICY says for its kind, until it succeeds, fails in
 * a way that is final, or the next wait would pass the deadline. `read` turns a 2xx into the
 * caller's value, or an Error when the body cannot be used (retried where the table allows).
 * Aborting the context's signal stops a wait at once (the sleep throws the signal's reason).
 */
async function sendRetrying(config, kind, method, url, options, read) {
    const { clock, logger } = config;
    const counts = new Map();
    for (let attempts = 1;; attempts++) {
        options.onInFlight?.(true);
        const attempt = await config.transport.send(method, url, options);
        let failure = failureOf(attempt, config.isRateLimited);
        let unreadable;
        if (attempt.ok && failure === undefined && isSuccess(attempt.response)) {
            const value = read(attempt.response);
            if (!(value instanceof Error))
                return { kind: 'read', value };
            unreadable = value;
            failure = 'unreadable';
        }
        // Nothing was started by an attempt refused outright or before it was sent.
        if (failure === 'not-sent' || failure === 'rate-limited' || failure === 'unavailable') {
            options.onInFlight?.(false);
        }
        else if (attempt.ok && attempt.response.status < 500 && failure !== 'unreadable') {
            options.onInFlight?.(false);
        }
        const outcome = (outOfTime = false) => !attempt.ok
            ? { kind: 'network', attempt, attempts, outOfTime }
            : unreadable !== undefined
                ? { kind: 'unreadable', error: unreadable, attempts, outOfTime }
                : { kind: 'response', response: attempt.response, failure, attempts, outOfTime };
        if (failure === undefined)
            return outcome();
        if (failure === 'rate-limited')
            config.onRateLimited?.(attempts);
        // Rate limits are waited out on a count of their own: they say nothing of the host's health.
        const counter = failure === 'rate-limited' ? 'rate-limited' : 'transient';
        const inARow = (counts.get(counter) ?? 0) + 1;
        counts.set(counter, inARow);
        const now = clock.now();
        const wait = retryWait(kind, failure, inARow, config.retries, retryAfterOf(attempt, now), config.random);
        if (wait === undefined)
            return outcome();
        if (now + wait >= options.deadline)
            return outcome(true);
        logger.debug(`retrying in ${wait} ms`);
        await clock.sleep(wait, options.signal);
    }
}
function isSuccess(response) {
    return response.status >= 200 && response.status < 300;
}


/***/ }),

/***/ 268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ Routes)
/* harmony export */ });
/* harmony import */ var _undici_parts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7101);

/** A proxy variable that names no proxy the action can use. */
class ProxySettingError extends Error {
    constructor(setting) {
        super(`${setting.variable} is not a proxy URL (${JSON.stringify(withoutCredentials(setting.url).slice(0, 200))}): ` +
            'write it as http://host:port, with user:password@ before the host if the proxy needs them.');
        this.name = 'ProxySettingError';
    }
}
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
/**
 * The connections of the action, for the platform and the GitHub API alike: one pool for direct
 * requests and one per proxy, chosen here for each URL, so that an error can say whether the
 * proxy or the host failed. The rules are undici's EnvHttpProxyAgent's (and curl's): https://
 * goes through HTTPS_PROXY, else HTTP_PROXY, tunnelled with CONNECT; http:// through HTTP_PROXY
 * in absolute form; NO_PROXY lists hosts (`host`, `.domain`, `*.domain`, `host:port`, or `*`)
 * reached directly. A private certificate authority is trusted through NODE_EXTRA_CA_CERTS.
 */
class Routes {
    settings;
    options = { connect: { timeout: 10_000 }, keepAliveTimeout: 10_000 };
    direct = new _undici_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6(this.options);
    proxies = new Map();
    noProxy;
    noProxyAll;
    constructor(settings = {}) {
        this.settings = settings;
        const noProxy = settings.noProxy ?? '';
        this.noProxyAll = noProxy.trim() === '*';
        this.noProxy = noProxy
            .split(/[,\s]/)
            .filter(entry => entry !== '')
            .map(entry => {
            // An IPv6 address written without brackets (`::1`) has no port.
            const bareIpv6 = !entry.startsWith('[') && (entry.match(/:/g) ?? []).length > 1;
            const parsed = bareIpv6 ? null : /^(.+):(\d+)$/.exec(entry);
            const hostname = bareIpv6 ? `[${entry}]` : (parsed?.[1] ?? entry);
            return {
                hostname: hostname.replace(/^\*?\./, '').toLowerCase(),
                port: parsed ? Number(parsed[2]) : 0
            };
        });
    }
    /**
     * The dispatcher for a URL, and the proxy it goes through, if any. A proxy's connection is
     * made when a request first needs it; a proxy variable that is not a URL fails then, naming
     * the variable (ProxySettingError), and one that no request needs never fails.
     */
    routeFor(url) {
        const setting = url.protocol === 'https:'
            ? (this.settings.httpsProxy ?? this.settings.httpProxy)
            : this.settings.httpProxy;
        if (!setting?.url || !this.proxied(url))
            return { dispatcher: this.direct, proxy: undefined };
        let route = this.proxies.get(setting);
        if (route === undefined) {
            const uri = proxyUrl(setting);
            route = {
                dispatcher: new _undici_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .ProxyAgent */ .kT({ ...this.options, uri, proxyTunnel: false }),
                proxy: { address: proxyAddress(uri), variable: setting.variable }
            };
            this.proxies.set(setting, route);
        }
        return route;
    }
    /** Ends every connection at once: called when the step has nothing more to send. */
    async close() {
        const all = [this.direct, ...[...this.proxies.values()].map(route => route.dispatcher)];
        await Promise.all(all.map(dispatcher => dispatcher.destroy()));
    }
    proxied(url) {
        if (this.noProxyAll)
            return false;
        // Brackets kept around an IPv6 address, as NO_PROXY writes it.
        const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
        const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
        return !this.noProxy.some(entry => (!entry.port || entry.port === port) &&
            (hostname === entry.hostname || hostname.endsWith(`.${entry.hostname}`)));
    }
}
/**
 * The proxy's URL, checked: http:// or https://, or (as curl reads it) `host:port` with no
 * scheme, taken as http://. Anything else is refused with the variable to fix.
 */
function proxyUrl(setting) {
    const given = setting.url.trim();
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`;
    try {
        const url = new URL(text);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
            // A password undici could not decode would fail every request, later and less clearly.
            decodeURIComponent(url.username);
            decodeURIComponent(url.password);
            return text;
        }
    }
    catch {
        // Refused below.
    }
    throw new ProxySettingError(setting);
}
function proxyAddress(uri) {
    const url = new URL(uri);
    return url.port ? `${url.hostname}:${url.port}` : url.hostname;
}
/** A URL as it may be shown in a message: any user name and password left out. */
function withoutCredentials(text) {
    return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@]*@/i, '$1***@');
}


/***/ }),

/***/ 5246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G5: () => (/* binding */ HttpTransport),
  Jh: () => (/* binding */ RedirectRefused),
  Z: () => (/* binding */ headerValue)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/util/version.ts
// Kept in step with package.json by a unit test; the bundle cannot read package.json at run time.
const ACTION_NAME = 'run-ai-planet-workflow';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

;// CONCATENATED MODULE: ./src/http/bodies.ts
// Reading response bodies: whole, as bytes, or only their start.
/** A body longer than its request allows. */
class BodyTooLarge extends Error {
    maxBytes;
    code = 'BODY_TOO_LARGE';
    constructor(maxBytes) {
        super(`the answer is longer than ${maxBytes} bytes`);
        this.maxBytes = maxBytes;
        this.name = 'BodyTooLarge';
    }
}
// A Content-Length is the server's word: it sizes the first buffer only up to this.
const MAX_FIRST_BUFFER_BYTES = 256 * 1024 * 1024;
const DEFAULT_FIRST_BUFFER_BYTES = 64 * 1024;
/**
 * A body as one buffer, filled in place (sized by the Content-Length when there is one), so a
 * large response is not held as its chunks and as their concatenation at once.
 */
async function readBytes(body, contentLength, maxBytes = Number.POSITIVE_INFINITY) {
    const declared = Number(contentLength);
    const first = Number.isSafeInteger(declared) && declared >= 0
        ? Math.min(declared, MAX_FIRST_BUFFER_BYTES, maxBytes)
        : Math.min(DEFAULT_FIRST_BUFFER_BYTES, maxBytes);
    let buffer = Buffer.allocUnsafe(first);
    let size = 0;
    for await (const chunk of body) {
        // Leaving the loop destroys the body: a host cannot make the step hold more than this.
        if (size + chunk.length > maxBytes)
            throw new BodyTooLarge(maxBytes);
        if (size + chunk.length > buffer.length) {
            const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, size + chunk.length));
            buffer.copy(grown, 0, 0, size);
            buffer = grown;
        }
        buffer.set(chunk, size);
        size += chunk.length;
    }
    return buffer.subarray(0, size);
}
async function readStart(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        chunks.push(Buffer.from(chunk));
        size += chunk.length;
        if (size >= limit)
            break; // leaving the loop destroys the body
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

// EXTERNAL MODULE: ./src/http/network-errors.ts
var network_errors = __webpack_require__(8360);
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
;// CONCATENATED MODULE: ./src/http/headers-sent.ts

/**
 * Which triggers have begun to go out: the idempotency keys whose request head undici has begun
 * to write to a socket (its `undici:client:sendHeaders` diagnostics channel says so). Until then a
 * failure cannot have reached the platform, whatever the error says, so it is never "a run may
 * have started".
 */
class HeadersSent {
    keys = new Set();
    watching = false;
    has(key) {
        this.watch();
        return this.keys.has(key);
    }
    /** Before each attempt, and after it: a key is reused by the attempts of one trigger. */
    forget(key) {
        this.watch();
        this.keys.delete(key);
    }
    watch() {
        if (this.watching)
            return;
        this.watching = true;
        (0,external_node_diagnostics_channel_.subscribe)('undici:client:sendHeaders', message => {
            const { headers } = message;
            if (typeof headers !== 'string')
                return;
            const key = /^idempotency-key: (.+)\r$/im.exec(headers)?.[1];
            if (key !== undefined)
                this.keys.add(key);
        });
    }
}
const headersSent = new HeadersSent();

// EXTERNAL MODULE: ./src/http/undici-parts.ts
var undici_parts = __webpack_require__(7101);
;// CONCATENATED MODULE: ./src/http/transport.ts






/** A redirect the transport does not follow; the caller says what it means for its host. */
class RedirectRefused extends Error {
    reason;
    method;
    url;
    status;
    target;
    constructor(reason, method, url, status, target) {
        super(`${method} ${url.pathname} was redirected (HTTP ${status}); not followed: ${reason}`);
        this.reason = reason;
        this.method = method;
        this.url = url;
        this.status = status;
        this.target = target;
        this.name = 'RedirectRefused';
    }
}
const MAX_REDIRECTS = 5;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
// Errors raised before the request left the machine: the host cannot have seen it. A TLS
// handshake fails on the certificate before a byte of the request is sent.
const NOT_SENT_ERROR_CODES = new Set([
    // The request could not even be formed (a header value, the URL).
    'UND_ERR_INVALID_ARG',
    'ERR_INVALID_URL',
    'ERR_INVALID_CHAR',
    'ERR_INVALID_ARG_VALUE',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    ...network_errors/* CONNECT_ERROR_CODES */.ZG,
    ...network_errors/* CERTIFICATE_ERROR_CODES */.KS
]);
class HttpTransport {
    routes;
    clock;
    logger;
    requestTimeoutMs;
    constructor(routes, clock, logger, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS) {
        this.routes = routes;
        this.clock = clock;
        this.logger = logger;
        this.requestTimeoutMs = requestTimeoutMs;
    }
    /** One attempt, following same-origin redirects: credentials never leave the first origin. */
    async send(method, firstUrl, options) {
        let url = firstUrl;
        const marker = options.idempotencyKey;
        const stopSignal = options.requestSignal ?? options.signal;
        for (let hop = 0;; hop++) {
            const { dispatcher, proxy } = this.routes.routeFor(url);
            const started = this.clock.now();
            const remaining = Math.max(1, options.deadline - started);
            // A streaming trigger may send its headers only with the first event.
            const timeout = options.stream ? remaining : Math.min(this.requestTimeoutMs, remaining);
            const signals = [AbortSignal.timeout(remaining), ...(stopSignal ? [stopSignal] : [])];
            if (marker !== undefined)
                headersSent.forget(marker);
            let response;
            try {
                // undici's request, as its index builds it: the dispatcher is `this`.
                const received = await undici_parts/* requestThrough */.b.call(dispatcher, {
                    origin: url.origin,
                    path: `${url.pathname}${url.search}`,
                    method,
                    headers: {
                        accept: options.stream ? 'text/event-stream' : 'application/json',
                        'user-agent': USER_AGENT,
                        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
                        ...(marker ? { 'idempotency-key': marker } : {}),
                        ...options.headers
                    },
                    body: options.body,
                    headersTimeout: timeout,
                    // A stream may be quiet between events for longer than a request may take.
                    bodyTimeout: options.stream ? 0 : timeout,
                    signal: AbortSignal.any(signals)
                });
                response = { status: received.statusCode, headers: received.headers, body: '', proxy };
                const is2xx = response.status >= 200 && response.status < 300;
                // Anything but JSON from the streaming trigger is read as a stream, whatever its label.
                if (options.stream && is2xx && !isJson(response)) {
                    this.logRequest(method, url, started, `${response.status} (stream)`);
                    return { ok: true, response: { ...response, stream: received.body } };
                }
                // A body that is read, not streamed, gets the request timeout even from the
                // streaming trigger (whose bodyTimeout is off for the stream's sake).
                const stalled = options.stream
                    ? setTimeout(() => received.body.destroy(new Error('the body stalled')), Math.min(this.requestTimeoutMs, remaining))
                    : undefined;
                try {
                    // An error page is only quoted, so only its start is read.
                    if (is2xx) {
                        response.bytes = await readBytes(received.body, headerValue(response, 'content-length'), options.maxBodyBytes);
                    }
                    else
                        response.body = await readStart(received.body, MAX_ERROR_BODY_BYTES);
                }
                catch (error) {
                    this.logRequest(method, url, started, (0,errors/* errorCode */.C)(error) ?? 'body error');
                    // The status of an error response stands (a 503 stays retryable); a 2xx may have done its work.
                    if (!is2xx)
                        return { ok: true, response };
                    return { ok: false, error, sent: true, proxy };
                }
                finally {
                    clearTimeout(stalled);
                }
            }
            catch (error) {
                stopSignal?.throwIfAborted();
                const code = (0,errors/* errorCode */.C)(error);
                this.logRequest(method, url, started, code ?? 'error');
                // A request watched on the wire knows whether its head was written; others go by the code.
                const sent = marker !== undefined ? headersSent.has(marker) : !(code && NOT_SENT_ERROR_CODES.has(code));
                return { ok: false, error, sent: sent && !refusedByProxy(error, proxy), proxy };
            }
            finally {
                if (marker !== undefined)
                    headersSent.forget(marker);
            }
            this.logRequest(method, url, started, String(response.status));
            const location = headerValue(response, 'location');
            if (response.status < 300 || response.status >= 400 || location === undefined) {
                return { ok: true, response };
            }
            url = redirectTarget(method, url, firstUrl, response.status, location, hop);
        }
    }
    logRequest(method, url, started, outcome) {
        // Method, path, outcome and time only: never a header, a query string or a body.
        this.logger.debug(`${method} ${url.pathname} -> ${outcome} (${this.clock.now() - started} ms)`);
    }
}
/** Where a redirect may lead: on the first URL's origin, and only where the method allows. */
function redirectTarget(method, url, firstUrl, status, location, hop) {
    let target;
    try {
        target = new URL(location, url);
    }
    catch {
        throw new RedirectRefused('not-a-url', method, url, status, location.slice(0, 200));
    }
    if (target.origin !== firstUrl.origin) {
        throw new RedirectRefused('other-origin', method, url, status, target.origin);
    }
    // A POST answered by anything but "repeat it there" (307, 308) has usually been carried out.
    const keepsMethod = status === 307 || status === 308;
    if ((!keepsMethod && method !== 'GET') || hop >= MAX_REDIRECTS) {
        throw new RedirectRefused('not-followed', method, url, status, target.pathname);
    }
    return target;
}
/**
 * The proxy refused the request itself (407 to an absolute-form request, or any refusal of a
 * CONNECT tunnel): it never went on to the host, whatever reached the proxy.
 */
function refusedByProxy(error, proxy) {
    return proxy !== undefined && (0,network_errors/* proxyRefusal */.vd)(error) !== undefined;
}
function headerValue(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function isJson(response) {
    return /[/+]json\b/i.test(headerValue(response, 'content-type') ?? '');
}


/***/ }),

/***/ 7101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* reexport default from dynamic */ undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1___default.a),
/* harmony export */   g6: () => (/* reexport default from dynamic */ undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2___default.a),
/* harmony export */   kT: () => (/* reexport default from dynamic */ undici_lib_dispatcher_proxy_agent_js__WEBPACK_IMPORTED_MODULE_4___default.a)
/* harmony export */ });
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4043);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var undici_lib_dispatcher_proxy_agent_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6672);
/* harmony import */ var undici_lib_dispatcher_proxy_agent_js__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_proxy_agent_js__WEBPACK_IMPORTED_MODULE_4__);





/**
 * The parts of undici the transport uses, loaded without undici's index: the index also loads
 * fetch, WebSocket, EventSource, the cache and more (and through them Node's own copy of
 * undici), which cost every run about 15 MiB of memory and a large share of its start-up.
 */
// What undici's index does as it loads: every dispatcher gets the API methods (a proxy agent
// opens its CONNECT tunnel with `client.connect`).
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_3___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__);



/***/ })

};
