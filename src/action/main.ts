import * as core from '@actions/core'
import { Redactor } from '../output/redactor.js'
import type { OutputSummary } from '../output/sink.js'
import { NEW_RUN, type RunState } from '../run/state.js'
import { systemClock } from '../util/clock.js'
import { getErrorMessage } from '../util/errors.js'
import { readInputs } from './inputs/inputs.js'
import { publish } from './publish/publish.js'
import type { ActionInputs } from './inputs/settings.js'
import { proxyPasswords } from './network.js'
import { abortOnSignals } from './signals.js'

/**
 * The step: read inputs, run the workflow, publish what is known. The one place that turns a
 * thrown value into `core.setFailed`. Only what a step with bad inputs needs is loaded up
 * front; the rest (run-step.ts) once the inputs are valid.
 */
export async function run(): Promise<void> {
  // Owned here: a stop signal aborts it, and every wait and request of the run stops.
  const abort = new AbortController()
  const signals = abortOnSignals(abort)
  let redactor = new Redactor([])
  let inputs: ActionInputs | undefined
  let state: RunState = NEW_RUN
  let output: OutputSummary | undefined
  let failure: unknown
  try {
    inputs = await readInputs()
    redactor = new Redactor([...inputs.secrets, ...proxyPasswords(process.env)])
    const { runStep } = await import('./run-step.js')
    ;({ state, output, failure } = await runStep(inputs, redactor, abort.signal))
  } catch (error) {
    failure = error
  }
  try {
    await publish(
      { state, output, failure },
      inputs && {
        summary: inputs.summary,
        failOnError: inputs.failOnError,
        format: inputs.outputFormat,
        comment: inputs.comment,
        allowMentions: inputs.allowMentions,
        findings: inputs.findings,
        outputSchema: inputs.outputSchema,
        outputName: inputs.outputName,
        runUrlTemplate: inputs.runUrlTemplate
      },
      redactor,
      systemClock.now(),
      abort.signal
    )
  } catch (error) {
    core.setFailed(
      redactor.redact(`Could not publish the run's results: ${getErrorMessage(error)}`)
    )
  }
  // A debug line lets users (and the benchmarks) see what the step cost: maxRSS is in KiB,
  // CPU times in microseconds.
  const usage = process.resourceUsage()
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6
  core.debug(`peak memory: ${(usage.maxRSS / 1024).toFixed(1)} MiB; cpu: ${cpu.toFixed(3)} s`)
  signals.dispose()
  // A cancelled job is given 7.5 s before it is killed: nothing left over may hold it open.
  // A run that finished before the signal keeps its result as the exit code; else the job's
  // cancellation fails the step.
  if (signals.received) process.exit(state.finished ? undefined : 1)
}
