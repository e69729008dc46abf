import * as core from '@actions/core'
import { Redactor } from '../output/redactor.js'
import { PlatformClient } from '../platform/client.js'
import { DEFAULT_PATHS } from '../platform/endpoints.js'
import { cancelRun } from '../run/cancel.js'
import { systemClock } from '../util/clock.js'
import { getErrorMessage } from '../util/errors.js'
import { coreLogger } from './core-logger.js'
import { SAVED } from './saved-state.js'

/**
 * The post step (`post-if: always()`): cancels a run that the main step started but did not
 * live to settle (it was killed, or the runner lost it). After a finished run, a run main
 * cancelled or meant to go on, or when nothing was triggered, it sends nothing. It never
 * fails the job: its problems are warnings. It reads the saved state, and of the inputs only
 * the key, which is never saved.
 */
export async function runPost(): Promise<void> {
  const runId = core.getState(SAVED.runId)
  if (runId === '' || core.getState(SAVED.settled) === 'true') {
    core.debug('The main step left no run to clean up.')
    return
  }
  const apiKey = core.getInput('api-key')
  if (apiKey) core.setSecret(apiKey)
  const redactor = new Redactor([apiKey])
  try {
    const logger = coreLogger(redactor)
    const client = new PlatformClient({
      baseUrl: new URL(core.getState(SAVED.baseUrl)),
      apiKey,
      paths: { ...DEFAULT_PATHS, cancel: core.getState(SAVED.cancelPath) || DEFAULT_PATHS.cancel },
      retries: 3,
      logger,
      clock: systemClock,
      redact: text => redactor.redact(text)
    })
    await cancelRun(
      runId,
      { client, clock: systemClock, logger },
      'the main step ended before it could'
    )
  } catch (error) {
    core.warning(
      redactor.redact(
        `Could not cancel run ${runId}, which the main step left running: ${getErrorMessage(error)}`
      )
    )
  }
}
