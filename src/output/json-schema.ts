import type { Ajv as AjvClass, ErrorObject } from 'ajv'
import { jsonDocument } from '../util/json.js'

// The run's output checked against a JSON Schema (`output-schema`), with ajv: draft 2020-12
// unless the schema's `$schema` names draft-07. Loaded only by a step that sets the input.

/** The problems listed (in the error, the log and the card); the rest are counted. */
const MAX_PROBLEMS = 20

export type OutputCheck =
  | { ok: true; json: unknown }
  | { ok: false; problems: string[]; total: number; why: 'not-json' | 'mismatch' }

export interface CompiledSchema {
  check(output: string): OutputCheck
}

/** Compiles a schema, or says what is wrong with it (an input error, before any request). */
export async function compileSchema(
  schema: unknown
): Promise<{ schema: CompiledSchema } | { problem: string }> {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return { problem: 'must be a JSON Schema: an object (or a path to a file holding one)' }
  }
  const declared = (schema as { $schema?: unknown }).$schema
  const draft07 = typeof declared === 'string' && /draft-0[67]\/schema/.test(declared)
  // ajv is CommonJS: its classes are the modules' default exports.
  const ajvModule = draft07 ? await import('ajv') : await import('ajv/dist/2020.js')
  const formatsModule = await import('ajv-formats')
  const Ajv = pick<typeof AjvClass>(ajvModule)
  const addFormats = pick<(ajv: AjvClass) => unknown>(formatsModule)
  // All errors, so that each failing place is listed; strict off, since users' schemas carry
  // keywords (titles, examples, vendor fields) that strict mode refuses.
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  let validate: ReturnType<typeof ajv.compile>
  try {
    validate = ajv.compile(schema)
  } catch (error) {
    return { problem: `is not a valid JSON Schema (${(error as Error).message.split('\n')[0]})` }
  }
  return {
    schema: {
      check(output: string): OutputCheck {
        const document = jsonDocument(output)
        if (document === undefined) {
          return {
            ok: false,
            why: 'not-json',
            total: 1,
            problems: [
              '/: the output is not JSON, and not Markdown with one ```json block, so it ' +
                'cannot match the schema'
            ]
          }
        }
        if (validate(document.value)) return { ok: true, json: document.value }
        const errors = validate.errors ?? []
        return {
          ok: false,
          why: 'mismatch',
          total: errors.length,
          problems: errors.slice(0, MAX_PROBLEMS).map((error: ErrorObject) => {
            const where = error.instancePath === '' ? '/' : error.instancePath
            const extra =
              error.keyword === 'additionalProperties'
                ? ` ('${String((error.params as { additionalProperty?: unknown }).additionalProperty)}')`
                : error.keyword === 'enum'
                  ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues).slice(0, 200)})`
                  : ''
            return `${where}: ${error.message ?? error.keyword}${extra}`
          })
        }
      }
    }
  }
}

/** A CommonJS module's export, as Node's ESM and ncc's bundle each hand it over. */
function pick<T>(module: unknown): T {
  const { default: inner } = module as { default?: unknown }
  const once = (inner ?? module) as { default?: unknown }
  return (typeof once === 'function' ? once : (once.default ?? once)) as T
}

/** The problems as the step reports them: a count, then one line per place. */
export function schemaMismatchMessage(check: Extract<OutputCheck, { ok: false }>): string {
  const more =
    check.total > check.problems.length
      ? `\n  … and ${check.total - check.problems.length} more`
      : ''
  const head =
    check.why === 'not-json'
      ? "The run's output does not match `output-schema`:"
      : `The run's output does not match \`output-schema\` (${check.total} problem${check.total === 1 ? '' : 's'}):`
  return `${head}\n${check.problems.map(problem => `  ${problem}`).join('\n')}${more}`
}
