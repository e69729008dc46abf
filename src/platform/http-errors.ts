import { errorCode, getErrorMessage } from '../util/errors.js'
import { tryParseJson } from '../util/json.js'
import { ApiError } from './api-error.js'
import { errorMessageFrom } from './run-object.js'

/** Which request failed: the message for a status depends on what was being asked. */
export type Endpoint =
  | { name: 'trigger'; workflowId: string }
  | { name: 'get'; runId: string }
  | { name: 'cancel'; runId: string }

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
  const json = tryParseJson(body)
  return json === undefined ? body : (JSON.stringify(json.value) ?? body)
}

/** The server's own explanation, if its body has one, else an excerpt of the body. */
function serverDetail(body: string): string {
  const json = tryParseJson(body)
  return (json && errorMessageFrom(json.value)) ?? excerpt(body)
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
          : endpoint.name === 'get'
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

// A TLS handshake that fails on the certificate: before a byte of the request is sent.
const CERTIFICATE_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** A request that got no HTTP answer: before it was sent (safe to retry) or after (maybe seen). */
export function networkError(
  endpoint: Endpoint,
  origin: string,
  error: unknown,
  sent: boolean
): ApiError {
  const code = errorCode(error)
  const reason = `${code ? `${code}: ` : ''}${getErrorMessage(error)}`
  if (code !== undefined && CERTIFICATE_ERROR_CODES.has(code)) {
    return new ApiError(
      `The platform's certificate for ${new URL(origin).host} is not trusted (${reason}); nothing ` +
        'was sent. If the platform uses a private certificate authority, set NODE_EXTRA_CA_CERTS ' +
        "in the job's env to the path of that authority's certificate (PEM).",
      { kind: 'unreachable', cause: error }
    )
  }
  if (!sent) {
    // Nothing left this machine, so nothing can have started: never "a run may have started".
    return new ApiError(
      `Could not reach the platform at ${origin} (${reason}); nothing was sent. ` +
        'Check `base-url` and that this runner can reach the host.',
      { kind: 'unreachable', cause: error }
    )
  }
  const ambiguous = endpoint.name === 'trigger'
  return new ApiError(
    `The connection to ${origin} failed after the request was sent (${reason}).` +
      (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''),
    { kind: 'unreachable', runMayHaveStarted: ambiguous, cause: error }
  )
}
