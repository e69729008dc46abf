import { escapeHtml } from './html.js'

/**
 * The output's block in the run card. Both forms are built so that, wherever the card is
 * rendered as GitHub-flavoured Markdown (the job summary, a comment), nothing in the output
 * can end the card's blocks or add to them, and raw HTML in it is shown, not interpreted.
 */

/**
 * markdown: the output rendered to HTML here, by a CommonMark/GFM renderer that escapes raw
 * HTML. The result is one HTML block with no blank line in it (line breaks inside code are
 * written `&#10;`), so the page's own renderer passes it through as it is.
 */
export async function markdownBlock(output: string): Promise<string> {
  // One after the other: they share modules, and jest's ESM loader trips on two at once.
  const { micromark } = await import('micromark')
  const { gfm, gfmHtml } = await import('micromark-extension-gfm')
  const html = micromark(output, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
  const withoutBlankLines = html
    .replace(/<pre>[\s\S]*?<\/pre>/g, pre => pre.replace(/\r?\n/g, '&#10;'))
    .replace(/\n{2,}/g, '\n')
    .trim()
  return withoutBlankLines === '' ? '<div></div>' : `<div>\n${withoutBlankLines}\n</div>`
}

/**
 * text: the output verbatim in a fenced code block whose fence is longer than any run of
 * backticks in it, so that no line of the output can close it.
 */
export function textBlock(output: string): string {
  const longestRun = Math.max(0, ...[...output.matchAll(/`+/g)].map(match => match[0].length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  const body = output.endsWith('\n') || output === '' ? output : `${output}\n`
  return `${fence}text\n${body}${fence}`
}

/** The output's text cut at a line boundary to about `chars`, never inside a surrogate pair. */
export function cutAtLine(output: string, chars: number): string {
  if (output.length <= chars) return output
  const lineEnd = output.lastIndexOf('\n', chars)
  let cut = lineEnd > chars / 2 ? lineEnd + 1 : chars
  const code = output.charCodeAt(cut)
  if (cut > 0 && code >= 0xdc00 && code <= 0xdfff) cut--
  return output.slice(0, cut)
}

/** Says that the card shows part of the output, and where the whole of it is. */
export function cutNote(shownBytes: number, totalBytes: number, file: string | undefined): string {
  const where = file
    ? ` The whole output is in <code>${escapeHtml(file)}</code> (the <code>output-file</code> ` +
      'output); upload it with <code>actions/upload-artifact</code> to keep it with the run.'
    : ''
  return `<p><em>Output cut: the first ${shownBytes} of ${totalBytes} bytes are shown.${where}</em></p>`
}
