import type { RunSnapshot } from '../platform/run-object.js'
import { isTerminal, type RunStatus } from '../platform/status.js'
import { formatSeconds } from '../util/duration.js'
import type { RunTiming } from './timing.js'

/**
 * What is known about the run so far, in one place: filled in as the run progresses, and read
 * by the action to publish outputs on success and on failure alike. The output itself is not
 * here: it goes to the output sink as it is read.
 */
export interface RunState {
  workflowId?: string
  runId?: string
  threadId?: string
  /** `timed_out` is the action's own verdict: it stopped waiting, the run itself may go on. */
  status?: RunStatus | 'timed_out'
  /** Why the run did not complete (the run's own error, or the action's reason). */
  error?: string
  /** The last run object the platform sent, for the `result` output. */
  result?: unknown
  /** `result` leaves out long strings the platform sent (it notes each). */
  resultReduced?: boolean
  /** When the action started the run (or began to follow it). */
  startedAt?: number
  finishedAt?: number
  /** The platform reported a terminal status: there is nothing left to wait for or cancel. */
  finished: boolean
  /** A trigger is (or was, when it failed) on its way, and may have started a run not yet named. */
  triggerInFlight?: boolean
}

export function newRunState(): RunState {
  return { finished: false }
}

/** Copies what a snapshot says into the state; a terminal status marks the run finished. */
export function recordSnapshot(state: RunState, snapshot: RunSnapshot, now: number): void {
  if (snapshot.threadId) state.threadId = snapshot.threadId
  if (snapshot.status) state.status = snapshot.status
  state.result = snapshot.raw
  state.resultReduced = snapshot.rawReduced === true
  if (isTerminal(snapshot.status) && !state.finished) {
    state.finished = true
    state.finishedAt = now
    if (snapshot.status === 'failed') {
      state.error = snapshot.error ?? state.error ?? 'The run failed without an error message.'
    }
    if (snapshot.status === 'completed') delete state.error
    if (snapshot.status === 'cancelled') {
      state.error = snapshot.error ?? 'The run was cancelled on the platform.'
    }
  }
}

/** The action stops waiting: the run's status becomes `timed_out`, with what to do about it. */
export function recordTimeout(state: RunState, timing: RunTiming, now: number): void {
  state.status = 'timed_out'
  state.finishedAt = now
  state.error =
    `Gave up waiting for run ${state.runId} after ${formatSeconds(timing.deadline - timing.startedAt)} s ` +
    `(last status: ${lastRawStatus(state)}). Raise \`timeout\` if the workflow needs longer.`
}

function lastRawStatus(state: RunState): string {
  const raw = state.result as { status?: unknown } | undefined
  return typeof raw?.status === 'string' ? raw.status : 'unknown'
}
