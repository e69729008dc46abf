import type { Dispatcher } from 'undici'
import { Agent, ProxyAgent } from './undici-parts.js'

/** A proxy as the job's environment names it, and the variable that does (for the fix). */
export interface ProxySetting {
  url: string
  variable: string
}

/** The proxy settings of the job, as HTTPS_PROXY, HTTP_PROXY and NO_PROXY give them. */
export interface ProxySettings {
  httpsProxy?: ProxySetting | undefined
  httpProxy?: ProxySetting | undefined
  noProxy?: string | undefined
}

/** The proxy that carries a request, as a message may name it: never its user or password. */
export interface ProxyInUse {
  /** `host:port` */
  address: string
  /** The variable that names it, for the fix. */
  variable: string
}

interface Route {
  dispatcher: Dispatcher
  proxy: ProxyInUse | undefined
}

/** A proxy variable that names no proxy the action can use. */
class ProxySettingError extends Error {
  constructor(setting: ProxySetting) {
    super(
      `${setting.variable} is not a proxy URL (${JSON.stringify(withoutCredentials(setting.url).slice(0, 200))}): ` +
        'write it as http://host:port, with user:password@ before the host if the proxy needs them.'
    )
    this.name = 'ProxySettingError'
  }
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
  private readonly options = { connect: { timeout: 10_000 }, keepAliveTimeout: 10_000 }
  private readonly direct: Dispatcher = new Agent(this.options)
  private readonly proxies = new Map<ProxySetting, Route>()
  private readonly noProxy: Array<{ hostname: string; port: number }>
  private readonly noProxyAll: boolean

  constructor(private readonly settings: ProxySettings = {}) {
    const noProxy = settings.noProxy ?? ''
    this.noProxyAll = noProxy.trim() === '*'
    this.noProxy = noProxy
      .split(/[,\s]/)
      .filter(entry => entry !== '')
      .map(entry => {
        // An IPv6 address written without brackets (`::1`) has no port.
        const bareIpv6 = !entry.startsWith('[') && (entry.match(/:/g) ?? []).length > 1
        const parsed = bareIpv6 ? null : /^(.+):(\d+)$/.exec(entry)
        const hostname = bareIpv6 ? `[${entry}]` : (parsed?.[1] ?? entry)
        return {
          hostname: hostname.replace(/^\*?\./, '').toLowerCase(),
          port: parsed ? Number(parsed[2]) : 0
        }
      })
  }

  /**
   * The dispatcher for a URL, and the proxy it goes through, if any. A proxy's connection is
   * made when a request first needs it; a proxy variable that is not a URL fails then, naming
   * the variable (ProxySettingError), and one that no request needs never fails.
   */
  routeFor(url: URL): Route {
    const setting =
      url.protocol === 'https:'
        ? (this.settings.httpsProxy ?? this.settings.httpProxy)
        : this.settings.httpProxy
    if (!setting?.url || !this.proxied(url)) return { dispatcher: this.direct, proxy: undefined }
    let route = this.proxies.get(setting)
    if (route === undefined) {
      const uri = proxyUrl(setting)
      route = {
        dispatcher: new ProxyAgent({ ...this.options, uri, proxyTunnel: false }),
        proxy: { address: proxyAddress(uri), variable: setting.variable }
      }
      this.proxies.set(setting, route)
    }
    return route
  }

  /** Ends every connection at once: called when the step has nothing more to send. */
  async close(): Promise<void> {
    const all = [this.direct, ...[...this.proxies.values()].map(route => route.dispatcher)]
    await Promise.all(all.map(dispatcher => dispatcher.destroy()))
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

/**
 * The proxy's URL, checked: http:// or https://, or (as curl reads it) `host:port` with no
 * scheme, taken as http://. Anything else is refused with the variable to fix.
 */
function proxyUrl(setting: ProxySetting): string {
  const given = setting.url.trim()
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`
  try {
    const url = new URL(text)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
      // A password undici could not decode would fail every request, later and less clearly.
      decodeURIComponent(url.username)
      decodeURIComponent(url.password)
      return text
    }
  } catch {
    // Refused below.
  }
  throw new ProxySettingError(setting)
}

function proxyAddress(uri: string): string {
  const url = new URL(uri)
  return url.port ? `${url.hostname}:${url.port}` : url.hostname
}

/** A URL as it may be shown in a message: any user name and password left out. */
function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@]*@/i, '$1***@')
}
