import os from 'node:os'
import * as core from '@actions/core'
import { MAX_OUTPUT_BYTES } from '../output/bounds.js'
import { LiveLog } from '../output/live-log.js'
import { Redactor } from '../output/redactor.js'
import { defaultOutputFile, OutputSink } from '../output/sink.js'
import { PlatformClient } from '../platform/client.js'
import { cancelRun } from '../run/cancel.js'
import type { RunDeps } from '../run/deps.js'
import { followRun } from '../run/poll.js'
import { newRunState, type RunState } from '../run/state.js'
import { streamRun } from '../run/stream.js'
import type { RunTiming } from '../run/timing.js'
import { triggerRun } from '../run/trigger.js'
import { systemClock } from '../util/clock.js'
import { getErrorMessage } from '../util/errors.js'
import { coreLogger } from './core-logger.js'
import { fateOfRun, planExit } from './exit-plan.js'
import { readInputs, type ActionInputs } from './inputs.js'
import { publish } from './publish.js'
import { abortOnSignals, JobCancelled } from './signals.js'
import { SAVED } from './saved-state.js'

/**
 * The step: read inputs, run the workflow in the mode they choose, settle what becomes of the
 * run, publish what is known. The one place that turns a thrown value into `core.setFailed`.
 */
export async function run(): Promise<void> {
  const state = newRunState()
  // Owned here: a stop signal aborts it, and every wait and request of the run stops.
  const abort = new AbortController()
  const signals = abortOnSignals(abort)
  let redactor = new Redactor([])
  let inputs: ActionInputs | undefined
  let sink: OutputSink | undefined
  let failure: unknown
  try {
    inputs = await readInputs()
    redactor = new Redactor([inputs.apiKey])
    sink = outputSink(inputs, redactor, state)
    const deps = runDeps(inputs, redactor, sink, abort.signal)
    try {
      await runWorkflow(inputs, deps, redactor, state)
    } catch (error) {
      failure = error
    }
    failure = await settle(inputs, deps, state, failure, signals.received)
  } catch (error) {
    failure = error
  }
  try {
    // The output file is complete and closed before anything publishes it.
    const written = await sink?.close()
    await publish(
      { state, written, failure },
      inputs && { summary: inputs.summary, failOnError: inputs.failOnError },
      redactor,
      systemClock.now()
    )
  } catch (error) {
    core.setFailed(
      redactor.redact(`Could not publish the run's results: ${getErrorMessage(error)}`)
    )
  }
  // maxRSS is in KiB; a debug line lets users (and the stream tests) see memory stay flat.
  core.debug(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`)
  signals.dispose()
  // A cancelled job is given 7.5 s before it is killed: nothing left over may hold it open.
  if (signals.received) process.exit(1)
}

function runDeps(
  inputs: ActionInputs,
  redactor: Redactor,
  sink: OutputSink,
  signal: AbortSignal
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
      redact: text => redactor.redact(text)
    }),
    clock: systemClock,
    logger,
    sink,
    signal,
    // Saved at once, so that the post step can cancel a run this process did not live to settle.
    onRunStarted: runId => {
      core.saveState(SAVED.runId, runId)
      core.saveState(SAVED.baseUrl, inputs.baseUrl.href)
      core.saveState(SAVED.cancelPath, inputs.paths.cancel)
    }
  }
}

/** Chooses the mode: stream the run, or trigger it and (unless told not to) poll it. */
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
  const request = {
    workflowId: inputs.workflowId,
    inputs: inputs.workflowInputs,
    threadId: inputs.threadId
  }
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
    state.runId === undefined
      ? 'before the platform named a run; a run may have started: check the platform.'
      : `while following run ${state.runId}. ${fate}`
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
