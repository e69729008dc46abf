export const id = 281;
export const ids = [281];
export const modules = {

/***/ 7281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  postRunCard: () => (/* binding */ postRunCard)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var lib_github = __webpack_require__(2413);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/platform/transport.ts + 4 modules
var transport = __webpack_require__(3020);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(4976);
;// CONCATENATED MODULE: ./src/action/publish/github-event.ts


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
    if (EVENTS_WITH_AN_ISSUE.has(eventName) && env.GITHUB_EVENT_PATH) {
        const text = await external_node_fs_.promises.readFile(env.GITHUB_EVENT_PATH, 'utf8').catch(() => '');
        const payload = (0,json/* tryParseJson */.B)(text)?.value;
        const number = payload?.pull_request?.number ?? payload?.issue?.number;
        if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
            issueNumber = number;
        }
    }
    return {
        owner,
        repo,
        eventName,
        issueNumber,
        sha: env.GITHUB_SHA ?? '',
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
    };
}

;// CONCATENATED MODULE: ./src/action/publish/comment.ts





const MARKER_NAME = 'ai-planet-run-card';
/** The hidden first line of the card in a comment; `started` comes last so the rest is a prefix. */
function cardMarker(identity, sha) {
    return `<!-- ${markerPrefix(identity)}sha=${encodeURIComponent(sha)} started=${identity.startedAt} -->`;
}
function markerPrefix(identity) {
    const workflow = encodeURIComponent(identity.workflowId ?? '');
    return `${MARKER_NAME} workflow=${workflow} key=${encodeURIComponent(identity.key)} `;
}
async function postRunCard(settings, identity, render) {
    const github = await readGitHubContext();
    const issueNumber = settings.on ?? github.issueNumber;
    if (issueNumber === undefined) {
        return {
            warning: `Not commenting: the ${github.eventName || 'triggering'} event names no pull request or ` +
                'issue. Set `comment-on` to its number, or comment from a pull_request, ' +
                'pull_request_target, issue_comment or issues workflow.'
        };
    }
    const dispatcher = (0,transport/* createDispatcher */.SM)();
    const octokit = (0,lib_github/* getOctokit */.Q)(settings.token, {
        baseUrl: github.apiUrl,
        request: {
            // Through the action's own dispatcher: the same proxy settings as for the platform.
            fetch: (url, init) => (0,undici/* fetch */.hd)(url, { ...init, dispatcher })
        }
    });
    const where = { owner: github.owner, repo: github.repo, issue_number: issueNumber };
    try {
        const body = await render(cardMarker(identity, github.sha));
        if (settings.mode === 'update') {
            const earlier = await findEarlierCard(octokit, where, identity);
            if (earlier?.newer) {
                return { notice: `A newer run's card is on #${issueNumber} already; it is left as it is.` };
            }
            if (earlier) {
                const { data } = await octokit.rest.issues.updateComment({
                    owner: where.owner,
                    repo: where.repo,
                    comment_id: earlier.id,
                    body
                });
                return { url: data.html_url };
            }
        }
        const { data } = await octokit.rest.issues.createComment({ ...where, body });
        return { url: data.html_url };
    }
    catch (error) {
        return { warning: commentFailure(error, issueNumber) };
    }
    finally {
        await dispatcher.close();
    }
}
/**
 * This action's earlier card for the same workflow and key: matched by its marker and by its
 * author, so that nobody can plant a marker in a comment of their own and have it edited.
 * Every page is read.
 */
async function findEarlierCard(octokit, where, identity) {
    const author = await ownLogin(octokit);
    if (author === undefined)
        return undefined;
    const prefix = `<!-- ${markerPrefix(identity)}`;
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...where,
        per_page: 100
    });
    const ours = comments.filter(comment => (comment.body ?? '').startsWith(prefix) && sameLogin(comment.user?.login ?? '', author));
    const latest = ours.at(-1);
    if (latest === undefined)
        return undefined;
    const started = Number(/ started=(\d+) -->/.exec(latest.body ?? '')?.[1] ?? 0);
    return { id: latest.id, newer: started > identity.startedAt };
}
/**
 * The login the token comments as. `GET /user` refuses GITHUB_TOKEN and App tokens, so it is
 * asked of GraphQL; without an answer, an installation token (`ghs_`) is taken to be the
 * Actions bot, and any other token finds no earlier card (a new one is made).
 */
async function ownLogin(octokit) {
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        return answer.viewer.login;
    }
    catch {
        const auth = (await octokit.auth());
        return auth.token?.startsWith('ghs_') ? 'github-actions[bot]' : undefined;
    }
}
function sameLogin(a, b) {
    const plain = (login) => login.replace(/\[bot\]$/, '').toLowerCase();
    return plain(a) === plain(b);
}
function commentFailure(error, issueNumber) {
    const status = error.status;
    const code = typeof status === 'number' ? `HTTP ${status}: ` : '';
    const why = `Could not comment on #${issueNumber} (${code}${(0,errors/* getErrorMessage */.u)(error)}).`;
    switch (status) {
        case 401:
            return `${why} Check \`github-token\`.`;
        case 403:
            return (`${why} Give the job \`permissions: pull-requests: write\` (and \`issues: write\` for an ` +
                'issue). A pull_request from a fork gets a read-only token: comment from a workflow_run ' +
                'job on the base repository instead (see examples/).');
        case 404:
            return `${why} Check \`comment-on\` and that the token can see this repository.`;
        default:
            return why;
    }
}


/***/ })

};
