import type { WorkflowSpec } from './types.js'

// FastAPI's validation error entry, which the action renders one line per entry.
interface Problem {
  loc: (string | number)[]
  msg: string
  type: string
}

interface TriggerRequest {
  workflowId: string
  workflow: WorkflowSpec
  inputs: unknown[]
  threadId: string | undefined
}

export type Parsed =
  | { ok: true; request: TriggerRequest }
  | { ok: false; status: number; body: { detail: string | Problem[] } }

const invalid = (problems: Problem[]): Parsed => ({
  ok: false,
  status: 422,
  body: { detail: problems }
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const URL_VALUE = /^(https?:\/\/\S+|data:[^,]*,.*)$/s

function checkEntry(
  entry: unknown,
  index: number,
  workflow: WorkflowSpec,
  seen: Set<string>
): Problem[] {
  if (!isRecord(entry)) {
    return [
      {
        loc: ['body', 'inputs', index],
        msg: 'Input should be a valid dictionary',
        type: 'dict_type'
      }
    ]
  }
  const { name, type, value } = entry
  if (typeof name !== 'string' || name === '') {
    return [{ loc: ['body', 'inputs', index, 'name'], msg: 'field required', type: 'missing' }]
  }
  const loc = ['body', 'inputs', name]
  if (seen.has(name)) return [{ loc, msg: `Duplicate input '${name}'`, type: 'duplicate' }]
  seen.add(name)
  const spec = workflow.inputs?.find(i => i.name === name)
  if (workflow.inputs && !spec) {
    return [{ loc, msg: `Unexpected input '${name}'`, type: 'extra_forbidden' }]
  }
  const problems: Problem[] = []
  const expected = spec?.type ?? 'text'
  if (type === undefined) {
    problems.push({ loc, msg: "field 'type' required", type: 'missing' })
  } else if (type !== expected) {
    const got = typeof type === 'string' ? `'${type}'` : JSON.stringify(type)
    problems.push({
      loc,
      msg: `Input should be of type '${expected}', got ${got}`,
      type: 'type_mismatch'
    })
  }
  if (typeof value !== 'string') {
    problems.push({ loc, msg: 'Input value should be a valid string', type: 'string_type' })
  } else if (expected !== 'text' && !URL_VALUE.test(value)) {
    problems.push({
      loc,
      msg: 'Input value should be an http(s) URL or a data: URL',
      type: 'url_parsing'
    })
  }
  return problems
}

export function parseTrigger(raw: string, workflows: Record<string, WorkflowSpec>): Parsed {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return { ok: false, status: 400, body: { detail: 'Malformed JSON body' } }
  }
  if (!isRecord(body)) {
    return invalid([
      { loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }
    ])
  }
  const { workflow_configuration_id: workflowId, inputs = [], thread_id: threadId } = body
  const shapeProblems: Problem[] = []
  if (typeof workflowId !== 'string' || workflowId === '') {
    shapeProblems.push({
      loc: ['body', 'workflow_configuration_id'],
      msg: 'field required',
      type: 'missing'
    })
  }
  if (!Array.isArray(inputs)) {
    shapeProblems.push({
      loc: ['body', 'inputs'],
      msg: 'Input should be a valid list',
      type: 'list_type'
    })
  }
  if (threadId !== undefined && threadId !== null && typeof threadId !== 'string') {
    shapeProblems.push({
      loc: ['body', 'thread_id'],
      msg: 'Input should be a valid string',
      type: 'string_type'
    })
  }
  if (shapeProblems.length > 0 || typeof workflowId !== 'string' || !Array.isArray(inputs)) {
    return invalid(shapeProblems)
  }
  const workflow = Object.hasOwn(workflows, workflowId) ? workflows[workflowId] : undefined
  if (!workflow) {
    return {
      ok: false,
      status: 404,
      body: { detail: `Workflow configuration '${workflowId}' not found or not deployed` }
    }
  }
  const seen = new Set<string>()
  const problems = inputs.flatMap((entry, i) => checkEntry(entry, i, workflow, seen))
  for (const spec of workflow.inputs ?? []) {
    if (spec.required && !seen.has(spec.name)) {
      problems.push({ loc: ['body', 'inputs', spec.name], msg: 'field required', type: 'missing' })
    }
  }
  if (problems.length > 0) return invalid(problems)
  return {
    ok: true,
    request: {
      workflowId,
      workflow,
      inputs,
      threadId: typeof threadId === 'string' && threadId !== '' ? threadId : undefined
    }
  }
}
