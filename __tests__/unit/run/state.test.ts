import { describe, expect, it } from '@jest/globals'
import { applyRunEvent, NEW_RUN, type RunEvent, type RunState } from '../../../src/run/state.js'
import type { RunSnapshot } from '../../../src/platform/run-object.js'

// What happens to a run is a few events applied by one function: here as a table.

const running: RunState = {
  finished: false,
  workflowId: 'wf',
  runId: 'run_1',
  status: 'running',
  startedAt: 1_000
}
const completed: RunState = {
  ...running,
  status: 'completed',
  finished: true,
  finishedAt: 5_000,
  result: { status: 'completed' }
}
const snapshot = (status: 'running' | 'completed' | 'failed' | 'cancelled', error?: string) => ({
  type: 'snapshot-read' as const,
  snapshot: { status, rawStatus: status, raw: { status }, error },
  at: 5_000
})
const jobCancelled: RunEvent = {
  type: 'job-cancelled',
  at: 6_000,
  message: 'The job was cancelled (the runner sent SIGINT)',
  where: 'while following run run_1. The run was cancelled on the platform.'
}

const table: Array<[string, RunState, RunEvent, Partial<RunState>]> = [
  [
    'a trigger is sent',
    NEW_RUN,
    { type: 'trigger-sent', workflowId: 'wf', at: 1 },
    { workflowId: 'wf', startedAt: 1 }
  ],
  [
    'the trigger is on its way',
    NEW_RUN,
    { type: 'trigger-in-flight', inFlight: true },
    { triggerInFlight: true }
  ],
  [
    'the platform names the run',
    NEW_RUN,
    { type: 'run-named', runId: 'run_9', threadId: 't' },
    { runId: 'run_9', threadId: 't' }
  ],
  ['a second name changes nothing', running, { type: 'run-named', runId: 'run_2' }, running],
  [
    'a get says running',
    { ...running, status: 'pending' },
    snapshot('running'),
    { status: 'running', finished: false }
  ],
  [
    'a get says completed',
    running,
    snapshot('completed'),
    { status: 'completed', finished: true, finishedAt: 5_000, error: undefined }
  ],
  [
    'a get says failed',
    running,
    snapshot('failed', 'boom'),
    { status: 'failed', finished: true, error: 'boom' }
  ],
  [
    'a get says failed, with no error',
    running,
    snapshot('failed'),
    { status: 'failed', finished: true, error: 'The run failed without an error message.' }
  ],
  [
    'a get says cancelled',
    running,
    snapshot('cancelled'),
    { status: 'cancelled', finished: true, error: 'The run was cancelled on the platform.' }
  ],
  [
    'the wait times out',
    running,
    { type: 'timed-out', at: 9_000, waitedMs: 8_000 },
    {
      status: 'timed_out',
      finishedAt: 9_000,
      error:
        'Gave up waiting for run run_1 after 8.0 s (last status: unknown). Raise `timeout` if the workflow needs longer.'
    }
  ],
  [
    'a timed-out run is cancelled',
    { ...running, status: 'timed_out', error: 'Gave up.' },
    { type: 'left', sentence: 'The run was cancelled on the platform.' },
    { error: 'Gave up. The run was cancelled on the platform.' }
  ],
  [
    'the job is cancelled while the run goes on',
    running,
    jobCancelled,
    {
      status: 'cancelled',
      finishedAt: 6_000,
      error:
        'The job was cancelled (the runner sent SIGINT) while following run run_1. The run was cancelled on the platform.'
    }
  ],
  // A finished run stays as it finished.
  ['the job is cancelled after the run finished', completed, jobCancelled, completed],
  [
    'the wait times out after the run finished',
    completed,
    { type: 'timed-out', at: 9_000, waitedMs: 8_000 },
    completed
  ],
  [
    'a later view of a finished run: read, but its end stands',
    completed,
    snapshot('cancelled', 'late word'),
    { status: 'cancelled', finished: true, finishedAt: 5_000, result: { status: 'cancelled' } }
  ],
  [
    '"left" after the run finished',
    completed,
    { type: 'left', sentence: 'The run goes on.' },
    completed
  ],
  [
    'the run’s own error after its status',
    completed,
    { type: 'error-reported', error: 'late' },
    { error: 'late' }
  ],
  [
    'a cancelled status without an error, after an earlier passing one',
    { ...running, error: 'transient hiccup' },
    snapshot('cancelled'),
    { status: 'cancelled', finished: true, error: 'The run was cancelled on the platform.' }
  ],
  [
    'an error after the failed status of a stream',
    { ...completed, status: 'failed', error: 'x' },
    { type: 'error-reported', error: 'the reason' },
    { error: 'the reason' }
  ]
]

describe('applyRunEvent', () => {
  it.each(table)('%s', (_, before, event, after) => {
    const frozen = Object.freeze({ ...before })
    const next = applyRunEvent(frozen, event)
    // A state that must not change is returned as it is; any other keeps what the event leaves.
    const unchanged = after === before
    expect({ same: next === frozen, next }).toEqual({
      same: unchanged,
      next: expect.objectContaining({ ...before, ...after })
    })
  })
})

describe('named outputs and usage', () => {
  const view = (output: string | undefined, named?: Record<string, string>) =>
    ({ runId: 'r', status: 'running', raw: {}, output, named }) as RunSnapshot

  it('keeps the named values of the latest output only', () => {
    let state = applyRunEvent(NEW_RUN, {
      type: 'snapshot-read',
      snapshot: view('{}', { a: 'A' }),
      at: 1
    })
    expect(state.namedOutputs).toEqual({ a: 'A' })
    // A view without an output leaves them; an output without names clears them.
    state = applyRunEvent(state, { type: 'snapshot-read', snapshot: view(undefined), at: 2 })
    expect(state.namedOutputs).toEqual({ a: 'A' })
    state = applyRunEvent(state, { type: 'snapshot-read', snapshot: view('plain text'), at: 3 })
    expect(state.namedOutputs).toBeUndefined()
    state = applyRunEvent(state, { type: 'details-read', output: { named: { b: 'B' } } })
    expect(state.namedOutputs).toEqual({ b: 'B' })
    state = applyRunEvent(state, { type: 'details-read', output: { named: undefined } })
    expect(state.namedOutputs).toBeUndefined()
  })

  it('adds a later usage report to an earlier one', () => {
    let state = applyRunEvent(NEW_RUN, {
      type: 'details-read',
      usage: { inputTokens: 3, outputTokens: 4 }
    })
    state = applyRunEvent(state, { type: 'details-read', usage: { cost: 0.5 } })
    expect(state.usage).toEqual({ inputTokens: 3, outputTokens: 4, cost: 0.5 })
  })
})
