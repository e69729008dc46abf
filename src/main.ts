import os from 'node:os'
import * as core from '@actions/core'
import { systemClock } from './clock.js'
import { formatSeconds } from './duration.js'
import { ApiError, getErrorMessage } from './errors.js'
import { readInputs, type ActionInputs } from './inputs.js'
import { LiveLog } from './live-log.js'
import type { Logger } from './logger.js'
import { OutputSink, type OutputSummary } from './output-sink.js'
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
    // Named after the run id as redacted: the platform could echo the key even there.
    const outputFile = (): string =>
      settings.outputFile ??
      defaultOutputFile(
        process.env.RUNNER_TEMP || os.tmpdir(),
        state.runId === undefined ? undefined : redactor.redact(state.runId)
      )
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
        write: block => core.info(block),
        redact: text => redactor.redact(text),
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
  // Every server-given string is redacted: the platform may echo the key anywhere.
  const r = (text: string): string => redactor.redact(text)
  const runId = state.runId === undefined ? undefined : r(state.runId)
  const threadId = state.threadId === undefined ? undefined : r(state.threadId)
  const failureMessage = failure === undefined ? undefined : r(getErrorMessage(failure))
  const error = failureMessage ?? (state.error === undefined ? undefined : r(state.error))
  const duration =
    state.triggeredAt === undefined || runId === undefined
      ? undefined
      : formatSeconds((state.finishedAt ?? Date.now()) - state.triggeredAt)

  // What identifies the run first: whatever fails below, the run can still be found.
  if (runId !== undefined) core.setOutput('run-id', runId)
  if (threadId !== undefined) core.setOutput('thread-id', threadId)
  if (state.status !== undefined) core.setOutput('status', state.status)
  if (error !== undefined) core.setOutput('error', bounded(error, 'error'))
  if (duration !== undefined) core.setOutput('duration', duration)

  const written = await writeOutput(state, sink)
  if (written) {
    const text = boundUtf8(
      written.head,
      MAX_OUTPUT_BYTES,
      truncationMarker('output', written.totalBytes, written.file)
    )
    if (text.truncated) {
      core.warning(
        `The run's output (${written.totalBytes} bytes) is larger than ${MAX_OUTPUT_BYTES} bytes; ` +
          `the \`output\` step output is cut short. Read the whole output from ${written.file} ` +
          '(the `output-file` output).'
      )
    }
    core.setOutput('output', text.text)
    core.setOutput('output-file', written.file)
  }
  if (state.result !== undefined)
    core.setOutput('result', bounded(r(JSON.stringify(state.result)), 'result'))

  if (inputs?.summary && (runId !== undefined || failure instanceof ApiError)) {
    try {
      const card = renderRunSummary({
        state: {
          ...state,
          runId,
          threadId,
          output: written?.head,
          ...(error === undefined ? {} : { error })
        },
        duration,
        outputFile: written?.file
      })
      await core.summary.addRaw(r(card)).write()
    } catch (summaryError) {
      core.warning(r(`Could not write the job summary: ${getErrorMessage(summaryError)}`))
    }
  }

  if (failureMessage !== undefined) {
    core.setFailed(failureMessage)
    return
  }
  if (state.status !== 'failed' && state.status !== 'cancelled' && state.status !== 'timed_out') {
    const finishedIn = state.finished && duration ? ` after ${duration} s` : ''
    core.info(oneLine(`Run ${runId} is ${state.status ?? 'in an unknown state'}${finishedIn}.`))
    return
  }
  const verb = state.status === 'timed_out' ? 'timed out' : state.status
  const message = `Run ${runId} ${verb}: ${error}`
  if (inputs?.failOnError === false) {
    core.warning(`${message} (fail-on-error is false: the step stays green)`)
  } else {
    core.setFailed(message)
  }

  async function writeOutput(
    state: RunState,
    sink: OutputSink | undefined
  ): Promise<OutputSummary | undefined> {
    try {
      // A streamed output is in the sink already; a polled one arrives here whole.
      if (sink && state.output !== undefined && !sink.hasOutput) await sink.replace(state.output)
      return await sink?.close()
    } catch (fileError) {
      core.warning(
        r(
          `Could not write the output file, so \`output\` is not set: ${getErrorMessage(fileError)}`
        )
      )
      return undefined
    }
  }
}

function bounded(text: string, what: string): string {
  return boundUtf8(
    text,
    MAX_OUTPUT_BYTES,
    truncationMarker(what, Buffer.byteLength(text), undefined)
  ).text
}

/** Server-given text in a plain log line: a line break there could start a workflow command. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

function coreLogger(redactor: Redactor): Logger {
  return {
    debug: message => core.debug(redactor.redact(message)),
    info: message => core.info(oneLine(redactor.redact(message))),
    warning: message => core.warning(redactor.redact(message))
  }
}
