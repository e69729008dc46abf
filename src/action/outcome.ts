import type { RunState } from '../run/state.js'

/** How the step ends: a notice in the log, a warning that keeps it green, or a failure. */
export interface Outcome {
  level: 'info' | 'warning' | 'failure'
  message: string
}

export interface OutcomeFacts {
  status: RunState['status']
  finished: boolean
  /** Every text below is already redacted. */
  runId: string | undefined
  /** Why the run did not complete, when it did not. */
  error: string | undefined
  /** Why the action itself failed (an input or API error), when it did. */
  failure: string | undefined
  duration: string | undefined
  failOnError: boolean
  /** Why `fail-on-findings` fails the step, when it does. */
  findings?: string | undefined
  /** How the output fails `output-schema`, when it does. */
  schema?: string | undefined
}

const UNSUCCESSFUL = new Set<RunState['status']>(['failed', 'cancelled', 'timed_out'])

/**
 * Decides how the step ends. The action's own failure always fails it; a run that failed, was
 * cancelled or timed out fails it unless `fail-on-error` is false; anything else is a notice.
 */
export function decideOutcome(facts: OutcomeFacts): Outcome {
  if (facts.failure !== undefined) return { level: 'failure', message: facts.failure }
  if (!UNSUCCESSFUL.has(facts.status)) {
    if (facts.schema !== undefined) {
      return facts.failOnError
        ? { level: 'failure', message: facts.schema }
        : {
            level: 'warning',
            message: `${facts.schema}\n(fail-on-error is false: the step stays green)`
          }
    }
    if (facts.findings !== undefined) return { level: 'failure', message: facts.findings }
    const finishedIn = facts.finished && facts.duration ? ` after ${facts.duration} s` : ''
    return {
      level: 'info',
      message: `Run ${facts.runId} is ${facts.status ?? 'in an unknown state'}${finishedIn}.`
    }
  }
  const verb = facts.status === 'timed_out' ? 'timed out' : facts.status
  const message = `Run ${facts.runId} ${verb}: ${facts.error}`
  if (!facts.failOnError) {
    return {
      level: 'warning',
      message: `${message} (fail-on-error is false: the step stays green)`
    }
  }
  return { level: 'failure', message }
}
