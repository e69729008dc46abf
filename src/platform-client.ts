import { randomUUID } from 'node:crypto'
import type { Dispatcher } from 'undici'
import type { Clock } from './clock.js'
import { ApiError, getErrorMessage } from './errors.js'
import {
  excerpt,
  httpStatusError,
  normaliseJson,
  RUN_MAY_HAVE_STARTED,
  type Endpoint
} from './http-errors.js'
import {
  createDispatcher,
  errorCode,
  headerValue,
  HttpTransport,
  type HttpAnswer
} from './http-transport.js'
import type { Logger } from './logger.js'
import { Redactor } from './redact.js'
import { parseRetryAfterMs, retryDelayMs } from './retry.js'
import { parseRunSnapshot, type RunSnapshot } from './run-response.js'
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
  /** Bound on one attempt (connect, headers, and each pause in a JSON body). */
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

/** The streaming trigger's answer: a stream of events, or (tolerated) a plain run object. */
export type StreamStart =
  | { kind: 'stream'; events: AsyncIterable<Uint8Array> & { destroy(error?: Error): void } }
  | { kind: 'run'; run: StartedRun }

/** The only module that speaks to the platform: one method per endpoint, one retry policy. */
export class PlatformClient {
  private readonly config: ClientConfig
  private readonly transport: HttpTransport
  private readonly random: () => number
  private readonly redactor: Redactor

  constructor(config: ClientConfig) {
    this.config = config
    this.random = config.random ?? Math.random
    this.redactor = new Redactor([config.apiKey])
    this.transport = new HttpTransport(
      config.apiKey,
      config.dispatcher ?? createDispatcher(),
      config.clock,
      config.logger,
      config.requestTimeoutMs
    )
  }

  /**
   * A body as it may be quoted in an error: JSON re-serialised (so that no escape hides an
   * echoed key) and the key removed before any excerpt could cut it in two.
   */
  private quote(body: string): string {
    return this.redactor.redact(normaliseJson(body))
  }

  endpointUrl(template: string, runId?: string): URL {
    const path =
      runId === undefined ? template : template.replaceAll('{run_id}', encodeURIComponent(runId))
    const base = this.config.baseUrl.href.replace(/\/+$/, '')
    return new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}`)
  }

  /** Starts a run and returns the platform's first view of it. */
  async triggerRun(trigger: TriggerRequest, context: RequestContext): Promise<StartedRun> {
    const answer = await this.startRun(this.config.paths.trigger, trigger, context, false)
    return this.startedRun(answer)
  }

  /** Starts a run through the streaming trigger, with the trigger's retry rules. */
  async openRunStream(trigger: TriggerRequest, context: RequestContext): Promise<StreamStart> {
    const answer = await this.startRun(this.config.paths.stream, trigger, context, true)
    if (answer.stream) return { kind: 'stream', events: answer.stream }
    return { kind: 'run', run: this.startedRun(answer) }
  }

  /**
   * POSTs a trigger. Retried only where the platform certainly started nothing: 429 (the
   * concurrency cap, until the deadline), 503 and failures to connect. Anything ambiguous
   * (500, 502, 504, a reset or timeout after sending) fails at once: a retry could start a
   * second run. One Idempotency-Key covers every attempt.
   */
  private async startRun(
    path: string,
    trigger: TriggerRequest,
    context: RequestContext,
    stream: boolean
  ): Promise<HttpAnswer> {
    const endpoint: Endpoint = { name: 'trigger', workflowId: trigger.workflowId }
    const body = JSON.stringify({
      workflow_configuration_id: trigger.workflowId,
      inputs: trigger.inputs,
      ...(trigger.threadId ? { thread_id: trigger.threadId } : {})
    })
    const options = { ...context, body, idempotencyKey: randomUUID(), stream }
    let transientFailures = 0
    for (let attempts = 1; ; attempts++) {
      const attempt = await this.transport.send('POST', this.endpointUrl(path), options)
      if (!attempt.ok) {
        const failure = () => this.networkError(endpoint, attempt.error, attempt.sent)
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
      if (error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 409)) {
        return undefined
      }
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
      const attempt = await this.transport.send(method, url, context)
      let failure: () => ApiError
      let retryAfterMs: number | undefined
      if (!attempt.ok) {
        failure = () => this.networkError(endpoint, attempt.error, attempt.sent)
      } else {
        const { answer } = attempt
        if (answer.status >= 200 && answer.status < 300) {
          const snapshot = parseJson(answer.body, parseRunSnapshot)
          if (snapshot) return snapshot
          failure = () =>
            new ApiError(
              `The platform's answer for run '${endpoint.runId}' is not a run object: ${excerpt(this.quote(answer.body))}`,
              { kind: 'protocol', httpStatus: answer.status }
            )
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

  private startedRun(answer: HttpAnswer): StartedRun {
    const snapshot = parseJson(answer.body, parseRunSnapshot)
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
}

function parseJson<T>(text: string, read: (value: unknown) => T | undefined): T | undefined {
  try {
    return read(JSON.parse(text))
  } catch {
    return undefined
  }
}
