const MASK = '***'
// The longest way a character can be written in JSON or a URL: `\u00e9`.
const MAX_ESCAPE_CHARS = 6

/**
 * Removes secrets from any text before it reaches a log line, an output, a file or the summary.
 * The runner masks registered secrets in the log only; outputs and the summary are not masked
 * by anyone else, and the platform may echo the key back in an error body or even in a run's
 * output, written as it is or with any of its characters escaped (`\/`, `\u002d`, `%2D`).
 */
export class Redactor {
  private readonly secrets: string[]
  private readonly escaped: RegExp | undefined
  private readonly longest: number

  constructor(secrets: readonly string[]) {
    const variants = new Set<string>()
    for (const secret of secrets) {
      if (!secret) continue
      variants.add(secret)
      variants.add(encodeURIComponent(secret))
      variants.add(JSON.stringify(secret).slice(1, -1))
    }
    // Longest first, so that a variant containing another is replaced whole.
    this.secrets = [...variants].sort((a, b) => b.length - a.length)
    const given = secrets.filter(secret => secret !== '')
    this.escaped =
      given.length === 0 ? undefined : new RegExp(given.map(spelledAnyWay).join('|'), 'g')
    this.longest = Math.max(0, ...given.map(secret => secret.length * MAX_ESCAPE_CHARS))
  }

  redact(text: string): string {
    let result = text
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(MASK)
    }
    // Escaped spellings need a backslash or a percent sign: most text is spared the search.
    if (this.escaped && (result.includes('\\') || result.includes('%'))) {
      result = result.replace(this.escaped, MASK)
    }
    return result
  }

  /**
   * A JSON value with every secret removed from its strings and keys (so that it stays valid
   * JSON, which redacting its text would not promise); a number that spells one becomes `***`.
   */
  redactValue(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value)
    if (typeof value === 'number' || typeof value === 'bigint') {
      const text = String(value)
      return this.redact(text) === text ? value : MASK
    }
    if (Array.isArray(value)) return value.map(item => this.redactValue(item))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.redact(key), this.redactValue(item)])
      )
    }
    return value
  }

  /** The longest a secret can be written: a streaming writer holds back this many characters minus one. */
  get longestSecretLength(): number {
    return this.longest
  }
}

/** A pattern for a secret with any of its characters written plainly or escaped. */
function spelledAnyWay(secret: string): string {
  return [...secret]
    .map(char => {
      const code = char.codePointAt(0) ?? 0
      const forms = [escapeForRegExp(char)]
      if (code <= 0xffff) forms.push(`\\\\u${anyCase(code.toString(16).padStart(4, '0'))}`)
      if (code < 0x80) forms.push(`%${anyCase(code.toString(16).padStart(2, '0'))}`)
      if (char === '/') forms.push('\\\\/')
      return `(?:${forms.join('|')})`
    })
    .join('')
}

/** Hex digits in either case: `2d` as `2[dD]`. */
function anyCase(hex: string): string {
  return hex.replace(/[a-f]/g, letter => `[${letter}${letter.toUpperCase()}]`)
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}
