import http from 'node:http'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import { listenOnLoopback } from './loopback.js'

/**
 * A corporate forward proxy on 127.0.0.1, for proving the action reaches the platform through
 * HTTPS_PROXY / HTTP_PROXY.
 *
 * Hand-written rather than the `proxy` package: that one opens its CONNECT upstream sockets
 * and absolute-form requests (through Node's shared global agent) where close() cannot reach
 * them, so a tunnel to a keep-alive server outlives the proxy and keeps jest waiting.
 */
export interface ForwardProxy {
  /** `http://127.0.0.1:PORT`, without credentials. */
  readonly url: string
  /** `http://user:pass@127.0.0.1:PORT` (percent-encoded) with `auth`; the same as `url` without. */
  readonly urlWithAuth: string
  /** One entry per CONNECT or absolute-form request, in arrival order, including refused ones. */
  readonly requests: ProxiedRequest[]
  reset(): void
  /** Stops listening and destroys every client socket, tunnel and upstream request. */
  close(): Promise<void>
}

export interface ProxiedRequest {
  method: string
  /** `host:port` for CONNECT, the absolute URL for a plain request. */
  target: string
  /** Whether the proxy let it through: always true when the proxy takes no credentials. */
  authorized: boolean
}

export interface ForwardProxyOptions {
  auth?: { username: string; password: string }
}

// Hop-by-hop headers describe one connection (RFC 9110 §7.6.1), not the forwarded message.
// Transfer-Encoding stays on requests: Node only frames a GET or DELETE body as chunked when
// the header says so.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade'
])

/** Copies `headers` without hop-by-hop ones, including any the Connection header names. */
export function endToEndHeaders(
  headers: http.IncomingHttpHeaders,
  drop: readonly string[] = []
): http.OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map(name => name.trim().toLowerCase())
  const out: http.OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue
    if (drop.includes(name)) continue
    out[name] = value
  }
  return out
}

/**
 * Sends `req` on with `options` and relays the answer to `res`, as a proxy does: an unreachable
 * upstream is a 502, and either side going away ends the other.
 */
export function relayRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  track: (socket: Duplex) => void,
  options: http.RequestOptions
): void {
  const upstream = http.request(options)
  upstream.on('socket', track)
  upstream.on('response', answer => {
    res.writeHead(
      answer.statusCode ?? 502,
      answer.statusMessage,
      endToEndHeaders(answer.headers, ['transfer-encoding'])
    )
    // Event streams must not wait for the first body chunk to show their headers.
    res.flushHeaders()
    answer.pipe(res)
    answer.once('error', () => res.destroy())
  })
  upstream.on('error', () => {
    if (res.headersSent) res.destroy()
    else res.writeHead(502, { 'Content-Type': 'text/plain' }).end('upstream unreachable\n')
  })
  res.once('close', () => {
    if (!res.writableFinished) upstream.destroy()
  })
  req.pipe(upstream)
}

/** `host:port` or `[v6]:port` as a CONNECT request names it. */
function parseAuthority(authority: string): { host: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(authority)
  if (!match?.[1] || !match[2]) return undefined
  const port = Number(match[2])
  return port > 0 && port < 65536 ? { host: match[1], port } : undefined
}

function rawResponse(status: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ ...headers, 'Content-Length': '0', Connection: 'close' })
  return `HTTP/1.1 ${status}\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`
}

const CHALLENGE = { 'Proxy-Authenticate': 'Basic realm="proxy"' }

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const { auth } = options
  const expected = auth
    ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
    : undefined
  const requests: ProxiedRequest[] = []
  // Client sockets (including those a CONNECT took over, which server.closeAllConnections()
  // no longer sees) and upstream sockets alike.
  const sockets = new Set<Duplex>()
  const track = (socket: Duplex): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }

  const admit = (req: http.IncomingMessage, target: string): boolean => {
    const authorized = expected === undefined || req.headers['proxy-authorization'] === expected
    requests.push({ method: req.method ?? 'GET', target, authorized })
    return authorized
  }

  const server = http.createServer({ noDelay: true }, (req, res) => {
    const target = req.url ?? '/'
    let url: URL | undefined
    try {
      url = new URL(target)
    } catch {
      // An origin-form request: the client took the proxy for the server.
    }
    if (!admit(req, target)) {
      res.writeHead(407, CHALLENGE).end()
      return
    }
    if (url?.protocol !== 'http:') {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('absolute http:// URL expected\n')
      return
    }
    // agent: false gives every request a socket of its own that ends with it, instead of one
    // pooled (and kept alive) in the process-wide global agent.
    relayRequest(req, res, track, {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || 80,
      method: req.method,
      path: url.pathname + url.search,
      headers: endToEndHeaders(req.headers),
      agent: false
    })
  })

  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? ''
    client.on('error', () => client.destroy())
    if (!admit(req, target)) {
      client.end(rawResponse('407 Proxy Authentication Required', CHALLENGE))
      return
    }
    const authority = parseAuthority(target)
    if (!authority) {
      client.end(rawResponse('400 Bad Request'))
      return
    }
    const upstream = net.connect(authority)
    track(upstream)
    let open = false
    upstream.once('connect', () => {
      open = true
      upstream.setNoDelay(true)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => {
      if (open) client.destroy()
      else client.end(rawResponse('502 Bad Gateway'))
    })
    // pipe() only forwards a clean end: a reset on either side must tear down the other.
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => {
      if (open) client.destroy()
    })
  })

  server.on('connection', track)
  const port = await listenOnLoopback(server)
  const url = `http://127.0.0.1:${port}`
  const urlWithAuth = auth
    ? `http://${encodeURIComponent(auth.username)}:${encodeURIComponent(auth.password)}@127.0.0.1:${port}`
    : url

  let closing: Promise<void> | undefined
  return {
    url,
    urlWithAuth,
    requests,
    reset() {
      requests.length = 0
    },
    close() {
      closing ??= new Promise<void>(resolve => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    }
  }
}
