import type { CancelOutcome } from './cancel.js'
import type { RunState } from './state.js'

/** What the step knows as it ends, for deciding what becomes of the run. */
export interface StepEnd {
  runId: string | undefined
  finished: boolean
  status: RunState['status']
  /** The job was cancelled (the runner sent a stop signal). */
  jobCancelled: boolean
  /** The action itself failed (an API error) while the run was known. */
  failed: boolean
  wait: boolean
  cancelOnExit: boolean
}

/**
 * Whether the step cancels its run before it ends, and why. `settled` means the post step
 * has nothing to do: the run is over, or it is meant to go on.
 */
export type ExitPlan = { cancel: true; why: string } | { cancel: false; settled: true }

/**
 * A run the step was waiting for is never left running unseen: it is cancelled when the job is
 * cancelled, when `timeout` is spent, or when the step fails while following it, unless
 * `cancel-on-exit` is false. A run started with `wait: false` is meant to go on.
 */
export function planExit(end: StepEnd): ExitPlan {
  if (end.runId === undefined || end.finished || !end.cancelOnExit) {
    return { cancel: false, settled: true }
  }
  if (end.jobCancelled) return { cancel: true, why: 'the job was cancelled' }
  if (!end.wait) return { cancel: false, settled: true }
  if (end.status === 'timed_out') return { cancel: true, why: '`timeout` was spent' }
  if (end.failed) return { cancel: true, why: 'the step failed while following it' }
  return { cancel: false, settled: true }
}

/** The sentence that tells what became of a run the step stopped waiting for. */
export function whatBecameOfRun(outcome: CancelOutcome | 'kept'): string {
  switch (outcome) {
    case 'cancelled':
      return 'The run was cancelled on the platform.'
    case 'already-finished':
      return 'The run had already finished on the platform.'
    case 'failed':
      return 'Cancelling it failed: it may still be running on the platform.'
    case 'kept':
      return 'The run goes on on the platform (cancel-on-exit is false).'
  }
}
