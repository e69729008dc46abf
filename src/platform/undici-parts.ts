import type { Dispatcher } from 'undici'
import api from 'undici/lib/api/index.js'
import requestThrough from 'undici/lib/api/api-request.js'
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js'
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js'

/**
 * The two parts of undici the platform client uses, loaded without undici's index: the index
 * also loads fetch, WebSocket, EventSource, the cache and more (and through them Node's own copy
 * of undici), which cost every run about 15 MiB of memory and a large share of its start-up.
 * The GitHub comment, which needs fetch, loads all of undici, and only then.
 */
// What undici's index does as it loads: every dispatcher gets the API methods (a proxy agent
// opens its CONNECT tunnel with `client.connect`).
Object.assign(DispatcherBase.prototype, api)

export { EnvHttpProxyAgent }

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  method: Dispatcher.HttpMethod
  dispatcher: Dispatcher
}

/** undici's `request(url, options)`, as its index builds it from the same parts. */
export function request(url: URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options
  return requestThrough.call(dispatcher, {
    ...rest,
    origin: url.origin,
    path: `${url.pathname}${url.search}`
  })
}
