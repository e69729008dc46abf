import os from 'node:os'
import * as core from '@actions/core'
import { MAX_OUTPUT_BYTES } from '../output/bounds.js'
import { LiveLog } from '../output/live-log.js'
import type { Redactor } from '../output/redactor.js'
import { defaultOutputFile, OutputSink, type OutputSummary } from '../output/sink.js'
import { ApiError } from '../platform/api-error.js'
import { Routes } from '../http/routes.js'
import { PlatformClient } from '../platform/client.js'
import { cancelRun } from '../run/cancel.js'
import type { RunDeps } from '../run/deps.js'
import { followRun } from '../run/poll.js'
import type { RunState } from '../run/state.js'
import { streamRun } from '../run/stream.js'
import type { RunTiming } from '../run/timing.js'
import { triggerRun } from '../run/trigger.js'
import { systemClock } from '../util/clock.js'
import { coreLogger } from './core-logger.js'
import { fateOfRun, planExit } from './exit-plan.js'
import { proxySettings } from './network.js'
import { SAVED } from './saved-state.js'
import type { ActionInputs } from './inputs/settings.js'
import { JobCancelled } from './signals.js'

/**
 * The step's work once its inputs are valid: run the workflow in the mode they choose, settle
 * what becomes of the run, and close its output. Loaded by main only then, so that a step
 * with bad inputs fails before the HTTP client and the run's lifecycle are even read.
 */
export async function runStep(
  inputs: ActionInputs,
  redactor: Redactor,
  state: RunState,
  signal: AbortSignal,
  stopSignal: () => NodeJS.Signals | undefined
): Promise<{ written: OutputSummary | undefined; failure: unknown }> {
  const sink = outputSink(inputs, redactor, state)
  const routes = new Routes(proxySettings(process.env))
  const deps = runDeps(inputs, redactor, sink, signal, routes)
  let failure: unknown
  try {
    await runWorkflow(inputs, deps, redactor, state)
  } catch (error) {
    failure = error
  }
  try {
    failure = await settle(inputs, deps, state, failure, stopSignal())
  } catch (error) {
    failure = error
  }
  await routes.close()
  // The output file is complete and closed before anything publishes it.
  return { written: await sink.close(), failure }
}

function runDeps(
  inputs: ActionInputs,
  redactor: Redactor,
  sink: OutputSink,
  signal: AbortSignal,
  routes: Routes
): RunDeps {
  const logger = coreLogger(redactor)
  return {
    client: new PlatformClient({
      baseUrl: inputs.baseUrl,
      apiKey: inputs.apiKey,
      paths: inputs.paths,
      retries: inputs.retries,
      logger,
      clock: systemClock,
      redact: text => redactor.redact(text),
      routes
    }),
    clock: systemClock,
    logger,
    sink,
    signal,
    // Saved at once, so that the post step can cancel a run this process did not live to settle.
    onRunStarted: runId => {
      if (redactor.redact(runId) !== runId) {
        // Used in a URL or saved for the post step, such an id would carry the key along.
        throw new ApiError(
          'The platform named a run id that contains the API key; the action does not use it. ' +
            'A run may have started: check the platform before re-running this job.',
          { kind: 'protocol', runMayHaveStarted: true }
        )
      }
      core.saveState(SAVED.runId, runId)
      core.saveState(SAVED.baseUrl, inputs.baseUrl.href)
      core.saveState(SAVED.cancelPath, inputs.paths.cancel)
    }
  }
}

/**
 * Chooses the mode: follow a run started elsewhere, stream a new run, or trigger one and
 * (unless told not to) poll it.
 */
async function runWorkflow(
  inputs: ActionInputs,
  deps: RunDeps,
  redactor: Redactor,
  state: RunState
): Promise<void> {
  const startedAt = systemClock.now()
  const timing: RunTiming = {
    startedAt,
    deadline: startedAt + inputs.timeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    maxPollIntervalMs: inputs.maxPollIntervalMs
  }
  const { start } = inputs
  if (start.kind === 'follow') {
    state.workflowId = inputs.workflowId
    state.startedAt = startedAt
    deps.logger.info(
      `Following run ${start.runId}` +
        (inputs.stream
          ? ' by getting it (`stream: true` cannot reopen the stream of a run that has started).'
          : '.')
    )
    return followRun(start.runId, timing, deps, state, { getFirst: true })
  }
  const { request } = start
  if (inputs.stream && inputs.wait) {
    const live = new LiveLog({
      write: block => core.info(block),
      redact: text => redactor.redact(text),
      holdBackChars: Math.max(0, redactor.longestSecretLength - 1)
    })
    return streamRun(request, timing, { ...deps, live }, state)
  }
  await triggerRun(request, timing, deps, state)
  if (inputs.wait && state.runId !== undefined) {
    await followRun(state.runId, timing, deps, state)
  }
}

/**
 * Decides what becomes of the run as the step ends (cancel it, or leave it), does it, and
 * tells the post step whether anything is left for it. Returns the step's failure, which a
 * cancelled job becomes.
 */
async function settle(
  inputs: ActionInputs,
  deps: RunDeps,
  state: RunState,
  failure: unknown,
  signal: NodeJS.Signals | undefined
): Promise<unknown> {
  const jobCancelled = signal !== undefined
  const plan = planExit({
    runId: state.runId,
    finished: state.finished,
    status: state.status,
    jobCancelled,
    failed: failure !== undefined && !jobCancelled,
    wait: inputs.wait,
    cancelOnExit: inputs.cancelOnExit
  })
  let fate = ''
  if (plan.cancel && state.runId !== undefined) {
    const outcome = await cancelRun(state.runId, deps, plan.why)
    fate = fateOfRun(outcome)
    if (outcome !== 'failed') core.saveState(SAVED.settled, 'true')
  } else {
    core.saveState(SAVED.settled, 'true')
    if (state.status === 'timed_out' || jobCancelled) fate = fateOfRun('kept')
  }
  if (state.status === 'timed_out') state.error = `${state.error ?? ''} ${fate}`.trim()
  if (!jobCancelled) return failure
  const where =
    state.runId !== undefined
      ? `while following run ${state.runId}. ${fate}`
      : state.triggerInFlight === true
        ? 'before the platform named a run; a run may have started: check the platform.'
        : 'before any run was started.'
  state.status = 'cancelled'
  state.error = `${new JobCancelled(signal).message} ${where}`
  state.finishedAt ??= deps.clock.now()
  return new JobCancelled(signal, state.error)
}

function outputSink(inputs: ActionInputs, redactor: Redactor, state: RunState): OutputSink {
  // Named after the run id as redacted: the platform could echo the key even there.
  const chooseFile = (): string =>
    inputs.outputFile ??
    defaultOutputFile(
      process.env.RUNNER_TEMP || os.tmpdir(),
      state.runId === undefined ? undefined : redactor.redact(state.runId)
    )
  return new OutputSink(chooseFile, redactor, MAX_OUTPUT_BYTES)
}
