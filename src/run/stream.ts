import type { LiveLog } from '../output/live-log.js'
import type { EventBytes, TriggerRequest } from '../platform/client.js'
import { ApiError } from '../platform/api-error.js'
import { isTerminal } from '../platform/status.js'
import { readEventStream, type StreamUpdate } from '../platform/stream-events.js'
import { getErrorMessage } from '../util/errors.js'
import type { RunDeps } from './deps.js'
import { followRun } from './poll.js'
import { recordSnapshot, recordTimeout, type RunState } from './state.js'
import type { RunTiming } from './timing.js'
import { beginTrigger, recordTriggeredRun } from './trigger.js'

/** With nothing at all (not even a heartbeat) for this long, the stream is given up for polling. */
const STREAM_IDLE_TIMEOUT_MS = 60_000
// After a terminal status, a final `output` or `[DONE]` may still be on its way.
const AFTER_TERMINAL_GRACE_MS = 1_000

export interface StreamDeps extends RunDeps {
  /** Echoes the output to the job log as it arrives. */
  live: LiveLog
  idleTimeoutMs?: number
}

/**
 * Triggers the run through the streaming endpoint and follows its events: output is echoed
 * to the log and written to the sink as it comes, and the step ends with the run. If the
 * stream ends, breaks or goes quiet first, the run is followed by getting it by id, never by
 * triggering again.
 */
export async function streamRun(
  request: TriggerRequest,
  timing: RunTiming,
  deps: StreamDeps,
  state: RunState
): Promise<void> {
  const { clock, logger } = deps
  // The request's own signal also bounds the stream: after a cancel, only until the event that
  // names the run.
  const answer = await deps.client.stream(request, beginTrigger(request, timing, deps, state))
  if (answer.kind === 'run') {
    // The platform answered with a run object rather than a stream: follow it by polling.
    await recordTriggeredRun(answer.run, deps, state)
    deps.signal.throwIfAborted()
    logger.info(`Started run ${answer.run.runId}; the platform sent no stream, so it is polled.`)
    return followRun(answer.run.runId, timing, deps, state, { getFirst: true })
  }

  const idleTimeoutMs = deps.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS
  const reading = await readRunEvents(answer.events, request, timing, deps, state, idleTimeoutMs)
  deps.live.close()
  deps.signal.throwIfAborted()
  if (state.finished) return

  const now = clock.now()
  if (now >= timing.deadline && state.runId !== undefined) {
    return recordTimeout(state, timing, now)
  }
  const why =
    now >= timing.deadline
      ? '`timeout` was spent'
      : reading.idle
        ? `nothing arrived for ${idleTimeoutMs / 1000} s`
        : reading.end === 'broken'
          ? `the stream broke (${getErrorMessage(reading.cause)})`
          : 'the stream ended before the run did'
  if (state.runId === undefined) {
    throw new ApiError(
      `The run's stream stopped before it named the run (${why}), so the action cannot follow ` +
        'it. A run may have started: check the platform before re-running this job.',
      { kind: 'protocol', runMayHaveStarted: true, cause: reading.cause }
    )
  }
  logger.info(`${capitalise(why)}; following run ${state.runId} by getting it.`)
  // The run as read then replaces what the stream gave, when it carries an output.
  return followRun(state.runId, timing, deps, state, { getFirst: true })
}

interface Reading {
  end: 'done' | 'ended' | 'broken'
  /** Nothing, not even a heartbeat, arrived for the idle timeout. */
  idle: boolean
  cause?: unknown
}

/** Reads the events into the state, the sink and the live log, until the stream stops. */
async function readRunEvents(
  events: EventBytes,
  request: TriggerRequest,
  timing: RunTiming,
  deps: StreamDeps,
  state: RunState,
  idleTimeoutMs: number
): Promise<Reading> {
  const { clock, logger } = deps
  let lastStatus = state.status
  let afterTerminal: NodeJS.Timeout | undefined
  let idle: NodeJS.Timeout | undefined
  let idleExpired = false
  let lastActivity = clock.now()
  // One timer, moved on only when it fires: a fast stream has activity thousands of times a
  // second, and re-arming a timer each time would cost more than reading the events.
  const watchIdle = (ms: number): void => {
    idle = setTimeout(() => {
      const quiet = clock.now() - lastActivity
      if (quiet < idleTimeoutMs) return watchIdle(idleTimeoutMs - quiet)
      idleExpired = true
      events.destroy(new Error('no event or heartbeat'))
    }, ms)
  }
  const resetIdle = (): void => {
    lastActivity = clock.now()
  }
  const untilDeadline = setTimeout(
    () => events.destroy(new Error('timeout spent')),
    Math.max(0, timing.deadline - clock.now())
  )
  // When the job is cancelled the stream stops, but not before it has named the run (which
  // the request's own signal bounds), so that the run can be cancelled too.
  const stopWhenNamed = (): void => {
    if (deps.signal.aborted && state.runId !== undefined) events.destroy(new Error('job cancelled'))
  }
  deps.signal.addEventListener('abort', stopWhenNamed, { once: true })

  const onUpdate = async (update: StreamUpdate): Promise<void> => {
    if (update.runId && state.runId === undefined) {
      deps.onRunStarted?.(update.runId)
      state.runId = update.runId
      stopWhenNamed()
      if (update.threadId) state.threadId = update.threadId
      logger.info(
        `Started run ${update.runId} of workflow ${request.workflowId}` +
          `${state.threadId ? ` in thread ${state.threadId}` : ''}; streaming its output.`
      )
    } else if (update.threadId && state.threadId === undefined) {
      state.threadId = update.threadId
    }
    if (update.piece !== undefined) {
      deps.live.push(update.piece)
      await deps.sink.append(update.piece)
    }
    if (update.output !== undefined) await deps.sink.replace(update.output)
    if (update.error !== undefined) state.error = update.error
    if (update.status === undefined) return
    // The stream has no run object; `result` gets the run as the events described it.
    const raw = {
      run_id: state.runId,
      thread_id: state.threadId,
      status: update.rawStatus,
      ...(state.error === undefined ? {} : { error: state.error })
    }
    recordSnapshot(state, { status: update.status, raw, error: update.error }, clock.now())
    // The first status is told by the "Started run" line; the end, by the action with the duration.
    if (lastStatus !== undefined && update.status !== lastStatus && !isTerminal(update.status)) {
      logger.info(`Run ${state.runId ?? '(id not yet known)'} is ${update.rawStatus}.`)
    }
    lastStatus = update.status
    if (isTerminal(update.status) && afterTerminal === undefined) {
      // A final output or [DONE] may follow; a server that keeps the stream open says nothing
      // more that matters, and the step must end with the run.
      afterTerminal = setTimeout(
        () => events.destroy(new Error('closed after the run ended')),
        AFTER_TERMINAL_GRACE_MS
      )
    }
  }

  watchIdle(idleTimeoutMs)
  try {
    const end = await readEventStream(events, { onUpdate, onActivity: resetIdle })
    return { end, idle: idleExpired }
  } catch (cause) {
    return { end: 'broken', idle: idleExpired, cause }
  } finally {
    clearTimeout(idle)
    clearTimeout(untilDeadline)
    clearTimeout(afterTerminal)
    deps.signal.removeEventListener('abort', stopWhenNamed)
    events.destroy()
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
