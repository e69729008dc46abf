import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { WorkflowInputValue } from '../../platform/client.js'
import { errorCode } from '../../util/errors.js'

/** An entry of the `inputs` input as the user wrote it, checked, before any file is read. */
export interface WorkflowInputSpec {
  name: string
  type: 'text' | 'file' | 'image'
  value?: unknown
  /** A file in the workspace whose contents become the value. */
  path?: string
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024

/**
 * Reads the files that entries name by `path` (relative to the workspace, and inside it) and
 * turns each into a `data:` URL; the platform receives `value`, never the path.
 */
export async function resolveWorkflowInputs(
  specs: WorkflowInputSpec[],
  workspace: string
): Promise<{ inputs: WorkflowInputValue[]; problems: string[] }> {
  const inputs: WorkflowInputValue[] = []
  const problems: string[] = []
  const root = path.resolve(workspace)
  for (const spec of specs) {
    if (spec.path === undefined) {
      inputs.push({ name: spec.name, type: spec.type, value: spec.value })
      continue
    }
    const file = path.resolve(root, spec.path)
    try {
      // Resolved through links too, so that a symlink cannot reach outside the workspace.
      if (!isInside(root, file) || !isInside(await fs.realpath(root), await fs.realpath(file))) {
        problems.push(
          `entry '${spec.name}': path '${spec.path}' is outside the workspace (${root})`
        )
        continue
      }
      const stat = await fs.stat(file)
      if (!stat.isFile()) {
        problems.push(`entry '${spec.name}': '${spec.path}' is not a file`)
        continue
      }
      if (stat.size > MAX_FILE_BYTES) {
        problems.push(
          `entry '${spec.name}': '${spec.path}' is ${stat.size} bytes; files are sent inline, at most ${MAX_FILE_BYTES} bytes (20 MiB)`
        )
        continue
      }
      const { lookup } = await import('mime-types')
      const mime = lookup(file) || 'application/octet-stream'
      const content = await fs.readFile(file)
      inputs.push({
        name: spec.name,
        type: spec.type,
        value: `data:${mime};base64,${content.toString('base64')}`
      })
    } catch (error) {
      const code = errorCode(error)
      problems.push(
        `entry '${spec.name}': cannot read '${spec.path}' (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`
      )
    }
  }
  return { inputs, problems }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  )
}
