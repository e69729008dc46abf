import * as core from '@actions/core'
import { getErrorMessage } from '../../util/errors.js'
import type { CommentSettings } from '../inputs/settings.js'
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
}

/**
 * Publishes the run card: to the job summary, and as a pull-request comment when asked.
 * Returns the comment's URL. Problems are warnings: the run's outputs are set already.
 */
export async function publishCard(
  facts: RunCardFacts,
  how: CardPublishing,
  redact: (text: string) => string
): Promise<string | undefined> {
  if (how.summary) {
    try {
      const card = await renderRunCard(facts, { format: how.format, maxBytes: SUMMARY_MAX_BYTES })
      await core.summary.addRaw(redact(card)).write()
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
        redact(
          await renderRunCard(facts, { format: how.format, maxBytes: COMMENT_MAX_BYTES, marker })
        )
    )
    if ('url' in result) return result.url
    if ('warning' in result) core.warning(redact(result.warning))
    else core.info(redact(result.notice))
  } catch (error) {
    core.warning(redact(`Could not comment on the pull request: ${getErrorMessage(error)}`))
  }
  return undefined
}
