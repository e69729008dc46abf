// Draws what a reviewer sees after `npm run demo -- --findings`, as a plain SVG (no fonts or
// scripts to load, so that GitHub shows it in README.md): the review's first line comment on
// its diff lines, with its suggested change; the review's body; the run card's findings table.
// Drawn from what the fake GitHub received and the summary the step wrote, not typed in.
import { REVIEW_PULL } from '../simulator/findings.js'

interface DrawnComment {
  path: string
  line: number | null
  start_line: number | null
  body: string
}

const WIDTH = 900
const PAD = 16
const SANS = '-apple-system, BlinkMacSystemFont, Segoe UI, Helvetica, Arial, sans-serif'
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'
const BORDER = '#d0d7de'
const MUTED = '#59636e'
const TEXT = '#1f2328'

const escapeXml = (text: string): string =>
  text.replace(/[<>&"]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c)

/** Words to lines of at most `chars` characters. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A line of Markdown text with its `code` spans in the monospace font. */
function richText(x: number, y: number, line: string, size = 14, weight = 'normal'): string {
  const parts = line
    .split('`')
    .map((part, index) =>
      index % 2 === 1
        ? `<tspan font-family="${MONO}" font-size="${size - 1}" fill="${TEXT}">${escapeXml(part)}</tspan>`
        : escapeXml(part)
    )
  return `<text x="${x}" y="${y}" font-family="${SANS}" font-size="${size}" font-weight="${weight}" fill="${TEXT}">${parts.join('')}</text>`
}

/** A line comment's parts, as the action wrote them (findings/review.ts): heading, suggestion, message. */
function commentParts(body: string): { title: string; message: string; suggestion?: string } {
  const withoutMarker = body.replace(/^<!--[^\n]*-->\n/, '')
  const title = /^\*\*(.*?)\*\*/.exec(withoutMarker)?.[1]?.replace(/\\(.)/g, '$1') ?? ''
  const rest = withoutMarker.replace(/^\*\*.*?\*\*\n\n/, '')
  const block = /^(`{3,})suggestion\n([\s\S]*?)\n\1\n\n/.exec(rest)
  const message = (block ? rest.slice(block[0].length) : rest).replace(/\u200B/g, '')
  return { title, message, suggestion: block?.[2] }
}

/** The head-side lines of a patch with their numbers, and the base-side lines removed. */
function patchRows(
  patch: string
): Array<{ mark: string; number: number | undefined; text: string }> {
  const rows: Array<{ mark: string; number: number | undefined; text: string }> = []
  let next = 0
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)
    if (hunk) {
      next = Number(hunk[1])
      continue
    }
    const mark = line.charAt(0)
    rows.push({ mark, number: mark === '-' ? undefined : next, text: line.slice(1) })
    if (mark !== '-') next++
  }
  return rows
}

function codeRow(
  y: number,
  row: { mark: string; number: number | undefined; text: string },
  left = PAD + 1,
  width = WIDTH - 2 * PAD - 2
): string {
  const { mark, number, text } = row
  const fill = mark === '+' ? '#dafbe1' : mark === '-' ? '#ffebe9' : '#ffffff'
  const gutter = mark === '+' ? '#aceebb' : mark === '-' ? '#ffcecb' : '#f6f8fa'
  return (
    `<rect x="${left}" y="${y}" width="${width}" height="20" fill="${fill}"/>` +
    `<rect x="${left}" y="${y}" width="44" height="20" fill="${gutter}"/>` +
    `<text x="${left + 37}" y="${y + 14}" text-anchor="end" font-family="${MONO}" font-size="12" fill="${MUTED}">${number ?? ''}</text>` +
    `<text x="${left + 51}" y="${y + 14}" font-family="${MONO}" font-size="12" fill="${TEXT}" xml:space="preserve">${escapeXml(`${mark} ${text}`)}</text>`
  )
}

export function drawReview(
  review: { body: string; comments: DrawnComment[] },
  summaryHtml: string
): string {
  const parts: string[] = []
  let y = PAD

  // 1. The first line comment, on its lines of the diff.
  const comment = review.comments[0]
  if (comment !== undefined && comment.line !== null) {
    const file = REVIEW_PULL.files.find(f => f.filename === comment.path)
    const rows = patchRows(file?.patch ?? '')
    const first = comment.start_line ?? comment.line
    const at = rows.findIndex(row => row.number === comment.line)
    const shown = rows.slice(Math.max(0, at - 3), at + 1)
    const top = y
    parts.push(
      `<rect x="${PAD}" y="${y}" width="${WIDTH - 2 * PAD}" height="34" fill="#f6f8fa"/>`,
      `<text x="${PAD + 12}" y="${y + 22}" font-family="${MONO}" font-size="13" font-weight="600" fill="${TEXT}">${escapeXml(comment.path)}</text>`
    )
    y += 34
    for (const row of shown) {
      parts.push(codeRow(y, row))
      y += 20
    }
    // The thread under the line.
    const { title, message, suggestion } = commentParts(comment.body)
    const threadTop = y + 8
    y = threadTop + 14
    parts.push(
      `<circle cx="${PAD + 28}" cy="${y + 8}" r="12" fill="#2da44e"/>`,
      `<text x="${PAD + 28}" y="${y + 13}" text-anchor="middle" font-family="${SANS}" font-size="12" font-weight="700" fill="#ffffff">AI</text>`,
      `<text x="${PAD + 50}" y="${y + 13}" font-family="${SANS}" font-size="14" fill="${MUTED}"><tspan font-weight="600" fill="${TEXT}">github-actions</tspan> bot · commented on ${first === comment.line ? `line ${comment.line}` : `lines ${first} to ${comment.line}`}</text>`
    )
    y += 40
    parts.push(richText(PAD + 50, y, title, 14, '600'))
    y += 8
    if (suggestion !== undefined) {
      y += 18
      const boxTop = y
      parts.push(
        `<text x="${PAD + 62}" y="${y + 20}" font-family="${SANS}" font-size="12" font-weight="600" fill="${MUTED}">Suggested change</text>`
      )
      y += 30
      const replaced = rows.filter(
        row => row.number !== undefined && row.number >= first && row.number <= comment.line!
      )
      const left = PAD + 51
      const width = WIDTH - 2 * PAD - 64
      for (const row of replaced) {
        parts.push(codeRow(y, { ...row, mark: '-' }, left, width))
        y += 20
      }
      for (const [index, text] of suggestion.split('\n').entries()) {
        parts.push(codeRow(y, { mark: '+', number: first + index, text }, left, width))
        y += 20
      }
      y += 1
      parts.push(
        `<rect x="${PAD + 50}" y="${boxTop}" width="${WIDTH - 2 * PAD - 62}" height="${y - boxTop}" fill="none" stroke="${BORDER}" rx="6"/>`
      )
    }
    y += 6
    for (const line of wrap(message, 100)) {
      y += 22
      parts.push(richText(PAD + 50, y, line))
    }
    y += 16
    parts.push(
      `<rect x="${PAD + 12}" y="${threadTop}" width="${WIDTH - 2 * PAD - 24}" height="${y - threadTop}" fill="none" stroke="${BORDER}" rx="6"/>`
    )
    y += 12
    parts.unshift(
      `<rect x="${PAD}" y="${top}" width="${WIDTH - 2 * PAD}" height="${y - top}" fill="#ffffff" stroke="${BORDER}" rx="6"/>`
    )
    y += 20
  }

  // 2. The review's body: the count, and the findings that are not on lines of the diff.
  const bodyTop = y
  y += 28
  const body = review.body.replace(/<!--[^>]*-->/g, '').replace(/\u200B/g, '')
  for (const paragraph of body
    .split(/\n\n+/)
    .map(p => p.trim())
    .filter(Boolean)) {
    for (const item of paragraph.split(/\n(?=- )/)) {
      const bullet = item.startsWith('- ')
      const text = item
        .replace(/^- /, '')
        .replace(/\*\*/g, '')
        .replace(/`([^`]+)`: /, '`$1` — ')
        .replace(/\\(.)/g, '$1')
      for (const [index, line] of wrap(text, bullet ? 96 : 100).entries()) {
        parts.push(richText(PAD + (bullet ? 34 : 16), y, `${line}`))
        if (bullet && index === 0) {
          parts.push(`<circle cx="${PAD + 24}" cy="${y - 5}" r="2.5" fill="${TEXT}"/>`)
        }
        y += 21
      }
    }
    y += 8
  }
  parts.push(
    `<rect x="${PAD}" y="${bodyTop}" width="${WIDTH - 2 * PAD}" height="${y - bodyTop}" fill="none" stroke="${BORDER}" rx="6"/>`
  )
  y += 20

  // 3. The run card's findings table, as the step's summary holds it.
  const cells = [
    ...summaryHtml.matchAll(
      /<tr><td>(.*?)<\/td><td><code>(.*?)<\/code><\/td><td>(.*?)<\/td><\/tr>/g
    )
  ]
  const heading = /<strong>Findings:<\/strong>([^<]*)/.exec(summaryHtml)?.[1]?.trim() ?? ''
  const tableTop = y
  parts.push(
    `<text x="${PAD + 16}" y="${y + 26}" font-family="${SANS}" font-size="14" fill="${TEXT}"><tspan font-weight="600">Run card, findings:</tspan> ${escapeXml(heading)}</text>`
  )
  y += 42
  const columns = [PAD + 16, PAD + 150, PAD + 420]
  const header = ['Severity', 'Where', 'Finding']
  parts.push(
    `<rect x="${PAD + 12}" y="${y}" width="${WIDTH - 2 * PAD - 24}" height="26" fill="#f6f8fa" stroke="${BORDER}"/>`
  )
  header.forEach((text, i) =>
    parts.push(
      `<text x="${columns[i]! + 4}" y="${y + 18}" font-family="${SANS}" font-size="13" font-weight="600" fill="${TEXT}">${text}</text>`
    )
  )
  y += 26
  const unescape = (html: string): string =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  for (const [, severity = '', where = '', what = ''] of cells) {
    parts.push(
      `<rect x="${PAD + 12}" y="${y}" width="${WIDTH - 2 * PAD - 24}" height="26" fill="#ffffff" stroke="${BORDER}"/>`
    )
    parts.push(
      `<text x="${columns[0]! + 4}" y="${y + 18}" font-family="${SANS}" font-size="13" fill="${TEXT}">${escapeXml(unescape(severity))}</text>`
    )
    parts.push(
      `<text x="${columns[1]! + 4}" y="${y + 18}" font-family="${MONO}" font-size="12" fill="${TEXT}">${escapeXml(unescape(where))}</text>`
    )
    parts.push(
      `<text x="${columns[2]! + 4}" y="${y + 18}" font-family="${SANS}" font-size="13" fill="${TEXT}">${escapeXml(unescape(what))}</text>`
    )
    y += 26
  }
  y += 16
  parts.push(
    `<rect x="${PAD}" y="${tableTop}" width="${WIDTH - 2 * PAD}" height="${y - tableTop}" fill="none" stroke="${BORDER}" rx="6"/>`
  )
  y += PAD

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" role="img" aria-label="A review comment of the action on a pull request, and the run card's findings table">\n` +
    `<rect width="${WIDTH}" height="${y}" fill="#ffffff"/>\n${parts.join('\n')}\n</svg>\n`
  )
}
