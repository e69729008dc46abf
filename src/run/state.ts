import type { RunSnapshot, Usage } from '../platform/run-object.js'
import { isTerminal, type RunStatus } from '../platform/status.js'
import { formatSeconds } from '../util/duration.js'

// What is known about the run so far, and the only way it changes: an event applied by
// applyRunEvent. The run layer applies them; the action reads the result.

export interface RunState {
  readonly workflowId?: string | undefined
  readonly runId?: string | undefined
  readonly threadId?: string | undefined
  /** `timed_out` is the action's own verdict: it stopped waiting, the run itself may go on. */
  readonly status?: RunStatus | 'timed_out' | undefined
  /** Why the run did not complete (the run's own error, or the action's reason). */
  readonly error?: string | undefined
  /** The last run object the platform sent, for the `result` output. */
  readonly result?: unknown
  /** `result` leaves out long strings the platform sent (it notes each). */
  readonly resultReduced?: boolean | undefined
  /** The output's named values, when it is made of them (the latest view's). */
  readonly namedOutputs?: Readonly<Record<string, string>> | undefined
  /** What the run reported it used, when it did (the latest report). */
  readonly usage?: Usage | undefined
  /** When the action started the run (or began to follow it). */
  readonly startedAt?: number | undefined
  readonly finishedAt?: number | undefined
  /** The platform reported a terminal status: there is nothing left to wait for or cancel. */
  readonly finished: boolean
  /** A trigger is (or was, when it failed) on its way, and may have started a run not yet named. */
  readonly triggerInFlight?: boolean | undefined
}

/** What can happen to a run, as the run layer learns it. */
export type RunEvent =
  /** A trigger is about to be sent for the workflow. */
  | { type: 'trigger-sent'; workflowId: string; at: number }
  /** Whether a trigger attempt may be creating a run right now. */
  | { type: 'trigger-in-flight'; inFlight: boolean }
  /** The action begins to follow a run started elsewhere (named once its id is accepted). */
  | { type: 'follow-started'; workflowId: string | undefined; at: number }
  /** The platform named the run (and maybe its thread). */
  | { type: 'run-named'; runId: string; threadId?: string | undefined }
  /** A stream event named the thread after the run. */
  | { type: 'thread-named'; threadId: string }
  /** A stream event carried the run's error. */
  | { type: 'error-reported'; error: string }
  /** A view of the run: a trigger's or get's response, or what a stream event said. */
  | { type: 'snapshot-read'; snapshot: RunSnapshot; at: number }
  /**
   * A stream event carried an output (whose named values, if any, replace the earlier view's),
   * or the run's usage.
   */
  | { type: 'details-read'; output?: { named: Record<string, string> | undefined }; usage?: Usage }
  /** The action stopped waiting at its deadline. */
  | { type: 'timed-out'; at: number; waitedMs: number }
  /** What became of the run after the action stopped waiting (a cancel, or none). */
  | { type: 'left'; sentence: string }
  /** The job was cancelled: `where` says what the step was doing, and what became of the run. */
  | { type: 'job-cancelled'; at: number; message: string; where: string }

export const NEW_RUN: RunState = { finished: false }

/**
 * The one function that changes the run's state. A finished run keeps its end: no later
 * event of the action's (a timeout, a cancelled job) rewrites its status, its error or when
 * it ended; what the platform itself says later of it is still read.
 */
export function applyRunEvent(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'trigger-sent':
      return { ...state, workflowId: event.workflowId, startedAt: event.at }
    case 'trigger-in-flight':
      return { ...state, triggerInFlight: event.inFlight }
    case 'follow-started':
      return { ...state, workflowId: event.workflowId, startedAt: event.at }
    case 'run-named':
      if (state.runId !== undefined) return state
      return { ...state, runId: event.runId, threadId: event.threadId ?? state.threadId }
    case 'thread-named':
      return state.threadId === undefined ? { ...state, threadId: event.threadId } : state
    case 'error-reported':
      // The run's own words, even after its status (a stream may say why it ended last).
      return { ...state, error: event.error }
    case 'snapshot-read':
      return withSnapshot(state, event.snapshot, event.at)
    case 'details-read':
      return {
        ...state,
        namedOutputs: event.output ? event.output.named : state.namedOutputs,
        usage: mergedUsage(state.usage, event.usage)
      }
    case 'timed-out':
      if (state.finished) return state
      return {
        ...state,
        status: 'timed_out',
        finishedAt: event.at,
        error:
          `Gave up waiting for run ${state.runId} after ${formatSeconds(event.waitedMs)} s ` +
          `(last status: ${lastRawStatus(state)}). Raise \`timeout\` if the workflow needs longer.`
      }
    case 'left':
      if (state.status !== 'timed_out') return state
      return { ...state, error: `${state.error ?? ''} ${event.sentence}`.trim() }
    case 'job-cancelled':
      if (state.finished) return state
      return {
        ...state,
        status: 'cancelled',
        error: `${event.message} ${event.where}`,
        finishedAt: state.finishedAt ?? event.at
      }
  }
}

/**
 * Copies what a snapshot says into the state; a terminal status marks the run finished, once:
 * a later view (a stream's last events) still updates the thread, status and `result`, never
 * the end or the error.
 */
function withSnapshot(state: RunState, snapshot: RunSnapshot, at: number): RunState {
  const next: RunState = {
    ...state,
    threadId: snapshot.threadId || state.threadId,
    status: snapshot.status ?? state.status,
    result: snapshot.raw,
    resultReduced: snapshot.rawReduced === true,
    // The named values are the latest output's: an output without them has none.
    namedOutputs: snapshot.output !== undefined ? snapshot.named : state.namedOutputs,
    usage: mergedUsage(state.usage, snapshot.usage)
  }
  if (state.finished || !isTerminal(snapshot.status)) return next
  const error =
    snapshot.status === 'failed'
      ? (snapshot.error ?? state.error ?? 'The run failed without an error message.')
      : snapshot.status === 'cancelled'
        ? (snapshot.error ?? 'The run was cancelled on the platform.')
        : undefined
  return { ...next, finished: true, finishedAt: at, error }
}

/** What a later report says of usage, over what an earlier one said (a cost after the counts). */
function mergedUsage(earlier: Usage | undefined, later: Usage | undefined): Usage | undefined {
  return later === undefined ? earlier : { ...earlier, ...later }
}

function lastRawStatus(state: RunState): string {
  const raw = state.result as { status?: unknown } | undefined
  return typeof raw?.status === 'string' ? raw.status : 'unknown'
}

/** The run's state as the run layer keeps it: read by anyone, changed only by events. */
export class RunRecord {
  private state: RunState = NEW_RUN

  get current(): RunState {
    return this.state
  }

  apply(event: RunEvent): RunState {
    this.state = applyRunEvent(this.state, event)
    return this.state
  }
}
