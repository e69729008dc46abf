// See ../../README.md: every request of this action goes through undici, never through this.
const unavailable = name => () => {
  throw new Error(`@actions/http-client is not part of this action (${name} was called)`)
}

export class HttpClient {
  // Read by @actions/github when it is loaded, for a default that the action overrides.
  getAgent() {
    return undefined
  }
  getAgentDispatcher() {
    return undefined
  }
}
for (const method of [
  'request',
  'get',
  'post',
  'put',
  'patch',
  'del',
  'head',
  'options',
  'getJson',
  'postJson',
  'putJson',
  'patchJson',
  'sendStream',
  'requestRaw'
]) {
  HttpClient.prototype[method] = unavailable(`HttpClient.${method}`)
}

export class HttpClientError extends Error {}
export const HttpCodes = {}
export const Headers = {}
export const MediaTypes = {}
export const getProxyUrl = unavailable('getProxyUrl')
export const isHttps = url => new URL(url).protocol === 'https:'
