/**
 * The job was cancelled (a runner's signal, a terminal's Ctrl-C): the reason the one abort
 * signal of a run carries, with the name of the process signal that asked.
 */
export class JobCancelled extends Error {
  constructor(
    readonly stopSignal: NodeJS.Signals,
    message = `The job was cancelled (the runner sent ${stopSignal})`
  ) {
    super(message)
    this.name = 'JobCancelled'
  }
}

/** The process signal that cancelled the job, if the abort signal was aborted for that. */
export function cancelledBy(signal: AbortSignal): NodeJS.Signals | undefined {
  const reason: unknown = signal.reason
  return signal.aborted && reason instanceof JobCancelled ? reason.stopSignal : undefined
}
