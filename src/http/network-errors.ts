import { errorCode, getErrorMessage } from '../util/errors.js'
import type { ProxyInUse } from './routes.js'

// What a network failure says, for any host: the words are the caller's (`host` is "the
// platform" or "the GitHub API"), the facts are here, so that both hosts name the same cause.

// A TLS handshake that fails on the certificate: before a byte of the request is sent.
export const CERTIFICATE_ERROR_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

// Failing to open a connection. Through a proxy, the connection is the proxy's: the proxy
// itself opens the one to the host.
export const CONNECT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT'
])

/** `CODE: message` of a network error, as a message quotes it. */
export function networkReason(error: unknown): string {
  const code = errorCode(error)
  return `${code ? `${code}: ` : ''}${getErrorMessage(error)}`
}

export function isCertificateError(error: unknown): boolean {
  const code = errorCode(error)
  return code !== undefined && CERTIFICATE_ERROR_CODES.has(code)
}

/**
 * The message for a failure that was the proxy's (it could not be reached, it wanted
 * credentials, it would not open a tunnel), naming the proxy and the variable to fix; undefined
 * when the failure was not the proxy's. A proxy's user and password are never named.
 */
export function proxyFailureMessage(
  error: unknown,
  proxy: ProxyInUse | undefined,
  host: string,
  origin: string
): string | undefined {
  if (proxy === undefined) return undefined
  const where = `the proxy at ${proxy.address} (${proxy.variable})`
  const refusal = proxyRefusal(error)
  if (refusal === 407) {
    return (
      `${capitalise(where)} asked for credentials (HTTP 407) and refused the request; nothing ` +
      `reached ${host}. Put the proxy's user and password in ${proxy.variable} ` +
      '(http://user:password@host:port).'
    )
  }
  if (refusal !== undefined) {
    return (
      `${capitalise(where)} would not open a connection to ${origin} (HTTP ${refusal}); nothing ` +
      `reached ${host}. Check that the proxy lets this runner reach that host, or list the ` +
      'host in NO_PROXY.'
    )
  }
  const code = errorCode(error)
  if (code !== undefined && CONNECT_ERROR_CODES.has(code)) {
    return (
      `Could not reach ${where} (${networkReason(error)}); nothing was sent to ${host}. Check ` +
      `${proxy.variable} and NO_PROXY, and that the proxy is running.`
    )
  }
  return undefined
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The status with which a proxy refused a request, read from undici's error. */
export function proxyRefusal(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : ''
  const match =
    /^Proxy Authentication Required \((\d{3})\)/.exec(message) ??
    /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/.exec(message)
  return match ? Number(match[1]) : undefined
}
