import type { LiveLog } from '../output/live-log.js'
import type { EventBytes, TriggerRequest } from '../platform/client.js'
import { ApiError } from '../platform/errors.js'
import { isTerminal } from '../platform/status.js'
import { readEventStream, type StreamUpdate } from '../platform/stream-events.js'
import { chosenOutput } from '../platform/run-object.js'
import { getErrorMessage } from '../util/errors.js'
import { IdleWatch } from '../util/idle-watch.js'
import type { RunDeps } from './deps.js'
import { followRun } from './poll.js'
import { logStarted, nameRun, statusLog } from './progress.js'
import type { RunRecord } from './state.js'
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
  record: RunRecord
): Promise<void> {
  const { clock, logger } = deps
  // The request's own signal also bounds the stream: after a cancel, only until the event that
  // names the run.
  const response = await deps.client.stream(request, beginTrigger(request, timing, deps, record))
  if (response.kind === 'run') {
    // The platform answered with a run object rather than a stream: follow it by polling.
    await recordTriggeredRun(response.run, deps, record)
    deps.signal.throwIfAborted()
    logger.info(`Started run ${response.run.runId}; the platform sent no stream, so it is polled.`)
    return followRun(response.run.runId, timing, deps, record, { getFirst: true })
  }

  const idleTimeoutMs = deps.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS
  const reading = await readRunEvents(response.events, timing, deps, record, idleTimeoutMs)
  deps.live.close()
  deps.signal.throwIfAborted()
  const state = record.current
  if (state.finished) return

  const now = clock.now()
  if (now >= timing.deadline && state.runId !== undefined) {
    record.apply({ type: 'timed-out', at: now, waitedMs: timing.deadline - timing.startedAt })
    return
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
  return followRun(state.runId, timing, deps, record, { getFirst: true })
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
  timing: RunTiming,
  deps: StreamDeps,
  record: RunRecord,
  idleTimeoutMs: number
): Promise<Reading> {
  const { clock, logger } = deps
  // The first status is told by the "Started run" line; the end, by the action with the duration.
  const sayStatus = statusLog(logger, record.current.status, false)
  let stopAfterTerminal: (() => void) | undefined
  let idleExpired = false
  const idle = new IdleWatch(clock, idleTimeoutMs, () => {
    idleExpired = true
    events.destroy(new Error('no event or heartbeat'))
  })
  const stopAtDeadline = clock.setTimer(Math.max(0, timing.deadline - clock.now()), () =>
    events.destroy(new Error('timeout spent'))
  )
  // When the job is cancelled the stream stops, but not before it has named the run (which
  // the request's own signal bounds), so that the run can be cancelled too.
  const stopWhenNamed = (): void => {
    if (deps.signal.aborted && record.current.runId !== undefined) {
      events.destroy(new Error('job cancelled'))
    }
  }
  deps.signal.addEventListener('abort', stopWhenNamed, { once: true })

  const onUpdate = async (update: StreamUpdate): Promise<void> => {
    if (update.runId && record.current.runId === undefined) {
      nameRun(record, deps, update.runId, update.threadId)
      stopWhenNamed()
      logStarted(logger, record.current, '; streaming its output.')
    } else if (update.threadId) {
      record.apply({ type: 'thread-named', threadId: update.threadId })
    }
    if (update.piece !== undefined) {
      deps.live.push(update.piece)
      await deps.sink.append(update.piece)
    }
    const output = chosenOutput(update, deps.outputName)
    if (output !== undefined) await deps.sink.replace(output)
    if (update.output !== undefined || update.usage !== undefined) {
      record.apply({
        type: 'details-read',
        output: update.output === undefined ? undefined : { named: update.named },
        usage: update.usage
      })
    }
    if (update.error !== undefined) record.apply({ type: 'error-reported', error: update.error })
    if (update.status === undefined) return
    const state = record.current
    // The stream has no run object; `result` gets the run as the events described it.
    const raw = {
      run_id: state.runId,
      thread_id: state.threadId,
      status: update.rawStatus,
      ...(state.error === undefined ? {} : { error: state.error })
    }
    record.apply({
      type: 'snapshot-read',
      snapshot: { status: update.status, raw, error: update.error },
      at: clock.now()
    })
    sayStatus(state.runId, update.status, update.rawStatus)
    if (isTerminal(update.status) && stopAfterTerminal === undefined) {
      // A final output or [DONE] may follow; a server that keeps the stream open says nothing
      // more that matters, and the step must end with the run.
      stopAfterTerminal = clock.setTimer(AFTER_TERMINAL_GRACE_MS, () =>
        events.destroy(new Error('closed after the run ended'))
      )
    }
  }

  idle.arm()
  try {
    const end = await readEventStream(events, { onUpdate, onActivity: () => idle.touch() })
    return { end, idle: idleExpired }
  } catch (cause) {
    return { end: 'broken', idle: idleExpired, cause }
  } finally {
    idle.stop()
    stopAtDeadline()
    stopAfterTerminal?.()
    deps.signal.removeEventListener('abort', stopWhenNamed)
    events.destroy()
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
