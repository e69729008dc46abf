import type { TriggeredRun, TriggerRequest } from '../platform/client.js'
import { abortedLater } from '../util/abort.js'
import type { RunDeps } from './deps.js'
import { recordSnapshot, type RunState } from './state.js'
import type { RunTiming } from './timing.js'

/**
 * How long a trigger already sent may go on after the job is cancelled: its answer names the
 * run, which can then be cancelled rather than left running unseen.
 */
export const TRIGGER_SETTLE_MS = 2_500

/** POSTs the trigger and records the run it created; following it is the caller's choice. */
export async function triggerRun(
  request: TriggerRequest,
  timing: RunTiming,
  deps: RunDeps,
  state: RunState
): Promise<void> {
  state.workflowId = request.workflowId
  state.startedAt = timing.startedAt
  deps.signal.throwIfAborted()
  const run = await deps.client.trigger(request, {
    deadline: timing.deadline,
    signal: deps.signal,
    requestSignal: abortedLater(deps.signal, TRIGGER_SETTLE_MS),
    onInFlight: inFlight => (state.triggerInFlight = inFlight)
  })
  await recordTriggeredRun(run, deps, state)
  // Cancelled while the trigger was on its way: the run is known now, and the caller cancels it.
  deps.signal.throwIfAborted()
  deps.logger.info(
    `Started run ${run.runId} of workflow ${request.workflowId}` +
      `${state.threadId ? ` in thread ${state.threadId}` : ''} (${run.rawStatus ?? 'status unknown'}).`
  )
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
