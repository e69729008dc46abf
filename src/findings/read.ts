import { isRecord, jsonDocument } from '../util/json.js'

// Findings (a reviewer's remarks on files and lines) read from a run's output, once and apart
// from whatever publishes them: docs/findings.md is the format.

export type Severity = 'error' | 'warning' | 'notice'

export interface Finding {
  /** Relative to the repository's root, with `/` between folders. */
  path: string
  /** 1-based, as of the pull request's head. */
  line: number
  /** The last line of a range, when it is one (never before `line`). */
  endLine?: number | undefined
  severity: Severity
  title?: string | undefined
  message: string
  /** Replacement text for the lines `line`..`endLine`. */
  suggestion?: string | undefined
}

export interface FindingsRead {
  /** Most severe first, in the output's order within a severity. */
  findings: Finding[]
  /** Entries that were not readable findings (no message, a path outside the repository…). */
  dropped: number
  /** Whether the output held a findings document at all (JSON, or one ```json block). */
  found: boolean
}

/** Reading stops here: no publisher can show more, and a model can write any number. */
const MAX_FINDINGS = 1000
const MAX_TITLE_CHARS = 200
const MAX_MESSAGE_CHARS = 16 * 1024
const MAX_SUGGESTION_CHARS = 16 * 1024

const SEVERITIES = new Map<string, Severity>([
  ['error', 'error'],
  ['critical', 'error'],
  ['high', 'error'],
  ['warning', 'warning'],
  ['medium', 'warning'],
  ['low', 'warning'],
  ['notice', 'notice'],
  ['info', 'notice']
])
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

/** The findings an output holds: its JSON, or the one ```json block of a Markdown answer. */
export function readFindings(output: string): FindingsRead {
  const document = jsonDocument(output)?.value
  if (document === undefined) return { findings: [], dropped: 0, found: false }
  const list = Array.isArray(document)
    ? (document as unknown[])
    : isRecord(document) && Array.isArray(document.findings)
      ? (document.findings as unknown[])
      : undefined
  if (list === undefined) return { findings: [], dropped: 0, found: false }
  const findings: Finding[] = []
  let dropped = Math.max(0, list.length - MAX_FINDINGS)
  for (const entry of list.slice(0, MAX_FINDINGS)) {
    const finding = readFinding(entry)
    if (finding === undefined) dropped++
    else findings.push(finding)
  }
  // A stable sort: within a severity, the output's order.
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity])
  return { findings, dropped, found: true }
}

function readFinding(entry: unknown): Finding | undefined {
  if (!isRecord(entry)) return undefined
  const path = repositoryPath(entry.path)
  const line = lineNumber(entry.line)
  const message = text(entry.message, MAX_MESSAGE_CHARS)
  if (path === undefined || line === undefined || message === undefined) return undefined
  const endLine = lineNumber(entry.end_line)
  const severity =
    typeof entry.severity === 'string'
      ? (SEVERITIES.get(entry.severity.trim().toLowerCase()) ?? 'warning')
      : 'warning'
  return {
    path,
    line,
    endLine: endLine !== undefined && endLine > line ? endLine : undefined,
    severity,
    title: text(entry.title, MAX_TITLE_CHARS)?.replace(/[\r\n]+/g, ' '),
    message,
    suggestion:
      typeof entry.suggestion === 'string'
        ? entry.suggestion.slice(0, MAX_SUGGESTION_CHARS)
        : undefined
  }
}

/**
 * A path inside the repository, as a diff would name it: `./`, `a/` and `b/` dropped, `\` read
 * as `/`. An absolute path, a `..` segment, a control character or an empty one is none.
 */
function repositoryPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  let path = value.trim().replace(/\\/g, '/')
  if (/\p{Cc}/u.test(path) || path.startsWith('/') || /^[a-z]:/i.test(path)) return undefined
  path = path.replace(/^(?:\.\/)+/, '').replace(/^[ab]\//, '')
  const segments = path.split('/')
  if (path === '' || segments.some(segment => segment === '..' || segment === '')) return undefined
  return segments.filter(segment => segment !== '.').join('/') || undefined
}

/** A 1-based line: a whole number, or its digits as text. */
function lineNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 1
    ? number
    : undefined
}

function text(value: unknown, maxChars: number): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  if (value.length <= maxChars) return value
  // Not between the two halves of a character outside the BMP (an emoji).
  const end = /[\uD800-\uDBFF]/.test(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars
  return `${value.slice(0, end)}…`
}
