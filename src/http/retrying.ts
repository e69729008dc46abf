import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'
import {
  failureOf,
  retryAfterOf,
  retryWait,
  type Failure,
  type RequestKind
} from './retry-policy.js'
import type { Attempt, HttpResponse, HttpMethod, HttpTransport, SendOptions } from './transport.js'

export interface RetryingConfig {
  transport: HttpTransport
  clock: Clock
  logger: Logger
  random: () => number
  /** Failures in a row tolerated where the table says "counted". */
  retries: number
  /** Which responses are a rate limit; 429 unless told (GitHub also uses 403). */
  isRateLimited?: (response: HttpResponse) => boolean
  /** Said once, when the host first asks to wait (the platform's concurrency cap, say). */
  onRateLimited?: (attempts: number) => void
}

/**
 * How a request ended once the table allowed no more retries; `outOfTime` when a retry the
 * table allowed would have passed the deadline.
 */
export type Outcome =
  /** A 2xx the caller could read. */
  | { kind: 'read'; value: unknown }
  /** An response that is final (a 4xx), or the last of the retried ones. */
  | {
      kind: 'response'
      response: HttpResponse
      failure: Failure | undefined
      attempts: number
      outOfTime: boolean
    }
  /** A network failure, the last one. */
  | {
      kind: 'network'
      attempt: Extract<Attempt, { ok: false }>
      attempts: number
      outOfTime: boolean
    }
  /** A 2xx the caller could not read, the last one. */
  | { kind: 'unreadable'; error: Error; attempts: number; outOfTime: boolean }

/**
 * Sends a request and retries it as RETRY_POLICY says for its kind, until it succeeds, fails in
 * a way that is final, or the next wait would pass the deadline. `read` turns a 2xx into the
 * caller's value, or an Error when the body cannot be used (retried where the table allows).
 * Aborting the context's signal stops a wait at once (the sleep throws the signal's reason).
 */
export async function sendRetrying<T>(
  config: RetryingConfig,
  kind: RequestKind,
  method: HttpMethod,
  url: URL,
  options: SendOptions,
  read: (response: HttpResponse) => T | Error
): Promise<{ kind: 'read'; value: T } | Exclude<Outcome, { kind: 'read' }>> {
  const { clock, logger } = config
  const counts = new Map<string, number>()
  for (let attempts = 1; ; attempts++) {
    options.onInFlight?.(true)
    const attempt = await config.transport.send(method, url, options)
    let failure = failureOf(attempt, config.isRateLimited)
    let unreadable: Error | undefined
    if (attempt.ok && failure === undefined && isSuccess(attempt.response)) {
      const value = read(attempt.response)
      if (!(value instanceof Error)) return { kind: 'read', value }
      unreadable = value
      failure = 'unreadable'
    }
    // Nothing was started by an attempt refused outright or before it was sent.
    if (failure === 'not-sent' || failure === 'rate-limited' || failure === 'unavailable') {
      options.onInFlight?.(false)
    } else if (attempt.ok && attempt.response.status < 500 && failure !== 'unreadable') {
      options.onInFlight?.(false)
    }
    const outcome = (outOfTime = false): Exclude<Outcome, { kind: 'read' }> =>
      !attempt.ok
        ? { kind: 'network', attempt, attempts, outOfTime }
        : unreadable !== undefined
          ? { kind: 'unreadable', error: unreadable, attempts, outOfTime }
          : { kind: 'response', response: attempt.response, failure, attempts, outOfTime }
    if (failure === undefined) return outcome()
    if (failure === 'rate-limited') config.onRateLimited?.(attempts)
    // Rate limits are waited out on a count of their own: they say nothing of the host's health.
    const counter = failure === 'rate-limited' ? 'rate-limited' : 'transient'
    const inARow = (counts.get(counter) ?? 0) + 1
    counts.set(counter, inARow)
    const now = clock.now()
    const wait = retryWait(
      kind,
      failure,
      inARow,
      config.retries,
      retryAfterOf(attempt, now),
      config.random
    )
    if (wait === undefined) return outcome()
    if (now + wait >= options.deadline) return outcome(true)
    logger.debug(`retrying in ${wait} ms`)
    await clock.sleep(wait, options.signal)
  }
}

function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300
}
