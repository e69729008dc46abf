import { isCertificateError, networkReason, proxyFailureMessage } from '../http/network-errors.js'
import type { ProxyInUse } from '../http/routes.js'
import type { RedirectRefused } from '../http/transport.js'
import { tryParseJson } from '../util/json.js'
import { singleSpaced } from '../util/text.js'
import { errorMessageFrom } from './run-object.js'

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

/** Which request failed: the message for a status depends on what was being asked. */
export type Endpoint =
  | { name: 'trigger'; workflowId: string }
  | { name: 'get'; runId: string }
  | { name: 'cancel'; runId: string }

const EXCERPT_LENGTH = 300

/** A short, single-line excerpt of a body, for messages about bodies we could not understand. */
export function excerpt(body: string): string {
  const text = singleSpaced(normaliseJson(body).replace(/<[^>]*>/g, ' '))
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

/** Turns a final, non-retried HTTP response into an error that says what to fix. */
export function httpStatusError(
  endpoint: Endpoint,
  status: number,
  body: string,
  notes: { attempts?: number; ambiguous?: boolean; proxy?: ProxyInUse | undefined } = {}
): ApiError {
  const detail = serverDetail(body)
  if (status === 407 && notes.proxy) {
    // A proxy carrying plain http answers for itself: the platform never saw the request.
    return new ApiError(
      `The proxy at ${notes.proxy.address} (${notes.proxy.variable}) asked for credentials ` +
        `(HTTP 407) and refused the request; nothing reached the platform. Put the proxy's user ` +
        `and password in ${notes.proxy.variable} (http://user:password@host:port).`,
      { kind: 'unreachable', httpStatus: status }
    )
  }
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

/** A request that got no HTTP response: before it was sent (safe to retry) or after (maybe seen). */
export function networkError(
  endpoint: Endpoint,
  origin: string,
  error: unknown,
  sent: boolean,
  proxy?: ProxyInUse
): ApiError {
  const reason = networkReason(error)
  const proxyFault = proxyFailureMessage(error, proxy, 'the platform', origin)
  if (proxyFault !== undefined) {
    // Refused by the proxy, or the proxy could not be reached: the platform saw nothing.
    return new ApiError(proxyFault, { kind: 'unreachable', cause: error })
  }
  if (isCertificateError(error)) {
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
  const via = proxy ? ` through the proxy at ${proxy.address} (${proxy.variable})` : ''
  return new ApiError(
    `The connection to ${origin}${via} failed after the request was sent (${reason}).` +
      (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''),
    { kind: 'unreachable', runMayHaveStarted: ambiguous, cause: error }
  )
}

/** A redirect the transport would not follow, in the platform's words. */
export function redirectError(refused: RedirectRefused): ApiError {
  const { method, url, status } = refused
  // A POST answered by anything but "repeat it there" (307, 308) has usually been carried out.
  const ambiguous = method === 'POST' && status !== 307 && status !== 308
  const why =
    refused.reason === 'not-a-url'
      ? `to ${JSON.stringify(refused.target)}, which is not a URL; the action does not follow it. ` +
        'Check `base-url` and the endpoint paths.'
      : refused.reason === 'other-origin'
        ? `to another origin (${refused.target}); the action does not follow it, so that the API ` +
          'key is not sent there. Set `base-url` to the API host itself.'
        : 'that the action will not follow. Check `base-url` and the endpoint paths.'
  return new ApiError(
    `The platform answered ${method} ${url.pathname} with a redirect (HTTP ${status}) ${why}` +
      (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''),
    { kind: 'protocol', httpStatus: status, runMayHaveStarted: ambiguous }
  )
}
