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

// Fenced blocks (``` or ~~~, to the closing fence or the end) and code spans (a run of
// backticks to the next run of the same length): GitHub makes no mention inside them.
const CODE =
  /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))|(?<!`)(`+)(?!`)[\s\S]*?[^`]\2(?!`)/gm

/**
 * Markdown written by a model, with its mentions made inert outside code, where a mention
 * would notify: `@types/node` in a code span or a suggestion stays as it is.
 */
export function withoutMentionsInProse(markdown: string): string {
  let result = ''
  let last = 0
  for (const code of markdown.matchAll(CODE)) {
    result += withoutMentions(markdown.slice(last, code.index)) + code[0]
    last = code.index + code[0].length
  }
  return result + withoutMentions(markdown.slice(last))
}
