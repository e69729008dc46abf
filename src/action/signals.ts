import { JobCancelled } from '../run/job-cancelled.js'

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
  const onStopSignal = (stopSignal: NodeJS.Signals): void => {
    if (received !== undefined) process.exit(1)
    received = stopSignal
    abort.abort(new JobCancelled(stopSignal))
  }
  for (const stopSignal of STOP_SIGNALS) process.on(stopSignal, onStopSignal)
  return {
    get received() {
      return received
    },
    dispose() {
      for (const stopSignal of STOP_SIGNALS) process.off(stopSignal, onStopSignal)
    }
  }
}
