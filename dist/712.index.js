export const id = 712;
export const ids = [712,835];
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


/***/ }),

/***/ 3712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  postFindingsReview: () => (/* binding */ postFindingsReview)
});

;// CONCATENATED MODULE: ./src/findings/diff.ts
// Which lines of a file a pull request's diff shows on its head side: GitHub accepts a line
// comment only there (a context line or an added one, inside a hunk of the file's patch).
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;
/** The head-side lines of a unified diff patch (GitHub's `patch` field of a changed file). */
function headSideLines(patch) {
    const lines = new Set();
    let next = 0;
    let left = 0;
    for (const text of patch.split('\n')) {
        const header = HUNK_HEADER.exec(text);
        if (header) {
            next = Number(header[1]);
            left = header[2] === undefined ? 1 : Number(header[2]);
            continue;
        }
        // Outside a hunk, or past its head-side count: not a line of the diff.
        if (left <= 0)
            continue;
        const mark = text.charAt(0);
        if (mark === '+' || mark === ' ' || text === '') {
            lines.add(next);
            next++;
            left--;
        }
        // `-` lines are the base side's; `\ No newline at end of file` is neither.
    }
    return lines;
}
/** Whether every line a finding names is in the diff, so that it can be a line comment. */
function inDiff(finding, diff) {
    const lines = diff.get(finding.path);
    if (lines === undefined)
        return false;
    for (let line = finding.line; line <= (finding.endLine ?? finding.line); line++) {
        if (!lines.has(line))
            return false;
    }
    return true;
}
/** A range longer than this is no line comment: no review reads a comment on 500 lines. */
const MAX_COMMENT_RANGE = 500;
/**
 * The lines of each file that the findings name (ranges of up to 500 lines): all of a diff
 * that needs keeping, however large the pull request is.
 */
function namedLines(findings) {
    const named = new Map();
    for (const finding of findings) {
        const last = finding.endLine ?? finding.line;
        if (last - finding.line >= MAX_COMMENT_RANGE)
            continue;
        const lines = named.get(finding.path) ?? new Set();
        for (let line = finding.line; line <= last; line++)
            lines.add(line);
        named.set(finding.path, lines);
    }
    return named;
}

// EXTERNAL MODULE: ./src/findings/gate.ts
var gate = __webpack_require__(5835);
;// CONCATENATED MODULE: ./src/findings/review.ts


// One pull-request review made of findings: which become line comments (only lines of the
// diff's head side can), which go into the review's body, which were posted by an earlier run
// and are left out, and the Markdown of each part. Plain functions: publishing sends it.
/** GitHub takes more, but a review of more than this many line comments is read by nobody. */
const MAX_LINE_COMMENTS = 50;
/** Below GitHub's 65,536 characters for a comment's body, and for the review's. */
const MAX_COMMENT_CHARS = 16_000;
const MAX_REVIEW_BODY_CHARS = 60_000;
/** A suggestion longer than this is left out: a cut suggestion would replace code with half of it. */
const MAX_SUGGESTION_CHARS = 8_000;
/** A finding listed in the body shows this much of its message's first line. */
const MAX_LISTED_MESSAGE_CHARS = 300;
const FINDING_MARKER = 'ai-planet-finding';
const REVIEW_MARKER = 'ai-planet-review';
/** Splits the findings between line comments and the body, leaving out what is posted already. */
function planReview(findings, diff, earlier, clean) {
    const comments = [];
    const listed = [];
    const planned = new Set();
    let alreadyPosted = 0;
    for (const finding of findings) {
        const last = finding.endLine ?? finding.line;
        const placed = placedKey((0,gate/* findingKey */.f)(finding), last);
        if (earlier.onLines.has(placed) || earlier.inBodies.has(placed)) {
            alreadyPosted++;
            continue;
        }
        // The same finding twice in one answer (`./a.ts` and `a.ts`, say) is posted once.
        if (planned.has(placed))
            continue;
        planned.add(placed);
        if (comments.length < MAX_LINE_COMMENTS && inDiff(finding, diff)) {
            comments.push({
                path: finding.path,
                line: last,
                startLine: finding.endLine === undefined ? undefined : finding.line,
                body: lineCommentBody(finding, clean),
                finding
            });
        }
        else {
            listed.push(finding);
        }
    }
    return { comments, listed, alreadyPosted };
}
/**
 * A finding where it is: its key (file and message) and its last line. GitHub moves a comment
 * with its line as the file changes, so an earlier comment is matched where it is now, and a
 * finding whose code moved down three lines is still the one posted before.
 */
function placedKey(key, line) {
    return `${key}@${line}`;
}
/** The key of a line comment the action wrote: its first line, and nothing else in it. */
function lineCommentKey(body) {
    return /^<!-- ai-planet-finding key=([0-9a-f]{24}) -->(?:\n|$)/.exec(body)?.[1];
}
/**
 * The findings a review body of the action lists, as `placedKey`s. Server text in it cannot
 * fake one: a listed message and a title are escaped (`\<`), a path's `<!--` is broken.
 */
function listedKeysIn(body) {
    const keys = [];
    for (const match of body.matchAll(/(?<!\\)<!-- ai-planet-finding key=([0-9a-f]{24}) line=(\d{1,9}) -->/g)) {
        if (match[1] !== undefined)
            keys.push(placedKey(match[1], Number(match[2])));
    }
    return keys;
}
/** Whether a review's body is one the action wrote (its first line is the review marker). */
function isActionReview(body) {
    return body.startsWith(`<!-- ${REVIEW_MARKER} `);
}
const LABEL = { error: 'Error', warning: 'Warning', notice: 'Notice' };
/**
 * A line comment: the hidden key, the severity and title, the suggestion, then the message.
 * The suggestion comes before the model's Markdown, so that nothing in it (an HTML block, an
 * unclosed fence, a cut) can swallow the suggestion.
 */
function lineCommentBody(finding, clean) {
    const head = `<!-- ${FINDING_MARKER} key=${(0,gate/* findingKey */.f)(finding)} -->\n${heading(finding, clean)}\n\n`;
    let suggestion = '';
    if (finding.suggestion !== undefined) {
        const block = fenced('suggestion', clean.code(finding.suggestion));
        suggestion =
            block.length <= MAX_SUGGESTION_CHARS
                ? `${block}\n\n`
                : `_The suggested change (${finding.suggestion.length} characters) is too long for a comment; it is in the \`findings\` output._\n\n`;
    }
    const room = MAX_COMMENT_CHARS - head.length - suggestion.length;
    return head + suggestion + cut(inertMarkdown(clean.text(finding.message)), room);
}
/** The review's own body: a count, and the findings that are not line comments, as a list. */
function reviewBody(plan, identity, clean) {
    const marker = `<!-- ${REVIEW_MARKER} workflow=${encodeURIComponent(identity.workflowId ?? '')} sha=${identity.headSha.replace(/[^0-9a-f]/gi, '')} -->`;
    const total = plan.comments.length + plan.listed.length;
    const parts = [
        marker,
        `**AI review**: ${count(total, 'finding')}` +
            (plan.comments.length > 0 ? `, ${plan.comments.length} on the lines they are about` : '') +
            '.'
    ];
    if (plan.alreadyPosted > 0) {
        parts.push(`${count(plan.alreadyPosted, 'earlier finding')} on the same lines ` +
            `${plan.alreadyPosted === 1 ? 'is' : 'are'} not repeated.`);
    }
    if (plan.listed.length > 0) {
        parts.push(plan.comments.length >= MAX_LINE_COMMENTS
            ? `Outside the pull request's diff, or past ${MAX_LINE_COMMENTS} line comments:`
            : "Outside the pull request's diff (GitHub takes line comments only on the lines it shows):");
    }
    let body = parts.join('\n\n');
    const items = [];
    let length = body.length;
    let left = 0;
    for (const finding of plan.listed) {
        const item = listItem(finding, clean);
        // Room is kept for the line that says how many more there are.
        if (length + item.length + 200 > MAX_REVIEW_BODY_CHARS) {
            left++;
            continue;
        }
        items.push(item);
        length += item.length + 1;
    }
    if (items.length > 0)
        body += `\n\n${items.join('\n')}`;
    if (left > 0) {
        body += `\n\n${count(left, 'more finding')}: the run card and the \`findings\` output list every one.`;
    }
    return body;
}
/**
 * One finding in the body's list, on one line of plain text: where it is, its title and the
 * start of its message (the whole of it is in the run card and the outputs), all escaped, so
 * that no markup in it reaches past its own item.
 */
function listItem(finding, clean) {
    const where = `${finding.path}:${finding.line}${finding.endLine === undefined ? '' : `-${finding.endLine}`}`;
    const firstLine = clean
        .text(finding.message)
        .split('\n')
        .find(line => line.trim() !== '') ?? '';
    const summary = escapeInline(cutLine(firstLine.trim(), MAX_LISTED_MESSAGE_CHARS));
    const marker = `<!-- ${FINDING_MARKER} key=${(0,gate/* findingKey */.f)(finding)} line=${finding.endLine ?? finding.line} -->`;
    return `- ${heading(finding, clean)} ${codeSpan(clean.code(where).replace(/<!--/g, '<!\u200B--'))}: ${summary} ${marker}`;
}
function heading(finding, clean) {
    const title = finding.title === undefined ? '' : `: ${escapeInline(clean.text(finding.title))}`;
    return `**${LABEL[finding.severity]}${title}**`;
}
/**
 * Markdown from a model, made unable to hide or fake what the action writes around it: an
 * HTML comment opened in it would swallow the rest of the comment (and a key marker in it
 * would pass for the action's), so `<!--` gets a zero-width space that makes it text.
 */
function inertMarkdown(text) {
    return text.replace(/<!--/g, '<!\u200B--');
}
/** Text in bold on one line: characters that would end the bold or start markup are escaped. */
function escapeInline(text) {
    return text.replace(/[\\`*_[\]<>&|~#!]/g, character => `\\${character}`);
}
/** The longest run of backticks in a text (counted in one pass, whatever its length). */
function longestBacktickRun(text) {
    let longest = 0;
    let run = 0;
    for (let i = 0; i < text.length; i++) {
        run = text.charCodeAt(i) === 96 ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}
/** A code span that no backtick in the text can close early. */
function codeSpan(text) {
    const longest = longestBacktickRun(text);
    const ticks = '`'.repeat(longest + 1);
    return `${ticks}${longest > 0 ? ' ' : ''}${text}${longest > 0 ? ' ' : ''}${ticks}`;
}
/** A fenced block no line of the text can close: the fence is longer than any run inside. */
function fenced(info, text) {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
    return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}
function cut(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    const note = '\n\n_[cut: the whole finding is in the `findings` output]_';
    return cutAt(text, maxChars - note.length) + note;
}
function cutLine(text, maxChars) {
    return text.length <= maxChars ? text : `${cutAt(text, maxChars - 1)}…`;
}
/** The first `end` characters, not between the two halves of one outside the BMP (an emoji). */
function cutAt(text, end) {
    let at = Math.max(0, end);
    if (/[\uD800-\uDBFF]/.test(text.charAt(at - 1)))
        at--;
    return text.slice(0, at);
}
function count(n, what) {
    return `${n} ${what}${n === 1 ? '' : 's'}`;
}

// EXTERNAL MODULE: ./src/action/github/client.ts + 1 modules
var client = __webpack_require__(5148);
// EXTERNAL MODULE: ./src/action/publish/github-event.ts
var github_event = __webpack_require__(5894);
;// CONCATENATED MODULE: ./src/action/publish/review.ts




// The findings as one pull-request review (event COMMENT: it never approves or requests
// changes), with line comments where GitHub takes them. Loaded (with Octokit) only by a step
// that asks for a review. Every failure is a warning that says how to fix it: the step's
// outcome is the run's and `fail-on-findings`'s alone.
/** GitHub lists at most 3,000 changed files, 100 a page. */
const MAX_FILE_PAGES = 30;
/** Pages of 100 earlier review comments (and reviews) read to find the action's own. */
const MAX_COMMENT_PAGES = 100;
async function postFindingsReview(settings, findings, identity, options) {
    const github = await (0,github_event/* readGitHubContext */.L)();
    const number = settings.on ?? github.issueNumber;
    if (number === undefined) {
        return {
            warning: `Not reviewing: the ${github.eventName || 'triggering'} event names no pull request. ` +
                'Set `comment-on` to its number, or review from a pull_request or workflow_run workflow.'
        };
    }
    if (findings.length === 0)
        return { notice: `No findings: no review posted on #${number}.` };
    let apiUrl;
    try {
        apiUrl = new URL(github.apiUrl);
    }
    catch {
        return { warning: 'Not reviewing: GITHUB_API_URL is not a URL.' };
    }
    if (options.signal?.aborted) {
        return { notice: `Not reviewing #${number}: the job was cancelled.` };
    }
    const connection = (0,client/* connectToGitHub */.tZ)({
        apiUrl,
        token: settings.token,
        signal: options.signal,
        logger: options.logger
    });
    const { octokit } = connection;
    const where = { owner: github.owner, repo: github.repo, pull_number: number };
    let step = 'read';
    try {
        const head = await currentHead(octokit, where);
        // The event's head is the commit the run reviewed; it is known only when the event is
        // about this pull request (its own event, or the workflow_run that hands it over).
        const eventIsAboutIt = github.eventName === 'workflow_run' || github.issueNumber === number;
        if (eventIsAboutIt && github.headSha !== undefined && github.headSha !== head) {
            return {
                notice: `Not reviewing #${number}: the run reviewed ${github.headSha.slice(0, 7)}, and the ` +
                    `pull request's head is now ${head.slice(0, 7)}. The run for the new head reviews it.`
            };
        }
        const diff = await diffLines(octokit, where, findings);
        const earlier = await earlierFindings(octokit, where, head);
        const plan = planReview(findings, diff, earlier, options.clean);
        if (plan.comments.length + plan.listed.length === 0) {
            return {
                notice: `All ${findings.length} finding(s) are on #${number} already, from an earlier run: no new review.`
            };
        }
        step = 'post';
        try {
            return await createReview(octokit, where, head, plan, identity, options.clean);
        }
        catch (error) {
            // A 422 refuses the whole review and creates nothing: most often a line that is no
            // longer in the diff (a push while the run ran). The same findings go in the body.
            const { status, message } = (0,client/* describeGitHubFailure */.Po)(error, connection);
            if (status !== 422 || plan.comments.length === 0)
                throw error;
            const inBody = {
                comments: [],
                listed: [...plan.comments.map(comment => comment.finding), ...plan.listed],
                alreadyPosted: plan.alreadyPosted
            };
            const posted = await createReview(octokit, where, head, inBody, identity, options.clean);
            options.logger.warning(`GitHub refused the review's ${plan.comments.length} line comment(s) on #${number} ` +
                `(${message}), so they are listed in the review's body instead. A line that is no ` +
                'longer in the diff (the pull request changed while the run ran) does this: re-run ' +
                'the job on the new head to have them on their lines.');
            return posted;
        }
    }
    catch (error) {
        return { warning: reviewFailure(error, number, step, connection) };
    }
    finally {
        await connection.close();
    }
}
/** The pull request's head commit now, as GitHub answers (data, checked before it is used). */
async function currentHead(octokit, where) {
    const { data } = await octokit.rest.pulls.get(where);
    const sha = data?.head?.sha;
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) {
        throw new Error(`GitHub's answer for pull request #${where.pull_number} names no head commit`);
    }
    return sha;
}
/**
 * The head-side lines of the changed files' patches that findings name, every page read. Only
 * those lines are kept, so that what is held is bounded by the findings, not by the pull
 * request (or by a server that sends pages of huge patches).
 */
async function diffLines(octokit, where, findings) {
    const wanted = namedLines(findings);
    const diff = new Map();
    const what = `changed files of #${where.pull_number}`;
    for await (const page of (0,client/* everyPage */.Lu)(octokit, octokit.rest.pulls.listFiles, where, what, MAX_FILE_PAGES)) {
        for (const file of page) {
            const { filename, patch } = (file ?? {});
            // A binary file, or one too large for GitHub to show, has no patch: no line of it is.
            const lines = typeof filename === 'string' ? wanted.get(filename) : undefined;
            if (lines === undefined || typeof filename !== 'string')
                continue;
            const inPatch = typeof patch === 'string' ? headSideLines(patch) : new Set();
            diff.set(filename, new Set([...lines].filter(line => inPatch.has(line))));
        }
    }
    return diff;
}
/**
 * What the action posted on this pull request before: the keys in its own line comments, where
 * GitHub places them now, and in the bodies of its own reviews of this same head. Comments are
 * matched by author as well as by key, so that nobody can keep a finding off the review by
 * planting its key in a comment of their own.
 */
async function earlierFindings(octokit, where, head) {
    const onLines = new Set();
    const inBodies = new Set();
    const author = await (0,client/* ownLogin */.C4)(octokit);
    if (author === undefined)
        return { onLines, inBodies };
    const byAuthor = (item) => {
        const { body, user } = (item ?? {});
        if (typeof body !== 'string' || typeof user?.login !== 'string')
            return undefined;
        if (!(0,client/* sameLogin */.Up)(user.login, author))
            return undefined;
        // A bot's name is a user's name with `[bot]`: only a bot account is the bot.
        if (author.endsWith('[bot]') && user.type !== 'Bot')
            return undefined;
        return { body, rest: item };
    };
    const comments = `review comments on #${where.pull_number}`;
    for await (const page of (0,client/* everyPage */.Lu)(octokit, octokit.rest.pulls.listReviewComments, where, comments, MAX_COMMENT_PAGES)) {
        for (const item of page) {
            const own = byAuthor(item);
            const { line } = own?.rest ?? {};
            // `line` is null once GitHub finds the comment's lines changed: it is on no line now.
            if (!own || typeof line !== 'number')
                continue;
            const key = lineCommentKey(own.body);
            if (key !== undefined)
                onLines.add(placedKey(key, line));
        }
    }
    const reviews = `reviews of #${where.pull_number}`;
    for await (const page of (0,client/* everyPage */.Lu)(octokit, octokit.rest.pulls.listReviews, where, reviews, MAX_COMMENT_PAGES)) {
        for (const item of page) {
            const own = byAuthor(item);
            if (!own || own.rest.commit_id !== head || !isActionReview(own.body))
                continue;
            for (const placed of listedKeysIn(own.body))
                inBodies.add(placed);
        }
    }
    return { onLines, inBodies };
}
async function createReview(octokit, where, head, plan, identity, clean) {
    const { data } = await octokit.rest.pulls.createReview({
        ...where,
        commit_id: head,
        event: 'COMMENT',
        body: reviewBody(plan, { workflowId: identity.workflowId, headSha: head }, clean),
        comments: plan.comments.map(comment => ({
            path: comment.path,
            line: comment.line,
            side: 'RIGHT',
            ...(comment.startLine === undefined
                ? {}
                : { start_line: comment.startLine, start_side: 'RIGHT' }),
            body: comment.body
        }))
    });
    const url = data?.html_url;
    const usable = typeof url === 'string' && url.length <= 2048 && /^https?:\/\/[^\s]+$/.test(url);
    return {
        url: usable ? url : `#${where.pull_number}`,
        lineComments: plan.comments.length,
        listed: plan.listed.length
    };
}
function reviewFailure(error, number, step, connection) {
    const failure = (0,client/* describeGitHubFailure */.Po)(error, connection);
    const why = step === 'read'
        ? `Could not read pull request #${number} to review it (${failure.message}).`
        : `Could not post the review on #${number} (${failure.message}).`;
    return (0,client/* failureAdvice */.dY)(why, failure, {
        rateLimited: "the next run's review will post.",
        forbidden: 'Give the job `permissions: pull-requests: write`. A pull_request from a fork gets a ' +
            'read-only token: review from a workflow_run job on the base repository instead ' +
            '(examples/ai-review.yml).',
        notFound: `Check that #${number} is a pull request (\`comment-on\`) and that the token can see this repository.`,
        refused: 'GitHub refused the review itself; the findings are in the run card and the `findings` output.'
    });
}


/***/ }),

/***/ 5835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ findingKey),
/* harmony export */   findingsAtOrAbove: () => (/* binding */ findingsAtOrAbove)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const RANK = { error: 0, warning: 1, notice: 2 };
/** How many findings are at or above `threshold` (`never`: none ever are). */
function findingsAtOrAbove(findings, threshold) {
    if (threshold === 'never')
        return 0;
    return findings.filter(finding => RANK[finding.severity] <= RANK[threshold]).length;
}
/**
 * A finding's identity across runs: its file and message. Its line is not in it, since a push
 * moves lines: a review comment is matched by this key on the line GitHub has moved it to.
 */
function findingKey(finding) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify([finding.path, finding.message]))
        .digest('hex')
        .slice(0, 24);
}


/***/ })

};
