export const id = 518;
export const ids = [518];
export const modules = {

/***/ 9518:
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
// EXTERNAL MODULE: ./src/util/clock.ts
var clock = __webpack_require__(7110);
;// CONCATENATED MODULE: ./src/util/idle-watch.ts
/**
 * Calls `onIdle` once nothing has happened for `idleMs`. One timer, moved on only when it
 * fires: a fast stream has activity thousands of times a second, and re-arming a timer each
 * time would cost more than the activity itself.
 */
class IdleWatch {
    clock;
    idleMs;
    onIdle;
    last;
    cancel;
    constructor(clock, idleMs, onIdle) {
        this.clock = clock;
        this.idleMs = idleMs;
        this.onIdle = onIdle;
        this.last = clock.now();
    }
    /** Something happened: the quiet starts again from now. */
    touch() {
        this.last = this.clock.now();
    }
    /** Watches for the quiet, unless it is watched already (after it fired, it is not). */
    arm() {
        if (this.cancel === undefined)
            this.wait(this.idleMs);
    }
    stop() {
        this.cancel?.();
        this.cancel = undefined;
    }
    wait(ms) {
        this.cancel = this.clock.setTimer(ms, () => {
            const quiet = this.clock.now() - this.last;
            if (quiet < this.idleMs)
                return this.wait(this.idleMs - quiet);
            this.cancel = undefined;
            this.onIdle();
        });
    }
}

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
    stopBatch;
    idle;
    options;
    constructor(options) {
        this.options = {
            idleFlushMs: 500,
            batchMs: 100,
            redact: text => text,
            holdBackChars: 0,
            maxEchoBytes: 1024 * 1024,
            maxLineChars: 4096,
            clock: clock/* systemClock */.m,
            ...options
        };
        this.idle = new IdleWatch(this.options.clock, this.options.idleFlushMs, () => {
            if (this.line !== '')
                this.flushPartial();
        });
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
        if (this.ready.length > 0 && this.stopBatch === undefined) {
            this.stopBatch = this.options.clock.setTimer(this.options.batchMs, () => this.flushLines());
        }
        this.idle.touch();
        if (this.line !== '')
            this.idle.arm();
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
        this.idle.stop();
        this.stopped = true;
    }
    flushLines() {
        this.stopBatch?.();
        this.stopBatch = undefined;
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
            this.idle.stop();
            this.stopBatch?.();
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

// EXTERNAL MODULE: ./src/platform/errors.ts
var platform_errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/http/routes.ts
var http_routes = __webpack_require__(268);
// EXTERNAL MODULE: ./src/http/retrying.ts + 2 modules
var retrying = __webpack_require__(4070);
// EXTERNAL MODULE: ./src/http/transport.ts + 3 modules
var transport = __webpack_require__(5246);
;// CONCATENATED MODULE: ./src/platform/request.ts




function connectToPlatform(config) {
    return {
        baseUrl: config.baseUrl,
        paths: config.paths,
        retrying: {
            transport: new transport/* HttpTransport */.G5(config.routes ?? new http_routes/* Routes */.B(), config.clock, config.logger, config.requestTimeoutMs),
            clock: config.clock,
            logger: config.logger,
            random: config.random ?? Math.random,
            retries: config.retries
        },
        authorization: `Bearer ${config.apiKey}`,
        // JSON re-serialised (so that no escape hides an echoed key) and the key removed before
        // any excerpt could cut it in two.
        bodyForMessage: body => config.redact((0,platform_errors/* normaliseJson */.bw)(body))
    };
}
/**
 * Sends one request of `kind` to the platform, retried as the retry table says for that kind
 * (a trigger only where no run can have started; a get or a cancel whenever it failed in
 * passing), and turns its final failure into an ApiError that says what to fix. `read` turns
 * a 2xx into the result, or an ApiError when its body cannot be used (retried where allowed).
 */
async function platformRequest(connection, kind, method, url, endpoint, options, read) {
    const { logger } = connection.retrying;
    let outcome;
    try {
        outcome = await (0,retrying/* sendRetrying */.X)({
            ...connection.retrying,
            onRateLimited: attempts => {
                if (kind !== 'trigger')
                    return;
                // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
                const note = 'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.';
                if (attempts === 1)
                    logger.info(note);
                else
                    logger.debug(note);
            }
        }, kind, method, url, { ...options, headers: { authorization: connection.authorization } }, read);
    }
    catch (error) {
        if (error instanceof transport/* RedirectRefused */.Jh)
            throw (0,platform_errors/* redirectError */.z5)(error);
        throw error;
    }
    switch (outcome.kind) {
        case 'read':
            return outcome.value;
        case 'unreadable':
            throw outcome.error;
        case 'network': {
            const { error, sent, proxy } = outcome.attempt;
            throw (0,platform_errors/* networkError */.x6)(endpoint, connection.baseUrl.origin, error, sent, proxy);
        }
        case 'response':
            throw (0,platform_errors/* httpStatusError */.H6)(endpoint, outcome.response.status, connection.bodyForMessage(outcome.response.body), {
                attempts: outcome.attempts,
                // A trigger answered 500, 502 or 504 may have started its run.
                ambiguous: kind === 'trigger' && outcome.failure === 'server-error',
                proxy: outcome.response.proxy
            });
    }
}

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
        return await platformRequest(connection, 'cancel', 'POST', url, { name: 'cancel', runId }, context, () => true);
    }
    catch (error) {
        if (error instanceof platform_errors/* ApiError */.hD && (error.httpStatus === 404 || error.httpStatus === 409)) {
            return false;
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/platform/run-object.ts
var run_object = __webpack_require__(2536);
;// CONCATENATED MODULE: ./src/platform/client.ts







/** The platform's API: one method per endpoint; the retry policy is the retry table's. */
class PlatformClient {
    connection;
    constructor(config) {
        this.connection = connectToPlatform(config);
    }
    /** POSTs the trigger and returns the platform's first view of the run. */
    async trigger(request, context) {
        const response = await this.post(this.connection.paths.trigger, request, context, false);
        return this.triggeredRun(response);
    }
    /** POSTs the streaming trigger, with the trigger's retry rules, and returns its response unread. */
    async stream(request, context) {
        const response = await this.post(this.connection.paths.stream, request, context, true);
        if (response.stream)
            return { kind: 'events', events: response.stream };
        return { kind: 'run', run: this.triggeredRun(response) };
    }
    /** Gets a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
    async get(runId, context) {
        const { connection } = this;
        const url = (0,endpoints/* endpointUrl */.Pb)(connection.baseUrl, connection.paths.run, runId);
        return platformRequest(connection, 'get', 'GET', url, { name: 'get', runId }, context, response => {
            const snapshot = (0,run_object/* readRunResponse */.jv)(response.bytes ?? Buffer.alloc(0));
            if (snapshot?.runId !== undefined && snapshot.runId !== runId) {
                // Not retried: the platform is answering for another run, and its status is not ours.
                throw new platform_errors/* ApiError */.hD(`The platform answered the get of run '${runId}' with run ` +
                    `${JSON.stringify(snapshot.runId.slice(0, 80))}; the action does not take another ` +
                    "run's status or output for this one. Check `run-path`.", { kind: 'protocol', httpStatus: response.status });
            }
            if (snapshot)
                return snapshot;
            return new platform_errors/* ApiError */.hD(`The platform's answer for run '${runId}' is not a run object: ${this.excerptOf(response)}`, { kind: 'protocol', httpStatus: response.status });
        });
    }
    /** Asks the platform to cancel a run; false when it is gone or finished already (404, 409). */
    cancel(runId, context) {
        return requestCancel(this.connection, runId, context);
    }
    /** The start of a 2xx body that could not be read as a run, for a message. */
    excerptOf(response) {
        const text = (response.bytes ?? Buffer.alloc(0)).toString('utf8', 0, 64 * 1024);
        return (0,platform_errors/* excerpt */.Kb)(this.connection.bodyForMessage(text));
    }
    async post(path, request, context, stream) {
        const body = JSON.stringify({
            workflow_configuration_id: request.workflowId,
            inputs: request.inputs,
            ...(request.threadId ? { thread_id: request.threadId } : {})
        });
        // One Idempotency-Key covers every attempt of the trigger.
        return platformRequest(this.connection, 'trigger', 'POST', (0,endpoints/* endpointUrl */.Pb)(this.connection.baseUrl, path), { name: 'trigger', workflowId: request.workflowId }, { ...context, body, idempotencyKey: (0,external_node_crypto_.randomUUID)(), stream }, response => response);
    }
    triggeredRun(response) {
        const snapshot = (0,run_object/* readRunResponse */.jv)(response.bytes ?? Buffer.alloc(0));
        if (snapshot?.runId === undefined) {
            throw new platform_errors/* ApiError */.hD(`The platform accepted the trigger (HTTP ${response.status}) but its answer names no run ` +
                `(looked for run_id, id, execution_id): ${this.excerptOf(response)}\n${platform_errors/* RUN_MAY_HAVE_STARTED */.nl}`, { kind: 'protocol', httpStatus: response.status, runMayHaveStarted: true });
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

;// CONCATENATED MODULE: ./src/run/exit-plan.ts
/**
 * A run the step was waiting for is never left running unseen: it is cancelled when the job is
 * cancelled, when `timeout` is spent, or when the step fails while following it, unless
 * `cancel-on-exit` is false. A run started with `wait: false` is meant to go on.
 */
function planExit(end) {
    if (end.runId === undefined || end.finished || !end.cancelOnExit) {
        return { cancel: false, settled: true };
    }
    if (end.jobCancelled)
        return { cancel: true, why: 'the job was cancelled' };
    if (!end.wait)
        return { cancel: false, settled: true };
    if (end.status === 'timed_out')
        return { cancel: true, why: '`timeout` was spent' };
    if (end.failed)
        return { cancel: true, why: 'the step failed while following it' };
    return { cancel: false, settled: true };
}
/** The sentence that tells what became of a run the step stopped waiting for. */
function whatBecameOfRun(outcome) {
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

// EXTERNAL MODULE: ./src/run/job-cancelled.ts
var job_cancelled = __webpack_require__(800);
// EXTERNAL MODULE: ./src/platform/status.ts
var platform_status = __webpack_require__(4829);
;// CONCATENATED MODULE: ./src/run/progress.ts

// What the log says of a run as it goes, the same whether it is polled or streamed: the start
// once, each change of status, and (by the action, with the duration) the end.
/** Names the run: told to the action first (it may refuse the id), then to the state. */
function nameRun(record, deps, runId, threadId) {
    deps.onRunStarted?.(runId);
    record.apply({ type: 'run-named', runId, threadId });
}
/** "Started run …", once the platform has named it. */
function logStarted(logger, state, how) {
    const thread = state.threadId ? ` in thread ${state.threadId}` : '';
    logger.info(`Started run ${state.runId} of workflow ${state.workflowId}${thread}${how}`);
}
/**
 * Logs each change of a run's status as it is read, but the end (the action reports it, with
 * the duration) and, unless `sayFirst`, the first (the "Started run" line told it).
 */
function statusLog(logger, first, sayFirst) {
    let last = first;
    return (runId, status, raw) => {
        const known = last !== undefined || sayFirst;
        if (known && status !== last && !(0,platform_status/* isTerminal */.H)(status)) {
            logger.info(`Run ${runId ?? '(id not yet known)'} is ${raw ?? 'in an unknown state'}.`);
        }
        last = status;
    };
}

// EXTERNAL MODULE: ./src/run/timing.ts
var run_timing = __webpack_require__(9959);
;// CONCATENATED MODULE: ./src/run/poll.ts





/**
 * How much of the time already waited the next delay may be. With the default interval (1 s)
 * and ceiling (4.8 s), a run is got every second for its first two seconds, then ever more
 * rarely, every 4.8 s from its tenth second on: on run lengths spread as users' are (1 s to
 * 10 min, log-uniform), that notices the end sooner than a fixed 5 s poller (mean lag 0.73×,
 * p95 below its) for 1.2× its gets, and runs up to 10 s within a second on average.
 * docs/benchmarks.md shows the computed curve this was chosen from.
 */
const POLL_GROWTH = 0.5;
function nextPollDelayMs(elapsedMs, pollIntervalMs, maxPollIntervalMs) {
    const delay = Math.min(maxPollIntervalMs, Math.max(pollIntervalMs, elapsedMs * POLL_GROWTH));
    return Math.max(run_timing/* MIN_POLL_DELAY_MS */.e, delay);
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
    // Each get is due at a time the schedule sets from the one before it, not from when the
    // get before it returned: the time a get takes does not push every later one back, so the
    // gets fall where the schedule (and the computed figures in BENCHMARKS.md) put them. A get
    // that returns after the next one was due is followed after the shortest pause.
    // The schedule starts when following does (just after the trigger answered, for a run this
    // step started), not when the step did: the seconds spent starting up and triggering are
    // not time the run has been running, and gets spent in them would find nothing.
    const origin = clock.now();
    let dueAt = origin;
    for (let first = true;; first = false) {
        const now = clock.now();
        if (first && options.getFirst)
            dueAt = now;
        else {
            const delay = nextPollDelayMs(dueAt - origin, timing.pollIntervalMs, timing.maxPollIntervalMs);
            dueAt = Math.max(dueAt + delay, now + (first ? 0 : run_timing/* MIN_POLL_DELAY_MS */.e));
        }
        await clock.sleep(Math.max(0, Math.min(dueAt, timing.deadline) - now), signal);
        let snapshot;
        try {
            snapshot = await reader.get(runId, { deadline: timing.deadline + FINAL_GET_GRACE_MS, signal });
        }
        catch (error) {
            // Past the deadline a passing failure means "timed out"; a lasting one is still itself.
            const lasting = error instanceof platform_errors/* ApiError */.hD && LASTING_ERRORS.has(error.kind);
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
async function followRun(runId, timing, deps, record, options = {}) {
    const { clock, logger } = deps;
    if (record.current.runId !== runId)
        nameRun(record, deps, runId);
    if (record.current.finished)
        return;
    const sayStatus = statusLog(logger, record.current.status, true);
    let output;
    try {
        const result = await pollRun(deps.client, runId, {
            timing,
            clock,
            signal: deps.signal,
            getFirst: options.getFirst,
            onSnapshot: snapshot => {
                record.apply({ type: 'snapshot-read', snapshot, at: clock.now() });
                const chosen = (0,run_object/* chosenOutput */.gg)(snapshot, deps.outputName);
                if (chosen !== undefined)
                    output = chosen;
                sayStatus(runId, snapshot.status, snapshot.rawStatus);
            }
        });
        logger.debug(`${result.gets} gets of run ${runId}`);
        if (result.timedOut) {
            record.apply({
                type: 'timed-out',
                at: clock.now(),
                waitedMs: timing.deadline - timing.startedAt
            });
        }
    }
    finally {
        // Even when a get fails for good, the output read before it is the run's latest.
        if (output !== undefined)
            await deps.sink.replace(output);
    }
}

// EXTERNAL MODULE: ./src/run/state.ts
var state = __webpack_require__(4352);
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

// EXTERNAL MODULE: ./src/platform/large-json.ts
var large_json = __webpack_require__(3227);
// EXTERNAL MODULE: ./src/util/json.ts
var util_json = __webpack_require__(4976);
;// CONCATENATED MODULE: ./src/platform/stream-events.ts




/** The first of `delta`, `content`, `text` and `token` that is text: a piece of the output. */
const PIECE_FIELDS = ['delta', 'content', 'text', 'token'];
/** Reads one event's `data`: 'done' for `[DONE]`, undefined for data that is not a JSON object. */
function interpretEventData(data) {
    if (data.trim() === '[DONE]')
        return 'done';
    const json = (0,util_json/* tryParseJson */.Bl)((0,large_json/* quoteLongIntegers */.c)(data, run_object/* ID_FIELDS */.CW));
    if (json === undefined || !(0,util_json/* isRecord */.u4)(json.value))
        return undefined;
    const fields = json.value;
    const update = (0,run_object/* readIdentity */.xN)(fields);
    for (const field of PIECE_FIELDS) {
        const piece = fields[field];
        if (typeof piece === 'string') {
            update.piece = piece;
            break;
        }
    }
    if (fields.output !== undefined && fields.output !== null) {
        update.output = (0,run_object/* outputText */.jO)(fields.output);
        const named = (0,run_object/* namedOutputs */.e8)(fields.output);
        if (named !== undefined)
            update.named = named;
    }
    const usage = (0,run_object/* readUsage */.k9)(fields);
    if (usage !== undefined)
        update.usage = usage;
    // An event's `message` or `detail` is often progress ("node LLM finished"): it is read as the
    // error only in a failure event. An `error` field counts when it says something.
    const error = (0,run_object/* errorMessageFrom */.y)({ error: fields.error }) ??
        (update.status === 'failed' ? (0,run_object/* errorMessageFrom */.y)(fields) : undefined);
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
 * How long a trigger already sent may go on after the job is cancelled: its response names the
 * run, which can then be cancelled rather than left running unseen.
 */
const TRIGGER_GRACE_MS = 2_500;
/** POSTs the trigger and records the run it created; following it is the caller's choice. */
async function triggerRun(request, timing, deps, record) {
    const run = await deps.client.trigger(request, beginTrigger(request, timing, deps, record));
    await recordTriggeredRun(run, deps, record);
    // Cancelled while the trigger was on its way: the run is known now, and the caller cancels it.
    deps.signal.throwIfAborted();
    logStarted(deps.logger, record.current, ` (${run.rawStatus ?? 'status unknown'}).`);
}
/**
 * Notes that a trigger is about to be sent, and gives its request context: the overall deadline,
 * the job's signal for every wait, and for the request itself a signal that lets it finish for
 * a moment after the job is cancelled (its response names the run to cancel); the state learns
 * whether the trigger may be creating a run right now.
 */
function beginTrigger(request, timing, deps, record) {
    record.apply({ type: 'trigger-sent', workflowId: request.workflowId, at: timing.startedAt });
    deps.signal.throwIfAborted();
    return {
        deadline: timing.deadline,
        signal: deps.signal,
        requestSignal: abortedLater(deps.signal, TRIGGER_GRACE_MS),
        onInFlight: inFlight => record.apply({ type: 'trigger-in-flight', inFlight })
    };
}
/** Notes the run a trigger answered with; an output it already carries goes to the sink. */
async function recordTriggeredRun(run, deps, record) {
    // Named first: an id the action must not use is refused before anything uses it.
    nameRun(record, deps, run.runId, run.threadId);
    record.apply({ type: 'snapshot-read', snapshot: run, at: deps.clock.now() });
    const output = (0,run_object/* chosenOutput */.gg)(run, deps.outputName);
    if (output !== undefined)
        await deps.sink.replace(output);
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
async function streamRun(request, timing, deps, record) {
    const { clock, logger } = deps;
    // The request's own signal also bounds the stream: after a cancel, only until the event that
    // names the run.
    const response = await deps.client.stream(request, beginTrigger(request, timing, deps, record));
    if (response.kind === 'run') {
        // The platform answered with a run object rather than a stream: follow it by polling.
        await recordTriggeredRun(response.run, deps, record);
        deps.signal.throwIfAborted();
        logger.info(`Started run ${response.run.runId}; the platform sent no stream, so it is polled.`);
        return followRun(response.run.runId, timing, deps, record, { getFirst: true });
    }
    const idleTimeoutMs = deps.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS;
    const reading = await readRunEvents(response.events, timing, deps, record, idleTimeoutMs);
    deps.live.close();
    deps.signal.throwIfAborted();
    const state = record.current;
    if (state.finished)
        return;
    const now = clock.now();
    if (now >= timing.deadline && state.runId !== undefined) {
        record.apply({ type: 'timed-out', at: now, waitedMs: timing.deadline - timing.startedAt });
        return;
    }
    const why = now >= timing.deadline
        ? '`timeout` was spent'
        : reading.idle
            ? `nothing arrived for ${idleTimeoutMs / 1000} s`
            : reading.end === 'broken'
                ? `the stream broke (${(0,errors/* getErrorMessage */.u)(reading.cause)})`
                : 'the stream ended before the run did';
    if (state.runId === undefined) {
        throw new platform_errors/* ApiError */.hD(`The run's stream stopped before it named the run (${why}), so the action cannot follow ` +
            'it. A run may have started: check the platform before re-running this job.', { kind: 'protocol', runMayHaveStarted: true, cause: reading.cause });
    }
    logger.info(`${capitalise(why)}; following run ${state.runId} by getting it.`);
    // The run as read then replaces what the stream gave, when it carries an output.
    return followRun(state.runId, timing, deps, record, { getFirst: true });
}
/** Reads the events into the state, the sink and the live log, until the stream stops. */
async function readRunEvents(events, timing, deps, record, idleTimeoutMs) {
    const { clock, logger } = deps;
    // The first status is told by the "Started run" line; the end, by the action with the duration.
    const sayStatus = statusLog(logger, record.current.status, false);
    let stopAfterTerminal;
    let idleExpired = false;
    const idle = new IdleWatch(clock, idleTimeoutMs, () => {
        idleExpired = true;
        events.destroy(new Error('no event or heartbeat'));
    });
    const stopAtDeadline = clock.setTimer(Math.max(0, timing.deadline - clock.now()), () => events.destroy(new Error('timeout spent')));
    // When the job is cancelled the stream stops, but not before it has named the run (which
    // the request's own signal bounds), so that the run can be cancelled too.
    const stopWhenNamed = () => {
        if (deps.signal.aborted && record.current.runId !== undefined) {
            events.destroy(new Error('job cancelled'));
        }
    };
    deps.signal.addEventListener('abort', stopWhenNamed, { once: true });
    const onUpdate = async (update) => {
        if (update.runId && record.current.runId === undefined) {
            nameRun(record, deps, update.runId, update.threadId);
            stopWhenNamed();
            logStarted(logger, record.current, '; streaming its output.');
        }
        else if (update.threadId) {
            record.apply({ type: 'thread-named', threadId: update.threadId });
        }
        if (update.piece !== undefined) {
            deps.live.push(update.piece);
            await deps.sink.append(update.piece);
        }
        const output = (0,run_object/* chosenOutput */.gg)(update, deps.outputName);
        if (output !== undefined)
            await deps.sink.replace(output);
        if (update.output !== undefined || update.usage !== undefined) {
            record.apply({
                type: 'details-read',
                output: update.output === undefined ? undefined : { named: update.named },
                usage: update.usage
            });
        }
        if (update.error !== undefined)
            record.apply({ type: 'error-reported', error: update.error });
        if (update.status === undefined)
            return;
        const state = record.current;
        // The stream has no run object; `result` gets the run as the events described it.
        const raw = {
            run_id: state.runId,
            thread_id: state.threadId,
            status: update.rawStatus,
            ...(state.error === undefined ? {} : { error: state.error })
        };
        record.apply({
            type: 'snapshot-read',
            snapshot: { status: update.status, raw, error: update.error },
            at: clock.now()
        });
        sayStatus(state.runId, update.status, update.rawStatus);
        if ((0,platform_status/* isTerminal */.H)(update.status) && stopAfterTerminal === undefined) {
            // A final output or [DONE] may follow; a server that keeps the stream open says nothing
            // more that matters, and the step must end with the run.
            stopAfterTerminal = clock.setTimer(AFTER_TERMINAL_GRACE_MS, () => events.destroy(new Error('closed after the run ended')));
        }
    };
    idle.arm();
    try {
        const end = await readEventStream(events, { onUpdate, onActivity: () => idle.touch() });
        return { end, idle: idleExpired };
    }
    catch (cause) {
        return { end: 'broken', idle: idleExpired, cause };
    }
    finally {
        idle.stop();
        stopAtDeadline();
        stopAfterTerminal?.();
        deps.signal.removeEventListener('abort', stopWhenNamed);
        events.destroy();
    }
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/run/lifecycle.ts







/**
 * A run's whole life, the one function a front end calls: start it (or follow it), wait for
 * it, and as the step ends decide what becomes of it (cancel it, or leave it), as
 * `exit-plan.ts` says. Never throws: whatever happened is in the outcome.
 */
async function runWorkflow(mode, options, deps) {
    const record = new state/* RunRecord */.d3();
    let failure;
    try {
        await start(mode, options.timing, deps, record);
    }
    catch (error) {
        failure = error;
    }
    try {
        return await finish(record, options, deps, failure);
    }
    catch (error) {
        return { state: record.current, failure: error, settled: false };
    }
}
async function start(mode, timing, deps, record) {
    switch (mode.kind) {
        case 'follow': {
            record.apply({ type: 'follow-started', workflowId: mode.workflowId, at: timing.startedAt });
            deps.logger.info(`Following run ${mode.runId}` +
                (mode.streamAsked
                    ? ' by getting it (`stream: true` cannot reopen the stream of a run that has started).'
                    : '.'));
            return followRun(mode.runId, timing, deps, record, { getFirst: true });
        }
        case 'stream':
            return streamRun(mode.request, timing, { ...deps, live: mode.live }, record);
        case 'trigger': {
            await triggerRun(mode.request, timing, deps, record);
            const { runId } = record.current;
            if (mode.wait && runId !== undefined)
                await followRun(runId, timing, deps, record);
        }
    }
}
/**
 * Decides what becomes of the run as the step ends (cancel it, or leave it), does it, and
 * says whether anything is left for the post step. A cancelled job becomes the step's failure,
 * unless the run had finished: then the run keeps its own status and output, and the log
 * says the job was cancelled after it.
 */
async function finish(record, options, deps, failure) {
    const stopSignal = (0,job_cancelled/* cancelledBy */.t)(deps.signal);
    const jobCancelled = stopSignal !== undefined;
    const state = record.current;
    const plan = planExit({
        runId: state.runId,
        finished: state.finished,
        status: state.status,
        jobCancelled,
        failed: failure !== undefined && !jobCancelled,
        wait: options.wait,
        cancelOnExit: options.cancelOnExit
    });
    let sentence = '';
    let settled = true;
    if (plan.cancel && state.runId !== undefined) {
        const cancelled = await cancelRun(state.runId, deps, plan.why);
        sentence = whatBecameOfRun(cancelled);
        settled = cancelled !== 'failed';
    }
    else if (!state.finished && (state.status === 'timed_out' || jobCancelled)) {
        sentence = whatBecameOfRun('kept');
    }
    record.apply({ type: 'left', sentence });
    if (stopSignal === undefined)
        return { state: record.current, failure, settled };
    if (state.finished) {
        deps.logger.info(`${new job_cancelled/* JobCancelled */.x(stopSignal).message} after run ${state.runId} had finished; its ` +
            'status and output stand.');
        // The wait the signal cut short was only for what the finished run had said already.
        const own = failure instanceof job_cancelled/* JobCancelled */.x ? undefined : failure;
        return { state: record.current, failure: own, settled };
    }
    const where = state.runId !== undefined
        ? `while following run ${state.runId}. ${sentence}`
        : state.triggerInFlight === true
            ? 'before the platform named a run; a run may have started: check the platform.'
            : 'before any run was started.';
    const after = record.apply({
        type: 'job-cancelled',
        at: deps.clock.now(),
        message: new job_cancelled/* JobCancelled */.x(stopSignal).message,
        where
    });
    return { state: after, failure: new job_cancelled/* JobCancelled */.x(stopSignal, after.error), settled };
}

// EXTERNAL MODULE: ./src/action/core-logger.ts
var core_logger = __webpack_require__(2048);
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

;// CONCATENATED MODULE: ./src/action/run-step.ts













/**
 * The step's work once its inputs are valid: build what the run needs (the platform client,
 * the output sink, the live log), run the workflow in the mode the inputs choose, tell the post
 * step whether anything is left for it, and close the output. Loaded by main only then, so
 * that a step with bad inputs fails before the HTTP client and the run's lifecycle are read.
 */
async function runStep(inputs, redactor, signal) {
    let runId;
    const sink = outputSink(inputs, redactor, () => runId);
    const routes = new http_routes/* Routes */.B((0,network/* proxySettings */.E)(process.env));
    const deps = runDeps(inputs, redactor, sink, signal, routes, id => (runId = id));
    const startedAt = clock/* systemClock */.m.now();
    const { state, failure, settled } = await runWorkflow(runMode(inputs, redactor), {
        timing: {
            startedAt,
            deadline: startedAt + inputs.timeoutMs,
            pollIntervalMs: inputs.pollIntervalMs,
            maxPollIntervalMs: inputs.maxPollIntervalMs
        },
        wait: inputs.wait,
        cancelOnExit: inputs.cancelOnExit
    }, deps);
    if (settled)
        core/* saveState */.LZ(SAVED.settled, 'true');
    await routes.close();
    // The output file is complete and closed before anything publishes it.
    return {
        state,
        output: await sink.close(),
        failure: failure ?? missingOutputName(inputs.outputName, state, redactor)
    };
}
/** A completed run without the output `output-name` asks for fails the step, naming what it has. */
function missingOutputName(name, state, redactor) {
    if (name === undefined || state.status !== 'completed')
        return undefined;
    const named = state.namedOutputs;
    if (named !== undefined && Object.hasOwn(named, name))
        return undefined;
    if (named === undefined) {
        return new Error(`\`output-name\` is '${name}', but the run's output is not made of named values (a list ` +
            'of {name, value}, or an object), so it names nothing; leave `output-name` out.');
    }
    const names = Object.keys(named);
    // Redacted before they are cut: a cut could leave part of the key, which no mask matches.
    const shown = names
        .slice(0, 50)
        .map(n => redactor.redact(n))
        .map(n => `'${n.length > 100 ? `${n.slice(0, 100)}…` : n}'`)
        .join(', ');
    return new Error(`The run has no output named '${name}'; it has ${names.length}: ${shown}` +
        `${names.length > 50 ? ', …' : ''}. Set \`output-name\` to one of them.`);
}
/** The mode the inputs choose: follow a run started elsewhere, stream a new one, or trigger. */
function runMode(inputs, redactor) {
    const { start } = inputs;
    if (start.kind === 'follow') {
        return {
            kind: 'follow',
            runId: start.runId,
            workflowId: inputs.workflowId,
            streamAsked: inputs.stream
        };
    }
    if (inputs.stream && inputs.wait) {
        const live = new LiveLog({
            write: block => core/* info */.pq(block),
            redact: text => redactor.redact(text),
            holdBackChars: Math.max(0, redactor.longestSecretLength - 1),
            clock: clock/* systemClock */.m
        });
        return { kind: 'stream', request: start.request, live };
    }
    return { kind: 'trigger', request: start.request, wait: inputs.wait };
}
function runDeps(inputs, redactor, sink, signal, routes, named) {
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
        outputName: inputs.outputName,
        signal,
        // Saved at once, so that the post step can cancel a run this process did not live to finish.
        onRunStarted: runId => {
            if (redactor.redact(runId) !== runId) {
                // Used in a URL or saved for the post step, such an id would carry the key along.
                throw new platform_errors/* ApiError */.hD('The platform named a run id that contains the API key; the action does not use it. ' +
                    'A run may have started: check the platform before re-running this job.', { kind: 'protocol', runMayHaveStarted: true });
            }
            named(runId);
            // The run id last: a main killed between these writes leaves no run id without the
            // base URL and cancel path the post step needs to cancel it.
            core/* saveState */.LZ(SAVED.baseUrl, inputs.baseUrl.href);
            core/* saveState */.LZ(SAVED.cancelPath, inputs.paths.cancel);
            core/* saveState */.LZ(SAVED.runId, runId);
        }
    };
}
function outputSink(inputs, redactor, runId) {
    // Named after the run id as redacted: the platform could echo the key even there.
    const chooseFile = () => {
        const id = runId();
        return (inputs.outputFile ??
            defaultOutputFile(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), id === undefined ? undefined : redactor.redact(id)));
    };
    return new OutputSink(chooseFile, redactor, bounds/* MAX_OUTPUT_BYTES */.$q);
}


/***/ })

};
