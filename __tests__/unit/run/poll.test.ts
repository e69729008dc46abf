import { describe, expect, it } from '@jest/globals'
import type { Clock } from '../../../src/util/clock.js'
import type { RequestContext } from '../../../src/platform/client.js'
import type { RunSnapshot } from '../../../src/platform/run-object.js'
import { nextPollDelayMs, POLL_GROWTH, pollRun } from '../../../src/run/poll.js'
import type { PollOptions, RunReader } from '../../../src/run/poll.js'

const LATENCY_MS = 20
// The defaults of poll-interval and max-poll-interval.
const POLL_MS = 1_000
const MAX_POLL_MS = 4_800

/** A clock whose sleep only moves time on. */
class FakeClock implements Clock {
  time = 0
  now(): number {
    return this.time
  }
  sleep(ms: number): Promise<void> {
    if (ms < 0) throw new Error(`asked to sleep ${ms} ms`)
    this.time += ms
    return Promise.resolve()
  }
  advance(ms: number): void {
    this.time += ms
  }
  setTimer(): () => void {
    throw new Error('polling sets no timer')
  }
}

/** A run that is running until `completesAt`, then completed; each get costs LATENCY_MS. */
class FakeRun implements RunReader {
  gets = 0
  readonly contexts: RequestContext[] = []
  constructor(
    private readonly clock: FakeClock,
    private readonly completesAt: number,
    private readonly failAt?: { from: number; error: Error }
  ) {}
  async get(runId: string, context: RequestContext): Promise<RunSnapshot> {
    this.gets++
    this.contexts.push(context)
    this.clock.advance(LATENCY_MS)
    if (this.failAt && this.clock.now() >= this.failAt.from) throw this.failAt.error
    const done = this.clock.now() >= this.completesAt
    const status = done ? 'completed' : 'running'
    return { runId, status, rawStatus: status, raw: { run_id: runId, status } }
  }
}

function options(clock: FakeClock, deadline: number): PollOptions {
  return {
    timing: { startedAt: 0, deadline, pollIntervalMs: POLL_MS, maxPollIntervalMs: MAX_POLL_MS },
    clock,
    signal: new AbortController().signal,
    onSnapshot: () => {}
  }
}

/** Polls run-1 and keeps the last snapshot seen. */
async function waitForRun(
  reader: RunReader,
  poll: PollOptions
): Promise<{ timedOut: boolean; gets: number; snapshot: RunSnapshot | undefined }> {
  let snapshot: RunSnapshot | undefined
  const result = await pollRun(reader, 'run-1', {
    ...poll,
    onSnapshot: seen => {
      snapshot = seen
      poll.onSnapshot(seen)
    }
  })
  return { ...result, snapshot }
}

describe('nextPollDelayMs', () => {
  it('starts at the poll interval', () => {
    expect(nextPollDelayMs(0, POLL_MS, MAX_POLL_MS)).toBe(POLL_MS)
    expect(nextPollDelayMs(1900, POLL_MS, MAX_POLL_MS)).toBe(POLL_MS)
  })

  it('grows with the time waited', () => {
    expect(POLL_GROWTH).toBe(0.5)
    expect(nextPollDelayMs(4_000, POLL_MS, MAX_POLL_MS)).toBe(2000)
    expect(nextPollDelayMs(9_000, POLL_MS, MAX_POLL_MS)).toBe(4500)
    expect(nextPollDelayMs(9_700, POLL_MS, MAX_POLL_MS)).toBe(MAX_POLL_MS)
  })

  it('stops at the maximum', () => {
    expect(nextPollDelayMs(10_000, POLL_MS, MAX_POLL_MS)).toBe(MAX_POLL_MS)
    expect(nextPollDelayMs(75_000, POLL_MS, MAX_POLL_MS)).toBe(MAX_POLL_MS)
    expect(nextPollDelayMs(3_600_000, POLL_MS, MAX_POLL_MS)).toBe(MAX_POLL_MS)
  })

  it('never polls faster than every 200 ms, whatever the settings', () => {
    expect(nextPollDelayMs(0, 1, 1)).toBe(200)
  })

  it('never waits less than the poll interval or more than the maximum', () => {
    for (let elapsed = 0; elapsed < 200_000; elapsed += 777) {
      const delay = nextPollDelayMs(elapsed, 500, 5000)
      expect(delay).toBeGreaterThanOrEqual(500)
      expect(delay).toBeLessThanOrEqual(5000)
    }
  })
})

describe('pollRun with a fake clock', () => {
  // With the defaults, a run is noticed within half its length (at least 1 s, at most 4.8 s),
  // and costs at most 6 gets more than a poller fixed at the ceiling.
  it.each([
    [1_500, 1_000 + LATENCY_MS, 2],
    [2_000, 1_000 + LATENCY_MS, 3],
    [6_000, 3_000 + LATENCY_MS, 6],
    [20_000, 5_000 + LATENCY_MS, 9],
    [60_000, 5_000 + LATENCY_MS, 17],
    [300_000, 5_000 + LATENCY_MS, 70]
  ])(
    'notices a run that ends at %d ms within %d ms, in at most %d gets',
    async (end, lag, most) => {
      const clock = new FakeClock()
      const reader = new FakeRun(clock, end)
      const result = await waitForRun(reader, options(clock, 600_000))
      expect(result.timedOut).toBe(false)
      expect(result.snapshot?.status).toBe('completed')
      expect(result.gets).toBe(reader.gets)
      expect(result.gets).toBeLessThanOrEqual(most)
      expect(clock.now()).toBeGreaterThanOrEqual(end)
      expect(clock.now() - end).toBeLessThanOrEqual(lag)
    }
  )

  it('keeps to the targets whenever the run ends, not only at round lengths', async () => {
    for (let end = 100; end <= 60_000; end += 373) {
      const clock = new FakeClock()
      const result = await waitForRun(new FakeRun(clock, end), options(clock, 600_000))
      expect([end, clock.now() - end]).toEqual([end, expect.any(Number)])
      const bound = Math.min(MAX_POLL_MS, Math.max(POLL_MS, end / 2))
      expect(clock.now() - end).toBeLessThanOrEqual(bound + LATENCY_MS)
      expect(result.gets).toBeLessThanOrEqual(Math.ceil(end / MAX_POLL_MS) + 6)
    }
  })

  it('keeps the gets on the schedule, whatever each one takes', async () => {
    const clock = new FakeClock()
    const starts: number[] = []
    // Each get takes 300 ms: the next is still due a second after the one before was due.
    const slow: RunReader = {
      get: runId => {
        starts.push(clock.now())
        clock.advance(300)
        const status = clock.now() >= 5_500 ? 'completed' : 'running'
        return Promise.resolve({ runId, status, rawStatus: status, raw: {} })
      }
    }
    await pollRun(slow, 'run-1', {
      ...options(clock, 60_000),
      timing: { startedAt: 0, deadline: 60_000, pollIntervalMs: 1000, maxPollIntervalMs: 1000 }
    })
    expect(starts).toEqual([1000, 2000, 3000, 4000, 5000, 6000])
  })

  it('starts the schedule when following starts, not when the step did', async () => {
    const clock = new FakeClock()
    clock.time = 8_000 // eight seconds of start-up and trigger before the run exists
    const starts: number[] = []
    const reader: RunReader = {
      get: runId => {
        starts.push(clock.now())
        const status = clock.now() >= 11_000 ? 'completed' : 'running'
        return Promise.resolve({ runId, status, rawStatus: status, raw: {} })
      }
    }
    await pollRun(reader, 'run-1', options(clock, 60_000))
    // 1 s, 1 s, then half the time waited (1.5 s): as for a run that started at 8 s.
    expect(starts).toEqual([9_000, 10_000, 11_000])
  })

  it('reports each snapshot', async () => {
    const clock = new FakeClock()
    const seen: Array<string | undefined> = []
    const result = await waitForRun(new FakeRun(clock, 3_000), {
      ...options(clock, 600_000),
      onSnapshot: snapshot => seen.push(snapshot.status)
    })
    expect(seen).toHaveLength(result.gets)
    expect(seen.at(-1)).toBe('completed')
    expect(seen.slice(0, -1).every(status => status === 'running')).toBe(true)
  })

  it('gives each get a deadline a little past the overall one', async () => {
    const clock = new FakeClock()
    const reader = new FakeRun(clock, 2_000)
    await waitForRun(reader, options(clock, 30_000))
    for (const context of reader.contexts) {
      expect(context.deadline).toBeGreaterThanOrEqual(30_000)
      expect(context.deadline).toBeLessThanOrEqual(30_000 + 10_000)
    }
  })

  it('times out at the deadline when the run never ends', async () => {
    const clock = new FakeClock()
    const reader = new FakeRun(clock, Number.POSITIVE_INFINITY)
    const result = await waitForRun(reader, options(clock, 30_000))
    expect(result.timedOut).toBe(true)
    expect(result.snapshot?.status).toBe('running')
    expect(clock.now()).toBeGreaterThanOrEqual(30_000)
    expect(clock.now()).toBeLessThanOrEqual(30_000 + LATENCY_MS)
    // The last sleep ends exactly at the deadline rather than a whole poll interval past it.
    expect(clock.now()).toBe(30_000 + LATENCY_MS)
    expect(result.gets).toBe(reader.gets)
    expect(result.gets).toBeLessThanOrEqual(20)
  })

  it('times out instead of failing when a get fails after the deadline', async () => {
    const clock = new FakeClock()
    const error = new Error('platform unreachable')
    const reader = new FakeRun(clock, Number.POSITIVE_INFINITY, { from: 30_000, error })
    const result = await waitForRun(reader, options(clock, 30_000))
    expect(result.timedOut).toBe(true)
    expect(result.snapshot?.status).toBe('running')
    expect(result.gets).toBe(reader.gets - 1)
  })

  it('rethrows a failure before the deadline', async () => {
    const clock = new FakeClock()
    const error = new Error('HTTP 401')
    const reader = new FakeRun(clock, Number.POSITIVE_INFINITY, { from: 5_000, error })
    await expect(waitForRun(reader, options(clock, 30_000))).rejects.toBe(error)
    expect(clock.now()).toBeLessThan(30_000)
  })

  it('returns a run already finished at the first get', async () => {
    const clock = new FakeClock()
    const result = await waitForRun(new FakeRun(clock, 0), options(clock, 30_000))
    expect(result).toMatchObject({ timedOut: false, gets: 1 })
  })
})
