import * as core from '@actions/core'
import type { ProxySetting, ProxySettings } from '../http/routes.js'

/** The job's proxy settings, as undici and curl read them: the lower-case name first. */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const setting = (lower: string, upper: string): ProxySetting | undefined => {
    const variable = env[lower] !== undefined ? lower : upper
    const url = env[variable]
    return url ? { url, variable } : undefined
  }
  return {
    httpsProxy: setting('https_proxy', 'HTTPS_PROXY'),
    httpProxy: setting('http_proxy', 'HTTP_PROXY'),
    noProxy: env.no_proxy ?? env.NO_PROXY
  }
}

/**
 * The passwords of the proxy URLs in the environment: masked and removed like the key, since
 * an error message may quote a proxy's URL.
 */
export function proxyPasswords(env: NodeJS.ProcessEnv): string[] {
  const passwords = new Set<string>()
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    try {
      const password = new URL(env[name] ?? '').password
      if (password.length >= 4) passwords.add(password).add(decodeURIComponent(password))
    } catch {
      // Not a URL: the proxy's own error will say so when it is used.
    }
  }
  for (const password of passwords) core.setSecret(password)
  return [...passwords]
}
