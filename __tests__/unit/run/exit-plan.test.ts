import { describe, expect, it } from '@jest/globals'
import { planExit, type ExitPlan, type StepEnd } from '../../../src/run/exit-plan.js'

const running: StepEnd = {
  runId: 'run_1',
  finished: false,
  status: 'running',
  jobCancelled: false,
  failed: false,
  wait: true,
  cancelOnExit: true
}
const leave: ExitPlan = { cancel: false, settled: true }

const table: Array<[string, Partial<StepEnd>, ExitPlan]> = [
  [
    'the job is cancelled while the run goes on',
    { jobCancelled: true },
    { cancel: true, why: 'the job was cancelled' }
  ],
  ['`timeout` is spent', { status: 'timed_out' }, { cancel: true, why: '`timeout` was spent' }],
  [
    'the step fails while following',
    { failed: true },
    { cancel: true, why: 'the step failed while following it' }
  ],
  [
    'the job is cancelled during a trigger-only step',
    { jobCancelled: true, wait: false },
    { cancel: true, why: 'the job was cancelled' }
  ],
  ['the run finished', { finished: true, status: 'completed' }, leave],
  ['the job is cancelled after the run finished', { finished: true, jobCancelled: true }, leave],
  ['no run was started', { runId: undefined, jobCancelled: true }, leave],
  [
    'cancel-on-exit is false and the job is cancelled',
    { cancelOnExit: false, jobCancelled: true },
    leave
  ],
  [
    'cancel-on-exit is false and `timeout` is spent',
    { cancelOnExit: false, status: 'timed_out' },
    leave
  ],
  ['a trigger-only step (wait: false)', { wait: false, status: 'pending' }, leave]
]

describe('planExit', () => {
  it.each(table)('%s', (_name, facts, plan) => {
    expect(planExit({ ...running, ...facts })).toEqual(plan)
  })
})
