import type { TriggeredRun, TriggerRequest } from '../platform/client.js'
import type { RunDeps } from './deps.js'
import { recordSnapshot, type RunState, type RunTiming } from './state.js'

/** POSTs the trigger and records the run it created; following it is the caller's choice. */
export async function triggerRun(
  request: TriggerRequest,
  timing: RunTiming,
  deps: RunDeps,
  state: RunState
): Promise<void> {
  state.workflowId = request.workflowId
  state.startedAt = timing.startedAt
  const run = await deps.client.trigger(request, {
    deadline: timing.deadline,
    signal: deps.signal
  })
  await recordTriggeredRun(run, deps, state)
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
  state.runId = run.runId
  recordSnapshot(state, run, deps.clock.now())
  if (run.output !== undefined) await deps.sink.replace(run.output)
}
