import os from 'node:os'
import * as core from '@actions/core'
import { systemClock } from './clock.js'
import { formatSeconds } from './duration.js'
import { ApiError, getErrorMessage } from './errors.js'
import { readInputs, type ActionInputs } from './inputs.js'
import type { Logger } from './logger.js'
import {
  boundUtf8,
  defaultOutputFile,
  MAX_OUTPUT_BYTES,
  truncationMarker,
  writeOutputFile
} from './output-text.js'
import { PlatformClient } from './platform-client.js'
import { Redactor } from './redact.js'
import { newRunState, type RunState } from './run-state.js'
import { runWorkflow } from './run-workflow.js'
import { renderRunSummary } from './summary.js'

/**
 * The step: read inputs, run the workflow, publish what is known. The one place that sets
 * outputs and turns a thrown value into `core.setFailed`.
 */
export async function run(): Promise<void> {
  const state = newRunState()
  let redactor = new Redactor([])
  let inputs: ActionInputs | undefined
  let failure: unknown
  try {
    inputs = await readInputs()
    redactor = new Redactor([inputs.apiKey])
    const logger = coreLogger(redactor)
    const client = new PlatformClient({
      baseUrl: inputs.baseUrl,
      apiKey: inputs.apiKey,
      paths: inputs.paths,
      retries: inputs.retries,
      logger,
      clock: systemClock
    })
    await runWorkflow(
      {
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
      },
      { client, clock: systemClock, logger },
      state
    )
  } catch (error) {
    failure = error
  }
  try {
    await publish(state, inputs, redactor, failure)
  } catch (error) {
    core.setFailed(
      redactor.redact(`Could not publish the run's results: ${getErrorMessage(error)}`)
    )
  }
}

async function publish(
  state: RunState,
  inputs: ActionInputs | undefined,
  redactor: Redactor,
  failure: unknown
): Promise<void> {
  const r = (text: string): string => redactor.redact(text)
  const failureMessage = failure === undefined ? undefined : r(getErrorMessage(failure))
  const duration =
    state.triggeredAt === undefined
      ? undefined
      : formatSeconds((state.finishedAt ?? Date.now()) - state.triggeredAt)

  let outputFile: string | undefined
  if (state.output !== undefined) {
    state.output = r(state.output)
    outputFile =
      inputs?.outputFile ?? defaultOutputFile(process.env.RUNNER_TEMP || os.tmpdir(), state.runId)
    await writeOutputFile(outputFile, state.output)
    const bounded = boundUtf8(
      state.output,
      MAX_OUTPUT_BYTES,
      truncationMarker('output', Buffer.byteLength(state.output), outputFile)
    )
    if (bounded.truncated) {
      core.warning(
        `The run's output is larger than ${MAX_OUTPUT_BYTES} bytes; the \`output\` step output is cut short. ` +
          `Read the whole output from ${outputFile} (the \`output-file\` output).`
      )
    }
    core.setOutput('output', bounded.text)
    core.setOutput('output-file', outputFile)
  }
  if (state.runId !== undefined) core.setOutput('run-id', state.runId)
  if (state.threadId !== undefined) core.setOutput('thread-id', state.threadId)
  if (state.status !== undefined) core.setOutput('status', state.status)
  if (state.result !== undefined) {
    const json = r(JSON.stringify(state.result))
    core.setOutput(
      'result',
      boundUtf8(
        json,
        MAX_OUTPUT_BYTES,
        truncationMarker('result', Buffer.byteLength(json), undefined)
      ).text
    )
  }
  const error = failureMessage ?? (state.error === undefined ? undefined : r(state.error))
  if (error !== undefined) {
    const marker = truncationMarker('error', Buffer.byteLength(error), undefined)
    core.setOutput('error', boundUtf8(error, MAX_OUTPUT_BYTES, marker).text)
  }
  if (duration !== undefined) core.setOutput('duration', duration)

  if (inputs?.summary && (state.runId !== undefined || failure instanceof ApiError)) {
    const card = renderRunSummary({ state: { ...state, error }, duration, outputFile })
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
  const message = `Run ${state.runId} ${state.status === 'timed_out' ? 'timed out' : state.status}: ${error}`
  if (inputs?.failOnError === false)
    core.warning(`${message} (fail-on-error is false: the step stays green)`)
  else core.setFailed(message)
}

function coreLogger(redactor: Redactor): Logger {
  return {
    debug: message => core.debug(redactor.redact(message)),
    info: message => core.info(redactor.redact(message)),
    warning: message => core.warning(redactor.redact(message))
  }
}
