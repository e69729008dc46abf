import { randomUUID } from 'node:crypto'
import type { HttpAnswer, RequestContext } from '../http/transport.js'
import { ApiError } from './api-error.js'
import { requestCancel } from './cancel.js'
import { connectToPlatform, type ConnectionConfig, type PlatformConnection } from './connection.js'
import { endpointUrl } from './endpoints.js'
import { excerpt, RUN_MAY_HAVE_STARTED } from './http-errors.js'
import { readRunAnswer } from './run-answer.js'
import type { RunSnapshot } from './run-object.js'

export type ClientConfig = ConnectionConfig

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

export type { RequestContext } from '../http/transport.js'

/** The platform's first view of a run it has just created. */
export type TriggeredRun = RunSnapshot & { runId: string }

/** The byte stream of a streaming trigger's answer. */
export type EventBytes = AsyncIterable<Uint8Array> & { destroy(error?: Error): void }

/** The streaming trigger's answer: a stream of events, or (tolerated) a plain run object. */
export type StreamAnswer =
  { kind: 'events'; events: EventBytes } | { kind: 'run'; run: TriggeredRun }

/** The platform's API: one method per endpoint; the retry policy is the retry table's. */
export class PlatformClient {
  private readonly connection: PlatformConnection

  constructor(config: ClientConfig) {
    this.connection = connectToPlatform(config)
  }

  /** POSTs the trigger and returns the platform's first view of the run. */
  async trigger(request: TriggerRequest, context: RequestContext): Promise<TriggeredRun> {
    const answer = await this.post(this.connection.paths.trigger, request, context, false)
    return this.triggeredRun(answer)
  }

  /** POSTs the streaming trigger, with the trigger's retry rules, and returns its answer unread. */
  async stream(request: TriggerRequest, context: RequestContext): Promise<StreamAnswer> {
    const answer = await this.post(this.connection.paths.stream, request, context, true)
    if (answer.stream) return { kind: 'events', events: answer.stream }
    return { kind: 'run', run: this.triggeredRun(answer) }
  }

  /** Gets a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
  async get(runId: string, context: RequestContext): Promise<RunSnapshot> {
    const { connection } = this
    const url = endpointUrl(connection.baseUrl, connection.paths.run, runId)
    return connection.sender.send(
      'get',
      'GET',
      url,
      { name: 'get', runId },
      connection.options(context),
      answer => {
        const snapshot = readRunAnswer(answer.bytes ?? Buffer.alloc(0))
        if (snapshot?.runId !== undefined && snapshot.runId !== runId) {
          // Not retried: the platform is answering for another run, and its status is not ours.
          throw new ApiError(
            `The platform answered the get of run '${runId}' with run ` +
              `${JSON.stringify(snapshot.runId.slice(0, 80))}; the action does not take another ` +
              "run's status or output for this one. Check `run-path`.",
            { kind: 'protocol', httpStatus: answer.status }
          )
        }
        if (snapshot) return snapshot
        return new ApiError(
          `The platform's answer for run '${runId}' is not a run object: ${this.excerptOf(answer)}`,
          { kind: 'protocol', httpStatus: answer.status }
        )
      }
    )
  }

  /** Asks the platform to cancel a run; false when it is gone or finished already (404, 409). */
  cancel(runId: string, context: RequestContext): Promise<boolean> {
    return requestCancel(this.connection, runId, context)
  }

  /** The start of a 2xx body that could not be read as a run, for a message. */
  private excerptOf(answer: HttpAnswer): string {
    const text = (answer.bytes ?? Buffer.alloc(0)).toString('utf8', 0, 64 * 1024)
    return excerpt(this.connection.quote(text))
  }

  private async post(
    path: string,
    request: TriggerRequest,
    context: RequestContext,
    stream: boolean
  ): Promise<HttpAnswer> {
    const body = JSON.stringify({
      workflow_configuration_id: request.workflowId,
      inputs: request.inputs,
      ...(request.threadId ? { thread_id: request.threadId } : {})
    })
    // One Idempotency-Key covers every attempt of the trigger.
    return this.connection.sender.send<HttpAnswer>(
      'trigger',
      'POST',
      endpointUrl(this.connection.baseUrl, path),
      { name: 'trigger', workflowId: request.workflowId },
      { ...this.connection.options(context), body, idempotencyKey: randomUUID(), stream }
    )
  }

  private triggeredRun(answer: HttpAnswer): TriggeredRun {
    const snapshot = readRunAnswer(answer.bytes ?? Buffer.alloc(0))
    if (snapshot?.runId === undefined) {
      throw new ApiError(
        `The platform accepted the trigger (HTTP ${answer.status}) but its answer names no run ` +
          `(looked for run_id, id, execution_id): ${this.excerptOf(answer)}\n${RUN_MAY_HAVE_STARTED}`,
        { kind: 'protocol', httpStatus: answer.status, runMayHaveStarted: true }
      )
    }
    return { ...snapshot, runId: snapshot.runId }
  }
}
