import type { Clock } from './clock.js'
import { formatSeconds } from './duration.js'
import type { Logger } from './logger.js'
import type { RequestContext, StartedRun, TriggerRequest } from './platform-client.js'
import { isTerminal, type RunSnapshot } from './run-response.js'
import type { RunState } from './run-state.js'
import { waitForRun, type RunReader } from './wait.js'

export interface RunSettings {
  workflowId: string
  trigger: TriggerRequest
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  maxPollIntervalMs: number
}

export interface RunDeps {
  client: RunReader & {
    triggerRun(trigger: TriggerRequest, context: RequestContext): Promise<StartedRun>
  }
  clock: Clock
  logger: Logger
  signal?: AbortSignal
}

/**
 * Triggers the run and, unless told not to, waits for its end. Everything learnt goes into
 * `state` as soon as it is known, so that a failure part-way still reports the run id.
 * API failures are thrown; a run that fails or times out is a state, not an exception.
 */
export async function runWorkflow(
  settings: RunSettings,
  deps: RunDeps,
  state: RunState
): Promise<void> {
  const { clock, logger } = deps
  const deadline = beginRun(settings, clock, state)
  const started = await deps.client.triggerRun(settings.trigger, {
    deadline,
    ...(deps.signal ? { signal: deps.signal } : {})
  })
  state.runId = started.runId
  recordSnapshot(state, started, clock)
  logger.info(
    `Started run ${started.runId} of workflow ${settings.workflowId}` +
      `${state.threadId ? ` in thread ${state.threadId}` : ''} (${started.rawStatus ?? 'status unknown'}).`
  )
  if (!settings.wait) return
  await followRun(settings, deps, state, deadline)
}

/** Gets the run in `state` until it ends or the deadline passes; logs status changes. */
export async function followRun(
  settings: RunSettings,
  deps: RunDeps,
  state: RunState,
  deadline: number,
  getFirst = false
): Promise<void> {
  const { clock, logger } = deps
  const runId = state.runId
  if (runId === undefined || state.finished) return
  let lastStatus = state.status
  const result = await waitForRun(deps.client, {
    runId,
    startedAt: state.triggeredAt ?? clock.now(),
    deadline,
    pollIntervalMs: settings.pollIntervalMs,
    maxPollIntervalMs: settings.maxPollIntervalMs,
    clock,
    getFirst,
    ...(deps.signal ? { signal: deps.signal } : {}),
    onSnapshot: snapshot => {
      recordSnapshot(state, snapshot, clock)
      // The end is reported once, by main, with the duration.
      if (snapshot.status !== lastStatus && !isTerminal(snapshot.status)) {
        logger.info(`Run ${runId} is ${snapshot.rawStatus ?? 'in an unknown state'}.`)
        lastStatus = snapshot.status
      }
    }
  })
  logger.debug(`${result.gets} gets of run ${runId}`)
  if (result.timedOut) noteTimeout(state, settings, clock)
}

/** Notes the start in `state`; returns the deadline that `timeout` sets for the whole run. */
export function beginRun(settings: RunSettings, clock: Clock, state: RunState): number {
  state.workflowId = settings.workflowId
  state.triggeredAt = clock.now()
  return state.triggeredAt + settings.timeoutMs
}

export function noteTimeout(state: RunState, settings: RunSettings, clock: Clock): void {
  state.status = 'timed_out'
  state.finishedAt = clock.now()
  state.error =
    `Gave up waiting for run ${state.runId} after ${formatSeconds(settings.timeoutMs)} s ` +
    `(last status: ${lastRawStatus(state)}); the run may still be going on the platform. ` +
    'Raise `timeout` if the workflow needs longer.'
}

function lastRawStatus(state: RunState): string {
  const raw = state.result as { status?: unknown } | undefined
  return typeof raw?.status === 'string' ? raw.status : 'unknown'
}

/** Copies what a snapshot says into the state; a terminal status marks the run finished. */
export function recordSnapshot(state: RunState, snapshot: RunSnapshot, clock: Clock): void {
  if (snapshot.threadId) state.threadId = snapshot.threadId
  if (snapshot.status) state.status = snapshot.status
  if (snapshot.output !== undefined) state.output = snapshot.output
  state.result = snapshot.raw
  if (isTerminal(snapshot.status) && !state.finished) {
    state.finished = true
    state.finishedAt = clock.now()
    if (snapshot.status === 'failed') {
      state.error = snapshot.error ?? state.error ?? 'The run failed without an error message.'
    }
    if (snapshot.status === 'completed') delete state.error
    if (snapshot.status === 'cancelled') {
      state.error = snapshot.error ?? 'The run was cancelled on the platform.'
    }
  }
}
