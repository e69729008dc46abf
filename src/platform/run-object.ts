import { z } from 'zod'
import type { LargeText } from './large-json.js'
import { normalizeStatus, type RunStatus } from './status.js'

// An id is at most this long: anything longer is no id, and would swell every output and card.
const MAX_ID_CHARS = 1024

// A number is an id only while it is exact: 12345678901234567891 would be read as …567000, and
// the action would follow (and cancel) another run. Long integer ids are read as text instead
// (large-json.ts quotes them before parsing).
const identifier = z
  .union([z.string().min(1).max(MAX_ID_CHARS), z.number().int().refine(Number.isSafeInteger)])
  .transform(String)

/** The fields whose integer values are ids, to be read as text when too long for a number. */
export const ID_FIELDS = ['run_id', 'id', 'execution_id', 'thread_id']

// Every field is optional and loosely typed: the platform's field names are not documented
// (docs/platform-api.md), so the shape is checked, and anything unexpected is ignored, not fatal.
/** The fields that name a run and its status, in run objects and stream events alike. */
export const identityFields = {
  run_id: identifier.optional().catch(undefined),
  id: identifier.optional().catch(undefined),
  execution_id: identifier.optional().catch(undefined),
  thread_id: identifier.optional().catch(undefined),
  status: z.string().optional().catch(undefined)
}
type IdentityFields = z.output<z.ZodObject<typeof identityFields>>

export interface RunIdentity {
  runId?: string
  threadId?: string
  status?: RunStatus
  /** The status as the platform spelled it, kept for messages when it is not one we know. */
  rawStatus?: string
}

export function readIdentity(fields: IdentityFields): RunIdentity {
  const identity: RunIdentity = {}
  // `execution_id` before `id`: a stream event's `id` may name the event, not the run.
  const runId = fields.run_id ?? fields.execution_id ?? fields.id
  if (runId !== undefined) identity.runId = runId
  if (fields.thread_id !== undefined) identity.threadId = fields.thread_id
  if (fields.status !== undefined) {
    identity.rawStatus = fields.status
    const status = normalizeStatus(fields.status)
    if (status) identity.status = status
  }
  return identity
}

const runFields = z.looseObject({
  ...identityFields,
  output: z.unknown().optional(),
  outputs: z.unknown().optional(),
  result: z.unknown().optional()
})

const envelope = z.looseObject({ data: z.unknown().optional(), run: z.unknown().optional() })

export interface RunSnapshot extends RunIdentity {
  /**
   * The output as text (docs/platform-api.md says how), when the body carries one: a string,
   * or a long one still in the answer's bytes, to be read in pieces.
   */
  output?: string | LargeText
  error?: string
  /** The run object as received, for the `result` output. */
  raw: unknown
  /** `raw` leaves out long strings (noting each) that the answer carried. */
  rawReduced?: boolean
}

const RUN_FIELDS = ['run_id', 'execution_id', 'id', 'status']

function unwrap(body: unknown): unknown {
  const wrapped = envelope.safeParse(body)
  if (!wrapped.success) return body
  // A body that names a run or a status is the run itself, whatever `data` it also carries.
  if (RUN_FIELDS.some(field => (body as Record<string, unknown>)[field] !== undefined)) return body
  for (const inner of [wrapped.data.data, wrapped.data.run]) {
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) return inner
  }
  return body
}

/** Reads a run object from a trigger or get answer, or returns undefined when it is not one. */
export function parseRunSnapshot(body: unknown): RunSnapshot | undefined {
  const object = unwrap(body)
  const parsed = runFields.safeParse(object)
  if (!parsed.success) return undefined
  const fields = parsed.data
  const snapshot: RunSnapshot = { ...readIdentity(fields), raw: object }
  const output = [fields.output, fields.outputs, fields.result].find(
    v => v !== undefined && v !== null
  )
  if (output !== undefined) snapshot.output = outputText(output)
  const error = errorMessageFrom(object)
  if (error !== undefined) snapshot.error = error
  return snapshot
}

const TEXT_FIELDS = ['text', 'content', 'answer', 'message'] as const
const namedValue = z.object({ name: z.string(), value: z.unknown() })

/** The text of an output: a string as is, a known text field, a single named value, else JSON. */
export function outputText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.length === 1) {
    const entry = namedValue.safeParse(value[0])
    if (entry.success) return outputText(entry.data.value)
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    for (const field of TEXT_FIELDS) {
      const text = record[field]
      if (typeof text === 'string') return text
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value)
}

const fastApiDetail = z.array(
  z.looseObject({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() })
)

/**
 * The error message a body carries: `error` (string or `{message}`), `error_message`, `detail`
 * or `message`. A FastAPI `detail` list becomes one line per entry, naming the field.
 */
export function errorMessageFrom(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined
  const record = body as Record<string, unknown>
  const error = record.error
  if (typeof error === 'string' && error) return error
  if (error !== null && typeof error === 'object') {
    const message = (error as Record<string, unknown>).message
    if (typeof message === 'string' && message) return message
  }
  if (typeof record.error_message === 'string' && record.error_message) return record.error_message
  const detail = fastApiDetail.safeParse(record.detail)
  if (detail.success && detail.data.length > 0) {
    return detail.data.map(entry => formatDetailEntry(entry.loc, entry.msg)).join('\n')
  }
  if (typeof record.detail === 'string' && record.detail) return record.detail
  if (typeof record.message === 'string' && record.message) return record.message
  return undefined
}

function formatDetailEntry(loc: Array<string | number> | undefined, msg: string): string {
  // ['body', 'inputs', 'question'] names the workflow input `question`; 'body' adds nothing.
  const path = (loc ?? []).filter(part => part !== 'body')
  if (path.length === 0) return msg
  if (path[0] === 'inputs' && path.length > 1) return `input '${path.slice(1).join('.')}': ${msg}`
  return `${path.join('.')}: ${msg}`
}
