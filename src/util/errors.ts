/** Turns anything thrown into a message; the one place that knows `throw` is not always an Error. */
export function getErrorMessage(error: unknown): string {
  // Node's address fallback throws an AggregateError with an empty message of its own.
  if (error instanceof AggregateError && !error.message) {
    return error.errors.map(getErrorMessage).join('; ')
  }
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** The `code` of a system or library error (`ENOENT`, `UND_ERR_SOCKET` …), when it has one. */
export function errorCode(error: unknown): string | undefined {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = error.code
    if (typeof code === 'string') return code
  }
  return undefined
}
