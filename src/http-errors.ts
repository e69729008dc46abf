import { ApiError } from './errors.js'
import { errorMessageFrom } from './run-response.js'

/** Which request failed: the message for a status depends on what was being asked. */
export type Endpoint =
  | { name: 'trigger'; workflowId: string }
  | { name: 'get-run'; runId: string }
  | { name: 'cancel-run'; runId: string }

const EXCERPT_LENGTH = 300

/** A short, single-line excerpt of a body, for messages about bodies we could not understand. */
export function excerpt(body: string): string {
  const text = normaliseJson(body)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text === '') return '(empty body)'
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : `${text}`
}

/** JSON re-serialised, so that escapes (`\u002d`, `\/`) cannot hide an echoed key from redaction. */
export function normaliseJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body)) ?? body
  } catch {
    return body
  }
}

/** The server's own explanation, if its body has one, else an excerpt of the body. */
export function serverDetail(body: string): string {
  try {
    const message = errorMessageFrom(JSON.parse(body))
    if (message !== undefined) return message
  } catch {
    // not JSON: fall through to the excerpt
  }
  return excerpt(body)
}

export const RUN_MAY_HAVE_STARTED =
  'A run may have started: the trigger was not retried, so that it cannot start twice. ' +
  "Check the workflow's runs on the platform before re-running this job."

function describeTarget(endpoint: Endpoint): string {
  return endpoint.name === 'trigger'
    ? `workflow '${endpoint.workflowId}'`
    : `run '${endpoint.runId}'`
}

/** Turns a final, non-retried HTTP answer into an error that says what to fix. */
export function httpStatusError(
  endpoint: Endpoint,
  status: number,
  body: string,
  notes: { attempts?: number; ambiguous?: boolean } = {}
): ApiError {
  const detail = serverDetail(body)
  const ambiguous = notes.ambiguous === true
  const tail = ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''
  switch (status) {
    case 401:
      return new ApiError(
        `The platform rejected the API key (HTTP 401: ${detail}). ` +
          'Check that the `api-key` secret is set, complete and not revoked.',
        { kind: 'auth', httpStatus: status }
      )
    case 403: {
      const permission =
        endpoint.name === 'trigger'
          ? 'trigger workflow executions'
          : endpoint.name === 'get-run'
            ? 'read run results'
            : 'cancel runs'
      return new ApiError(
        `The API key is not allowed to ${permission} (HTTP 403: ${detail}). ` +
          `Give the key the permission to ${permission}, or use a key that has it.`,
        { kind: 'permission', httpStatus: status }
      )
    }
    case 404:
      return new ApiError(
        endpoint.name === 'trigger'
          ? `Workflow '${endpoint.workflowId}' was not found (HTTP 404: ${detail}). ` +
              'Check `workflow-id`, that the workflow is deployed, that the key can access it, ' +
              'and that `base-url` points at the platform API.'
          : `Run '${endpoint.runId}' was not found (HTTP 404: ${detail}). ` +
              'Check `base-url` and `run-path`.',
        { kind: 'not-found', httpStatus: status }
      )
    case 400:
    case 422:
      return new ApiError(
        `The platform rejected the request for ${describeTarget(endpoint)} as invalid (HTTP ${status}). ` +
          `Fix the step's \`inputs\`:\n${detail
            .split('\n')
            .map(line => `  - ${line}`)
            .join('\n')}`,
        { kind: 'invalid-request', httpStatus: status }
      )
    case 429:
      return new ApiError(
        `The platform kept rate-limiting requests for ${describeTarget(endpoint)} (HTTP 429: ${detail})` +
          `${notes.attempts ? ` after ${notes.attempts} attempts` : ''}. ` +
          (endpoint.name === 'trigger'
            ? 'The trigger waited for a free slot until `timeout` was spent: run fewer workflows at once, or raise `timeout`.'
            : 'Run fewer workflows at once, or raise `retries`.'),
        { kind: 'rate-limited', httpStatus: status }
      )
    default:
      return new ApiError(
        `The platform failed on ${describeTarget(endpoint)} with HTTP ${status}: ${detail}` +
          `${notes.attempts && notes.attempts > 1 ? ` (after ${notes.attempts} attempts)` : ''}.${tail}`,
        {
          kind: status >= 500 ? 'platform' : 'protocol',
          httpStatus: status,
          runMayHaveStarted: ambiguous
        }
      )
  }
}
