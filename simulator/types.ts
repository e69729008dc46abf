// The public surface of the simulator. Tests import these through `simulator/index.ts`.

export type Scope = 'trigger' | 'read' | 'cancel'

interface InputSpec {
  name: string
  type?: 'text' | 'file' | 'image'
  required?: boolean
}

type RunOutcome = 'completed' | 'failed' | 'cancelled'
export type RunStatus = 'pending' | 'running' | RunOutcome

export interface RunScript {
  pendingMs?: number
  durationMs?: number
  outcome?: RunOutcome
  output?: unknown
  error?: string
  outputChunks?: string[]
  /** What the run reports it used, as the run object's `usage` (and the stream's last event). */
  usage?: Record<string, unknown>
  /**
   * How this workflow's output is sent, over the variant's: `raw` sends a list or an object
   * as it is (several named outputs, JSON), where the default sends it as text.
   */
  outputShape?: ResponseVariant['outputShape']
}

export interface WorkflowSpec {
  inputs?: InputSpec[]
  run?: RunScript
}

export interface ResponseVariant {
  envelope?: 'none' | 'data' | 'run'
  idField?: 'run_id' | 'id' | 'execution_id'
  statusStyle?: 'canonical' | 'alternate'
  statusCase?: 'lower' | 'upper' | 'title'
  outputField?: 'output' | 'outputs' | 'result'
  outputShape?:
    'string' | 'text' | 'content' | 'answer' | 'message' | 'list-one' | 'list-many' | 'raw'
  errorField?: 'error' | 'error-object' | 'error_message' | 'detail' | 'message'
  echoKey?: boolean
  /** Fields laid over every run object it sends (a hostile server's run id, status, error…). */
  fields?: Record<string, unknown>
}

export interface StreamOptions {
  lineEnding?: '\n' | '\r\n' | '\r'
  eventNames?: 'none' | 'named'
  chunkSize?: number
  eventDelayMs?: number
  heartbeatMs?: number
  dropAfterEvents?: number
  dropAfterBytes?: number
  withDone?: boolean
  finalOutput?: boolean
  multilineData?: boolean
  stallAfterEvents?: number
  /** Keep the stream open after its last event (no `[DONE]` unless asked), until the client goes. */
  holdOpen?: boolean
  raw?: string
  /** With `raw`: write the body in two parts cut at this byte offset, 20 ms apart. */
  splitAt?: number
}

export type FaultRoute = 'trigger' | 'stream' | 'get' | 'cancel' | 'any'

export type Fault =
  | {
      kind: 'status'
      status: number
      body?: string
      headers?: Record<string, string>
      createRun?: boolean
    }
  | { kind: 'reset'; createRun?: boolean }
  | { kind: 'truncate' }
  | { kind: 'garbage' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'redirect'; location: string; status?: number }

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: string
  at: number
  status?: number
}

export interface SimRun {
  id: string
  threadId: string
  workflowId: string
  inputs: unknown[]
  createdAt: number
  status(): RunStatus
  idempotencyKey?: string
}

export interface SimulatorOptions {
  host?: string
  port?: number
  pathPrefix?: string
  keys?: Record<string, Scope[]>
  workflows?: Record<string, WorkflowSpec>
  variant?: ResponseVariant
  stream?: StreamOptions
  concurrencyCap?: number
  retryAfter?: string
  rateLimit?: { limit: number; windowMs: number }
  logRequests?: boolean
}

export interface Simulator {
  url: string
  // Scheme, host and port only: `url` includes `pathPrefix` when one is configured.
  origin: string
  port: number
  readonly requests: RecordedRequest[]
  readonly runs: Map<string, SimRun>
  injectFault(route: FaultRoute, fault: Fault, times?: number): void
  configure(patch: Partial<SimulatorOptions>): void
  reset(): void
  close(): Promise<void>
}
