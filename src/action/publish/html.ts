const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;'
}

/** Text as HTML text or attribute value: it can hold no tag, entity or quote of its own. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, char => HTML_ESCAPES[char] ?? char)
}

/** Escapes text for <pre>, stopping at a code point before the escaped form passes `maxBytes`. */
export function escapeBounded(
  text: string,
  maxBytes: number
): { html: string; truncated: boolean } {
  let bytes = 0
  let html = ''
  for (const char of text) {
    const escaped = HTML_ESCAPES[char] ?? char
    bytes += Buffer.byteLength(escaped)
    if (bytes > maxBytes) return { html, truncated: true }
    html += escaped
  }
  return { html, truncated: false }
}

/**
 * Removes secrets from the text of rendered HTML, never from its tags: a short secret that
 * happens to spell `code` must not turn `<code>` into `<***>`. Attributes hold only what was
 * redacted before it was rendered.
 */
export function redactHtmlText(html: string, redact: (text: string) => string): string {
  return html
    .split(/(<[^>]*>)/)
    .map(part => (part.startsWith('<') ? part : redact(part)))
    .join('')
}
