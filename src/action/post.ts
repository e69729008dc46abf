import * as core from '@actions/core'
import { Routes } from '../http/routes.js'
import { Redactor } from '../output/redactor.js'
import { requestCancel } from '../platform/cancel.js'
import { connectToPlatform } from '../platform/request.js'
import { DEFAULT_PATHS, isSafeRunId } from '../platform/endpoints.js'
import { systemClock } from '../util/clock.js'
import { getErrorMessage } from '../util/errors.js'
import { coreLogger } from './core-logger.js'
import { checkBaseUrl } from './inputs/base-url.js'
import { apiKey, boolean, endpointPath, optional } from './inputs/input-checks.js'
import { proxyPasswords, proxySettings } from './network.js'
import { SAVED } from './saved-state.js'

/** A cancel sent by the post step has this long, retries included. */
const POST_CANCEL_DEADLINE_MS = 5_000

/**
 * The post step (`post-if: always()`): cancels a run that the main step started but did not
 * live to settle (it was killed, or the runner lost it). After a finished run, a run main
 * cancelled or meant to go on, or when nothing was triggered, it sends nothing. It never fails
 * the job: its problems are warnings. What it reads (the saved state, the key and `allow-http`)
 * is checked with the rules main applies to its inputs, and nothing is sent when a check fails.
 */
export async function runPost(): Promise<void> {
  const savedRunId = core.getState(SAVED.runId)
  if (savedRunId === '' || core.getState(SAVED.settled) === 'true') {
    core.debug('The main step left no run to clean up.')
    return
  }
  const key = core.getInput('api-key')
  if (key) core.setSecret(key)
  const redactor = new Redactor([key, ...proxyPasswords(process.env)])
  const problems: string[] = []
  const check = <T>(what: string, checked: { value: T } | { problem: string }): T | undefined => {
    if ('value' in checked) return checked.value
    problems.push(`${what} ${checked.problem}`)
    return undefined
  }
  // The id as main used it in its own requests, not a trimmed or otherwise different one.
  const id = isSafeRunId(savedRunId) ? savedRunId : undefined
  if (id === undefined) problems.push('the saved run id cannot stand in a request path')
  const savedPath = core.getState(SAVED.cancelPath)
  const cancelPath = check('the saved `cancel-path`', endpointPath(true)(savedPath))
  if (cancelPath !== undefined && cancelPath !== savedPath) {
    problems.push('the saved `cancel-path` is not the path main saved')
  }
  const bearer = check('`api-key`', apiKey(key))
  const allowHttp = check('`allow-http`', optional(boolean, false)(core.getInput('allow-http')))
  const baseUrl = checkBaseUrl(core.getState(SAVED.baseUrl), allowHttp ?? false, problems)
  if (
    problems.length > 0 ||
    id === undefined ||
    baseUrl === undefined ||
    cancelPath === undefined ||
    bearer === undefined
  ) {
    coreLogger(redactor).warning(
      'The post step did not cancel the run the main step left: what it read is not what the ' +
        `main step saves, so it sent nothing (${problems.join('; ')}).`
    )
    return
  }
  const logger = coreLogger(redactor)
  const routes = new Routes(proxySettings(process.env))
  try {
    const connection = connectToPlatform({
      baseUrl,
      apiKey: bearer,
      paths: { ...DEFAULT_PATHS, cancel: cancelPath },
      retries: 3,
      logger,
      clock: systemClock,
      redact: text => redactor.redact(text),
      routes
    })
    const cancelled = await requestCancel(connection, id, {
      deadline: systemClock.now() + POST_CANCEL_DEADLINE_MS
    })
    logger.info(
      cancelled
        ? `Cancelled run ${id} on the platform (the main step ended before it could).`
        : `Run ${id} had already finished on the platform; nothing to cancel.`
    )
  } catch (error) {
    logger.warning(
      `Could not cancel run ${id}, which the main step left running: ${getErrorMessage(error)}`
    )
  } finally {
    await routes.close()
  }
}
