// Time as the waiting code sees it, passed in so that tests and benchmarks can observe it.

export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** Calls `callback` after `ms`; returns what cancels it. */
  setTimer(ms: number, callback: () => void): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal))
        return
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = (): void => {
        clearTimeout(timer)
        if (signal) reject(abortReason(signal))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
  setTimer: (ms, callback) => {
    const timer = setTimeout(callback, ms)
    return () => clearTimeout(timer)
  }
}

/** Why a signal was aborted, as an Error (the default reason, an AbortError, is one already). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  return reason instanceof Error ? reason : new Error(String(reason))
}
