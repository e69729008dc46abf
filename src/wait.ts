import type { Clock } from './clock.js'
import { ApiError, type ApiErrorKind } from './errors.js'
import type { RequestContext } from './platform-client.js'
import { isTerminal, type RunSnapshot } from './run-response.js'

/**
 * How much of the time already waited the next delay may be. Short runs are noticed within
 * about a poll interval, long ones cost few requests: 6 gets for a 6 s run, 19 for 60 s,
 * and the lag after completion stays near a fifth of the run's length, capped at the maximum.
 */
export const POLL_GROWTH = 0.2

export function nextPollDelayMs(
  elapsedMs: number,
  pollIntervalMs: number,
  maxPollIntervalMs: number
): number {
  return Math.min(maxPollIntervalMs, Math.max(pollIntervalMs, elapsedMs * POLL_GROWTH))
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
  getRun(runId: string, context: RequestContext): Promise<RunSnapshot>
}

export interface WaitOptions {
  runId: string
  /** When the run was started: delays grow with the time since then. */
  startedAt: number
  deadline: number
  pollIntervalMs: number
  maxPollIntervalMs: number
  clock: Clock
  signal?: AbortSignal
  onSnapshot?: (snapshot: RunSnapshot) => void
  /** Get the run at once, before the first delay (after a stream fell through). */
  getFirst?: boolean
}

export interface WaitResult {
  /** The last snapshot read, terminal unless timed out. */
  snapshot: RunSnapshot | undefined
  timedOut: boolean
  gets: number
}

/** Gets the run until its status is terminal or the deadline passes. */
export async function waitForRun(reader: RunReader, options: WaitOptions): Promise<WaitResult> {
  const { clock, deadline } = options
  let snapshot: RunSnapshot | undefined
  let gets = 0
  for (let first = true; ; first = false) {
    const now = clock.now()
    const delay =
      first && options.getFirst
        ? 0
        : nextPollDelayMs(
            now - options.startedAt,
            options.pollIntervalMs,
            options.maxPollIntervalMs
          )
    await clock.sleep(Math.max(0, Math.min(now + delay, deadline) - now), options.signal)
    try {
      snapshot = await reader.getRun(options.runId, {
        deadline: deadline + FINAL_GET_GRACE_MS,
        ...(options.signal ? { signal: options.signal } : {})
      })
    } catch (error) {
      // Past the deadline a passing failure means "timed out"; a lasting one is still itself.
      const lasting = error instanceof ApiError && LASTING_ERRORS.has(error.kind)
      if (!lasting && clock.now() >= deadline) return { snapshot, timedOut: true, gets }
      throw error
    }
    gets++
    options.onSnapshot?.(snapshot)
    if (isTerminal(snapshot.status)) return { snapshot, timedOut: false, gets }
    if (clock.now() >= deadline) return { snapshot, timedOut: true, gets }
  }
}
