import type { ActionRunResult } from '../../scripts/action-runner.js'
import type { Simulator } from '../../simulator/index.js'

/** What a step left behind, whether it ran in-process through run() or as dist/index.js. */
export interface StepResult {
  /** dist: the step ran in a process of its own (its memory figure is its own). */
  mode: 'in-process' | 'dist'
  failed: boolean
  /** The job log: what the step wrote to stdout. */
  log: string
  outputs: Record<string, string>
  summary: string
  elapsedMs: number
}

/** What dist/index.js left behind, run as a child process, as a scenario's check reads it. */
export function fromDist(result: ActionRunResult): StepResult {
  return {
    mode: 'dist',
    failed: result.exitCode !== 0,
    log: result.stdout,
    outputs: result.outputs,
    summary: result.summary,
    elapsedMs: result.durationMs
  }
}

/** One case, shared by the in-process suite and the end-to-end suite. */
export interface Scenario {
  name: string
  setup: (sim: Simulator) => void
  inputs?: Record<string, string>
  env?: Record<string, string>
  check: (result: StepResult, sim: Simulator) => void | Promise<void>
}

// The workflow commands the action itself issues; any other is text that took control.
const OWN_COMMANDS = new Set(['debug', 'notice', 'warning', 'error', 'add-mask'])

/**
 * Log lines that the runner would obey although the action did not mean them, read the way
 * the runner reads a log: nothing inside a `::stop-commands::T` … `::T::` block; otherwise a
 * line is a `::name::` command (parsed first, at the start of the line, after spaces) or, if it
 * is not one, an old-style `##[name]` command anywhere in it. The action's own `::add-mask::`
 * is allowed for the secrets given (the key, a GitHub token) only.
 */
export function commandViolations(log: string, ...secrets: string[]): string[] {
  const violations: string[] = []
  let token: string | undefined
  for (const line of log.split('\n')) {
    if (token !== undefined) {
      if (line.trim() === `::${token}::`) token = undefined
      continue
    }
    const v2 = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line.trimStart())
    if (v2) {
      const [, name = '', data = ''] = v2
      if (name === 'stop-commands') token = data
      else if (!OWN_COMMANDS.has(name) || (name === 'add-mask' && !secrets.includes(data))) {
        violations.push(line)
      }
      continue
    }
    if (line.includes('##[') || line.trimStart().startsWith('::')) violations.push(line)
  }
  if (token !== undefined) violations.push(`(a stop-commands block is never closed: ${token})`)
  return violations
}
