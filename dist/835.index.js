export const id = 835;
export const ids = [835];
export const modules = {

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
