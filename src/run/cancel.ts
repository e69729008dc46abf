import type { RunDeps } from './deps.js'
import { getErrorMessage } from '../util/errors.js'

/** A cancel has its own short deadline: it is sent when the job itself is about to end. */
const CANCEL_DEADLINE_MS = 2_000

/** What became of a cancel request. */
export type CancelOutcome = 'cancelled' | 'already-finished' | 'failed'

/**
 * Asks the platform to cancel a run, within CANCEL_DEADLINE_MS (retrying 429, 5xx and network
 * failures inside it), and says what happened in one log line. It never throws: the caller is
 * ending the step either way.
 */
export async function cancelRun(
  runId: string,
  deps: Pick<RunDeps, 'client' | 'clock' | 'logger'>,
  why: string
): Promise<CancelOutcome> {
  try {
    // Not the job's signal, which is what is being answered: the cancel has its own deadline.
    const cancelled = await deps.client.cancel(runId, {
      deadline: deps.clock.now() + CANCEL_DEADLINE_MS
    })
    if (cancelled) {
      deps.logger.info(`Cancelled run ${runId} on the platform (${why}).`)
      return 'cancelled'
    }
    deps.logger.info(
      `Run ${runId} had already finished on the platform; nothing to cancel (${why}).`
    )
    return 'already-finished'
  } catch (error) {
    deps.logger.warning(
      `Could not cancel run ${runId} (${why}): ${getErrorMessage(error)} ` +
        'It may still be running on the platform.'
    )
    return 'failed'
  }
}
