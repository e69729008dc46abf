import type { RunStatus } from './run-response.js'

/** `timed_out` is the action's own verdict: it stopped waiting, the run itself may go on. */
export type ReportedStatus = RunStatus | 'timed_out'

/**
 * What is known about the run so far, in one place: filled in as the run progresses, read by
 * main.ts to set outputs on success and on failure alike (and, later, by a cancelling signal
 * handler or post step, which need the run id and whether it has finished).
 */
export interface RunState {
  workflowId?: string
  runId?: string
  threadId?: string
  status?: ReportedStatus
  output?: string
  /** Why the run did not complete (the run's own error, or the action's reason). */
  error?: string
  /** The last run object the platform sent, for the `result` output. */
  result?: unknown
  triggeredAt?: number
  finishedAt?: number
  /** The platform reported a terminal status: there is nothing left to wait for or cancel. */
  finished: boolean
}

export function newRunState(): RunState {
  return { finished: false }
}
