export const id = 589;
export const ids = [589];
export const modules = {

/***/ 2659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ PlatformClient)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/platform/endpoints.ts
var endpoints = __webpack_require__(3117);
// EXTERNAL MODULE: ./src/platform/api-error.ts
var api_error = __webpack_require__(268);
// EXTERNAL MODULE: ./src/platform/http-errors.ts
var http_errors = __webpack_require__(127);
// EXTERNAL MODULE: ./src/platform/large-json.ts
var large_json = __webpack_require__(3227);
// EXTERNAL MODULE: ./src/platform/run-object.ts
var run_object = __webpack_require__(2536);
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
        body = (0,large_json/* parseJsonBytes */.d)(bytes, LARGE_STRING_BYTES, undefined, run_object/* ID_FIELDS */.CW);
    }
    catch {
        return undefined;
    }
    const snapshot = (0,run_object/* parseRunSnapshot */.$r)(body.value);
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
        const whole = (0,run_object/* parseRunSnapshot */.$r)(body.replaced(body.value, text => text.text()));
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

;// CONCATENATED MODULE: ./src/platform/retry.ts
/** Retry timing shared by every request; which failures are retried is the sender's decision. */
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

// EXTERNAL MODULE: ./src/platform/transport.ts + 4 modules
var transport = __webpack_require__(3020);
;// CONCATENATED MODULE: ./src/platform/sender.ts




// At the concurrency cap the trigger backs off to at most 0.5 s × 2² = 2 s (with full jitter).
const MAX_CAP_BACKOFF_STEP = 2;
/**
 * The retry policy, in one place: which failures are retried, how often and how long, for the
 * two kinds of request. A trigger is retried only where no run can have started; a get or a
 * cancel is safe to repeat.
 */
class Sender {
    config;
    constructor(config) {
        this.config = config;
    }
    /**
     * POSTs a trigger. Retried only where the platform certainly started nothing: 429 (the
     * concurrency cap, until the deadline), 503 and failures to connect. Anything ambiguous
     * (500, 502, 504, a reset or timeout after sending) fails at once: a retry could start a
     * second run. The caller's one Idempotency-Key covers every attempt.
     */
    async trigger(url, endpoint, options) {
        const { config } = this;
        let transientFailures = 0;
        for (let attempts = 1;; attempts++) {
            options.onInFlight?.(true);
            const attempt = await config.transport.send('POST', url, options);
            if (!attempt.ok) {
                const failure = () => (0,http_errors/* networkError */.x6)(endpoint, config.origin, attempt.error, attempt.sent);
                if (attempt.sent)
                    throw failure();
                options.onInFlight?.(false);
                if (++transientFailures > config.retries)
                    throw failure();
                await this.pause(transientFailures - 1, undefined, options, failure);
                continue;
            }
            const { answer } = attempt;
            if (answer.status >= 200 && answer.status < 300)
                return answer;
            const retryAfterMs = parseRetryAfterMs((0,transport/* headerValue */.Z)(answer, 'retry-after'), config.clock.now());
            const giveUp = () => (0,http_errors/* httpStatusError */.H6)(endpoint, answer.status, config.quote(answer.body), { attempts });
            // A 4xx or a 503 started nothing; a 500, 502 or 504 may have.
            if (answer.status < 500 || answer.status === 503)
                options.onInFlight?.(false);
            if (answer.status === 429) {
                // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
                const note = 'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.';
                if (attempts === 1)
                    config.logger.info(note);
                else
                    config.logger.debug(note);
                // Short, jittered waits: a slot frees when another run ends, and whoever asks soonest
                // after gets it. Retry-After, when given, is the platform's word.
                await this.pause(Math.min(attempts - 1, MAX_CAP_BACKOFF_STEP), retryAfterMs, options, giveUp);
                continue;
            }
            if (answer.status === 503) {
                if (++transientFailures > config.retries)
                    throw giveUp();
                await this.pause(transientFailures - 1, retryAfterMs, options, giveUp);
                continue;
            }
            throw (0,http_errors/* httpStatusError */.H6)(endpoint, answer.status, config.quote(answer.body), {
                attempts,
                ambiguous: answer.status >= 500
            });
        }
    }
    /**
     * Sends a request that is safe to repeat, retrying 429, 5xx, network failures and a 2xx
     * whose body `read` cannot use (it returns the error to give if the retries run out).
     */
    async repeatable(method, url, endpoint, context, read) {
        const { config } = this;
        let failures = 0;
        for (;;) {
            const attempt = await config.transport.send(method, url, context);
            let failure;
            let retryAfterMs;
            if (!attempt.ok) {
                failure = () => (0,http_errors/* networkError */.x6)(endpoint, config.origin, attempt.error, attempt.sent);
            }
            else {
                const { answer } = attempt;
                if (answer.status >= 200 && answer.status < 300) {
                    const result = read(answer);
                    if (!(result instanceof api_error/* ApiError */.h))
                        return result;
                    failure = () => result;
                }
                else if (answer.status === 429 || answer.status >= 500) {
                    retryAfterMs = parseRetryAfterMs((0,transport/* headerValue */.Z)(answer, 'retry-after'), config.clock.now());
                    failure = () => (0,http_errors/* httpStatusError */.H6)(endpoint, answer.status, config.quote(answer.body), {
                        attempts: failures + 1
                    });
                }
                else {
                    throw (0,http_errors/* httpStatusError */.H6)(endpoint, answer.status, config.quote(answer.body));
                }
            }
            if (++failures > config.retries)
                throw failure();
            await this.pause(failures - 1, retryAfterMs, context, failure);
        }
    }
    /** Sleeps before a retry, unless the deadline would pass first: then the last failure stands. */
    async pause(attempt, retryAfterMs, context, failure) {
        const { clock, logger, random } = this.config;
        const delay = retryDelayMs(attempt, retryAfterMs, random);
        if (clock.now() + delay >= context.deadline)
            throw failure();
        logger.debug(`retrying in ${delay} ms`);
        await clock.sleep(delay, context.signal);
    }
}

;// CONCATENATED MODULE: ./src/platform/client.ts







/** The platform's API: one method per endpoint; the retry policy is the sender's. */
class PlatformClient {
    config;
    sender;
    constructor(config) {
        this.config = config;
        this.sender = new Sender({
            transport: new transport/* HttpTransport */.G5(config.apiKey, config.dispatcher ?? (0,transport/* createDispatcher */.SM)(), config.clock, config.logger, config.requestTimeoutMs),
            clock: config.clock,
            logger: config.logger,
            random: config.random ?? Math.random,
            retries: config.retries,
            origin: config.baseUrl.origin,
            quote: body => this.quote(body)
        });
    }
    /** POSTs the trigger and returns the platform's first view of the run. */
    async trigger(request, context) {
        const answer = await this.post(this.config.paths.trigger, request, context, false);
        return this.triggeredRun(answer);
    }
    /** POSTs the streaming trigger, with the trigger's retry rules, and returns its answer unread. */
    async stream(request, context) {
        const answer = await this.post(this.config.paths.stream, request, context, true);
        if (answer.stream)
            return { kind: 'events', events: answer.stream };
        return { kind: 'run', run: this.triggeredRun(answer) };
    }
    /** Gets a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
    async get(runId, context) {
        const url = (0,endpoints/* endpointUrl */.Pb)(this.config.baseUrl, this.config.paths.run, runId);
        return this.sender.repeatable('GET', url, { name: 'get', runId }, context, answer => {
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
    async cancel(runId, context) {
        const url = (0,endpoints/* endpointUrl */.Pb)(this.config.baseUrl, this.config.paths.cancel, runId);
        try {
            await this.sender.repeatable('POST', url, { name: 'cancel', runId }, context, () => true);
            return true;
        }
        catch (error) {
            if (error instanceof api_error/* ApiError */.h && (error.httpStatus === 404 || error.httpStatus === 409)) {
                return false;
            }
            throw error;
        }
    }
    /**
     * A body as it may be quoted in an error: JSON re-serialised (so that no escape hides an
     * echoed key) and the key removed before any excerpt could cut it in two.
     */
    quote(body) {
        return this.config.redact((0,http_errors/* normaliseJson */.bw)(body));
    }
    /** The start of a 2xx body that could not be read as a run, for a message. */
    excerptOf(answer) {
        return (0,http_errors/* excerpt */.Kb)(this.quote((answer.bytes ?? Buffer.alloc(0)).toString('utf8', 0, 64 * 1024)));
    }
    async post(path, request, context, stream) {
        const body = JSON.stringify({
            workflow_configuration_id: request.workflowId,
            inputs: request.inputs,
            ...(request.threadId ? { thread_id: request.threadId } : {})
        });
        return this.sender.trigger((0,endpoints/* endpointUrl */.Pb)(this.config.baseUrl, path), { name: 'trigger', workflowId: request.workflowId }, { ...context, body, idempotencyKey: (0,external_node_crypto_.randomUUID)(), stream });
    }
    triggeredRun(answer) {
        const snapshot = readRunAnswer(answer.bytes ?? Buffer.alloc(0));
        if (snapshot?.runId === undefined) {
            throw new api_error/* ApiError */.h(`The platform accepted the trigger (HTTP ${answer.status}) but its answer names no run ` +
                `(looked for run_id, id, execution_id): ${this.excerptOf(answer)}\n${http_errors/* RUN_MAY_HAVE_STARTED */.nl}`, { kind: 'protocol', httpStatus: answer.status, runMayHaveStarted: true });
        }
        return { ...snapshot, runId: snapshot.runId };
    }
}


/***/ }),

/***/ 3227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ quoteLongIntegers),
/* harmony export */   d: () => (/* binding */ parseJsonBytes)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

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


/***/ }),

/***/ 2735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ cancelRun)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

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
        deps.logger.warning(`Could not cancel run ${runId} (${why}): ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u)(error)} ` +
            'It may still be running on the platform.');
        return 'failed';
    }
}


/***/ })

};
