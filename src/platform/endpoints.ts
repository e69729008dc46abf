/**
 * The platform's endpoints, relative to `base-url`. Only the trigger is documented; the other
 * paths are this project's assumptions (docs/platform-api.md), so each one is an input.
 */
export interface PlatformPaths {
  trigger: string
  stream: string
  run: string
  cancel: string
}

export const DEFAULT_PATHS: PlatformPaths = {
  trigger: '/api/v1/apps/workflow-execution/trigger',
  stream: '/api/v1/apps/workflow-execution/trigger/stream',
  run: '/api/v1/apps/workflow-execution/runs/{run_id}',
  cancel: '/api/v1/apps/workflow-execution/runs/{run_id}/cancel'
}

import { ApiError } from './errors.js'
import { MAX_RUN_ID_CHARS } from './run-object.js'

/**
 * Whether a run id can stand as one path segment once percent-encoded. `encodeURIComponent`
 * leaves dots alone, and URL parsing then reads `.` and `..` as moves: `runs/..` would send the
 * key to another endpoint. Control characters and very long ids are no run's.
 */
export function isSafeRunId(runId: string): boolean {
  return (
    runId.length > 0 &&
    runId.length <= MAX_RUN_ID_CHARS &&
    runId !== '.' &&
    runId !== '..' &&
    !/\p{Cc}/u.test(runId)
  )
}

/** The URL of an endpoint: `base-url` (with any path prefix) + the path, `{run_id}` filled in. */
export function endpointUrl(baseUrl: URL, template: string, runId?: string): URL {
  if (runId !== undefined && !isSafeRunId(runId)) {
    throw new ApiError(
      `The run id ${JSON.stringify(runId.slice(0, 80))} cannot be put in a request path ` +
        '(empty, `.` or `..`, a control character, or too long), so the action sends nothing for it.',
      { kind: 'protocol' }
    )
  }
  const path =
    runId === undefined ? template : template.replaceAll('{run_id}', encodeURIComponent(runId))
  const base = baseUrl.href.replace(/\/+$/, '')
  return new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}`)
}
