/**
 * Parses JSON that a server sent, which may be anything: `{ value }` when it is JSON,
 * undefined when it is not. The one guarded `JSON.parse` of the action.
 */
export function tryParseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * The JSON document a run's answer holds: all of it when it is JSON, else the one fenced
 * ` ```json ` (or `~~~json`) block of a Markdown answer. None, or two such blocks: undefined.
 * Read line by line, once: the answer is a model's, and may be built to be slow to search.
 */
export function jsonDocument(text: string): { value: unknown; text: string } | undefined {
  const whole = tryParseJson(text.trim())
  if (whole !== undefined) return { ...whole, text: text.trim() }
  const blocks: string[] = []
  let fence: string | undefined
  let start = 0
  let offset = 0
  for (const line of text.split('\n')) {
    const end = offset + line.length
    const bare = line.replace(/\r$/, '')
    if (fence === undefined) {
      const open = /^ {0,3}(`{3,}|~{3,})[ \t]*json[ \t]*$/.exec(bare)
      if (open) {
        fence = open[1]
        start = end + 1
      }
    } else if (isClosingFence(bare, fence)) {
      blocks.push(text.slice(start, offset))
      fence = undefined
      if (blocks.length > 1) return undefined
    }
    offset = end + 1
  }
  if (blocks.length !== 1) return undefined
  const block = blocks[0] ?? ''
  const parsed = tryParseJson(block)
  return parsed && { ...parsed, text: block }
}

/**
 * JSON text without the whitespace between its tokens, and otherwise as written: numbers keep
 * the digits a parse would round (12345678901234567891, 1.50), strings their escapes.
 */
export function compactJsonText(json: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < json.length; i++) {
    const c = json.charAt(i)
    if (inString) {
      out += c
      if (c === '\\') out += json.charAt(++i)
      else if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
      out += c
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') out += c
  }
  return out
}

/** A line that closes a fence opened with `fence`: as long a run of its character, or longer. */
function isClosingFence(line: string, fence: string): boolean {
  const indent = line.length - line.trimStart().length
  if (indent > 3) return false
  const rest = line.slice(indent)
  const mark = fence.charAt(0)
  let run = 0
  while (rest.charAt(run) === mark) run++
  return run >= fence.length && rest.slice(run).trim() === ''
}
