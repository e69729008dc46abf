import os from 'node:os'
import * as core from '@actions/core'
import { MAX_OUTPUT_BYTES } from '../output/bounds.js'
import { LiveLog } from '../output/live-log.js'
import { Redactor } from '../output/redactor.js'
import { defaultOutputFile, OutputSink } from '../output/sink.js'
import { PlatformClient } from '../platform/client.js'
import type { RunDeps } from '../run/deps.js'
import { followRun } from '../run/poll.js'
import { newRunState, type RunState, type RunTiming } from '../run/state.js'
import { streamRun } from '../run/stream.js'
import { triggerRun } from '../run/trigger.js'
import { systemClock } from '../util/clock.js'
import { getErrorMessage } from '../util/errors.js'
import { coreLogger } from './core-logger.js'
import { readInputs, type ActionInputs } from './inputs.js'
import { publish } from './publish.js'

/**
 * The step: read inputs, run the workflow in the mode they choose, publish what is known.
 * The one place that turns a thrown value into `core.setFailed`.
 */
export async function run(): Promise<void> {
  const state = newRunState()
  // Owned here so that a cancelled job can stop every wait and request at once.
  const abort = new AbortController()
  let redactor = new Redactor([])
  let inputs: ActionInputs | undefined
  let sink: OutputSink | undefined
  let failure: unknown
  try {
    inputs = await readInputs()
    redactor = new Redactor([inputs.apiKey])
    sink = outputSink(inputs, redactor, state)
    await runWorkflow(inputs, redactor, { sink, signal: abort.signal }, state)
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
}

/** Chooses the mode: stream the run, or trigger it and (unless told not to) poll it. */
async function runWorkflow(
  inputs: ActionInputs,
  redactor: Redactor,
  parts: Pick<RunDeps, 'sink' | 'signal'>,
  state: RunState
): Promise<void> {
  const logger = coreLogger(redactor)
  const deps: RunDeps = {
    ...parts,
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
    logger
  }
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
