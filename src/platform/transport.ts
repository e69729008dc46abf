import type { Dispatcher } from 'undici'
import { EnvHttpProxyAgent, request } from './undici-parts.js'
import type { Clock } from '../util/clock.js'
import { errorCode } from '../util/errors.js'
import type { Logger } from '../util/logger.js'
import { USER_AGENT } from '../util/version.js'
import { ApiError } from './api-error.js'
import { readBytes, readStart } from './bodies.js'
import { sentHeads } from './sent-heads.js'
import { RUN_MAY_HAVE_STARTED } from './http-errors.js'

/** One HTTP attempt to the platform, for the client; nothing else in the action speaks HTTP. */

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The start of an error answer's body, as text (to be quoted); empty for a 2xx. */
  body: string
  /** The body of a 2xx that was read (not streamed), as bytes. */
  bytes?: Buffer
  /** The unread body of a 2xx when `stream` was asked for. */
  stream?: AsyncIterable<Uint8Array> & { destroy(error?: Error): void }
}

/** An answer, or a network failure and whether the request had left (was possibly seen). */
export type Attempt =
  { ok: true; answer: HttpAnswer } | { ok: false; error: unknown; sent: boolean }

/** Every call carries the overall deadline (epoch ms) and the one signal that stops all waiting. */
export interface RequestContext {
  deadline: number
  signal?: AbortSignal
  /**
   * Stops a request already on its way, when that must outlast `signal`: a trigger in flight
   * is let finish (briefly) after the job is cancelled, so that its run can be cancelled too.
   */
  requestSignal?: AbortSignal
  /**
   * Told, for a trigger, whether an attempt may be creating a run right now: true while it is
   * on its way, false once the platform has certainly refused it (a 429 or 503 to wait out).
   */
  onInFlight?: (inFlight: boolean) => void
}

export interface SendOptions extends RequestContext {
  body?: string
  idempotencyKey?: string
  /** Return a 2xx body unread, for server-sent events; idle detection is the reader's job. */
  stream?: boolean
}

const MAX_REDIRECTS = 5
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const MAX_ERROR_BODY_BYTES = 1024 * 1024
// Errors raised before the request left the machine: the platform cannot have seen it.
const NOT_SENT_ERROR_CODES = new Set([
  // The request could not even be formed (a header value, the URL).
  'UND_ERR_INVALID_ARG',
  'ERR_INVALID_URL',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_ARG_VALUE',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  // TLS fails in the handshake, before a byte of the request is sent.
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER'
])

/**
 * The one dispatcher of the action, for the platform and the GitHub API alike: connection
 * pooling, the connect timeout, and the proxy that HTTPS_PROXY, HTTP_PROXY and NO_PROXY (in
 * either case) name. A proxy tunnels https:// with CONNECT and takes http:// in absolute form.
 * A private certificate authority is trusted through NODE_EXTRA_CA_CERTS, which Node reads.
 */
export function createDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({
    connect: { timeout: 10_000 },
    keepAliveTimeout: 10_000,
    proxyTunnel: false
  })
}

export class HttpTransport {
  constructor(
    private readonly apiKey: string,
    private readonly dispatcher: Dispatcher,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS
  ) {}

  /** One attempt, following same-origin redirects; the bearer key never leaves the first origin. */
  async send(method: 'GET' | 'POST', firstUrl: URL, options: SendOptions): Promise<Attempt> {
    let url = firstUrl
    const marker = options.idempotencyKey
    const stopSignal = options.requestSignal ?? options.signal
    for (let hop = 0; ; hop++) {
      const started = this.clock.now()
      const remaining = Math.max(1, options.deadline - started)
      // A streaming trigger may send its headers only with the first event.
      const timeout = options.stream ? remaining : Math.min(this.requestTimeoutMs, remaining)
      const signals = [AbortSignal.timeout(remaining), ...(stopSignal ? [stopSignal] : [])]
      if (marker !== undefined) sentHeads.forget(marker)
      let answer: HttpAnswer
      try {
        const response = await request(url, {
          method,
          dispatcher: this.dispatcher,
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            accept: options.stream ? 'text/event-stream' : 'application/json',
            'user-agent': USER_AGENT,
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {})
          },
          body: options.body,
          headersTimeout: timeout,
          // A stream may be quiet between events for longer than a request may take.
          bodyTimeout: options.stream ? 0 : timeout,
          signal: AbortSignal.any(signals)
        })
        answer = { status: response.statusCode, headers: response.headers, body: '' }
        const is2xx = answer.status >= 200 && answer.status < 300
        // Anything but JSON from the streaming trigger is read as a stream, whatever its label.
        if (options.stream && is2xx && !isJson(answer)) {
          this.logRequest(method, url, started, `${answer.status} (stream)`)
          return { ok: true, answer: { ...answer, stream: response.body } }
        }
        // A body that is read, not streamed, gets the request timeout even from the
        // streaming trigger (whose bodyTimeout is off for the stream's sake).
        const stalled = options.stream
          ? setTimeout(
              () => response.body.destroy(new Error('the body stalled')),
              Math.min(this.requestTimeoutMs, remaining)
            )
          : undefined
        try {
          // An error page is only quoted, so only its start is read.
          if (is2xx)
            answer.bytes = await readBytes(response.body, headerValue(answer, 'content-length'))
          else answer.body = await readStart(response.body, MAX_ERROR_BODY_BYTES)
        } catch (error) {
          this.logRequest(method, url, started, errorCode(error) ?? 'body error')
          // The status of an error answer stands (a 503 stays retryable); a 2xx may have started a run.
          if (!is2xx) return { ok: true, answer }
          return { ok: false, error, sent: true }
        } finally {
          clearTimeout(stalled)
        }
      } catch (error) {
        stopSignal?.throwIfAborted()
        const code = errorCode(error)
        this.logRequest(method, url, started, code ?? 'error')
        // A trigger knows whether its head was written; other requests go by the error's code.
        const sent =
          marker !== undefined ? sentHeads.has(marker) : !(code && NOT_SENT_ERROR_CODES.has(code))
        return { ok: false, error, sent }
      } finally {
        if (marker !== undefined) sentHeads.forget(marker)
      }
      this.logRequest(method, url, started, String(answer.status))
      const location = headerValue(answer, 'location')
      if (answer.status < 300 || answer.status >= 400 || location === undefined) {
        return { ok: true, answer }
      }
      url = this.redirectTarget(method, url, firstUrl, answer.status, location, hop)
    }
  }

  private redirectTarget(
    method: string,
    url: URL,
    firstUrl: URL,
    status: number,
    location: string,
    hop: number
  ): URL {
    // A POST answered by anything but "repeat it there" (307, 308) has usually been carried out.
    const keepsMethod = status === 307 || status === 308
    const ambiguous = method === 'POST' && !keepsMethod
    const refuse = (why: string): ApiError =>
      new ApiError(
        `The platform answered ${method} ${url.pathname} with a redirect (HTTP ${status}) ${why}` +
          (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''),
        { kind: 'protocol', httpStatus: status, runMayHaveStarted: ambiguous }
      )
    let target: URL
    try {
      target = new URL(location, url)
    } catch {
      throw refuse(
        `to ${JSON.stringify(location.slice(0, 200))}, which is not a URL; the action does not ` +
          'follow it. Check `base-url` and the endpoint paths.'
      )
    }
    if (target.origin !== firstUrl.origin) {
      throw refuse(
        `to another origin (${target.origin}); the action does not follow it, so that the API ` +
          'key is not sent there. Set `base-url` to the API host itself.'
      )
    }
    if ((!keepsMethod && method !== 'GET') || hop >= MAX_REDIRECTS) {
      throw refuse('that the action will not follow. Check `base-url` and the endpoint paths.')
    }
    return target
  }

  private logRequest(method: string, url: URL, started: number, outcome: string): void {
    // Method, path, outcome and time only: never a header, a query string or a body.
    this.logger.debug(`${method} ${url.pathname} -> ${outcome} (${this.clock.now() - started} ms)`)
  }
}

export function headerValue(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function isJson(answer: HttpAnswer): boolean {
  return /[/+]json\b/i.test(headerValue(answer, 'content-type') ?? '')
}
