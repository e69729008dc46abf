export const id = 192;
export const ids = [192];
export const modules = {

/***/ 5192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishCard: () => (/* binding */ publishCard)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 9 modules
var core = __webpack_require__(2691);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/action/publish/html.ts
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;'
};
/** Text as HTML text or attribute value: it can hold no tag, entity or quote of its own. */
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, char => HTML_ESCAPES[char] ?? char);
}
/** Escapes text for <pre>, stopping at a code point before the escaped form passes `maxBytes`. */
function escapeBounded(text, maxBytes) {
    let bytes = 0;
    let html = '';
    for (const char of text) {
        const escaped = HTML_ESCAPES[char] ?? char;
        bytes += Buffer.byteLength(escaped);
        if (bytes > maxBytes)
            return { html, truncated: true };
        html += escaped;
    }
    return { html, truncated: false };
}

;// CONCATENATED MODULE: ./src/action/publish/card-output.ts

/**
 * The output's block in the run card. Both forms are built so that, wherever the card is
 * rendered as GitHub-flavoured Markdown (the job summary, a comment), nothing in the output
 * can end the card's blocks or add to them, and raw HTML in it is shown, not interpreted.
 */
/**
 * markdown: the output rendered to HTML here, by a CommonMark/GFM renderer that escapes raw
 * HTML. The result is one HTML block with no blank line in it (line breaks inside code are
 * written `&#10;`), so the page's own renderer passes it through as it is.
 */
async function markdownBlock(output) {
    // One after the other: they share modules, and jest's ESM loader trips on two at once.
    const { micromark } = await Promise.all(/* import() */[__webpack_require__.e(464), __webpack_require__.e(951)]).then(__webpack_require__.bind(__webpack_require__, 5951));
    const { gfm, gfmHtml } = await Promise.all(/* import() */[__webpack_require__.e(464), __webpack_require__.e(363)]).then(__webpack_require__.bind(__webpack_require__, 9363));
    const html = micromark(output, {
        allowDangerousHtml: false,
        allowDangerousProtocol: false,
        extensions: [gfm()],
        htmlExtensions: [gfmHtml()]
    });
    const withoutBlankLines = html
        .replace(/<pre>[\s\S]*?<\/pre>/g, pre => pre.replace(/\r?\n/g, '&#10;'))
        .replace(/\n{2,}/g, '\n')
        .trim();
    return withoutBlankLines === '' ? '<div></div>' : `<div>\n${withoutBlankLines}\n</div>`;
}
/**
 * text: the output verbatim in a fenced code block whose fence is longer than any run of
 * backticks in it, so that no line of the output can close it.
 */
function textBlock(output) {
    const longestRun = Math.max(0, ...[...output.matchAll(/`+/g)].map(match => match[0].length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    const body = output.endsWith('\n') || output === '' ? output : `${output}\n`;
    return `${fence}text\n${body}${fence}`;
}
/** The output's text cut at a line boundary to about `chars`, never inside a surrogate pair. */
function cutAtLine(output, chars) {
    if (output.length <= chars)
        return output;
    const lineEnd = output.lastIndexOf('\n', chars);
    let cut = lineEnd > chars / 2 ? lineEnd + 1 : chars;
    const code = output.charCodeAt(cut);
    if (cut > 0 && code >= 0xdc00 && code <= 0xdfff)
        cut--;
    return output.slice(0, cut);
}
/** Says that the card shows part of the output, and where the whole of it is. */
function cutNote(shownBytes, totalBytes, file) {
    const where = file
        ? ` The whole output is in <code>${escapeHtml(file)}</code> (the <code>output-file</code> ` +
            'output); upload it with <code>actions/upload-artifact</code> to keep it with the run.'
        : '';
    return `<p><em>Output cut: the first ${shownBytes} of ${totalBytes} bytes are shown.${where}</em></p>`;
}

;// CONCATENATED MODULE: ./src/action/publish/run-card.ts


const MAX_ERROR_BYTES = 64 * 1024;
const MAX_MARKDOWN_CHARS = 32 * 1024;
// At most this many characters, or lines, and the output starts collapsed.
const OPEN_OUTPUT_CHARS = 2000;
const OPEN_OUTPUT_LINES = 40;
const STATUS_ICONS = {
    completed: '✅',
    failed: '❌',
    cancelled: '⚪',
    timed_out: '⏱️',
    running: '⏳',
    pending: '⏳'
};
/**
 * Renders the run card, for the job summary and the pull-request comment alike: a table of
 * facts, the error if any, and the output in a collapsible block, cut to fit with a line that
 * says where the whole output is.
 *
 * The card is read by a CommonMark renderer, which ends most HTML blocks at a blank line and
 * reads what follows as Markdown. So every block is laid out to stay what it is whatever the
 * text holds: table cells never hold a line break, and text with lines goes in a `<pre>` that
 * starts its own block, which only `</pre>` ends (and text cannot hold one: `<` is escaped);
 * the output's own block is built the same way (card-output.ts).
 */
async function renderRunCard(card, options) {
    const blocks = [...(options.marker ? [options.marker] : []), ...facts(card)];
    if (card.error) {
        const { html, truncated } = escapeBounded(card.error, MAX_ERROR_BYTES);
        blocks.push('<p><strong>Error:</strong></p>', `<pre>${html}${truncated ? '\n[…]' : ''}</pre>`);
    }
    const head = assemble(blocks);
    if (card.output === undefined)
        return head;
    const { totalBytes, file } = card.output;
    // Rendering Markdown costs memory in proportion to it: a card shows this much at most.
    let shown = options.format === 'markdown'
        ? cutAtLine(card.output.head, MAX_MARKDOWN_CHARS)
        : card.output.head;
    for (let attempt = 0;; attempt++) {
        const shownBytes = Buffer.byteLength(shown);
        const open = shown.length <= OPEN_OUTPUT_CHARS && lineCount(shown) <= OPEN_OUTPUT_LINES;
        const outputBlocks = [
            `<details${open ? ' open' : ''}><summary>Output</summary>`,
            options.format === 'markdown' ? await markdownBlock(shown) : textBlock(shown),
            ...(shownBytes < totalBytes ? [cutNote(shownBytes, totalBytes, file)] : []),
            '</details>'
        ];
        const rendered = assemble([...blocks, ...outputBlocks]);
        const size = Buffer.byteLength(rendered);
        if (size <= options.maxBytes || shown === '' || attempt >= 8)
            return rendered;
        // Too big: keep a share of the output that should fit, with room for the note.
        const room = options.maxBytes - Buffer.byteLength(head) - 1024;
        const share = Math.max(0, room) / (size - Buffer.byteLength(head));
        shown = cutAtLine(shown, Math.floor(shown.length * Math.min(0.9, share)));
    }
}
function facts(card) {
    const status = card.status ?? 'not started';
    const rows = [
        ['Workflow', code(card.workflowId)],
        ['Run', code(card.runId)],
        ['Thread', code(card.threadId)],
        ['Status', `${STATUS_ICONS[status] ?? ''} ${escapeHtml(oneLine(status))}`.trim()],
        ['Duration', card.duration ? `${escapeHtml(card.duration)} s` : '—']
    ];
    return [
        '<h3>AI Planet workflow run</h3>',
        [
            '<table>',
            ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
            '</table>'
        ].join('\n')
    ];
}
/** Blank lines between blocks, none inside one. */
function assemble(blocks) {
    return `${blocks.join('\n\n')}\n`;
}
function lineCount(text) {
    return text.split('\n').length;
}
/** A one-line value (an id, a status): a line break in it would end the table's HTML block. */
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ');
}
function code(value) {
    return value ? `<code>${escapeHtml(oneLine(value))}</code>` : '—';
}

;// CONCATENATED MODULE: ./src/action/publish/publish-card.ts



// GitHub's limits are 1 MiB for a step's summary and 65,536 characters for a comment; the
// card stays below both, with room to spare (a byte bound is also a character bound).
const SUMMARY_MAX_BYTES = 900 * 1024;
const COMMENT_MAX_BYTES = 60_000;
/**
 * Publishes the run card: to the job summary, and as a pull-request comment when asked.
 * Returns the comment's URL. Problems are warnings: the run's outputs are set already.
 */
async function publishCard(facts, how, redact) {
    if (how.summary) {
        try {
            const card = await renderRunCard(facts, { format: how.format, maxBytes: SUMMARY_MAX_BYTES });
            await core/* summary */.z.addRaw(redact(card)).write();
        }
        catch (error) {
            core/* warning */.$e(redact(`Could not write the job summary: ${(0,errors/* getErrorMessage */.u)(error)}`));
        }
    }
    if (how.comment === undefined)
        return undefined;
    try {
        // Octokit is loaded only by a step that comments.
        const { postRunCard } = await Promise.all(/* import() */[__webpack_require__.e(7), __webpack_require__.e(413), __webpack_require__.e(20), __webpack_require__.e(281)]).then(__webpack_require__.bind(__webpack_require__, 7281));
        const result = await postRunCard(how.comment, { workflowId: facts.workflowId, key: how.comment.key, startedAt: how.startedAt }, async (marker) => redact(await renderRunCard(facts, { format: how.format, maxBytes: COMMENT_MAX_BYTES, marker })));
        if ('url' in result)
            return result.url;
        if ('warning' in result)
            core/* warning */.$e(redact(result.warning));
        else
            core/* info */.pq(redact(result.notice));
    }
    catch (error) {
        core/* warning */.$e(redact(`Could not comment on the pull request: ${(0,errors/* getErrorMessage */.u)(error)}`));
    }
    return undefined;
}


/***/ })

};
