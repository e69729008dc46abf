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

/**
 * The JSON document a run's answer holds: all of it when it is JSON, else the one fenced
 * ` ```json ` (or `~~~json`) block of a Markdown answer. None, or two such blocks: undefined.
 */
export function jsonDocument(text: string): { value: unknown } | undefined {
  const whole = tryParseJson(text.trim())
  if (whole !== undefined) return whole
  const blocks = [
    ...text.matchAll(/^ {0,3}(`{3,}|~{3,})[ \t]*json[ \t]*\r?\n([\s\S]*?)^ {0,3}\1[ \t]*$/gm)
  ]
  if (blocks.length !== 1) return undefined
  return tryParseJson(blocks[0]?.[2] ?? '')
}
