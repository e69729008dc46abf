const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** Checks `base-url`: absolute, https (or http to loopback, or allowed), no credentials or query. */
export function checkBaseUrl(
  text: string,
  allowHttp: boolean,
  problems: string[]
): URL | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    problems.push(
      `\`base-url\` must be an absolute URL such as https://api.example.com (got '${text}')`
    )
    return undefined
  }
  const before = problems.length
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`\`base-url\` must use https:// (got '${url.protocol}')`)
  } else if (url.protocol === 'http:' && !allowHttp && !isLoopback(url.hostname)) {
    problems.push(
      `\`base-url\` uses http:// to a host that is not loopback (${url.hostname}); the API key would travel unencrypted. Use https://, or set \`allow-http: true\``
    )
  }
  if (url.username || url.password) {
    problems.push('`base-url` must not carry a user name or password; the key goes in `api-key`')
  }
  if (url.search || url.hash) problems.push('`base-url` must not have a query string or fragment')
  return problems.length === before ? url : undefined
}
