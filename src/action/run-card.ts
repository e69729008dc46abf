/** Room for the output in the summary: far below GitHub's 1 MiB per step, whatever the escaping. */
export const MAX_SUMMARY_OUTPUT_BYTES = 256 * 1024
const MAX_SUMMARY_ERROR_BYTES = 64 * 1024

const STATUS_ICONS: Record<string, string> = {
  completed: '✅',
  failed: '❌',
  cancelled: '⚪',
  timed_out: '⏱️',
  running: '⏳',
  pending: '⏳'
}

/** What the card shows, every string already redacted. */
export interface RunCardFacts {
  workflowId: string | undefined
  runId: string | undefined
  threadId: string | undefined
  status: string | undefined
  error: string | undefined
  /** The start of the output (the whole of it is in `outputFile`). */
  output: string | undefined
  duration: string | undefined
  outputFile: string | undefined
}

/**
 * Renders the run card: a table of facts, the error if any, and the output in a collapsible
 * block. Plain HTML and independent of the job summary, so that another publisher (a
 * pull-request comment) can reuse it.
 *
 * The card is read by a CommonMark renderer, which ends most HTML blocks at a blank line and
 * reads what follows as Markdown. So every block is laid out to stay HTML whatever the text
 * holds: table cells never hold a line break, and text with lines goes in a `<pre>` that
 * starts its own block, which only `</pre>` ends (and text cannot hold one: `<` is escaped).
 */
export function renderRunCard(card: RunCardFacts): string {
  const { duration, outputFile } = card
  const status = card.status ?? 'not started'
  const rows: Array<[string, string]> = [
    ['Workflow', code(card.workflowId)],
    ['Run', code(card.runId)],
    ['Thread', code(card.threadId)],
    ['Status', `${STATUS_ICONS[status] ?? ''} ${escapeHtml(oneLine(status))}`.trim()],
    ['Duration', duration ? `${escapeHtml(duration)} s` : '—']
  ]
  const blocks = [
    '<h3>AI Planet workflow run</h3>',
    [
      '<table>',
      ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
      '</table>'
    ].join('\n')
  ]
  if (card.error) {
    const { html, truncated } = escapeBounded(card.error, MAX_SUMMARY_ERROR_BYTES)
    blocks.push('<p><strong>Error:</strong></p>', `<pre>${html}${truncated ? '\n[…]' : ''}</pre>`)
  }
  if (card.output !== undefined) {
    const { html, truncated } = escapeBounded(card.output, MAX_SUMMARY_OUTPUT_BYTES)
    blocks.push(
      `<details${card.output.length < 2000 ? ' open' : ''}><summary>Output</summary>`,
      `<pre>${html}</pre>`
    )
    if (truncated) {
      const where = outputFile
        ? `; the whole output is in <code>${escapeHtml(oneLine(outputFile))}</code>`
        : ''
      blocks.push(`<p><em>Output truncated here${where}.</em></p>`)
    }
    blocks.push('</details>')
  }
  // Blank lines between blocks, none inside one.
  return `${blocks.join('\n\n')}\n`
}

/** A one-line value (an id, a status): a line break in it would end the table's HTML block. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

function code(value: string | undefined): string {
  return value ? `<code>${escapeHtml(oneLine(value))}</code>` : '—'
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;'
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, char => HTML_ESCAPES[char] ?? char)
}

/** Escapes text for <pre>, stopping at a code point before the escaped form passes `maxBytes`. */
function escapeBounded(text: string, maxBytes: number): { html: string; truncated: boolean } {
  let bytes = 0
  let html = ''
  for (const char of text) {
    const escaped = HTML_ESCAPES[char] ?? char
    bytes += Buffer.byteLength(escaped)
    if (bytes > maxBytes) return { html, truncated: true }
    html += escaped
  }
  return { html, truncated: false }
}
