import { sendRetrying, type RetryingConfig } from '../http/retrying.js'
import {
  RedirectRefused,
  type HttpAnswer,
  type HttpMethod,
  type SendOptions
} from '../http/transport.js'
import type { RequestKind } from '../http/retry-policy.js'
import type { ApiError } from './api-error.js'
import { httpStatusError, networkError, redirectError, type Endpoint } from './http-errors.js'

export interface SenderConfig extends Omit<RetryingConfig, 'onRateLimited'> {
  /** The platform's origin, as errors name it. */
  origin: string
  /** A body as it may be quoted in an error (the key removed). */
  quote: (body: string) => string
}

/**
 * Sends the platform's requests with the retry table's rules for their kind (a trigger is
 * retried only where no run can have started; a get or a cancel is safe to repeat) and turns
 * the final failure into an ApiError that says what to fix.
 */
export class Sender {
  constructor(private readonly config: SenderConfig) {}

  /**
   * Sends one request of `kind`, retried as the retry table says for that kind; `read` turns a
   * 2xx into the result, or an ApiError when its body cannot be used (retried where allowed).
   */
  async send<T>(
    kind: RequestKind,
    method: HttpMethod,
    url: URL,
    endpoint: Endpoint,
    options: SendOptions,
    read: (answer: HttpAnswer) => T | ApiError = answer => answer as T
  ): Promise<T> {
    const { config } = this
    let outcome
    try {
      outcome = await sendRetrying<T>(
        {
          ...config,
          onRateLimited: attempts => {
            if (kind !== 'trigger') return
            // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
            const note =
              'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.'
            if (attempts === 1) config.logger.info(note)
            else config.logger.debug(note)
          }
        },
        kind,
        method,
        url,
        options,
        read
      )
    } catch (error) {
      if (error instanceof RedirectRefused) throw redirectError(error)
      throw error
    }
    switch (outcome.kind) {
      case 'read':
        return outcome.value
      case 'unreadable':
        throw outcome.error
      case 'network': {
        const { error, sent, proxy } = outcome.attempt
        throw networkError(endpoint, config.origin, error, sent, proxy)
      }
      case 'answer':
        throw httpStatusError(endpoint, outcome.answer.status, config.quote(outcome.answer.body), {
          attempts: outcome.attempts,
          // A trigger answered 500, 502 or 504 may have started its run.
          ambiguous: kind === 'trigger' && outcome.failure === 'server-error',
          proxy: outcome.answer.proxy
        })
    }
  }
}
