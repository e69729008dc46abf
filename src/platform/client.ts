import { randomUUID } from 'node:crypto'
import type { Dispatcher } from 'undici'
import type { Redactor } from '../output/redactor.js'
import type { Clock } from '../util/clock.js'
import { tryParseJson } from '../util/json.js'
import type { Logger } from '../util/logger.js'
import { endpointUrl, type PlatformPaths } from './endpoints.js'
import {
  ApiError,
  excerpt,
  httpStatusError,
  networkError,
  normaliseJson,
  RUN_MAY_HAVE_STARTED,
  type Endpoint
} from './http-errors.js'
import { parseRetryAfterMs, retryDelayMs } from './retry.js'
import { parseRunSnapshot, type RunSnapshot } from './run-object.js'
import { createDispatcher, headerValue, HttpTransport, type HttpAnswer } from './transport.js'

export interface ClientConfig {
  baseUrl: URL
  apiKey: string
  paths: PlatformPaths
  /** Consecutive transient failures tolerated per request. */
  retries: number
  logger: Logger
  clock: Clock
  /** Removes the key from every body quoted in an error. */
  redactor: Redactor
  random?: () => number
  dispatcher?: Dispatcher
  /** Bound on one attempt (connect, headers, and each pause in a JSON body). */
  requestTimeoutMs?: number
}

/** What a trigger sends: the workflow, its inputs as the platform takes them, the thread. */
export interface TriggerRequest {
  workflowId: string
  inputs: WorkflowInputValue[]
  threadId?: string
}

/** One entry of the trigger body's `inputs` list, as the platform documents it. */
export interface WorkflowInputValue {
  name: string
  type: 'text' | 'file' | 'image'
  value: unknown
}

/** Every call carries the overall deadline (epoch ms) and the one signal that stops all waiting. */
export interface RequestContext {
  deadline: number
  signal?: AbortSignal
}

/** The platform's first view of a run it has just created. */
export type TriggeredRun = RunSnapshot & { runId: string }

/** The byte stream of a streaming trigger's answer. */
export type EventBytes = AsyncIterable<Uint8Array> & { destroy(error?: Error): void }

/** The streaming trigger's answer: a stream of events, or (tolerated) a plain run object. */
export type StreamAnswer =
  { kind: 'events'; events: EventBytes } | { kind: 'run'; run: TriggeredRun }

/** The only module that speaks to the platform: one method per endpoint, one retry policy. */
export class PlatformClient {
  private readonly config: ClientConfig
  private readonly transport: HttpTransport
  private readonly random: () => number

  constructor(config: ClientConfig) {
    this.config = config
    this.random = config.random ?? Math.random
    this.transport = new HttpTransport(
      config.apiKey,
      config.dispatcher ?? createDispatcher(),
      config.clock,
      config.logger,
      config.requestTimeoutMs
    )
  }

  /** POSTs the trigger and returns the platform's first view of the run. */
  async trigger(request: TriggerRequest, context: RequestContext): Promise<TriggeredRun> {
    const answer = await this.post(this.config.paths.trigger, request, context, false)
    return this.triggeredRun(answer)
  }

  /** POSTs the streaming trigger, with the trigger's retry rules, and returns its answer unread. */
  async stream(request: TriggerRequest, context: RequestContext): Promise<StreamAnswer> {
    const answer = await this.post(this.config.paths.stream, request, context, true)
    if (answer.stream) return { kind: 'events', events: answer.stream }
    return { kind: 'run', run: this.triggeredRun(answer) }
  }

  /** Gets a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
  async get(runId: string, context: RequestContext): Promise<RunSnapshot> {
    const endpoint: Endpoint = { name: 'get', runId }
    return this.repeatable('GET', endpoint, this.config.paths.run, context, answer => {
      const json = tryParseJson(answer.body)
      const snapshot = json && parseRunSnapshot(json.value)
      if (snapshot) return snapshot
      return new ApiError(
        `The platform's answer for run '${runId}' is not a run object: ${excerpt(this.quote(answer.body))}`,
        { kind: 'protocol', httpStatus: answer.status }
      )
    })
  }

  /** Asks the platform to cancel a run; false when it is gone or finished already (404, 409). */
  async cancel(runId: string, context: RequestContext): Promise<boolean> {
    const endpoint: Endpoint = { name: 'cancel', runId }
    try {
      await this.repeatable('POST', endpoint, this.config.paths.cancel, context, () => true)
      return true
    } catch (error) {
      if (error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 409)) {
        return false
      }
      throw error
    }
  }

  /**
   * A body as it may be quoted in an error: JSON re-serialised (so that no escape hides an
   * echoed key) and the key removed before any excerpt could cut it in two.
   */
  private quote(body: string): string {
    return this.config.redactor.redact(normaliseJson(body))
  }

  /**
   * POSTs a trigger. Retried only where the platform certainly started nothing: 429 (the
   * concurrency cap, until the deadline), 503 and failures to connect. Anything ambiguous
   * (500, 502, 504, a reset or timeout after sending) fails at once: a retry could start a
   * second run. One Idempotency-Key covers every attempt.
   */
  private async post(
    path: string,
    request: TriggerRequest,
    context: RequestContext,
    stream: boolean
  ): Promise<HttpAnswer> {
    const endpoint: Endpoint = { name: 'trigger', workflowId: request.workflowId }
    const body = JSON.stringify({
      workflow_configuration_id: request.workflowId,
      inputs: request.inputs,
      ...(request.threadId ? { thread_id: request.threadId } : {})
    })
    const url = endpointUrl(this.config.baseUrl, path)
    const options = { ...context, body, idempotencyKey: randomUUID(), stream }
    let transientFailures = 0
    for (let attempts = 1; ; attempts++) {
      const attempt = await this.transport.send('POST', url, options)
      if (!attempt.ok) {
        const failure = (): ApiError =>
          networkError(endpoint, this.config.baseUrl.origin, attempt.error, attempt.sent)
        if (attempt.sent || ++transientFailures > this.config.retries) throw failure()
        await this.pause(transientFailures - 1, undefined, context, failure)
        continue
      }
      const { answer } = attempt
      if (answer.status >= 200 && answer.status < 300) return answer
      const retryAfterMs = parseRetryAfterMs(
        headerValue(answer, 'retry-after'),
        this.config.clock.now()
      )
      const giveUp = (): ApiError =>
        httpStatusError(endpoint, answer.status, this.quote(answer.body), { attempts })
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
      throw httpStatusError(endpoint, answer.status, this.quote(answer.body), {
        attempts,
        ambiguous: answer.status >= 500
      })
    }
  }

  /**
   * Sends a request that is safe to repeat, retrying 429, 5xx, network failures and a 2xx
   * whose body `read` cannot use (it returns the error to give if the retries run out).
   */
  private async repeatable<T>(
    method: 'GET' | 'POST',
    endpoint: Extract<Endpoint, { runId: string }>,
    template: string,
    context: RequestContext,
    read: (answer: HttpAnswer) => T | ApiError
  ): Promise<T> {
    const url = endpointUrl(this.config.baseUrl, template, endpoint.runId)
    let failures = 0
    for (;;) {
      const attempt = await this.transport.send(method, url, context)
      let failure: () => ApiError
      let retryAfterMs: number | undefined
      if (!attempt.ok) {
        failure = () =>
          networkError(endpoint, this.config.baseUrl.origin, attempt.error, attempt.sent)
      } else {
        const { answer } = attempt
        if (answer.status >= 200 && answer.status < 300) {
          const result = read(answer)
          if (!(result instanceof ApiError)) return result
          failure = () => result
        } else if (answer.status === 429 || answer.status >= 500) {
          retryAfterMs = parseRetryAfterMs(
            headerValue(answer, 'retry-after'),
            this.config.clock.now()
          )
          failure = () =>
            httpStatusError(endpoint, answer.status, this.quote(answer.body), {
              attempts: failures + 1
            })
        } else {
          throw httpStatusError(endpoint, answer.status, this.quote(answer.body))
        }
      }
      if (++failures > this.config.retries) throw failure()
      await this.pause(failures - 1, retryAfterMs, context, failure)
    }
  }

  private triggeredRun(answer: HttpAnswer): TriggeredRun {
    const json = tryParseJson(answer.body)
    const snapshot = json && parseRunSnapshot(json.value)
    if (snapshot?.runId === undefined) {
      throw new ApiError(
        `The platform accepted the trigger (HTTP ${answer.status}) but its answer names no run ` +
          `(looked for run_id, id, execution_id): ${excerpt(this.quote(answer.body))}\n${RUN_MAY_HAVE_STARTED}`,
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
}
