export type ApiErrorKind =
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'invalid-request'
  | 'rate-limited'
  | 'platform'
  | 'unreachable'
  | 'protocol'

/** A request to the platform that failed for good (after any retries); its message says what to fix. */
export class ApiError extends Error {
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
    this.name = 'ApiError'
    this.kind = details.kind
    this.httpStatus = details.httpStatus
    this.runMayHaveStarted = details.runMayHaveStarted ?? false
  }
}
