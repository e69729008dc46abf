// A run's status as the platform spells it, read as one of five (docs/platform-api.md).

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled'

const TERMINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['completed', 'failed', 'cancelled'])

// A Map, not an object: a status of `__proto__` or `constructor` must find nothing.
const STATUS_SPELLINGS = new Map<string, RunStatus>([
  ['queued', 'pending'],
  ['pending', 'pending'],
  ['running', 'running'],
  ['in_progress', 'running'],
  ['started', 'running'],
  ['completed', 'completed'],
  ['succeeded', 'completed'],
  ['success', 'completed'],
  ['failed', 'failed'],
  ['error', 'failed'],
  ['cancelled', 'cancelled'],
  ['canceled', 'cancelled']
])

/** Maps the platform's spelling of a status; an unknown one is not terminal, so waiting goes on. */
export function normalizeStatus(raw: string): RunStatus | undefined {
  return STATUS_SPELLINGS.get(raw.trim().toLowerCase())
}

export function isTerminal(status: RunStatus | undefined): boolean {
  return status !== undefined && TERMINAL_STATUSES.has(status)
}
