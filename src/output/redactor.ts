const MASK = '***'

/**
 * Removes secrets from any text before it reaches a log line, an output, a file or the summary.
 * The runner masks registered secrets in the log only; outputs and the summary are not masked
 * by anyone else, and the platform may echo the key back in an error body or even in a run's output.
 */
export class Redactor {
  private readonly secrets: string[]

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
  }

  redact(text: string): string {
    let result = text
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(MASK)
    }
    return result
  }

  /** The longest secret length: a streaming writer holds back this many characters minus one. */
  get longestSecretLength(): number {
    return this.secrets[0]?.length ?? 0
  }
}
