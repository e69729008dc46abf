import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { promises as fs } from 'node:fs'
import http from 'node:http'
import type { Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify, types } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { Agent, EnvHttpProxyAgent, ProxyAgent, request } from 'undici'
import type { Dispatcher } from 'undici'
import {
  startForwardProxy,
  type ForwardProxy,
  type ProxiedRequest
} from '../helpers/forward-proxy.js'
import { generateSelfSigned, startTlsFront, type TlsFront } from '../helpers/tls-front.js'
import { listenOnLoopback } from '../helpers/loopback.js'

// Why the helpers have tests of their own: the forward proxy and the TLS front are what prove
// the action works behind a corporate proxy and with a private certificate authority
// (e2e/network.test.ts, e2e/github-side.test.ts). A proxy that quietly connected directly, or a
// front that did not really check its certificate, would let those tests pass for nothing; so
// each is checked here against undici on its own: CONNECT and absolute form, basic auth, 407,
// closing what it holds open.

// The helpers the proxy and private-certificate tests stand on, proven with undici itself.

interface Echo {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

interface Target {
  url: string
  host: string
  port: number
  close(): Promise<void>
}

/** A plain-HTTP origin: echoes requests, and streams on /stream (two events) and /hold. */
async function startTarget(): Promise<Target> {
  const sockets = new Set<Socket>()
  const server = http.createServer({ noDelay: true }, (req, res) => {
    if (req.url === '/stream' || req.url === '/hold') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
      res.write('data: one\n\n')
      // /hold is an event stream that never ends by itself, like a run that is still going.
      if (req.url === '/stream') setTimeout(() => res.end('data: two\n\n'), 200)
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const echo: Echo = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString()
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(echo))
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const port = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}

const AUTH = { username: 'corp user', password: 'p@ss:w/rd' }
// undici reads the lower-case names first, so a stray one in the environment would win.
const ALL_PROXY_VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'no_proxy',
  'NO_PROXY'
]

let target: Target
let front: TlsFront
let proxy: ForwardProxy
let authProxy: ForwardProxy
let dir: string
const dispatchers: Dispatcher[] = []
const savedEnv = new Map(ALL_PROXY_VARIABLES.map(name => [name, process.env[name]]))

function using<T extends Dispatcher>(dispatcher: T): T {
  dispatchers.push(dispatcher)
  return dispatcher
}

async function json(response: Dispatcher.ResponseData): Promise<Echo> {
  return (await response.body.json()) as Echo
}

/** The settled rejection of `promise`, which must reject. */
async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  // TLS errors come from Node's own realm, where jest's Error is not theirs: no instanceof.
  expect(types.isNativeError(error) || error instanceof Error).toBe(true)
  return error as Error & { code?: string }
}

/** What the proxy records for a tunnel to 127.0.0.1:`port`. */
function tunnel(port: number, authorized = true): ProxiedRequest {
  return { method: 'CONNECT', target: `127.0.0.1:${port}`, authorized }
}

/** Each body chunk with the milliseconds since the response's headers arrived. */
async function timedChunks(response: Dispatcher.ResponseData): Promise<Array<[string, number]>> {
  const start = Date.now()
  const chunks: Array<[string, number]> = []
  for await (const chunk of response.body) {
    chunks.push([String(chunk), Date.now() - start])
  }
  return chunks
}

function expectIncremental(chunks: Array<[string, number]>): void {
  const first = chunks[0]
  const last = chunks.at(-1)
  expect(first?.[0]).toBe('data: one\n\n')
  expect(chunks.map(([text]) => text).join('')).toBe('data: one\n\ndata: two\n\n')
  // The first event arrives before the origin has written the second one, 200 ms later.
  expect(first?.[1]).toBeLessThan(150)
  expect((last?.[1] ?? 0) - (first?.[1] ?? 0)).toBeGreaterThanOrEqual(150)
}

beforeAll(async () => {
  target = await startTarget()
  ;[front, proxy, authProxy] = await Promise.all([
    startTlsFront(target),
    startForwardProxy(),
    startForwardProxy({ auth: AUTH })
  ])
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'network-helpers-'))
})

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map(d => d.destroy()))
  proxy.reset()
  authProxy.reset()
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

afterAll(async () => {
  await Promise.all([front?.close(), proxy?.close(), authProxy?.close()])
  await target?.close()
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

describe('the TLS front', () => {
  it('has a certificate for localhost and 127.0.0.1, its own issuer', async () => {
    const { cert, key } = await generateSelfSigned()
    expect(key).toContain('PRIVATE KEY')
    const x509 = new X509Certificate(cert)
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1')
    // Not checkIssued(): OpenSSL wants keyCertSign there, which a server certificate lacks.
    expect(x509.issuer).toBe(x509.subject)
    expect(x509.verify(x509.publicKey)).toBe(true)
    expect(new X509Certificate(front.certPem).checkIP('127.0.0.1')).toBe('127.0.0.1')
  })

  it('forwards method, path, headers and body to the origin when its certificate is trusted', async () => {
    const agent = using(new Agent({ connect: { ca: front.certPem } }))
    const response = await request(`${front.url}/echo?x=1`, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'kept' },
      body: '{"hello":"world"}'
    })
    expect(response.statusCode).toBe(200)
    const echo = await json(response)
    expect(echo).toMatchObject({ method: 'POST', url: '/echo?x=1', body: '{"hello":"world"}' })
    expect(echo.headers).toMatchObject({
      host: `127.0.0.1:${new URL(front.url).port}`,
      'x-custom': 'kept',
      'x-forwarded-proto': 'https'
    })
  })

  it('is refused as self-signed by a client that does not trust it', async () => {
    const error = await failure(request(`${front.url}/echo`, { dispatcher: using(new Agent()) }))
    // undici hands back the TLS socket's own error.
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
    expect(error.message).toBe('self-signed certificate')
  })

  it('is trusted by a Node process given its CA file through NODE_EXTRA_CA_CERTS', async () => {
    const file = await front.writeCaFile(dir)
    expect(await fs.readFile(file, 'utf8')).toBe(front.certPem)
    // The variable is only read at startup, so it takes a process of its own.
    const script = `fetch(process.argv[1]).then(r => r.json()).then(e => console.log(e.url))`
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-e', script, `${front.url}/from-child`],
      { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: file }, timeout: 15_000 }
    )
    expect(stdout.trim()).toBe('/from-child')
  })

  it('streams an event stream as the origin writes it', async () => {
    const agent = using(new Agent({ connect: { ca: front.certPem } }))
    const response = await request(`${front.url}/stream`, { dispatcher: agent })
    expect(response.headers['content-type']).toBe('text/event-stream')
    expectIncremental(await timedChunks(response))
  })

  it('ends an open event stream promptly on close()', async () => {
    const own = await startTlsFront(target)
    const agent = using(new Agent({ connect: { ca: own.certPem } }))
    const response = await request(`${own.url}/hold`, { dispatcher: agent })
    const body = response.body[Symbol.asyncIterator]()
    expect(String((await body.next()).value)).toBe('data: one\n\n')
    // close() resolves without waiting for the stream (which never ends on its own).
    await own.close()
    await expect(body.next()).rejects.toThrow()
  })
})

describe('the forward proxy', () => {
  it('tunnels https:// through CONNECT to the TLS front, trusted through requestTls', async () => {
    const agent = using(new ProxyAgent({ uri: proxy.url, requestTls: { ca: front.certPem } }))
    const response = await request(`${front.url}/via-tunnel`, { dispatcher: agent })
    expect(response.statusCode).toBe(200)
    expect((await json(response)).url).toBe('/via-tunnel')
    expect(proxy.requests).toEqual([tunnel(front.port)])
  })

  it('still needs the certificate inside the tunnel, and ProxyAgent ignores connect.ca', async () => {
    // ProxyAgent replaces `connect` with its tunnelling function: TLS to the origin only
    // takes `requestTls`, so an action that sets only connect.ca fails behind a proxy.
    const agent = using(new ProxyAgent({ uri: proxy.url, connect: { ca: front.certPem } }))
    const error = await failure(request(`${front.url}/x`, { dispatcher: agent }))
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
    expect(proxy.requests).toEqual([tunnel(front.port)])
  })

  it('forwards http:// in absolute form when ProxyAgent is told proxyTunnel: false', async () => {
    const agent = using(new ProxyAgent({ uri: proxy.url, proxyTunnel: false }))
    const response = await request(`${target.url}/plain?q=1`, {
      dispatcher: agent,
      method: 'PUT',
      body: 'payload'
    })
    expect(response.statusCode).toBe(200)
    const echo = await json(response)
    expect(echo).toMatchObject({ method: 'PUT', url: '/plain?q=1', body: 'payload' })
    expect(echo.headers.host).toBe(`127.0.0.1:${target.port}`)
    expect(echo.headers['proxy-authorization']).toBeUndefined()
    expect(proxy.requests).toEqual([
      { method: 'PUT', target: `${target.url}/plain?q=1`, authorized: true }
    ])
  })

  it('tunnels http:// through CONNECT too by default (undici 7 proxyTunnel: true)', async () => {
    const agent = using(new ProxyAgent({ uri: proxy.url }))
    const response = await request(`${target.url}/plain`, { dispatcher: agent })
    expect((await json(response)).url).toBe('/plain')
    expect(proxy.requests).toEqual([tunnel(target.port)])
  })

  it('streams an event stream through the tunnel and the TLS front as it is written', async () => {
    const agent = using(new ProxyAgent({ uri: proxy.url, requestTls: { ca: front.certPem } }))
    const response = await request(`${front.url}/stream`, { dispatcher: agent })
    expect(response.headers['content-type']).toBe('text/event-stream')
    expectIncremental(await timedChunks(response))
  })

  it('streams an event stream forwarded in absolute form as it is written', async () => {
    const agent = using(new ProxyAgent({ uri: proxy.url, proxyTunnel: false }))
    const response = await request(`${target.url}/stream`, { dispatcher: agent })
    expectIncremental(await timedChunks(response))
    expect(proxy.requests).toEqual([
      { method: 'GET', target: `${target.url}/stream`, authorized: true }
    ])
  })

  it('ends open tunnels promptly on close()', async () => {
    const own = await startForwardProxy()
    const agent = using(new ProxyAgent({ uri: own.url, requestTls: { ca: front.certPem } }))
    const response = await request(`${front.url}/hold`, { dispatcher: agent })
    const body = response.body[Symbol.asyncIterator]()
    expect(String((await body.next()).value)).toBe('data: one\n\n')
    // close() resolves without waiting for the stream (which never ends on its own).
    await own.close()
    await expect(body.next()).rejects.toThrow()
  })

  it('answers 502 to a CONNECT to a port nothing listens on', async () => {
    const closed = await startTarget()
    await closed.close()
    const agent = using(new ProxyAgent({ uri: proxy.url }))
    const error = await failure(request(closed.url, { dispatcher: agent }))
    expect(error.message).toBe('Proxy response (502) !== 200 when HTTP Tunneling')
  })
})

describe('the forward proxy with basic auth', () => {
  it('challenges a client without credentials with 407 and Proxy-Authenticate', async () => {
    // A raw request shows the answer undici turns into an error.
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const { port } = new URL(authProxy.url)
      http
        .request({ host: '127.0.0.1', port, path: `${target.url}/x`, agent: false }, resolve)
        .on('error', reject)
        .end()
    })
    answer.resume()
    expect(answer.statusCode).toBe(407)
    expect(answer.headers['proxy-authenticate']).toBe('Basic realm="proxy"')
    expect(authProxy.requests).toEqual([
      { method: 'GET', target: `${target.url}/x`, authorized: false }
    ])
  })

  it('makes undici fail a CONNECT without credentials', async () => {
    const agent = using(new ProxyAgent({ uri: authProxy.url, requestTls: { ca: front.certPem } }))
    const error = await failure(request(`${front.url}/x`, { dispatcher: agent }))
    expect(error.name).toBe('AbortError')
    expect(error.code).toBe('UND_ERR_ABORTED')
    expect(error.message).toBe('Proxy response (407) !== 200 when HTTP Tunneling')
    expect(authProxy.requests).toEqual([tunnel(front.port, false)])
  })

  it('makes undici fail an absolute-form request without credentials', async () => {
    const agent = using(new ProxyAgent({ uri: authProxy.url, proxyTunnel: false }))
    const error = await failure(request(`${target.url}/x`, { dispatcher: agent }))
    expect(error.code).toBe('UND_ERR_INVALID_ARG')
    expect(error.message).toBe('Proxy Authentication Required (407)')
  })

  it('lets a CONNECT through with percent-encoded credentials in the proxy URL', async () => {
    expect(authProxy.urlWithAuth).toBe(
      `http://corp%20user:p%40ss%3Aw%2Frd@127.0.0.1:${new URL(authProxy.url).port}`
    )
    const agent = using(
      new ProxyAgent({ uri: authProxy.urlWithAuth, requestTls: { ca: front.certPem } })
    )
    const response = await request(`${front.url}/authorized`, { dispatcher: agent })
    expect((await json(response)).url).toBe('/authorized')
    expect(authProxy.requests).toEqual([tunnel(front.port)])
  })

  it('lets an absolute-form request through with credentials, and does not forward them', async () => {
    const agent = using(new ProxyAgent({ uri: authProxy.urlWithAuth, proxyTunnel: false }))
    const response = await request(`${target.url}/authorized`, { dispatcher: agent })
    const echo = await json(response)
    expect(echo.url).toBe('/authorized')
    expect(echo.headers['proxy-authorization']).toBeUndefined()
    expect(authProxy.requests).toEqual([
      { method: 'GET', target: `${target.url}/authorized`, authorized: true }
    ])
  })
})

describe('EnvHttpProxyAgent', () => {
  function clearProxyEnv(): void {
    for (const name of ALL_PROXY_VARIABLES) delete process.env[name]
  }

  it('goes direct to a host NO_PROXY names, and through HTTPS_PROXY otherwise', async () => {
    clearProxyEnv()
    process.env.HTTPS_PROXY = proxy.url
    process.env.NO_PROXY = '127.0.0.1'
    // connect.ca covers the direct route, requestTls.ca the tunnelled one.
    const tls = { connect: { ca: front.certPem }, requestTls: { ca: front.certPem } }
    const agent = using(new EnvHttpProxyAgent(tls))
    expect((await json(await request(`${front.url}/direct`, { dispatcher: agent }))).url).toBe(
      '/direct'
    )
    expect(proxy.requests).toEqual([])

    // NO_PROXY is read again on every request; HTTPS_PROXY only when the agent is made.
    process.env.NO_PROXY = 'localhost'
    expect((await json(await request(`${front.url}/proxied`, { dispatcher: agent }))).url).toBe(
      '/proxied'
    )
    expect(proxy.requests).toEqual([tunnel(front.port)])
  })

  it('honours a NO_PROXY entry with a port only for that port', async () => {
    clearProxyEnv()
    process.env.HTTP_PROXY = proxy.url
    process.env.NO_PROXY = `127.0.0.1:${target.port + 1}`
    const agent = using(new EnvHttpProxyAgent({ proxyTunnel: false }))
    await (await request(`${target.url}/port`, { dispatcher: agent })).body.dump()
    expect(proxy.requests).toEqual([
      { method: 'GET', target: `${target.url}/port`, authorized: true }
    ])
  })

  it('fails the tunnelled route when given connect.ca alone', async () => {
    clearProxyEnv()
    process.env.HTTPS_PROXY = proxy.url
    const agent = using(new EnvHttpProxyAgent({ connect: { ca: front.certPem } }))
    const error = await failure(request(`${front.url}/x`, { dispatcher: agent }))
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
  })
})
