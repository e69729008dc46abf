import type { Clock } from '../util/clock.js'
import { errorCode } from '../util/errors.js'
import type { Logger } from '../util/logger.js'
import { USER_AGENT } from '../util/version.js'
import { readBytes, readStart } from './bodies.js'
import { CERTIFICATE_ERROR_CODES, CONNECT_ERROR_CODES, proxyRefusal } from './network-errors.js'
import type { ProxyInUse, Routes } from './routes.js'
import { headersSent } from './headers-sent.js'
import { requestThrough } from './undici-parts.js'

// One HTTP attempt, for every host the action talks to (the platform and the GitHub API): the
// timeouts, the abort, the same-origin redirects and the bounded bodies are here, and nowhere
// else. What to retry is the caller's (retry-policy.ts); what a failure means, its words.

export type HttpMethod = 'GET' | 'POST' | 'PATCH'

export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The start of an error response's body, as text (to be quoted); empty for a 2xx. */
  body: string
  /** The body of a 2xx that was read (not streamed), as bytes. */
  bytes?: Buffer
  /** The unread body of a 2xx when `stream` was asked for. */
  stream?: AsyncIterable<Uint8Array> & { destroy(error?: Error): void }
  /** The proxy that carried the request, if any. */
  proxy: ProxyInUse | undefined
}

/** An response, or a network failure and whether the request had left (was possibly seen). */
export type Attempt =
  | { ok: true; response: HttpResponse }
  | { ok: false; error: unknown; sent: boolean; proxy: ProxyInUse | undefined }

/** Every call carries the overall deadline (epoch ms) and the one signal that stops all waiting. */
export interface RequestContext {
  deadline: number
  signal?: AbortSignal | undefined
  /**
   * Stops a request already on its way, when that must outlast `signal`: a trigger in flight
   * is let finish (briefly) after the job is cancelled, so that its run can be cancelled too.
   */
  requestSignal?: AbortSignal | undefined
  /**
   * Told, for a trigger, whether an attempt may be creating a run right now: true while it is
   * on its way, false once the platform has certainly refused it (a 429 or 503 to wait out).
   */
  onInFlight?: ((inFlight: boolean) => void) | undefined
}

export interface SendOptions extends RequestContext {
  /** The request's own headers: its credentials, the body's type. */
  headers: Record<string, string>
  body?: string | undefined
  /** Watched on the wire: until its head is written, a failure cannot have reached the host. */
  idempotencyKey?: string | undefined
  /** Return a 2xx body unread, for server-sent events; idle detection is the reader's job. */
  stream?: boolean | undefined
  /** A 2xx body longer than this fails the attempt (the platform's outputs may be large). */
  maxBodyBytes?: number | undefined
}

/** A redirect the transport does not follow; the caller says what it means for its host. */
export class RedirectRefused extends Error {
  constructor(
    readonly reason: 'not-a-url' | 'other-origin' | 'not-followed',
    readonly method: HttpMethod,
    readonly url: URL,
    readonly status: number,
    readonly target: string
  ) {
    super(`${method} ${url.pathname} was redirected (HTTP ${status}); not followed: ${reason}`)
    this.name = 'RedirectRefused'
  }
}

const MAX_REDIRECTS = 5
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const MAX_ERROR_BODY_BYTES = 1024 * 1024
// Errors raised before the request left the machine: the host cannot have seen it. A TLS
// handshake fails on the certificate before a byte of the request is sent.
const NOT_SENT_ERROR_CODES: ReadonlySet<string> = new Set([
  // The request could not even be formed (a header value, the URL).
  'UND_ERR_INVALID_ARG',
  'ERR_INVALID_URL',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_ARG_VALUE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  ...CONNECT_ERROR_CODES,
  ...CERTIFICATE_ERROR_CODES
])

export class HttpTransport {
  constructor(
    private readonly routes: Routes,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS
  ) {}

  /** One attempt, following same-origin redirects: credentials never leave the first origin. */
  async send(method: HttpMethod, firstUrl: URL, options: SendOptions): Promise<Attempt> {
    let url = firstUrl
    const marker = options.idempotencyKey
    const stopSignal = options.requestSignal ?? options.signal
    for (let hop = 0; ; hop++) {
      const { dispatcher, proxy } = this.routes.routeFor(url)
      const started = this.clock.now()
      const remaining = Math.max(1, options.deadline - started)
      // A streaming trigger may send its headers only with the first event.
      const timeout = options.stream ? remaining : Math.min(this.requestTimeoutMs, remaining)
      const signals = [AbortSignal.timeout(remaining), ...(stopSignal ? [stopSignal] : [])]
      if (marker !== undefined) headersSent.forget(marker)
      let response: HttpResponse
      try {
        // undici's request, as its index builds it: the dispatcher is `this`.
        const received = await requestThrough.call(dispatcher, {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: {
            accept: options.stream ? 'text/event-stream' : 'application/json',
            'user-agent': USER_AGENT,
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(marker ? { 'idempotency-key': marker } : {}),
            ...options.headers
          },
          body: options.body,
          headersTimeout: timeout,
          // A stream may be quiet between events for longer than a request may take.
          bodyTimeout: options.stream ? 0 : timeout,
          signal: AbortSignal.any(signals)
        })
        response = { status: received.statusCode, headers: received.headers, body: '', proxy }
        const is2xx = response.status >= 200 && response.status < 300
        // Anything but JSON from the streaming trigger is read as a stream, whatever its label.
        if (options.stream && is2xx && !isJson(response)) {
          this.logRequest(method, url, started, `${response.status} (stream)`)
          return { ok: true, response: { ...response, stream: received.body } }
        }
        // A body that is read, not streamed, gets the request timeout even from the
        // streaming trigger (whose bodyTimeout is off for the stream's sake).
        const stalled = options.stream
          ? setTimeout(
              () => received.body.destroy(new Error('the body stalled')),
              Math.min(this.requestTimeoutMs, remaining)
            )
          : undefined
        try {
          // An error page is only quoted, so only its start is read.
          if (is2xx) {
            response.bytes = await readBytes(
              received.body,
              headerValue(response, 'content-length'),
              options.maxBodyBytes
            )
          } else response.body = await readStart(received.body, MAX_ERROR_BODY_BYTES)
        } catch (error) {
          this.logRequest(method, url, started, errorCode(error) ?? 'body error')
          // The status of an error response stands (a 503 stays retryable); a 2xx may have done its work.
          if (!is2xx) return { ok: true, response }
          return { ok: false, error, sent: true, proxy }
        } finally {
          clearTimeout(stalled)
        }
      } catch (error) {
        stopSignal?.throwIfAborted()
        const code = errorCode(error)
        this.logRequest(method, url, started, code ?? 'error')
        // A request watched on the wire knows whether its head was written; others go by the code.
        const sent =
          marker !== undefined ? headersSent.has(marker) : !(code && NOT_SENT_ERROR_CODES.has(code))
        return { ok: false, error, sent: sent && !refusedByProxy(error, proxy), proxy }
      } finally {
        if (marker !== undefined) headersSent.forget(marker)
      }
      this.logRequest(method, url, started, String(response.status))
      const location = headerValue(response, 'location')
      if (response.status < 300 || response.status >= 400 || location === undefined) {
        return { ok: true, response }
      }
      url = redirectTarget(method, url, firstUrl, response.status, location, hop)
    }
  }

  private logRequest(method: string, url: URL, started: number, outcome: string): void {
    // Method, path, outcome and time only: never a header, a query string or a body.
    this.logger.debug(`${method} ${url.pathname} -> ${outcome} (${this.clock.now() - started} ms)`)
  }
}

/** Where a redirect may lead: on the first URL's origin, and only where the method allows. */
function redirectTarget(
  method: HttpMethod,
  url: URL,
  firstUrl: URL,
  status: number,
  location: string,
  hop: number
): URL {
  let target: URL
  try {
    target = new URL(location, url)
  } catch {
    throw new RedirectRefused('not-a-url', method, url, status, location.slice(0, 200))
  }
  if (target.origin !== firstUrl.origin) {
    throw new RedirectRefused('other-origin', method, url, status, target.origin)
  }
  // A POST answered by anything but "repeat it there" (307, 308) has usually been carried out.
  const keepsMethod = status === 307 || status === 308
  if ((!keepsMethod && method !== 'GET') || hop >= MAX_REDIRECTS) {
    throw new RedirectRefused('not-followed', method, url, status, target.pathname)
  }
  return target
}

/**
 * The proxy refused the request itself (407 to an absolute-form request, or any refusal of a
 * CONNECT tunnel): it never went on to the host, whatever reached the proxy.
 */
function refusedByProxy(error: unknown, proxy: ProxyInUse | undefined): boolean {
  return proxy !== undefined && proxyRefusal(error) !== undefined
}

export function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function isJson(response: HttpResponse): boolean {
  return /[/+]json\b/i.test(headerValue(response, 'content-type') ?? '')
}
