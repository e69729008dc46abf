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
 * A finding's identity across runs: its file and message. Its line is not in it, since a push
 * moves lines: a review comment is matched by this key on the line GitHub has moved it to.
 */
export function findingKey(finding: Pick<Finding, 'path' | 'message'>): string {
  return createHash('sha256')
    .update(JSON.stringify([finding.path, finding.message]))
    .digest('hex')
    .slice(0, 24)
}
