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

/** The URL of an endpoint: `base-url` (with any path prefix) + the path, `{run_id}` filled in. */
export function endpointUrl(baseUrl: URL, template: string, runId?: string): URL {
  const path =
    runId === undefined ? template : template.replaceAll('{run_id}', encodeURIComponent(runId))
  const base = baseUrl.href.replace(/\/+$/, '')
  return new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}`)
}
