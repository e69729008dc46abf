import { describe, expect, it } from '@jest/globals'
import {
  failureOf,
  RETRY_POLICY,
  retryWait,
  type Failure,
  type RequestKind
} from '../../../src/http/retry-policy.js'
import type { Attempt } from '../../../src/http/transport.js'

// The one table of what is retried, for the platform and GitHub alike.

const answer = (status: number, headers: Record<string, string> = {}): Attempt => ({
  ok: true,
  response: { status, headers, body: '', proxy: undefined }
})

describe('failureOf', () => {
  it.each<[string, Attempt, Failure | undefined]>([
    [
      'a network failure before sending',
      { ok: false, error: new Error('x'), sent: false, proxy: undefined },
      'not-sent'
    ],
    [
      'a network failure after sending',
      { ok: false, error: new Error('x'), sent: true, proxy: undefined },
      'lost'
    ],
    ['429', answer(429), 'rate-limited'],
    ['503', answer(503), 'unavailable'],
    ['500', answer(500), 'server-error'],
    ['502', answer(502), 'server-error'],
    ['504', answer(504), 'server-error'],
    ['404', answer(404), undefined],
    ['422', answer(422), undefined],
    ['200', answer(200), undefined]
  ])('reads %s as %s', (_, attempt, failure) => {
    expect(failureOf(attempt)).toBe(failure)
  })

  it('takes the host’s own rule for a rate limit (GitHub’s 403 with Retry-After)', () => {
    const github = (a: { status: number; headers: Record<string, unknown> }) =>
      a.status === 403 && a.headers['retry-after'] !== undefined
    expect(failureOf(answer(403, { 'retry-after': '5' }), github)).toBe('rate-limited')
    expect(failureOf(answer(403), github)).toBeUndefined()
  })
})

describe('RETRY_POLICY', () => {
  // What must never be retried, because a retry could do the work twice.
  it.each<[RequestKind, Failure]>([
    ['trigger', 'lost'],
    ['trigger', 'server-error'],
    ['trigger', 'unreadable'],
    ['github-create', 'lost'],
    ['github-create', 'server-error'],
    ['github-create', 'unavailable']
  ])('never retries a %s that failed as %s', (kind, failure) => {
    expect(RETRY_POLICY[kind][failure]).toBe('never')
    expect(retryWait(kind, failure, 1, 5, undefined, () => 0.5)).toBeUndefined()
  })

  it('retries every failure of a request that is safe to repeat, up to `retries` in a row', () => {
    for (const kind of ['get', 'cancel', 'github-read', 'github-update'] as const) {
      for (const failure of Object.keys(RETRY_POLICY[kind]) as Failure[]) {
        expect(RETRY_POLICY[kind][failure]).toBe('counted')
        expect(retryWait(kind, failure, 3, 3, undefined, () => 0.5)).toBeGreaterThanOrEqual(200)
        expect(retryWait(kind, failure, 4, 3, undefined, () => 0.5)).toBeUndefined()
      }
    }
  })

  it('waits out the platform’s concurrency cap until the deadline, in short steps', () => {
    expect(RETRY_POLICY.trigger['rate-limited']).toBe('until-deadline')
    // Far past `retries`, and the backoff's ceiling stays at 2 s.
    const waits = Array.from({ length: 50 }, (_, i) =>
      retryWait('trigger', 'rate-limited', i + 1, 0, undefined, () => 0.999)
    )
    expect(waits.every(wait => wait !== undefined && wait <= 2_000)).toBe(true)
  })

  it('honours Retry-After, never below 200 ms', () => {
    expect(retryWait('github-read', 'rate-limited', 1, 3, 7_000, () => 0)).toBe(7_000)
    expect(retryWait('get', 'unavailable', 1, 3, 0, () => 0)).toBe(200)
  })
})
