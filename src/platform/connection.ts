import { Routes } from '../http/routes.js'
import { HttpTransport, type SendOptions } from '../http/transport.js'
import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'
import type { PlatformPaths } from './endpoints.js'
import { normaliseJson } from './http-errors.js'
import { Sender } from './sender.js'

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

/** What every endpoint function sends with: where, with which key, and the retrying sender. */
export interface PlatformConnection {
  baseUrl: URL
  paths: PlatformPaths
  sender: Sender
  /** The options of a request: the bearer key, and the caller's own. */
  options(extra: Omit<SendOptions, 'headers'>): SendOptions
  /** A body as it may be quoted in an error. */
  quote(body: string): string
}

export function connectToPlatform(config: ConnectionConfig): PlatformConnection {
  // A body quoted in an error: JSON re-serialised (so that no escape hides an echoed key) and
  // the key removed before any excerpt could cut it in two.
  const quote = (body: string): string => config.redact(normaliseJson(body))
  const sender = new Sender({
    transport: new HttpTransport(
      config.routes ?? new Routes(),
      config.clock,
      config.logger,
      config.requestTimeoutMs
    ),
    clock: config.clock,
    logger: config.logger,
    random: config.random ?? Math.random,
    retries: config.retries,
    origin: config.baseUrl.origin,
    quote
  })
  const authorization = `Bearer ${config.apiKey}`
  return {
    baseUrl: config.baseUrl,
    paths: config.paths,
    sender,
    options: extra => ({ ...extra, headers: { authorization } }),
    quote
  }
}
