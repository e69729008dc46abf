import { afterEach, describe, expect, it } from '@jest/globals'
import { Routes, type ProxySettings } from '../../../src/http/routes.js'

// Which requests go through which proxy: undici's and curl's rules for HTTPS_PROXY, HTTP_PROXY
// and NO_PROXY, and a proxy named in messages by host and port only.

const made: Routes[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map(routes => routes.close()))
})

function proxyOf(settings: ProxySettings, url: string) {
  const routes = new Routes(settings)
  made.push(routes)
  return routes.routeFor(new URL(url)).proxy
}

const PROXIES = {
  httpsProxy: 'http://user:s3cret@secure-proxy.corp:3128',
  httpProxy: 'http://plain-proxy.corp:8080'
}

describe('Routes', () => {
  it('sends https through HTTPS_PROXY and http through HTTP_PROXY', () => {
    expect(proxyOf(PROXIES, 'https://api.example.com/x')).toEqual({
      address: 'secure-proxy.corp:3128',
      variable: 'HTTPS_PROXY'
    })
    expect(proxyOf(PROXIES, 'http://api.example.com/x')).toEqual({
      address: 'plain-proxy.corp:8080',
      variable: 'HTTP_PROXY'
    })
  })

  it('sends https through HTTP_PROXY when HTTPS_PROXY is not set', () => {
    expect(proxyOf({ httpProxy: PROXIES.httpProxy }, 'https://api.example.com')).toEqual({
      address: 'plain-proxy.corp:8080',
      variable: 'HTTP_PROXY'
    })
  })

  it.each([
    ['api.example.com', 'https://api.example.com', undefined],
    ['.example.com', 'https://api.example.com', undefined],
    ['*.example.com', 'https://api.example.com', undefined],
    ['example.com', 'https://api.example.com', undefined],
    ['example.com:8443', 'https://api.example.com', 'proxied'],
    ['example.com:443', 'https://api.example.com', undefined],
    ['*', 'https://anything.test', undefined],
    ['other.com, localhost', 'https://api.example.com', 'proxied'],
    ['ample.com', 'https://api.example.com', 'proxied']
  ])('NO_PROXY=%j and %s: %s', (noProxy, url, expected) => {
    const proxy = proxyOf({ ...PROXIES, noProxy }, url)
    expect(proxy === undefined ? undefined : 'proxied').toBe(expected)
  })

  it('goes direct without a proxy, and never shows a proxy’s password', () => {
    expect(proxyOf({}, 'https://api.example.com')).toBeUndefined()
    expect(JSON.stringify(proxyOf(PROXIES, 'https://api.example.com'))).not.toContain('s3cret')
  })
})
