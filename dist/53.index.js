export const id = 53;
export const ids = [53];
export const modules = {

/***/ 6053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readOutputSchema: () => (/* binding */ readOutputSchema)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _workflow_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6903);


/** A schema file is a schema, not a data set. */
const MAX_SCHEMA_BYTES = 1024 * 1024;
/**
 * Reads `output-schema`: a JSON Schema written inline (it starts with `{`), or the path of a
 * file in the workspace holding one (JSON, or YAML for `.yml`/`.yaml`), compiled at once so
 * that a schema that is not one is an input error, reported before any request.
 */
async function readOutputSchema(raw, workspace) {
    const text = raw.trim();
    let schema;
    if (text.startsWith('{')) {
        try {
            schema = JSON.parse(text);
        }
        catch (error) {
            return { problem: `is not JSON (${error.message})` };
        }
    }
    else {
        const file = await (0,_workflow_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readWorkspaceFile */ .sL)(workspace, text, MAX_SCHEMA_BYTES);
        if ('problem' in file) {
            const why = file.tooLarge === undefined
                ? file.problem
                : `'${text}' is ${file.tooLarge} bytes, more than ${MAX_SCHEMA_BYTES}`;
            return { problem: `names a file that cannot be used: ${why}` };
        }
        try {
            const content = file.bytes.toString('utf8');
            schema = /\.ya?ml$/i.test(text) ? (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(content) : JSON.parse(content);
        }
        catch (error) {
            return {
                problem: `names '${text}', which is not ${/\.ya?ml$/i.test(text) ? 'YAML' : 'JSON'} (${error.message.split('\n')[0]})`
            };
        }
    }
    const { compileSchema } = await __webpack_require__.e(/* import() */ 27).then(__webpack_require__.bind(__webpack_require__, 6027));
    return compileSchema(schema);
}


/***/ }),

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


/***/ })

};
