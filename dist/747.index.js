export const id = 747;
export const ids = [747];
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


/***/ })

};
