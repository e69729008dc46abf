export const id = 192;
export const ids = [192,747];
export const modules = {

/***/ 1747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ withoutMentions),
/* harmony export */   withoutMentionsInMarkdown: () => (/* binding */ withoutMentionsInMarkdown),
/* harmony export */   y: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/**
 * GitHub turns `@login` and `@org/team` in a comment's text into mentions that notify people;
 * in server text (a model's answer) they are written `@` + ZERO WIDTH SPACE + name: they read
 * the same and notify nobody. Code (`<code>`, `<pre>`, fences) is left as it is: GitHub makes no
 * mention there, and a copied `@scope/package` must stay what it is.
 */
const MENTION = /@(?=[A-Za-z0-9])/g;
const ZERO_WIDTH_SPACE = '\u200B';
function neutraliseMentions(token) {
    token.content = withoutMentions(token.content);
}
function withoutMentions(text) {
    return text.replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}
// `@` written as a character reference, which Markdown turns into `@` after the text is read.
const AT_REFERENCE = /&(?:#0*64|#x0*40|commat);/gi;
/**
 * Markdown written by a model, with no `@` that notifies anywhere in it, code included (a
 * parse that tells code from prose can be fooled; a `@` in a code sample reads the same with
 * the zero-width space). `@` written as `&#64;` or `&commat;` is made inert too.
 */
function withoutMentionsInMarkdown(markdown) {
    return withoutMentions(markdown.replace(AT_REFERENCE, '@'));
}


/***/ }),

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
// EXTERNAL MODULE: ./src/action/core-logger.ts
var core_logger = __webpack_require__(2048);
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
/**
 * Removes secrets from the text of rendered HTML, never from its tags: a short secret that
 * happens to spell `code` must not turn `<code>` into `<***>`. Attributes hold only what was
 * redacted before it was rendered.
 */
function redactHtmlText(html, redact) {
    return html
        .split(/(<[^>]*>)/)
        .map(part => (part.startsWith('<') ? part : redact(part)))
        .join('');
}

// EXTERNAL MODULE: ./src/output/bounds.ts
var bounds = __webpack_require__(6124);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/action/publish/mentions.ts
var mentions = __webpack_require__(1747);
;// CONCATENATED MODULE: ./src/action/publish/card-output.ts



// The output's block in the run card. Both forms are built so that, wherever the card is
// rendered as GitHub-flavoured Markdown (the job summary, a comment), nothing in the output
// can end the card's blocks or add to them, and raw HTML in it is shown, not interpreted.
/** Rendering costs memory in proportion to this much of the output at most. */
const MAX_MARKDOWN_CHARS = 32 * 1024;
// Past this size of HTML, or this many table cells, the output is shown as text: a table's
// rows are padded to its header's width, and a reference expands to its link each time, so a
// few kilobytes of Markdown can ask for hundreds of megabytes of HTML.
const MAX_RENDERED_BYTES = 2 * 1024 * 1024;
const MAX_TABLE_CELLS = 20_000;
/**
 * markdown: the output rendered to HTML here, by a CommonMark renderer (markdown-it, with GFM
 * tables, strikethrough and links) that escapes raw HTML and refuses dangerous URLs. Its cost
 * is checked before anything is built: the table cells the text asks for, then the size of the
 * HTML its tokens would make. The result is one HTML block with no blank line in it (line
 * breaks inside code are written `&#10;`), so the page's own renderer passes it as it is.
 */
async function markdownBlock(output, options) {
    const cells = tableCells(output);
    if (cells > MAX_TABLE_CELLS) {
        return { tooCostly: `its tables would have ${cells} cells` };
    }
    const { default: MarkdownIt } = await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.bind(__webpack_require__, 5251));
    const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
    const env = {};
    const tokens = md.parse(output, env);
    const bytes = renderedBytesAtMost(tokens);
    if (bytes > MAX_RENDERED_BYTES) {
        return { tooCostly: `its HTML would take up to ${(bytes / 1024 / 1024).toFixed(1)} MiB` };
    }
    // What the text says once its entities and escapes are read (`&#38;`, `\&`): a secret written
    // that way appears only now, and is removed before anything is rendered.
    forEachToken(tokens, token => {
        token.content = options.redact(token.content);
        for (const attribute of token.attrs ?? [])
            attribute[1] = options.redact(String(attribute[1]));
    });
    if (!options.allowMentions) {
        forEachToken(tokens, token => {
            if (token.type === 'text')
                (0,mentions/* neutraliseMentions */.y)(token);
        });
    }
    const html = md.renderer.render(tokens, md.options, env);
    const withoutBlankLines = html
        .replace(/<pre>[\s\S]*?<\/pre>/g, pre => pre.replace(/\r?\n/g, '&#10;'))
        .replace(/\n{2,}/g, '\n')
        .trim();
    return { html: withoutBlankLines === '' ? '<div></div>' : `<div>\n${withoutBlankLines}\n</div>` };
}
/**
 * An upper bound on the HTML the tokens render to: each UTF-16 unit of content or attribute at
 * its longest escape (`"` is `&quot;`, six) in UTF-8 (three bytes), and each token's own tags.
 */
function renderedBytesAtMost(tokens) {
    let bytes = 0;
    for (const token of tokens) {
        bytes += 64 + token.content.length * 18;
        for (const [name, value] of token.attrs ?? [])
            bytes += (name.length + String(value).length) * 18;
        if (token.children)
            bytes += renderedBytesAtMost(token.children);
    }
    return bytes;
}
/** Every token, children included (a mention stands only in `text` ones, never in code). */
function forEachToken(tokens, visit) {
    for (const token of tokens) {
        visit(token);
        if (token.children)
            forEachToken(token.children, visit);
    }
}
// What opens a line inside a container block: a quote's `>`, a list item's marker, indentation.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
/**
 * How many cells the GFM tables in a text ask for: a delimiter row (`|---|:-:|`) makes a table
 * of its width, and the header row above it and every row that follows it (until a blank
 * line) are padded to that width. A table may sit in a quote or a list item, so each line is read without
 * its container's prefix. Linear in the text: each line is looked at once.
 */
function tableCells(text) {
    const lines = text.split('\n').map(line => line.replace(CONTAINER_PREFIX, ''));
    let cells = 0;
    for (let i = 1; i < lines.length; i++) {
        const width = delimiterRowWidth(lines[i] ?? '');
        if (width === 0)
            continue;
        let rows = 1;
        while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') {
            rows++;
            i++;
        }
        cells += width * rows;
    }
    return cells;
}
/** The number of columns of a GFM delimiter row (`| --- | :-: |`), or 0 when it is not one. */
function delimiterRowWidth(line) {
    if (!line.includes('-'))
        return 0;
    let row = line.trim();
    const piped = row.includes('|');
    if (row.startsWith('|'))
        row = row.slice(1);
    if (row.endsWith('|'))
        row = row.slice(0, -1);
    const cells = row.split('|');
    // A lone `---` is a thematic break or a heading's underline, not a table.
    if (!piped && cells.length < 2)
        return 0;
    for (const cell of cells) {
        if (!/^:?-+:?$/.test(cell.trim()))
            return 0;
    }
    return cells.length;
}
/**
 * text: the output verbatim in a fenced code block whose fence is longer than any run of
 * backticks in it, so that no line of the output can close it.
 */
function textBlock(output) {
    let longestRun = 0;
    for (const match of output.matchAll(/`+/g))
        longestRun = Math.max(longestRun, match[0].length);
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    const body = output.endsWith('\n') || output === '' ? output : `${output}\n`;
    return `${fence}text\n${body}${fence}`;
}
/** The output's text cut at a line boundary to about `chars`, never inside a surrogate pair. */
function cutAtLine(output, chars) {
    if (output.length <= chars)
        return output;
    const lineEnd = output.lastIndexOf('\n', chars);
    return output.slice(0, lineEnd > chars / 2 ? lineEnd + 1 : (0,bounds/* safeCut */.aK)(output, chars));
}
/** Says that the card shows part of the output, and where the whole of it is. */
function cutNote(shownBytes, totalBytes, file) {
    const where = file
        ? ` The whole output is in <code>${escapeHtml(file.length > 512 ? `${file.slice(0, 512)}…` : file)}</code> (the <code>output-file</code> ` +
            'output); upload it with <code>actions/upload-artifact</code> to keep it with the run.'
        : '';
    return `<p><em>Output cut: the first ${shownBytes} of ${totalBytes} bytes are shown.${where}</em></p>`;
}
/** Says why a Markdown output is shown as text. */
function asTextNote(why) {
    return `<p><em>Shown as text: rendered as Markdown, ${escapeHtml(why)}.</em></p>`;
}

;// CONCATENATED MODULE: ./src/action/publish/run-card.ts





/** The error's share of a card, and the findings': the rest is for the facts and the output. */
const MAX_ERROR_SHARE = 0.25;
const MAX_FINDINGS_SHARE = 0.25;
const MAX_FINDING_ROWS = 200;
const MAX_ERROR_BYTES = 64 * 1024;
/** A fact (an id, a status) is shown up to this many characters. */
const MAX_FACT_CHARS = 256;
/** What the output's frame (details, summary, the notes) takes at most, beside the output. */
const OUTPUT_FRAME_BYTES = 2048;
// At most this many characters, or lines, and the output starts collapsed.
const OPEN_OUTPUT_CHARS = 2000;
const OPEN_OUTPUT_LINES = 40;
/** Tries at cutting a rendered output to fit, before it is shown as text (which fits exactly). */
const MAX_RENDER_ATTEMPTS = 3;
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
 * facts, the error if any, and the output in a collapsible block. Whatever its parts hold, the
 * card fits in `maxBytes`: each fact is cut, the error has at most a quarter of the room, and
 * the output has the rest, cut to fit with a line that says where the whole output is.
 *
 * The card is read by a CommonMark renderer, which ends most HTML blocks at a blank line and
 * reads what follows as Markdown. So every block is laid out to stay what it is whatever the
 * text holds: table cells never hold a line break, and text with lines goes in a `<pre>` that
 * starts its own block, which only `</pre>` ends (and text cannot hold one: `<` is escaped);
 * the output's own block is built the same way (card-output.ts).
 */
async function renderRunCard(card, options) {
    const blocks = [...(options.marker ? [options.marker] : []), ...facts(card)];
    if (card.findings !== undefined) {
        blocks.push(...findingsBlocks(card.findings, options.maxBytes * MAX_FINDINGS_SHARE, options));
    }
    if (card.error) {
        const room = Math.min(MAX_ERROR_BYTES, Math.floor(options.maxBytes * MAX_ERROR_SHARE));
        const { html, truncated } = escapeBounded(card.error, room);
        blocks.push('<p><strong>Error:</strong></p>', `<pre>${html}${truncated ? '\n[…]' : ''}</pre>`);
    }
    const head = assemble(blocks);
    if (card.output === undefined)
        return fitted(head, blocks, options.maxBytes);
    const room = options.maxBytes - Buffer.byteLength(head) - OUTPUT_FRAME_BYTES;
    const output = await outputBlocks(card.output, options, room);
    const rendered = assemble([...blocks, ...output]);
    // Guaranteed by the shares above; kept as the last word, should a share be miscounted.
    if (Buffer.byteLength(rendered) <= options.maxBytes)
        return rendered;
    return fitted(assemble([...blocks, cutNote(0, card.output.totalBytes, card.output.file)]), blocks, options.maxBytes);
}
/** The card, or if it still does not fit, its facts alone: a card never goes over its budget. */
function fitted(card, blocks, maxBytes) {
    if (Buffer.byteLength(card) <= maxBytes)
        return card;
    const facts = assemble(blocks.filter(block => !block.startsWith('<p><strong>Error') && !block.startsWith('<pre>')));
    return (0,bounds/* boundUtf8 */._u)(facts, maxBytes, '').text;
}
/** The output's blocks, in at most `room` bytes (beside the frame's). */
async function outputBlocks(output, options, room) {
    const { totalBytes, file } = output;
    const frame = (shown, body, note) => {
        const shownBytes = Buffer.byteLength(shown);
        const open = shown.length <= OPEN_OUTPUT_CHARS && lineCount(shown) <= OPEN_OUTPUT_LINES;
        return [
            `<details${open ? ' open' : ''}><summary>Output</summary>`,
            body,
            ...(note ? [note] : []),
            ...(shownBytes < totalBytes ? [cutNote(shownBytes, totalBytes, file)] : []),
            '</details>'
        ];
    };
    // Text fits exactly: its block is the output and two fences, each at most one longer than
    // the output's longest run of backticks.
    const asText = (text, note) => {
        const cut = (bytes) => cutAtLine((0,bounds/* boundUtf8 */._u)(text, Math.max(0, Math.floor(bytes)), '').text, Math.max(0, bytes));
        let shown = cut(room - 32);
        if (Buffer.byteLength(textBlock(shown)) > room)
            shown = cut((room - 32) / 3);
        return frame(shown, textBlock(shown), note);
    };
    if (options.format === 'text')
        return asText(output.head);
    let shown = cutAtLine(output.head, MAX_MARKDOWN_CHARS);
    for (let attempt = 1;; attempt++) {
        const block = await markdownBlock(shown, {
            allowMentions: options.allowMentions === true,
            redact: options.redact ?? (text => text)
        });
        if ('tooCostly' in block)
            return asText(output.head, asTextNote(block.tooCostly));
        const size = Buffer.byteLength(block.html);
        if (size <= room)
            return frame(shown, block.html);
        if (attempt >= MAX_RENDER_ATTEMPTS) {
            return asText(output.head, asTextNote('it would not fit in the card'));
        }
        // Too big: keep a share of the output that should fit.
        shown = cutAtLine(shown, Math.floor(shown.length * Math.min(0.9, room / size)));
    }
}
const SEVERITY_ICONS = {
    error: '❌',
    warning: '⚠️',
    notice: 'ℹ️'
};
/**
 * Every finding as a row (severity, `path:line`, title), in at most `maxBytes`: the rows that
 * do not fit are counted in a last one. Server text is escaped, on one line, mentions inert.
 */
function findingsBlocks(findings, maxBytes, options) {
    const count = (severity) => findings.filter(finding => finding.severity === severity).length;
    const said = (text) => escapeHtml(fact(options.allowMentions === true ? text : (0,mentions/* withoutMentions */.C)(text)));
    const heading = `<p><strong>Findings:</strong> ${findings.length} (${count('error')} errors, ` +
        `${count('warning')} warnings, ${count('notice')} notices)</p>`;
    if (findings.length === 0)
        return [heading];
    const rows = [];
    let bytes = Buffer.byteLength(heading) + 256;
    for (const [index, finding] of findings.entries()) {
        const where = `${finding.path}:${finding.line}${finding.endLine ? `-${finding.endLine}` : ''}`;
        const what = finding.title ?? finding.message.split('\n')[0] ?? '';
        const row = `<tr><td>${SEVERITY_ICONS[finding.severity]} ${finding.severity}</td>` +
            `<td><code>${escapeHtml(fact(where))}</code></td><td>${said(what)}</td></tr>`;
        bytes += Buffer.byteLength(row) + 1;
        if (bytes > maxBytes || index >= MAX_FINDING_ROWS) {
            rows.push(`<tr><td colspan="3">… and ${findings.length - index} more (the <code>findings</code> output has them all)</td></tr>`);
            break;
        }
        rows.push(row);
    }
    return [
        heading,
        [
            '<table>',
            '<tr><th align="left">Severity</th><th align="left">Where</th><th align="left">Finding</th></tr>',
            ...rows,
            '</table>'
        ].join('\n')
    ];
}
function facts(card) {
    const status = card.status ?? 'not started';
    const rows = [
        ['Workflow', code(card.workflowId)],
        [
            'Run',
            card.runUrl === undefined || card.runId === undefined
                ? code(card.runId)
                : `<a href="${escapeHtml(card.runUrl)}">${code(card.runId)}</a>`
        ],
        ['Thread', code(card.threadId)],
        ['Status', `${STATUS_ICONS[status] ?? ''} ${escapeHtml(fact(status))}`.trim()],
        ['Duration', card.duration ? `${escapeHtml(fact(card.duration))} s` : '—'],
        ...(card.usage === undefined ? [] : [['Usage', usageText(card.usage)]])
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
/** `tokens 1,200 in, 300 out, 1,500 in all · cost 0.0042`, with what the run reported. */
function usageText(usage) {
    const count = (n) => n.toLocaleString('en-US');
    const tokens = [
        usage.inputTokens === undefined ? undefined : `${count(usage.inputTokens)} in`,
        usage.outputTokens === undefined ? undefined : `${count(usage.outputTokens)} out`,
        usage.totalTokens === undefined ? undefined : `${count(usage.totalTokens)} in all`
    ].filter(part => part !== undefined);
    const parts = [
        tokens.length > 0 ? `tokens ${tokens.join(', ')}` : undefined,
        usage.cost === undefined ? undefined : `cost ${usage.cost}`
    ].filter(part => part !== undefined);
    return escapeHtml(parts.join(' · '));
}
/** Blank lines between blocks, none inside one. */
function assemble(blocks) {
    return `${blocks.join('\n\n')}\n`;
}
function lineCount(text) {
    return text.split('\n').length;
}
/**
 * A one-line value (an id, a status), cut to a length a table cell can show: a line break in
 * it would end the table's HTML block.
 */
function fact(text) {
    const line = (0,util_text/* oneLine */.T)(text);
    if (line.length <= MAX_FACT_CHARS)
        return line;
    return `${cutAtLine(line, MAX_FACT_CHARS)}…`;
}
function code(value) {
    return value ? `<code>${escapeHtml(fact(value))}</code>` : '—';
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
async function publishCard(facts, how, redactor) {
    const redact = (text) => redactor.redact(text);
    const style = { format: how.format, allowMentions: how.allowMentions, redact };
    // A runner always gives a summary file; a local run (@github/local-action) may not.
    if (how.summary && !process.env.GITHUB_STEP_SUMMARY) {
        core/* debug */.Yz('No job summary is written: GITHUB_STEP_SUMMARY is not set (not on a runner).');
    }
    else if (how.summary) {
        try {
            const card = await renderRunCard(facts, { ...style, maxBytes: SUMMARY_MAX_BYTES });
            await core/* summary */.z.addRaw(redactHtmlText(card, redact)).write();
        }
        catch (error) {
            core/* warning */.$e(redact(`Could not write the job summary: ${(0,errors/* getErrorMessage */.u)(error)}`));
        }
    }
    if (how.comment === undefined)
        return undefined;
    try {
        // Octokit is loaded only by a step that comments.
        const { postRunCard } = await Promise.all(/* import() */[__webpack_require__.e(410), __webpack_require__.e(413), __webpack_require__.e(871), __webpack_require__.e(487)]).then(__webpack_require__.bind(__webpack_require__, 3487));
        const result = await postRunCard(how.comment, { workflowId: facts.workflowId, key: how.comment.key, startedAt: how.startedAt }, async (marker) => redactHtmlText(await renderRunCard(facts, { ...style, maxBytes: COMMENT_MAX_BYTES, marker }), redact), { signal: how.signal, logger: (0,core_logger/* coreLogger */.Wj)(redactor) });
        const logger = (0,core_logger/* coreLogger */.Wj)(redactor);
        if ('url' in result)
            return result.url;
        if ('warning' in result)
            logger.warning(result.warning);
        else
            logger.info(result.notice);
    }
    catch (error) {
        core/* warning */.$e(redact(`Could not comment on the pull request: ${(0,errors/* getErrorMessage */.u)(error)}`));
    }
    return undefined;
}


/***/ })

};
