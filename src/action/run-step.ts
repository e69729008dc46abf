import os from 'node:os'
import * as core from '@actions/core'
import { MAX_OUTPUT_BYTES } from '../output/bounds.js'
import { LiveLog } from '../output/live-log.js'
import type { Redactor } from '../output/redactor.js'
import { defaultOutputFile, OutputSink, type OutputSummary } from '../output/sink.js'
import { ApiError } from '../platform/errors.js'
import { Routes } from '../http/routes.js'
import { PlatformClient } from '../platform/client.js'
import type { RunDeps } from '../run/deps.js'
import { runWorkflow, type RunMode } from '../run/lifecycle.js'
import type { RunState } from '../run/state.js'
import { systemClock } from '../util/clock.js'
import { coreLogger } from './core-logger.js'
import { proxySettings } from './network.js'
import { SAVED } from './saved-state.js'
import type { ActionInputs } from './inputs/settings.js'

/**
 * The step's work once its inputs are valid: build what the run needs (the platform client,
 * the output sink, the live log), run the workflow in the mode the inputs choose, tell the post
 * step whether anything is left for it, and close the output. Loaded by main only then, so
 * that a step with bad inputs fails before the HTTP client and the run's lifecycle are read.
 */
export async function runStep(
  inputs: ActionInputs,
  redactor: Redactor,
  signal: AbortSignal
): Promise<{ state: RunState; output: OutputSummary | undefined; failure: unknown }> {
  let runId: string | undefined
  const sink = outputSink(inputs, redactor, () => runId)
  const routes = new Routes(proxySettings(process.env))
  const deps = runDeps(inputs, redactor, sink, signal, routes, id => (runId = id))
  const startedAt = systemClock.now()
  const { state, failure, settled } = await runWorkflow(
    runMode(inputs, redactor),
    {
      timing: {
        startedAt,
        deadline: startedAt + inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        maxPollIntervalMs: inputs.maxPollIntervalMs
      },
      wait: inputs.wait,
      cancelOnExit: inputs.cancelOnExit
    },
    deps
  )
  if (settled) core.saveState(SAVED.settled, 'true')
  await routes.close()
  // The output file is complete and closed before anything publishes it.
  return {
    state,
    output: await sink.close(),
    failure: failure ?? missingOutputName(inputs.outputName, state, redactor)
  }
}

/** A completed run without the output `output-name` asks for fails the step, naming what it has. */
function missingOutputName(
  name: string | undefined,
  state: RunState,
  redactor: Redactor
): Error | undefined {
  if (name === undefined || state.status !== 'completed') return undefined
  const named = state.namedOutputs
  if (named !== undefined && Object.hasOwn(named, name)) return undefined
  if (named === undefined) {
    return new Error(
      `\`output-name\` is '${name}', but the run's output is not made of named values (a list ` +
        'of {name, value}, or an object), so it names nothing; leave `output-name` out.'
    )
  }
  const names = Object.keys(named)
  // Redacted before they are cut: a cut could leave part of the key, which no mask matches.
  const shown = names
    .slice(0, 50)
    .map(n => redactor.redact(n))
    .map(n => `'${n.length > 100 ? `${n.slice(0, 100)}…` : n}'`)
    .join(', ')
  return new Error(
    `The run has no output named '${name}'; it has ${names.length}: ${shown}` +
      `${names.length > 50 ? ', …' : ''}. Set \`output-name\` to one of them.`
  )
}

/** The mode the inputs choose: follow a run started elsewhere, stream a new one, or trigger. */
function runMode(inputs: ActionInputs, redactor: Redactor): RunMode {
  const { start } = inputs
  if (start.kind === 'follow') {
    return {
      kind: 'follow',
      runId: start.runId,
      workflowId: inputs.workflowId,
      streamAsked: inputs.stream
    }
  }
  if (inputs.stream && inputs.wait) {
    const live = new LiveLog({
      write: block => core.info(block),
      redact: text => redactor.redact(text),
      holdBackChars: Math.max(0, redactor.longestSecretLength - 1),
      clock: systemClock
    })
    return { kind: 'stream', request: start.request, live }
  }
  return { kind: 'trigger', request: start.request, wait: inputs.wait }
}

function runDeps(
  inputs: ActionInputs,
  redactor: Redactor,
  sink: OutputSink,
  signal: AbortSignal,
  routes: Routes,
  named: (runId: string) => void
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
    outputName: inputs.outputName,
    signal,
    // Saved at once, so that the post step can cancel a run this process did not live to finish.
    onRunStarted: runId => {
      if (redactor.redact(runId) !== runId) {
        // Used in a URL or saved for the post step, such an id would carry the key along.
        throw new ApiError(
          'The platform named a run id that contains the API key; the action does not use it. ' +
            'A run may have started: check the platform before re-running this job.',
          { kind: 'protocol', runMayHaveStarted: true }
        )
      }
      named(runId)
      // The run id last: a main killed between these writes leaves no run id without the
      // base URL and cancel path the post step needs to cancel it.
      core.saveState(SAVED.baseUrl, inputs.baseUrl.href)
      core.saveState(SAVED.cancelPath, inputs.paths.cancel)
      core.saveState(SAVED.runId, runId)
    }
  }
}

function outputSink(
  inputs: ActionInputs,
  redactor: Redactor,
  runId: () => string | undefined
): OutputSink {
  // Named after the run id as redacted: the platform could echo the key even there.
  const chooseFile = (): string => {
    const id = runId()
    return (
      inputs.outputFile ??
      defaultOutputFile(
        process.env.RUNNER_TEMP || os.tmpdir(),
        id === undefined ? undefined : redactor.redact(id)
      )
    )
  }
  return new OutputSink(chooseFile, redactor, MAX_OUTPUT_BYTES)
}
