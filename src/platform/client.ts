import { randomUUID } from 'node:crypto'
import type { HttpResponse, RequestContext } from '../http/transport.js'
import { ApiError } from './errors.js'
import { requestCancel } from './cancel.js'
import {
  connectToPlatform,
  platformRequest,
  type ConnectionConfig,
  type PlatformConnection
} from './request.js'
import { endpointUrl } from './endpoints.js'
import { excerpt, RUN_MAY_HAVE_STARTED } from './errors.js'
import { readRunResponse } from './run-object.js'
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

/** The byte stream of a streaming trigger's response. */
export type EventBytes = AsyncIterable<Uint8Array> & { destroy(error?: Error): void }

/** The streaming trigger's response: a stream of events, or (tolerated) a plain run object. */
export type StreamResponse =
  { kind: 'events'; events: EventBytes } | { kind: 'run'; run: TriggeredRun }

/** The platform's API: one method per endpoint; the retry policy is the retry table's. */
export class PlatformClient {
  private readonly connection: PlatformConnection

  constructor(config: ClientConfig) {
    this.connection = connectToPlatform(config)
  }

  /** POSTs the trigger and returns the platform's first view of the run. */
  async trigger(request: TriggerRequest, context: RequestContext): Promise<TriggeredRun> {
    const response = await this.post(this.connection.paths.trigger, request, context, false)
    return this.triggeredRun(response)
  }

  /** POSTs the streaming trigger, with the trigger's retry rules, and returns its response unread. */
  async stream(request: TriggerRequest, context: RequestContext): Promise<StreamResponse> {
    const response = await this.post(this.connection.paths.stream, request, context, true)
    if (response.stream) return { kind: 'events', events: response.stream }
    return { kind: 'run', run: this.triggeredRun(response) }
  }

  /** Gets a run. Safe to repeat, so 429, 5xx, network errors and unreadable bodies are retried. */
  async get(runId: string, context: RequestContext): Promise<RunSnapshot> {
    const { connection } = this
    const url = endpointUrl(connection.baseUrl, connection.paths.run, runId)
    return platformRequest(
      connection,
      'get',
      'GET',
      url,
      { name: 'get', runId },
      context,
      response => {
        const snapshot = readRunResponse(response.bytes ?? Buffer.alloc(0))
        if (snapshot?.runId !== undefined && snapshot.runId !== runId) {
          // Not retried: the platform is answering for another run, and its status is not ours.
          throw new ApiError(
            `The platform answered the get of run '${runId}' with run ` +
              `${JSON.stringify(snapshot.runId.slice(0, 80))}; the action does not take another ` +
              "run's status or output for this one. Check `run-path`.",
            { kind: 'protocol', httpStatus: response.status }
          )
        }
        if (snapshot) return snapshot
        return new ApiError(
          `The platform's answer for run '${runId}' is not a run object: ${this.excerptOf(response)}`,
          { kind: 'protocol', httpStatus: response.status }
        )
      }
    )
  }

  /** Asks the platform to cancel a run; false when it is gone or finished already (404, 409). */
  cancel(runId: string, context: RequestContext): Promise<boolean> {
    return requestCancel(this.connection, runId, context)
  }

  /** The start of a 2xx body that could not be read as a run, for a message. */
  private excerptOf(response: HttpResponse): string {
    const text = (response.bytes ?? Buffer.alloc(0)).toString('utf8', 0, 64 * 1024)
    return excerpt(this.connection.bodyForMessage(text))
  }

  private async post(
    path: string,
    request: TriggerRequest,
    context: RequestContext,
    stream: boolean
  ): Promise<HttpResponse> {
    const body = JSON.stringify({
      workflow_configuration_id: request.workflowId,
      inputs: request.inputs,
      ...(request.threadId ? { thread_id: request.threadId } : {})
    })
    // One Idempotency-Key covers every attempt of the trigger.
    return platformRequest<HttpResponse>(
      this.connection,
      'trigger',
      'POST',
      endpointUrl(this.connection.baseUrl, path),
      { name: 'trigger', workflowId: request.workflowId },
      { ...context, body, idempotencyKey: randomUUID(), stream },
      response => response
    )
  }

  private triggeredRun(response: HttpResponse): TriggeredRun {
    const snapshot = readRunResponse(response.bytes ?? Buffer.alloc(0))
    if (snapshot?.runId === undefined) {
      throw new ApiError(
        `The platform accepted the trigger (HTTP ${response.status}) but its answer names no run ` +
          `(looked for run_id, id, execution_id): ${this.excerptOf(response)}\n${RUN_MAY_HAVE_STARTED}`,
        { kind: 'protocol', httpStatus: response.status, runMayHaveStarted: true }
      )
    }
    return { ...snapshot, runId: snapshot.runId }
  }
}
