import { ApiError } from './errors.js'
import type { LiveLog } from './live-log.js'
import type { OutputSink } from './output-sink.js'
import type { StreamStart, TriggerRequest, RequestContext } from './platform-client.js'
import { isTerminal } from './run-response.js'
import type { RunState } from './run-state.js'
import { readEventStream, type StreamUpdate } from './stream-events.js'
import {
  beginRun,
  followRun,
  noteTimeout,
  recordSnapshot,
  type RunDeps,
  type RunSettings
} from './run-workflow.js'

/** With nothing at all (not even a heartbeat) for this long, the stream is given up for polling. */
export const STREAM_IDLE_TIMEOUT_MS = 60_000
// After a terminal status, a final `output` or `[DONE]` may still be on its way.
const AFTER_TERMINAL_GRACE_MS = 1_000

export interface StreamDeps extends RunDeps {
  client: RunDeps['client'] & {
    openRunStream(trigger: TriggerRequest, context: RequestContext): Promise<StreamStart>
  }
  output: OutputSink
  live: LiveLog
  idleTimeoutMs?: number
}

/**
 * Triggers the run through the streaming endpoint and follows its events: output is echoed
 * to the log and written to the output file as it comes, and the step ends with the run.
 * If the stream ends, breaks or goes quiet first, the run is followed by getting it by id,
 * never by triggering again.
 */
export async function streamWorkflow(
  settings: RunSettings,
  deps: StreamDeps,
  state: RunState
): Promise<void> {
  const { clock, logger } = deps
  const deadline = beginRun(settings, clock, state)
  const signal = deps.signal ? { signal: deps.signal } : {}

  const start = await deps.client.openRunStream(settings.trigger, { deadline, ...signal })
  if (start.kind === 'run') {
    // The platform answered with a run object rather than a stream: follow it by polling.
    state.runId = start.run.runId
    recordSnapshot(state, start.run, clock)
    logger.info(`Started run ${start.run.runId}; the platform sent no stream, so it is polled.`)
    return followAfterStream(settings, deps, state, deadline)
  }

  let lastStatus = state.status
  let afterTerminal: NodeJS.Timeout | undefined
  let idle: NodeJS.Timeout | undefined
  let idleExpired = false
  const resetIdle = (): void => {
    clearTimeout(idle)
    idle = setTimeout(() => {
      idleExpired = true
      start.events.destroy(new Error('no event or heartbeat'))
    }, deps.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS)
  }
  const untilDeadline = setTimeout(
    () => start.events.destroy(new Error('timeout spent')),
    Math.max(0, deadline - clock.now())
  )

  const onUpdate = async (update: StreamUpdate): Promise<void> => {
    if (update.runId && state.runId === undefined) {
      state.runId = update.runId
      if (update.threadId) state.threadId = update.threadId
      logger.info(
        `Started run ${update.runId} of workflow ${settings.workflowId}` +
          `${state.threadId ? ` in thread ${state.threadId}` : ''}; streaming its output.`
      )
    } else if (update.threadId && state.threadId === undefined) {
      state.threadId = update.threadId
    }
    if (update.piece !== undefined) {
      deps.live.push(update.piece)
      await deps.output.append(update.piece)
    }
    if (update.output !== undefined) await deps.output.replace(update.output)
    if (update.error !== undefined) state.error = update.error
    if (update.status !== undefined) {
      // The stream has no run object; `result` gets the run as the events described it.
      const raw = {
        run_id: state.runId,
        thread_id: state.threadId,
        status: update.rawStatus,
        ...(state.error === undefined ? {} : { error: state.error })
      }
      recordSnapshot(state, { status: update.status, raw, ...errorOf(update) }, clock)
      // The first status is told by the "Started run" line; the end, by main with the duration.
      const changed = lastStatus !== undefined && update.status !== lastStatus
      if (changed && !isTerminal(update.status)) {
        logger.info(`Run ${state.runId ?? '(id not yet known)'} is ${update.rawStatus}.`)
      }
      lastStatus = update.status
      if (isTerminal(update.status) && afterTerminal === undefined) {
        // A final output or [DONE] may follow; a server that keeps the stream open says nothing
        // more that matters, and the step must end with the run.
        afterTerminal = setTimeout(
          () => start.events.destroy(new Error('closed after the run ended')),
          AFTER_TERMINAL_GRACE_MS
        )
      }
    }
  }

  let end: 'done' | 'ended' | 'broken' = 'broken'
  let cause: unknown
  resetIdle()
  try {
    end = await readEventStream(start.events, {
      onUpdate,
      onActivity: resetIdle
    })
  } catch (error) {
    cause = error
  } finally {
    clearTimeout(idle)
    clearTimeout(untilDeadline)
    clearTimeout(afterTerminal)
    start.events.destroy()
  }
  deps.live.close()

  if (state.finished) return
  if (clock.now() >= deadline && state.runId !== undefined)
    return noteTimeout(state, settings, clock)
  const why =
    clock.now() >= deadline
      ? `\`timeout\` was spent`
      : idleExpired
        ? `nothing arrived for ${(deps.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS) / 1000} s`
        : end === 'broken'
          ? `the stream broke (${cause instanceof Error ? cause.message : String(cause)})`
          : 'the stream ended before the run did'
  if (state.runId === undefined) {
    throw new ApiError(
      `The run's stream stopped before it named the run (${why}), so the action cannot follow ` +
        'it. A run may have started: check the platform before re-running this job.',
      { kind: 'protocol', runMayHaveStarted: true, cause }
    )
  }
  logger.info(`${capitalise(why)}; following run ${state.runId} by getting it.`)
  return followAfterStream(settings, deps, state, deadline)
}

async function followAfterStream(
  settings: RunSettings,
  deps: StreamDeps,
  state: RunState,
  deadline: number
): Promise<void> {
  const before = state.output
  await followRun(settings, deps, state, deadline, true)
  // The run as read replaces what the stream gave, when it carries an output.
  if (state.output !== undefined && state.output !== before) await deps.output.replace(state.output)
}

function errorOf(update: StreamUpdate): { error?: string } {
  return update.error === undefined ? {} : { error: update.error }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
