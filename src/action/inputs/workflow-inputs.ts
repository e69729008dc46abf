import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import type { WorkflowInputValue } from '../../platform/client.js'
import { resolveWorkflowInputs, type WorkflowInputSpec } from './workflow-files.js'

const inputType = z.enum(['text', 'file', 'image'])
const listEntry = z
  .strictObject({
    name: z.string().trim().min(1, 'needs a non-empty `name`'),
    type: inputType.default('text'),
    value: z.unknown().optional(),
    path: z.string().trim().min(1, '`path` must not be empty').optional()
  })
  .superRefine((entry, ctx) => {
    if (entry.path !== undefined && entry.value !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give either `value` or `path`, not both' })
    } else if (entry.path === undefined && entry.value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs a `value` or a `path`' })
    }
  })

const ACCEPTED_FORMS =
  'a JSON or YAML list of {name, type, value} (or {name, type, path}), or a map {name: value}'

/** Reads the `inputs` input: its entries, with files read, or the problems, each naming the entry. */
export async function readWorkflowInputs(
  text: string,
  workspace: string
): Promise<{ inputs: WorkflowInputValue[]; problems: string[] }> {
  const parsed = parseWorkflowInputs(text)
  const resolved = await resolveWorkflowInputs(parsed.specs, workspace)
  return { inputs: resolved.inputs, problems: [...parsed.problems, ...resolved.problems] }
}

/** Parses the `inputs` input. Returns the entries, or the problems, each naming the entry. */
export function parseWorkflowInputs(text: string): {
  specs: WorkflowInputSpec[]
  problems: string[]
} {
  try {
    return parseDocument(text)
  } catch (error) {
    if (!(error instanceof SelfReference)) throw error
    return { specs: [], problems: ['refers to itself (a YAML alias inside its own value)'] }
  }
}

function parseDocument(text: string): { specs: WorkflowInputSpec[]; problems: string[] } {
  if (text.trim() === '') return { specs: [], problems: [] }
  let document: unknown
  try {
    // Maps stay Maps, so that a key that is not text (null, a list) is seen, not stringified.
    document = parseYaml(text, { mapAsMap: true })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    return {
      specs: [],
      problems: [`is neither JSON nor YAML (${reason}); expected ${ACCEPTED_FORMS}`]
    }
  }
  if (document === null || document === undefined) return { specs: [], problems: [] }
  if (Array.isArray(document)) return parseList(document.map(item => plainObjects(item)))
  if (document instanceof Map) return parseMap(document)
  return { specs: [], problems: [`must be ${ACCEPTED_FORMS}, not a single ${typeof document}`] }
}

function parseList(items: unknown[]): { specs: WorkflowInputSpec[]; problems: string[] } {
  const specs: WorkflowInputSpec[] = []
  const problems: string[] = []
  items.forEach((item, index) => {
    const result = listEntry.safeParse(item)
    if (result.success) {
      specs.push(result.data)
      return
    }
    const label = describeEntry(item, index)
    for (const issue of result.error.issues) {
      const field = issue.path.length > 0 ? ` field \`${issue.path.join('.')}\`` : ''
      problems.push(`${label}${field}: ${issueMessage(issue)}`)
    }
  })
  problems.push(...duplicateNames(specs))
  return { specs, problems }
}

const ENTRY_FIELDS = new Set(['name', 'type', 'value', 'path'])

function parseMap(map: Map<unknown, unknown>): {
  specs: WorkflowInputSpec[]
  problems: string[]
} {
  const keys = [...map.keys()]
  if (keys.includes('name') && keys.every(key => ENTRY_FIELDS.has(String(key)))) {
    // Almost surely one list entry written without its dash, not inputs called `name` and `value`.
    return {
      specs: [],
      problems: ['looks like a single {name, value} entry: write it as a list (`- name: …`)']
    }
  }
  const specs: WorkflowInputSpec[] = []
  const problems: string[] = []
  for (const [key, raw] of map) {
    // A name is text: `~:` or `"":` names nothing, and `[a, b]:` is not a name.
    const name = scalarName(key)
    if (name === undefined || name.trim() === '') {
      problems.push(
        `has an entry with ${name === undefined ? 'a non-text' : 'an empty'} name; every input needs a name`
      )
      continue
    }
    const value = plainObjects(raw)
    if (value === null || (typeof value === 'object' && !Array.isArray(value))) {
      problems.push(
        `entry '${name}': a map gives text values; use the list form for ${value === null ? 'an empty value' : 'files, images or typed values'}`
      )
      continue
    }
    specs.push({
      name,
      type: 'text',
      value: typeof value === 'string' ? value : JSON.stringify(value)
    })
  }
  return { specs, problems }
}

/** A map key as an input name: text, a number or a boolean; '' for null; else undefined. */
function scalarName(key: unknown): string | undefined {
  if (key === null) return ''
  if (typeof key === 'string') return key
  if (typeof key === 'number' || typeof key === 'boolean') return String(key)
  return undefined
}

/** YAML aliases can make a value that contains itself: it has no JSON form to send. */
class SelfReference extends Error {}

/** Maps (kept as such by the YAML reader) as plain objects, with their keys as text. */
function plainObjects(value: unknown, within: ReadonlySet<unknown> = new Set()): unknown {
  if (value === null || typeof value !== 'object') return value
  if (within.has(value)) throw new SelfReference()
  const inside = new Set(within).add(value)
  if (value instanceof Map) {
    return Object.fromEntries(
      [...(value as Map<unknown, unknown>)].map(([key, inner]) => [
        scalarName(key) ?? String(JSON.stringify(plainObjects(key, inside))),
        plainObjects(inner, inside)
      ])
    )
  }
  return Array.isArray(value) ? value.map(inner => plainObjects(inner, inside)) : value
}

function describeEntry(item: unknown, index: number): string {
  const name =
    item !== null &&
    typeof item === 'object' &&
    typeof (item as { name?: unknown }).name === 'string'
      ? ` ('${(item as { name: string }).name}')`
      : ''
  return `entry ${index + 1}${name}`
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s) ${issue.keys.map(k => `\`${k}\``).join(', ')}; allowed: name, type, value, path`
  }
  if (issue.code === 'invalid_value') return 'must be one of text, file, image'
  if (issue.code === 'invalid_type' && issue.path[0] === 'name') return 'needs a non-empty `name`'
  if (issue.code === 'invalid_type' && issue.path.length === 0)
    return 'must be an object {name, type, value}'
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`
  return issue.message
}

function duplicateNames(specs: WorkflowInputSpec[]): string[] {
  const seen = new Set<string>()
  const problems: string[] = []
  for (const spec of specs) {
    if (seen.has(spec.name)) problems.push(`entry '${spec.name}' is given more than once`)
    seen.add(spec.name)
  }
  return problems
}
