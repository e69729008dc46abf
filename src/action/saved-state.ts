/**
 * What the main step saves for the post step (`core.saveState`, read back as STATE_* by the
 * runner): enough to cancel a run that main did not live to settle, and never the key.
 */
export const SAVED = {
  runId: 'run-id',
  baseUrl: 'base-url',
  cancelPath: 'cancel-path',
  /** 'true' once main has settled the run: finished, cancelled, or meant to go on. */
  settled: 'settled'
} as const
