import { parseJsonBytes, type LargeText, type ParsedBody } from './large-json.js'
import { normalizeStatus, type RunStatus } from './status.js'
import { isRecord } from '../util/json.js'

// Every field is optional and loosely typed: the platform's field names are not documented
// (docs/platform-api.md), so each field is checked on its own, and anything unexpected is
// ignored, not fatal. Plain checks rather than a schema library: a stream reads one run
// object an event, and that must cost next to nothing.

/** A run id is at most this long to be put in a request path (endpoints.ts, the inputs). */
export const MAX_RUN_ID_CHARS = 256
/**
 * An id is read up to this long, so that a long `run_id` is still the run's id (and refused
 * when it is used, by the path limit above) rather than passed over for an event's `id`.
 */
const MAX_READ_ID_CHARS = 1024

/**
 * Where a run's id may be, in this order: `execution_id` before `id`, since a stream event's
 * `id` may name the event, not the run.
 */
const RUN_ID_FIELDS = ['run_id', 'execution_id', 'id'] as const

/** The fields whose integer values are ids, to be read as text when too long for a number. */
export const ID_FIELDS: readonly string[] = [...RUN_ID_FIELDS, 'thread_id']

/** The fields that identify a run and its state: what `result` keeps when nothing else fits. */
export const IDENTIFYING_FIELDS: readonly string[] = [...ID_FIELDS, 'status']

/**
 * An id: text of 1 to 1024 characters (anything longer is no id, and would swell every output
 * and card), or an integer while it is exact (12345678901234567891
 * would be read as …567000, and the action would follow, and cancel, another run; long
 * integer ids are read as text instead: large-json.ts quotes them before parsing).
 */
function identifier(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.length > 0 && value.length <= MAX_READ_ID_CHARS ? value : undefined
  }
  return Number.isSafeInteger(value) ? String(value) : undefined
}

export interface RunIdentity {
  runId?: string
  threadId?: string
  status?: RunStatus
  /** The status as the platform spelled it, kept for messages when it is not one we know. */
  rawStatus?: string
}

/** The fields that name a run and its status, in run objects and stream events alike. */
export function readIdentity(record: Record<string, unknown>): RunIdentity {
  const identity: RunIdentity = {}
  for (const field of RUN_ID_FIELDS) {
    const runId = identifier(record[field])
    if (runId === undefined) continue
    identity.runId = runId
    break
  }
  const threadId = identifier(record.thread_id)
  if (threadId !== undefined) identity.threadId = threadId
  if (typeof record.status === 'string') {
    identity.rawStatus = record.status
    const status = normalizeStatus(record.status)
    if (status) identity.status = status
  }
  return identity
}

export interface RunSnapshot extends RunIdentity {
  /**
   * The output as text (docs/platform-api.md says how), when the body carries one: a string,
   * or a long one still in the response's bytes, to be read in pieces.
   */
  output?: string | LargeText
  error?: string
  /**
   * Every value of an output made of named values (a list of `{name, value}`, or an object of
   * them), each as text the way `output` is read.
   */
  named?: Record<string, string>
  /** What the run reports it used (tokens, cost), when it reports it. */
  usage?: Usage
  /** The run object as received, for the `result` output. */
  raw: unknown
  /** `raw` leaves out long strings (noting each) that the response carried. */
  rawReduced?: boolean
}

const RUN_FIELDS: readonly string[] = [...RUN_ID_FIELDS, 'status']

function unwrap(body: Record<string, unknown>): Record<string, unknown> {
  // A body that names a run or a status is the run itself, whatever `data` it also carries.
  if (RUN_FIELDS.some(field => body[field] !== undefined)) return body
  for (const inner of [body.data, body.run]) if (isRecord(inner)) return inner
  return body
}

/** Reads a run object from a trigger or get response, or returns undefined when it is not one. */
export function parseRunSnapshot(body: unknown): RunSnapshot | undefined {
  if (!isRecord(body)) return undefined
  const object = unwrap(body)
  const snapshot: RunSnapshot = { ...readIdentity(object), raw: object }
  const output = [object.output, object.outputs, object.result].find(
    v => v !== undefined && v !== null
  )
  if (output !== undefined) {
    snapshot.output = outputText(output)
    const named = namedOutputs(output)
    if (named !== undefined) snapshot.named = named
  }
  const usage = readUsage(object)
  if (usage !== undefined) snapshot.usage = usage
  const error = errorMessageFrom(object)
  if (error !== undefined) snapshot.error = error
  return snapshot
}

const TEXT_FIELDS = ['text', 'content', 'answer', 'message'] as const

/** The text of an output: a string as is, a known text field, a single named value, else JSON. */
export function outputText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.length === 1) {
    const [entry] = value as unknown[]
    if (isRecord(entry) && typeof entry.name === 'string' && 'value' in entry) {
      return outputText(entry.value)
    }
  }
  if (isRecord(value)) {
    for (const field of TEXT_FIELDS) {
      const text = value[field]
      if (typeof text === 'string') return text
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value)
}

/**
 * The output a view of the run gives: the value called `name` when one is asked for and the
 * output has it, else the whole output (a step asking for a name it lacks fails after the run).
 */
export function chosenOutput(
  view: { output?: string | LargeText | undefined; named?: Record<string, string> | undefined },
  name: string | undefined
): string | LargeText | undefined {
  if (name !== undefined && view.named !== undefined && Object.hasOwn(view.named, name)) {
    return view.named[name]
  }
  return view.output
}

/**
 * The named values of an output: a list whose every entry is `{name, value}`, or an object
 * (each field a value). Undefined for text, a bare list, or nothing.
 */
export function namedOutputs(value: unknown): Record<string, string> | undefined {
  const entries: Array<[string, string]> = []
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined
    for (const entry of value as unknown[]) {
      if (!isRecord(entry) || typeof entry.name !== 'string' || !('value' in entry)) {
        return undefined
      }
      entries.push([entry.name, outputText(entry.value)])
    }
  } else if (isRecord(value)) {
    for (const [name, inner] of Object.entries(value)) entries.push([name, outputText(inner)])
  } else return undefined
  // Own fields only, whatever the names: `__proto__` from the platform is a name like any other.
  const named: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, text] of entries) named[name] = text
  return named
}

/** Tokens and cost, with what the run reports (docs/platform-api.md: none of it documented). */
export interface Usage {
  inputTokens?: number
  outputTokens?: number
  totalTokens?: number
  cost?: number
}

const USAGE_FIELDS = ['usage', 'token_usage', 'tokens'] as const
const INPUT_TOKEN_FIELDS = ['input_tokens', 'prompt_tokens', 'input', 'prompt'] as const
const OUTPUT_TOKEN_FIELDS = ['output_tokens', 'completion_tokens', 'output', 'completion'] as const
const TOTAL_TOKEN_FIELDS = ['total_tokens', 'total'] as const

/**
 * The usage a run object (or a stream event) reports: `usage`, `token_usage` or `tokens`, with
 * input/prompt, output/completion and total counts, and `cost` there or beside it. A count is a
 * whole number of at least 0 (or its digits as text); anything else is not read.
 */
export function readUsage(object: Record<string, unknown>): Usage | undefined {
  const block = USAGE_FIELDS.map(field => object[field]).find(isRecord)
  const usage: Usage = {}
  if (block !== undefined) {
    const count = (fields: readonly string[]): number | undefined =>
      fields.map(field => wholeNumber(block[field])).find(n => n !== undefined)
    const input = count(INPUT_TOKEN_FIELDS)
    const output = count(OUTPUT_TOKEN_FIELDS)
    const total =
      count(TOTAL_TOKEN_FIELDS) ??
      (input !== undefined && output !== undefined ? input + output : undefined)
    if (input !== undefined) usage.inputTokens = input
    if (output !== undefined) usage.outputTokens = output
    if (total !== undefined) usage.totalTokens = total
  }
  const cost = amount(block?.cost) ?? amount(object.cost)
  if (cost !== undefined) usage.cost = cost
  return Object.keys(usage).length > 0 ? usage : undefined
}

function wholeNumber(value: unknown): number | undefined {
  const number =
    typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
    ? number
    : undefined
}

/** A cost: a finite number of at least 0, or its decimal text; `{total}` or `{amount}` too. */
function amount(value: unknown): number | undefined {
  if (isRecord(value)) return amount(value.total ?? value.amount)
  const number =
    typeof value === 'string' && /^\d{1,15}(?:\.\d{1,12})?$/.test(value.trim())
      ? Number(value)
      : value
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined
}

/**
 * The error message a body carries: `error` (string or `{message}`), `error_message`, `detail`
 * or `message`. A FastAPI `detail` list becomes one line per entry, naming the field.
 */
export function errorMessageFrom(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const error = body.error
  if (typeof error === 'string' && error) return error
  if (isRecord(error) && typeof error.message === 'string' && error.message) return error.message
  if (typeof body.error_message === 'string' && body.error_message) return body.error_message
  const detail = fastApiDetail(body.detail)
  if (detail !== undefined) return detail
  if (typeof body.detail === 'string' && body.detail) return body.detail
  if (typeof body.message === 'string' && body.message) return body.message
  return undefined
}

/** A FastAPI validation `detail`: a list of `{loc, msg}`, one line each; undefined otherwise. */
function fastApiDetail(detail: unknown): string | undefined {
  if (!Array.isArray(detail) || detail.length === 0) return undefined
  const lines: string[] = []
  for (const entry of detail as unknown[]) {
    if (!isRecord(entry) || typeof entry.msg !== 'string') return undefined
    const loc = Array.isArray(entry.loc) ? (entry.loc as unknown[]) : []
    if (!loc.every(part => typeof part === 'string' || typeof part === 'number')) return undefined
    lines.push(formatDetailEntry(loc, entry.msg))
  }
  return lines.join('\n')
}

function formatDetailEntry(loc: Array<string | number>, msg: string): string {
  // ['body', 'inputs', 'question'] names the workflow input `question`; 'body' adds nothing.
  const path = loc.filter(part => part !== 'body')
  if (path.length === 0) return msg
  if (path[0] === 'inputs' && path.length > 1) return `input '${path.slice(1).join('.')}': ${msg}`
  return `${path.join('.')}: ${msg}`
}

/** Strings longer than this stay in the response's bytes: no step output could carry them whole. */
const LARGE_STRING_BYTES = 512 * 1024

/**
 * Reads a trigger or get response (a 2xx body) as a run, or undefined when it is not JSON or not a
 * run object. A long output is not decoded here but handed on as pieces (large-json.ts), and
 * `raw` notes, instead of holding, any long string left out of it.
 */
export function readRunResponse(bytes: Buffer): RunSnapshot | undefined {
  let body: ParsedBody
  try {
    body = parseJsonBytes(bytes, LARGE_STRING_BYTES, undefined, ID_FIELDS)
  } catch {
    return undefined
  }
  const snapshot = parseRunSnapshot(body.value)
  if (snapshot === undefined) return undefined
  const largeOutput = body.large(snapshot.output)
  const shortTexts = [
    largeOutput === undefined ? snapshot.output : undefined,
    snapshot.error,
    snapshot.runId,
    snapshot.threadId,
    snapshot.rawStatus,
    // A long named value is read whole: each is an output of its own.
    ...Object.values(snapshot.named ?? {})
  ]
  const note = (_text: unknown, bytes: number): string =>
    `[left out of result: ${bytes} bytes; see the output and output-file outputs]`
  if (shortTexts.some(text => typeof text === 'string' && body.mentions(text))) {
    // A long string where a short one is read (an error, an id, an output of an unusual
    // shape): decoded whole after all, as JSON.parse would have.
    const whole = parseRunSnapshot(body.replaced(body.value, text => text.text()))
    return whole && { ...whole, raw: body.replaced(whole.raw, note), rawReduced: true }
  }
  if (largeOutput === undefined) return snapshot
  return {
    ...snapshot,
    output: largeOutput,
    raw: body.replaced(snapshot.raw, note),
    rawReduced: true
  }
}
