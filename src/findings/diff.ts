import type { Finding } from './read.js'

// Which lines of a file a pull request's diff shows on its head side: GitHub accepts a line
// comment only there (a context line or an added one, inside a hunk of the file's patch).

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/

/** The head-side lines of a unified diff patch (GitHub's `patch` field of a changed file). */
export function headSideLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let next = 0
  let left = 0
  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text)
    if (header) {
      next = Number(header[1])
      left = header[2] === undefined ? 1 : Number(header[2])
      continue
    }
    // Outside a hunk, or past its head-side count: not a line of the diff.
    if (left <= 0) continue
    const mark = text.charAt(0)
    if (mark === '+' || mark === ' ' || text === '') {
      lines.add(next)
      next++
      left--
    }
    // `-` lines are the base side's; `\ No newline at end of file` is neither.
  }
  return lines
}

/** Whether every line a finding names is in the diff, so that it can be a line comment. */
export function inDiff(finding: Finding, diff: ReadonlyMap<string, ReadonlySet<number>>): boolean {
  const lines = diff.get(finding.path)
  if (lines === undefined) return false
  for (let line = finding.line; line <= (finding.endLine ?? finding.line); line++) {
    if (!lines.has(line)) return false
  }
  return true
}

/** A range longer than this is no line comment: no review reads a comment on 500 lines. */
const MAX_COMMENT_RANGE = 500

/**
 * The lines of each file that the findings name (ranges of up to 500 lines): all of a diff
 * that needs keeping, however large the pull request is.
 */
export function namedLines(findings: readonly Finding[]): Map<string, Set<number>> {
  const named = new Map<string, Set<number>>()
  for (const finding of findings) {
    const last = finding.endLine ?? finding.line
    if (last - finding.line >= MAX_COMMENT_RANGE) continue
    const lines = named.get(finding.path) ?? new Set<number>()
    for (let line = finding.line; line <= last; line++) lines.add(line)
    named.set(finding.path, lines)
  }
  return named
}
