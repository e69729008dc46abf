import { cutAtLine, cutNote, markdownBlock, textBlock } from './card-output.js'
import { escapeBounded, escapeHtml } from './html.js'

const MAX_ERROR_BYTES = 64 * 1024
const MAX_MARKDOWN_CHARS = 32 * 1024
// At most this many characters, or lines, and the output starts collapsed.
const OPEN_OUTPUT_CHARS = 2000
const OPEN_OUTPUT_LINES = 40

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
  /** The start of the output, how long the whole is, and the file that holds it. */
  output: { head: string; totalBytes: number; file: string | undefined } | undefined
  duration: string | undefined
}

export interface CardOptions {
  format: 'markdown' | 'text'
  /** The card fits in this many bytes (the summary's 1 MiB, a comment's 65,536 characters). */
  maxBytes: number
  /** A hidden line put first (the comment's marker). */
  marker?: string
}

/**
 * Renders the run card, for the job summary and the pull-request comment alike: a table of
 * facts, the error if any, and the output in a collapsible block, cut to fit with a line that
 * says where the whole output is.
 *
 * The card is read by a CommonMark renderer, which ends most HTML blocks at a blank line and
 * reads what follows as Markdown. So every block is laid out to stay what it is whatever the
 * text holds: table cells never hold a line break, and text with lines goes in a `<pre>` that
 * starts its own block, which only `</pre>` ends (and text cannot hold one: `<` is escaped);
 * the output's own block is built the same way (card-output.ts).
 */
export async function renderRunCard(card: RunCardFacts, options: CardOptions): Promise<string> {
  const blocks = [...(options.marker ? [options.marker] : []), ...facts(card)]
  if (card.error) {
    const { html, truncated } = escapeBounded(card.error, MAX_ERROR_BYTES)
    blocks.push('<p><strong>Error:</strong></p>', `<pre>${html}${truncated ? '\n[…]' : ''}</pre>`)
  }
  const head = assemble(blocks)
  if (card.output === undefined) return head

  const { totalBytes, file } = card.output
  // Rendering Markdown costs memory in proportion to it: a card shows this much at most.
  let shown =
    options.format === 'markdown'
      ? cutAtLine(card.output.head, MAX_MARKDOWN_CHARS)
      : card.output.head
  for (let attempt = 0; ; attempt++) {
    const shownBytes = Buffer.byteLength(shown)
    const open = shown.length <= OPEN_OUTPUT_CHARS && lineCount(shown) <= OPEN_OUTPUT_LINES
    const outputBlocks = [
      `<details${open ? ' open' : ''}><summary>Output</summary>`,
      options.format === 'markdown' ? await markdownBlock(shown) : textBlock(shown),
      ...(shownBytes < totalBytes ? [cutNote(shownBytes, totalBytes, file)] : []),
      '</details>'
    ]
    const rendered = assemble([...blocks, ...outputBlocks])
    const size = Buffer.byteLength(rendered)
    if (size <= options.maxBytes || shown === '' || attempt >= 8) return rendered
    // Too big: keep a share of the output that should fit, with room for the note.
    const room = options.maxBytes - Buffer.byteLength(head) - 1024
    const share = Math.max(0, room) / (size - Buffer.byteLength(head))
    shown = cutAtLine(shown, Math.floor(shown.length * Math.min(0.9, share)))
  }
}

function facts(card: RunCardFacts): string[] {
  const status = card.status ?? 'not started'
  const rows: Array<[string, string]> = [
    ['Workflow', code(card.workflowId)],
    ['Run', code(card.runId)],
    ['Thread', code(card.threadId)],
    ['Status', `${STATUS_ICONS[status] ?? ''} ${escapeHtml(oneLine(status))}`.trim()],
    ['Duration', card.duration ? `${escapeHtml(card.duration)} s` : '—']
  ]
  return [
    '<h3>AI Planet workflow run</h3>',
    [
      '<table>',
      ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
      '</table>'
    ].join('\n')
  ]
}

/** Blank lines between blocks, none inside one. */
function assemble(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}

function lineCount(text: string): number {
  return text.split('\n').length
}

/** A one-line value (an id, a status): a line break in it would end the table's HTML block. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

function code(value: string | undefined): string {
  return value ? `<code>${escapeHtml(oneLine(value))}</code>` : '—'
}
