import { describe, expect, it } from '@jest/globals'
import {
  backoffDelayMs,
  MIN_RETRY_DELAY_MS,
  parseRetryAfterMs,
  retryDelayMs
} from '../../../src/http/retry.js'

// A whole second, so that an HTTP date (second precision) round-trips exactly.
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0)

describe('parseRetryAfterMs', () => {
  it.each([
    ['5', 5000],
    ['0', 0],
    [' 120 ', 120_000],
    ['1.5', 1500]
  ])('reads delay-seconds %j as %d ms', (value, ms) => {
    expect(parseRetryAfterMs(value, NOW)).toBe(ms)
  })

  it('reads an HTTP date as the time until it', () => {
    expect(parseRetryAfterMs(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000)
    expect(parseRetryAfterMs('Sun, 01 Jun 2025 12:01:00 GMT', NOW)).toBe(60_000)
  })

  it('reads a date in the past as no wait at all', () => {
    expect(parseRetryAfterMs(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0)
  })

  it.each([undefined, '', '   ', 'soon', 'abc', '5 seconds', '12abc'])(
    'gives undefined for %j',
    value => {
      expect(parseRetryAfterMs(value, NOW)).toBeUndefined()
    }
  )

  // Date.parse falls back to V8's lenient legacy parser, which reads these as dates in 2001;
  // the header is then taken as "retry at once" instead of being ignored (backoff).
  it.each(['-5', '-1', 'later 3'])('gives undefined for the non-date %j', value => {
    expect(parseRetryAfterMs(value, NOW)).toBeUndefined()
  })
})

describe('backoffDelayMs', () => {
  it('waits nothing when the random draw is 0', () => {
    for (let attempt = 0; attempt < 12; attempt++) expect(backoffDelayMs(attempt, () => 0)).toBe(0)
  })

  it('stays just under the ceiling when the random draw is near 1', () => {
    expect(backoffDelayMs(0, () => 0.999)).toBe(499)
    expect(backoffDelayMs(1, () => 0.999)).toBe(999)
    expect(backoffDelayMs(3, () => 0.999)).toBe(3996)
  })

  it('caps the ceiling at 30 s for large attempts', () => {
    for (const attempt of [6, 7, 10, 50, 2000]) {
      const delay = backoffDelayMs(attempt, () => 0.999)
      expect(delay).toBe(29_970)
      expect(delay).toBeLessThan(30_000)
    }
  })

  it('stays within [0, ceiling) for any draw', () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt)
      for (const draw of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = backoffDelayMs(attempt, () => draw)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThan(ceiling)
        expect(Number.isInteger(delay)).toBe(true)
      }
    }
  })
})

describe('retryDelayMs', () => {
  it("prefers the server's Retry-After", () => {
    expect(retryDelayMs(3, 7000, () => 0.5)).toBe(7000)
    // ...but never a busy loop: `Retry-After: 0` waits the floor
    expect(retryDelayMs(10, 0, () => 0.999)).toBe(MIN_RETRY_DELAY_MS)
  })

  it('backs off with jitter when there is no Retry-After', () => {
    expect(retryDelayMs(2, undefined, () => 0.5)).toBe(1000)
    expect(retryDelayMs(0, undefined, () => 0)).toBe(MIN_RETRY_DELAY_MS)
  })
})
