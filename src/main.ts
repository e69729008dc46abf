import os from 'node:os'
import * as core from '@actions/core'
import { systemClock } from './clock.js'
import { formatSeconds } from './duration.js'
import { ApiError, getErrorMessage } from './errors.js'
import { readInputs, type ActionInputs } from './inputs.js'
import { LiveLog } from './live-log.js'
import type { Logger } from './logger.js'
import { OutputSink } from './output-sink.js'
import { boundUtf8, defaultOutputFile, MAX_OUTPUT_BYTES, truncationMarker } from './output-text.js'
import { PlatformClient } from './platform-client.js'
import { Redactor } from './redact.js'
import { newRunState, type RunState } from './run-state.js'
import { streamWorkflow } from './run-stream.js'
import { runWorkflow, type RunSettings } from './run-workflow.js'
import { renderRunSummary } from './summary.js'

/**
 * The step: read inputs, run the workflow, publish what is known. The one place that sets
 * outputs and turns a thrown value into `core.setFailed`.
 */
export async function run(): Promise<void> {
  const state = newRunState()
  let redactor = new Redactor([])
  let inputs: ActionInputs | undefined
  let sink: OutputSink | undefined
  let failure: unknown
  try {
    inputs = await readInputs()
    const settings = inputs
    redactor = new Redactor([settings.apiKey])
    const logger = coreLogger(redactor)
    const outputFile = (): string =>
      settings.outputFile ?? defaultOutputFile(process.env.RUNNER_TEMP || os.tmpdir(), state.runId)
    sink = new OutputSink(outputFile, redactor, MAX_OUTPUT_BYTES)
    const deps = {
      client: new PlatformClient({
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        paths: settings.paths,
        retries: settings.retries,
        logger,
        clock: systemClock
      }),
      clock: systemClock,
      logger
    }
    if (settings.stream && settings.wait) {
      const live = new LiveLog({
        write: block => core.info(redactor.redact(block)),
        holdBackChars: Math.max(0, redactor.longestSecretLength - 1)
      })
      await streamWorkflow(runSettings(settings), { ...deps, output: sink, live }, state)
    } else {
      await runWorkflow(runSettings(settings), deps, state)
    }
  } catch (error) {
    failure = error
  }
  try {
    await publish(state, inputs, sink, redactor, failure)
  } catch (error) {
    core.setFailed(
      redactor.redact(`Could not publish the run's results: ${getErrorMessage(error)}`)
    )
  }
  // maxRSS is in KiB; a debug line lets users (and the stream tests) see memory stay flat.
  core.debug(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`)
}

function runSettings(inputs: ActionInputs): RunSettings {
  return {
    workflowId: inputs.workflowId,
    trigger: {
      workflowId: inputs.workflowId,
      inputs: inputs.workflowInputs,
      ...(inputs.threadId ? { threadId: inputs.threadId } : {})
    },
    wait: inputs.wait,
    timeoutMs: inputs.timeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    maxPollIntervalMs: inputs.maxPollIntervalMs
  }
}

async function publish(
  state: RunState,
  inputs: ActionInputs | undefined,
  sink: OutputSink | undefined,
  redactor: Redactor,
  failure: unknown
): Promise<void> {
  const r = (text: string): string => redactor.redact(text)
  const failureMessage = failure === undefined ? undefined : r(getErrorMessage(failure))
  const duration =
    state.triggeredAt === undefined
      ? undefined
      : formatSeconds((state.finishedAt ?? Date.now()) - state.triggeredAt)

  // A streamed output is in the sink already; a polled one arrives here whole.
  if (sink && state.output !== undefined && !sink.hasOutput) await sink.replace(state.output)
  const written = await sink?.close()
  if (written) {
    state.output = written.head
    const marker = truncationMarker('output', written.totalBytes, written.file)
    const bounded = boundUtf8(written.head, MAX_OUTPUT_BYTES, marker)
    if (bounded.truncated) {
      core.warning(
        `The run's output (${written.totalBytes} bytes) is larger than ${MAX_OUTPUT_BYTES} bytes; ` +
          `the \`output\` step output is cut short. Read the whole output from ${written.file} ` +
          '(the `output-file` output).'
      )
    }
    core.setOutput('output', bounded.text)
    core.setOutput('output-file', written.file)
  }
  if (state.runId !== undefined) core.setOutput('run-id', state.runId)
  if (state.threadId !== undefined) core.setOutput('thread-id', state.threadId)
  if (state.status !== undefined) core.setOutput('status', state.status)
  if (state.result !== undefined) {
    const json = r(JSON.stringify(state.result))
    const marker = truncationMarker('result', Buffer.byteLength(json), undefined)
    core.setOutput('result', boundUtf8(json, MAX_OUTPUT_BYTES, marker).text)
  }
  const error = failureMessage ?? (state.error === undefined ? undefined : r(state.error))
  if (error !== undefined) {
    const marker = truncationMarker('error', Buffer.byteLength(error), undefined)
    core.setOutput('error', boundUtf8(error, MAX_OUTPUT_BYTES, marker).text)
  }
  if (duration !== undefined) core.setOutput('duration', duration)

  if (inputs?.summary && (state.runId !== undefined || failure instanceof ApiError)) {
    const card = renderRunSummary({
      state: { ...state, ...(error === undefined ? {} : { error }) },
      duration,
      outputFile: written?.file
    })
    await core.summary.addRaw(r(card)).write()
  }

  if (failureMessage !== undefined) {
    core.setFailed(failureMessage)
    return
  }
  if (state.status !== 'failed' && state.status !== 'cancelled' && state.status !== 'timed_out') {
    const finishedIn = state.finished && duration ? ` after ${duration} s` : ''
    core.info(`Run ${state.runId} is ${state.status ?? 'in an unknown state'}${finishedIn}.`)
    return
  }
  const verb = state.status === 'timed_out' ? 'timed out' : state.status
  const message = `Run ${state.runId} ${verb}: ${error}`
  if (inputs?.failOnError === false) {
    core.warning(`${message} (fail-on-error is false: the step stays green)`)
  } else {
    core.setFailed(message)
  }
}

function coreLogger(redactor: Redactor): Logger {
  return {
    debug: message => core.debug(redactor.redact(message)),
    info: message => core.info(redactor.redact(message)),
    warning: message => core.warning(redactor.redact(message))
  }
}
