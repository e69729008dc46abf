import { parse as parseYaml } from 'yaml'
import type { CompiledSchema } from '../../output/json-schema.js'
import { readWorkspaceFile } from './workflow-files.js'

/** A schema file is a schema, not a data set. */
const MAX_SCHEMA_BYTES = 1024 * 1024

/**
 * Reads `output-schema`: a JSON Schema written inline (it starts with `{`), or the path of a
 * file in the workspace holding one (JSON, or YAML for `.yml`/`.yaml`), compiled at once so
 * that a schema that is not one is an input error, reported before any request.
 */
export async function readOutputSchema(
  raw: string,
  workspace: string
): Promise<{ schema: CompiledSchema } | { problem: string }> {
  const text = raw.trim()
  let schema: unknown
  if (text.startsWith('{')) {
    try {
      schema = JSON.parse(text)
    } catch (error) {
      return { problem: `is not JSON (${(error as Error).message})` }
    }
  } else {
    const file = await readWorkspaceFile(workspace, text, MAX_SCHEMA_BYTES)
    if ('problem' in file) {
      const why =
        file.tooLarge === undefined
          ? file.problem
          : `'${text}' is ${file.tooLarge} bytes, more than ${MAX_SCHEMA_BYTES}`
      return { problem: `names a file that cannot be used: ${why}` }
    }
    try {
      const content = file.bytes.toString('utf8')
      schema = /\.ya?ml$/i.test(text) ? parseYaml(content) : JSON.parse(content)
    } catch (error) {
      return {
        problem: `names '${text}', which is not ${/\.ya?ml$/i.test(text) ? 'YAML' : 'JSON'} (${(error as Error).message.split('\n')[0]})`
      }
    }
  }
  const { compileSchema } = await import('../../output/json-schema.js')
  return compileSchema(schema)
}
