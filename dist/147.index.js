export const id = 147;
export const ids = [147];
export const modules = {

/***/ 6903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ resolveWorkflowInputs),
/* harmony export */   sL: () => (/* binding */ readWorkspaceFile)
/* harmony export */ });
/* unused harmony exports MAX_FILE_BYTES, firstInvalidUtf8 */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);



const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A text input read from a file: a `git log` or a diff, not a data set. */
const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Reads the files that entries name by `path` (relative to the workspace, and inside it): a
 * file or image becomes a `data:` URL, a text entry the file's text (UTF-8). The platform
 * receives `value`, never the path.
 */
async function resolveWorkflowInputs(specs, workspace) {
    const inputs = [];
    const problems = [];
    for (const spec of specs) {
        if (spec.path === undefined) {
            inputs.push({ name: spec.name, type: spec.type, value: spec.value });
            continue;
        }
        const text = spec.type === 'text';
        const read = await readWorkspaceFile(workspace, spec.path, text ? MAX_TEXT_FILE_BYTES : MAX_FILE_BYTES);
        const entry = `entry '${spec.name}'`;
        if ('problem' in read) {
            problems.push(read.tooLarge === undefined
                ? `${entry}: ${read.problem}`
                : text
                    ? `${entry}: '${spec.path}' is ${read.tooLarge} bytes; a text input read from a file is at most ${MAX_TEXT_FILE_BYTES} bytes (5 MiB)`
                    : `${entry}: '${spec.path}' is ${read.tooLarge} bytes; files are sent inline, at most ${MAX_FILE_BYTES} bytes (20 MiB)`);
            continue;
        }
        if (text) {
            const invalidAt = firstInvalidUtf8(read.bytes);
            if (invalidAt !== undefined) {
                problems.push(`${entry}: '${spec.path}' is not valid UTF-8 text (at byte ${invalidAt}); a text input is sent as text, so convert the file (iconv -t UTF-8) or send it as type: file`);
                continue;
            }
            // A byte-order mark is how some editors start UTF-8; it is not part of the text.
            const value = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
            inputs.push({ name: spec.name, type: 'text', value });
            continue;
        }
        const { lookup } = await __webpack_require__.e(/* import() */ 96).then(__webpack_require__.t.bind(__webpack_require__, 4096, 19));
        const mime = lookup(spec.path) || 'application/octet-stream';
        inputs.push({
            name: spec.name,
            type: spec.type,
            value: `data:${mime};base64,${read.bytes.toString('base64')}`
        });
    }
    return { inputs, problems };
}
/**
 * The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or undefined when all of it is.
 */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        // The sequence's length, and the range its second byte must be in (RFC 3629, table 3-7).
        let length;
        let low = 0x80;
        let high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf)
            length = 2;
        else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead === 0xe0)
                low = 0xa0;
            if (lead === 0xed)
                high = 0x9f;
        }
        else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead === 0xf0)
                low = 0x90;
            if (lead === 0xf4)
                high = 0x8f;
        }
        else
            return i;
        for (let k = 1; k < length; k++) {
            const next = bytes[i + k];
            const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
            if (next === undefined || next < min || next > max)
                return i;
        }
        i += length;
    }
    return undefined;
}
/**
 * A file the step names by a path relative to the workspace: its bytes, or why it cannot be
 * used (outside the workspace, through links too; not a file; larger than `maxBytes`). The
 * file is opened once and every check is made on what was opened, so that a link swapped or a
 * file grown between a check and the read changes nothing: the handle's file must be the one
 * at the resolved path, and no more than `maxBytes` are read from it.
 */
async function readWorkspaceFile(workspace, relative, maxBytes) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace);
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, relative);
    const outside = { problem: `path '${relative}' is outside the workspace (${root})` };
    if (!isInside(root, file))
        return outside;
    let handle;
    try {
        handle = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.open(file, 'r');
        const opened = await handle.stat();
        const real = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(file);
        if (!isInside(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(root), real))
            return outside;
        const there = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(real);
        if (there.dev !== opened.dev || there.ino !== opened.ino) {
            return { problem: `'${relative}' changed while it was read; try again` };
        }
        if (!opened.isFile())
            return { problem: `'${relative}' is not a file` };
        if (opened.size > maxBytes)
            return { problem: 'too large', tooLarge: opened.size };
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        while (length < buffer.length) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        // It grew past the limit after it was measured.
        if (length > maxBytes)
            return { problem: 'too large', tooLarge: length };
        return { bytes: buffer.subarray(0, length) };
    }
    catch (error) {
        const code = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .C)(error);
        if (code === 'EISDIR')
            return { problem: `'${relative}' is not a file` };
        return {
            problem: `cannot read '${relative}' (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`
        };
    }
    finally {
        await handle?.close();
    }
}
function isInside(root, file) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, file);
    return (relative !== '' &&
        relative !== '..' &&
        !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) &&
        !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
}


/***/ }),

/***/ 1147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readWorkflowInputs: () => (/* binding */ readWorkflowInputs)
/* harmony export */ });
/* unused harmony export parseWorkflowInputs */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _workflow_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6903);



const inputType = zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['text', 'file', 'image']);
const listEntry = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().trim().min(1, 'needs a non-empty `name`'),
    type: inputType.default('text'),
    value: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
    path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().trim().min(1, '`path` must not be empty').optional()
})
    .superRefine((entry, ctx) => {
    if (entry.path !== undefined && entry.value !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'give either `value` or `path`, not both' });
    }
    else if (entry.path === undefined && entry.value === undefined) {
        ctx.addIssue({ code: 'custom', message: 'needs a `value` or a `path`' });
    }
});
const ACCEPTED_FORMS = 'a JSON or YAML list of {name, type, value} (or {name, type, path}), or a map {name: value}';
/** Reads the `inputs` input: its entries, with files read, or the problems, each naming the entry. */
async function readWorkflowInputs(text, workspace) {
    const parsed = parseWorkflowInputs(text);
    const resolved = await (0,_workflow_files_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveWorkflowInputs */ .HM)(parsed.specs, workspace);
    return { inputs: resolved.inputs, problems: [...parsed.problems, ...resolved.problems] };
}
/** Parses the `inputs` input. Returns the entries, or the problems, each naming the entry. */
function parseWorkflowInputs(text) {
    try {
        return parseDocument(text);
    }
    catch (error) {
        if (!(error instanceof SelfReference))
            throw error;
        return { specs: [], problems: ['refers to itself (a YAML alias inside its own value)'] };
    }
}
function parseDocument(text) {
    if (text.trim() === '')
        return { specs: [], problems: [] };
    let document;
    try {
        // Maps stay Maps, so that a key that is not text (null, a list) is seen, not stringified.
        document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { mapAsMap: true });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
        return {
            specs: [],
            problems: [`is neither JSON nor YAML (${reason}); expected ${ACCEPTED_FORMS}`]
        };
    }
    if (document === null || document === undefined)
        return { specs: [], problems: [] };
    if (Array.isArray(document))
        return parseList(document.map(item => plainObjects(item)));
    if (document instanceof Map)
        return parseMap(document);
    return { specs: [], problems: [`must be ${ACCEPTED_FORMS}, not a single ${typeof document}`] };
}
function parseList(items) {
    const specs = [];
    const problems = [];
    items.forEach((item, index) => {
        const result = listEntry.safeParse(item);
        if (result.success) {
            specs.push(result.data);
            return;
        }
        const label = describeEntry(item, index);
        for (const issue of result.error.issues) {
            const field = issue.path.length > 0 ? ` field \`${issue.path.join('.')}\`` : '';
            problems.push(`${label}${field}: ${issueMessage(issue)}`);
        }
    });
    problems.push(...duplicateNames(specs));
    return { specs, problems };
}
const ENTRY_FIELDS = new Set(['name', 'type', 'value', 'path']);
function parseMap(map) {
    const keys = [...map.keys()];
    if (keys.includes('name') && keys.every(key => ENTRY_FIELDS.has(String(key)))) {
        // Almost surely one list entry written without its dash, not inputs called `name` and `value`.
        return {
            specs: [],
            problems: ['looks like a single {name, value} entry: write it as a list (`- name: …`)']
        };
    }
    const specs = [];
    const problems = [];
    for (const [key, raw] of map) {
        // A name is text: `~:` or `"":` names nothing, and `[a, b]:` is not a name.
        const name = scalarName(key);
        if (name === undefined || name.trim() === '') {
            problems.push(`has an entry with ${name === undefined ? 'a non-text' : 'an empty'} name; every input needs a name`);
            continue;
        }
        const value = plainObjects(raw);
        if (value === null || (typeof value === 'object' && !Array.isArray(value))) {
            problems.push(`entry '${name}': a map gives text values; use the list form for ${value === null ? 'an empty value' : 'files, images or typed values'}`);
            continue;
        }
        specs.push({
            name,
            type: 'text',
            value: typeof value === 'string' ? value : JSON.stringify(value)
        });
    }
    return { specs, problems };
}
/** A map key as an input name: text, a number or a boolean; '' for null; else undefined. */
function scalarName(key) {
    if (key === null)
        return '';
    if (typeof key === 'string')
        return key;
    if (typeof key === 'number' || typeof key === 'boolean')
        return String(key);
    return undefined;
}
/** YAML aliases can make a value that contains itself: it has no JSON form to send. */
class SelfReference extends Error {
}
/** Maps (kept as such by the YAML reader) as plain objects, with their keys as text. */
function plainObjects(value, within = new Set()) {
    if (value === null || typeof value !== 'object')
        return value;
    if (within.has(value))
        throw new SelfReference();
    const inside = new Set(within).add(value);
    if (value instanceof Map) {
        return Object.fromEntries([...value].map(([key, inner]) => [
            scalarName(key) ?? String(JSON.stringify(plainObjects(key, inside))),
            plainObjects(inner, inside)
        ]));
    }
    return Array.isArray(value) ? value.map(inner => plainObjects(inner, inside)) : value;
}
function describeEntry(item, index) {
    const name = item !== null &&
        typeof item === 'object' &&
        typeof item.name === 'string'
        ? ` ('${item.name}')`
        : '';
    return `entry ${index + 1}${name}`;
}
function issueMessage(issue) {
    if (issue.code === 'unrecognized_keys') {
        return `unknown field(s) ${issue.keys.map(k => `\`${k}\``).join(', ')}; allowed: name, type, value, path`;
    }
    if (issue.code === 'invalid_value')
        return 'must be one of text, file, image';
    if (issue.code === 'invalid_type' && issue.path[0] === 'name')
        return 'needs a non-empty `name`';
    if (issue.code === 'invalid_type' && issue.path.length === 0)
        return 'must be an object {name, type, value}';
    if (issue.code === 'invalid_type')
        return `must be a ${issue.expected}`;
    return issue.message;
}
function duplicateNames(specs) {
    const seen = new Set();
    const problems = [];
    for (const spec of specs) {
        if (seen.has(spec.name))
            problems.push(`entry '${spec.name}' is given more than once`);
        seen.add(spec.name);
    }
    return problems;
}


/***/ })

};
