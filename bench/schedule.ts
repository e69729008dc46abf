import { nextPollDelayMs } from '../src/run/poll.js'
import { mean } from './stats.js'

// Polling on the run lengths users have: log-uniform between 1 s and 10 min, none chosen to
// line up with anyone's interval, computed exactly from each schedule ("on paper"; no I/O, no
// clock). bench/polling.ts measures the same as real processes. docs/benchmarks.md says how
// the default schedule was chosen from the computed curve.

const MIN_SECONDS = 1
const MAX_SECONDS = 600

/** A small seeded generator (mulberry32): the same lengths on every machine and every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `count` run lengths in seconds, log-uniform in [min, max], to the millisecond; a length
 * within 50 ms of a multiple of 5 s is drawn again, so that no fixed poller lands on an end.
 */
export function runLengths(
  seed: number,
  count: number,
  min = MIN_SECONDS,
  max = MAX_SECONDS
): number[] {
  const random = seeded(seed)
  const lengths: number[] = []
  while (lengths.length < count) {
    const seconds =
      Math.round(Math.exp(Math.log(min) + random() * Math.log(max / min)) * 1000) / 1000
    if (Math.abs(seconds - 5 * Math.round(seconds / 5)) >= 0.05) lengths.push(seconds)
  }
  return lengths
}

/** A poller's schedule: the pause before the next get, given the seconds waited so far. */
export interface Poller {
  name: string
  delaySeconds: (elapsedSeconds: number) => number
}

/** The defaults of poll-interval and max-poll-interval (action.yml). */
const DEFAULT_POLL_SECONDS = 1
const DEFAULT_MAX_POLL_SECONDS = 4.8

export const PAPER_POLLERS: Poller[] = [
  {
    name: 'this action (defaults)',
    delaySeconds: elapsed =>
      nextPollDelayMs(
        elapsed * 1000,
        DEFAULT_POLL_SECONDS * 1000,
        DEFAULT_MAX_POLL_SECONDS * 1000
      ) / 1000
  },
  ...[1, 5, 10, 60].map(seconds => ({
    name: `fixed ${seconds} s`,
    delaySeconds: (): number => seconds
  }))
]

/** Lag (first get at or after the end, minus the end) and gets, for one run of `seconds`. */
export function pollRunOnPaper(seconds: number, poller: Poller): { lag: number; gets: number } {
  let at = 0
  let gets = 0
  for (;;) {
    at += poller.delaySeconds(at)
    gets++
    if (at >= seconds) return { lag: at - seconds, gets }
  }
}

export interface PollingFigures {
  poller: string
  meanLag: number
  p95Lag: number
  worstLag: number
  getsPerRun: number
  /** Mean lag of the runs up to 10 s. */
  shortMeanLag: number
}

export function pollingFigures(lengths: number[], poller: Poller): PollingFigures {
  const runs = lengths.map(seconds => ({ seconds, ...pollRunOnPaper(seconds, poller) }))
  const lags = runs.map(run => run.lag).sort((a, b) => a - b)
  const short = runs.filter(run => run.seconds <= 10)
  return {
    poller: poller.name,
    meanLag: mean(lags),
    p95Lag: lags[Math.min(lags.length - 1, Math.ceil(0.95 * lags.length) - 1)] ?? NaN,
    worstLag: lags.at(-1) ?? NaN,
    getsPerRun: mean(runs.map(run => run.gets)),
    shortMeanLag: mean(short.map(run => run.lag))
  }
}

/** The seed and size of the computed mix (README and docs/benchmarks.md quote them). */
export const PAPER_SEED = 17
export const PAPER_LENGTHS = 2000
