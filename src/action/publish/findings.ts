import * as core from '@actions/core'
import type { Finding, FindingsRead, Severity } from '../../findings/read.js'
import type { Redactor } from '../../output/redactor.js'
import { oneLine } from '../../util/text.js'
import { boundedAnnotation, coreLogger } from '../core-logger.js'

// Findings as annotations on their files and lines. GitHub shows at most 10 error and 10
// warning annotations of a step (and drops the rest silently): the action emits no more than
// it can show, one of each kind left for the step's own failure or warning, and says where the
// rest are (the run card lists every finding).

const SHOWN: Record<Severity, number> = { error: 9, warning: 9, notice: 10 }
const MAX_TITLE_CHARS = 200

const ANNOTATE: Record<Severity, typeof core.error> = {
  error: core.error,
  warning: core.warning,
  notice: core.notice
}

/** Emits the annotations the step can show, most severe first (the order they are read in). */
export function annotateFindings(read: FindingsRead, redactor: Redactor): void {
  const shown: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  let left = 0
  for (const finding of read.findings) {
    if (shown[finding.severity] >= SHOWN[finding.severity]) {
      left++
      continue
    }
    shown[finding.severity]++
    ANNOTATE[finding.severity](
      boundedAnnotation(redactor.redact(finding.message), 'the whole finding is in the run card'),
      {
        file: redactor.redact(finding.path),
        startLine: finding.line,
        endLine: finding.endLine ?? finding.line,
        title: redactor.redact(oneLine(finding.title ?? 'AI finding')).slice(0, MAX_TITLE_CHARS)
      }
    )
  }
  const logger = coreLogger(redactor)
  if (left > 0) {
    logger.info(
      `${left} more finding(s) than a step can show as annotations: the run card lists all ` +
        `${read.findings.length}, and the \`findings\` output holds them.`
    )
  }
  if (read.dropped > 0) {
    logger.info(
      `${read.dropped} entry(ies) of the findings were not readable findings (docs/findings.md).`
    )
  }
  if (!read.found)
    logger.info('The run’s output holds no findings (docs/findings.md says how to write them).')
}

/** The step's failure when `fail-on-findings` trips, else undefined. */
export function findingsGate(
  findings: readonly Finding[],
  failOn: Severity | 'never',
  count: number
): string | undefined {
  if (failOn === 'never' || count === 0) return undefined
  const at =
    failOn === 'notice' ? 'notice or above' : failOn === 'warning' ? 'warning or error' : 'error'
  return `${count} of ${findings.length} finding(s) are at ${at} (fail-on-findings: ${failOn}).`
}
