/**
 * GitHub turns `@login` and `@org/team` in a comment's text into mentions that notify people;
 * in server text (a model's answer) they are written `@` + ZERO WIDTH SPACE + name: they read
 * the same and notify nobody. Code (`<code>`, `<pre>`, fences) is left as it is: GitHub makes no
 * mention there, and a copied `@scope/package` must stay what it is.
 */
const MENTION = /@(?=[A-Za-z0-9])/g
const ZERO_WIDTH_SPACE = '\u200B'

export function neutraliseMentions(token: { content: string }): void {
  token.content = withoutMentions(token.content)
}

export function withoutMentions(text: string): string {
  return text.replace(MENTION, `@${ZERO_WIDTH_SPACE}`)
}

// `@` written as a character reference, which Markdown turns into `@` after the text is read.
const AT_REFERENCE = /&(?:#0*64|#x0*40|commat);/gi

/**
 * Markdown written by a model, with no `@` that notifies anywhere in it, code included (a
 * parse that tells code from prose can be fooled; a `@` in a code sample reads the same with
 * the zero-width space). `@` written as `&#64;` or `&commat;` is made inert too.
 */
export function withoutMentionsInMarkdown(markdown: string): string {
  return withoutMentions(markdown.replace(AT_REFERENCE, '@'))
}
