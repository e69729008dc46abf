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
