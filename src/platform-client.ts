import { randomUUID } from 'node:crypto'
import { Agent, request, type Dispatcher } from 'undici'
import type { Clock } from './clock.js'
import { ApiError, getErrorMessage } from './errors.js'
import { excerpt, httpStatusError, RUN_MAY_HAVE_STARTED, type Endpoint } from './http-errors.js'
import type { Logger } from './logger.js'
import { parseRetryAfterMs, retryDelayMs } from './retry.js'
import { parseRunSnapshot, type RunSnapshot } from './run-response.js'
import { USER_AGENT } from './version.js'
import type { WorkflowInput } from './workflow-inputs.js'

export interface PlatformPaths {
  trigger: string
  run: string
  cancel: string
  stream: string
}

export interface ClientConfig {
  baseUrl: URL
  apiKey: string
  paths: PlatformPaths
  /** Consecutive transient failures tolerated per request. */
  retries: number
  logger: Logger
  clock: Clock
  random?: () => number
  dispatcher?: Dispatcher
  /** Bound on one attempt (connect, headers, and each pause in the body). */
  requestTimeoutMs?: number
}

export interface TriggerRequest {
  workflowId: string
  inputs: WorkflowInput[]
  threadId?: string
}

/** Every call carries the overall deadline (epoch ms) and the one signal that stops all waiting. */
export interface RequestContext {
  deadline: number
  signal?: AbortSignal
}

export type StartedRun = RunSnapshot & { runId: string }

const MAX_REDIRECTS = 5
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
// Errors raised before the request left the machine: the platform cannot have seen it.
const CONNECT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT'
])

interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One attempt's outcome: an answer, or a network failure and whether the request was sent. */
type Attempt = { ok: true; answer: HttpAnswer } | { ok: false; error: unknown; sent: boolean }

/** The one dispatcher of the action; a proxy agent will replace it here (ROADMAP). */
export function createDispatcher(): Dispatcher {
  return new Agent({ connect: { timeout: 10_000 }, keepAliveTimeout: 10_000 })
}

/** The only module that speaks HTTP to the platform: one method per endpoint, one retry policy. */
export class PlatformClient {
  private readonly config: ClientConfig
  private readonly dispatcher: Dispatcher
  private readonly random: () => number

  constructor(config: ClientConfig) {
    this.config = config
    this.dispatcher = config.dispatcher ?? createDispatcher()
    this.random = config.random ?? Math.random
  }

  endpointUrl(template: string, runId?: string): URL {
    const path =
      runId === undefined ? template : template.replaceAll('{run_id}', encodeURIComponent(runId))
    const base = this.config.baseUrl.href.replace(/\/+$/, '')
    return new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}`)
  }

  /**
   * Starts a run. Retried only where the platform certainly started nothing: 429 (the concurrency
   * cap, until the deadline), 503 and failures to connect. Anything ambiguous fails at once.
   */
  async triggerRun(trigger: TriggerRequest, context: RequestContext): Promise<StartedRun> {
    const endpoint: Endpoint = { name: 'trigger', workflowId: trigger.workflowId }
    const body = JSON.stringify({
      workflow_configuration_id: trigger.workflowId,
      inputs: trigger.inputs,
      ...(trigger.threadId ? { thread_id: trigger.threadId } : {})
    })
    const idempotencyKey = randomUUID()
    let transientFailures = 0
    let attempts = 0
    for (;;) {
      attempts++
      const attempt = await this.send(
        'POST',
        this.endpointUrl(this.config.paths.trigger),
        context,
        {
          body,
          idempotencyKey
        }
      )
      if (!attempt.ok) {
        if (attempt.sent) throw this.networkError(endpoint, attempt.error, true)
        if (++transientFailures > this.config.retries)
          throw this.networkError(endpoint, attempt.error, false)
        await this.pause(transientFailures - 1, undefined, context, () =>
          this.networkError(endpoint, attempt.error, false)
        )
        continue
      }
      const { answer } = attempt
      if (answer.status >= 200 && answer.status < 300) return this.startedRun(answer)
      const retryAfterMs = parseRetryAfterMs(header(answer, 'retry-after'), this.config.clock.now())
      const giveUp = (): ApiError =>
        httpStatusError(endpoint, answer.status, answer.body, { attempts })
      if (answer.status === 429) {
        // The cap rejects rather than queues: waiting for a slot is the point, bounded by `timeout`.
        const note =
          'The platform is at its rate limit or concurrency cap (HTTP 429); waiting to retry the trigger.'
        if (attempts === 1) this.config.logger.info(note)
        else this.config.logger.debug(note)
        await this.pause(Math.min(attempts - 1, 6), retryAfterMs, context, giveUp)
        continue
      }
      if (answer.status === 503) {
        if (++transientFailures > this.config.retries) throw giveUp()
        await this.pause(transientFailures - 1, retryAfterMs, context, giveUp)
        continue
      }
      throw httpStatusError(endpoint, answer.status, answer.body, {
        attempts,
        ambiguous: answer.status >= 500
      })
    }
  }

  /** Reads a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
  async getRun(runId: string, context: RequestContext): Promise<RunSnapshot> {
    return this.readRun('GET', { name: 'get-run', runId }, this.config.paths.run, context)
  }

  /** Asks the platform to cancel a run; 404 and 409 mean it is gone or finished already. */
  async cancelRun(runId: string, context: RequestContext): Promise<RunSnapshot | undefined> {
    try {
      return await this.readRun(
        'POST',
        { name: 'cancel-run', runId },
        this.config.paths.cancel,
        context
      )
    } catch (error) {
      if (error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 409))
        return undefined
      throw error
    }
  }

  private async readRun(
    method: 'GET' | 'POST',
    endpoint: Extract<Endpoint, { runId: string }>,
    template: string,
    context: RequestContext
  ): Promise<RunSnapshot> {
    const url = this.endpointUrl(template, endpoint.runId)
    let failures = 0
    for (;;) {
      const attempt = await this.send(method, url, context, {})
      let failure: () => ApiError
      let retryAfterMs: number | undefined
      if (!attempt.ok) {
        failure = () => this.networkError(endpoint, attempt.error, false)
      } else {
        const { answer } = attempt
        if (answer.status >= 200 && answer.status < 300) {
          const snapshot = parseJson(answer.body, parseRunSnapshot)
          if (snapshot) return snapshot
          failure = () =>
            new ApiError(
              `The platform's answer for run '${endpoint.runId}' is not a run object: ${excerpt(answer.body)}`,
              { kind: 'protocol', httpStatus: answer.status }
            )
        } else if (answer.status === 429 || answer.status >= 500) {
          retryAfterMs = parseRetryAfterMs(header(answer, 'retry-after'), this.config.clock.now())
          failure = () =>
            httpStatusError(endpoint, answer.status, answer.body, { attempts: failures + 1 })
        } else {
          throw httpStatusError(endpoint, answer.status, answer.body)
        }
      }
      if (++failures > this.config.retries) throw failure()
      await this.pause(failures - 1, retryAfterMs, context, failure)
    }
  }

  private startedRun(answer: HttpAnswer): StartedRun {
    const snapshot = parseJson(answer.body, parseRunSnapshot)
    if (snapshot?.runId === undefined) {
      throw new ApiError(
        `The platform accepted the trigger (HTTP ${answer.status}) but its answer names no run ` +
          `(looked for run_id, id, execution_id): ${excerpt(answer.body)}\n${RUN_MAY_HAVE_STARTED}`,
        { kind: 'protocol', httpStatus: answer.status, runMayHaveStarted: true }
      )
    }
    return { ...snapshot, runId: snapshot.runId }
  }

  /** Sleeps before a retry, unless the deadline would pass first: then the last failure stands. */
  private async pause(
    attempt: number,
    retryAfterMs: number | undefined,
    context: RequestContext,
    failure: () => ApiError
  ): Promise<void> {
    const delay = retryDelayMs(attempt, retryAfterMs, this.random)
    if (this.config.clock.now() + delay >= context.deadline) throw failure()
    this.config.logger.debug(`retrying in ${delay} ms`)
    await this.config.clock.sleep(delay, context.signal)
  }

  private networkError(endpoint: Endpoint, error: unknown, sent: boolean): ApiError {
    const code = errorCode(error)
    const reason = `${code ? `${code}: ` : ''}${getErrorMessage(error)}`
    if (!sent) {
      return new ApiError(
        `Could not reach the platform at ${this.config.baseUrl.origin} (${reason}). ` +
          'Check `base-url` and that this runner can reach the host.',
        { kind: 'unreachable', cause: error }
      )
    }
    const ambiguous = endpoint.name === 'trigger'
    return new ApiError(
      `The connection to ${this.config.baseUrl.origin} failed after the request was sent (${reason}).` +
        (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''),
      { kind: 'unreachable', runMayHaveStarted: ambiguous, cause: error }
    )
  }

  /** One attempt, following same-origin redirects; the bearer key never leaves the base origin. */
  private async send(
    method: 'GET' | 'POST',
    firstUrl: URL,
    context: RequestContext,
    options: { body?: string; idempotencyKey?: string }
  ): Promise<Attempt> {
    let url = firstUrl
    for (let hop = 0; ; hop++) {
      const started = this.config.clock.now()
      const remaining = Math.max(1, context.deadline - started)
      const timeout = Math.min(
        this.config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        remaining
      )
      const signals = [AbortSignal.timeout(remaining), ...(context.signal ? [context.signal] : [])]
      let answer: HttpAnswer
      try {
        const response = await request(url, {
          method,
          dispatcher: this.dispatcher,
          headers: {
            authorization: `Bearer ${this.config.apiKey}`,
            accept: 'application/json',
            'user-agent': USER_AGENT,
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {})
          },
          body: options.body,
          headersTimeout: timeout,
          bodyTimeout: timeout,
          signal: AbortSignal.any(signals)
        })
        answer = { status: response.statusCode, headers: response.headers, body: '' }
        try {
          answer.body = await response.body.text()
        } catch (error) {
          this.logRequest(method, url, started, errorCode(error) ?? 'body error')
          return { ok: false, error, sent: true }
        }
      } catch (error) {
        context.signal?.throwIfAborted()
        const code = errorCode(error)
        this.logRequest(method, url, started, code ?? 'error')
        return { ok: false, error, sent: !(code && CONNECT_ERROR_CODES.has(code)) }
      }
      this.logRequest(method, url, started, String(answer.status))
      const location = header(answer, 'location')
      if (answer.status < 300 || answer.status >= 400 || location === undefined) {
        return { ok: true, answer }
      }
      const target = new URL(location, url)
      if (target.origin !== firstUrl.origin) {
        throw new ApiError(
          `The platform redirected ${method} ${url.pathname} to another origin (${target.origin}); ` +
            'the action does not follow it, so that the API key is not sent there. ' +
            'Set `base-url` to the API host itself.',
          { kind: 'protocol', httpStatus: answer.status }
        )
      }
      const keepsMethod = answer.status === 307 || answer.status === 308
      if ((!keepsMethod && method !== 'GET') || hop >= MAX_REDIRECTS) {
        throw new ApiError(
          `The platform answered ${method} ${url.pathname} with a redirect (HTTP ${answer.status}) ` +
            'that the action will not follow. Check `base-url` and the endpoint paths.',
          { kind: 'protocol', httpStatus: answer.status }
        )
      }
      url = target
    }
  }

  private logRequest(method: string, url: URL, started: number, outcome: string): void {
    // Method, path, outcome and time only: never a header, a query string or a body.
    this.config.logger.debug(
      `${method} ${url.pathname} -> ${outcome} (${this.config.clock.now() - started} ms)`
    )
  }
}

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function errorCode(error: unknown): string | undefined {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code
    if (typeof code === 'string') return code
  }
  return undefined
}

function parseJson<T>(text: string, read: (value: unknown) => T | undefined): T | undefined {
  try {
    return read(JSON.parse(text))
  } catch {
    return undefined
  }
}
