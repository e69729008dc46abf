import { describe, expect, it } from '@jest/globals'
import { decideOutcome, type OutcomeFacts, type Outcome } from '../../../src/action/outcome.js'

const base: OutcomeFacts = {
  status: 'completed',
  finished: true,
  runId: 'run_1',
  error: undefined,
  failure: undefined,
  duration: '3.2',
  failOnError: true
}

const table: Array<[string, Partial<OutcomeFacts>, Outcome]> = [
  ['a completed run', {}, { level: 'info', message: 'Run run_1 is completed after 3.2 s.' }],
  [
    'a completed run whose findings trip fail-on-findings',
    { findings: '2 of 3 finding(s) are at error (fail-on-findings: error).' },
    { level: 'failure', message: '2 of 3 finding(s) are at error (fail-on-findings: error).' }
  ],
  [
    'a failed run with findings: the run’s failure is what is said',
    { status: 'failed', error: 'boom', findings: 'x' },
    { level: 'failure', message: 'Run run_1 failed: boom' }
  ],
  [
    'a run left running (wait: false)',
    { status: 'pending', finished: false },
    { level: 'info', message: 'Run run_1 is pending.' }
  ],
  [
    'no status at all',
    { status: undefined, finished: false },
    { level: 'info', message: 'Run run_1 is in an unknown state.' }
  ],
  [
    'a failed run',
    { status: 'failed', error: 'boom' },
    { level: 'failure', message: 'Run run_1 failed: boom' }
  ],
  [
    'a cancelled run',
    { status: 'cancelled', error: 'stopped' },
    { level: 'failure', message: 'Run run_1 cancelled: stopped' }
  ],
  [
    'a timed-out wait',
    { status: 'timed_out', finished: false, error: 'gave up' },
    { level: 'failure', message: 'Run run_1 timed out: gave up' }
  ],
  [
    'a failed run with fail-on-error false',
    { status: 'failed', error: 'boom', failOnError: false },
    {
      level: 'warning',
      message: 'Run run_1 failed: boom (fail-on-error is false: the step stays green)'
    }
  ],
  [
    'a timed-out wait with fail-on-error false',
    { status: 'timed_out', error: 'gave up', failOnError: false },
    {
      level: 'warning',
      message: 'Run run_1 timed out: gave up (fail-on-error is false: the step stays green)'
    }
  ],
  [
    "the action's own failure, whatever the run did",
    { status: 'completed', failure: 'HTTP 401' },
    { level: 'failure', message: 'HTTP 401' }
  ],
  [
    "the action's own failure, even with fail-on-error false",
    { status: 'running', failure: 'unreachable', failOnError: false },
    { level: 'failure', message: 'unreachable' }
  ]
]

describe('decideOutcome', () => {
  it.each(table)('%s', (_name, facts, outcome) => {
    expect(decideOutcome({ ...base, ...facts })).toEqual(outcome)
  })
})
