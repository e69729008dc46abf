export const id = 718;
export const ids = [718];
export const modules = {

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2691);
/* harmony import */ var _output_redactor_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8345);
/* harmony import */ var _platform_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2659);
/* harmony import */ var _platform_endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3117);
/* harmony import */ var _run_cancel_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2735);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7110);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2048);
/* harmony import */ var _saved_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2789);









/**
 * The post step (`post-if: always()`): cancels a run that the main step started but did not
 * live to settle (it was killed, or the runner lost it). After a finished run, a run main
 * cancelled or meant to go on, or when nothing was triggered, it sends nothing. It never
 * fails the job: its problems are warnings. It reads the saved state, and of the inputs only
 * the key, which is never saved.
 */
async function runPost() {
    const runId = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_saved_state_js__WEBPACK_IMPORTED_MODULE_5__/* .SAVED */ .M.runId);
    if (runId === '' || _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_saved_state_js__WEBPACK_IMPORTED_MODULE_5__/* .SAVED */ .M.settled) === 'true') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz('The main step left no run to clean up.');
        return;
    }
    const apiKey = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('api-key');
    if (apiKey)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(apiKey);
    const redactor = new _output_redactor_js__WEBPACK_IMPORTED_MODULE_6__/* .Redactor */ .p([apiKey]);
    try {
        const logger = (0,_core_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .coreLogger */ .Wj)(redactor);
        const client = new _platform_client_js__WEBPACK_IMPORTED_MODULE_1__/* .PlatformClient */ .H({
            baseUrl: new URL(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_saved_state_js__WEBPACK_IMPORTED_MODULE_5__/* .SAVED */ .M.baseUrl)),
            apiKey,
            paths: { ..._platform_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PATHS */ .nd, cancel: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_saved_state_js__WEBPACK_IMPORTED_MODULE_5__/* .SAVED */ .M.cancelPath) || _platform_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PATHS */ .nd.cancel },
            retries: 3,
            logger,
            clock: _util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m,
            redact: text => redactor.redact(text)
        });
        await (0,_run_cancel_js__WEBPACK_IMPORTED_MODULE_7__/* .cancelRun */ .S)(runId, { client, clock: _util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m, logger }, 'the main step ended before it could');
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(redactor.redact(`Could not cancel run ${runId}, which the main step left running: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .getErrorMessage */ .u)(error)}`));
    }
}


/***/ })

};
