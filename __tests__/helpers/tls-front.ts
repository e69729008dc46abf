import { writeFile } from 'node:fs/promises'
import https from 'node:https'
import path from 'node:path'
import type { Duplex } from 'node:stream'
import { generate } from 'selfsigned'
import { endToEndHeaders, relayRequest } from './forward-proxy.js'
import { listenOnLoopback } from './loopback.js'

/**
 * An HTTPS endpoint with a private (self-signed) certificate in front of a plain-HTTP server,
 * the way a TLS-terminating load balancer fronts the platform: trusted only with the
 * certificate given as a CA: `NODE_EXTRA_CA_CERTS`, or for undici `connect: { ca }` (an Agent)
 * and `requestTls: { ca }` (a ProxyAgent, which drops `connect`).
 */
export interface TlsFront {
  /** `https://127.0.0.1:PORT` */
  readonly url: string
  readonly origin: string
  readonly port: number
  /** The certificate, its own issuer: what a client has to trust. */
  readonly certPem: string
  /** Writes `certPem` to a file in `dir` and returns its path. */
  writeCaFile(dir: string): Promise<string>
  /** Stops listening and destroys every socket, open event streams included. */
  close(): Promise<void>
}

/**
 * A fresh self-signed server certificate for `localhost` and `127.0.0.1`.
 *
 * P-256 by default: selfsigned 5 takes 250–600 ms for a 2048-bit RSA key on this kind of machine
 * and about 15 ms for an EC one, and Node accepts either from a TLS server. Async because
 * selfsigned 5 only generates through WebCrypto.
 */
export async function generateSelfSigned(
  keyType: 'ec' | 'rsa' = 'ec'
): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType,
    algorithm: 'sha256',
    // A day of validity either way keeps a skewed clock or a slow run inside the window.
    notBeforeDate: new Date(Date.now() - 86_400_000),
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' }
        ]
      }
    ]
  })
  return { key: pems.private, cert: pems.cert }
}

export async function startTlsFront(target: { host: string; port: number }): Promise<TlsFront> {
  const { key, cert } = await generateSelfSigned()
  // Raw TCP sockets and the TLS sockets on top of them: a client that fails the handshake
  // never becomes a secureConnection.
  const sockets = new Set<Duplex>()
  const track = (socket: Duplex): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }

  const server = https.createServer({ key, cert, noDelay: true }, (req, res) => {
    const headers = endToEndHeaders(req.headers)
    // What a load balancer tells the backend about the original connection; Host stays the
    // client's, as it does behind most of them.
    headers['x-forwarded-proto'] = 'https'
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '127.0.0.1'
    // agent: false so no pooled keep-alive socket to the target outlives close().
    relayRequest(req, res, track, {
      host: target.host,
      port: target.port,
      method: req.method,
      path: req.url ?? '/',
      headers,
      agent: false
    })
  })
  server.on('connection', track)
  server.on('secureConnection', track)

  const port = await listenOnLoopback(server)
  const origin = `https://127.0.0.1:${port}`

  let closing: Promise<void> | undefined
  return {
    url: origin,
    origin,
    port,
    certPem: cert,
    async writeCaFile(dir: string) {
      const file = path.join(dir, `tls-front-${port}.pem`)
      await writeFile(file, cert)
      return file
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
