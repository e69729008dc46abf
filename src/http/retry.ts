// Retry timing shared by every request; which failures are retried is the retry table's (retry-policy.ts).

const BASE_DELAY_MS = 500
const MAX_BACKOFF_MS = 30_000
// `Retry-After: 0` (or a date just past) and a jitter near zero must not become a busy loop.
export const MIN_RETRY_DELAY_MS = 200

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)). */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt)
  return Math.floor(random() * ceiling)
}

/**
 * Reads `Retry-After` in either form: delay-seconds or an HTTP date. Returns milliseconds,
 * or undefined when the header is absent or unreadable (the caller then backs off on its own).
 */
export function parseRetryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  // Only the HTTP-date forms (all start with a day name): V8's lenient Date.parse would
  // otherwise read '-5' or 'later 3' as dates long past, and retry at once.
  if (!/^(mon|tue|wed|thu|fri|sat|sun)/i.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** The wait before the next attempt: the server's word when it gave one, else jittered backoff. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random
): number {
  return Math.max(MIN_RETRY_DELAY_MS, retryAfterMs ?? backoffDelayMs(attempt, random))
}
