import { ApiError, type ApiErrorKind } from '../platform/errors.js'
import { chosenOutput, type RunSnapshot } from '../platform/run-object.js'
import { isTerminal } from '../platform/status.js'
import type { RequestContext } from '../platform/client.js'
import type { Clock } from '../util/clock.js'
import type { RunDeps } from './deps.js'
import { nameRun, statusLog } from './progress.js'
import type { RunRecord } from './state.js'
import { MIN_POLL_DELAY_MS, type RunTiming } from './timing.js'

/**
 * How much of the time already waited the next delay may be. With the default interval (1 s)
 * and ceiling (4.8 s), a run is got every second for its first two seconds, then ever more
 * rarely, every 4.8 s from its tenth second on: on run lengths spread as users' are (1 s to
 * 10 min, log-uniform), that notices the end sooner than a fixed 5 s poller (mean lag 0.73×,
 * p95 below its) for 1.2× its gets, and runs up to 10 s within a second on average.
 * docs/benchmarks.md shows the computed curve this was chosen from.
 */
export const POLL_GROWTH = 0.5

export function nextPollDelayMs(
  elapsedMs: number,
  pollIntervalMs: number,
  maxPollIntervalMs: number
): number {
  const delay = Math.min(maxPollIntervalMs, Math.max(pollIntervalMs, elapsedMs * POLL_GROWTH))
  return Math.max(MIN_POLL_DELAY_MS, delay)
}

// The last get is allowed to finish a little past the deadline, so that a run which ended
// just in time is reported as finished rather than as timed out.
const FINAL_GET_GRACE_MS = 5_000

const LASTING_ERRORS: ReadonlySet<ApiErrorKind> = new Set([
  'auth',
  'permission',
  'not-found',
  'invalid-request'
])

export interface RunReader {
  get(runId: string, context: RequestContext): Promise<RunSnapshot>
}

export interface PollOptions {
  timing: RunTiming
  clock: Clock
  signal: AbortSignal
  onSnapshot: (snapshot: RunSnapshot) => void
  /** Get the run at once, before the first delay (after a stream fell through). */
  getFirst?: boolean
}

/** Gets the run until its status is terminal or the deadline passes. */
export async function pollRun(
  reader: RunReader,
  runId: string,
  options: PollOptions
): Promise<{ timedOut: boolean; gets: number }> {
  const { clock, timing, signal } = options
  let gets = 0
  // Each get is due at a time the schedule sets from the one before it, not from when the
  // get before it returned: the time a get takes does not push every later one back, so the
  // gets fall where the schedule (and the computed figures in BENCHMARKS.md) put them. A get
  // that returns after the next one was due is followed after the shortest pause.
  // The schedule starts when following does (just after the trigger answered, for a run this
  // step started), not when the step did: the seconds spent starting up and triggering are
  // not time the run has been running, and gets spent in them would find nothing.
  const origin = clock.now()
  let dueAt = origin
  for (let first = true; ; first = false) {
    const now = clock.now()
    if (first && options.getFirst) dueAt = now
    else {
      const delay = nextPollDelayMs(dueAt - origin, timing.pollIntervalMs, timing.maxPollIntervalMs)
      dueAt = Math.max(dueAt + delay, now + (first ? 0 : MIN_POLL_DELAY_MS))
    }
    await clock.sleep(Math.max(0, Math.min(dueAt, timing.deadline) - now), signal)
    let snapshot: RunSnapshot
    try {
      snapshot = await reader.get(runId, { deadline: timing.deadline + FINAL_GET_GRACE_MS, signal })
    } catch (error) {
      // Past the deadline a passing failure means "timed out"; a lasting one is still itself.
      const lasting = error instanceof ApiError && LASTING_ERRORS.has(error.kind)
      if (!lasting && clock.now() >= timing.deadline) return { timedOut: true, gets }
      throw error
    }
    gets++
    options.onSnapshot(snapshot)
    if (isTerminal(snapshot.status)) return { timedOut: false, gets }
    if (clock.now() >= timing.deadline) return { timedOut: true, gets }
  }
}

/**
 * Follows a run by getting it until it ends or the deadline passes: the state is kept up to
 * date, status changes are logged, and the last output read replaces what the sink holds.
 */
export async function followRun(
  runId: string,
  timing: RunTiming,
  deps: RunDeps,
  record: RunRecord,
  options: { getFirst?: boolean } = {}
): Promise<void> {
  const { clock, logger } = deps
  if (record.current.runId !== runId) nameRun(record, deps, runId)
  if (record.current.finished) return
  const sayStatus = statusLog(logger, record.current.status, true)
  let output: RunSnapshot['output']
  try {
    const result = await pollRun(deps.client, runId, {
      timing,
      clock,
      signal: deps.signal,
      getFirst: options.getFirst,
      onSnapshot: snapshot => {
        record.apply({ type: 'snapshot-read', snapshot, at: clock.now() })
        const chosen = chosenOutput(snapshot, deps.outputName)
        if (chosen !== undefined) output = chosen
        sayStatus(runId, snapshot.status, snapshot.rawStatus)
      }
    })
    logger.debug(`${result.gets} gets of run ${runId}`)
    if (result.timedOut) {
      record.apply({
        type: 'timed-out',
        at: clock.now(),
        waitedMs: timing.deadline - timing.startedAt
      })
    }
  } finally {
    // Even when a get fails for good, the output read before it is the run's latest.
    if (output !== undefined) await deps.sink.replace(output)
  }
}
