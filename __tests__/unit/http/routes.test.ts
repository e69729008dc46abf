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
  httpsProxy: { url: 'http://user:s3cret@secure-proxy.corp:3128', variable: 'HTTPS_PROXY' },
  httpProxy: { url: 'http://plain-proxy.corp:8080', variable: 'HTTP_PROXY' }
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
    ['ample.com', 'https://api.example.com', 'proxied'],
    ['::1', 'https://[::1]:8443/x', undefined],
    ['[::1]:8443', 'https://[::1]:8443/x', undefined]
  ])('NO_PROXY=%j and %s: %s', (noProxy, url, expected) => {
    const proxy = proxyOf({ ...PROXIES, noProxy }, url)
    expect(proxy === undefined ? undefined : 'proxied').toBe(expected)
  })

  it('names the variable that was read, lower-case or not', () => {
    const lower = { httpsProxy: { url: 'proxy.corp:3128', variable: 'https_proxy' } }
    expect(proxyOf(lower, 'https://api.example.com')).toEqual({
      address: 'proxy.corp:3128',
      variable: 'https_proxy'
    })
  })

  it.each(['ftp://proxy.corp:21', 'http://u:sec%zzret@127.0.0.1:9', 'http://'])(
    'refuses %j, naming the variable and the form it takes, never the password',
    url => {
      const routes = new Routes({ httpsProxy: { url, variable: 'HTTPS_PROXY' } })
      made.push(routes)
      expect(() => routes.routeFor(new URL('https://api.example.com'))).toThrow(
        /^HTTPS_PROXY is not a proxy URL .*write it as http:\/\/host:port/
      )
      expect(() => routes.routeFor(new URL('https://api.example.com'))).not.toThrow(/sec%zz/)
      // A request that needs no proxy is not stopped by it.
      const direct = new Routes({ httpsProxy: { url, variable: 'HTTPS_PROXY' }, noProxy: '*' })
      made.push(direct)
      expect(direct.routeFor(new URL('https://api.example.com')).proxy).toBeUndefined()
    }
  )

  it('goes direct without a proxy, and never shows a proxy’s password', () => {
    expect(proxyOf({}, 'https://api.example.com')).toBeUndefined()
    expect(JSON.stringify(proxyOf(PROXIES, 'https://api.example.com'))).not.toContain('s3cret')
  })
})
