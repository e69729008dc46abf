export const id = 20;
export const ids = [20];
export const modules = {

/***/ 127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ httpStatusError),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   bw: () => (/* binding */ normaliseJson),
/* harmony export */   nl: () => (/* binding */ RUN_MAY_HAVE_STARTED),
/* harmony export */   x6: () => (/* binding */ networkError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4976);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(268);
/* harmony import */ var _run_object_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2536);




const EXCERPT_LENGTH = 300;
/** A short, single-line excerpt of a body, for messages about bodies we could not understand. */
function excerpt(body) {
    const text = normaliseJson(body)
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    if (text === '')
        return '(empty body)';
    return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : `${text}`;
}
/** JSON re-serialised, so that escapes (`\u002d`, `\/`) cannot hide an echoed key from redaction. */
function normaliseJson(body) {
    const json = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .tryParseJson */ .B)(body);
    return json === undefined ? body : (JSON.stringify(json.value) ?? body);
}
/** The server's own explanation, if its body has one, else an excerpt of the body. */
function serverDetail(body) {
    const json = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .tryParseJson */ .B)(body);
    return (json && (0,_run_object_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessageFrom */ .y)(json.value)) ?? excerpt(body);
}
const RUN_MAY_HAVE_STARTED = 'A run may have started: the trigger was not retried, so that it cannot start twice. ' +
    "Check the workflow's runs on the platform before re-running this job.";
function describeTarget(endpoint) {
    return endpoint.name === 'trigger'
        ? `workflow '${endpoint.workflowId}'`
        : `run '${endpoint.runId}'`;
}
/** Turns a final, non-retried HTTP answer into an error that says what to fix. */
function httpStatusError(endpoint, status, body, notes = {}) {
    const detail = serverDetail(body);
    const ambiguous = notes.ambiguous === true;
    const tail = ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : '';
    switch (status) {
        case 401:
            return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The platform rejected the API key (HTTP 401: ${detail}). ` +
                'Check that the `api-key` secret is set, complete and not revoked.', { kind: 'auth', httpStatus: status });
        case 403: {
            const permission = endpoint.name === 'trigger'
                ? 'trigger workflow executions'
                : endpoint.name === 'get'
                    ? 'read run results'
                    : 'cancel runs';
            return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The API key is not allowed to ${permission} (HTTP 403: ${detail}). ` +
                `Give the key the permission to ${permission}, or use a key that has it.`, { kind: 'permission', httpStatus: status });
        }
        case 404:
            return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(endpoint.name === 'trigger'
                ? `Workflow '${endpoint.workflowId}' was not found (HTTP 404: ${detail}). ` +
                    'Check `workflow-id`, that the workflow is deployed, that the key can access it, ' +
                    'and that `base-url` points at the platform API.'
                : `Run '${endpoint.runId}' was not found (HTTP 404: ${detail}). ` +
                    'Check `base-url` and `run-path`.', { kind: 'not-found', httpStatus: status });
        case 400:
        case 422:
            return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The platform rejected the request for ${describeTarget(endpoint)} as invalid (HTTP ${status}). ` +
                `Fix the step's \`inputs\`:\n${detail
                    .split('\n')
                    .map(line => `  - ${line}`)
                    .join('\n')}`, { kind: 'invalid-request', httpStatus: status });
        case 429:
            return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The platform kept rate-limiting requests for ${describeTarget(endpoint)} (HTTP 429: ${detail})` +
                `${notes.attempts ? ` after ${notes.attempts} attempts` : ''}. ` +
                (endpoint.name === 'trigger'
                    ? 'The trigger waited for a free slot until `timeout` was spent: run fewer workflows at once, or raise `timeout`.'
                    : 'Run fewer workflows at once, or raise `retries`.'), { kind: 'rate-limited', httpStatus: status });
        default:
            return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The platform failed on ${describeTarget(endpoint)} with HTTP ${status}: ${detail}` +
                `${notes.attempts && notes.attempts > 1 ? ` (after ${notes.attempts} attempts)` : ''}.${tail}`, {
                kind: status >= 500 ? 'platform' : 'protocol',
                httpStatus: status,
                runMayHaveStarted: ambiguous
            });
    }
}
// A TLS handshake that fails on the certificate: before a byte of the request is sent.
const CERTIFICATE_ERROR_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_UNTRUSTED',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** A request that got no HTTP answer: before it was sent (safe to retry) or after (maybe seen). */
function networkError(endpoint, origin, error, sent) {
    const code = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
    const reason = `${code ? `${code}: ` : ''}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u)(error)}`;
    if (code !== undefined && CERTIFICATE_ERROR_CODES.has(code)) {
        return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The platform's certificate for ${new URL(origin).host} is not trusted (${reason}); nothing ` +
            'was sent. If the platform uses a private certificate authority, set NODE_EXTRA_CA_CERTS ' +
            "in the job's env to the path of that authority's certificate (PEM).", { kind: 'unreachable', cause: error });
    }
    if (!sent) {
        // Nothing left this machine, so nothing can have started: never "a run may have started".
        return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`Could not reach the platform at ${origin} (${reason}); nothing was sent. ` +
            'Check `base-url` and that this runner can reach the host.', { kind: 'unreachable', cause: error });
    }
    const ambiguous = endpoint.name === 'trigger';
    return new _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .h(`The connection to ${origin} failed after the request was sent (${reason}).` +
        (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''), { kind: 'unreachable', runMayHaveStarted: ambiguous, cause: error });
}


/***/ }),

/***/ 2536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ parseRunSnapshot),
/* harmony export */   CW: () => (/* binding */ ID_FIELDS),
/* harmony export */   jO: () => (/* binding */ outputText),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   xN: () => (/* binding */ readIdentity),
/* harmony export */   y: () => (/* binding */ errorMessageFrom)
/* harmony export */ });
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4829);

// Every field is optional and loosely typed: the platform's field names are not documented
// (docs/platform-api.md), so each field is checked on its own, and anything unexpected is
// ignored, not fatal. Plain checks rather than a schema library: a stream reads one run
// object an event, and that must cost next to nothing.
// An id is at most this long: anything longer is no id, and would swell every output and card.
const MAX_ID_CHARS = 1024;
/** The fields whose integer values are ids, to be read as text when too long for a number. */
const ID_FIELDS = ['run_id', 'id', 'execution_id', 'thread_id'];
/**
 * An id: text of 1 to 1024 characters, or an integer while it is exact (12345678901234567891
 * would be read as …567000, and the action would follow, and cancel, another run; long
 * integer ids are read as text instead: large-json.ts quotes them before parsing).
 */
function identifier(value) {
    if (typeof value === 'string') {
        return value.length > 0 && value.length <= MAX_ID_CHARS ? value : undefined;
    }
    return Number.isSafeInteger(value) ? String(value) : undefined;
}
/** The fields that name a run and its status, in run objects and stream events alike. */
function readIdentity(record) {
    const identity = {};
    // `execution_id` before `id`: a stream event's `id` may name the event, not the run.
    const runId = identifier(record.run_id) ?? identifier(record.execution_id) ?? identifier(record.id);
    if (runId !== undefined)
        identity.runId = runId;
    const threadId = identifier(record.thread_id);
    if (threadId !== undefined)
        identity.threadId = threadId;
    if (typeof record.status === 'string') {
        identity.rawStatus = record.status;
        const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeStatus */ .S)(record.status);
        if (status)
            identity.status = status;
    }
    return identity;
}
/** A JSON object (not an array, not null). */
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
const RUN_FIELDS = ['run_id', 'execution_id', 'id', 'status'];
function unwrap(body) {
    // A body that names a run or a status is the run itself, whatever `data` it also carries.
    if (RUN_FIELDS.some(field => body[field] !== undefined))
        return body;
    for (const inner of [body.data, body.run])
        if (isRecord(inner))
            return inner;
    return body;
}
/** Reads a run object from a trigger or get answer, or returns undefined when it is not one. */
function parseRunSnapshot(body) {
    if (!isRecord(body))
        return undefined;
    const object = unwrap(body);
    const snapshot = { ...readIdentity(object), raw: object };
    const output = [object.output, object.outputs, object.result].find(v => v !== undefined && v !== null);
    if (output !== undefined)
        snapshot.output = outputText(output);
    const error = errorMessageFrom(object);
    if (error !== undefined)
        snapshot.error = error;
    return snapshot;
}
const TEXT_FIELDS = ['text', 'content', 'answer', 'message'];
/** The text of an output: a string as is, a known text field, a single named value, else JSON. */
function outputText(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value) && value.length === 1) {
        const [entry] = value;
        if (isRecord(entry) && typeof entry.name === 'string' && 'value' in entry) {
            return outputText(entry.value);
        }
    }
    if (isRecord(value)) {
        for (const field of TEXT_FIELDS) {
            const text = value[field];
            if (typeof text === 'string')
                return text;
        }
    }
    return JSON.stringify(value, null, 2) ?? String(value);
}
/**
 * The error message a body carries: `error` (string or `{message}`), `error_message`, `detail`
 * or `message`. A FastAPI `detail` list becomes one line per entry, naming the field.
 */
function errorMessageFrom(body) {
    if (!isRecord(body))
        return undefined;
    const error = body.error;
    if (typeof error === 'string' && error)
        return error;
    if (isRecord(error) && typeof error.message === 'string' && error.message)
        return error.message;
    if (typeof body.error_message === 'string' && body.error_message)
        return body.error_message;
    const detail = fastApiDetail(body.detail);
    if (detail !== undefined)
        return detail;
    if (typeof body.detail === 'string' && body.detail)
        return body.detail;
    if (typeof body.message === 'string' && body.message)
        return body.message;
    return undefined;
}
/** A FastAPI validation `detail`: a list of `{loc, msg}`, one line each; undefined otherwise. */
function fastApiDetail(detail) {
    if (!Array.isArray(detail) || detail.length === 0)
        return undefined;
    const lines = [];
    for (const entry of detail) {
        if (!isRecord(entry) || typeof entry.msg !== 'string')
            return undefined;
        const loc = Array.isArray(entry.loc) ? entry.loc : [];
        if (!loc.every(part => typeof part === 'string' || typeof part === 'number'))
            return undefined;
        lines.push(formatDetailEntry(loc, entry.msg));
    }
    return lines.join('\n');
}
function formatDetailEntry(loc, msg) {
    // ['body', 'inputs', 'question'] names the workflow input `question`; 'body' adds nothing.
    const path = loc.filter(part => part !== 'body');
    if (path.length === 0)
        return msg;
    if (path[0] === 'inputs' && path.length > 1)
        return `input '${path.slice(1).join('.')}': ${msg}`;
    return `${path.join('.')}: ${msg}`;
}


/***/ }),

/***/ 3020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G5: () => (/* binding */ HttpTransport),
  SM: () => (/* binding */ createDispatcher),
  Z: () => (/* binding */ headerValue)
});

// EXTERNAL MODULE: ./node_modules/undici/lib/api/index.js
var api = __webpack_require__(6615);
// EXTERNAL MODULE: ./node_modules/undici/lib/api/api-request.js
var api_request = __webpack_require__(4043);
var api_request_default = /*#__PURE__*/__webpack_require__.n(api_request);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/dispatcher.js
var dispatcher = __webpack_require__(883);
var dispatcher_default = /*#__PURE__*/__webpack_require__.n(dispatcher);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/env-http-proxy-agent.js
var env_http_proxy_agent = __webpack_require__(3137);
var env_http_proxy_agent_default = /*#__PURE__*/__webpack_require__.n(env_http_proxy_agent);
;// CONCATENATED MODULE: ./src/platform/undici-parts.ts




/**
 * The two parts of undici the platform client uses, loaded without undici's index: the index
 * also loads fetch, WebSocket, EventSource, the cache and more (and through them Node's own copy
 * of undici), which cost every run about 15 MiB of memory and a large share of its start-up.
 * The GitHub comment, which needs fetch, loads all of undici, and only then.
 */
// What undici's index does as it loads: every dispatcher gets the API methods (a proxy agent
// opens its CONNECT tunnel with `client.connect`).
Object.assign((dispatcher_default()).prototype, api);

/** undici's `request(url, options)`, as its index builds it from the same parts. */
function request(url, options) {
    const { dispatcher, ...rest } = options;
    return api_request_default().call(dispatcher, {
        ...rest,
        origin: url.origin,
        path: `${url.pathname}${url.search}`
    });
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/util/version.ts
// Kept in step with package.json by a unit test; the bundle cannot read package.json at run time.
const ACTION_NAME = 'run-ai-planet-workflow';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

// EXTERNAL MODULE: ./src/platform/api-error.ts
var api_error = __webpack_require__(268);
;// CONCATENATED MODULE: ./src/platform/bodies.ts
/** Reading answer bodies: whole, as bytes, or only their start. */
// A Content-Length is the server's word: it sizes the first buffer only up to this.
const MAX_FIRST_BUFFER_BYTES = 256 * 1024 * 1024;
const DEFAULT_FIRST_BUFFER_BYTES = 64 * 1024;
/**
 * A body as one buffer, filled in place (sized by the Content-Length when there is one), so a
 * large answer is not held as its chunks and as their concatenation at once.
 */
async function readBytes(body, contentLength) {
    const declared = Number(contentLength);
    const first = Number.isSafeInteger(declared) && declared >= 0
        ? Math.min(declared, MAX_FIRST_BUFFER_BYTES)
        : DEFAULT_FIRST_BUFFER_BYTES;
    let buffer = Buffer.allocUnsafe(first);
    let size = 0;
    for await (const chunk of body) {
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

// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
;// CONCATENATED MODULE: ./src/platform/sent-heads.ts

/**
 * Which triggers have begun to go out: the idempotency keys whose request head undici has begun
 * to write to a socket (its `undici:client:sendHeaders` diagnostics channel says so). Until then a
 * failure cannot have reached the platform, whatever the error says, so it is never "a run may
 * have started".
 */
class SentHeads {
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
const sentHeads = new SentHeads();

// EXTERNAL MODULE: ./src/platform/http-errors.ts
var http_errors = __webpack_require__(127);
;// CONCATENATED MODULE: ./src/platform/transport.ts







const MAX_REDIRECTS = 5;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
// Errors raised before the request left the machine: the platform cannot have seen it.
const NOT_SENT_ERROR_CODES = new Set([
    // The request could not even be formed (a header value, the URL).
    'UND_ERR_INVALID_ARG',
    'ERR_INVALID_URL',
    'ERR_INVALID_CHAR',
    'ERR_INVALID_ARG_VALUE',
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EADDRNOTAVAIL',
    'ETIMEDOUT',
    'ERR_SOCKET_CONNECTION_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    // TLS fails in the handshake, before a byte of the request is sent.
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER'
]);
/**
 * The one dispatcher of the action, for the platform and the GitHub API alike: connection
 * pooling, the connect timeout, and the proxy that HTTPS_PROXY, HTTP_PROXY and NO_PROXY (in
 * either case) name. A proxy tunnels https:// with CONNECT and takes http:// in absolute form.
 * A private certificate authority is trusted through NODE_EXTRA_CA_CERTS, which Node reads.
 */
function createDispatcher() {
    return new (env_http_proxy_agent_default())({
        connect: { timeout: 10_000 },
        keepAliveTimeout: 10_000,
        proxyTunnel: false
    });
}
class HttpTransport {
    apiKey;
    dispatcher;
    clock;
    logger;
    requestTimeoutMs;
    constructor(apiKey, dispatcher, clock, logger, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS) {
        this.apiKey = apiKey;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.logger = logger;
        this.requestTimeoutMs = requestTimeoutMs;
    }
    /** One attempt, following same-origin redirects; the bearer key never leaves the first origin. */
    async send(method, firstUrl, options) {
        let url = firstUrl;
        const marker = options.idempotencyKey;
        const stopSignal = options.requestSignal ?? options.signal;
        for (let hop = 0;; hop++) {
            const started = this.clock.now();
            const remaining = Math.max(1, options.deadline - started);
            // A streaming trigger may send its headers only with the first event.
            const timeout = options.stream ? remaining : Math.min(this.requestTimeoutMs, remaining);
            const signals = [AbortSignal.timeout(remaining), ...(stopSignal ? [stopSignal] : [])];
            if (marker !== undefined)
                sentHeads.forget(marker);
            let answer;
            try {
                const response = await request(url, {
                    method,
                    dispatcher: this.dispatcher,
                    headers: {
                        authorization: `Bearer ${this.apiKey}`,
                        accept: options.stream ? 'text/event-stream' : 'application/json',
                        'user-agent': USER_AGENT,
                        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
                        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {})
                    },
                    body: options.body,
                    headersTimeout: timeout,
                    // A stream may be quiet between events for longer than a request may take.
                    bodyTimeout: options.stream ? 0 : timeout,
                    signal: AbortSignal.any(signals)
                });
                answer = { status: response.statusCode, headers: response.headers, body: '' };
                const is2xx = answer.status >= 200 && answer.status < 300;
                // Anything but JSON from the streaming trigger is read as a stream, whatever its label.
                if (options.stream && is2xx && !isJson(answer)) {
                    this.logRequest(method, url, started, `${answer.status} (stream)`);
                    return { ok: true, answer: { ...answer, stream: response.body } };
                }
                // A body that is read, not streamed, gets the request timeout even from the
                // streaming trigger (whose bodyTimeout is off for the stream's sake).
                const stalled = options.stream
                    ? setTimeout(() => response.body.destroy(new Error('the body stalled')), Math.min(this.requestTimeoutMs, remaining))
                    : undefined;
                try {
                    // An error page is only quoted, so only its start is read.
                    if (is2xx)
                        answer.bytes = await readBytes(response.body, headerValue(answer, 'content-length'));
                    else
                        answer.body = await readStart(response.body, MAX_ERROR_BODY_BYTES);
                }
                catch (error) {
                    this.logRequest(method, url, started, (0,errors/* errorCode */.C)(error) ?? 'body error');
                    // The status of an error answer stands (a 503 stays retryable); a 2xx may have started a run.
                    if (!is2xx)
                        return { ok: true, answer };
                    return { ok: false, error, sent: true };
                }
                finally {
                    clearTimeout(stalled);
                }
            }
            catch (error) {
                stopSignal?.throwIfAborted();
                const code = (0,errors/* errorCode */.C)(error);
                this.logRequest(method, url, started, code ?? 'error');
                // A trigger knows whether its head was written; other requests go by the error's code.
                const sent = marker !== undefined ? sentHeads.has(marker) : !(code && NOT_SENT_ERROR_CODES.has(code));
                return { ok: false, error, sent };
            }
            finally {
                if (marker !== undefined)
                    sentHeads.forget(marker);
            }
            this.logRequest(method, url, started, String(answer.status));
            const location = headerValue(answer, 'location');
            if (answer.status < 300 || answer.status >= 400 || location === undefined) {
                return { ok: true, answer };
            }
            url = this.redirectTarget(method, url, firstUrl, answer.status, location, hop);
        }
    }
    redirectTarget(method, url, firstUrl, status, location, hop) {
        // A POST answered by anything but "repeat it there" (307, 308) has usually been carried out.
        const keepsMethod = status === 307 || status === 308;
        const ambiguous = method === 'POST' && !keepsMethod;
        const refuse = (why) => new api_error/* ApiError */.h(`The platform answered ${method} ${url.pathname} with a redirect (HTTP ${status}) ${why}` +
            (ambiguous ? `\n${http_errors/* RUN_MAY_HAVE_STARTED */.nl}` : ''), { kind: 'protocol', httpStatus: status, runMayHaveStarted: ambiguous });
        let target;
        try {
            target = new URL(location, url);
        }
        catch {
            throw refuse(`to ${JSON.stringify(location.slice(0, 200))}, which is not a URL; the action does not ` +
                'follow it. Check `base-url` and the endpoint paths.');
        }
        if (target.origin !== firstUrl.origin) {
            throw refuse(`to another origin (${target.origin}); the action does not follow it, so that the API ` +
                'key is not sent there. Set `base-url` to the API host itself.');
        }
        if ((!keepsMethod && method !== 'GET') || hop >= MAX_REDIRECTS) {
            throw refuse('that the action will not follow. Check `base-url` and the endpoint paths.');
        }
        return target;
    }
    logRequest(method, url, started, outcome) {
        // Method, path, outcome and time only: never a header, a query string or a body.
        this.logger.debug(`${method} ${url.pathname} -> ${outcome} (${this.clock.now() - started} ms)`);
    }
}
function headerValue(answer, name) {
    const value = answer.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function isJson(answer) {
    return /[/+]json\b/i.test(headerValue(answer, 'content-type') ?? '');
}


/***/ }),

/***/ 4976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ tryParseJson)
/* harmony export */ });
/**
 * Parses JSON that a server sent, which may be anything: `{ value }` when it is JSON,
 * undefined when it is not. The one guarded `JSON.parse` of the action.
 */
function tryParseJson(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch {
        return undefined;
    }
}


/***/ })

};
