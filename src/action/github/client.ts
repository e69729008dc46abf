import { STATUS_CODES } from 'node:http'
import { getOctokit } from '@actions/github'
import { FetchFailure, originFetch } from '../../http/fetch.js'
import { networkReason, proxyFailureMessage } from '../../http/network-errors.js'
import type { RequestKind } from '../../http/retry-policy.js'
import { Routes } from '../../http/routes.js'
import {
  headerValue,
  HttpTransport,
  RedirectRefused,
  type HttpResponse
} from '../../http/transport.js'
import { boundUtf8 } from '../../output/bounds.js'
import { systemClock } from '../../util/clock.js'
import { getErrorMessage } from '../../util/errors.js'
import type { Logger } from '../../util/logger.js'
import { singleSpaced } from '../../util/text.js'
import { proxySettings } from '../network.js'

// Octokit, sending through the action's own transport (http/fetch.ts): every request to the
// GitHub API is timed, retried as the retry table says, bounded, and kept on the API's own
// origin; all of them share one time budget and stop at once on the step's abort signal.

/** Everything the step asks of GitHub for one publication (a comment) fits in this. */
const GITHUB_BUDGET_MS = 60_000
/** One attempt: connect, headers and body. */
const GITHUB_REQUEST_TIMEOUT_MS = 10_000
/** A list of 100 comments of 65,536 characters is about 26 MB at worst. */
const MAX_GITHUB_BODY_BYTES = 32 * 1024 * 1024
/** Annotations show 4 KiB: a message built from GitHub's response is no longer. */
const MAX_MESSAGE_BYTES = 4 * 1024
const EXCERPT_CHARS = 300

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHubConnection {
  octokit: Octokit
  /** The API's origin: the only one requests go to. */
  origin: string
  budgetMs: number
  close(): Promise<void>
}

export function connectToGitHub(options: {
  apiUrl: URL
  token: string
  signal: AbortSignal | undefined
  logger: Logger
  /** The budget and the bound on one attempt; the defaults are the step's. */
  budgetMs?: number
  requestTimeoutMs?: number
}): GitHubConnection {
  const routes = new Routes(proxySettings(process.env))
  const transport = new HttpTransport(
    routes,
    systemClock,
    options.logger,
    options.requestTimeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS
  )
  const budgetMs = options.budgetMs ?? GITHUB_BUDGET_MS
  const graphqlPath = graphqlUrl(options.apiUrl).pathname
  const fetch = originFetch({
    transport,
    clock: systemClock,
    logger: options.logger,
    random: Math.random,
    retries: 3,
    origin: options.apiUrl.origin,
    deadline: systemClock.now() + budgetMs,
    signal: options.signal,
    maxBodyBytes: MAX_GITHUB_BODY_BYTES,
    isRateLimited: isGitHubRateLimit,
    kindOf: (method, url): RequestKind =>
      method === 'GET' || (method === 'POST' && url.pathname === graphqlPath)
        ? 'github-read'
        : method === 'PATCH'
          ? 'github-update'
          : 'github-create'
  })
  const quiet = (): void => undefined
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl.href.replace(/\/+$/, ''),
    request: { fetch },
    // Octokit's own lines quote GitHub's headers: they stay out of the log, where they could act.
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet }
  })
  return { octokit, origin: options.apiUrl.origin, budgetMs, close: () => routes.close() }
}

/** Where Octokit posts GraphQL for an API URL (GitHub Enterprise Server: `/api/graphql`). */
function graphqlUrl(apiUrl: URL): URL {
  const base = apiUrl.href.replace(/\/+$/, '')
  return new URL(/\/api\/v3$/.test(base) ? base.replace(/\/v3$/, '/graphql') : `${base}/graphql`)
}

/** GitHub signals its rate limits with 429, or with 403 and Retry-After or no requests left. */
function isGitHubRateLimit(response: HttpResponse): boolean {
  if (response.status === 429) return true
  return (
    response.status === 403 &&
    (headerValue(response, 'retry-after') !== undefined ||
      headerValue(response, 'x-ratelimit-remaining') === '0')
  )
}

/** What went wrong with a request to GitHub, bounded, with GitHub's own words where it gave some. */
export function describeGitHubFailure(
  error: unknown,
  connection: Pick<GitHubConnection, 'origin' | 'budgetMs'>
): {
  status: number | undefined
  message: string
} {
  const { status, cause, response } = error as {
    status?: unknown
    cause?: unknown
    response?: { data?: unknown; headers?: Record<string, unknown> }
  }
  const failure = cause instanceof Error ? cause : error
  let message: string
  let httpStatus: number | undefined
  if (failure instanceof FetchFailure) {
    message = fetchFailureMessage(failure, connection)
  } else if (failure instanceof RedirectRefused) {
    message =
      failure.reason === 'other-origin'
        ? `GitHub answered with a redirect to another origin (${failure.target}); it was not ` +
          'followed, so that the token is not sent there'
        : `GitHub answered with a redirect (HTTP ${failure.status}) that the action does not follow`
  } else if (typeof status === 'number' && response !== undefined) {
    httpStatus = status
    message = `HTTP ${status}: ${responseDetail(status, response.data, response.headers)}`
  } else {
    message = getErrorMessage(failure)
  }
  return { status: httpStatus, message: boundUtf8(message, MAX_MESSAGE_BYTES, '… [cut]').text }
}

function fetchFailureMessage(
  failure: FetchFailure,
  { origin, budgetMs }: Pick<GitHubConnection, 'origin' | 'budgetMs'>
): string {
  const { failure: what } = failure
  switch (what.kind) {
    case 'other-origin':
      return (
        `GitHub named a link to another origin (${what.url.origin}); the action does not ` +
        'follow it, so that the token is not sent there'
      )
    case 'deadline':
      return `GitHub did not finish answering within ${budgetMs / 1000} s`
    case 'unreadable':
      return `GitHub's answer could not be read (${what.error.message})`
    case 'invalid-status':
      return `GitHub answered with HTTP status ${what.status}, which is not a status`
    case 'network': {
      const { error, proxy, sent } = what.attempt
      const proxyFault = proxyFailureMessage(error, proxy, 'the GitHub API', origin)
      if (proxyFault !== undefined) return proxyFault
      return sent
        ? `the connection to ${origin} failed after the request was sent (${networkReason(error)})`
        : `could not reach the GitHub API at ${origin} (${networkReason(error)})`
    }
  }
}

/**
 * GitHub's explanation of an error response: its JSON `message` and `errors`, or for anything
 * else the status line alone (a 168 KB HTML error page is not a message), or a short excerpt.
 */
function responseDetail(
  status: number,
  data: unknown,
  headers: Record<string, unknown> | undefined
): string {
  const statusLine = STATUS_CODES[status] ?? 'unknown status'
  if (data !== null && typeof data === 'object' && !(data instanceof ArrayBuffer)) {
    const { message, errors } = data as { message?: unknown; errors?: unknown }
    const details = Array.isArray(errors)
      ? errors
          .slice(0, 5)
          .map(item =>
            typeof item === 'string'
              ? item
              : typeof (item as { message?: unknown })?.message === 'string'
                ? (item as { message: string }).message
                : undefined
          )
          .filter(item => item !== undefined)
      : []
    const said = typeof message === 'string' && !isMarkup(message) ? message : statusLine
    const text = [said, ...details.filter(detail => !isMarkup(detail))].join('; ')
    return singleSpaced(text).slice(0, EXCERPT_CHARS)
  }
  const contentType = headers?.['content-type']
  const type = typeof contentType === 'string' ? contentType : ''
  const text = typeof data === 'string' ? data : ''
  if (/html|xml/i.test(type) || isMarkup(text) || text.trim() === '') return statusLine
  const line = singleSpaced(text)
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line
}

/** Text that is a page of markup (HTML, XML, a proxy's error page), not a message. */
function isMarkup(text: string): boolean {
  return text.trimStart().startsWith('<')
}

/**
 * The login the token comments as. `GET /user` refuses GITHUB_TOKEN and App tokens, so it is
 * asked of GraphQL; without a response, an installation token (`ghs_`) is taken to be the
 * Actions bot, and any other token finds no earlier card (a new one is made).
 */
export async function ownLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const response = await octokit.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }'
    )
    const login = response?.viewer?.login
    if (typeof login === 'string' && login.length <= 100) return login
    throw new Error('GraphQL named no login')
  } catch {
    const auth = (await octokit.auth()) as { token?: string }
    return auth.token?.startsWith('ghs_') ? 'github-actions[bot]' : undefined
  }
}

/** Logins compared as GitHub does: case aside, and `name[bot]` is `name`. */
export function sameLogin(a: string, b: string): boolean {
  const plain = (login: string): string => login.replace(/\[bot\]$/, '').toLowerCase()
  return plain(a) === plain(b)
}

/**
 * The pages of a GitHub list, each checked to be a list (GitHub's answer is data: a page that
 * is not one is not taken for one), at most `maxPages` of 100: a longer list is cut there.
 */
export async function* everyPage(
  octokit: Octokit,
  route: Parameters<Octokit['paginate']['iterator']>[0],
  params: Record<string, unknown>,
  what: string,
  maxPages: number
): AsyncGenerator<unknown[]> {
  let pages = 0
  const iterator = octokit.paginate.iterator(
    route as never,
    {
      ...params,
      per_page: 100
    } as never
  ) as AsyncIterable<{ data: unknown }>
  for await (const { data } of iterator) {
    if (!Array.isArray(data)) throw new Error(`GitHub's page of ${what} is not a list`)
    yield data as unknown[]
    if (++pages >= maxPages) return
  }
}

/** What to tell the user after a GitHub failure: the failure, then the fix for its status. */
export function failureAdvice(
  why: string,
  failure: { status: number | undefined; message: string },
  fixes: { rateLimited: string; forbidden: string; notFound: string; refused?: string }
): string {
  if (/rate limit/i.test(failure.message)) {
    return `${why} GitHub's rate limit for this token is spent: ${fixes.rateLimited}`
  }
  switch (failure.status) {
    case 401:
      return `${why} Check \`github-token\`.`
    case 403:
      return `${why} ${fixes.forbidden}`
    case 404:
      return `${why} ${fixes.notFound}`
    case 422:
      return fixes.refused === undefined ? why : `${why} ${fixes.refused}`
    default:
      return why
  }
}
