import { parseRetryAfterMs, retryDelayMs } from './retry.js'
import { headerValue, type Attempt, type HttpResponse } from './transport.js'

// What is retried, for every request the action sends, in one table: the kind of request
// against the way an attempt failed. "counted" retries up to `retries` failures in a row,
// "until-deadline" until the request's deadline, "never" gives up at once. Every wait honours
// `Retry-After`, backs off with full jitter otherwise, and is never shorter than 200 ms; no wait
// may pass the request's deadline (see docs/architecture.md, "One HTTP discipline").

export type RequestKind =
  /** The platform's trigger (and streaming trigger): a retry must never start a second run. */
  | 'trigger'
  /** The platform's get of a run: safe to repeat. */
  | 'get'
  /** The platform's cancel of a run: repeating it changes nothing. */
  | 'cancel'
  /** A GitHub read: listing comments, GraphQL `viewer`. */
  | 'github-read'
  /** A GitHub edit of what exists (PATCH a comment): repeating it gives the same result. */
  | 'github-update'
  /** A GitHub POST that creates (a comment): a retry after it was received would post twice. */
  | 'github-create'

export type Failure =
  /** No byte of the request reached the host: refused, DNS, TLS, or the proxy refused it. */
  | 'not-sent'
  /** The connection failed after the request was sent: the host may have acted on it. */
  | 'lost'
  /** 429, or GitHub's 403 with Retry-After or an exhausted rate limit. */
  | 'rate-limited'
  /** 503: the host is overloaded and says so before doing anything. */
  | 'unavailable'
  /** 500, 502, 504 and any other 5xx: the host may have acted on it. */
  | 'server-error'
  /** A 2xx whose body cannot be used. */
  | 'unreadable'

type Retry = 'counted' | 'until-deadline' | 'never'

export const RETRY_POLICY: Readonly<Record<RequestKind, Readonly<Record<Failure, Retry>>>> = {
  //               not-sent    lost       rate-limited      unavailable server-error unreadable
  trigger: row('counted', 'never', 'until-deadline', 'counted', 'never', 'never'),
  get: row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
  cancel: row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
  'github-read': row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
  'github-update': row('counted', 'counted', 'counted', 'counted', 'counted', 'counted'),
  'github-create': row('counted', 'never', 'counted', 'never', 'never', 'never')
}

function row(
  notSent: Retry,
  lost: Retry,
  rateLimited: Retry,
  unavailable: Retry,
  serverError: Retry,
  unreadable: Retry
): Record<Failure, Retry> {
  return {
    'not-sent': notSent,
    lost,
    'rate-limited': rateLimited,
    unavailable,
    'server-error': serverError,
    unreadable
  }
}

// Waiting out the platform's concurrency cap: a slot frees when another run ends, and whoever
// asks soonest after gets it, so the backoff stops growing at 0.5 s × 2² = 2 s.
const MAX_UNTIL_DEADLINE_BACKOFF_STEP = 2

/** How an attempt failed, or undefined when it did not (a 2xx, or a status that is final). */
export function failureOf(
  attempt: Attempt,
  isRateLimited: (response: HttpResponse) => boolean = response => response.status === 429
): Failure | undefined {
  if (!attempt.ok) return attempt.sent ? 'lost' : 'not-sent'
  const { response } = attempt
  if (isRateLimited(response)) return 'rate-limited'
  if (response.status === 503) return 'unavailable'
  if (response.status >= 500) return 'server-error'
  return undefined
}

/** The wait before the next attempt, or undefined when the table says not to retry. */
export function retryWait(
  kind: RequestKind,
  failure: Failure,
  /** Failures of this retry class so far, this one included. */
  failuresInARow: number,
  retries: number,
  retryAfterMs: number | undefined,
  random: () => number
): number | undefined {
  const retry = RETRY_POLICY[kind][failure]
  if (retry === 'never') return undefined
  if (retry === 'counted') {
    if (failuresInARow > retries) return undefined
    return retryDelayMs(failuresInARow - 1, retryAfterMs, random)
  }
  const step = Math.min(failuresInARow - 1, MAX_UNTIL_DEADLINE_BACKOFF_STEP)
  return retryDelayMs(step, retryAfterMs, random)
}

/** A `Retry-After` of an response, in milliseconds. */
export function retryAfterOf(attempt: Attempt, now: number): number | undefined {
  if (!attempt.ok) return undefined
  return parseRetryAfterMs(headerValue(attempt.response, 'retry-after'), now)
}
