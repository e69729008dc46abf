import { boundUtf8 } from '../../output/bounds.js'
import { oneLine } from '../../util/text.js'
import {
  asTextNote,
  cutAtLine,
  cutNote,
  markdownBlock,
  MAX_MARKDOWN_CHARS,
  textBlock
} from './card-output.js'
import type { Finding } from '../../findings/read.js'
import type { Usage } from '../../platform/run-object.js'
import { escapeBounded, escapeHtml } from './html.js'
import { withoutMentions } from './mentions.js'

/** The error's share of a card, and the findings': the rest is for the facts and the output. */
const MAX_ERROR_SHARE = 0.25
const MAX_FINDINGS_SHARE = 0.25
const MAX_FINDING_ROWS = 200
const MAX_ERROR_BYTES = 64 * 1024
/** A fact (an id, a status) is shown up to this many characters. */
const MAX_FACT_CHARS = 256
/** What the output's frame (details, summary, the notes) takes at most, beside the output. */
const OUTPUT_FRAME_BYTES = 2048
// At most this many characters, or lines, and the output starts collapsed.
const OPEN_OUTPUT_CHARS = 2000
const OPEN_OUTPUT_LINES = 40
/** Tries at cutting a rendered output to fit, before it is shown as text (which fits exactly). */
const MAX_RENDER_ATTEMPTS = 3

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
  /** What the run reported it used, when it did: one row. */
  usage?: Usage | undefined
  /** The run's page in the platform's UI (`run-url-template`): the run's id links to it. */
  runUrl?: string | undefined
  /** Findings read from the output, when they were asked for (docs/findings.md). */
  findings?: readonly Finding[] | undefined
}

export interface CardOptions {
  format: 'markdown' | 'text'
  /** The card fits in this many bytes (the summary's 1 MiB, a comment's 65,536 characters). */
  maxBytes: number
  /** A hidden line put first (the comment's marker). */
  marker?: string
  /** Leave `@name` in the output as it is (it notifies when the card is a comment). */
  allowMentions?: boolean
  /**
   * Removes secrets from the output's text as the Markdown reads it (entities decoded), before
   * it is rendered; the facts and the output given are redacted already.
   */
  redact?: (text: string) => string
}

/**
 * Renders the run card, for the job summary and the pull-request comment alike: a table of
 * facts, the error if any, and the output in a collapsible block. Whatever its parts hold, the
 * card fits in `maxBytes`: each fact is cut, the error has at most a quarter of the room, and
 * the output has the rest, cut to fit with a line that says where the whole output is.
 *
 * The card is read by a CommonMark renderer, which ends most HTML blocks at a blank line and
 * reads what follows as Markdown. So every block is laid out to stay what it is whatever the
 * text holds: table cells never hold a line break, and text with lines goes in a `<pre>` that
 * starts its own block, which only `</pre>` ends (and text cannot hold one: `<` is escaped);
 * the output's own block is built the same way (card-output.ts).
 */
export async function renderRunCard(card: RunCardFacts, options: CardOptions): Promise<string> {
  const blocks = [...(options.marker ? [options.marker] : []), ...facts(card)]
  if (card.findings !== undefined) {
    blocks.push(...findingsBlocks(card.findings, options.maxBytes * MAX_FINDINGS_SHARE, options))
  }
  if (card.error) {
    const room = Math.min(MAX_ERROR_BYTES, Math.floor(options.maxBytes * MAX_ERROR_SHARE))
    const { html, truncated } = escapeBounded(card.error, room)
    blocks.push('<p><strong>Error:</strong></p>', `<pre>${html}${truncated ? '\n[…]' : ''}</pre>`)
  }
  const head = assemble(blocks)
  if (card.output === undefined) return fitted(head, blocks, options.maxBytes)

  const room = options.maxBytes - Buffer.byteLength(head) - OUTPUT_FRAME_BYTES
  const output = await outputBlocks(card.output, options, room)
  const rendered = assemble([...blocks, ...output])
  // Guaranteed by the shares above; kept as the last word, should a share be miscounted.
  if (Buffer.byteLength(rendered) <= options.maxBytes) return rendered
  return fitted(
    assemble([...blocks, cutNote(0, card.output.totalBytes, card.output.file)]),
    blocks,
    options.maxBytes
  )
}

/** The card, or if it still does not fit, its facts alone: a card never goes over its budget. */
function fitted(card: string, blocks: string[], maxBytes: number): string {
  if (Buffer.byteLength(card) <= maxBytes) return card
  const facts = assemble(
    blocks.filter(block => !block.startsWith('<p><strong>Error') && !block.startsWith('<pre>'))
  )
  return boundUtf8(facts, maxBytes, '').text
}

/** The output's blocks, in at most `room` bytes (beside the frame's). */
async function outputBlocks(
  output: NonNullable<RunCardFacts['output']>,
  options: CardOptions,
  room: number
): Promise<string[]> {
  const { totalBytes, file } = output
  const frame = (shown: string, body: string, note?: string): string[] => {
    const shownBytes = Buffer.byteLength(shown)
    const open = shown.length <= OPEN_OUTPUT_CHARS && lineCount(shown) <= OPEN_OUTPUT_LINES
    return [
      `<details${open ? ' open' : ''}><summary>Output</summary>`,
      body,
      ...(note ? [note] : []),
      ...(shownBytes < totalBytes ? [cutNote(shownBytes, totalBytes, file)] : []),
      '</details>'
    ]
  }
  // Text fits exactly: its block is the output and two fences, each at most one longer than
  // the output's longest run of backticks.
  const asText = (text: string, note?: string): string[] => {
    const cut = (bytes: number): string =>
      cutAtLine(boundUtf8(text, Math.max(0, Math.floor(bytes)), '').text, Math.max(0, bytes))
    let shown = cut(room - 32)
    if (Buffer.byteLength(textBlock(shown)) > room) shown = cut((room - 32) / 3)
    return frame(shown, textBlock(shown), note)
  }
  if (options.format === 'text') return asText(output.head)

  let shown = cutAtLine(output.head, MAX_MARKDOWN_CHARS)
  for (let attempt = 1; ; attempt++) {
    const block = await markdownBlock(shown, {
      allowMentions: options.allowMentions === true,
      redact: options.redact ?? (text => text)
    })
    if ('tooCostly' in block) return asText(output.head, asTextNote(block.tooCostly))
    const size = Buffer.byteLength(block.html)
    if (size <= room) return frame(shown, block.html)
    if (attempt >= MAX_RENDER_ATTEMPTS) {
      return asText(output.head, asTextNote('it would not fit in the card'))
    }
    // Too big: keep a share of the output that should fit.
    shown = cutAtLine(shown, Math.floor(shown.length * Math.min(0.9, room / size)))
  }
}

const SEVERITY_ICONS: Record<Finding['severity'], string> = {
  error: '❌',
  warning: '⚠️',
  notice: 'ℹ️'
}

/**
 * Every finding as a row (severity, `path:line`, title), in at most `maxBytes`: the rows that
 * do not fit are counted in a last one. Server text is escaped, on one line, mentions inert.
 */
function findingsBlocks(
  findings: readonly Finding[],
  maxBytes: number,
  options: CardOptions
): string[] {
  const count = (severity: Finding['severity']): number =>
    findings.filter(finding => finding.severity === severity).length
  const said = (text: string): string =>
    escapeHtml(fact(options.allowMentions === true ? text : withoutMentions(text)))
  const heading =
    `<p><strong>Findings:</strong> ${findings.length} (${count('error')} errors, ` +
    `${count('warning')} warnings, ${count('notice')} notices)</p>`
  if (findings.length === 0) return [heading]
  const rows: string[] = []
  let bytes = Buffer.byteLength(heading) + 256
  for (const [index, finding] of findings.entries()) {
    const where = `${finding.path}:${finding.line}${finding.endLine ? `-${finding.endLine}` : ''}`
    const what = finding.title ?? finding.message.split('\n')[0] ?? ''
    const row =
      `<tr><td>${SEVERITY_ICONS[finding.severity]} ${finding.severity}</td>` +
      `<td><code>${escapeHtml(fact(where))}</code></td><td>${said(what)}</td></tr>`
    bytes += Buffer.byteLength(row) + 1
    if (bytes > maxBytes || index >= MAX_FINDING_ROWS) {
      rows.push(
        `<tr><td colspan="3">… and ${findings.length - index} more (the <code>findings</code> output has them all)</td></tr>`
      )
      break
    }
    rows.push(row)
  }
  return [
    heading,
    [
      '<table>',
      '<tr><th align="left">Severity</th><th align="left">Where</th><th align="left">Finding</th></tr>',
      ...rows,
      '</table>'
    ].join('\n')
  ]
}

function facts(card: RunCardFacts): string[] {
  const status = card.status ?? 'not started'
  const rows: Array<[string, string]> = [
    ['Workflow', code(card.workflowId)],
    [
      'Run',
      card.runUrl === undefined || card.runId === undefined
        ? code(card.runId)
        : `<a href="${escapeHtml(card.runUrl)}">${code(card.runId)}</a>`
    ],
    ['Thread', code(card.threadId)],
    ['Status', `${STATUS_ICONS[status] ?? ''} ${escapeHtml(fact(status))}`.trim()],
    ['Duration', card.duration ? `${escapeHtml(fact(card.duration))} s` : '—'],
    ...(card.usage === undefined ? [] : [['Usage', usageText(card.usage)] as [string, string]])
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

/** `tokens 1,200 in, 300 out, 1,500 in all · cost 0.0042`, with what the run reported. */
function usageText(usage: Usage): string {
  const count = (n: number): string => n.toLocaleString('en-US')
  const tokens = [
    usage.inputTokens === undefined ? undefined : `${count(usage.inputTokens)} in`,
    usage.outputTokens === undefined ? undefined : `${count(usage.outputTokens)} out`,
    usage.totalTokens === undefined ? undefined : `${count(usage.totalTokens)} in all`
  ].filter(part => part !== undefined)
  const parts = [
    tokens.length > 0 ? `tokens ${tokens.join(', ')}` : undefined,
    usage.cost === undefined ? undefined : `cost ${usage.cost}`
  ].filter(part => part !== undefined)
  return escapeHtml(parts.join(' · '))
}

/** Blank lines between blocks, none inside one. */
function assemble(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}

function lineCount(text: string): number {
  return text.split('\n').length
}

/**
 * A one-line value (an id, a status), cut to a length a table cell can show: a line break in
 * it would end the table's HTML block.
 */
function fact(text: string): string {
  const line = oneLine(text)
  if (line.length <= MAX_FACT_CHARS) return line
  return `${cutAtLine(line, MAX_FACT_CHARS)}…`
}

function code(value: string | undefined): string {
  return value ? `<code>${escapeHtml(fact(value))}</code>` : '—'
}
