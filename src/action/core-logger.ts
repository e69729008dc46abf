import * as core from '@actions/core'
import type { Redactor } from '../output/redactor.js'
import type { Logger } from '../util/logger.js'

/** Server-given text in a plain log line: a line break there could start a workflow command. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

/** The lower layers' logger, backed by @actions/core, with the key removed from every line. */
export function coreLogger(redactor: Redactor): Logger {
  return {
    debug: message => core.debug(redactor.redact(message)),
    info: message => core.info(oneLine(redactor.redact(message))),
    warning: message => core.warning(redactor.redact(message))
  }
}
