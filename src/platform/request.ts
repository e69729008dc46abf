import { Routes } from '../http/routes.js'
import type { RequestKind } from '../http/retry-policy.js'
import { sendRetrying, type RetryingConfig } from '../http/retrying.js'
import {
  HttpTransport,
  RedirectRefused,
  type HttpMethod,
  type HttpResponse,
  type SendOptions
} from '../http/transport.js'
import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'
import type { PlatformPaths } from './endpoints.js'
import {
  httpStatusError,
  networkError,
  normaliseJson,
  redirectError,
  type ApiError,
  type Endpoint
} from './errors.js'

export interface ConnectionConfig {
  baseUrl: URL
  apiKey: string
  paths: PlatformPaths
  /** Consecutive transient failures tolerated per request. */
  retries: number
  logger: Logger
  clock: Clock
  /** Removes the key (and any other secret) from every body quoted in an error. */
  redact: (text: string) => string
  random?: () => number
  /** The job's connections and proxies; direct connections when not given. */
  routes?: Routes
  /** Bound on one attempt (connect, headers, and each pause in a JSON body). */
  requestTimeoutMs?: number
}

/** What every endpoint sends with: where, with which key, through which transport. */
export interface PlatformConnection {
  baseUrl: URL
  paths: PlatformPaths
  retrying: Omit<RetryingConfig, 'onRateLimited'>
  authorization: string
  /** A body as it may be quoted in an error. */
  bodyForMessage(body: string): string
}

export function connectToPlatform(config: ConnectionConfig): PlatformConnection {
  return {
    baseUrl: config.baseUrl,
    paths: config.paths,
    retrying: {
      transport: new HttpTransport(
        config.routes ?? new Routes(),
        config.clock,
        config.logger,
        config.requestTimeoutMs
      ),
      clock: config.clock,
      logger: config.logger,
      random: config.random ?? Math.random,
      retries: config.retries
    },
    authorization: `Bearer ${config.apiKey}`,
    // JSON re-serialised (so that no escape hides an echoed key) and the key removed before
    // any excerpt could cut it in two.
    bodyForMessage: body => config.redact(normaliseJson(body))
  }
}

/**
 * Sends one request of `kind` to the platform, retried as the retry table says for that kind
 * (a trigger only where no run can have started; a get or a cancel whenever it failed in
 * passing), and turns its final failure into an ApiError that says what to fix. `read` turns
 * a 2xx into the result, or an ApiError when its body cannot be used (retried where allowed).
 */
export async function platformRequest<T>(
  connection: PlatformConnection,
  kind: Extract<RequestKind, 'trigger' | 'get' | 'cancel'>,
  method: HttpMethod,
  url: URL,
  endpoint: Endpoint,
  options: Omit<SendOptions, 'headers'>,
  read: (response: HttpResponse) => T | ApiError
): Promise<T> {
  const { logger } = connection.retrying
  let outcome
  try {
    outcome = await sendRetrying<T>(
      {
        ...connection.retrying,
        onRateLimited: attempts => {
          if (kind !== 'trigger') return
          // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
          const note =
            'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.'
          if (attempts === 1) logger.info(note)
          else logger.debug(note)
        }
      },
      kind,
      method,
      url,
      { ...options, headers: { authorization: connection.authorization } },
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
      throw networkError(endpoint, connection.baseUrl.origin, error, sent, proxy)
    }
    case 'response':
      throw httpStatusError(
        endpoint,
        outcome.response.status,
        connection.bodyForMessage(outcome.response.body),
        {
          attempts: outcome.attempts,
          // A trigger answered 500, 502 or 504 may have started its run.
          ambiguous: kind === 'trigger' && outcome.failure === 'server-error',
          proxy: outcome.response.proxy
        }
      )
  }
}
