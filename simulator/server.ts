import { createServer } from 'node:http'
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { FaultQueue, GARBAGE_BODY, createsRun, faultStatusBody, looksLikeJson } from './faults.js'
import { dispatch, matchRoute } from './handlers.js'
import type { HandlerState, Incoming, Reply } from './handlers.js'
import { RunStore } from './runs.js'
import { mergeOptions, normalizePrefix, resolveOptions } from './scenario.js'
import { STREAM_HEADERS, firstEvent, streamRun } from './stream.js'
import type { Fault, FaultRoute, RecordedRequest, Simulator, SimulatorOptions } from './types.js'

interface Exchange {
  req: IncomingMessage
  res: ServerResponse
  record: RecordedRequest
  incoming: Incoming
}

const JSON_TYPE = 'application/json'

/** The whole body of `req` as UTF-8 text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    // A client that goes away mid-body still gets its request recorded, and nothing waits forever.
    req.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

// The status is recorded as the head goes out, so a test that has just read the response
// already finds it in `requests`.
function head(x: Exchange, status: number, headers: OutgoingHttpHeaders): void {
  x.record.status = status
  x.res.writeHead(status, headers)
}

function sendBody(x: Exchange, status: number, body: string, headers: OutgoingHttpHeaders): void {
  head(x, status, { 'Content-Length': Buffer.byteLength(body), ...headers })
  x.res.end(body)
}

function sendJson(
  x: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  sendBody(x, status, JSON.stringify(body), { 'Content-Type': JSON_TYPE, ...headers })
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

export async function startSimulator(given: SimulatorOptions = {}): Promise<Simulator> {
  const state: HandlerState = {
    options: resolveOptions(given),
    store: new RunStore(),
    rate: new Map()
  }
  const faults = new FaultQueue()
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  // Open streams, so that reset() and close() can end them instead of leaving clients waiting.
  const streams = new Map<AbortController, ServerResponse>()
  const lifetime = new AbortController()
  // Work still pending from before a reset() (a slow answer) must not touch the next test's runs.
  let generation = new AbortController()

  const streamReply = async (x: Exchange, reply: Extract<Reply, { kind: 'stream' }>) => {
    const controller = new AbortController()
    // Tracked until the socket closes, not until streamRun returns: a stalled stream is still open.
    streams.set(controller, x.res)
    x.res.once('close', () => {
      controller.abort()
      streams.delete(controller)
    })
    x.record.status = 200
    await streamRun({
      res: x.res,
      run: reply.run,
      key: reply.key,
      options: { ...state.options.stream },
      variant: { ...state.options.variant },
      signal: controller.signal
    })
  }

  const deliver = async (x: Exchange, reply: Reply): Promise<void> => {
    if (reply.kind === 'stream') return streamReply(x, reply)
    sendJson(x, reply.status, reply.body, reply.headers)
  }

  // The server did its work and the answer was cut in transit, so a trigger's run exists.
  const truncate = (x: Exchange, reply: Reply): void => {
    let full: Buffer
    if (reply.kind === 'stream') {
      full = Buffer.from(
        firstEvent({
          ...reply,
          options: state.options.stream ?? {},
          variant: state.options.variant ?? {}
        })
      )
      head(x, 200, { ...STREAM_HEADERS, 'Content-Length': full.length * 2 })
    } else {
      full = Buffer.from(JSON.stringify(reply.body))
      head(x, reply.status, {
        'Content-Type': JSON_TYPE,
        ...reply.headers,
        'Content-Length': full.length
      })
    }
    x.res.write(full.subarray(0, Math.floor(full.length / 2)), () => x.res.destroy())
  }

  const applyFault = async (x: Exchange, fault: Fault): Promise<void> => {
    const { route } = x.incoming.match
    // The ambiguous failure: the platform made the run, the client never heard of it.
    if (createsRun(fault) && (route === 'trigger' || route === 'stream')) {
      dispatch(state, x.incoming)
    }
    switch (fault.kind) {
      case 'slow':
        try {
          await sleep(fault.delayMs, undefined, {
            signal: AbortSignal.any([lifetime.signal, generation.signal])
          })
        } catch {
          return
        }
        return deliver(x, dispatch(state, x.incoming))
      case 'status': {
        const body = fault.body ?? faultStatusBody(fault.status)
        const type = looksLikeJson(body) ? JSON_TYPE : 'text/plain; charset=utf-8'
        return sendBody(x, fault.status, body, { 'Content-Type': type, ...fault.headers })
      }
      case 'reset':
        x.req.socket.destroy()
        return
      case 'truncate':
        return truncate(x, dispatch(state, x.incoming))
      case 'garbage':
        return sendBody(x, 200, GARBAGE_BODY, { 'Content-Type': JSON_TYPE })
      case 'redirect':
        return sendBody(x, fault.status ?? 307, '', { Location: fault.location })
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const path = req.url ?? '/'
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: { ...req.headers },
      body,
      at: Date.now()
    }
    requests.push(record)
    if (state.options.logRequests) {
      res.once('close', () => {
        const ms = Date.now() - record.at
        process.stderr.write(`${record.method} ${path} -> ${record.status ?? 'reset'} (${ms} ms)\n`)
      })
    }
    const pathname = new URL(path, 'http://simulator.invalid').pathname
    const match = matchRoute(record.method, pathname, normalizePrefix(state.options.pathPrefix))
    const x: Exchange = { req, res, record, incoming: { match, headers: req.headers, body } }
    const fault = faults.take(match.route)
    if (fault) return applyFault(x, fault)
    return deliver(x, dispatch(state, x.incoming))
  }

  const server: Server = createServer({ noDelay: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`simulator: ${error instanceof Error ? error.stack : String(error)}\n`)
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { 'Content-Type': JSON_TYPE }).end('{"detail":"Internal error"}')
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(state.options.port ?? 0, state.options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const origin = `http://${urlHost(state.options.host ?? '127.0.0.1')}:${port}`

  const endStreams = (): void => {
    for (const [controller, res] of streams) {
      controller.abort()
      res.destroy()
    }
    streams.clear()
  }

  let closing: Promise<void> | undefined
  return {
    get url() {
      return origin + normalizePrefix(state.options.pathPrefix)
    },
    origin,
    port,
    requests,
    runs: state.store.runs,
    injectFault(route: FaultRoute, fault: Fault, times = 1) {
      faults.add(route, fault, times)
    },
    configure(patch: Partial<SimulatorOptions>) {
      state.options = mergeOptions(state.options, patch)
    },
    reset() {
      generation.abort()
      generation = new AbortController()
      endStreams()
      requests.length = 0
      state.store.clear()
      state.rate.clear()
      faults.clear()
      state.options = resolveOptions(given)
    },
    close() {
      closing ??= new Promise<void>(resolve => {
        lifetime.abort()
        endStreams()
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      })
      return closing
    }
  }
}
