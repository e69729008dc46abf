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

/** An error whose message is written for the user of the action: it says what to fix. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Every problem with the step's inputs, reported together before any request is sent. */
export class InputError extends ActionError {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(
      `Invalid inputs (${problems.length}); no request was sent:\n${problems.map(p => `  - ${p}`).join('\n')}`
    )
    this.problems = problems
  }
}

export type ApiErrorKind =
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'invalid-request'
  | 'rate-limited'
  | 'platform'
  | 'unreachable'
  | 'protocol'

/** A request to the platform that failed for good (after any retries). */
export class ApiError extends ActionError {
  readonly kind: ApiErrorKind
  readonly httpStatus: number | undefined
  /** True when the trigger may have created a run although it failed: re-running could duplicate it. */
  readonly runMayHaveStarted: boolean
  constructor(
    message: string,
    details: {
      kind: ApiErrorKind
      httpStatus?: number
      runMayHaveStarted?: boolean
      cause?: unknown
    }
  ) {
    super(message, { cause: details.cause })
    this.kind = details.kind
    this.httpStatus = details.httpStatus
    this.runMayHaveStarted = details.runMayHaveStarted ?? false
  }
}
