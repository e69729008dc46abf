/** When the run began and how long the action may wait for it; every wait obeys `deadline`. */
export interface RunTiming {
  startedAt: number
  deadline: number
  pollIntervalMs: number
  maxPollIntervalMs: number
}

/**
 * The shortest pause between two gets of a run, whatever the inputs say: the same floor the
 * retries use, so that no setting turns polling into a busy loop.
 */
export const MIN_POLL_DELAY_MS = 200
