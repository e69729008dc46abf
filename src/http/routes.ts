import type { Dispatcher } from 'undici'
import { Agent, ProxyAgent } from './undici-parts.js'

/** The proxy settings of the job, as HTTPS_PROXY, HTTP_PROXY and NO_PROXY give them. */
export interface ProxySettings {
  httpsProxy?: string | undefined
  httpProxy?: string | undefined
  noProxy?: string | undefined
}

/** The proxy that carries a request, as a message may name it: never its user or password. */
export interface ProxyInUse {
  /** `host:port` */
  address: string
  /** The variable that names it, for the fix. */
  variable: 'HTTPS_PROXY' | 'HTTP_PROXY'
}

interface Route {
  dispatcher: Dispatcher
  proxy: ProxyInUse | undefined
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 }

/**
 * The connections of the action, for the platform and the GitHub API alike: one pool for direct
 * requests and one per proxy, chosen here for each URL, so that an error can say whether the
 * proxy or the host failed. The rules are undici's EnvHttpProxyAgent's (and curl's): https://
 * goes through HTTPS_PROXY, else HTTP_PROXY, tunnelled with CONNECT; http:// through HTTP_PROXY
 * in absolute form; NO_PROXY lists hosts (`host`, `.domain`, `*.domain`, `host:port`, or `*`)
 * reached directly. A private certificate authority is trusted through NODE_EXTRA_CA_CERTS.
 */
export class Routes {
  private readonly direct: Dispatcher
  private readonly http: Route
  private readonly https: Route
  private readonly noProxy: Array<{ hostname: string; port: number }>
  private readonly noProxyAll: boolean

  constructor(settings: ProxySettings = {}) {
    const options = { connect: { timeout: 10_000 }, keepAliveTimeout: 10_000 }
    this.direct = new Agent(options)
    const through = (uri: string | undefined, variable: ProxyInUse['variable']): Route => {
      if (!uri) return { dispatcher: this.direct, proxy: undefined }
      return {
        dispatcher: new ProxyAgent({ ...options, uri, proxyTunnel: false }),
        proxy: { address: proxyAddress(uri), variable }
      }
    }
    this.http = through(settings.httpProxy, 'HTTP_PROXY')
    this.https = settings.httpsProxy ? through(settings.httpsProxy, 'HTTPS_PROXY') : this.http
    const noProxy = settings.noProxy ?? ''
    this.noProxyAll = noProxy.trim() === '*'
    this.noProxy = noProxy
      .split(/[,\s]/)
      .filter(entry => entry !== '')
      .map(entry => {
        const parsed = /^(.+):(\d+)$/.exec(entry)
        return {
          hostname: (parsed?.[1] ?? entry).replace(/^\*?\./, '').toLowerCase(),
          port: parsed ? Number(parsed[2]) : 0
        }
      })
  }

  /** The dispatcher for a URL, and the proxy it goes through, if any. */
  routeFor(url: URL): Route {
    if (!this.proxied(url)) return { dispatcher: this.direct, proxy: undefined }
    return url.protocol === 'https:' ? this.https : this.http
  }

  /** Ends every connection at once: called when the step has nothing more to send. */
  async close(): Promise<void> {
    const all = new Set([this.direct, this.http.dispatcher, this.https.dispatcher])
    await Promise.all([...all].map(dispatcher => dispatcher.destroy()))
  }

  private proxied(url: URL): boolean {
    if (this.noProxyAll) return false
    // Brackets kept around an IPv6 address, as NO_PROXY writes it.
    const hostname = url.host.replace(/:\d*$/, '').toLowerCase()
    const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0
    return !this.noProxy.some(
      entry =>
        (!entry.port || entry.port === port) &&
        (hostname === entry.hostname || hostname.endsWith(`.${entry.hostname}`))
    )
  }
}

function proxyAddress(uri: string): string {
  try {
    const url = new URL(uri)
    return url.port ? `${url.hostname}:${url.port}` : url.hostname
  } catch {
    return 'an address that is not a URL'
  }
}
