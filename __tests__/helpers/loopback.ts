import net from 'node:net'

/** Starts `server` on a free port of 127.0.0.1 and gives the port; fails if it cannot listen. */
export async function listenOnLoopback(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return (server.address() as net.AddressInfo).port
}

/** A loopback port with nothing listening on it, for connection-refused cases. */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  const port = await listenOnLoopback(server)
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}
