import { subscribe } from 'node:diagnostics_channel'

/**
 * Which triggers have begun to go out: the idempotency keys whose request head undici has begun
 * to write to a socket (its `undici:client:sendHeaders` diagnostics channel says so). Until then a
 * failure cannot have reached the platform, whatever the error says, so it is never "a run may
 * have started".
 */
class HeadersSent {
  private readonly keys = new Set<string>()
  private watching = false

  has(key: string): boolean {
    this.watch()
    return this.keys.has(key)
  }

  /** Before each attempt, and after it: a key is reused by the attempts of one trigger. */
  forget(key: string): void {
    this.watch()
    this.keys.delete(key)
  }

  private watch(): void {
    if (this.watching) return
    this.watching = true
    subscribe('undici:client:sendHeaders', message => {
      const { headers } = message as { headers?: unknown }
      if (typeof headers !== 'string') return
      const key = /^idempotency-key: (.+)\r$/im.exec(headers)?.[1]
      if (key !== undefined) this.keys.add(key)
    })
  }
}

export const headersSent = new HeadersSent()
