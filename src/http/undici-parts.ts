import api from 'undici/lib/api/index.js'
import requestThrough from 'undici/lib/api/api-request.js'
import Agent from 'undici/lib/dispatcher/agent.js'
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js'
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js'

/**
 * The parts of undici the transport uses, loaded without undici's index: the index also loads
 * fetch, WebSocket, EventSource, the cache and more (and through them Node's own copy of
 * undici), which cost every run about 15 MiB of memory and a large share of its start-up.
 */
// What undici's index does as it loads: every dispatcher gets the API methods (a proxy agent
// opens its CONNECT tunnel with `client.connect`).
Object.assign(DispatcherBase.prototype, api)

export { Agent, ProxyAgent, requestThrough }
