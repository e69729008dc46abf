import type { LiveLog } from '../output/live-log.js'
import type { TriggerRequest } from '../platform/client.js'
import { cancelRun } from './cancel.js'
import type { RunDeps } from './deps.js'
import { planExit, whatBecameOfRun } from './exit-plan.js'
import { cancelledBy, JobCancelled } from './job-cancelled.js'
import { followRun } from './poll.js'
import { RunRecord, type RunState } from './state.js'
import { streamRun } from './stream.js'
import type { RunTiming } from './timing.js'
import { triggerRun } from './trigger.js'

/** How a run is had: one started elsewhere, followed; or a new one, streamed or triggered. */
export type RunMode =
  | { kind: 'follow'; runId: string; workflowId: string | undefined; streamAsked: boolean }
  | { kind: 'stream'; request: TriggerRequest; live: LiveLog }
  | { kind: 'trigger'; request: TriggerRequest; wait: boolean }

export interface RunOptions {
  timing: RunTiming
  /** Whether the step waits for the run (a run started with `wait: false` is meant to go on). */
  wait: boolean
  cancelOnExit: boolean
}

export interface RunOutcome {
  /** The run as it ended: read-only, changed by the run layer alone. */
  state: RunState
  /** Why the step failed (an API error, the cancelled job), if it did. */
  failure: unknown
  /** Nothing is left for the post step: the run is over, cancelled, or meant to go on. */
  settled: boolean
}

/**
 * A run's whole life, the one function a front end calls: start it (or follow it), wait for
 * it, and as the step ends decide what becomes of it (cancel it, or leave it), as
 * `exit-plan.ts` says. Never throws: whatever happened is in the outcome.
 */
export async function runWorkflow(
  mode: RunMode,
  options: RunOptions,
  deps: RunDeps
): Promise<RunOutcome> {
  const record = new RunRecord()
  let failure: unknown
  try {
    await start(mode, options.timing, deps, record)
  } catch (error) {
    failure = error
  }
  try {
    return await finish(record, options, deps, failure)
  } catch (error) {
    return { state: record.current, failure: error, settled: false }
  }
}

async function start(
  mode: RunMode,
  timing: RunTiming,
  deps: RunDeps,
  record: RunRecord
): Promise<void> {
  switch (mode.kind) {
    case 'follow': {
      record.apply({ type: 'follow-started', workflowId: mode.workflowId, at: timing.startedAt })
      deps.logger.info(
        `Following run ${mode.runId}` +
          (mode.streamAsked
            ? ' by getting it (`stream: true` cannot reopen the stream of a run that has started).'
            : '.')
      )
      return followRun(mode.runId, timing, deps, record, { getFirst: true })
    }
    case 'stream':
      return streamRun(mode.request, timing, { ...deps, live: mode.live }, record)
    case 'trigger': {
      await triggerRun(mode.request, timing, deps, record)
      const { runId } = record.current
      if (mode.wait && runId !== undefined) await followRun(runId, timing, deps, record)
    }
  }
}

/**
 * Decides what becomes of the run as the step ends (cancel it, or leave it), does it, and
 * says whether anything is left for the post step. A cancelled job becomes the step's failure,
 * unless the run had finished: then the run keeps its own status and output, and the log
 * says the job was cancelled after it.
 */
async function finish(
  record: RunRecord,
  options: RunOptions,
  deps: RunDeps,
  failure: unknown
): Promise<RunOutcome> {
  const stopSignal = cancelledBy(deps.signal)
  const jobCancelled = stopSignal !== undefined
  const state = record.current
  const plan = planExit({
    runId: state.runId,
    finished: state.finished,
    status: state.status,
    jobCancelled,
    failed: failure !== undefined && !jobCancelled,
    wait: options.wait,
    cancelOnExit: options.cancelOnExit
  })
  let sentence = ''
  let settled = true
  if (plan.cancel && state.runId !== undefined) {
    const cancelled = await cancelRun(state.runId, deps, plan.why)
    sentence = whatBecameOfRun(cancelled)
    settled = cancelled !== 'failed'
  } else if (!state.finished && (state.status === 'timed_out' || jobCancelled)) {
    sentence = whatBecameOfRun('kept')
  }
  record.apply({ type: 'left', sentence })
  if (stopSignal === undefined) return { state: record.current, failure, settled }
  if (state.finished) {
    deps.logger.info(
      `${new JobCancelled(stopSignal).message} after run ${state.runId} had finished; its ` +
        'status and output stand.'
    )
    // The wait the signal cut short was only for what the finished run had said already.
    const own = failure instanceof JobCancelled ? undefined : failure
    return { state: record.current, failure: own, settled }
  }
  const where =
    state.runId !== undefined
      ? `while following run ${state.runId}. ${sentence}`
      : state.triggerInFlight === true
        ? 'before the platform named a run; a run may have started: check the platform.'
        : 'before any run was started.'
  const after = record.apply({
    type: 'job-cancelled',
    at: deps.clock.now(),
    message: new JobCancelled(stopSignal).message,
    where
  })
  return { state: after, failure: new JobCancelled(stopSignal, after.error), settled }
}
