const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** A URL as it may be shown in a message: any user name and password left out. */
function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@')
}

/**
 * Checks `base-url`: absolute, https (or http to loopback, or allowed), no credentials, no
 * query or fragment (not even an empty `?` or `#`, which would swallow the endpoint path).
 * No message repeats the URL with a password in it.
 */
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
      `\`base-url\` must be an absolute URL such as https://api.example.com (got ${JSON.stringify(withoutCredentials(text))})`
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
  if (/[?#]/.test(text)) {
    problems.push('`base-url` must not have a query string or fragment (no ? or #)')
  }
  return problems.length === before ? url : undefined
}

/**
 * Checks `run-url-template`, the address of a run's page in the platform's UI: like `base-url`,
 * an absolute URL, https unless `allow-http` (or loopback), no user name or password; and it
 * must hold `{run_id}`, where the run's id goes as one encoded segment. Checked the way a
 * browser reads it: filled with two different ids, both must parse to the same origin, so that
 * no id can choose the host (`https:////{run_id}/` is a host, however it is written).
 */
export function checkRunUrlTemplate(
  text: string,
  allowHttp: boolean,
  problems: string[]
): string | undefined {
  if (!text.includes('{run_id}')) {
    problems.push(
      '`run-url-template` must hold `{run_id}`, where the run id goes, e.g. https://app.example.com/runs/{run_id}'
    )
    return undefined
  }
  let first: URL
  let second: URL
  try {
    first = new URL(runUrl(text, 'zq7sentinel0'))
    second = new URL(runUrl(text, 'zq7sentinel1'))
  } catch {
    problems.push(
      `\`run-url-template\` must be an absolute URL such as https://app.example.com/runs/{run_id} (got ${JSON.stringify(withoutCredentials(text))})`
    )
    return undefined
  }
  const before = problems.length
  if (first.protocol !== 'https:' && first.protocol !== 'http:') {
    problems.push(`\`run-url-template\` must use https:// (got '${first.protocol}')`)
  } else if (first.protocol === 'http:' && !allowHttp && !isLoopback(first.hostname)) {
    problems.push(
      `\`run-url-template\` uses http:// to a host that is not loopback (${first.hostname}); use https://, or set \`allow-http: true\``
    )
  }
  if (first.username || first.password) {
    problems.push('`run-url-template` must not carry a user name or password')
  }
  if (first.origin !== second.origin || first.host.includes('zq7sentinel')) {
    problems.push('`run-url-template` must put `{run_id}` after the host, in the path or query')
  }
  return problems.length === before ? text : undefined
}

/**
 * The run's page: the template with the id as one path segment (`.` and `..` encoded too), as
 * a URL parser writes it, so that what the card links to is what a browser opens.
 */
export function runUrl(template: string, runId: string): string {
  const segment = encodeURIComponent(runId).replace(/^\.{1,2}$/, dots => '%2E'.repeat(dots.length))
  const filled = template.replaceAll('{run_id}', segment)
  try {
    return new URL(filled).href
  } catch {
    return filled
  }
}
