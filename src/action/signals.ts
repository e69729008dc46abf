/** The job was cancelled, or a step's `timeout-minutes` ran out: the runner sent a signal. */
export class JobCancelled extends Error {
  constructor(
    readonly signal: NodeJS.Signals,
    message = `The job was cancelled (the runner sent ${signal})`
  ) {
    super(message)
    this.name = 'JobCancelled'
  }
}

// SIGINT first, SIGTERM 7.5 s later, then a kill; SIGBREAK is Windows's Ctrl+Break.
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGBREAK']

export interface SignalWatch {
  /** The first signal received, if any. */
  readonly received: NodeJS.Signals | undefined
  dispose(): void
}

/**
 * The first stop signal aborts the step's one AbortController, so that every wait and request
 * stops and the step can cancel its run and publish; a second one ends the process at once.
 */
export function abortOnSignals(abort: AbortController): SignalWatch {
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received !== undefined) process.exit(1)
    received = signal
    abort.abort(new JobCancelled(signal))
  }
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal)
  return {
    get received() {
      return received
    },
    dispose() {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal)
    }
  }
}
