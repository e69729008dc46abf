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
/** A text input read from a file: a `git log` or a diff, not a data set. */
const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024

/**
 * Reads the files that entries name by `path` (relative to the workspace, and inside it): a
 * file or image becomes a `data:` URL, a text entry the file's text (UTF-8). The platform
 * receives `value`, never the path.
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
      if (spec.type === 'text') {
        if (stat.size > MAX_TEXT_FILE_BYTES) {
          problems.push(
            `entry '${spec.name}': '${spec.path}' is ${stat.size} bytes; a text input read from a file is at most ${MAX_TEXT_FILE_BYTES} bytes (5 MiB)`
          )
          continue
        }
        const bytes = await fs.readFile(file)
        const invalidAt = firstInvalidUtf8(bytes)
        if (invalidAt !== undefined) {
          problems.push(
            `entry '${spec.name}': '${spec.path}' is not valid UTF-8 text (at byte ${invalidAt}); a text input is sent as text, so convert the file (iconv -t UTF-8) or send it as type: file`
          )
          continue
        }
        // A byte-order mark is how some editors start UTF-8; it is not part of the text.
        const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
        inputs.push({ name: spec.name, type: 'text', value: text })
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

/**
 * The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or undefined when all of it is.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    // The sequence's length, and the range its second byte must be in (RFC 3629, table 3-7).
    let length: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf]
      if (next === undefined || next < min || next > max) return i
    }
    i += length
  }
  return undefined
}

/**
 * A file the step names by a path relative to the workspace: its bytes, or why it cannot be
 * used (outside the workspace, through links too; not a file; larger than `maxBytes`).
 */
export async function readWorkspaceFile(
  workspace: string,
  relative: string,
  maxBytes: number
): Promise<{ bytes: Buffer } | { problem: string }> {
  const root = path.resolve(workspace)
  const file = path.resolve(root, relative)
  try {
    if (!isInside(root, file) || !isInside(await fs.realpath(root), await fs.realpath(file))) {
      return { problem: `'${relative}' is outside the workspace (${root})` }
    }
    const stat = await fs.stat(file)
    if (!stat.isFile()) return { problem: `'${relative}' is not a file` }
    if (stat.size > maxBytes) {
      return { problem: `'${relative}' is ${stat.size} bytes, more than ${maxBytes}` }
    }
    return { bytes: await fs.readFile(file) }
  } catch (error) {
    const code = errorCode(error)
    return {
      problem: `cannot read '${relative}' (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`
    }
  }
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
