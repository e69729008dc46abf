export const id = 487;
export const ids = [487];
export const modules = {

/***/ 5148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tZ: () => (/* binding */ connectToGitHub),
  Po: () => (/* binding */ describeGitHubFailure),
  Lu: () => (/* binding */ everyPage),
  dY: () => (/* binding */ failureAdvice),
  C4: () => (/* binding */ ownLogin),
  Up: () => (/* binding */ sameLogin)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/http/retrying.ts + 2 modules
var retrying = __webpack_require__(4070);
;// CONCATENATED MODULE: ./src/http/fetch.ts


/** Why a request got no usable response; the caller says it in its own words. */
class FetchFailure extends Error {
    failure;
    constructor(failure, message) {
        super(message);
        this.failure = failure;
        this.name = 'FetchFailure';
    }
}
function originFetch(config) {
    return async (input, init = {}) => {
        const url = new URL(input);
        if (url.origin !== config.origin) {
            // A link (`rel="next"`) or an address in a body is the host's word: the token stays home.
            throw new FetchFailure({ kind: 'other-origin', url }, `refused to send a request to another origin (${url.origin})`);
        }
        const method = (init.method ?? 'GET').toUpperCase();
        if (config.clock.now() >= config.deadline) {
            throw new FetchFailure({ kind: 'deadline' }, 'the time for these requests is spent');
        }
        const outcome = await (0,retrying/* sendRetrying */.X)(config, config.kindOf(method, url), method, url, {
            headers: init.headers ?? {},
            body: init.body,
            deadline: config.deadline,
            signal: config.signal,
            maxBodyBytes: config.maxBodyBytes
        }, response => response);
        switch (outcome.kind) {
            case 'read':
                return toResponse(outcome.value, outcome.value.bytes);
            case 'response':
                return toResponse(outcome.response, Buffer.from(outcome.response.body));
            default:
                // The deadline cut the attempts short: that, not the last one's error, is what happened.
                if (outcome.outOfTime || config.clock.now() >= config.deadline) {
                    throw new FetchFailure({ kind: 'deadline' }, 'the time for these requests is spent');
                }
                throw new FetchFailure(outcome, outcome.kind === 'network' ? String(outcome.attempt.error) : outcome.error.message);
        }
    };
}
function toResponse(response, body) {
    if (response.status < 200 || response.status > 599) {
        throw new FetchFailure({ kind: 'invalid-status', status: response.status }, `HTTP status ${response.status} is not a status`);
    }
    const headers = new undici.Headers();
    for (const [name, value] of Object.entries(response.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
            headers.append(name, item);
        }
    }
    const empty = response.status === 204 || response.status === 205 || response.status === 304;
    return new undici.Response(empty ? null : (body ?? null), { status: response.status, headers });
}

// EXTERNAL MODULE: ./src/http/network-errors.ts
var network_errors = __webpack_require__(8360);
// EXTERNAL MODULE: ./src/http/routes.ts
var http_routes = __webpack_require__(268);
// EXTERNAL MODULE: ./src/http/transport.ts + 3 modules
var http_transport = __webpack_require__(5246);
// EXTERNAL MODULE: ./src/output/bounds.ts
var bounds = __webpack_require__(6124);
// EXTERNAL MODULE: ./src/util/clock.ts
var clock = __webpack_require__(7110);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/action/network.ts
var network = __webpack_require__(3284);
;// CONCATENATED MODULE: ./src/action/github/client.ts











// Octokit, sending through the action's own transport (http/fetch.ts): every request to the
// GitHub API is timed, retried as the retry table says, bounded, and kept on the API's own
// origin; all of them share one time budget and stop at once on the step's abort signal.
/** Everything the step asks of GitHub for one publication (a comment) fits in this. */
const GITHUB_BUDGET_MS = 60_000;
/** One attempt: connect, headers and body. */
const GITHUB_REQUEST_TIMEOUT_MS = 10_000;
/** A list of 100 comments of 65,536 characters is about 26 MB at worst. */
const MAX_GITHUB_BODY_BYTES = 32 * 1024 * 1024;
/** Annotations show 4 KiB: a message built from GitHub's response is no longer. */
const MAX_MESSAGE_BYTES = 4 * 1024;
const EXCERPT_CHARS = 300;
function connectToGitHub(options) {
    const routes = new http_routes/* Routes */.B((0,network/* proxySettings */.E)(process.env));
    const transport = new http_transport/* HttpTransport */.G5(routes, clock/* systemClock */.m, options.logger, options.requestTimeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS);
    const budgetMs = options.budgetMs ?? GITHUB_BUDGET_MS;
    const graphqlPath = graphqlUrl(options.apiUrl).pathname;
    const fetch = originFetch({
        transport,
        clock: clock/* systemClock */.m,
        logger: options.logger,
        random: Math.random,
        retries: 3,
        origin: options.apiUrl.origin,
        deadline: clock/* systemClock */.m.now() + budgetMs,
        signal: options.signal,
        maxBodyBytes: MAX_GITHUB_BODY_BYTES,
        isRateLimited: isGitHubRateLimit,
        kindOf: (method, url) => method === 'GET' || (method === 'POST' && url.pathname === graphqlPath)
            ? 'github-read'
            : method === 'PATCH'
                ? 'github-update'
                : 'github-create'
    });
    const quiet = () => undefined;
    const octokit = (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.apiUrl.href.replace(/\/+$/, ''),
        request: { fetch },
        // Octokit's own lines quote GitHub's headers: they stay out of the log, where they could act.
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet }
    });
    return { octokit, origin: options.apiUrl.origin, budgetMs, close: () => routes.close() };
}
/** Where Octokit posts GraphQL for an API URL (GitHub Enterprise Server: `/api/graphql`). */
function graphqlUrl(apiUrl) {
    const base = apiUrl.href.replace(/\/+$/, '');
    return new URL(/\/api\/v3$/.test(base) ? base.replace(/\/v3$/, '/graphql') : `${base}/graphql`);
}
/** GitHub signals its rate limits with 429, or with 403 and Retry-After or no requests left. */
function isGitHubRateLimit(response) {
    if (response.status === 429)
        return true;
    return (response.status === 403 &&
        ((0,http_transport/* headerValue */.Z)(response, 'retry-after') !== undefined ||
            (0,http_transport/* headerValue */.Z)(response, 'x-ratelimit-remaining') === '0'));
}
/** What went wrong with a request to GitHub, bounded, with GitHub's own words where it gave some. */
function describeGitHubFailure(error, connection) {
    const { status, cause, response } = error;
    const failure = cause instanceof Error ? cause : error;
    let message;
    let httpStatus;
    if (failure instanceof FetchFailure) {
        message = fetchFailureMessage(failure, connection);
    }
    else if (failure instanceof http_transport/* RedirectRefused */.Jh) {
        message =
            failure.reason === 'other-origin'
                ? `GitHub answered with a redirect to another origin (${failure.target}); it was not ` +
                    'followed, so that the token is not sent there'
                : `GitHub answered with a redirect (HTTP ${failure.status}) that the action does not follow`;
    }
    else if (typeof status === 'number' && response !== undefined) {
        httpStatus = status;
        message = `HTTP ${status}: ${responseDetail(status, response.data, response.headers)}`;
    }
    else {
        message = (0,errors/* getErrorMessage */.u)(failure);
    }
    return { status: httpStatus, message: (0,bounds/* boundUtf8 */._u)(message, MAX_MESSAGE_BYTES, '… [cut]').text };
}
function fetchFailureMessage(failure, { origin, budgetMs }) {
    const { failure: what } = failure;
    switch (what.kind) {
        case 'other-origin':
            return (`GitHub named a link to another origin (${what.url.origin}); the action does not ` +
                'follow it, so that the token is not sent there');
        case 'deadline':
            return `GitHub did not finish answering within ${budgetMs / 1000} s`;
        case 'unreadable':
            return `GitHub's answer could not be read (${what.error.message})`;
        case 'invalid-status':
            return `GitHub answered with HTTP status ${what.status}, which is not a status`;
        case 'network': {
            const { error, proxy, sent } = what.attempt;
            const proxyFault = (0,network_errors/* proxyFailureMessage */.UC)(error, proxy, 'the GitHub API', origin);
            if (proxyFault !== undefined)
                return proxyFault;
            return sent
                ? `the connection to ${origin} failed after the request was sent (${(0,network_errors/* networkReason */.d8)(error)})`
                : `could not reach the GitHub API at ${origin} (${(0,network_errors/* networkReason */.d8)(error)})`;
        }
    }
}
/**
 * GitHub's explanation of an error response: its JSON `message` and `errors`, or for anything
 * else the status line alone (a 168 KB HTML error page is not a message), or a short excerpt.
 */
function responseDetail(status, data, headers) {
    const statusLine = external_node_http_.STATUS_CODES[status] ?? 'unknown status';
    if (data !== null && typeof data === 'object' && !(data instanceof ArrayBuffer)) {
        const { message, errors } = data;
        const details = Array.isArray(errors)
            ? errors
                .slice(0, 5)
                .map(item => typeof item === 'string'
                ? item
                : typeof item?.message === 'string'
                    ? item.message
                    : undefined)
                .filter(item => item !== undefined)
            : [];
        const said = typeof message === 'string' && !isMarkup(message) ? message : statusLine;
        const text = [said, ...details.filter(detail => !isMarkup(detail))].join('; ');
        return (0,util_text/* singleSpaced */.N)(text).slice(0, EXCERPT_CHARS);
    }
    const contentType = headers?.['content-type'];
    const type = typeof contentType === 'string' ? contentType : '';
    const text = typeof data === 'string' ? data : '';
    if (/html|xml/i.test(type) || isMarkup(text) || text.trim() === '')
        return statusLine;
    const line = (0,util_text/* singleSpaced */.N)(text);
    return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line;
}
/** Text that is a page of markup (HTML, XML, a proxy's error page), not a message. */
function isMarkup(text) {
    return text.trimStart().startsWith('<');
}
/**
 * The login the token comments as. `GET /user` refuses GITHUB_TOKEN and App tokens, so it is
 * asked of GraphQL; without a response, an installation token (`ghs_`) is taken to be the
 * Actions bot, and any other token finds no earlier card (a new one is made).
 */
async function ownLogin(octokit) {
    try {
        const response = await octokit.graphql('query { viewer { login } }');
        const login = response?.viewer?.login;
        if (typeof login === 'string' && login.length <= 100)
            return login;
        throw new Error('GraphQL named no login');
    }
    catch {
        const auth = (await octokit.auth());
        return auth.token?.startsWith('ghs_') ? 'github-actions[bot]' : undefined;
    }
}
/** Logins compared as GitHub does: case aside, and `name[bot]` is `name`. */
function sameLogin(a, b) {
    const plain = (login) => login.replace(/\[bot\]$/, '').toLowerCase();
    return plain(a) === plain(b);
}
/**
 * The pages of a GitHub list, each checked to be a list (GitHub's answer is data: a page that
 * is not one is not taken for one), at most `maxPages` of 100: a longer list is cut there.
 */
async function* everyPage(octokit, route, params, what, maxPages) {
    let pages = 0;
    const iterator = octokit.paginate.iterator(route, {
        ...params,
        per_page: 100
    });
    for await (const { data } of iterator) {
        if (!Array.isArray(data))
            throw new Error(`GitHub's page of ${what} is not a list`);
        yield data;
        if (++pages >= maxPages)
            return;
    }
}
/** What to tell the user after a GitHub failure: the failure, then the fix for its status. */
function failureAdvice(why, failure, fixes) {
    if (/rate limit/i.test(failure.message)) {
        return `${why} GitHub's rate limit for this token is spent: ${fixes.rateLimited}`;
    }
    switch (failure.status) {
        case 401:
            return `${why} Check \`github-token\`.`;
        case 403:
            return `${why} ${fixes.forbidden}`;
        case 404:
            return `${why} ${fixes.notFound}`;
        case 422:
            return fixes.refused === undefined ? why : `${why} ${fixes.refused}`;
        default:
            return why;
    }
}


/***/ }),

/***/ 3487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postRunCard: () => (/* binding */ postRunCard)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5148);
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5894);



// The run card as a sticky comment on the pull request or issue. Loaded (with Octokit) only by
// a step that asks for a comment. Every failure is a warning that says how to fix it: the run's
// own outputs are set before, and never depend on the comment. Every request goes through the
// action's own transport (github/client.ts), within one time budget.
// Pages of 100 comments read to find the earlier card: a thread longer than this gets a new one.
const MAX_COMMENT_PAGES = 100;
const MARKER_NAME = 'ai-planet-run-card';
/** The hidden first line of the card in a comment; `started` comes last so the rest is a prefix. */
function cardMarker(identity, sha) {
    return `<!-- ${markerPrefix(identity)}sha=${markerValue(sha)} started=${identity.startedAt} -->`;
}
function markerPrefix(identity) {
    return `${MARKER_NAME} workflow=${markerValue(identity.workflowId ?? '')} key=${markerValue(identity.key)} `;
}
/**
 * A value as the marker holds it: percent-encoded (so `-->` cannot end the comment), and a long
 * one as its hash, so that the marker stays short whatever the inputs.
 */
function markerValue(text) {
    const encoded = encodeURIComponent(text);
    if (encoded.length <= 100)
        return encoded;
    return `sha256-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 32)}`;
}
async function postRunCard(settings, identity, render, options) {
    const github = await (0,_github_event_js__WEBPACK_IMPORTED_MODULE_2__/* .readGitHubContext */ .L)();
    const issueNumber = settings.on ?? github.issueNumber;
    if (issueNumber === undefined) {
        return {
            warning: `Not commenting: the ${github.eventName || 'triggering'} event names no pull request or ` +
                'issue. Set `comment-on` to its number, or comment from a pull_request, ' +
                'pull_request_target, issue_comment or issues workflow.'
        };
    }
    let apiUrl;
    try {
        apiUrl = new URL(github.apiUrl);
    }
    catch {
        return { warning: 'Not commenting: GITHUB_API_URL is not a URL.' };
    }
    if (options.signal?.aborted) {
        return { notice: `Not commenting on #${issueNumber}: the job was cancelled.` };
    }
    const connection = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .connectToGitHub */ .tZ)({
        apiUrl,
        token: settings.token,
        signal: options.signal,
        logger: options.logger
    });
    const { octokit } = connection;
    const where = { owner: github.owner, repo: github.repo, issue_number: issueNumber };
    let updating = false;
    try {
        const body = await render(cardMarker(identity, github.sha));
        if (settings.mode === 'update') {
            const earlier = await findEarlierCard(octokit, where, identity);
            if (earlier?.newer) {
                return { notice: `A newer run's card is on #${issueNumber} already; it is left as it is.` };
            }
            if (earlier) {
                updating = true;
                const { data } = await octokit.rest.issues.updateComment({
                    owner: where.owner,
                    repo: where.repo,
                    comment_id: earlier.id,
                    body
                });
                return commentUrl(data, issueNumber);
            }
        }
        const { data } = await octokit.rest.issues.createComment({ ...where, body });
        return commentUrl(data, issueNumber);
    }
    catch (error) {
        return { warning: commentFailure(error, issueNumber, updating, connection) };
    }
    finally {
        await connection.close();
    }
}
/** The comment's address as GitHub gave it, when it is one: it becomes the `comment-url` output. */
function commentUrl(data, issueNumber) {
    const url = data?.html_url;
    if (typeof url === 'string' && url.length <= 2048 && /^https?:\/\/[^\s]+$/.test(url)) {
        return { url };
    }
    return {
        warning: `The run card is on #${issueNumber}, but GitHub's answer gave no usable address for it ` +
            '(`html_url`), so `comment-url` is not set.'
    };
}
/**
 * This action's earlier card for the same workflow and key: matched by its marker and by its
 * author, so that nobody can plant a marker in a comment of their own and have it edited.
 * Every page is read.
 */
async function findEarlierCard(octokit, where, identity) {
    const author = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .ownLogin */ .C4)(octokit);
    if (author === undefined)
        return undefined;
    const prefix = `<!-- ${markerPrefix(identity)}`;
    let latest;
    // Page by page, keeping only what matches: a long thread is never held whole.
    for await (const page of (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .everyPage */ .Lu)(octokit, octokit.rest.issues.listComments, where, `comments on #${where.issue_number}`, MAX_COMMENT_PAGES)) {
        for (const comment of page) {
            const { id, body, user } = (comment ?? {});
            if (typeof id !== 'number' || typeof body !== 'string' || !body.startsWith(prefix))
                continue;
            if (typeof user?.login !== 'string' || !(0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .sameLogin */ .Up)(user.login, author))
                continue;
            // A bot's name is a user's name with `[bot]`: only a bot account is the bot.
            if (author.endsWith('[bot]') && user.type !== 'Bot')
                continue;
            const started = Number(/ started=(\d+) -->/.exec(body.slice(0, 1024))?.[1] ?? 0);
            latest = { id, started };
        }
    }
    if (latest === undefined)
        return undefined;
    return { id: latest.id, newer: latest.started > identity.startedAt };
}
function commentFailure(error, issueNumber, updating, connection) {
    const failure = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubFailure */ .Po)(error, connection);
    const stale = updating
        ? ` The run card on #${issueNumber} is still an earlier run's: it is stale.`
        : '';
    const why = `Could not ${updating ? 'update the run card' : 'comment'} on #${issueNumber} (${failure.message}).${stale}`;
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .failureAdvice */ .dY)(why, failure, {
        rateLimited: "the next run's card will post.",
        forbidden: 'Give the job `permissions: pull-requests: write` (and `issues: write` for an issue). A ' +
            'pull_request from a fork gets a read-only token: comment from a workflow_run job on the ' +
            'base repository instead (see examples/).',
        notFound: 'Check `comment-on` and that the token can see this repository.'
    });
}


/***/ }),

/***/ 5894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ readGitHubContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4976);


const EVENTS_WITH_AN_ISSUE = new Set([
    'pull_request',
    'pull_request_target',
    'issue_comment',
    'issues',
    'pull_request_review',
    'pull_request_review_comment'
]);
/** Reads the runner's variables and event file, when the step needs them (read at call time). */
async function readGitHubContext(env = process.env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    let issueNumber;
    let headSha;
    const withIssue = EVENTS_WITH_AN_ISSUE.has(eventName);
    if ((withIssue || eventName === 'workflow_run') && env.GITHUB_EVENT_PATH) {
        const text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(env.GITHUB_EVENT_PATH, 'utf8').catch(() => '');
        const payload = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_1__/* .tryParseJson */ .Bl)(text)?.value;
        const number = payload?.pull_request?.number ?? payload?.issue?.number;
        if (withIssue && typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
            issueNumber = number;
        }
        const head = payload?.pull_request?.head?.sha ?? payload?.workflow_run?.head_sha;
        if (typeof head === 'string' && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(head))
            headSha = head;
    }
    return {
        owner,
        repo,
        eventName,
        issueNumber,
        sha: env.GITHUB_SHA ?? '',
        headSha,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
    };
}


/***/ })

};
