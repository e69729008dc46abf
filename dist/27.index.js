export const id = 27;
export const ids = [27];
export const modules = {

/***/ 6027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_CHECKED_BYTES: () => (/* binding */ MAX_CHECKED_BYTES),
/* harmony export */   compileSchema: () => (/* binding */ compileSchema),
/* harmony export */   schemaMismatchMessage: () => (/* binding */ schemaMismatchMessage)
/* harmony export */ });
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4976);

// The run's output checked against a JSON Schema (`output-schema`), with ajv: draft 2020-12,
// or 2019-09 or 07 when the schema's `$schema` names one. Loaded only by a step that sets
// the input. The output is a model's, so the check is bounded: outputs over 8 MiB are not
// checked, over 1 MiB only the first failing place is listed, and `uniqueItems` is checked
// in linear time (ajv compares every pair of items, which 80,000 items turn into minutes).
/** The problems listed (in the error, the log and the card); the rest are counted. */
const MAX_PROBLEMS = 20;
const MAX_PROBLEM_CHARS = 300;
const MAX_ALL_ERRORS_BYTES = 1024 * 1024;
/** An output larger than this is not read whole to be checked: it fails the check, saying so. */
const MAX_CHECKED_BYTES = 8 * 1024 * 1024;
/** The draft a `$schema` names, in any of the spellings people use; undefined: none known. */
function draftOf(declared) {
    if (declared === undefined)
        return '2020-12';
    if (typeof declared !== 'string')
        return undefined;
    const id = /^https?:\/\/json-schema\.org\/(draft\/2020-12|draft\/2019-09|draft-07)\/schema#?$/.exec(declared.trim())?.[1];
    return id === undefined ? undefined : id.replace('draft/', '');
}
const CANONICAL_ID = {
    '2020-12': 'https://json-schema.org/draft/2020-12/schema',
    '2019-09': 'https://json-schema.org/draft/2019-09/schema',
    'draft-07': 'http://json-schema.org/draft-07/schema#'
};
/** Compiles a schema, or says what is wrong with it (an input error, before any request). */
async function compileSchema(schema) {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
        return { problem: 'must be a JSON Schema: an object (or a path to a file holding one)' };
    }
    const declared = schema.$schema;
    const draft = draftOf(declared);
    if (draft === undefined) {
        return {
            problem: `names \`$schema\` ${JSON.stringify(declared).slice(0, 100)}; it must be draft 2020-12, 2019-09 or 07 (or be left out, for 2020-12; a draft-06 schema reads the same as draft-07 for most keywords)`
        };
    }
    const normalised = { ...schema, $schema: CANONICAL_ID[draft] };
    const Ajv = await ajvClass(draft);
    const addFormats = pick(await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(196)]).then(__webpack_require__.t.bind(__webpack_require__, 2815, 23)));
    const warnings = [];
    const compile = (allErrors) => {
        // Strict mode refuses keywords users' schemas carry (titles, examples, vendor fields);
        // what it would only warn of is collected, and an unknown format is an input problem.
        const ajv = new Ajv({
            allErrors,
            strict: false,
            logger: {
                log: () => undefined,
                warn: (...args) => void warnings.push(args.join(' ')),
                error: () => undefined
            }
        });
        addFormats(ajv);
        ajv.removeKeyword('uniqueItems');
        ajv.addKeyword({
            keyword: 'uniqueItems',
            type: 'array',
            schemaType: 'boolean',
            validate: uniqueItems
        });
        return ajv.compile(normalised);
    };
    let full;
    let fast;
    try {
        full = compile(true);
        fast = compile(false);
    }
    catch (error) {
        return { problem: `is not a valid JSON Schema (${error.message.split('\n')[0]})` };
    }
    const unknownFormat = warnings.find(warning => /unknown format/.test(warning));
    if (unknownFormat !== undefined) {
        const name = /unknown format "([^"]*)"/.exec(unknownFormat)?.[1] ?? '';
        return {
            problem: `uses format "${name.slice(0, 100)}", which the action does not know, so it would check nothing; use one of ajv-formats' (date, date-time, email, uri, uuid, ipv4, …)`
        };
    }
    return {
        schema: {
            check: (output, totalBytes = Buffer.byteLength(output)) => checkOutput(output, totalBytes, full, fast)
        }
    };
}
function checkOutput(output, bytes, full, fast) {
    if (bytes > MAX_CHECKED_BYTES) {
        return {
            ok: false,
            why: 'too-large',
            total: 1,
            problems: [
                `/: the output is ${bytes} bytes; \`output-schema\` checks outputs of at most ${MAX_CHECKED_BYTES} bytes (8 MiB)`
            ]
        };
    }
    const document = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonDocument */ .Q8)(output);
    if (document === undefined) {
        return {
            ok: false,
            why: 'not-json',
            total: 1,
            problems: [
                '/: the output is not JSON, and not Markdown with one ```json block, so it cannot match the schema'
            ]
        };
    }
    const validate = bytes <= MAX_ALL_ERRORS_BYTES ? full : fast;
    if (validate(document.value)) {
        return { ok: true, json: document.value, text: (0,_util_json_js__WEBPACK_IMPORTED_MODULE_0__/* .compactJsonText */ .bM)(document.text) };
    }
    const errors = validate.errors ?? [];
    return {
        ok: false,
        why: 'mismatch',
        total: errors.length,
        problems: errors.slice(0, MAX_PROBLEMS).map(describe)
    };
}
function describe(error) {
    const where = error.instancePath === '' ? '/' : error.instancePath;
    const params = error.params;
    const extra = error.keyword === 'additionalProperties'
        ? ` ('${String(params.additionalProperty)}')`
        : error.keyword === 'enum'
            ? ` (${JSON.stringify(params.allowedValues)})`
            : '';
    return `${where}: ${error.message ?? error.keyword}${extra}`;
}
/** `uniqueItems` in one pass: each item's canonical JSON (keys sorted) in a set. */
function uniqueItems(unique, data) {
    if (!unique)
        return true;
    const seen = new Map();
    for (const [index, item] of data.entries()) {
        const key = canonicalJson(item);
        const first = seen.get(key);
        if (first !== undefined) {
            uniqueItems.errors = [
                {
                    keyword: 'uniqueItems',
                    message: `must NOT have duplicate items (items ## ${first} and ${index} are identical)`,
                    params: { i: index, j: first }
                }
            ];
            return false;
        }
        seen.set(key, index);
    }
    return true;
}
uniqueItems.errors = undefined;
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
async function ajvClass(draft) {
    // One after the other, and only the class the schema needs.
    if (draft === '2020-12')
        return pick(await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(210)]).then(__webpack_require__.t.bind(__webpack_require__, 2210, 23)));
    if (draft === '2019-09')
        return pick(await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(878)]).then(__webpack_require__.t.bind(__webpack_require__, 878, 23)));
    return pick(await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(463)]).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)));
}
/** A CommonJS module's export, as Node's ESM and ncc's bundle each hand it over. */
function pick(module) {
    const { default: inner } = module;
    const once = (inner ?? module);
    return (typeof once === 'function' ? once : (once.default ?? once));
}
/**
 * The problems as the step reports them: a count, then one line per place, each redacted and
 * then cut (cut first, a line could keep part of the key, which no mask matches).
 */
function schemaMismatchMessage(check, redact) {
    const more = check.total > check.problems.length
        ? `\n  … and ${check.total - check.problems.length} more`
        : '';
    const head = check.why === 'mismatch'
        ? `The run's output does not match \`output-schema\` (${check.total} problem${check.total === 1 ? '' : 's'}):`
        : "The run's output does not match `output-schema`:";
    const lines = check.problems.map(problem => {
        const line = redact(problem);
        return `  ${line.length > MAX_PROBLEM_CHARS ? `${line.slice(0, MAX_PROBLEM_CHARS)}…` : line}`;
    });
    return `${head}\n${lines.join('\n')}${more}`;
}


/***/ })

};
