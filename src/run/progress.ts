import { isTerminal, type RunStatus } from '../platform/status.js'
import type { Logger } from '../util/logger.js'
import type { RunDeps } from './deps.js'
import type { RunRecord, RunState } from './state.js'

// What the log says of a run as it goes, the same whether it is polled or streamed: the start
// once, each change of status, and (by the action, with the duration) the end.

/** Names the run: told to the action first (it may refuse the id), then to the state. */
export function nameRun(
  record: RunRecord,
  deps: Pick<RunDeps, 'onRunStarted'>,
  runId: string,
  threadId?: string
): void {
  deps.onRunStarted?.(runId)
  record.apply({ type: 'run-named', runId, threadId })
}

/** "Started run …", once the platform has named it. */
export function logStarted(logger: Logger, state: RunState, how: string): void {
  const thread = state.threadId ? ` in thread ${state.threadId}` : ''
  logger.info(`Started run ${state.runId} of workflow ${state.workflowId}${thread}${how}`)
}

/**
 * Logs each change of a run's status as it is read, but the end (the action reports it, with
 * the duration) and, unless `sayFirst`, the first (the "Started run" line told it).
 */
export function statusLog(
  logger: Logger,
  first: RunState['status'],
  sayFirst: boolean
): (runId: string | undefined, status: RunStatus | undefined, raw: string | undefined) => void {
  let last = first
  return (runId, status, raw) => {
    const known = last !== undefined || sayFirst
    if (known && status !== last && !isTerminal(status)) {
      logger.info(`Run ${runId ?? '(id not yet known)'} is ${raw ?? 'in an unknown state'}.`)
    }
    last = status
  }
}
