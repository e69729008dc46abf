import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import { boundUtf8 } from '../output/bounds.js'
import type { Redactor } from '../output/redactor.js'
import type { Logger } from '../util/logger.js'
import { oneLine } from '../util/text.js'

/** An annotation (warning, error) shows this much; the whole text is in the `error` output. */
const MAX_ANNOTATION_BYTES = 4 * 1024

/**
 * A log line that cannot act as a workflow command, whatever server text it carries. The
 * runner reads `::cmd::` at the start of a line and the older `##[cmd]` anywhere in it; a line
 * that could be either is shown inside a `::stop-commands::` block with a token nobody can guess.
 */
export function inertLine(text: string): string {
  const line = oneLine(text)
  if (!line.includes('##[') && !line.trimStart().startsWith('::')) return line
  const token = randomUUID()
  return `::stop-commands::${token}\n${line}\n::${token}::`
}

/**
 * An annotation's message, bounded: GitHub shows annotations in the run's page, and a 5 MB
 * error does not belong there. Annotations are `::warning::` commands whose text @actions/core
 * escapes, so they need no stop-commands.
 */
export function boundedAnnotation(text: string, whole: string): string {
  return boundUtf8(text, MAX_ANNOTATION_BYTES, `… [cut; ${whole}]`).text
}

/** The lower layers' logger, backed by @actions/core, with the key removed from every line. */
export function coreLogger(redactor: Redactor): Logger {
  return {
    debug: message => core.debug(redactor.redact(message)),
    info: message => core.info(inertLine(redactor.redact(message))),
    warning: message => core.warning(boundedAnnotation(redactor.redact(message), 'message cut'))
  }
}
