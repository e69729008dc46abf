export const id = 214;
export const ids = [214];
export const modules = {

/***/ 5214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   annotateFindings: () => (/* binding */ annotateFindings),
/* harmony export */   findingsGate: () => (/* binding */ findingsGate)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2691);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9997);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2048);



// Findings as annotations on their files and lines. GitHub shows at most 10 error and 10
// warning annotations of a step (and drops the rest silently): the action emits no more than
// it can show, one of each kind left for the step's own failure or warning, and says where the
// rest are (the run card lists every finding).
const SHOWN = { error: 9, warning: 9, notice: 10 };
const MAX_TITLE_CHARS = 200;
const ANNOTATE = {
    error: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3,
    warning: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e,
    notice: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm
};
/** Emits the annotations the step can show, most severe first (the order they are read in). */
function annotateFindings(read, redactor) {
    const shown = { error: 0, warning: 0, notice: 0 };
    let left = 0;
    for (const finding of read.findings) {
        if (shown[finding.severity] >= SHOWN[finding.severity]) {
            left++;
            continue;
        }
        shown[finding.severity]++;
        ANNOTATE[finding.severity]((0,_core_logger_js__WEBPACK_IMPORTED_MODULE_1__/* .boundedAnnotation */ .pF)(redactor.redact(finding.message), 'the whole finding is in the run card'), {
            file: redactor.redact(finding.path),
            startLine: finding.line,
            endLine: finding.endLine ?? finding.line,
            title: redactor.redact((0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .T)(finding.title ?? 'AI finding')).slice(0, MAX_TITLE_CHARS)
        });
    }
    const logger = (0,_core_logger_js__WEBPACK_IMPORTED_MODULE_1__/* .coreLogger */ .Wj)(redactor);
    if (left > 0) {
        logger.info(`${left} more finding(s) than a step can show as annotations: the run card lists all ` +
            `${read.findings.length}, and the \`findings\` output holds them.`);
    }
    if (read.dropped > 0) {
        logger.info(`${read.dropped} entry(ies) of the findings were not readable findings (docs/findings.md).`);
    }
    if (!read.found)
        logger.info('The run’s output holds no findings (docs/findings.md says how to write them).');
}
/** The step's failure when `fail-on-findings` trips, else undefined. */
function findingsGate(findings, failOn, count) {
    if (failOn === 'never' || count === 0)
        return undefined;
    const at = failOn === 'notice' ? 'notice or above' : failOn === 'warning' ? 'warning or error' : 'error';
    return `${count} of ${findings.length} finding(s) are at ${at} (fail-on-findings: ${failOn}).`;
}


/***/ })

};
