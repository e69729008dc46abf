import type { RunState } from './run-state.js'

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

export interface SummaryFacts {
  state: RunState
  duration: string | undefined
  outputFile: string | undefined
}

/**
 * Renders the run card: a table of facts, the error if any, and the output in a collapsible
 * block. Plain HTML, so that a pull-request comment can reuse it (ROADMAP).
 */
export function renderRunSummary({ state, duration, outputFile }: SummaryFacts): string {
  const status = state.status ?? 'not started'
  const rows: Array<[string, string]> = [
    ['Workflow', code(state.workflowId)],
    ['Run', code(state.runId)],
    ['Thread', code(state.threadId)],
    ['Status', `${STATUS_ICONS[status] ?? ''} ${escapeHtml(status)}`.trim()],
    ['Duration', duration ? `${duration} s` : '—']
  ]
  const parts = [
    '<h3>AI Planet workflow run</h3>',
    '<table>',
    ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
    '</table>'
  ]
  if (state.error) {
    const { html, truncated } = escapeBounded(state.error, MAX_SUMMARY_ERROR_BYTES)
    parts.push(`<p><strong>Error:</strong></p><pre>${html}${truncated ? '\n[…]' : ''}</pre>`)
  }
  if (state.output !== undefined) {
    const { html, truncated } = escapeBounded(state.output, MAX_SUMMARY_OUTPUT_BYTES)
    const note = truncated
      ? `<p><em>Output truncated here${outputFile ? `; the whole output is in <code>${escapeHtml(outputFile)}</code>` : ''}.</em></p>`
      : ''
    parts.push(
      `<details${state.output.length < 2000 ? ' open' : ''}><summary>Output</summary>`,
      `<pre>${html}</pre>${note}`,
      '</details>'
    )
  }
  return `${parts.join('\n')}\n`
}

function code(value: string | undefined): string {
  return value ? `<code>${escapeHtml(value)}</code>` : '—'
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
