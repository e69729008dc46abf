import type { Clock } from './clock.js'

/**
 * Calls `onIdle` once nothing has happened for `idleMs`. One timer, moved on only when it
 * fires: a fast stream has activity thousands of times a second, and re-arming a timer each
 * time would cost more than the activity itself.
 */
export class IdleWatch {
  private last: number
  private cancel: (() => void) | undefined

  constructor(
    private readonly clock: Clock,
    private readonly idleMs: number,
    private readonly onIdle: () => void
  ) {
    this.last = clock.now()
  }

  /** Something happened: the quiet starts again from now. */
  touch(): void {
    this.last = this.clock.now()
  }

  /** Watches for the quiet, unless it is watched already (after it fired, it is not). */
  arm(): void {
    if (this.cancel === undefined) this.wait(this.idleMs)
  }

  stop(): void {
    this.cancel?.()
    this.cancel = undefined
  }

  private wait(ms: number): void {
    this.cancel = this.clock.setTimer(ms, () => {
      const quiet = this.clock.now() - this.last
      if (quiet < this.idleMs) return this.wait(this.idleMs - quiet)
      this.cancel = undefined
      this.onIdle()
    })
  }
}
