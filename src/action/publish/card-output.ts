import { safeCut } from '../../output/bounds.js'
import { escapeHtml } from './html.js'
import { neutraliseMentions } from './mentions.js'

// The output's block in the run card. Both forms are built so that, wherever the card is
// rendered as GitHub-flavoured Markdown (the job summary, a comment), nothing in the output
// can end the card's blocks or add to them, and raw HTML in it is shown, not interpreted.

/** Rendering costs memory in proportion to this much of the output at most. */
export const MAX_MARKDOWN_CHARS = 32 * 1024
// Past this size of HTML, or this many table cells, the output is shown as text: a table's
// rows are padded to its header's width, and a reference expands to its link each time, so a
// few kilobytes of Markdown can ask for hundreds of megabytes of HTML.
const MAX_RENDERED_BYTES = 2 * 1024 * 1024
const MAX_TABLE_CELLS = 20_000

export type MarkdownBlock = { html: string } | { tooCostly: string }

/**
 * markdown: the output rendered to HTML here, by a CommonMark renderer (markdown-it, with GFM
 * tables, strikethrough and links) that escapes raw HTML and refuses dangerous URLs. Its cost
 * is checked before anything is built: the table cells the text asks for, then the size of the
 * HTML its tokens would make. The result is one HTML block with no blank line in it (line
 * breaks inside code are written `&#10;`), so the page's own renderer passes it as it is.
 */
export async function markdownBlock(
  output: string,
  options: { allowMentions: boolean; redact: (text: string) => string }
): Promise<MarkdownBlock> {
  const cells = tableCells(output)
  if (cells > MAX_TABLE_CELLS) {
    return { tooCostly: `its tables would have ${cells} cells` }
  }
  const { default: MarkdownIt } = await import('markdown-it')
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
  const env = {}
  const tokens = md.parse(output, env)
  const bytes = renderedBytesAtMost(tokens)
  if (bytes > MAX_RENDERED_BYTES) {
    return { tooCostly: `its HTML would take up to ${(bytes / 1024 / 1024).toFixed(1)} MiB` }
  }
  // What the text says once its entities and escapes are read (`&#38;`, `\&`): a secret written
  // that way appears only now, and is removed before anything is rendered.
  forEachToken(tokens, token => {
    token.content = options.redact(token.content)
    for (const attribute of token.attrs ?? []) attribute[1] = options.redact(String(attribute[1]))
  })
  if (!options.allowMentions) {
    forEachToken(tokens, token => {
      if (token.type === 'text') neutraliseMentions(token)
    })
  }
  const html = md.renderer.render(tokens, md.options, env)
  const withoutBlankLines = html
    .replace(/<pre>[\s\S]*?<\/pre>/g, pre => pre.replace(/\r?\n/g, '&#10;'))
    .replace(/\n{2,}/g, '\n')
    .trim()
  return { html: withoutBlankLines === '' ? '<div></div>' : `<div>\n${withoutBlankLines}\n</div>` }
}

interface Token {
  type: string
  content: string
  attrs: Array<[string, string | number]> | null
  children: Token[] | null
}

/**
 * An upper bound on the HTML the tokens render to: each UTF-16 unit of content or attribute at
 * its longest escape (`"` is `&quot;`, six) in UTF-8 (three bytes), and each token's own tags.
 */
function renderedBytesAtMost(tokens: Token[]): number {
  let bytes = 0
  for (const token of tokens) {
    bytes += 64 + token.content.length * 18
    for (const [name, value] of token.attrs ?? [])
      bytes += (name.length + String(value).length) * 18
    if (token.children) bytes += renderedBytesAtMost(token.children)
  }
  return bytes
}

/** Every token, children included (a mention stands only in `text` ones, never in code). */
function forEachToken(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token)
    if (token.children) forEachToken(token.children, visit)
  }
}

// What opens a line inside a container block: a quote's `>`, a list item's marker, indentation.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/

/**
 * How many cells the GFM tables in a text ask for: a delimiter row (`|---|:-:|`) makes a table
 * of its width, and the header row above it and every row that follows it (until a blank
 * line) are padded to that width. A table may sit in a quote or a list item, so each line is read without
 * its container's prefix. Linear in the text: each line is looked at once.
 */
export function tableCells(text: string): number {
  const lines = text.split('\n').map(line => line.replace(CONTAINER_PREFIX, ''))
  let cells = 0
  for (let i = 1; i < lines.length; i++) {
    const width = delimiterRowWidth(lines[i] ?? '')
    if (width === 0) continue
    let rows = 1
    while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') {
      rows++
      i++
    }
    cells += width * rows
  }
  return cells
}

/** The number of columns of a GFM delimiter row (`| --- | :-: |`), or 0 when it is not one. */
function delimiterRowWidth(line: string): number {
  if (!line.includes('-')) return 0
  let row = line.trim()
  const piped = row.includes('|')
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|')) row = row.slice(0, -1)
  const cells = row.split('|')
  // A lone `---` is a thematic break or a heading's underline, not a table.
  if (!piped && cells.length < 2) return 0
  for (const cell of cells) {
    if (!/^:?-+:?$/.test(cell.trim())) return 0
  }
  return cells.length
}

/**
 * text: the output verbatim in a fenced code block whose fence is longer than any run of
 * backticks in it, so that no line of the output can close it.
 */
export function textBlock(output: string): string {
  let longestRun = 0
  for (const match of output.matchAll(/`+/g)) longestRun = Math.max(longestRun, match[0].length)
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  const body = output.endsWith('\n') || output === '' ? output : `${output}\n`
  return `${fence}text\n${body}${fence}`
}

/** The output's text cut at a line boundary to about `chars`, never inside a surrogate pair. */
export function cutAtLine(output: string, chars: number): string {
  if (output.length <= chars) return output
  const lineEnd = output.lastIndexOf('\n', chars)
  return output.slice(0, lineEnd > chars / 2 ? lineEnd + 1 : safeCut(output, chars))
}

/** Says that the card shows part of the output, and where the whole of it is. */
export function cutNote(shownBytes: number, totalBytes: number, file: string | undefined): string {
  const where = file
    ? ` The whole output is in <code>${escapeHtml(file.length > 512 ? `${file.slice(0, 512)}…` : file)}</code> (the <code>output-file</code> ` +
      'output); upload it with <code>actions/upload-artifact</code> to keep it with the run.'
    : ''
  return `<p><em>Output cut: the first ${shownBytes} of ${totalBytes} bytes are shown.${where}</em></p>`
}

/** Says why a Markdown output is shown as text. */
export function asTextNote(why: string): string {
  return `<p><em>Shown as text: rendered as Markdown, ${escapeHtml(why)}.</em></p>`
}
