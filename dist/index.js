import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2048:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ inertLine),
/* harmony export */   Wj: () => (/* binding */ coreLogger),
/* harmony export */   pF: () => (/* binding */ boundedAnnotation)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2691);
/* harmony import */ var _output_bounds_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6124);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9997);




/** An annotation (warning, error) shows this much; the whole text is in the `error` output. */
const MAX_ANNOTATION_BYTES = 4 * 1024;
/**
 * A log line that cannot act as a workflow command, whatever server text it carries. The
 * runner reads `::cmd::` at the start of a line and the older `##[cmd]` anywhere in it; a line
 * that could be either is shown inside a `::stop-commands::` block with a token nobody can guess.
 */
function inertLine(text) {
    const line = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .T)(text);
    if (!line.includes('##[') && !line.trimStart().startsWith('::'))
        return line;
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    return `::stop-commands::${token}\n${line}\n::${token}::`;
}
/**
 * An annotation's message, bounded: GitHub shows annotations in the run's page, and a 5 MB
 * error does not belong there. Annotations are `::warning::` commands whose text @actions/core
 * escapes, so they need no stop-commands.
 */
function boundedAnnotation(text, whole) {
    return (0,_output_bounds_js__WEBPACK_IMPORTED_MODULE_3__/* .boundUtf8 */ ._u)(text, MAX_ANNOTATION_BYTES, `… [cut; ${whole}]`).text;
}
/** The lower layers' logger, backed by @actions/core, with the key removed from every line. */
function coreLogger(redactor) {
    return {
        debug: message => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz(redactor.redact(message)),
        info: message => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(inertLine(redactor.redact(message))),
        warning: message => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(boundedAnnotation(redactor.redact(message), 'message cut'))
    };
}


/***/ }),

/***/ 3284:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ proxySettings),
/* harmony export */   P: () => (/* binding */ proxyPasswords)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2691);

/** The job's proxy settings, as undici and curl read them: the lower-case name first. */
function proxySettings(env) {
    const setting = (lower, upper) => {
        const variable = env[lower] !== undefined ? lower : upper;
        const url = env[variable];
        return url ? { url, variable } : undefined;
    };
    return {
        httpsProxy: setting('https_proxy', 'HTTPS_PROXY'),
        httpProxy: setting('http_proxy', 'HTTP_PROXY'),
        noProxy: env.no_proxy ?? env.NO_PROXY
    };
}
/**
 * The passwords of the proxy URLs in the environment: masked and removed like the key, since
 * an error message may quote a proxy's URL.
 */
function proxyPasswords(env) {
    const passwords = new Set();
    for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
        try {
            const password = new URL(env[name] ?? '').password;
            if (password.length >= 4)
                passwords.add(password).add(decodeURIComponent(password));
        }
        catch {
            // Not a URL: the proxy's own error will say so when it is used.
        }
    }
    for (const password of passwords)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(password);
    return [...passwords];
}


/***/ }),

/***/ 8360:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KS: () => (/* binding */ CERTIFICATE_ERROR_CODES),
/* harmony export */   UC: () => (/* binding */ proxyFailureMessage),
/* harmony export */   Y4: () => (/* binding */ isCertificateError),
/* harmony export */   ZG: () => (/* binding */ CONNECT_ERROR_CODES),
/* harmony export */   d8: () => (/* binding */ networkReason),
/* harmony export */   vd: () => (/* binding */ proxyRefusal)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(17);

// What a network failure says, for any host: the words are the caller's (`host` is "the
// platform" or "the GitHub API"), the facts are here, so that both hosts name the same cause.
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
// Failing to open a connection. Through a proxy, the connection is the proxy's: the proxy
// itself opens the one to the host.
const CONNECT_ERROR_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EADDRNOTAVAIL',
    'ETIMEDOUT',
    'ERR_SOCKET_CONNECTION_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT'
]);
/** `CODE: message` of a network error, as a message quotes it. */
function networkReason(error) {
    const code = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .C)(error);
    return `${code ? `${code}: ` : ''}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u)(error)}`;
}
function isCertificateError(error) {
    const code = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .C)(error);
    return code !== undefined && CERTIFICATE_ERROR_CODES.has(code);
}
/**
 * The message for a failure that was the proxy's (it could not be reached, it wanted
 * credentials, it would not open a tunnel), naming the proxy and the variable to fix; undefined
 * when the failure was not the proxy's. A proxy's user and password are never named.
 */
function proxyFailureMessage(error, proxy, host, origin) {
    if (proxy === undefined)
        return undefined;
    const where = `the proxy at ${proxy.address} (${proxy.variable})`;
    const refusal = proxyRefusal(error);
    if (refusal === 407) {
        return (`${capitalise(where)} asked for credentials (HTTP 407) and refused the request; nothing ` +
            `reached ${host}. Put the proxy's user and password in ${proxy.variable} ` +
            '(http://user:password@host:port).');
    }
    if (refusal !== undefined) {
        return (`${capitalise(where)} would not open a connection to ${origin} (HTTP ${refusal}); nothing ` +
            `reached ${host}. Check that the proxy lets this runner reach that host, or list the ` +
            'host in NO_PROXY.');
    }
    const code = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .C)(error);
    if (code !== undefined && CONNECT_ERROR_CODES.has(code)) {
        return (`Could not reach ${where} (${networkReason(error)}); nothing was sent to ${host}. Check ` +
            `${proxy.variable} and NO_PROXY, and that the proxy is running.`);
    }
    return undefined;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** The status with which a proxy refused a request, read from undici's error. */
function proxyRefusal(error) {
    const message = error instanceof Error ? error.message : '';
    const match = /^Proxy Authentication Required \((\d{3})\)/.exec(message) ??
        /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/.exec(message);
    return match ? Number(match[1]) : undefined;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9157);
// The entry point of the main step (runs.main). The post step has an entry of its own
// (post.ts, runs.post) that loads nothing of this one, so that it cannot start a run.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9157:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* reexport */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 9 modules
var core = __nccwpck_require__(2691);
;// CONCATENATED MODULE: ./src/output/redactor.ts
const MASK = '***';
// The longest way a character can be written in JSON or a URL: `\u00e9`.
const MAX_ESCAPE_CHARS = 6;
/**
 * Removes secrets from any text before it reaches a log line, an output, a file or the summary.
 * The runner masks registered secrets in the log only; outputs and the summary are not masked
 * by anyone else, and the platform may echo the key back in an error body or even in a run's
 * output, written as it is or with any of its characters escaped (`\/`, `\u002d`, `%2D`).
 */
class Redactor {
    secrets;
    escaped;
    longest;
    constructor(secrets) {
        const variants = new Set();
        for (const secret of secrets) {
            if (!secret)
                continue;
            variants.add(secret);
            variants.add(encodeURIComponent(secret));
            variants.add(JSON.stringify(secret).slice(1, -1));
        }
        // Longest first, so that a variant containing another is replaced whole.
        this.secrets = [...variants].sort((a, b) => b.length - a.length);
        const given = secrets.filter(secret => secret !== '');
        this.escaped =
            given.length === 0 ? undefined : new RegExp(given.map(spelledAnyWay).join('|'), 'g');
        this.longest = Math.max(0, ...given.map(secret => secret.length * MAX_ESCAPE_CHARS));
    }
    redact(text) {
        let result = text;
        for (const secret of this.secrets) {
            if (result.includes(secret))
                result = result.split(secret).join(MASK);
        }
        // Escaped spellings need a backslash or a percent sign: most text is spared the search.
        if (this.escaped && (result.includes('\\') || result.includes('%'))) {
            result = result.replace(this.escaped, MASK);
        }
        return result;
    }
    /**
     * A JSON value with every secret removed from its strings and keys (so that it stays valid
     * JSON, which redacting its text would not promise); a number that spells one becomes `***`.
     */
    redactValue(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (typeof value === 'number' || typeof value === 'bigint') {
            const text = String(value);
            return this.redact(text) === text ? value : MASK;
        }
        if (Array.isArray(value))
            return value.map(item => this.redactValue(item));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactValue(item)]));
        }
        return value;
    }
    /** The longest a secret can be written: a streaming writer holds back this many characters minus one. */
    get longestSecretLength() {
        return this.longest;
    }
}
/** A pattern for a secret with any of its characters written plainly or escaped. */
function spelledAnyWay(secret) {
    return [...secret]
        .map(char => {
        const code = char.codePointAt(0) ?? 0;
        const forms = [escapeForRegExp(char)];
        if (code <= 0xffff)
            forms.push(`\\\\u${anyCase(code.toString(16).padStart(4, '0'))}`);
        if (code < 0x80)
            forms.push(`%${anyCase(code.toString(16).padStart(2, '0'))}`);
        if (char === '/')
            forms.push('\\\\/');
        return `(?:${forms.join('|')})`;
    })
        .join('');
}
/** Hex digits in either case: `2d` as `2[dD]`. */
function anyCase(hex) {
    return hex.replace(/[a-f]/g, letter => `[${letter}${letter.toUpperCase()}]`);
}
function escapeForRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

// EXTERNAL MODULE: ./src/run/state.ts
var run_state = __nccwpck_require__(4352);
// EXTERNAL MODULE: ./src/util/clock.ts
var clock = __nccwpck_require__(7110);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __nccwpck_require__(17);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/platform/endpoints.ts
var endpoints = __nccwpck_require__(3117);
// EXTERNAL MODULE: ./src/run/timing.ts
var timing = __nccwpck_require__(9959);
;// CONCATENATED MODULE: ./src/action/inputs/base-url.ts
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
function isLoopback(hostname) {
    return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}
/** A URL as it may be shown in a message: any user name and password left out. */
function withoutCredentials(text) {
    return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}
/**
 * Checks `base-url`: absolute, https (or http to loopback, or allowed), no credentials, no
 * query or fragment (not even an empty `?` or `#`, which would swallow the endpoint path).
 * No message repeats the URL with a password in it.
 */
function checkBaseUrl(text, allowHttp, problems) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        problems.push(`\`base-url\` must be an absolute URL such as https://api.example.com (got ${JSON.stringify(withoutCredentials(text))})`);
        return undefined;
    }
    const before = problems.length;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        problems.push(`\`base-url\` must use https:// (got '${url.protocol}')`);
    }
    else if (url.protocol === 'http:' && !allowHttp && !isLoopback(url.hostname)) {
        problems.push(`\`base-url\` uses http:// to a host that is not loopback (${url.hostname}); the API key would travel unencrypted. Use https://, or set \`allow-http: true\``);
    }
    if (url.username || url.password) {
        problems.push('`base-url` must not carry a user name or password; the key goes in `api-key`');
    }
    if (/[?#]/.test(text)) {
        problems.push('`base-url` must not have a query string or fragment (no ? or #)');
    }
    return problems.length === before ? url : undefined;
}
/**
 * Checks `run-url-template`, the address of a run's page in the platform's UI: like `base-url`,
 * an absolute URL, https unless `allow-http` (or loopback), no user name or password; and it
 * must hold `{run_id}`, where the run's id goes as one encoded segment. Checked the way a
 * browser reads it: filled with two different ids, both must parse to the same origin, so that
 * no id can choose the host (`https:////{run_id}/` is a host, however it is written).
 */
function checkRunUrlTemplate(text, allowHttp, problems) {
    if (!text.includes('{run_id}')) {
        problems.push('`run-url-template` must hold `{run_id}`, where the run id goes, e.g. https://app.example.com/runs/{run_id}');
        return undefined;
    }
    let first;
    let second;
    try {
        first = new URL(runUrl(text, 'zq7sentinel0'));
        second = new URL(runUrl(text, 'zq7sentinel1'));
    }
    catch {
        problems.push(`\`run-url-template\` must be an absolute URL such as https://app.example.com/runs/{run_id} (got ${JSON.stringify(withoutCredentials(text))})`);
        return undefined;
    }
    const before = problems.length;
    if (first.protocol !== 'https:' && first.protocol !== 'http:') {
        problems.push(`\`run-url-template\` must use https:// (got '${first.protocol}')`);
    }
    else if (first.protocol === 'http:' && !allowHttp && !isLoopback(first.hostname)) {
        problems.push(`\`run-url-template\` uses http:// to a host that is not loopback (${first.hostname}); use https://, or set \`allow-http: true\``);
    }
    if (first.username || first.password) {
        problems.push('`run-url-template` must not carry a user name or password');
    }
    if (first.origin !== second.origin || first.host.includes('zq7sentinel')) {
        problems.push('`run-url-template` must put `{run_id}` after the host, in the path or query');
    }
    return problems.length === before ? text : undefined;
}
/**
 * The run's page: the template with the id as one path segment (`.` and `..` encoded too), as
 * a URL parser writes it, so that what the card links to is what a browser opens.
 */
function runUrl(template, runId) {
    const segment = encodeURIComponent(runId).replace(/^\.{1,2}$/, dots => '%2E'.repeat(dots.length));
    const filled = template.replaceAll('{run_id}', segment);
    try {
        return new URL(filled).href;
    }
    catch {
        return filled;
    }
}

// EXTERNAL MODULE: ./src/util/duration.ts
var util_duration = __nccwpck_require__(6518);
;// CONCATENATED MODULE: ./src/action/inputs/input-checks.ts


const ok = (value) => ({ value });
const bad = (problem) => ({ problem });
const NOT_ONE_WORD = 'must be one word with no spaces or control characters';
const ONE_WORD = /^[^\s\p{Cc}]+$/u;
/** A value the step must give: `what` says what it is, for the user who left it out. */
function required(what, check) {
    return raw => (raw === undefined || raw.trim() === '' ? bad(`is required: ${what}`) : check(raw));
}
/** An input that may be left empty, then `fallback` (a default action.yml also declares). */
function optional(check, fallback) {
    return raw => (raw === undefined || raw.trim() === '' ? ok(fallback) : check(raw));
}
const word = raw => {
    const text = (raw ?? '').trim();
    return ONE_WORD.test(text) ? ok(text) : bad(NOT_ONE_WORD);
};
const apiKey = raw => {
    const checked = word(raw);
    if ('problem' in checked)
        return checked;
    // Every occurrence of the key is masked in outputs: a very short "key" would mangle them.
    if (checked.value.length < 8) {
        return bad('is too short for an API key (at least 8 characters): check the secret');
    }
    // It travels in an HTTP header, which takes visible ASCII only.
    if (!/^[\x21-\x7e]+$/.test(checked.value)) {
        return bad('must be visible ASCII characters only, as an HTTP header requires: check the secret');
    }
    return checked;
};
// YAML 1.2's spellings, as @actions/core's getBooleanInput reads them.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const input_checks_boolean = raw => {
    const text = (raw ?? '').trim();
    if (TRUE.has(text))
        return ok(true);
    if (FALSE.has(text))
        return ok(false);
    return bad('must be true or false');
};
/** Seconds, or a duration such as 90s, 15m, 1h30m; in milliseconds. */
function seconds(min, max, example) {
    return raw => {
        const value = (0,util_duration/* parseDurationSeconds */.l)(raw ?? '');
        if (value === undefined) {
            return bad(`must be a number of seconds or a duration such as ${example}`);
        }
        if (value < min)
            return bad(`must be at least ${min} seconds (a number of seconds, or e.g. ${example})`);
        if (value > max)
            return bad(`must be at most ${max} seconds`);
        return ok(value * 1000);
    };
}
function wholeNumber(min, max) {
    return raw => {
        const text = (raw ?? '').trim();
        const value = Number(text);
        return /^\d+$/.test(text) && value >= min && value <= max
            ? ok(value)
            : bad(`must be a whole number from ${min} to ${max}`);
    };
}
function oneOf(...choices) {
    return raw => {
        const text = (raw ?? '').trim();
        return choices.includes(text) ? ok(text) : bad(`must be one of ${choices.join(', ')}`);
    };
}
const filePath = raw => {
    const text = (raw ?? '').trim();
    return /^[^\p{Cc}]*$/u.test(text)
        ? ok(text)
        : bad('must be a file path with no control characters');
};
const anyText = raw => ok(raw ?? '');
/** A path of an endpoint, appended to base-url; `needsRunId` for the run's own endpoints. */
function endpointPath(needsRunId) {
    return raw => {
        const text = (raw ?? '').trim();
        if (!/^\/[^\s?#\\\p{Cc}]*$/u.test(text) || /%5c/i.test(text)) {
            return bad('must be a path starting with / (no spaces, backslash, query or fragment)');
        }
        if (text.split('/').some(segment => /^(\.|%2e){1,2}$/i.test(segment))) {
            return bad('must not have a . or .. segment (it would move the path)');
        }
        if (needsRunId && !text.includes('{run_id}'))
            return bad('must contain {run_id}');
        return ok(text);
    };
}
/** A run's id, as it may go into a request path. */
const runId = raw => {
    const checked = word(raw);
    if ('problem' in checked)
        return checked;
    return (0,endpoints/* isSafeRunId */.cj)(checked.value)
        ? checked
        : bad('must be a run id: not `.` or `..`, at most 256 characters');
};

;// CONCATENATED MODULE: ./src/action/inputs/inputs.ts






const MAX_TIMEOUT_SECONDS = 6 * 24 * 3600;
const MIN_POLL_SECONDS = timing/* MIN_POLL_DELAY_MS */.e / 1000;
// It goes into a hidden HTML comment: `--` or `>` there would end the comment early.
const commentKey = raw => {
    const text = (raw ?? '').trim();
    return /^[A-Za-z0-9_./]+(-[A-Za-z0-9_./]+)*$/.test(text) && text.length <= 100
        ? { value: text }
        : { problem: 'must be at most 100 letters, digits and . _ / - (no spaces, no "--")' };
};
// A name of one of the run's outputs: any text on one line, as the workflow's nodes name them.
const outputName = raw => {
    const text = (raw ?? '').trim();
    return text.length <= 200 && !/\p{Cc}/u.test(text)
        ? { value: text }
        : { problem: 'must be at most 200 characters, with no line break or control character' };
};
/**
 * Every input that action.yml declares, with its check and its default (a unit test keeps
 * this table, action.yml and README.md equal, in both directions).
 */
const CHECKS = {
    'api-key': required('the platform API key, from a secret', apiKey),
    'base-url': required("the platform's API host, e.g. https://api.example.com", anyText),
    'workflow-id': optional(word, undefined),
    'run-id': optional(runId, undefined),
    inputs: optional(anyText, ''),
    'thread-id': optional(word, undefined),
    wait: optional(input_checks_boolean, true),
    timeout: optional(seconds(1, MAX_TIMEOUT_SECONDS, '600, 90s, 15m or 1h'), 600_000),
    'poll-interval': optional(seconds(MIN_POLL_SECONDS, 3600, '1 or 0.5'), 1_000),
    'max-poll-interval': optional(seconds(MIN_POLL_SECONDS, 3600, '5 or 1m'), 4_800),
    retries: optional(wholeNumber(0, 20), 5),
    'fail-on-error': optional(input_checks_boolean, true),
    'output-file': optional(filePath, undefined),
    'output-format': optional(oneOf('markdown', 'text'), 'markdown'),
    'output-name': optional(outputName, undefined),
    'output-schema': optional(anyText, undefined),
    'run-url-template': optional(anyText, undefined),
    summary: optional(input_checks_boolean, true),
    comment: optional(input_checks_boolean, false),
    'github-token': optional(anyText, undefined),
    'comment-on': optional(wholeNumber(1, Number.MAX_SAFE_INTEGER), undefined),
    'comment-mode': optional(oneOf('update', 'create'), 'update'),
    'comment-key': optional(commentKey, ''),
    'allow-mentions': optional(input_checks_boolean, false),
    findings: optional(oneOf('off', 'annotations', 'review', 'both'), 'off'),
    'fail-on-findings': optional(oneOf('never', 'error', 'warning', 'notice'), 'never'),
    'allow-http': optional(input_checks_boolean, false),
    'trigger-path': optional(endpointPath(false), endpoints/* DEFAULT_PATHS */.nd.trigger),
    'run-path': optional(endpointPath(true), endpoints/* DEFAULT_PATHS */.nd.run),
    'cancel-path': optional(endpointPath(true), endpoints/* DEFAULT_PATHS */.nd.cancel),
    stream: optional(input_checks_boolean, false),
    'stream-path': optional(endpointPath(false), endpoints/* DEFAULT_PATHS */.nd.stream),
    'cancel-on-exit': optional(input_checks_boolean, true)
};
const INPUT_NAMES = Object.keys(CHECKS);
/** Every problem with the step's inputs, reported together before any request is sent. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(`Invalid inputs (${problems.length}); no request was sent:\n${problems.map(p => `  - ${p}`).join('\n')}`);
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** Reads every input through @actions/core; the only caller of `core.getInput`. */
async function readInputs() {
    const raw = Object.fromEntries(INPUT_NAMES.map(name => [name, core/* getInput */.V4(name) || undefined]));
    // Masked before anything else can print them, valid or not.
    for (const secret of [raw['api-key'], raw['github-token']])
        if (secret)
            core/* setSecret */.Pq(secret);
    return parseInputs(raw, process.env.GITHUB_WORKSPACE || process.cwd());
}
/** Validates raw inputs; throws one InputError listing every problem, each naming its input. */
async function parseInputs(raw, workspace) {
    const problems = [];
    const values = {};
    for (const name of INPUT_NAMES) {
        const checked = CHECKS[name](raw[name]);
        if ('problem' in checked)
            problems.push(`\`${name}\` ${checked.problem}${shownValue(name, raw)}`);
        else
            values[name] = checked.value;
    }
    // Checks across inputs read each input on its own, so that they are reported alongside
    // problems elsewhere rather than after those are fixed.
    const data = values;
    problems.push(...conflicts(raw, data));
    // The YAML reader and MIME types are loaded only for a step that gives workflow inputs.
    let workflowInputs = [];
    if ((raw.inputs ?? '').trim() !== '') {
        const { readWorkflowInputs } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(816), __nccwpck_require__.e(147)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1147));
        const read = await readWorkflowInputs(raw.inputs ?? '', workspace);
        problems.push(...read.problems.map(p => `\`inputs\` ${p}`));
        workflowInputs = read.inputs;
    }
    const baseUrl = raw['base-url']
        ? checkBaseUrl(raw['base-url'].trim(), data['allow-http'] ?? false, problems)
        : undefined;
    const runUrlTemplate = data['run-url-template']
        ? checkRunUrlTemplate(data['run-url-template'].trim(), data['allow-http'] ?? false, problems)
        : undefined;
    // ajv is loaded only for a step that gives a schema.
    let outputSchema;
    if (data['output-schema']) {
        const { readOutputSchema } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(53)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6053));
        const read = await readOutputSchema(data['output-schema'], workspace);
        if ('problem' in read)
            problems.push(`\`output-schema\` ${read.problem}`);
        else
            outputSchema = read.schema;
    }
    if (problems.length > 0 || baseUrl === undefined)
        throw new InputError(problems);
    const followed = data['run-id'];
    const workflowId = data['workflow-id'];
    const start = followed !== undefined
        ? { kind: 'follow', runId: followed }
        : workflowId !== undefined
            ? {
                kind: 'trigger',
                request: { workflowId, inputs: workflowInputs, threadId: data['thread-id'] }
            }
            : undefined;
    // conflicts() has reported a step with neither: this is for the compiler.
    if (start === undefined)
        throw new InputError(['`workflow-id` is required']);
    return {
        apiKey: data['api-key'],
        secrets: [data['api-key'], ...(data['github-token'] ? [data['github-token']] : [])],
        baseUrl,
        workflowId,
        start,
        wait: data.wait,
        timeoutMs: data.timeout,
        pollIntervalMs: data['poll-interval'],
        maxPollIntervalMs: data['max-poll-interval'],
        retries: data.retries,
        failOnError: data['fail-on-error'],
        outputFile: data['output-file'] ? external_node_path_default().resolve(workspace, data['output-file']) : undefined,
        outputFormat: data['output-format'],
        outputName: data['output-name'],
        outputSchema,
        runUrlTemplate,
        summary: data.summary,
        comment: data.comment
            ? {
                token: data['github-token'] ?? '',
                on: data['comment-on'],
                mode: data['comment-mode'],
                key: data['comment-key']
            }
            : undefined,
        allowMentions: data['allow-mentions'],
        findings: {
            annotations: data.findings === 'annotations' || data.findings === 'both',
            review: data.findings === 'review' || data.findings === 'both'
                ? { token: data['github-token'] ?? '', on: data['comment-on'] }
                : undefined,
            failOn: data['fail-on-findings']
        },
        stream: data.stream,
        cancelOnExit: data['cancel-on-exit'],
        paths: {
            trigger: data['trigger-path'],
            run: data['run-path'],
            cancel: data['cancel-path'],
            stream: data['stream-path']
        }
    };
}
/** Inputs that cannot go together, each problem naming both; checked on the raw text too. */
function conflicts(raw, data) {
    const given = (name) => (raw[name] ?? '').trim() !== '';
    const problems = [];
    if (!given('run-id') && !given('workflow-id')) {
        problems.push("`workflow-id` is required: the deployed workflow's id (or give `run-id`)");
    }
    if (given('run-id')) {
        // A run that exists already has its inputs and its thread, and following it is waiting.
        for (const other of ['inputs', 'thread-id']) {
            if (given(other)) {
                problems.push(`\`run-id\` and \`${other}\` cannot be used together: the run exists already`);
            }
        }
        if (data.wait === false) {
            problems.push('`run-id` and `wait: false` cannot be used together: following a run is waiting');
        }
    }
    const [interval, ceiling] = [data['poll-interval'], data['max-poll-interval']];
    if (interval !== undefined && ceiling !== undefined && interval > ceiling) {
        problems.push('`poll-interval` must not be larger than `max-poll-interval`');
    }
    if (data.comment === true && !given('github-token')) {
        problems.push('`github-token` is required with `comment: true` (the default is `${{ github.token }}`)');
    }
    if ((data.findings === 'review' || data.findings === 'both') && !given('github-token')) {
        problems.push(`\`github-token\` is required with \`findings: ${data.findings}\` (the default is \`\${{ github.token }}\`)`);
    }
    return problems;
}
function shownValue(name, raw) {
    // Secrets are never echoed, `inputs` problems already say where they are, and base-url
    // problems say what they need without repeating a URL that may hold a password.
    if (['api-key', 'github-token', 'inputs', 'base-url', 'run-url-template', 'output-schema'].includes(name))
        return '';
    const value = raw[name];
    if (value === undefined)
        return '';
    // JSON, so that a control character or a line break shows as an escape.
    return ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`;
}

// EXTERNAL MODULE: ./src/output/bounds.ts
var bounds = __nccwpck_require__(6124);
;// CONCATENATED MODULE: ./src/output/json-bounds.ts
/** Strings longer than this are left out of a JSON value that must be made smaller. */
const LONG_STRING_CHARS = 1024;
/**
 * A JSON value as text of at most `maxBytes`, always valid JSON (`fromJSON` must never fail on
 * it). A value that fits is given whole. One that does not keeps its shape with its long
 * strings (the output, usually) replaced by a note; if even that is too big, only the fields
 * that identify the run remain. A large value is never serialised whole to find out.
 */
function boundJson(value, maxBytes, note, 
/** The fields kept when even the shape does not fit (the ones that say what the value is). */
identifyingFields = []) {
    if (roughSize(value, maxBytes) <= maxBytes) {
        const json = JSON.stringify(value) ?? 'null';
        if (Buffer.byteLength(json) <= maxBytes)
            return { json, reduced: false };
    }
    const shrunk = JSON.stringify(withoutLongStrings(value, note)) ?? 'null';
    if (Buffer.byteLength(shrunk) <= maxBytes)
        return { json: shrunk, reduced: true };
    return { json: JSON.stringify(onlyFields(value, identifyingFields, note)), reduced: true };
}
/** A lower bound on the size of the JSON, given up on once it passes `limit`. */
function roughSize(value, limit) {
    let size = 0;
    const stack = [value];
    while (stack.length > 0 && size <= limit) {
        const next = stack.pop();
        if (typeof next === 'string')
            size += next.length + 2;
        else if (Array.isArray(next))
            stack.push(...next);
        else if (next !== null && typeof next === 'object') {
            for (const [key, inner] of Object.entries(next)) {
                size += key.length + 3;
                stack.push(inner);
            }
        }
        else
            size += 5;
    }
    return size;
}
function withoutLongStrings(value, note) {
    if (typeof value === 'string')
        return value.length > LONG_STRING_CHARS ? note(value.length) : value;
    if (Array.isArray(value))
        return value.map(inner => withoutLongStrings(inner, note));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutLongStrings(inner, note)]));
    }
    return value;
}
/** An object of `fields` alone (short strings and numbers), marked as truncated. */
function onlyFields(value, fields, note) {
    const kept = { truncated: true };
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return kept;
    for (const field of fields) {
        const inner = value[field];
        if (typeof inner === 'string' || typeof inner === 'number') {
            kept[field] =
                typeof inner === 'string' && inner.length > LONG_STRING_CHARS ? note(inner.length) : inner;
        }
    }
    return kept;
}

// EXTERNAL MODULE: ./src/platform/errors.ts
var platform_errors = __nccwpck_require__(6316);
// EXTERNAL MODULE: ./src/platform/run-object.ts
var run_object = __nccwpck_require__(2536);
// EXTERNAL MODULE: ./src/action/core-logger.ts
var core_logger = __nccwpck_require__(2048);
;// CONCATENATED MODULE: ./src/action/outcome.ts
const UNSUCCESSFUL = new Set(['failed', 'cancelled', 'timed_out']);
/**
 * Decides how the step ends. The action's own failure always fails it; a run that failed, was
 * cancelled or timed out fails it unless `fail-on-error` is false; anything else is a notice.
 */
function decideOutcome(facts) {
    if (facts.failure !== undefined)
        return { level: 'failure', message: facts.failure };
    if (!UNSUCCESSFUL.has(facts.status)) {
        if (facts.schema !== undefined) {
            return facts.failOnError
                ? { level: 'failure', message: facts.schema }
                : {
                    level: 'warning',
                    message: `${facts.schema}\n(fail-on-error is false: the step stays green)`
                };
        }
        if (facts.findings !== undefined)
            return { level: 'failure', message: facts.findings };
        const finishedIn = facts.finished && facts.duration ? ` after ${facts.duration} s` : '';
        return {
            level: 'info',
            message: `Run ${facts.runId} is ${facts.status ?? 'in an unknown state'}${finishedIn}.`
        };
    }
    const verb = facts.status === 'timed_out' ? 'timed out' : facts.status;
    const message = `Run ${facts.runId} ${verb}: ${facts.error}`;
    if (!facts.failOnError) {
        return {
            level: 'warning',
            message: `${message} (fail-on-error is false: the step stays green)`
        };
    }
    return { level: 'failure', message };
}

;// CONCATENATED MODULE: ./src/action/publish/publish.ts










/** Every output that action.yml declares, in the order they are set: the run's identity first. */
const OUTPUT_NAMES = [
    'run-id',
    'thread-id',
    'status',
    'error',
    'duration',
    'output',
    'output-file',
    'result',
    'outputs',
    'json',
    'usage',
    'run-url',
    'findings',
    'findings-count',
    'comment-url'
];
/**
 * Publishes what the run produced: outputs, the job summary, and how the step ends. Reads the
 * report, changes nothing in it; every server-given string is redacted on the way out.
 */
async function publish(report, options, redactor, now, signal) {
    const r = (text) => text === undefined ? undefined : redactor.redact(text);
    const { state, output, failure } = report;
    const runId = r(state.runId);
    const failureMessage = failure === undefined ? undefined : r((0,errors/* getErrorMessage */.u)(failure));
    // Checked only for a run that completed: a failed run's output is not its answer.
    // The schema's code is loaded only by a step that gives one (inputs.ts compiled it).
    const schemaCode = options?.outputSchema && output && state.status === 'completed' && failure === undefined
        ? await __nccwpck_require__.e(/* import() */ 27).then(__nccwpck_require__.bind(__nccwpck_require__, 6027))
        : undefined;
    const schemaCheck = schemaCode && options?.outputSchema && output
        ? options.outputSchema.check(await wholeOutput(output, schemaCode.MAX_CHECKED_BYTES), output.totalBytes)
        : undefined;
    const schemaProblem = schemaCode && schemaCheck && !schemaCheck.ok
        ? schemaCode.schemaMismatchMessage(schemaCheck, text => redactor.redact(text))
        : undefined;
    const error = failureMessage ?? r(state.error) ?? schemaProblem;
    const link = options?.runUrlTemplate && runId !== undefined
        ? r(runUrl(options.runUrlTemplate, runId))
        : undefined;
    const duration = state.startedAt === undefined || runId === undefined
        ? undefined
        : (0,util_duration/* formatSeconds */.X)((state.finishedAt ?? now) - state.startedAt);
    // Read once, redacted, for the annotations, the card, the outputs and the gate alike; the
    // code is loaded only by a step that asks for findings.
    const asked = options !== undefined &&
        output !== undefined &&
        (options.findings.annotations ||
            options.findings.review !== undefined ||
            options.findings.failOn !== 'never');
    const findingsCode = asked ? await loadFindingsCode() : undefined;
    const findings = findingsCode && output
        ? redactedFindings(findingsCode.readFindings(output.head), redactor)
        : undefined;
    const outputs = {
        'run-id': runId,
        'thread-id': r(state.threadId),
        status: state.status,
        error: error === undefined ? undefined : bounded(error, 'error'),
        duration,
        output: output && outputText(output),
        'output-file': output?.file,
        result: state.result === undefined
            ? undefined
            : resultJson(state.result, state.resultReduced === true, redactor),
        outputs: state.namedOutputs === undefined
            ? undefined
            : namedOutputsJson(state.namedOutputs, options?.outputName, redactor),
        json: schemaCheck?.ok ? compactJson(schemaCheck, redactor) : undefined,
        usage: state.usage && JSON.stringify(usageJson(state.usage)),
        'run-url': link,
        findings: findings &&
            boundJson(findings.findings, bounds/* MAX_OUTPUT_BYTES */.$q, chars => `[left out: ${chars} characters]`)
                .json,
        'findings-count': findings && String(findings.findings.length),
        // Set once the comment is posted, after every other output.
        'comment-url': undefined
    };
    // Every output passes the redactor here, whatever was redacted before: there is no exception.
    const setOutput = (name, value) => core/* setOutput */.uH(name, redactor.redact(value));
    for (const name of OUTPUT_NAMES) {
        const value = outputs[name];
        if (value !== undefined)
            setOutput(name, value);
    }
    if (output?.fileError !== undefined) {
        core/* warning */.$e(r(`Could not write the output file (${output.fileError}); \`output-file\` is not set.`));
    }
    if (findings && options?.findings.annotations)
        findingsCode?.annotateFindings(findings, redactor);
    if (options && (runId !== undefined || failure instanceof platform_errors/* ApiError */.hD)) {
        // The card's renderer is loaded only by a step that has a run (or an API error) to show.
        const { publishCard } = await __nccwpck_require__.e(/* import() */ 192).then(__nccwpck_require__.bind(__nccwpck_require__, 5192));
        const commentUrl = await publishCard({
            workflowId: state.workflowId,
            runId,
            threadId: outputs['thread-id'],
            status: state.status,
            error,
            output: output && {
                head: output.head,
                totalBytes: output.totalBytes,
                file: output.file
            },
            duration,
            usage: state.usage,
            runUrl: link,
            findings: findings?.findings
        }, { ...options, startedAt: state.startedAt ?? now, signal }, redactor);
        if (commentUrl !== undefined)
            setOutput('comment-url', commentUrl);
    }
    if (findings && options?.findings.review && runId !== undefined) {
        await reviewFindings(findings.findings, options.findings.review, {
            workflowId: state.workflowId,
            allowMentions: options.allowMentions,
            redactor,
            signal
        });
    }
    const outcome = decideOutcome({
        status: state.status,
        finished: state.finished,
        runId,
        error,
        failure: failureMessage,
        duration,
        failOnError: options?.failOnError ?? true,
        schema: schemaProblem,
        findings: findings &&
            options &&
            findingsCode?.findingsGate(findings.findings, options.findings.failOn, findingsCode.findingsAtOrAbove(findings.findings, options.findings.failOn))
    });
    const annotation = (0,core_logger/* boundedAnnotation */.pF)(outcome.message, 'the whole error is in the `error` output');
    if (outcome.level === 'failure')
        core/* setFailed */.C1(annotation);
    else if (outcome.level === 'warning')
        core/* warning */.$e(annotation);
    else
        core/* info */.pq((0,core_logger/* inertLine */.Fq)(outcome.message));
}
/** Posts the findings as a review; every problem is a warning, the outcome is decided apart. */
async function reviewFindings(findings, settings, how) {
    const logger = (0,core_logger/* coreLogger */.Wj)(how.redactor);
    const redact = (text) => how.redactor.redact(text);
    try {
        // Octokit and the review's code are loaded only by a step that posts a review.
        const { postFindingsReview } = await Promise.all(/* import() */[__nccwpck_require__.e(410), __nccwpck_require__.e(413), __nccwpck_require__.e(871), __nccwpck_require__.e(712)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3712));
        const { withoutMentionsInMarkdown } = await __nccwpck_require__.e(/* import() */ 747).then(__nccwpck_require__.bind(__nccwpck_require__, 1747));
        const result = await postFindingsReview(settings, findings, { workflowId: how.workflowId }, {
            signal: how.signal,
            logger,
            clean: {
                text: text => how.allowMentions ? redact(text) : withoutMentionsInMarkdown(redact(text)),
                code: redact
            }
        });
        if ('warning' in result)
            logger.warning(result.warning);
        else if ('notice' in result)
            logger.info(result.notice);
        else {
            logger.info(`Posted the findings as a review: ${result.lineComments} line comment(s), ` +
                `${result.listed} in its body: ${result.url}`);
        }
    }
    catch (error) {
        core/* warning */.$e(redact(`Could not post the review: ${(0,errors/* getErrorMessage */.u)(error)}`));
    }
}
async function loadFindingsCode() {
    // One after the other: jest's ESM loader trips on modules loaded at once that share others.
    const { readFindings } = await __nccwpck_require__.e(/* import() */ 636).then(__nccwpck_require__.bind(__nccwpck_require__, 4636));
    const { findingsAtOrAbove } = await __nccwpck_require__.e(/* import() */ 835).then(__nccwpck_require__.bind(__nccwpck_require__, 5835));
    const { annotateFindings, findingsGate } = await __nccwpck_require__.e(/* import() */ 214).then(__nccwpck_require__.bind(__nccwpck_require__, 5214));
    return { readFindings, findingsAtOrAbove, annotateFindings, findingsGate };
}
/** Findings with every secret removed from their text (a path, a message, a suggestion). */
function redactedFindings(read, redactor) {
    return { ...read, findings: redactor.redactValue(read.findings) };
}
/**
 * The output as the schema reads it: the head, or the whole file when the head is cut and the
 * whole is small enough to be checked (a larger one fails the check without being read).
 */
async function wholeOutput(output, maxBytes) {
    const whole = output.totalBytes <= Buffer.byteLength(output.head);
    if (whole || output.file === undefined || output.totalBytes > maxBytes) {
        return output.head;
    }
    const { readFile } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
    return readFile(output.file, 'utf8').catch(() => output.head);
}
/**
 * The `json` output: the matched JSON as the run wrote it, whitespace taken out (numbers keep
 * their digits), or, when a secret is in it, re-written from the redacted value. Not set (with a
 * warning) when it is larger than an output.
 */
function compactJson(check, redactor) {
    const redacted = redactor.redactValue(check.json);
    const json = JSON.stringify(redacted) === JSON.stringify(check.json)
        ? redactor.redact(check.text)
        : JSON.stringify(redacted);
    if (Buffer.byteLength(json) <= bounds/* MAX_OUTPUT_BYTES */.$q)
        return json;
    core/* warning */.$e(`The output matches \`output-schema\`, but as compact JSON it is larger than ${bounds/* MAX_OUTPUT_BYTES */.$q} bytes, so \`json\` is not set; read \`output-file\`.`);
    return undefined;
}
/**
 * The `outputs` output, bounded: a value too long for it is noted, and says where it is kept
 * (the output file holds every value only when no `output-name` chose one); a warning says so.
 */
function namedOutputsJson(named, outputName, redactor) {
    const where = outputName === undefined
        ? 'output-file holds the whole output'
        : 'not kept: output-file holds only the output output-name chose';
    const { json, reduced } = boundJson(redactor.redactValue({ ...named }), bounds/* MAX_OUTPUT_BYTES */.$q, chars => `[left out of outputs: ${chars} characters; ${where}]`);
    if (reduced) {
        core/* warning */.$e(`The run's named outputs are larger than ${bounds/* MAX_OUTPUT_BYTES */.$q} bytes together, so \`outputs\` leaves out the longest (${where}).`);
    }
    return json;
}
/** The `usage` output: what the run reported, in the names most tools use. */
function usageJson(usage) {
    const json = {};
    if (usage.inputTokens !== undefined)
        json.input_tokens = usage.inputTokens;
    if (usage.outputTokens !== undefined)
        json.output_tokens = usage.outputTokens;
    if (usage.totalTokens !== undefined)
        json.total_tokens = usage.totalTokens;
    if (usage.cost !== undefined)
        json.cost = usage.cost;
    return json;
}
/** The `output` output: the head of the output, cut with a marker that says where the rest is. */
function outputText(output) {
    const text = (0,bounds/* boundUtf8 */._u)(output.head, bounds/* MAX_OUTPUT_BYTES */.$q, (0,bounds/* truncationMarker */.g5)('output', output.totalBytes, output.file));
    if (text.truncated) {
        const whole = output.file
            ? `Read the whole output from ${output.file} (the \`output-file\` output).`
            : 'The output file could not be written, so the rest is not kept.';
        core/* warning */.$e(`The run's output (${output.totalBytes} bytes) is larger than ${bounds/* MAX_OUTPUT_BYTES */.$q} bytes; ` +
            `the \`output\` step output is cut short. ${whole}`);
    }
    return text.text;
}
/** The `result` output: the run object as valid JSON, made smaller (with a warning) if need be. */
function resultJson(result, alreadyReduced, redactor) {
    const { json, reduced } = boundJson(redactor.redactValue(result), bounds/* MAX_OUTPUT_BYTES */.$q, chars => `[left out of result: ${chars} characters; see the output and output-file outputs]`, run_object/* IDENTIFYING_FIELDS */.nX);
    if (reduced || alreadyReduced) {
        core/* warning */.$e(`The run object is larger than ${bounds/* MAX_OUTPUT_BYTES */.$q} bytes, so \`result\` leaves out its long ` +
            'fields (it is still valid JSON); the whole output is in `output-file`.');
    }
    return json;
}
function bounded(text, what) {
    return (0,bounds/* boundUtf8 */._u)(text, bounds/* MAX_OUTPUT_BYTES */.$q, (0,bounds/* truncationMarker */.g5)(what, Buffer.byteLength(text), undefined)).text;
}

// EXTERNAL MODULE: ./src/action/network.ts
var network = __nccwpck_require__(3284);
// EXTERNAL MODULE: ./src/run/job-cancelled.ts
var job_cancelled = __nccwpck_require__(800);
;// CONCATENATED MODULE: ./src/action/signals.ts

// SIGINT first, SIGTERM 7.5 s later, then a kill; SIGBREAK is Windows's Ctrl+Break.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK'];
/**
 * The first stop signal aborts the step's one AbortController, so that every wait and request
 * stops and the step can cancel its run and publish; a second one ends the process at once.
 */
function abortOnSignals(abort) {
    let received;
    const onStopSignal = (stopSignal) => {
        if (received !== undefined)
            process.exit(1);
        received = stopSignal;
        abort.abort(new job_cancelled/* JobCancelled */.x(stopSignal));
    };
    for (const stopSignal of STOP_SIGNALS)
        process.on(stopSignal, onStopSignal);
    return {
        get received() {
            return received;
        },
        dispose() {
            for (const stopSignal of STOP_SIGNALS)
                process.off(stopSignal, onStopSignal);
        }
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts









/**
 * The step: read inputs, run the workflow, publish what is known. The one place that turns a
 * thrown value into `core.setFailed`. Only what a step with bad inputs needs is loaded up
 * front; the rest (run-step.ts) once the inputs are valid.
 */
async function run() {
    // Owned here: a stop signal aborts it, and every wait and request of the run stops.
    const abort = new AbortController();
    const signals = abortOnSignals(abort);
    let redactor = new Redactor([]);
    let inputs;
    let state = run_state/* NEW_RUN */.$Y;
    let output;
    let failure;
    try {
        inputs = await readInputs();
        redactor = new Redactor([...inputs.secrets, ...(0,network/* proxyPasswords */.P)(process.env)]);
        const { runStep } = await Promise.all(/* import() */[__nccwpck_require__.e(410), __nccwpck_require__.e(871), __nccwpck_require__.e(518)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9518));
        ({ state, output, failure } = await runStep(inputs, redactor, abort.signal));
    }
    catch (error) {
        failure = error;
    }
    try {
        await publish({ state, output, failure }, inputs && {
            summary: inputs.summary,
            failOnError: inputs.failOnError,
            format: inputs.outputFormat,
            comment: inputs.comment,
            allowMentions: inputs.allowMentions,
            findings: inputs.findings,
            outputSchema: inputs.outputSchema,
            outputName: inputs.outputName,
            runUrlTemplate: inputs.runUrlTemplate
        }, redactor, clock/* systemClock */.m.now(), abort.signal);
    }
    catch (error) {
        core/* setFailed */.C1(redactor.redact(`Could not publish the run's results: ${(0,errors/* getErrorMessage */.u)(error)}`));
    }
    // A debug line lets users (and the benchmarks) see what the step cost: maxRSS is in KiB,
    // CPU times in microseconds.
    const usage = process.resourceUsage();
    const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    core/* debug */.Yz(`peak memory: ${(usage.maxRSS / 1024).toFixed(1)} MiB; cpu: ${cpu.toFixed(3)} s`);
    signals.dispose();
    // A cancelled job is given 7.5 s before it is killed: nothing left over may hold it open.
    // A run that finished before the signal keeps its result as the exit code; else the job's
    // cancellation fails the step.
    if (signals.received)
        process.exit(state.finished ? undefined : 1);
}

;// CONCATENATED MODULE: ./src/main.ts
// The main step's logic as an entry of its own, exporting `run`: what GitHub's local-action
// (`npx @github/local-action run . src/main.ts .env`) loads and calls. index.ts calls it on
// the runner.



/***/ }),

/***/ 6124:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ MAX_OUTPUT_BYTES),
/* harmony export */   _u: () => (/* binding */ boundUtf8),
/* harmony export */   aK: () => (/* binding */ safeCut),
/* harmony export */   g5: () => (/* binding */ truncationMarker)
/* harmony export */ });
/** The most a step output may carry: GitHub's limits are per job, so one output stays modest. */
const MAX_OUTPUT_BYTES = 512 * 1024;
/**
 * Cuts text to at most `maxBytes` of UTF-8, at a character boundary, ending with `marker`
 * (which counts toward the limit). Text within the limit is returned as it is.
 */
function boundUtf8(text, maxBytes, marker) {
    if (Buffer.byteLength(text) <= maxBytes)
        return { text, truncated: false };
    const bytes = Buffer.from(text);
    let end = Math.max(0, maxBytes - Buffer.byteLength(marker));
    // A continuation byte at the cut means a character straddles it: leave that character out.
    while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80)
        end--;
    return { text: bytes.subarray(0, end).toString('utf8') + marker, truncated: true };
}
function truncationMarker(what, totalBytes, file) {
    const where = file ? `; the whole ${what} is in ${file}` : '';
    return `\n[${what} truncated: ${totalBytes} bytes, limit ${MAX_OUTPUT_BYTES} bytes${where}]`;
}
/** `at` in UTF-16 units, moved back by one where it would fall inside a surrogate pair. */
function safeCut(text, at) {
    const code = text.charCodeAt(at);
    return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}


/***/ }),

/***/ 3117:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pb: () => (/* binding */ endpointUrl),
/* harmony export */   cj: () => (/* binding */ isSafeRunId),
/* harmony export */   nd: () => (/* binding */ DEFAULT_PATHS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6316);
/* harmony import */ var _run_object_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2536);
const DEFAULT_PATHS = {
    trigger: '/api/v1/apps/workflow-execution/trigger',
    stream: '/api/v1/apps/workflow-execution/trigger/stream',
    run: '/api/v1/apps/workflow-execution/runs/{run_id}',
    cancel: '/api/v1/apps/workflow-execution/runs/{run_id}/cancel'
};


/**
 * Whether a run id can stand as one path segment once percent-encoded. `encodeURIComponent`
 * leaves dots alone, and URL parsing then reads `.` and `..` as moves: `runs/..` would send the
 * key to another endpoint. Control characters and very long ids are no run's.
 */
function isSafeRunId(runId) {
    return (runId.length > 0 &&
        runId.length <= _run_object_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RUN_ID_CHARS */ .hH &&
        runId !== '.' &&
        runId !== '..' &&
        !/\p{Cc}/u.test(runId));
}
/** The URL of an endpoint: `base-url` (with any path prefix) + the path, `{run_id}` filled in. */
function endpointUrl(baseUrl, template, runId) {
    if (runId !== undefined && !isSafeRunId(runId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`The run id ${JSON.stringify(runId.slice(0, 80))} cannot be put in a request path ` +
            '(empty, `.` or `..`, a control character, or too long), so the action sends nothing for it.', { kind: 'protocol' });
    }
    const path = runId === undefined ? template : template.replaceAll('{run_id}', encodeURIComponent(runId));
    const base = baseUrl.href.replace(/\/+$/, '');
    return new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}`);
}


/***/ }),

/***/ 6316:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ httpStatusError),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   bw: () => (/* binding */ normaliseJson),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   nl: () => (/* binding */ RUN_MAY_HAVE_STARTED),
/* harmony export */   x6: () => (/* binding */ networkError),
/* harmony export */   z5: () => (/* binding */ redirectError)
/* harmony export */ });
/* harmony import */ var _http_network_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8360);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4976);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9997);
/* harmony import */ var _run_object_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2536);




/** A request to the platform that failed for good (after any retries); its message says what to fix. */
class ApiError extends Error {
    kind;
    httpStatus;
    /** True when the trigger may have created a run although it failed: re-running could duplicate it. */
    runMayHaveStarted;
    constructor(message, details) {
        super(message, { cause: details.cause });
        this.name = 'ApiError';
        this.kind = details.kind;
        this.httpStatus = details.httpStatus;
        this.runMayHaveStarted = details.runMayHaveStarted ?? false;
    }
}
const EXCERPT_LENGTH = 300;
/** A short, single-line excerpt of a body, for messages about bodies we could not understand. */
function excerpt(body) {
    const text = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .singleSpaced */ .N)(normaliseJson(body).replace(/<[^>]*>/g, ' '));
    if (text === '')
        return '(empty body)';
    return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : `${text}`;
}
/** JSON re-serialised, so that escapes (`\u002d`, `\/`) cannot hide an echoed key from redaction. */
function normaliseJson(body) {
    const json = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .tryParseJson */ .Bl)(body);
    return json === undefined ? body : (JSON.stringify(json.value) ?? body);
}
/** The server's own explanation, if its body has one, else an excerpt of the body. */
function serverDetail(body) {
    const json = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .tryParseJson */ .Bl)(body);
    return (json && (0,_run_object_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessageFrom */ .y)(json.value)) ?? excerpt(body);
}
const RUN_MAY_HAVE_STARTED = 'A run may have started: the trigger was not retried, so that it cannot start twice. ' +
    "Check the workflow's runs on the platform before re-running this job.";
function describeTarget(endpoint) {
    return endpoint.name === 'trigger'
        ? `workflow '${endpoint.workflowId}'`
        : `run '${endpoint.runId}'`;
}
/** Turns a final, non-retried HTTP response into an error that says what to fix. */
function httpStatusError(endpoint, status, body, notes = {}) {
    const detail = serverDetail(body);
    if (status === 407 && notes.proxy) {
        // A proxy carrying plain http answers for itself: the platform never saw the request.
        return new ApiError(`The proxy at ${notes.proxy.address} (${notes.proxy.variable}) asked for credentials ` +
            `(HTTP 407) and refused the request; nothing reached the platform. Put the proxy's user ` +
            `and password in ${notes.proxy.variable} (http://user:password@host:port).`, { kind: 'unreachable', httpStatus: status });
    }
    const ambiguous = notes.ambiguous === true;
    const tail = ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : '';
    switch (status) {
        case 401:
            return new ApiError(`The platform rejected the API key (HTTP 401: ${detail}). ` +
                'Check that the `api-key` secret is set, complete and not revoked.', { kind: 'auth', httpStatus: status });
        case 403: {
            const permission = endpoint.name === 'trigger'
                ? 'trigger workflow executions'
                : endpoint.name === 'get'
                    ? 'read run results'
                    : 'cancel runs';
            return new ApiError(`The API key is not allowed to ${permission} (HTTP 403: ${detail}). ` +
                `Give the key the permission to ${permission}, or use a key that has it.`, { kind: 'permission', httpStatus: status });
        }
        case 404:
            return new ApiError(endpoint.name === 'trigger'
                ? `Workflow '${endpoint.workflowId}' was not found (HTTP 404: ${detail}). ` +
                    'Check `workflow-id`, that the workflow is deployed, that the key can access it, ' +
                    'and that `base-url` points at the platform API.'
                : `Run '${endpoint.runId}' was not found (HTTP 404: ${detail}). ` +
                    'Check `base-url` and `run-path`.', { kind: 'not-found', httpStatus: status });
        case 400:
        case 422:
            return new ApiError(`The platform rejected the request for ${describeTarget(endpoint)} as invalid (HTTP ${status}). ` +
                `Fix the step's \`inputs\`:\n${detail
                    .split('\n')
                    .map(line => `  - ${line}`)
                    .join('\n')}`, { kind: 'invalid-request', httpStatus: status });
        case 429:
            return new ApiError(`The platform kept rate-limiting requests for ${describeTarget(endpoint)} (HTTP 429: ${detail})` +
                `${notes.attempts ? ` after ${notes.attempts} attempts` : ''}. ` +
                (endpoint.name === 'trigger'
                    ? 'The trigger waited for a free slot until `timeout` was spent: run fewer workflows at once, or raise `timeout`.'
                    : 'Run fewer workflows at once, or raise `retries`.'), { kind: 'rate-limited', httpStatus: status });
        default:
            return new ApiError(`The platform failed on ${describeTarget(endpoint)} with HTTP ${status}: ${detail}` +
                `${notes.attempts && notes.attempts > 1 ? ` (after ${notes.attempts} attempts)` : ''}.${tail}`, {
                kind: status >= 500 ? 'platform' : 'protocol',
                httpStatus: status,
                runMayHaveStarted: ambiguous
            });
    }
}
/** A request that got no HTTP response: before it was sent (safe to retry) or after (maybe seen). */
function networkError(endpoint, origin, error, sent, proxy) {
    const reason = (0,_http_network_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .networkReason */ .d8)(error);
    const proxyFault = (0,_http_network_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyFailureMessage */ .UC)(error, proxy, 'the platform', origin);
    if (proxyFault !== undefined) {
        // Refused by the proxy, or the proxy could not be reached: the platform saw nothing.
        return new ApiError(proxyFault, { kind: 'unreachable', cause: error });
    }
    if ((0,_http_network_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isCertificateError */ .Y4)(error)) {
        return new ApiError(`The platform's certificate for ${new URL(origin).host} is not trusted (${reason}); nothing ` +
            'was sent. If the platform uses a private certificate authority, set NODE_EXTRA_CA_CERTS ' +
            "in the job's env to the path of that authority's certificate (PEM).", { kind: 'unreachable', cause: error });
    }
    if (!sent) {
        // Nothing left this machine, so nothing can have started: never "a run may have started".
        return new ApiError(`Could not reach the platform at ${origin} (${reason}); nothing was sent. ` +
            'Check `base-url` and that this runner can reach the host.', { kind: 'unreachable', cause: error });
    }
    const ambiguous = endpoint.name === 'trigger';
    const via = proxy ? ` through the proxy at ${proxy.address} (${proxy.variable})` : '';
    return new ApiError(`The connection to ${origin}${via} failed after the request was sent (${reason}).` +
        (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''), { kind: 'unreachable', runMayHaveStarted: ambiguous, cause: error });
}
/** A redirect the transport would not follow, in the platform's words. */
function redirectError(refused) {
    const { method, url, status } = refused;
    // A POST answered by anything but "repeat it there" (307, 308) has usually been carried out.
    const ambiguous = method === 'POST' && status !== 307 && status !== 308;
    const why = refused.reason === 'not-a-url'
        ? `to ${JSON.stringify(refused.target)}, which is not a URL; the action does not follow it. ` +
            'Check `base-url` and the endpoint paths.'
        : refused.reason === 'other-origin'
            ? `to another origin (${refused.target}); the action does not follow it, so that the API ` +
                'key is not sent there. Set `base-url` to the API host itself.'
            : 'that the action will not follow. Check `base-url` and the endpoint paths.';
    return new ApiError(`The platform answered ${method} ${url.pathname} with a redirect (HTTP ${status}) ${why}` +
        (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''), { kind: 'protocol', httpStatus: status, runMayHaveStarted: ambiguous });
}


/***/ }),

/***/ 3227:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ quoteLongIntegers),
/* harmony export */   d: () => (/* binding */ parseJsonBytes)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const PIECE_BYTES = 256 * 1024;
/**
 * Parses JSON from bytes, leaving every string longer than `largeBytes` (as written) in place.
 * Throws a SyntaxError, as JSON.parse does, when the bytes are not JSON.
 */
function parseJsonBytes(bytes, largeBytes, pieceBytes = PIECE_BYTES, idFields = []) {
    const tag = `large-json:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}:`;
    const spans = [];
    const parts = [];
    // A byte order mark may open a JSON text (RFC 8259 lets a reader ignore it); JSON.parse would not.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let copied = bom;
    for (let i = bom; i < bytes.length; i++) {
        if (bytes[i] !== QUOTE)
            continue;
        const end = closingQuote(bytes, i + 1);
        if (end - i - 1 > largeBytes) {
            parts.push(bytes.toString('utf8', copied, i), JSON.stringify(`${tag}${spans.length}`));
            spans.push([i + 1, end]);
            copied = end + 1;
        }
        i = end;
    }
    parts.push(bytes.toString('utf8', copied));
    const value = JSON.parse(quoteLongIntegers(parts.join(''), idFields));
    const texts = spans.map(([start, end]) => largeText(bytes, start, end, pieceBytes));
    // A long string that is not valid JSON text makes the whole response unreadable, now (checked
    // on the bytes: decoding it here would make as much garbage as the text is long).
    for (const [start, end] of spans) {
        if (!isJsonStringText(bytes, start, end))
            throw new SyntaxError('not a JSON string');
    }
    const large = (candidate) => {
        if (typeof candidate !== 'string' || !candidate.startsWith(tag))
            return undefined;
        return texts[Number(candidate.slice(tag.length))];
    };
    const replaced = (inner, replace) => {
        const text = large(inner);
        if (text !== undefined) {
            const [start, end] = spans[texts.indexOf(text)];
            return replace(text, end - start);
        }
        if (Array.isArray(inner))
            return inner.map(item => replaced(item, replace));
        if (inner !== null && typeof inner === 'object') {
            return Object.fromEntries(Object.entries(inner).map(([key, item]) => [key, replaced(item, replace)]));
        }
        return inner;
    };
    return { value, large, mentions: text => text.includes(tag), replaced };
}
/**
 * JSON text with each integer of more than 15 digits that is the value of one of `fields`
 * written as a string: JSON.parse would round it (12345678901234567891 to …567000), and an id
 * must stay exact. Outside strings only: a key's quotes inside a string are escaped.
 */
function quoteLongIntegers(text, fields) {
    // Most texts hold no integer that long: they are spared the search.
    if (fields.length === 0 || !/\d{16}/.test(text))
        return text;
    return text.replace(longIdPattern(fields), '$1"$2"');
}
const patterns = new Map();
function longIdPattern(fields) {
    const keys = fields.map(field => field.replace(/[^\w]/g, '')).join('|');
    let pattern = patterns.get(keys);
    if (pattern === undefined) {
        pattern = new RegExp(`((?<!\\\\)"(?:${keys})"\\s*:\\s*)(-?\\d{16,})(?=\\s*[,}\\]])`, 'g');
        patterns.set(keys, pattern);
    }
    return pattern;
}
const ESCAPED = new Set([...'"\\/bfnrt'].map(char => char.charCodeAt(0)));
const HEX = /^[0-9a-fA-F]{4}$/;
/** Whether bytes are the text of a JSON string: no control character, every escape known. */
function isJsonStringText(bytes, start, end) {
    for (let i = start; i < end; i++) {
        const byte = bytes[i] ?? 0;
        if (byte < 0x20)
            return false;
        if (byte !== BACKSLASH)
            continue;
        const next = bytes[i + 1] ?? 0;
        if (next === 0x75) {
            if (!HEX.test(bytes.toString('latin1', i + 2, i + 6)))
                return false;
            i += 5;
        }
        else if (ESCAPED.has(next))
            i++;
        else
            return false;
    }
    return true;
}
/** The index of the quote that ends the string whose text starts at `from`. */
function closingQuote(bytes, from) {
    for (let j = from; j < bytes.length; j++) {
        if (bytes[j] === BACKSLASH)
            j++;
        else if (bytes[j] === QUOTE)
            return j;
    }
    return bytes.length;
}
function largeText(bytes, start, end, pieceBytes) {
    function* pieces() {
        for (let from = start; from < end;) {
            const to = pieceEnd(bytes, from, Math.min(end, from + pieceBytes), end);
            yield JSON.parse(`"${bytes.toString('utf8', from, to)}"`);
            from = to;
        }
    }
    return { pieces, text: () => [...pieces()].join('') };
}
/**
 * Moves a cut back so that it splits no UTF-8 character, no escape (`\n`, `\u00e9`) and no
 * escaped surrogate pair (`\ud83d\ude00`), each of which must be decoded whole.
 */
function pieceEnd(bytes, from, cut, end) {
    if (cut >= end)
        return end;
    let at = cut;
    while (at > from && ((bytes[at] ?? 0) & 0xc0) === 0x80)
        at--;
    // An escape that starts in the last 11 bytes (a `\uXXXX\uXXXX` pair is 12) may run past `at`.
    for (let p = Math.max(from, at - 11); p < at; p++) {
        if (bytes[p] !== BACKSLASH || !escapes(bytes, from, p))
            continue;
        const length = bytes[p + 1] === 0x75 ? 6 : 2;
        const pair = length === 6 && isHighSurrogateEscape(bytes, p) ? 12 : length;
        if (p + pair > at)
            return p > from ? p : at;
        p += length - 1;
    }
    return at;
}
/** Whether the backslash at `p` starts an escape (it is not itself escaped). */
function escapes(bytes, from, p) {
    let run = 0;
    for (let k = p; k >= from && bytes[k] === BACKSLASH; k--)
        run++;
    return run % 2 === 1;
}
function isHighSurrogateEscape(bytes, p) {
    const hex = bytes.toString('latin1', p + 2, p + 6);
    return /^d[89ab][0-9a-f]{2}$/i.test(hex);
}


/***/ }),

/***/ 2536:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ ID_FIELDS),
/* harmony export */   e8: () => (/* binding */ namedOutputs),
/* harmony export */   gg: () => (/* binding */ chosenOutput),
/* harmony export */   hH: () => (/* binding */ MAX_RUN_ID_CHARS),
/* harmony export */   jO: () => (/* binding */ outputText),
/* harmony export */   jv: () => (/* binding */ readRunResponse),
/* harmony export */   k9: () => (/* binding */ readUsage),
/* harmony export */   nX: () => (/* binding */ IDENTIFYING_FIELDS),
/* harmony export */   xN: () => (/* binding */ readIdentity),
/* harmony export */   y: () => (/* binding */ errorMessageFrom)
/* harmony export */ });
/* unused harmony export parseRunSnapshot */
/* harmony import */ var _large_json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3227);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4829);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4976);



// Every field is optional and loosely typed: the platform's field names are not documented
// (docs/platform-api.md), so each field is checked on its own, and anything unexpected is
// ignored, not fatal. Plain checks rather than a schema library: a stream reads one run
// object an event, and that must cost next to nothing.
/** A run id is at most this long to be put in a request path (endpoints.ts, the inputs). */
const MAX_RUN_ID_CHARS = 256;
/**
 * An id is read up to this long, so that a long `run_id` is still the run's id (and refused
 * when it is used, by the path limit above) rather than passed over for an event's `id`.
 */
const MAX_READ_ID_CHARS = 1024;
/**
 * Where a run's id may be, in this order: `execution_id` before `id`, since a stream event's
 * `id` may name the event, not the run.
 */
const RUN_ID_FIELDS = ['run_id', 'execution_id', 'id'];
/** The fields whose integer values are ids, to be read as text when too long for a number. */
const ID_FIELDS = [...RUN_ID_FIELDS, 'thread_id'];
/** The fields that identify a run and its state: what `result` keeps when nothing else fits. */
const IDENTIFYING_FIELDS = [...ID_FIELDS, 'status'];
/**
 * An id: text of 1 to 1024 characters (anything longer is no id, and would swell every output
 * and card), or an integer while it is exact (12345678901234567891
 * would be read as …567000, and the action would follow, and cancel, another run; long
 * integer ids are read as text instead: large-json.ts quotes them before parsing).
 */
function identifier(value) {
    if (typeof value === 'string') {
        return value.length > 0 && value.length <= MAX_READ_ID_CHARS ? value : undefined;
    }
    return Number.isSafeInteger(value) ? String(value) : undefined;
}
/** The fields that name a run and its status, in run objects and stream events alike. */
function readIdentity(record) {
    const identity = {};
    for (const field of RUN_ID_FIELDS) {
        const runId = identifier(record[field]);
        if (runId === undefined)
            continue;
        identity.runId = runId;
        break;
    }
    const threadId = identifier(record.thread_id);
    if (threadId !== undefined)
        identity.threadId = threadId;
    if (typeof record.status === 'string') {
        identity.rawStatus = record.status;
        const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeStatus */ .S)(record.status);
        if (status)
            identity.status = status;
    }
    return identity;
}
const RUN_FIELDS = [...RUN_ID_FIELDS, 'status'];
function unwrap(body) {
    // A body that names a run or a status is the run itself, whatever `data` it also carries.
    if (RUN_FIELDS.some(field => body[field] !== undefined))
        return body;
    for (const inner of [body.data, body.run])
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(inner))
            return inner;
    return body;
}
/** Reads a run object from a trigger or get response, or returns undefined when it is not one. */
function parseRunSnapshot(body) {
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(body))
        return undefined;
    const object = unwrap(body);
    const snapshot = { ...readIdentity(object), raw: object };
    const output = [object.output, object.outputs, object.result].find(v => v !== undefined && v !== null);
    if (output !== undefined) {
        snapshot.output = outputText(output);
        const named = namedOutputs(output);
        if (named !== undefined)
            snapshot.named = named;
    }
    const usage = readUsage(object);
    if (usage !== undefined)
        snapshot.usage = usage;
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
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry) && typeof entry.name === 'string' && 'value' in entry) {
            return outputText(entry.value);
        }
    }
    if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value)) {
        for (const field of TEXT_FIELDS) {
            const text = value[field];
            if (typeof text === 'string')
                return text;
        }
    }
    return JSON.stringify(value, null, 2) ?? String(value);
}
/**
 * The output a view of the run gives: the value called `name` when one is asked for and the
 * output has it, else the whole output (a step asking for a name it lacks fails after the run).
 */
function chosenOutput(view, name) {
    if (name !== undefined && view.named !== undefined && Object.hasOwn(view.named, name)) {
        return view.named[name];
    }
    return view.output;
}
/**
 * The named values of an output: a list whose every entry is `{name, value}`, or an object
 * (each field a value). Undefined for text, a bare list, or nothing.
 */
function namedOutputs(value) {
    const entries = [];
    if (Array.isArray(value)) {
        if (value.length === 0)
            return undefined;
        for (const entry of value) {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry) || typeof entry.name !== 'string' || !('value' in entry)) {
                return undefined;
            }
            entries.push([entry.name, outputText(entry.value)]);
        }
    }
    else if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value)) {
        for (const [name, inner] of Object.entries(value))
            entries.push([name, outputText(inner)]);
    }
    else
        return undefined;
    // Own fields only, whatever the names: `__proto__` from the platform is a name like any other.
    const named = Object.create(null);
    for (const [name, text] of entries)
        named[name] = text;
    return named;
}
const USAGE_FIELDS = ['usage', 'token_usage', 'tokens'];
const INPUT_TOKEN_FIELDS = ['input_tokens', 'prompt_tokens', 'input', 'prompt'];
const OUTPUT_TOKEN_FIELDS = ['output_tokens', 'completion_tokens', 'output', 'completion'];
const TOTAL_TOKEN_FIELDS = ['total_tokens', 'total'];
/**
 * The usage a run object (or a stream event) reports: `usage`, `token_usage` or `tokens`, with
 * input/prompt, output/completion and total counts, and `cost` there or beside it. A count is a
 * whole number of at least 0 (or its digits as text); anything else is not read.
 */
function readUsage(object) {
    const block = USAGE_FIELDS.map(field => object[field]).find(_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4);
    const usage = {};
    if (block !== undefined) {
        const count = (fields) => fields.map(field => wholeNumber(block[field])).find(n => n !== undefined);
        const input = count(INPUT_TOKEN_FIELDS);
        const output = count(OUTPUT_TOKEN_FIELDS);
        const total = count(TOTAL_TOKEN_FIELDS) ??
            (input !== undefined && output !== undefined ? input + output : undefined);
        if (input !== undefined)
            usage.inputTokens = input;
        if (output !== undefined)
            usage.outputTokens = output;
        if (total !== undefined)
            usage.totalTokens = total;
    }
    const cost = amount(block?.cost) ?? amount(object.cost);
    if (cost !== undefined)
        usage.cost = cost;
    return Object.keys(usage).length > 0 ? usage : undefined;
}
function wholeNumber(value) {
    const number = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
    return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
        ? number
        : undefined;
}
/** A cost: a finite number of at least 0, or its decimal text; `{total}` or `{amount}` too. */
function amount(value) {
    if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value))
        return amount(value.total ?? value.amount);
    const number = typeof value === 'string' && /^\d{1,15}(?:\.\d{1,12})?$/.test(value.trim())
        ? Number(value)
        : value;
    return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
}
/**
 * The error message a body carries: `error` (string or `{message}`), `error_message`, `detail`
 * or `message`. A FastAPI `detail` list becomes one line per entry, naming the field.
 */
function errorMessageFrom(body) {
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(body))
        return undefined;
    const error = body.error;
    if (typeof error === 'string' && error)
        return error;
    if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(error) && typeof error.message === 'string' && error.message)
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
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry) || typeof entry.msg !== 'string')
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
/** Strings longer than this stay in the response's bytes: no step output could carry them whole. */
const LARGE_STRING_BYTES = 512 * 1024;
/**
 * Reads a trigger or get response (a 2xx body) as a run, or undefined when it is not JSON or not a
 * run object. A long output is not decoded here but handed on as pieces (large-json.ts), and
 * `raw` notes, instead of holding, any long string left out of it.
 */
function readRunResponse(bytes) {
    let body;
    try {
        body = (0,_large_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJsonBytes */ .d)(bytes, LARGE_STRING_BYTES, undefined, ID_FIELDS);
    }
    catch {
        return undefined;
    }
    const snapshot = parseRunSnapshot(body.value);
    if (snapshot === undefined)
        return undefined;
    const largeOutput = body.large(snapshot.output);
    const shortTexts = [
        largeOutput === undefined ? snapshot.output : undefined,
        snapshot.error,
        snapshot.runId,
        snapshot.threadId,
        snapshot.rawStatus,
        // A long named value is read whole: each is an output of its own.
        ...Object.values(snapshot.named ?? {})
    ];
    const note = (_text, bytes) => `[left out of result: ${bytes} bytes; see the output and output-file outputs]`;
    if (shortTexts.some(text => typeof text === 'string' && body.mentions(text))) {
        // A long string where a short one is read (an error, an id, an output of an unusual
        // shape): decoded whole after all, as JSON.parse would have.
        const whole = parseRunSnapshot(body.replaced(body.value, text => text.text()));
        return whole && { ...whole, raw: body.replaced(whole.raw, note), rawReduced: true };
    }
    if (largeOutput === undefined)
        return snapshot;
    return {
        ...snapshot,
        output: largeOutput,
        raw: body.replaced(snapshot.raw, note),
        rawReduced: true
    };
}


/***/ }),

/***/ 4829:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ isTerminal),
/* harmony export */   S: () => (/* binding */ normalizeStatus)
/* harmony export */ });
// A run's status as the platform spells it, read as one of five (docs/platform-api.md).
const TERMINAL_STATUSES = new Set(['completed', 'failed', 'cancelled']);
// A Map, not an object: a status of `__proto__` or `constructor` must find nothing.
const STATUS_SPELLINGS = new Map([
    ['queued', 'pending'],
    ['pending', 'pending'],
    ['running', 'running'],
    ['in_progress', 'running'],
    ['started', 'running'],
    ['completed', 'completed'],
    ['succeeded', 'completed'],
    ['success', 'completed'],
    ['failed', 'failed'],
    ['error', 'failed'],
    ['cancelled', 'cancelled'],
    ['canceled', 'cancelled']
]);
/** Maps the platform's spelling of a status; an unknown one is not terminal, so waiting goes on. */
function normalizeStatus(raw) {
    return STATUS_SPELLINGS.get(raw.trim().toLowerCase());
}
function isTerminal(status) {
    return status !== undefined && TERMINAL_STATUSES.has(status);
}


/***/ }),

/***/ 800:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ cancelledBy),
/* harmony export */   x: () => (/* binding */ JobCancelled)
/* harmony export */ });
/**
 * The job was cancelled (a runner's signal, a terminal's Ctrl-C): the reason the one abort
 * signal of a run carries, with the name of the process signal that asked.
 */
class JobCancelled extends Error {
    stopSignal;
    constructor(stopSignal, message = `The job was cancelled (the runner sent ${stopSignal})`) {
        super(message);
        this.stopSignal = stopSignal;
        this.name = 'JobCancelled';
    }
}
/** The process signal that cancelled the job, if the abort signal was aborted for that. */
function cancelledBy(signal) {
    const reason = signal.reason;
    return signal.aborted && reason instanceof JobCancelled ? reason.stopSignal : undefined;
}


/***/ }),

/***/ 4352:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ NEW_RUN),
/* harmony export */   d3: () => (/* binding */ RunRecord)
/* harmony export */ });
/* unused harmony export applyRunEvent */
/* harmony import */ var _platform_status_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4829);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6518);


const NEW_RUN = { finished: false };
/**
 * The one function that changes the run's state. A finished run keeps its end: no later
 * event of the action's (a timeout, a cancelled job) rewrites its status, its error or when
 * it ended; what the platform itself says later of it is still read.
 */
function applyRunEvent(state, event) {
    switch (event.type) {
        case 'trigger-sent':
            return { ...state, workflowId: event.workflowId, startedAt: event.at };
        case 'trigger-in-flight':
            return { ...state, triggerInFlight: event.inFlight };
        case 'follow-started':
            return { ...state, workflowId: event.workflowId, startedAt: event.at };
        case 'run-named':
            if (state.runId !== undefined)
                return state;
            return { ...state, runId: event.runId, threadId: event.threadId ?? state.threadId };
        case 'thread-named':
            return state.threadId === undefined ? { ...state, threadId: event.threadId } : state;
        case 'error-reported':
            // The run's own words, even after its status (a stream may say why it ended last).
            return { ...state, error: event.error };
        case 'snapshot-read':
            return withSnapshot(state, event.snapshot, event.at);
        case 'details-read':
            return {
                ...state,
                namedOutputs: event.output ? event.output.named : state.namedOutputs,
                usage: mergedUsage(state.usage, event.usage)
            };
        case 'timed-out':
            if (state.finished)
                return state;
            return {
                ...state,
                status: 'timed_out',
                finishedAt: event.at,
                error: `Gave up waiting for run ${state.runId} after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSeconds */ .X)(event.waitedMs)} s ` +
                    `(last status: ${lastRawStatus(state)}). Raise \`timeout\` if the workflow needs longer.`
            };
        case 'left':
            if (state.status !== 'timed_out')
                return state;
            return { ...state, error: `${state.error ?? ''} ${event.sentence}`.trim() };
        case 'job-cancelled':
            if (state.finished)
                return state;
            return {
                ...state,
                status: 'cancelled',
                error: `${event.message} ${event.where}`,
                finishedAt: state.finishedAt ?? event.at
            };
    }
}
/**
 * Copies what a snapshot says into the state; a terminal status marks the run finished, once:
 * a later view (a stream's last events) still updates the thread, status and `result`, never
 * the end or the error.
 */
function withSnapshot(state, snapshot, at) {
    const next = {
        ...state,
        threadId: snapshot.threadId || state.threadId,
        status: snapshot.status ?? state.status,
        result: snapshot.raw,
        resultReduced: snapshot.rawReduced === true,
        // The named values are the latest output's: an output without them has none.
        namedOutputs: snapshot.output !== undefined ? snapshot.named : state.namedOutputs,
        usage: mergedUsage(state.usage, snapshot.usage)
    };
    if (state.finished || !(0,_platform_status_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .H)(snapshot.status))
        return next;
    const error = snapshot.status === 'failed'
        ? (snapshot.error ?? state.error ?? 'The run failed without an error message.')
        : snapshot.status === 'cancelled'
            ? (snapshot.error ?? 'The run was cancelled on the platform.')
            : undefined;
    return { ...next, finished: true, finishedAt: at, error };
}
/** What a later report says of usage, over what an earlier one said (a cost after the counts). */
function mergedUsage(earlier, later) {
    return later === undefined ? earlier : { ...earlier, ...later };
}
function lastRawStatus(state) {
    const raw = state.result;
    return typeof raw?.status === 'string' ? raw.status : 'unknown';
}
/** The run's state as the run layer keeps it: read by anyone, changed only by events. */
class RunRecord {
    state = NEW_RUN;
    get current() {
        return this.state;
    }
    apply(event) {
        this.state = applyRunEvent(this.state, event);
        return this.state;
    }
}


/***/ }),

/***/ 9959:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ MIN_POLL_DELAY_MS)
/* harmony export */ });
/**
 * The shortest pause between two gets of a run, whatever the inputs say: the same floor the
 * retries use, so that no setting turns polling into a busy loop.
 */
const MIN_POLL_DELAY_MS = 200;


/***/ }),

/***/ 7110:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
// Time as the waiting code sees it, passed in so that tests and benchmarks can observe it.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            if (signal)
                reject(abortReason(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
    setTimer: (ms, callback) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
    }
};
/** Why a signal was aborted, as an Error (the default reason, an AbortError, is one already). */
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ formatSeconds),
/* harmony export */   l: () => (/* binding */ parseDurationSeconds)
/* harmony export */ });
/**
 * Parses `600`, `90s`, `15m`, `1h` or a combination such as `1h30m` into seconds.
 * Returns undefined for anything else, so the caller can name the input in its message.
 */
function parseDurationSeconds(text) {
    const trimmed = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed);
    const match = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/.exec(trimmed);
    if (!match || trimmed === '')
        return undefined;
    const [, hours, minutes, seconds] = match;
    return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
}
/** Seconds with at most one decimal, as shown in the log, the summary and the `duration` output. */
function formatSeconds(ms) {
    return (Math.round(ms / 100) / 10).toFixed(1);
}


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   u: () => (/* binding */ getErrorMessage)
/* harmony export */ });
/** Turns anything thrown into a message; the one place that knows `throw` is not always an Error. */
function getErrorMessage(error) {
    // Node's address fallback throws an AggregateError with an empty message of its own.
    if (error instanceof AggregateError && !error.message) {
        return error.errors.map(getErrorMessage).join('; ');
    }
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/** The `code` of a system or library error (`ENOENT`, `UND_ERR_SOCKET` …), when it has one. */
function errorCode(error) {
    if (error !== null && typeof error === 'object' && 'code' in error) {
        const code = error.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}


/***/ }),

/***/ 4976:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ tryParseJson),
/* harmony export */   Q8: () => (/* binding */ jsonDocument),
/* harmony export */   bM: () => (/* binding */ compactJsonText),
/* harmony export */   u4: () => (/* binding */ isRecord)
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
/** A JSON object (not an array, not null). */
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * The JSON document a run's answer holds: all of it when it is JSON, else the one fenced
 * ` ```json ` (or `~~~json`) block of a Markdown answer. None, or two such blocks: undefined.
 * Read line by line, once: the answer is a model's, and may be built to be slow to search.
 */
function jsonDocument(text) {
    const whole = tryParseJson(text.trim());
    if (whole !== undefined)
        return { ...whole, text: text.trim() };
    const blocks = [];
    let fence;
    let start = 0;
    let offset = 0;
    for (const line of text.split('\n')) {
        const end = offset + line.length;
        const bare = line.replace(/\r$/, '');
        if (fence === undefined) {
            const open = /^ {0,3}(`{3,}|~{3,})[ \t]*json[ \t]*$/.exec(bare);
            if (open) {
                fence = open[1];
                start = end + 1;
            }
        }
        else if (isClosingFence(bare, fence)) {
            blocks.push(text.slice(start, offset));
            fence = undefined;
            if (blocks.length > 1)
                return undefined;
        }
        offset = end + 1;
    }
    if (blocks.length !== 1)
        return undefined;
    const block = blocks[0] ?? '';
    const parsed = tryParseJson(block);
    return parsed && { ...parsed, text: block };
}
/**
 * JSON text without the whitespace between its tokens, and otherwise as written: numbers keep
 * the digits a parse would round (12345678901234567891, 1.50), strings their escapes.
 */
function compactJsonText(json) {
    let out = '';
    let inString = false;
    for (let i = 0; i < json.length; i++) {
        const c = json.charAt(i);
        if (inString) {
            out += c;
            if (c === '\\')
                out += json.charAt(++i);
            else if (c === '"')
                inString = false;
        }
        else if (c === '"') {
            inString = true;
            out += c;
        }
        else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t')
            out += c;
    }
    return out;
}
/** A line that closes a fence opened with `fence`: as long a run of its character, or longer. */
function isClosingFence(line, fence) {
    const indent = line.length - line.trimStart().length;
    if (indent > 3)
        return false;
    const rest = line.slice(indent);
    const mark = fence.charAt(0);
    let run = 0;
    while (rest.charAt(run) === mark)
        run++;
    return run >= fence.length && rest.slice(run).trim() === '';
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ singleSpaced),
/* harmony export */   T: () => (/* binding */ oneLine)
/* harmony export */ });
// Server text made fit for one line of a log, a table cell or a message.
/** Line breaks as spaces: in a log line one could start a workflow command; in a cell, end a table. */
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ');
}
/** Every run of white space as one space, trimmed: for excerpts of bodies in messages. */
function singleSpaced(text) {
    return text.replace(/\s+/g, ' ').trim();
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2691:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, isDebug, markdownSummary, platform, setCommandEcho, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./stubs/actions-http-client/lib/index.js
var lib = __nccwpck_require__(9532);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./stubs/actions-exec/lib/index.js
// See ../../README.md: @actions/core imports @actions/exec for
// `platform.getDetails()`, which this action never calls; this keeps child_process unloaded.
const unavailable = name => () => {
  throw new Error(`@actions/exec is not part of this action (${name} was called)`)
}
const lib_exec = unavailable('exec')
const getExecOutput = unavailable('getExecOutput')

;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 9532:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient)
/* harmony export */ });
/* unused harmony exports HttpClientError, HttpCodes, Headers, MediaTypes, getProxyUrl, isHttps */
// See ../../README.md: every request of this action goes through undici, never through this.
const unavailable = name => () => {
  throw new Error(`@actions/http-client is not part of this action (${name} was called)`)
}

class HttpClient {
  // Read by @actions/github when it is loaded, for a default that the action overrides.
  getAgent() {
    return undefined
  }
  getAgentDispatcher() {
    return undefined
  }
}
for (const method of [
  'request',
  'get',
  'post',
  'put',
  'patch',
  'del',
  'head',
  'options',
  'getJson',
  'postJson',
  'putJson',
  'patchJson',
  'sendStream',
  'requestRaw'
]) {
  HttpClient.prototype[method] = unavailable(`HttpClient.${method}`)
}

class HttpClientError extends (/* unused pure expression or super */ null && (Error)) {}
const HttpCodes = {}
const Headers = {}
const MediaTypes = {}
const getProxyUrl = unavailable('getProxyUrl')
const isHttps = url => new URL(url).protocol === 'https:'


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
