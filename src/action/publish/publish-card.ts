import * as core from '@actions/core'
import type { Redactor } from '../../output/redactor.js'
import { getErrorMessage } from '../../util/errors.js'
import { coreLogger } from '../core-logger.js'
import type { CommentSettings } from '../inputs/settings.js'
import { redactHtmlText } from './html.js'
import { renderRunCard, type RunCardFacts } from './run-card.js'

// GitHub's limits are 1 MiB for a step's summary and 65,536 characters for a comment; the
// card stays below both, with room to spare (a byte bound is also a character bound).
const SUMMARY_MAX_BYTES = 900 * 1024
const COMMENT_MAX_BYTES = 60_000

export interface CardPublishing {
  summary: boolean
  format: 'markdown' | 'text'
  comment: CommentSettings | undefined
  /** When the run started, so that an older run's comment never replaces a newer one's. */
  startedAt: number
  /** Leave `@name` in the output live (it notifies people in a comment). */
  allowMentions: boolean
  /** The step's abort signal: a cancelled job stops commenting at once. */
  signal: AbortSignal | undefined
}

/**
 * Publishes the run card: to the job summary, and as a pull-request comment when asked.
 * Returns the comment's URL. Problems are warnings: the run's outputs are set already.
 */
export async function publishCard(
  facts: RunCardFacts,
  how: CardPublishing,
  redactor: Redactor
): Promise<string | undefined> {
  const redact = (text: string): string => redactor.redact(text)
  const style = { format: how.format, allowMentions: how.allowMentions, redact }
  // A runner always gives a summary file; a local run (@github/local-action) may not.
  if (how.summary && !process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No job summary is written: GITHUB_STEP_SUMMARY is not set (not on a runner).')
  } else if (how.summary) {
    try {
      const card = await renderRunCard(facts, { ...style, maxBytes: SUMMARY_MAX_BYTES })
      await core.summary.addRaw(redactHtmlText(card, redact)).write()
    } catch (error) {
      core.warning(redact(`Could not write the job summary: ${getErrorMessage(error)}`))
    }
  }
  if (how.comment === undefined) return undefined
  try {
    // Octokit is loaded only by a step that comments.
    const { postRunCard } = await import('./comment.js')
    const result = await postRunCard(
      how.comment,
      { workflowId: facts.workflowId, key: how.comment.key, startedAt: how.startedAt },
      async marker =>
        redactHtmlText(
          await renderRunCard(facts, { ...style, maxBytes: COMMENT_MAX_BYTES, marker }),
          redact
        ),
      { signal: how.signal, logger: coreLogger(redactor) }
    )
    const logger = coreLogger(redactor)
    if ('url' in result) return result.url
    if ('warning' in result) logger.warning(result.warning)
    else logger.info(result.notice)
  } catch (error) {
    core.warning(redact(`Could not comment on the pull request: ${getErrorMessage(error)}`))
  }
  return undefined
}
