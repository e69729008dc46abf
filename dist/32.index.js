export const id = 32;
export const ids = [32];
export const modules = {

/***/ 2032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStep: () => (/* binding */ runStep)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 9 modules
var core = __webpack_require__(2691);
// EXTERNAL MODULE: ./src/output/bounds.ts
var bounds = __webpack_require__(6124);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/output/live-log.ts


/**
 * Shows streamed text in the job log a line at a time. Every block is wrapped in
 * `::stop-commands::<random token>` … `::<token>::`, so that text written by a model cannot
 * issue workflow commands (`::set-output`, `::add-mask`, `::error` …).
 */
class LiveLog {
    line = '';
    afterCR = false;
    ready = [];
    echoedBytes = 0;
    stopped = false;
    batchTimer;
    idleTimer;
    lastPushAt = 0;
    options;
    constructor(options) {
        this.options = {
            idleFlushMs: 500,
            batchMs: 100,
            redact: text => text,
            holdBackChars: 0,
            maxEchoBytes: 1024 * 1024,
            maxLineChars: 4096,
            ...options
        };
    }
    push(text) {
        if (this.stopped || text === '')
            return;
        // A CRLF may arrive split between two pieces: its LF is not a second line break.
        const piece = this.afterCR && text.startsWith('\n') ? text.slice(1) : text;
        this.afterCR = text.endsWith('\r');
        const parts = (this.line + piece.replace(/\r\n?/g, '\n')).split('\n');
        this.line = parts.pop() ?? '';
        // Secrets are removed from whole lines before any cut, so that no cut can split one.
        for (const part of parts) {
            for (const line of this.pieces(this.options.redact(part)))
                this.ready.push(line);
        }
        if (this.line.length > this.options.maxLineChars + this.options.holdBackChars) {
            // Only the end of a redacted partial line can hold the beginning of a secret.
            const redacted = this.options.redact(this.line);
            const keep = Math.max(0, (0,bounds/* safeCut */.aK)(redacted, redacted.length - this.options.holdBackChars));
            const tail = this.pieces(redacted.slice(0, keep));
            this.line = (tail.pop() ?? '') + redacted.slice(keep);
            for (const line of tail)
                this.ready.push(line);
        }
        if (this.ready.length > 0 && this.batchTimer === undefined) {
            this.batchTimer = setTimeout(() => this.flushLines(), this.options.batchMs);
        }
        // One idle timer, moved on only when it fires: re-arming it for every piece of a fast
        // stream (100,000 pieces, say) would cost more than the pieces themselves.
        this.lastPushAt = Date.now();
        if (this.line !== '' && this.idleTimer === undefined)
            this.armIdle(this.options.idleFlushMs);
    }
    armIdle(ms) {
        this.idleTimer = setTimeout(() => {
            this.idleTimer = undefined;
            const quiet = Date.now() - this.lastPushAt;
            if (quiet < this.options.idleFlushMs)
                this.armIdle(this.options.idleFlushMs - quiet);
            else if (this.line !== '')
                this.flushPartial();
        }, ms);
    }
    /** A line in pieces of at most maxLineChars, never cutting a character in two. */
    pieces(line) {
        const pieces = [];
        let rest = line;
        while (rest.length > this.options.maxLineChars) {
            const cut = (0,bounds/* safeCut */.aK)(rest, this.options.maxLineChars);
            pieces.push(rest.slice(0, cut));
            rest = rest.slice(cut);
        }
        pieces.push(rest);
        return pieces;
    }
    /** Shows everything still waiting, the partial line included; the echo is over. */
    close() {
        this.flushLines();
        if (this.line !== '')
            this.writeBlock([this.options.redact(this.line)]);
        this.line = '';
        clearTimeout(this.idleTimer);
        this.stopped = true;
    }
    flushLines() {
        clearTimeout(this.batchTimer);
        this.batchTimer = undefined;
        const lines = this.ready;
        this.ready = [];
        if (lines.length > 0)
            this.writeBlock(lines);
    }
    flushPartial() {
        this.flushLines();
        const line = this.options.redact(this.line);
        const keep = Math.min(line.length, this.options.holdBackChars);
        const shown = line.slice(0, (0,bounds/* safeCut */.aK)(line, line.length - keep));
        this.line = line.slice(shown.length);
        if (shown === '')
            return;
        this.writeBlock([shown]);
    }
    writeBlock(lines) {
        if (this.stopped)
            return;
        const token = (0,external_node_crypto_.randomUUID)();
        const open = `::stop-commands::${token}\n`;
        const close = `\n::${token}::`;
        // The limit counts what reaches the log, wrapper lines included.
        const room = this.options.maxEchoBytes - this.echoedBytes - Buffer.byteLength(open + close);
        let text = lines.join('\n');
        if (Buffer.byteLength(text) > room) {
            text =
                (0,bounds/* boundUtf8 */._u)(text, Math.max(0, room), '').text +
                    `\n[the output goes on; the log shows its first ${this.options.maxEchoBytes} bytes, output-file has all of it]`;
            this.stopped = true;
            clearTimeout(this.idleTimer);
            clearTimeout(this.batchTimer);
        }
        const block = open + text + close;
        this.echoedBytes += Buffer.byteLength(block);
        this.options.write(block);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/output/sink.ts




// Small appends (a streamed token each) are gathered into writes of about this size.
const WRITE_BATCH_BYTES = 64 * 1024;
// A large append is redacted and written this many characters at a time.
const SLICE_CHARS = 256 * 1024;
/** Where the full output goes when `output-file` is not set: one file per run id. */
function defaultOutputFile(folder, runId) {
    const safeId = (runId ?? 'unknown').replace(/[^A-Za-z0-9._-]/g, '_');
    return external_node_path_default().join(folder, `ai-planet-run-${safeId}.txt`);
}
/**
 * The run's output on its way to `output-file`, in both modes: written as it arrives, with the
 * API key removed even when it is split across pieces, while memory holds only the first
 * `headBytes`. A file that cannot be written does not stop the run: the sink keeps the head,
 * stops writing, and says why when it is closed.
 */
class OutputSink {
    chooseFile;
    redactor;
    headBytes;
    file;
    handle;
    fileError;
    position = 0;
    pending = '';
    batch = [];
    batchBytes = 0;
    head = '';
    headLength = 0;
    headFull = false;
    totalBytes = 0;
    touched = false;
    holdBack;
    constructor(
    /** Called once, at the first write, so that the default path can use the run id. */
    chooseFile, redactor, headBytes) {
        this.chooseFile = chooseFile;
        this.redactor = redactor;
        this.headBytes = headBytes;
        this.holdBack = Math.max(0, redactor.longestSecretLength - 1);
    }
    async append(text) {
        if (typeof text !== 'string') {
            for (const piece of text.pieces())
                await this.append(piece);
            this.touched = true;
            return;
        }
        this.touched = true;
        // A whole output read by polling arrives in one piece: it is taken in slices, so that
        // redaction and writing never copy all of it at once.
        let start = 0;
        do {
            const end = (0,bounds/* safeCut */.aK)(text, Math.min(text.length, start + SLICE_CHARS));
            await this.appendSlice(text.slice(start, end));
            start = end;
        } while (start < text.length);
    }
    async appendSlice(text) {
        // Complete secrets are replaced first; what is kept back can only be a secret's beginning.
        const redacted = this.redactor.redact(this.pending + text);
        const cut = (0,bounds/* safeCut */.aK)(redacted, Math.max(0, redacted.length - this.holdBack));
        this.pending = redacted.slice(cut);
        await this.emit(redacted.slice(0, cut));
    }
    /** Replaces everything written so far (a final output, or the run as read by id). */
    async replace(text) {
        this.pending = '';
        this.batch = [];
        this.batchBytes = 0;
        this.head = '';
        this.headLength = 0;
        this.headFull = false;
        this.totalBytes = 0;
        this.position = 0;
        if (this.handle)
            await this.guard(handle => handle.truncate(0));
        await this.append(text);
    }
    /** Flushes and closes the file; undefined when there never was any output. */
    async close() {
        if (!this.touched)
            return undefined;
        await this.emit(this.redactor.redact(this.pending));
        this.pending = '';
        await this.writeBatch();
        await this.guard(async (handle) => {
            this.handle = undefined;
            await handle.close();
        });
        return {
            file: this.fileError === undefined ? this.file : undefined,
            fileError: this.fileError,
            head: this.head,
            totalBytes: this.totalBytes
        };
    }
    async emit(text) {
        if (text === '')
            return;
        const bytes = Buffer.byteLength(text);
        this.totalBytes += bytes;
        if (!this.headFull) {
            this.head += text;
            this.headLength += bytes;
            if (this.headLength > this.headBytes) {
                this.headFull = true;
                // Kept just over the limit, so that the reader still sees that the output is longer;
                // a character cut here lies beyond the limit and is cut off again when bounded.
                if (this.headLength > this.headBytes + 4) {
                    this.head = Buffer.from(this.head)
                        .subarray(0, this.headBytes + 4)
                        .toString('utf8');
                }
            }
        }
        if (this.fileError !== undefined)
            return;
        this.batch.push(text);
        this.batchBytes += bytes;
        if (this.batchBytes >= WRITE_BATCH_BYTES)
            await this.writeBatch();
    }
    async writeBatch() {
        if (this.batch.length === 0)
            return;
        const data = Buffer.from(this.batch.join(''));
        this.batch = [];
        this.batchBytes = 0;
        await this.guard(async (handle) => {
            await handle.write(data, 0, data.length, this.position);
            this.position += data.length;
        });
    }
    /** Runs a file operation on the open file; the first failure ends all writing. */
    async guard(operation) {
        if (this.fileError !== undefined)
            return;
        try {
            if (this.handle === undefined && this.file === undefined) {
                const file = this.chooseFile();
                this.file = file;
                await external_node_fs_.promises.mkdir(external_node_path_default().dirname(file), { recursive: true });
                this.handle = await external_node_fs_.promises.open(file, 'w');
            }
            if (this.handle)
                await operation(this.handle);
        }
        catch (error) {
            this.fileError = `${this.file ?? 'the output file'}: ${(0,errors/* getErrorMessage */.u)(error)}`;
            this.batch = [];
            await this.handle?.close().catch(() => undefined);
            this.handle = undefined;
        }
    }
}

// EXTERNAL MODULE: ./src/platform/api-error.ts
var api_error = __webpack_require__(268);
// EXTERNAL MODULE: ./src/http/routes.ts
var http_routes = __webpack_require__(7887);
// EXTERNAL MODULE: ./src/platform/endpoints.ts
var endpoints = __webpack_require__(3117);
;// CONCATENATED MODULE: ./src/platform/cancel.ts


/**
 * Asks the platform to cancel a run; false when it is gone or finished already (404, 409).
 * A module of its own: the post step loads it and nothing that could trigger a run.
 */
async function requestCancel(connection, runId, context) {
    const url = (0,endpoints/* endpointUrl */.Pb)(connection.baseUrl, connection.paths.cancel, runId);
    try {
        return await connection.sender.send('cancel', 'POST', url, { name: 'cancel', runId }, connection.options(context), () => true);
    }
    catch (error) {
        if (error instanceof api_error/* ApiError */.h && (error.httpStatus === 404 || error.httpStatus === 409)) {
            return false;
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/http/transport.ts + 3 modules
var transport = __webpack_require__(1435);
// EXTERNAL MODULE: ./src/http/network-errors.ts
var network_errors = __webpack_require__(8360);
// EXTERNAL MODULE: ./src/util/json.ts
var util_json = __webpack_require__(4976);
// EXTERNAL MODULE: ./src/platform/status.ts
var platform_status = __webpack_require__(4829);
;// CONCATENATED MODULE: ./src/platform/run-object.ts

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
        const status = (0,platform_status/* normalizeStatus */.S)(record.status);
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

;// CONCATENATED MODULE: ./src/platform/http-errors.ts




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
    const json = (0,util_json/* tryParseJson */.B)(body);
    return json === undefined ? body : (JSON.stringify(json.value) ?? body);
}
/** The server's own explanation, if its body has one, else an excerpt of the body. */
function serverDetail(body) {
    const json = (0,util_json/* tryParseJson */.B)(body);
    return (json && errorMessageFrom(json.value)) ?? excerpt(body);
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
    if (status === 407 && notes.proxy) {
        // A proxy carrying plain http answers for itself: the platform never saw the request.
        return new api_error/* ApiError */.h(`The proxy at ${notes.proxy.address} (${notes.proxy.variable}) asked for credentials ` +
            `(HTTP 407) and refused the request; nothing reached the platform. Put the proxy's user ` +
            `and password in ${notes.proxy.variable} (http://user:password@host:port).`, { kind: 'unreachable', httpStatus: status });
    }
    const ambiguous = notes.ambiguous === true;
    const tail = ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : '';
    switch (status) {
        case 401:
            return new api_error/* ApiError */.h(`The platform rejected the API key (HTTP 401: ${detail}). ` +
                'Check that the `api-key` secret is set, complete and not revoked.', { kind: 'auth', httpStatus: status });
        case 403: {
            const permission = endpoint.name === 'trigger'
                ? 'trigger workflow executions'
                : endpoint.name === 'get'
                    ? 'read run results'
                    : 'cancel runs';
            return new api_error/* ApiError */.h(`The API key is not allowed to ${permission} (HTTP 403: ${detail}). ` +
                `Give the key the permission to ${permission}, or use a key that has it.`, { kind: 'permission', httpStatus: status });
        }
        case 404:
            return new api_error/* ApiError */.h(endpoint.name === 'trigger'
                ? `Workflow '${endpoint.workflowId}' was not found (HTTP 404: ${detail}). ` +
                    'Check `workflow-id`, that the workflow is deployed, that the key can access it, ' +
                    'and that `base-url` points at the platform API.'
                : `Run '${endpoint.runId}' was not found (HTTP 404: ${detail}). ` +
                    'Check `base-url` and `run-path`.', { kind: 'not-found', httpStatus: status });
        case 400:
        case 422:
            return new api_error/* ApiError */.h(`The platform rejected the request for ${describeTarget(endpoint)} as invalid (HTTP ${status}). ` +
                `Fix the step's \`inputs\`:\n${detail
                    .split('\n')
                    .map(line => `  - ${line}`)
                    .join('\n')}`, { kind: 'invalid-request', httpStatus: status });
        case 429:
            return new api_error/* ApiError */.h(`The platform kept rate-limiting requests for ${describeTarget(endpoint)} (HTTP 429: ${detail})` +
                `${notes.attempts ? ` after ${notes.attempts} attempts` : ''}. ` +
                (endpoint.name === 'trigger'
                    ? 'The trigger waited for a free slot until `timeout` was spent: run fewer workflows at once, or raise `timeout`.'
                    : 'Run fewer workflows at once, or raise `retries`.'), { kind: 'rate-limited', httpStatus: status });
        default:
            return new api_error/* ApiError */.h(`The platform failed on ${describeTarget(endpoint)} with HTTP ${status}: ${detail}` +
                `${notes.attempts && notes.attempts > 1 ? ` (after ${notes.attempts} attempts)` : ''}.${tail}`, {
                kind: status >= 500 ? 'platform' : 'protocol',
                httpStatus: status,
                runMayHaveStarted: ambiguous
            });
    }
}
/** A request that got no HTTP answer: before it was sent (safe to retry) or after (maybe seen). */
function networkError(endpoint, origin, error, sent, proxy) {
    const reason = (0,network_errors/* networkReason */.d8)(error);
    const proxyFault = (0,network_errors/* proxyFailureMessage */.UC)(error, proxy, 'the platform', origin);
    if (proxyFault !== undefined) {
        // Refused by the proxy, or the proxy could not be reached: the platform saw nothing.
        return new api_error/* ApiError */.h(proxyFault, { kind: 'unreachable', cause: error });
    }
    if ((0,network_errors/* isCertificateError */.Y4)(error)) {
        return new api_error/* ApiError */.h(`The platform's certificate for ${new URL(origin).host} is not trusted (${reason}); nothing ` +
            'was sent. If the platform uses a private certificate authority, set NODE_EXTRA_CA_CERTS ' +
            "in the job's env to the path of that authority's certificate (PEM).", { kind: 'unreachable', cause: error });
    }
    if (!sent) {
        // Nothing left this machine, so nothing can have started: never "a run may have started".
        return new api_error/* ApiError */.h(`Could not reach the platform at ${origin} (${reason}); nothing was sent. ` +
            'Check `base-url` and that this runner can reach the host.', { kind: 'unreachable', cause: error });
    }
    const ambiguous = endpoint.name === 'trigger';
    const via = proxy ? ` through the proxy at ${proxy.address} (${proxy.variable})` : '';
    return new api_error/* ApiError */.h(`The connection to ${origin}${via} failed after the request was sent (${reason}).` +
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
    return new api_error/* ApiError */.h(`The platform answered ${method} ${url.pathname} with a redirect (HTTP ${status}) ${why}` +
        (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''), { kind: 'protocol', httpStatus: status, runMayHaveStarted: ambiguous });
}

// EXTERNAL MODULE: ./src/http/retrying.ts + 2 modules
var retrying = __webpack_require__(4070);
;// CONCATENATED MODULE: ./src/platform/sender.ts



/**
 * Sends the platform's requests with the retry table's rules for their kind (a trigger is
 * retried only where no run can have started; a get or a cancel is safe to repeat) and turns
 * the final failure into an ApiError that says what to fix.
 */
class Sender {
    config;
    constructor(config) {
        this.config = config;
    }
    /**
     * Sends one request of `kind`, retried as the retry table says for that kind; `read` turns a
     * 2xx into the result, or an ApiError when its body cannot be used (retried where allowed).
     */
    async send(kind, method, url, endpoint, options, read = answer => answer) {
        const { config } = this;
        let outcome;
        try {
            outcome = await (0,retrying/* sendRetrying */.X)({
                ...config,
                onRateLimited: attempts => {
                    if (kind !== 'trigger')
                        return;
                    // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
                    const note = 'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.';
                    if (attempts === 1)
                        config.logger.info(note);
                    else
                        config.logger.debug(note);
                }
            }, kind, method, url, options, read);
        }
        catch (error) {
            if (error instanceof transport/* RedirectRefused */.Jh)
                throw redirectError(error);
            throw error;
        }
        switch (outcome.kind) {
            case 'read':
                return outcome.value;
            case 'unreadable':
                throw outcome.error;
            case 'network': {
                const { error, sent, proxy } = outcome.attempt;
                throw networkError(endpoint, config.origin, error, sent, proxy);
            }
            case 'answer':
                throw httpStatusError(endpoint, outcome.answer.status, config.quote(outcome.answer.body), {
                    attempts: outcome.attempts,
                    // A trigger answered 500, 502 or 504 may have started its run.
                    ambiguous: kind === 'trigger' && outcome.failure === 'server-error',
                    proxy: outcome.answer.proxy
                });
        }
    }
}

;// CONCATENATED MODULE: ./src/platform/connection.ts




function connectToPlatform(config) {
    // A body quoted in an error: JSON re-serialised (so that no escape hides an echoed key) and
    // the key removed before any excerpt could cut it in two.
    const quote = (body) => config.redact(normaliseJson(body));
    const sender = new Sender({
        transport: new transport/* HttpTransport */.G5(config.routes ?? new http_routes/* Routes */.B(), config.clock, config.logger, config.requestTimeoutMs),
        clock: config.clock,
        logger: config.logger,
        random: config.random ?? Math.random,
        retries: config.retries,
        origin: config.baseUrl.origin,
        quote
    });
    const authorization = `Bearer ${config.apiKey}`;
    return {
        baseUrl: config.baseUrl,
        paths: config.paths,
        sender,
        options: extra => ({ ...extra, headers: { authorization } }),
        quote
    };
}

;// CONCATENATED MODULE: ./src/platform/large-json.ts

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const PIECE_BYTES = 256 * 1024;
/**
 * Parses JSON from bytes, leaving every string longer than `largeBytes` (as written) in place.
 * Throws a SyntaxError, as JSON.parse does, when the bytes are not JSON.
 */
function parseJsonBytes(bytes, largeBytes, pieceBytes = PIECE_BYTES, idFields = []) {
    const tag = `large-json:${(0,external_node_crypto_.randomUUID)()}:`;
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
    // A long string that is not valid JSON text makes the whole answer unreadable, now (checked
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

;// CONCATENATED MODULE: ./src/platform/run-answer.ts


/** Strings longer than this stay in the answer's bytes: no step output could carry them whole. */
const LARGE_STRING_BYTES = 512 * 1024;
/**
 * Reads a trigger or get answer (a 2xx body) as a run, or undefined when it is not JSON or not a
 * run object. A long output is not decoded here but handed on as pieces (large-json.ts), and
 * `raw` notes, instead of holding, any long string left out of it.
 */
function readRunAnswer(bytes) {
    let body;
    try {
        body = parseJsonBytes(bytes, LARGE_STRING_BYTES, undefined, ID_FIELDS);
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
        snapshot.rawStatus
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

;// CONCATENATED MODULE: ./src/platform/client.ts







/** The platform's API: one method per endpoint; the retry policy is the retry table's. */
class PlatformClient {
    connection;
    constructor(config) {
        this.connection = connectToPlatform(config);
    }
    /** POSTs the trigger and returns the platform's first view of the run. */
    async trigger(request, context) {
        const answer = await this.post(this.connection.paths.trigger, request, context, false);
        return this.triggeredRun(answer);
    }
    /** POSTs the streaming trigger, with the trigger's retry rules, and returns its answer unread. */
    async stream(request, context) {
        const answer = await this.post(this.connection.paths.stream, request, context, true);
        if (answer.stream)
            return { kind: 'events', events: answer.stream };
        return { kind: 'run', run: this.triggeredRun(answer) };
    }
    /** Gets a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
    async get(runId, context) {
        const { connection } = this;
        const url = (0,endpoints/* endpointUrl */.Pb)(connection.baseUrl, connection.paths.run, runId);
        return connection.sender.send('get', 'GET', url, { name: 'get', runId }, connection.options(context), answer => {
            const snapshot = readRunAnswer(answer.bytes ?? Buffer.alloc(0));
            if (snapshot?.runId !== undefined && snapshot.runId !== runId) {
                // Not retried: the platform is answering for another run, and its status is not ours.
                throw new api_error/* ApiError */.h(`The platform answered the get of run '${runId}' with run ` +
                    `${JSON.stringify(snapshot.runId.slice(0, 80))}; the action does not take another ` +
                    "run's status or output for this one. Check `run-path`.", { kind: 'protocol', httpStatus: answer.status });
            }
            if (snapshot)
                return snapshot;
            return new api_error/* ApiError */.h(`The platform's answer for run '${runId}' is not a run object: ${this.excerptOf(answer)}`, { kind: 'protocol', httpStatus: answer.status });
        });
    }
    /** Asks the platform to cancel a run; false when it is gone or finished already (404, 409). */
    cancel(runId, context) {
        return requestCancel(this.connection, runId, context);
    }
    /** The start of a 2xx body that could not be read as a run, for a message. */
    excerptOf(answer) {
        const text = (answer.bytes ?? Buffer.alloc(0)).toString('utf8', 0, 64 * 1024);
        return excerpt(this.connection.quote(text));
    }
    async post(path, request, context, stream) {
        const body = JSON.stringify({
            workflow_configuration_id: request.workflowId,
            inputs: request.inputs,
            ...(request.threadId ? { thread_id: request.threadId } : {})
        });
        // One Idempotency-Key covers every attempt of the trigger.
        return this.connection.sender.send('trigger', 'POST', (0,endpoints/* endpointUrl */.Pb)(this.connection.baseUrl, path), { name: 'trigger', workflowId: request.workflowId }, { ...this.connection.options(context), body, idempotencyKey: (0,external_node_crypto_.randomUUID)(), stream });
    }
    triggeredRun(answer) {
        const snapshot = readRunAnswer(answer.bytes ?? Buffer.alloc(0));
        if (snapshot?.runId === undefined) {
            throw new api_error/* ApiError */.h(`The platform accepted the trigger (HTTP ${answer.status}) but its answer names no run ` +
                `(looked for run_id, id, execution_id): ${this.excerptOf(answer)}\n${RUN_MAY_HAVE_STARTED}`, { kind: 'protocol', httpStatus: answer.status, runMayHaveStarted: true });
        }
        return { ...snapshot, runId: snapshot.runId };
    }
}

;// CONCATENATED MODULE: ./src/run/cancel.ts

/** A cancel has its own short deadline: it is sent when the job itself is about to end. */
const CANCEL_DEADLINE_MS = 2_000;
/**
 * Asks the platform to cancel a run, within CANCEL_DEADLINE_MS (retrying 429, 5xx and network
 * failures inside it), and says what happened in one log line. It never throws: the caller is
 * ending the step either way.
 */
async function cancelRun(runId, deps, why) {
    try {
        // Not the job's signal, which is what is being answered: the cancel has its own deadline.
        const cancelled = await deps.client.cancel(runId, {
            deadline: deps.clock.now() + CANCEL_DEADLINE_MS
        });
        if (cancelled) {
            deps.logger.info(`Cancelled run ${runId} on the platform (${why}).`);
            return 'cancelled';
        }
        deps.logger.info(`Run ${runId} had already finished on the platform; nothing to cancel (${why}).`);
        return 'already-finished';
    }
    catch (error) {
        deps.logger.warning(`Could not cancel run ${runId} (${why}): ${(0,errors/* getErrorMessage */.u)(error)} ` +
            'It may still be running on the platform.');
        return 'failed';
    }
}

// EXTERNAL MODULE: ./src/run/state.ts
var run_state = __webpack_require__(4352);
// EXTERNAL MODULE: ./src/run/timing.ts
var timing = __webpack_require__(9959);
;// CONCATENATED MODULE: ./src/run/poll.ts




/**
 * How much of the time already waited the next delay may be. Short runs are noticed within
 * half a second (the default poll interval), long ones cost few requests (about 20 for a 60 s
 * run), and the lag after completion stays under a quarter of the run's length.
 */
const POLL_GROWTH = 0.25;
function nextPollDelayMs(elapsedMs, pollIntervalMs, maxPollIntervalMs) {
    const delay = Math.min(maxPollIntervalMs, Math.max(pollIntervalMs, elapsedMs * POLL_GROWTH));
    return Math.max(timing/* MIN_POLL_DELAY_MS */.e, delay);
}
// The last get is allowed to finish a little past the deadline, so that a run which ended
// just in time is reported as finished rather than as timed out.
const FINAL_GET_GRACE_MS = 5_000;
const LASTING_ERRORS = new Set([
    'auth',
    'permission',
    'not-found',
    'invalid-request'
]);
/** Gets the run until its status is terminal or the deadline passes. */
async function pollRun(reader, runId, options) {
    const { clock, timing, signal } = options;
    let gets = 0;
    for (let first = true;; first = false) {
        const now = clock.now();
        const delay = first && options.getFirst
            ? 0
            : nextPollDelayMs(now - timing.startedAt, timing.pollIntervalMs, timing.maxPollIntervalMs);
        await clock.sleep(Math.max(0, Math.min(now + delay, timing.deadline) - now), signal);
        let snapshot;
        try {
            snapshot = await reader.get(runId, { deadline: timing.deadline + FINAL_GET_GRACE_MS, signal });
        }
        catch (error) {
            // Past the deadline a passing failure means "timed out"; a lasting one is still itself.
            const lasting = error instanceof api_error/* ApiError */.h && LASTING_ERRORS.has(error.kind);
            if (!lasting && clock.now() >= timing.deadline)
                return { timedOut: true, gets };
            throw error;
        }
        gets++;
        options.onSnapshot(snapshot);
        if ((0,platform_status/* isTerminal */.H)(snapshot.status))
            return { timedOut: false, gets };
        if (clock.now() >= timing.deadline)
            return { timedOut: true, gets };
    }
}
/**
 * Follows a run by getting it until it ends or the deadline passes: the state is kept up to
 * date, status changes are logged, and the last output read replaces what the sink holds.
 */
async function followRun(runId, timing, deps, state, options = {}) {
    const { clock, logger } = deps;
    if (state.runId !== runId) {
        deps.onRunStarted?.(runId);
        state.runId = runId;
    }
    if (state.finished)
        return;
    let lastStatus = state.status;
    let output;
    try {
        const result = await pollRun(deps.client, runId, {
            timing,
            clock,
            signal: deps.signal,
            getFirst: options.getFirst,
            onSnapshot: snapshot => {
                (0,run_state/* recordSnapshot */.w7)(state, snapshot, clock.now());
                if (snapshot.output !== undefined)
                    output = snapshot.output;
                // The end is reported once, by the action, with the duration.
                if (snapshot.status !== lastStatus && !(0,platform_status/* isTerminal */.H)(snapshot.status)) {
                    logger.info(`Run ${runId} is ${snapshot.rawStatus ?? 'in an unknown state'}.`);
                    lastStatus = snapshot.status;
                }
            }
        });
        logger.debug(`${result.gets} gets of run ${runId}`);
        if (result.timedOut)
            (0,run_state/* recordTimeout */.Bh)(state, timing, clock.now());
    }
    finally {
        // Even when a get fails for good, the output read before it is the run's latest.
        if (output !== undefined)
            await deps.sink.replace(output);
    }
}

;// CONCATENATED MODULE: ./node_modules/eventsource-parser/dist/index.js
class ParseError extends Error {
  constructor(message, options) {
    super(message), this.name = "ParseError", this.type = options.type, this.field = options.field, this.value = options.value, this.line = options.line;
  }
}
const LF = 10, CR = 13, SPACE = 32;
function noop(_arg) {
}
function createParser(config) {
  if (typeof config == "function")
    throw new TypeError(
      "`config` must be an object, got a function instead. Did you mean `createParser({onEvent: fn})`?"
    );
  const { onEvent = noop, onError = noop, onRetry = noop, onComment, maxBufferSize } = config, pendingFragments = [];
  let pendingFragmentsLength = 0, isFirstChunk = !0, id, data = "", dataLines = 0, eventType, terminated = !1;
  function feed(chunk) {
    if (terminated)
      throw new Error(
        "Cannot feed parser: it was terminated after exceeding the configured max buffer size. Call `reset()` to resume parsing."
      );
    if (isFirstChunk && (isFirstChunk = !1, chunk.charCodeAt(0) === 239 && chunk.charCodeAt(1) === 187 && chunk.charCodeAt(2) === 191 && (chunk = chunk.slice(3))), pendingFragments.length === 0) {
      const trailing2 = processLines(chunk);
      trailing2 !== "" && (pendingFragments.push(trailing2), pendingFragmentsLength = trailing2.length), checkBufferSize();
      return;
    }
    if (chunk.indexOf(`
`) === -1 && chunk.indexOf("\r") === -1) {
      pendingFragments.push(chunk), pendingFragmentsLength += chunk.length, checkBufferSize();
      return;
    }
    pendingFragments.push(chunk);
    const input = pendingFragments.join("");
    pendingFragments.length = 0, pendingFragmentsLength = 0;
    const trailing = processLines(input);
    trailing !== "" && (pendingFragments.push(trailing), pendingFragmentsLength = trailing.length), checkBufferSize();
  }
  function checkBufferSize() {
    maxBufferSize !== void 0 && (pendingFragmentsLength + data.length <= maxBufferSize || (terminated = !0, pendingFragments.length = 0, pendingFragmentsLength = 0, id = void 0, data = "", dataLines = 0, eventType = void 0, onError(
      new ParseError(`Buffered data exceeded max buffer size of ${maxBufferSize} characters`, {
        type: "max-buffer-size-exceeded"
      })
    )));
  }
  function processLines(chunk) {
    let searchIndex = 0;
    if (chunk.indexOf("\r") === -1) {
      let lfIndex = chunk.indexOf(`
`, searchIndex);
      for (; lfIndex !== -1; ) {
        if (searchIndex === lfIndex) {
          dataLines > 0 && onEvent({ id, event: eventType, data }), id = void 0, data = "", dataLines = 0, eventType = void 0, searchIndex = lfIndex + 1, lfIndex = chunk.indexOf(`
`, searchIndex);
          continue;
        }
        const firstCharCode = chunk.charCodeAt(searchIndex);
        if (isDataPrefix(chunk, searchIndex, firstCharCode)) {
          const valueStart = chunk.charCodeAt(searchIndex + 5) === SPACE ? searchIndex + 6 : searchIndex + 5, value = chunk.slice(valueStart, lfIndex);
          if (dataLines === 0 && chunk.charCodeAt(lfIndex + 1) === LF) {
            onEvent({ id, event: eventType, data: value }), id = void 0, data = "", eventType = void 0, searchIndex = lfIndex + 2, lfIndex = chunk.indexOf(`
`, searchIndex);
            continue;
          }
          data = dataLines === 0 ? value : `${data}
${value}`, dataLines++;
        } else isEventPrefix(chunk, searchIndex, firstCharCode) ? eventType = chunk.slice(
          chunk.charCodeAt(searchIndex + 6) === SPACE ? searchIndex + 7 : searchIndex + 6,
          lfIndex
        ) || void 0 : parseLine(chunk, searchIndex, lfIndex);
        searchIndex = lfIndex + 1, lfIndex = chunk.indexOf(`
`, searchIndex);
      }
      return chunk.slice(searchIndex);
    }
    for (; searchIndex < chunk.length; ) {
      const crIndex = chunk.indexOf("\r", searchIndex), lfIndex = chunk.indexOf(`
`, searchIndex);
      let lineEnd = -1;
      if (crIndex !== -1 && lfIndex !== -1 ? lineEnd = crIndex < lfIndex ? crIndex : lfIndex : crIndex !== -1 ? crIndex === chunk.length - 1 ? lineEnd = -1 : lineEnd = crIndex : lfIndex !== -1 && (lineEnd = lfIndex), lineEnd === -1)
        break;
      parseLine(chunk, searchIndex, lineEnd), searchIndex = lineEnd + 1, chunk.charCodeAt(searchIndex - 1) === CR && chunk.charCodeAt(searchIndex) === LF && searchIndex++;
    }
    return chunk.slice(searchIndex);
  }
  function parseLine(chunk, start, end) {
    if (start === end) {
      dispatchEvent();
      return;
    }
    const firstCharCode = chunk.charCodeAt(start);
    if (isDataPrefix(chunk, start, firstCharCode)) {
      const valueStart = chunk.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, value2 = chunk.slice(valueStart, end);
      data = dataLines === 0 ? value2 : `${data}
${value2}`, dataLines++;
      return;
    }
    if (isEventPrefix(chunk, start, firstCharCode)) {
      eventType = chunk.slice(chunk.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end) || void 0;
      return;
    }
    if (firstCharCode === 105 && chunk.charCodeAt(start + 1) === 100 && chunk.charCodeAt(start + 2) === 58) {
      const value2 = chunk.slice(chunk.charCodeAt(start + 3) === SPACE ? start + 4 : start + 3, end);
      value2.includes("\0") || (id = value2);
      return;
    }
    if (firstCharCode === 58) {
      if (onComment) {
        const line2 = chunk.slice(start, end);
        onComment(line2.slice(chunk.charCodeAt(start + 1) === SPACE ? 2 : 1));
      }
      return;
    }
    const line = chunk.slice(start, end), fieldSeparatorIndex = line.indexOf(":");
    if (fieldSeparatorIndex === -1) {
      processField(line, "", line);
      return;
    }
    const field = line.slice(0, fieldSeparatorIndex), offset = line.charCodeAt(fieldSeparatorIndex + 1) === SPACE ? 2 : 1, value = line.slice(fieldSeparatorIndex + offset);
    processField(field, value, line);
  }
  function processField(field, value, line) {
    switch (field) {
      case "event":
        eventType = value || void 0;
        break;
      case "data":
        data = dataLines === 0 ? value : `${data}
${value}`, dataLines++;
        break;
      case "id":
        value.includes("\0") || (id = value);
        break;
      case "retry":
        /^\d+$/.test(value) ? onRetry(parseInt(value, 10)) : onError(
          new ParseError(`Invalid \`retry\` value: "${value}"`, {
            type: "invalid-retry",
            value,
            line
          })
        );
        break;
      default:
        onError(
          new ParseError(
            `Unknown field "${field.length > 20 ? `${field.slice(0, 20)}\u2026` : field}"`,
            { type: "unknown-field", field, value, line }
          )
        );
        break;
    }
  }
  function dispatchEvent() {
    dataLines > 0 && onEvent({
      id,
      event: eventType,
      data
    }), id = void 0, data = "", dataLines = 0, eventType = void 0;
  }
  function reset(options = {}) {
    if (options.consume && pendingFragments.length > 0) {
      const incompleteLine = pendingFragments.join("");
      parseLine(incompleteLine, 0, incompleteLine.length);
    }
    isFirstChunk = !0, id = void 0, data = "", dataLines = 0, eventType = void 0, pendingFragments.length = 0, pendingFragmentsLength = 0, terminated = !1;
  }
  return { feed, reset };
}
function isDataPrefix(chunk, i, firstCharCode) {
  return firstCharCode === 100 && chunk.charCodeAt(i + 1) === 97 && chunk.charCodeAt(i + 2) === 116 && chunk.charCodeAt(i + 3) === 97 && chunk.charCodeAt(i + 4) === 58;
}
function isEventPrefix(chunk, i, firstCharCode) {
  return firstCharCode === 101 && chunk.charCodeAt(i + 1) === 118 && chunk.charCodeAt(i + 2) === 101 && chunk.charCodeAt(i + 3) === 110 && chunk.charCodeAt(i + 4) === 116 && chunk.charCodeAt(i + 5) === 58;
}

//# sourceMappingURL=index.js.map

;// CONCATENATED MODULE: ./src/platform/stream-events.ts




/** The first of `delta`, `content`, `text` and `token` that is text: a piece of the output. */
const PIECE_FIELDS = ['delta', 'content', 'text', 'token'];
/** Reads one event's `data`: 'done' for `[DONE]`, undefined for data that is not a JSON object. */
function interpretEventData(data) {
    if (data.trim() === '[DONE]')
        return 'done';
    const json = (0,util_json/* tryParseJson */.B)(quoteLongIntegers(data, ID_FIELDS));
    if (json === undefined || !isRecord(json.value))
        return undefined;
    const fields = json.value;
    const update = readIdentity(fields);
    for (const field of PIECE_FIELDS) {
        const piece = fields[field];
        if (typeof piece === 'string') {
            update.piece = piece;
            break;
        }
    }
    if (fields.output !== undefined && fields.output !== null)
        update.output = outputText(fields.output);
    // An event's `message` or `detail` is often progress ("node LLM finished"): it is read as the
    // error only in a failure event. An `error` field counts when it says something.
    const error = errorMessageFrom({ error: fields.error }) ??
        (update.status === 'failed' ? errorMessageFrom(fields) : undefined);
    if (error !== undefined)
        update.error = error;
    return update;
}
// A final `output` event carries the whole answer; past this many characters the stream is
// treated as broken and the run is read by id instead.
const MAX_EVENT_CHARS = 32 * 1024 * 1024;
/**
 * Feeds the bytes of a server-sent-event stream through a streaming UTF-8 decoder (so that a
 * character split across chunks survives) into the parser, calling `onUpdate` for each event
 * and `onActivity` for anything at all (heartbeats included). Resolves with how the stream
 * ended; rejects when it breaks.
 */
async function readEventStream(chunks, handlers) {
    let done = false;
    let parseError;
    // Updates of one chunk are handled before the next chunk is read: the stream waits for the
    // output file, so memory does not fill with events when the disk is slower than the network.
    let updates = [];
    const handle = async () => {
        const batch = mergePieces(updates);
        updates = [];
        for (const update of batch)
            await handlers.onUpdate(update);
    };
    const parser = createParser({
        maxBufferSize: MAX_EVENT_CHARS,
        onEvent: event => {
            if (done)
                return;
            const update = interpretEventData(event.data);
            if (update === 'done')
                done = true;
            else if (update !== undefined)
                updates.push(update);
        },
        onError: error => {
            if (error.type === 'max-buffer-size-exceeded')
                parseError = error;
        }
    });
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for await (const chunk of chunks) {
        handlers.onActivity();
        text = decoder.decode(chunk, { stream: true });
        parser.feed(text);
        await handle();
        if (parseError)
            throw parseError;
        if (done)
            return 'done';
    }
    const tail = decoder.decode();
    if (tail !== '') {
        text = tail;
        parser.feed(tail);
    }
    // A final CR may yet be the first half of a CRLF, so the parser holds the line it ends (and
    // with it a closing blank line). The stream is over: say so with the LF that settles it.
    if (text.endsWith('\r'))
        parser.feed('\n');
    await handle();
    return done ? 'done' : 'ended';
}
/**
 * Consecutive events that only carry a piece of output, as one: a model streams a token an
 * event, and one chunk from the network holds hundreds of them; their order and text are kept.
 */
function mergePieces(updates) {
    const merged = [];
    let pieces = [];
    const flush = () => {
        if (pieces.length > 0)
            merged.push({ piece: pieces.join('') });
        pieces = [];
    };
    for (const update of updates) {
        if (update.piece !== undefined && Object.keys(update).length === 1) {
            pieces.push(update.piece);
        }
        else {
            flush();
            merged.push(update);
        }
    }
    flush();
    return merged;
}

;// CONCATENATED MODULE: ./src/util/abort.ts
/**
 * A signal that follows `signal` after a delay: aborted `delayMs` after it is, with the same
 * reason. For work that should not stop the instant the job is cancelled, but soon after.
 */
function abortedLater(signal, delayMs) {
    const later = new AbortController();
    const follow = () => {
        const timer = setTimeout(() => later.abort(signal.reason), delayMs);
        // Nothing to wait for once the work is done: the process must not stay up for it.
        timer.unref();
    };
    if (signal.aborted)
        follow();
    else
        signal.addEventListener('abort', follow, { once: true });
    return later.signal;
}

;// CONCATENATED MODULE: ./src/run/trigger.ts


/**
 * How long a trigger already sent may go on after the job is cancelled: its answer names the
 * run, which can then be cancelled rather than left running unseen.
 */
const TRIGGER_SETTLE_MS = 2_500;
/** POSTs the trigger and records the run it created; following it is the caller's choice. */
async function triggerRun(request, timing, deps, state) {
    const run = await deps.client.trigger(request, beginTrigger(request, timing, deps, state));
    await recordTriggeredRun(run, deps, state);
    // Cancelled while the trigger was on its way: the run is known now, and the caller cancels it.
    deps.signal.throwIfAborted();
    deps.logger.info(`Started run ${run.runId} of workflow ${request.workflowId}` +
        `${state.threadId ? ` in thread ${state.threadId}` : ''} (${run.rawStatus ?? 'status unknown'}).`);
}
/**
 * Notes that a trigger is about to be sent, and gives its request context: the overall deadline,
 * the job's signal for every wait, and for the request itself a signal that lets it finish for
 * a moment after the job is cancelled (its answer names the run to cancel); the state learns
 * whether the trigger may be creating a run right now.
 */
function beginTrigger(request, timing, deps, state) {
    state.workflowId = request.workflowId;
    state.startedAt = timing.startedAt;
    deps.signal.throwIfAborted();
    return {
        deadline: timing.deadline,
        signal: deps.signal,
        requestSignal: abortedLater(deps.signal, TRIGGER_SETTLE_MS),
        onInFlight: inFlight => (state.triggerInFlight = inFlight)
    };
}
/** Notes the run a trigger answered with; an output it already carries goes to the sink. */
async function recordTriggeredRun(run, deps, state) {
    // Told first: an id the action must not use is refused before anything uses it.
    deps.onRunStarted?.(run.runId);
    state.runId = run.runId;
    (0,run_state/* recordSnapshot */.w7)(state, run, deps.clock.now());
    if (run.output !== undefined)
        await deps.sink.replace(run.output);
}

;// CONCATENATED MODULE: ./src/run/stream.ts







/** With nothing at all (not even a heartbeat) for this long, the stream is given up for polling. */
const STREAM_IDLE_TIMEOUT_MS = 60_000;
// After a terminal status, a final `output` or `[DONE]` may still be on its way.
const AFTER_TERMINAL_GRACE_MS = 1_000;
/**
 * Triggers the run through the streaming endpoint and follows its events: output is echoed
 * to the log and written to the sink as it comes, and the step ends with the run. If the
 * stream ends, breaks or goes quiet first, the run is followed by getting it by id, never by
 * triggering again.
 */
async function streamRun(request, timing, deps, state) {
    const { clock, logger } = deps;
    // The request's own signal also bounds the stream: after a cancel, only until the event that
    // names the run.
    const answer = await deps.client.stream(request, beginTrigger(request, timing, deps, state));
    if (answer.kind === 'run') {
        // The platform answered with a run object rather than a stream: follow it by polling.
        await recordTriggeredRun(answer.run, deps, state);
        deps.signal.throwIfAborted();
        logger.info(`Started run ${answer.run.runId}; the platform sent no stream, so it is polled.`);
        return followRun(answer.run.runId, timing, deps, state, { getFirst: true });
    }
    const idleTimeoutMs = deps.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS;
    const reading = await readRunEvents(answer.events, request, timing, deps, state, idleTimeoutMs);
    deps.live.close();
    deps.signal.throwIfAborted();
    if (state.finished)
        return;
    const now = clock.now();
    if (now >= timing.deadline && state.runId !== undefined) {
        return (0,run_state/* recordTimeout */.Bh)(state, timing, now);
    }
    const why = now >= timing.deadline
        ? '`timeout` was spent'
        : reading.idle
            ? `nothing arrived for ${idleTimeoutMs / 1000} s`
            : reading.end === 'broken'
                ? `the stream broke (${(0,errors/* getErrorMessage */.u)(reading.cause)})`
                : 'the stream ended before the run did';
    if (state.runId === undefined) {
        throw new api_error/* ApiError */.h(`The run's stream stopped before it named the run (${why}), so the action cannot follow ` +
            'it. A run may have started: check the platform before re-running this job.', { kind: 'protocol', runMayHaveStarted: true, cause: reading.cause });
    }
    logger.info(`${capitalise(why)}; following run ${state.runId} by getting it.`);
    // The run as read then replaces what the stream gave, when it carries an output.
    return followRun(state.runId, timing, deps, state, { getFirst: true });
}
/** Reads the events into the state, the sink and the live log, until the stream stops. */
async function readRunEvents(events, request, timing, deps, state, idleTimeoutMs) {
    const { clock, logger } = deps;
    let lastStatus = state.status;
    let afterTerminal;
    let idle;
    let idleExpired = false;
    let lastActivity = clock.now();
    // One timer, moved on only when it fires: a fast stream has activity thousands of times a
    // second, and re-arming a timer each time would cost more than reading the events.
    const watchIdle = (ms) => {
        idle = setTimeout(() => {
            const quiet = clock.now() - lastActivity;
            if (quiet < idleTimeoutMs)
                return watchIdle(idleTimeoutMs - quiet);
            idleExpired = true;
            events.destroy(new Error('no event or heartbeat'));
        }, ms);
    };
    const resetIdle = () => {
        lastActivity = clock.now();
    };
    const untilDeadline = setTimeout(() => events.destroy(new Error('timeout spent')), Math.max(0, timing.deadline - clock.now()));
    // When the job is cancelled the stream stops, but not before it has named the run (which
    // the request's own signal bounds), so that the run can be cancelled too.
    const stopWhenNamed = () => {
        if (deps.signal.aborted && state.runId !== undefined)
            events.destroy(new Error('job cancelled'));
    };
    deps.signal.addEventListener('abort', stopWhenNamed, { once: true });
    const onUpdate = async (update) => {
        if (update.runId && state.runId === undefined) {
            deps.onRunStarted?.(update.runId);
            state.runId = update.runId;
            stopWhenNamed();
            if (update.threadId)
                state.threadId = update.threadId;
            logger.info(`Started run ${update.runId} of workflow ${request.workflowId}` +
                `${state.threadId ? ` in thread ${state.threadId}` : ''}; streaming its output.`);
        }
        else if (update.threadId && state.threadId === undefined) {
            state.threadId = update.threadId;
        }
        if (update.piece !== undefined) {
            deps.live.push(update.piece);
            await deps.sink.append(update.piece);
        }
        if (update.output !== undefined)
            await deps.sink.replace(update.output);
        if (update.error !== undefined)
            state.error = update.error;
        if (update.status === undefined)
            return;
        // The stream has no run object; `result` gets the run as the events described it.
        const raw = {
            run_id: state.runId,
            thread_id: state.threadId,
            status: update.rawStatus,
            ...(state.error === undefined ? {} : { error: state.error })
        };
        (0,run_state/* recordSnapshot */.w7)(state, { status: update.status, raw, error: update.error }, clock.now());
        // The first status is told by the "Started run" line; the end, by the action with the duration.
        if (lastStatus !== undefined && update.status !== lastStatus && !(0,platform_status/* isTerminal */.H)(update.status)) {
            logger.info(`Run ${state.runId ?? '(id not yet known)'} is ${update.rawStatus}.`);
        }
        lastStatus = update.status;
        if ((0,platform_status/* isTerminal */.H)(update.status) && afterTerminal === undefined) {
            // A final output or [DONE] may follow; a server that keeps the stream open says nothing
            // more that matters, and the step must end with the run.
            afterTerminal = setTimeout(() => events.destroy(new Error('closed after the run ended')), AFTER_TERMINAL_GRACE_MS);
        }
    };
    watchIdle(idleTimeoutMs);
    try {
        const end = await readEventStream(events, { onUpdate, onActivity: resetIdle });
        return { end, idle: idleExpired };
    }
    catch (cause) {
        return { end: 'broken', idle: idleExpired, cause };
    }
    finally {
        clearTimeout(idle);
        clearTimeout(untilDeadline);
        clearTimeout(afterTerminal);
        deps.signal.removeEventListener('abort', stopWhenNamed);
        events.destroy();
    }
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/util/clock.ts
var clock = __webpack_require__(7110);
// EXTERNAL MODULE: ./src/action/core-logger.ts
var core_logger = __webpack_require__(2048);
;// CONCATENATED MODULE: ./src/action/exit-plan.ts
/**
 * A run the step was waiting for is never left running unseen: it is cancelled when the job is
 * cancelled, when `timeout` is spent, or when the step fails while following it, unless
 * `cancel-on-exit` is false. A run started with `wait: false` is meant to go on.
 */
function planExit(facts) {
    if (facts.runId === undefined || facts.finished || !facts.cancelOnExit) {
        return { cancel: false, settled: true };
    }
    if (facts.jobCancelled)
        return { cancel: true, why: 'the job was cancelled' };
    if (!facts.wait)
        return { cancel: false, settled: true };
    if (facts.status === 'timed_out')
        return { cancel: true, why: '`timeout` was spent' };
    if (facts.failed)
        return { cancel: true, why: 'the step failed while following it' };
    return { cancel: false, settled: true };
}
/** The sentence that tells what became of a run the step stopped waiting for. */
function fateOfRun(outcome) {
    switch (outcome) {
        case 'cancelled':
            return 'The run was cancelled on the platform.';
        case 'already-finished':
            return 'The run had already finished on the platform.';
        case 'failed':
            return 'Cancelling it failed: it may still be running on the platform.';
        case 'kept':
            return 'The run goes on on the platform (cancel-on-exit is false).';
    }
}

// EXTERNAL MODULE: ./src/action/network.ts
var network = __webpack_require__(3284);
;// CONCATENATED MODULE: ./src/action/saved-state.ts
/**
 * What the main step saves for the post step (`core.saveState`, read back as STATE_* by the
 * runner): enough to cancel a run that main did not live to settle, and never the key.
 */
const SAVED = {
    runId: 'run-id',
    baseUrl: 'base-url',
    cancelPath: 'cancel-path',
    /** 'true' once main has settled the run: finished, cancelled, or meant to go on. */
    settled: 'settled'
};

// EXTERNAL MODULE: ./src/action/signals.ts
var signals = __webpack_require__(7599);
;// CONCATENATED MODULE: ./src/action/run-step.ts


















/**
 * The step's work once its inputs are valid: run the workflow in the mode they choose, settle
 * what becomes of the run, and close its output. Loaded by main only then, so that a step
 * with bad inputs fails before the HTTP client and the run's lifecycle are even read.
 */
async function runStep(inputs, redactor, state, signal, stopSignal) {
    const sink = outputSink(inputs, redactor, state);
    const routes = new http_routes/* Routes */.B((0,network/* proxySettings */.E)(process.env));
    const deps = runDeps(inputs, redactor, sink, signal, routes);
    let failure;
    try {
        await runWorkflow(inputs, deps, redactor, state);
    }
    catch (error) {
        failure = error;
    }
    try {
        failure = await settle(inputs, deps, state, failure, stopSignal());
    }
    catch (error) {
        failure = error;
    }
    await routes.close();
    // The output file is complete and closed before anything publishes it.
    return { written: await sink.close(), failure };
}
function runDeps(inputs, redactor, sink, signal, routes) {
    const logger = (0,core_logger/* coreLogger */.Wj)(redactor);
    return {
        client: new PlatformClient({
            baseUrl: inputs.baseUrl,
            apiKey: inputs.apiKey,
            paths: inputs.paths,
            retries: inputs.retries,
            logger,
            clock: clock/* systemClock */.m,
            redact: text => redactor.redact(text),
            routes
        }),
        clock: clock/* systemClock */.m,
        logger,
        sink,
        signal,
        // Saved at once, so that the post step can cancel a run this process did not live to settle.
        onRunStarted: runId => {
            if (redactor.redact(runId) !== runId) {
                // Used in a URL or saved for the post step, such an id would carry the key along.
                throw new api_error/* ApiError */.h('The platform named a run id that contains the API key; the action does not use it. ' +
                    'A run may have started: check the platform before re-running this job.', { kind: 'protocol', runMayHaveStarted: true });
            }
            core/* saveState */.LZ(SAVED.runId, runId);
            core/* saveState */.LZ(SAVED.baseUrl, inputs.baseUrl.href);
            core/* saveState */.LZ(SAVED.cancelPath, inputs.paths.cancel);
        }
    };
}
/**
 * Chooses the mode: follow a run started elsewhere, stream a new run, or trigger one and
 * (unless told not to) poll it.
 */
async function runWorkflow(inputs, deps, redactor, state) {
    const startedAt = clock/* systemClock */.m.now();
    const timing = {
        startedAt,
        deadline: startedAt + inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        maxPollIntervalMs: inputs.maxPollIntervalMs
    };
    const { start } = inputs;
    if (start.kind === 'follow') {
        state.workflowId = inputs.workflowId;
        state.startedAt = startedAt;
        deps.logger.info(`Following run ${start.runId}` +
            (inputs.stream
                ? ' by getting it (`stream: true` cannot reopen the stream of a run that has started).'
                : '.'));
        return followRun(start.runId, timing, deps, state, { getFirst: true });
    }
    const { request } = start;
    if (inputs.stream && inputs.wait) {
        const live = new LiveLog({
            write: block => core/* info */.pq(block),
            redact: text => redactor.redact(text),
            holdBackChars: Math.max(0, redactor.longestSecretLength - 1)
        });
        return streamRun(request, timing, { ...deps, live }, state);
    }
    await triggerRun(request, timing, deps, state);
    if (inputs.wait && state.runId !== undefined) {
        await followRun(state.runId, timing, deps, state);
    }
}
/**
 * Decides what becomes of the run as the step ends (cancel it, or leave it), does it, and
 * tells the post step whether anything is left for it. Returns the step's failure, which a
 * cancelled job becomes.
 */
async function settle(inputs, deps, state, failure, signal) {
    const jobCancelled = signal !== undefined;
    const plan = planExit({
        runId: state.runId,
        finished: state.finished,
        status: state.status,
        jobCancelled,
        failed: failure !== undefined && !jobCancelled,
        wait: inputs.wait,
        cancelOnExit: inputs.cancelOnExit
    });
    let fate = '';
    if (plan.cancel && state.runId !== undefined) {
        const outcome = await cancelRun(state.runId, deps, plan.why);
        fate = fateOfRun(outcome);
        if (outcome !== 'failed')
            core/* saveState */.LZ(SAVED.settled, 'true');
    }
    else {
        core/* saveState */.LZ(SAVED.settled, 'true');
        if (state.status === 'timed_out' || jobCancelled)
            fate = fateOfRun('kept');
    }
    if (state.status === 'timed_out')
        state.error = `${state.error ?? ''} ${fate}`.trim();
    if (!jobCancelled)
        return failure;
    const where = state.runId !== undefined
        ? `while following run ${state.runId}. ${fate}`
        : state.triggerInFlight === true
            ? 'before the platform named a run; a run may have started: check the platform.'
            : 'before any run was started.';
    state.status = 'cancelled';
    state.error = `${new signals/* JobCancelled */.x(signal).message} ${where}`;
    state.finishedAt ??= deps.clock.now();
    return new signals/* JobCancelled */.x(signal, state.error);
}
function outputSink(inputs, redactor, state) {
    // Named after the run id as redacted: the platform could echo the key even there.
    const chooseFile = () => inputs.outputFile ??
        defaultOutputFile(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), state.runId === undefined ? undefined : redactor.redact(state.runId));
    return new OutputSink(chooseFile, redactor, bounds/* MAX_OUTPUT_BYTES */.$q);
}


/***/ })

};
