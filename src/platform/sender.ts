import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'
import { ApiError } from './api-error.js'
import { httpStatusError, networkError, type Endpoint } from './http-errors.js'
import { parseRetryAfterMs, retryDelayMs } from './retry.js'
import {
  headerValue,
  type HttpAnswer,
  type HttpTransport,
  type RequestContext,
  type SendOptions
} from './transport.js'

export interface SenderConfig {
  transport: HttpTransport
  clock: Clock
  logger: Logger
  random: () => number
  /** Consecutive transient failures tolerated per request. */
  retries: number
  /** The platform's origin, as errors name it. */
  origin: string
  /** A body as it may be quoted in an error (the key removed). */
  quote: (body: string) => string
}

// At the concurrency cap the trigger backs off to at most 0.5 s × 2² = 2 s (with full jitter).
const MAX_CAP_BACKOFF_STEP = 2

/**
 * The retry policy, in one place: which failures are retried, how often and how long, for the
 * two kinds of request. A trigger is retried only where no run can have started; a get or a
 * cancel is safe to repeat.
 */
export class Sender {
  constructor(private readonly config: SenderConfig) {}

  /**
   * POSTs a trigger. Retried only where the platform certainly started nothing: 429 (the
   * concurrency cap, until the deadline), 503 and failures to connect. Anything ambiguous
   * (500, 502, 504, a reset or timeout after sending) fails at once: a retry could start a
   * second run. The caller's one Idempotency-Key covers every attempt.
   */
  async trigger(url: URL, endpoint: Endpoint, options: SendOptions): Promise<HttpAnswer> {
    const { config } = this
    let transientFailures = 0
    for (let attempts = 1; ; attempts++) {
      options.onInFlight?.(true)
      const attempt = await config.transport.send('POST', url, options)
      if (!attempt.ok) {
        const failure = (): ApiError =>
          networkError(endpoint, config.origin, attempt.error, attempt.sent)
        if (attempt.sent) throw failure()
        options.onInFlight?.(false)
        if (++transientFailures > config.retries) throw failure()
        await this.pause(transientFailures - 1, undefined, options, failure)
        continue
      }
      const { answer } = attempt
      if (answer.status >= 200 && answer.status < 300) return answer
      const retryAfterMs = parseRetryAfterMs(headerValue(answer, 'retry-after'), config.clock.now())
      const giveUp = (): ApiError =>
        httpStatusError(endpoint, answer.status, config.quote(answer.body), { attempts })
      // A 4xx or a 503 started nothing; a 500, 502 or 504 may have.
      if (answer.status < 500 || answer.status === 503) options.onInFlight?.(false)
      if (answer.status === 429) {
        // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
        const note =
          'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.'
        if (attempts === 1) config.logger.info(note)
        else config.logger.debug(note)
        // Short, jittered waits: a slot frees when another run ends, and whoever asks soonest
        // after gets it. Retry-After, when given, is the platform's word.
        await this.pause(
          Math.min(attempts - 1, MAX_CAP_BACKOFF_STEP),
          retryAfterMs,
          options,
          giveUp
        )
        continue
      }
      if (answer.status === 503) {
        if (++transientFailures > config.retries) throw giveUp()
        await this.pause(transientFailures - 1, retryAfterMs, options, giveUp)
        continue
      }
      throw httpStatusError(endpoint, answer.status, config.quote(answer.body), {
        attempts,
        ambiguous: answer.status >= 500
      })
    }
  }

  /**
   * Sends a request that is safe to repeat, retrying 429, 5xx, network failures and a 2xx
   * whose body `read` cannot use (it returns the error to give if the retries run out).
   */
  async repeatable<T>(
    method: 'GET' | 'POST',
    url: URL,
    endpoint: Endpoint,
    context: RequestContext,
    read: (answer: HttpAnswer) => T | ApiError
  ): Promise<T> {
    const { config } = this
    let failures = 0
    for (;;) {
      const attempt = await config.transport.send(method, url, context)
      let failure: () => ApiError
      let retryAfterMs: number | undefined
      if (!attempt.ok) {
        failure = () => networkError(endpoint, config.origin, attempt.error, attempt.sent)
      } else {
        const { answer } = attempt
        if (answer.status >= 200 && answer.status < 300) {
          const result = read(answer)
          if (!(result instanceof ApiError)) return result
          failure = () => result
        } else if (answer.status === 429 || answer.status >= 500) {
          retryAfterMs = parseRetryAfterMs(headerValue(answer, 'retry-after'), config.clock.now())
          failure = () =>
            httpStatusError(endpoint, answer.status, config.quote(answer.body), {
              attempts: failures + 1
            })
        } else {
          throw httpStatusError(endpoint, answer.status, config.quote(answer.body))
        }
      }
      if (++failures > config.retries) throw failure()
      await this.pause(failures - 1, retryAfterMs, context, failure)
    }
  }

  /** Sleeps before a retry, unless the deadline would pass first: then the last failure stands. */
  private async pause(
    attempt: number,
    retryAfterMs: number | undefined,
    context: RequestContext,
    failure: () => ApiError
  ): Promise<void> {
    const { clock, logger, random } = this.config
    const delay = retryDelayMs(attempt, retryAfterMs, random)
    if (clock.now() + delay >= context.deadline) throw failure()
    logger.debug(`retrying in ${delay} ms`)
    await clock.sleep(delay, context.signal)
  }
}
