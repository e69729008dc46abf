import { Agent, request, type Dispatcher } from 'undici'
import type { Clock } from '../util/clock.js'
import { errorCode } from '../util/errors.js'
import type { Logger } from '../util/logger.js'
import { USER_AGENT } from '../util/version.js'
import { ApiError, RUN_MAY_HAVE_STARTED } from './http-errors.js'

/** One HTTP attempt to the platform, for the client; nothing else in the action speaks HTTP. */

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The body as text; empty when `stream` was asked for and the answer is a 2xx. */
  body: string
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
const CONNECT_ERROR_CODES = new Set([
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

/** The one dispatcher of the action: connection pooling and the connect timeout. */
export function createDispatcher(): Dispatcher {
  return new Agent({ connect: { timeout: 10_000 }, keepAliveTimeout: 10_000 })
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
    for (let hop = 0; ; hop++) {
      const started = this.clock.now()
      const remaining = Math.max(1, options.deadline - started)
      // A streaming trigger may send its headers only with the first event.
      const timeout = options.stream ? remaining : Math.min(this.requestTimeoutMs, remaining)
      const signals = [AbortSignal.timeout(remaining), ...(options.signal ? [options.signal] : [])]
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
          answer.body = is2xx
            ? await response.body.text()
            : await readStart(response.body, MAX_ERROR_BODY_BYTES)
        } catch (error) {
          this.logRequest(method, url, started, errorCode(error) ?? 'body error')
          // The status of an error answer stands (a 503 stays retryable); a 2xx may have started a run.
          if (!is2xx) return { ok: true, answer }
          return { ok: false, error, sent: true }
        } finally {
          clearTimeout(stalled)
        }
      } catch (error) {
        options.signal?.throwIfAborted()
        const code = errorCode(error)
        this.logRequest(method, url, started, code ?? 'error')
        return { ok: false, error, sent: !(code && CONNECT_ERROR_CODES.has(code)) }
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
    const target = new URL(location, url)
    if (target.origin !== firstUrl.origin) {
      throw new ApiError(
        `The platform redirected ${method} ${url.pathname} to another origin (${target.origin}); ` +
          'the action does not follow it, so that the API key is not sent there. ' +
          'Set `base-url` to the API host itself.',
        { kind: 'protocol', httpStatus: status }
      )
    }
    const keepsMethod = status === 307 || status === 308
    if ((!keepsMethod && method !== 'GET') || hop >= MAX_REDIRECTS) {
      // A POST answered by "see other" has usually been carried out.
      const ambiguous = method === 'POST'
      throw new ApiError(
        `The platform answered ${method} ${url.pathname} with a redirect (HTTP ${status}) ` +
          'that the action will not follow. Check `base-url` and the endpoint paths.' +
          (ambiguous ? `\n${RUN_MAY_HAVE_STARTED}` : ''),
        { kind: 'protocol', httpStatus: status, runMayHaveStarted: ambiguous }
      )
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

async function readStart(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(Buffer.from(chunk))
    size += chunk.length
    if (size >= limit) break // leaving the loop destroys the body
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}
