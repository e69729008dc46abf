/**
 * A signal that follows `signal` after a delay: aborted `delayMs` after it is, with the same
 * reason. For work that should not stop the instant the job is cancelled, but soon after.
 */
export function abortedLater(signal: AbortSignal, delayMs: number): AbortSignal {
  const later = new AbortController()
  const follow = (): void => {
    const timer = setTimeout(() => later.abort(signal.reason), delayMs)
    // Nothing to wait for once the work is done: the process must not stay up for it.
    timer.unref()
  }
  if (signal.aborted) follow()
  else signal.addEventListener('abort', follow, { once: true })
  return later.signal
}
