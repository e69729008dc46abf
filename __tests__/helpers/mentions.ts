/**
 * The mentions GitHub would make of rendered HTML: `@login` or `@org/team` in text, after
 * start or a character that is not a word character, outside `pre`, `code`, `a`, `style` and
 * `script` (where GitHub's mention filter makes none). A model of GitHub's rule, for tests.
 */
const IGNORED = new Set(['pre', 'code', 'a', 'style', 'script'])
const MENTION = /(?:^|[^\w`])@([a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9_-]*)?)/gi

export function liveMentions(html: string): string[] {
  const found: string[] = []
  const open: string[] = []
  for (const part of html.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(part)
    if (tag) {
      const name = (tag[2] ?? '').toLowerCase()
      if (!IGNORED.has(name)) continue
      if (tag[1]) open.splice(open.lastIndexOf(name), 1)
      else if (!part.endsWith('/>')) open.push(name)
      continue
    }
    if (open.length > 0) continue
    const text = part
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
    for (const match of text.matchAll(MENTION)) found.push(`@${match[1]}`)
  }
  return found
}
