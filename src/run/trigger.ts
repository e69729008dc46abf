import type { RequestContext, TriggeredRun, TriggerRequest } from '../platform/client.js'
import { abortedLater } from '../util/abort.js'
import type { RunDeps } from './deps.js'
import { recordSnapshot, type RunState } from './state.js'
import type { RunTiming } from './timing.js'

/**
 * How long a trigger already sent may go on after the job is cancelled: its answer names the
 * run, which can then be cancelled rather than left running unseen.
 */
const TRIGGER_SETTLE_MS = 2_500

/** POSTs the trigger and records the run it created; following it is the caller's choice. */
export async function triggerRun(
  request: TriggerRequest,
  timing: RunTiming,
  deps: RunDeps,
  state: RunState
): Promise<void> {
  const run = await deps.client.trigger(request, beginTrigger(request, timing, deps, state))
  await recordTriggeredRun(run, deps, state)
  // Cancelled while the trigger was on its way: the run is known now, and the caller cancels it.
  deps.signal.throwIfAborted()
  deps.logger.info(
    `Started run ${run.runId} of workflow ${request.workflowId}` +
      `${state.threadId ? ` in thread ${state.threadId}` : ''} (${run.rawStatus ?? 'status unknown'}).`
  )
}

/**
 * Notes that a trigger is about to be sent, and gives its request context: the overall deadline,
 * the job's signal for every wait, and for the request itself a signal that lets it finish for
 * a moment after the job is cancelled (its answer names the run to cancel); the state learns
 * whether the trigger may be creating a run right now.
 */
export function beginTrigger(
  request: TriggerRequest,
  timing: RunTiming,
  deps: RunDeps,
  state: RunState
): RequestContext {
  state.workflowId = request.workflowId
  state.startedAt = timing.startedAt
  deps.signal.throwIfAborted()
  return {
    deadline: timing.deadline,
    signal: deps.signal,
    requestSignal: abortedLater(deps.signal, TRIGGER_SETTLE_MS),
    onInFlight: inFlight => (state.triggerInFlight = inFlight)
  }
}

/** Notes the run a trigger answered with; an output it already carries goes to the sink. */
export async function recordTriggeredRun(
  run: TriggeredRun,
  deps: RunDeps,
  state: RunState
): Promise<void> {
  // Told first: an id the action must not use is refused before anything uses it.
  deps.onRunStarted?.(run.runId)
  state.runId = run.runId
  recordSnapshot(state, run, deps.clock.now())
  if (run.output !== undefined) await deps.sink.replace(run.output)
}
