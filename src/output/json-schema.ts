import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv'
import { compactJsonText, jsonDocument } from '../util/json.js'

// The run's output checked against a JSON Schema (`output-schema`), with ajv: draft 2020-12,
// or 2019-09 or 07 when the schema's `$schema` names one. Loaded only by a step that sets
// the input. The output is a model's, so the check is bounded: outputs over 8 MiB are not
// checked, over 1 MiB only the first failing place is listed, and `uniqueItems` is checked
// in linear time (ajv compares every pair of items, which 80,000 items turn into minutes).

/** The problems listed (in the error, the log and the card); the rest are counted. */
const MAX_PROBLEMS = 20
const MAX_PROBLEM_CHARS = 300
const MAX_ALL_ERRORS_BYTES = 1024 * 1024

export type OutputCheck =
  | { ok: true; json: unknown; text: string }
  | { ok: false; problems: string[]; total: number; why: 'not-json' | 'mismatch' | 'too-large' }

export interface CompiledSchema {
  /** `totalBytes`: the whole output's size, when `output` is only its head. */
  check(output: string, totalBytes?: number): OutputCheck
}

/** An output larger than this is not read whole to be checked: it fails the check, saying so. */
export const MAX_CHECKED_BYTES = 8 * 1024 * 1024

type Draft = '2020-12' | '2019-09' | 'draft-07'

/** The draft a `$schema` names, in any of the spellings people use; undefined: none known. */
function draftOf(declared: unknown): Draft | undefined {
  if (declared === undefined) return '2020-12'
  if (typeof declared !== 'string') return undefined
  const id =
    /^https?:\/\/json-schema\.org\/(draft\/2020-12|draft\/2019-09|draft-07)\/schema#?$/.exec(
      declared.trim()
    )?.[1]
  return id === undefined ? undefined : (id.replace('draft/', '') as Draft)
}

const CANONICAL_ID: Record<Draft, string> = {
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema#'
}

/** Compiles a schema, or says what is wrong with it (an input error, before any request). */
export async function compileSchema(
  schema: unknown
): Promise<{ schema: CompiledSchema } | { problem: string }> {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return { problem: 'must be a JSON Schema: an object (or a path to a file holding one)' }
  }
  const declared = (schema as { $schema?: unknown }).$schema
  const draft = draftOf(declared)
  if (draft === undefined) {
    return {
      problem: `names \`$schema\` ${JSON.stringify(declared).slice(0, 100)}; it must be draft 2020-12, 2019-09 or 07 (or be left out, for 2020-12; a draft-06 schema reads the same as draft-07 for most keywords)`
    }
  }
  const normalised = { ...(schema as Record<string, unknown>), $schema: CANONICAL_ID[draft] }
  const Ajv = await ajvClass(draft)
  const addFormats = pick<(ajv: AjvClass) => unknown>(await import('ajv-formats'))
  const warnings: string[] = []
  const compile = (allErrors: boolean): ValidateFunction => {
    // Strict mode refuses keywords users' schemas carry (titles, examples, vendor fields);
    // what it would only warn of is collected, and an unknown format is an input problem.
    const ajv = new Ajv({
      allErrors,
      strict: false,
      logger: {
        log: () => undefined,
        warn: (...args: unknown[]) => void warnings.push(args.join(' ')),
        error: () => undefined
      }
    })
    addFormats(ajv)
    ajv.removeKeyword('uniqueItems')
    ajv.addKeyword({
      keyword: 'uniqueItems',
      type: 'array',
      schemaType: 'boolean',
      validate: uniqueItems
    })
    return ajv.compile(normalised)
  }
  let full: ValidateFunction
  let fast: ValidateFunction
  try {
    full = compile(true)
    fast = compile(false)
  } catch (error) {
    return { problem: `is not a valid JSON Schema (${(error as Error).message.split('\n')[0]})` }
  }
  const unknownFormat = warnings.find(warning => /unknown format/.test(warning))
  if (unknownFormat !== undefined) {
    const name = /unknown format "([^"]*)"/.exec(unknownFormat)?.[1] ?? ''
    return {
      problem: `uses format "${name.slice(0, 100)}", which the action does not know, so it would check nothing; use one of ajv-formats' (date, date-time, email, uri, uuid, ipv4, …)`
    }
  }
  return {
    schema: {
      check: (output, totalBytes = Buffer.byteLength(output)) =>
        checkOutput(output, totalBytes, full, fast)
    }
  }
}

function checkOutput(
  output: string,
  bytes: number,
  full: ValidateFunction,
  fast: ValidateFunction
): OutputCheck {
  if (bytes > MAX_CHECKED_BYTES) {
    return {
      ok: false,
      why: 'too-large',
      total: 1,
      problems: [
        `/: the output is ${bytes} bytes; \`output-schema\` checks outputs of at most ${MAX_CHECKED_BYTES} bytes (8 MiB)`
      ]
    }
  }
  const document = jsonDocument(output)
  if (document === undefined) {
    return {
      ok: false,
      why: 'not-json',
      total: 1,
      problems: [
        '/: the output is not JSON, and not Markdown with one ```json block, so it cannot match the schema'
      ]
    }
  }
  const validate = bytes <= MAX_ALL_ERRORS_BYTES ? full : fast
  if (validate(document.value)) {
    return { ok: true, json: document.value, text: compactJsonText(document.text) }
  }
  const errors = validate.errors ?? []
  return {
    ok: false,
    why: 'mismatch',
    total: errors.length,
    problems: errors.slice(0, MAX_PROBLEMS).map(describe)
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '/' : error.instancePath
  const params = error.params as { additionalProperty?: unknown; allowedValues?: unknown }
  const extra =
    error.keyword === 'additionalProperties'
      ? ` ('${String(params.additionalProperty)}')`
      : error.keyword === 'enum'
        ? ` (${JSON.stringify(params.allowedValues)})`
        : ''
  return `${where}: ${error.message ?? error.keyword}${extra}`
}

/** `uniqueItems` in one pass: each item's canonical JSON (keys sorted) in a set. */
function uniqueItems(this: unknown, unique: boolean, data: unknown[]): boolean {
  if (!unique) return true
  const seen = new Map<string, number>()
  for (const [index, item] of data.entries()) {
    const key = canonicalJson(item)
    const first = seen.get(key)
    if (first !== undefined) {
      uniqueItems.errors = [
        {
          keyword: 'uniqueItems',
          message: `must NOT have duplicate items (items ## ${first} and ${index} are identical)`,
          params: { i: index, j: first }
        }
      ]
      return false
    }
    seen.set(key, index)
  }
  return true
}
uniqueItems.errors = undefined as Array<Partial<ErrorObject>> | undefined

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

async function ajvClass(draft: Draft): Promise<typeof AjvClass> {
  // One after the other, and only the class the schema needs.
  if (draft === '2020-12') return pick<typeof AjvClass>(await import('ajv/dist/2020.js'))
  if (draft === '2019-09') return pick<typeof AjvClass>(await import('ajv/dist/2019.js'))
  return pick<typeof AjvClass>(await import('ajv'))
}

/** A CommonJS module's export, as Node's ESM and ncc's bundle each hand it over. */
function pick<T>(module: unknown): T {
  const { default: inner } = module as { default?: unknown }
  const once = (inner ?? module) as { default?: unknown }
  return (typeof once === 'function' ? once : (once.default ?? once)) as T
}

/**
 * The problems as the step reports them: a count, then one line per place, each redacted and
 * then cut (cut first, a line could keep part of the key, which no mask matches).
 */
export function schemaMismatchMessage(
  check: Extract<OutputCheck, { ok: false }>,
  redact: (text: string) => string
): string {
  const more =
    check.total > check.problems.length
      ? `\n  … and ${check.total - check.problems.length} more`
      : ''
  const head =
    check.why === 'mismatch'
      ? `The run's output does not match \`output-schema\` (${check.total} problem${check.total === 1 ? '' : 's'}):`
      : "The run's output does not match `output-schema`:"
  const lines = check.problems.map(problem => {
    const line = redact(problem)
    return `  ${line.length > MAX_PROBLEM_CHARS ? `${line.slice(0, MAX_PROBLEM_CHARS)}…` : line}`
  })
  return `${head}\n${lines.join('\n')}${more}`
}
