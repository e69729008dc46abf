import type { RequestContext, TriggeredRun, TriggerRequest } from '../platform/client.js'
import { chosenOutput } from '../platform/run-object.js'
import { abortedLater } from '../util/abort.js'
import type { RunDeps } from './deps.js'
import { logStarted, nameRun } from './progress.js'
import type { RunRecord } from './state.js'
import type { RunTiming } from './timing.js'

/**
 * How long a trigger already sent may go on after the job is cancelled: its response names the
 * run, which can then be cancelled rather than left running unseen.
 */
const TRIGGER_GRACE_MS = 2_500

/** POSTs the trigger and records the run it created; following it is the caller's choice. */
export async function triggerRun(
  request: TriggerRequest,
  timing: RunTiming,
  deps: RunDeps,
  record: RunRecord
): Promise<void> {
  const run = await deps.client.trigger(request, beginTrigger(request, timing, deps, record))
  await recordTriggeredRun(run, deps, record)
  // Cancelled while the trigger was on its way: the run is known now, and the caller cancels it.
  deps.signal.throwIfAborted()
  logStarted(deps.logger, record.current, ` (${run.rawStatus ?? 'status unknown'}).`)
}

/**
 * Notes that a trigger is about to be sent, and gives its request context: the overall deadline,
 * the job's signal for every wait, and for the request itself a signal that lets it finish for
 * a moment after the job is cancelled (its response names the run to cancel); the state learns
 * whether the trigger may be creating a run right now.
 */
export function beginTrigger(
  request: TriggerRequest,
  timing: RunTiming,
  deps: RunDeps,
  record: RunRecord
): RequestContext {
  record.apply({ type: 'trigger-sent', workflowId: request.workflowId, at: timing.startedAt })
  deps.signal.throwIfAborted()
  return {
    deadline: timing.deadline,
    signal: deps.signal,
    requestSignal: abortedLater(deps.signal, TRIGGER_GRACE_MS),
    onInFlight: inFlight => record.apply({ type: 'trigger-in-flight', inFlight })
  }
}

/** Notes the run a trigger answered with; an output it already carries goes to the sink. */
export async function recordTriggeredRun(
  run: TriggeredRun,
  deps: RunDeps,
  record: RunRecord
): Promise<void> {
  // Named first: an id the action must not use is refused before anything uses it.
  nameRun(record, deps, run.runId, run.threadId)
  record.apply({ type: 'snapshot-read', snapshot: run, at: deps.clock.now() })
  const output = chosenOutput(run, deps.outputName)
  if (output !== undefined) await deps.sink.replace(output)
}
