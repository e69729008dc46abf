import type { RunRecord } from './runs.js'
import type { ResponseVariant, RunStatus } from './types.js'

// The spellings the action must tolerate; see "Response shapes" in docs/platform-api.md.
const ALTERNATE: Record<RunStatus, string> = {
  pending: 'queued',
  running: 'in_progress',
  completed: 'succeeded',
  failed: 'error',
  cancelled: 'canceled'
}

const SAMPLE_SOURCES = ['https://docs.example.com/guide', 'https://docs.example.com/faq']

export function renderStatus(status: RunStatus, variant: ResponseVariant): string {
  const word = variant.statusStyle === 'alternate' ? ALTERNATE[status] : status
  switch (variant.statusCase) {
    case 'upper':
      return word.toUpperCase()
    case 'title':
      return word.replace(/(^|_)([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    default:
      return word
  }
}

function withKey(text: string, variant: ResponseVariant, key: string | undefined): string {
  return variant.echoKey ? `${text} (key: ${key ?? ''})` : text
}

// The one text a run's output stands for: what deltas add up to and what shapes wrap.
export function outputText(
  output: unknown,
  variant: ResponseVariant,
  key: string | undefined
): string {
  const text = typeof output === 'string' ? output : (JSON.stringify(output) ?? '')
  return withKey(text, variant, key)
}

/** The variant a run's output is sent in: its workflow's own shape, if it has one. */
export function scriptVariant(
  script: { outputShape?: ResponseVariant['outputShape'] },
  variant: ResponseVariant
): ResponseVariant {
  return script.outputShape === undefined
    ? variant
    : { ...variant, outputShape: script.outputShape }
}

export function shapeOutput(
  output: unknown,
  variant: ResponseVariant,
  key: string | undefined
): unknown {
  const shape = variant.outputShape ?? 'string'
  if (shape === 'raw') {
    return typeof output === 'string' ? withKey(output, variant, key) : output
  }
  const text = outputText(output, variant, key)
  switch (shape) {
    case 'string':
      return text
    case 'list-one':
      return [{ name: 'answer', value: text }]
    case 'list-many':
      return [
        { name: 'answer', value: text },
        { name: 'sources', value: SAMPLE_SOURCES }
      ]
    default:
      return { [shape]: text }
  }
}

function renderError(message: string, variant: ResponseVariant): Record<string, unknown> {
  switch (variant.errorField ?? 'error') {
    case 'error-object':
      return { error: { message } }
    case 'error_message':
      return { error_message: message }
    case 'detail':
      return { detail: message }
    case 'message':
      return { message }
    default:
      return { error: message }
  }
}

function wrap(given: Record<string, unknown>, variant: ResponseVariant): unknown {
  const body = { ...given, ...variant.fields }
  switch (variant.envelope) {
    case 'data':
      return { data: body }
    case 'run':
      return { run: body }
    default:
      return body
  }
}

const iso = (ms: number): string => new Date(ms).toISOString()

// A freshly created run always answers 'pending', even when its script starts it at once,
// because that is what the platform knows at the moment it answers.
export function triggerBody(run: RunRecord, variant: ResponseVariant, fresh: boolean): unknown {
  return wrap(
    {
      [variant.idField ?? 'run_id']: run.id,
      thread_id: run.threadId,
      status: renderStatus(fresh ? 'pending' : run.status(), variant),
      workflow_configuration_id: run.workflowId,
      created_at: iso(run.createdAt)
    },
    variant
  )
}

export function runBody(
  run: RunRecord,
  variant: ResponseVariant,
  key: string | undefined
): unknown {
  const now = Date.now()
  const status = run.status(now)
  const finishedAt = run.finishedAt(now)
  const body: Record<string, unknown> = {
    [variant.idField ?? 'run_id']: run.id,
    thread_id: run.threadId,
    status: renderStatus(status, variant),
    workflow_configuration_id: run.workflowId,
    inputs: run.inputs
  }
  if (status === 'completed') {
    body[variant.outputField ?? 'output'] = shapeOutput(
      run.script.output,
      scriptVariant(run.script, variant),
      key
    )
    if (run.script.usage !== undefined) body.usage = run.script.usage
  }
  if (status === 'failed') Object.assign(body, renderError(run.script.error, variant))
  body.created_at = iso(run.createdAt)
  if (finishedAt !== undefined) {
    body.finished_at = iso(finishedAt)
    body.duration_ms = finishedAt - run.createdAt
  }
  return wrap(body, variant)
}

// Never splits a surrogate pair, so each delta is valid text on its own; works by index rather
// than by code point so that multi-megabyte outputs stay cheap.
export function splitText(text: string, pieces = 8): string[] {
  const size = Math.max(1, Math.ceil(text.length / pieces))
  const out: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(start + size, text.length)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++
    out.push(text.slice(start, end))
    start = end
  }
  return out
}
