import { createHash } from 'node:crypto'
import type { Finding, Severity } from './read.js'

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

/** How many findings are at or above `threshold` (`never`: none ever are). */
export function findingsAtOrAbove(
  findings: readonly Finding[],
  threshold: Severity | 'never'
): number {
  if (threshold === 'never') return 0
  return findings.filter(finding => RANK[finding.severity] <= RANK[threshold]).length
}

/**
 * A finding's identity across runs: its file, line and message. A re-run that finds the same
 * thing on the same line finds a comment with this key, and does not post it again.
 */
export function findingKey(finding: Pick<Finding, 'path' | 'line' | 'message'>): string {
  return createHash('sha256')
    .update(JSON.stringify([finding.path, finding.line, finding.message]))
    .digest('hex')
    .slice(0, 24)
}
