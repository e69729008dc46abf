/** Strings longer than this are left out of a JSON value that must be made smaller. */
const LONG_STRING_CHARS = 1024

/**
 * A JSON value as text of at most `maxBytes`, always valid JSON (`fromJSON` must never fail on
 * it). A value that fits is given whole. One that does not keeps its shape with its long
 * strings (the output, usually) replaced by a note; if even that is too big, only the fields
 * that identify the run remain. A large value is never serialised whole to find out.
 */
export function boundJson(
  value: unknown,
  maxBytes: number,
  note: (chars: number) => string,
  /** The fields kept when even the shape does not fit (the ones that say what the value is). */
  identifyingFields: readonly string[] = []
): { json: string; reduced: boolean } {
  if (roughSize(value, maxBytes) <= maxBytes) {
    const json = JSON.stringify(value) ?? 'null'
    if (Buffer.byteLength(json) <= maxBytes) return { json, reduced: false }
  }
  const shrunk = JSON.stringify(withoutLongStrings(value, note)) ?? 'null'
  if (Buffer.byteLength(shrunk) <= maxBytes) return { json: shrunk, reduced: true }
  return { json: JSON.stringify(onlyFields(value, identifyingFields, note)), reduced: true }
}

/** A lower bound on the size of the JSON, given up on once it passes `limit`. */
function roughSize(value: unknown, limit: number): number {
  let size = 0
  const stack: unknown[] = [value]
  while (stack.length > 0 && size <= limit) {
    const next = stack.pop()
    if (typeof next === 'string') size += next.length + 2
    else if (Array.isArray(next)) stack.push(...(next as unknown[]))
    else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        size += key.length + 3
        stack.push(inner)
      }
    } else size += 5
  }
  return size
}

function withoutLongStrings(value: unknown, note: (chars: number) => string): unknown {
  if (typeof value === 'string')
    return value.length > LONG_STRING_CHARS ? note(value.length) : value
  if (Array.isArray(value)) return value.map(inner => withoutLongStrings(inner, note))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, withoutLongStrings(inner, note)])
    )
  }
  return value
}

/** An object of `fields` alone (short strings and numbers), marked as truncated. */
function onlyFields(
  value: unknown,
  fields: readonly string[],
  note: (chars: number) => string
): Record<string, unknown> {
  const kept: Record<string, unknown> = { truncated: true }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return kept
  for (const field of fields) {
    const inner = (value as Record<string, unknown>)[field]
    if (typeof inner === 'string' || typeof inner === 'number') {
      kept[field] =
        typeof inner === 'string' && inner.length > LONG_STRING_CHARS ? note(inner.length) : inner
    }
  }
  return kept
}
