import { Headers, Response } from 'undici'
import type { RequestKind } from './retry-policy.js'
import { sendRetrying, type Outcome, type RetryingConfig } from './retrying.js'
import type { HttpResponse, HttpMethod, HttpTransport } from './transport.js'

// A `fetch` for a client library (Octokit) that sends through the action's own transport and
// retry table, so that its requests keep the same rules as the platform's: a timeout on every
// attempt, one deadline and one abort signal for all of them, bounded bodies, same-origin
// redirects, and nothing at all sent to another origin, not even a link the host names.
// Loaded only by a step that talks to GitHub (it needs undici's Response).

export interface OriginFetchConfig extends Omit<RetryingConfig, 'transport' | 'onRateLimited'> {
  transport: HttpTransport
  /** The one origin requests may go to: the API's. */
  origin: string
  /** Every request, retries included, ends by then (epoch ms). */
  deadline: number
  signal?: AbortSignal | undefined
  /** A 2xx body longer than this fails the request. */
  maxBodyBytes: number
  /** Which row of the retry table a request is. */
  kindOf: (method: HttpMethod, url: URL) => RequestKind
}

/** Why a request got no usable response; the caller says it in its own words. */
export class FetchFailure extends Error {
  constructor(
    readonly failure:
      | Exclude<Outcome, { kind: 'read' } | { kind: 'response' }>
      | { kind: 'other-origin'; url: URL }
      | { kind: 'deadline' }
      | { kind: 'invalid-status'; status: number },
    message: string
  ) {
    super(message)
    this.name = 'FetchFailure'
  }
}

interface FetchInit {
  method?: string
  headers?: Record<string, string>
  body?: string
}

export function originFetch(config: OriginFetchConfig) {
  return async (input: string | URL, init: FetchInit = {}): Promise<Response> => {
    const url = new URL(input)
    if (url.origin !== config.origin) {
      // A link (`rel="next"`) or an address in a body is the host's word: the token stays home.
      throw new FetchFailure(
        { kind: 'other-origin', url },
        `refused to send a request to another origin (${url.origin})`
      )
    }
    const method = (init.method ?? 'GET').toUpperCase() as HttpMethod
    if (config.clock.now() >= config.deadline) {
      throw new FetchFailure({ kind: 'deadline' }, 'the time for these requests is spent')
    }
    const outcome = await sendRetrying(
      config,
      config.kindOf(method, url),
      method,
      url,
      {
        headers: init.headers ?? {},
        body: init.body,
        deadline: config.deadline,
        signal: config.signal,
        maxBodyBytes: config.maxBodyBytes
      },
      response => response
    )
    switch (outcome.kind) {
      case 'read':
        return toResponse(outcome.value, outcome.value.bytes)
      case 'response':
        return toResponse(outcome.response, Buffer.from(outcome.response.body))
      default:
        // The deadline cut the attempts short: that, not the last one's error, is what happened.
        if (outcome.outOfTime || config.clock.now() >= config.deadline) {
          throw new FetchFailure({ kind: 'deadline' }, 'the time for these requests is spent')
        }
        throw new FetchFailure(
          outcome,
          outcome.kind === 'network' ? String(outcome.attempt.error) : outcome.error.message
        )
    }
  }
}

function toResponse(response: HttpResponse, body: Buffer | undefined): Response {
  if (response.status < 200 || response.status > 599) {
    throw new FetchFailure(
      { kind: 'invalid-status', status: response.status },
      `HTTP status ${response.status} is not a status`
    )
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(response.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, item)
    }
  }
  const empty = response.status === 204 || response.status === 205 || response.status === 304
  return new Response(empty ? null : (body ?? null), { status: response.status, headers })
}
