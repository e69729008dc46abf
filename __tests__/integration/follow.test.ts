import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// `run-id`: follow a run started elsewhere (in an earlier job, with `wait: false`).

const sim = useSimulator()

const base = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'poll-interval': '0.2',
  'max-poll-interval': '0.5',
  ...extra
})

async function startedElsewhere(run: Record<string, unknown>): Promise<string> {
  sim.configure({ workflows: { 'wf-later': { run } } })
  const kick = await runInProcess(
    base({ 'workflow-id': 'wf-later', inputs: 'q: x', wait: 'false' })
  )
  expect(kick.outputs['status']).toBe('pending')
  return kick.outputs['run-id']!
}

const triggers = () => sim.requests.filter(r => r.method === 'POST').length

describe('following an existing run', () => {
  it('waits for it and sets every output, triggering nothing', async () => {
    const runId = await startedElsewhere({ durationMs: 600, output: 'done later' })
    const result = await runInProcess(base({ 'run-id': runId }))
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({
      'run-id': runId,
      status: 'completed',
      output: 'done later'
    })
    expect(result.outputs['thread-id']).toMatch(/^thr_/)
    expect(Number(result.outputs['duration'])).toBeGreaterThanOrEqual(0)
    expect(JSON.parse(result.outputs['result']!)).toMatchObject({ run_id: runId })
    expect(result.log).not.toMatch(/::warning::/)
    expect(result.summary).toContain(runId)
    expect(triggers()).toBe(1)
    expect(result.log).toContain(`Following run ${runId}.`)
  })

  it('with stream: true, polls it and says why', async () => {
    const runId = await startedElsewhere({ durationMs: 300, output: 'polled' })
    const result = await runInProcess(base({ 'run-id': runId, stream: 'true' }))
    expect(result.outputs['output']).toBe('polled')
    expect(result.log).toMatch(/cannot reopen the stream of a run that has started/)
    expect(sim.requests.filter(r => r.path.endsWith('/stream'))).toHaveLength(0)
  })

  it('gives up at `timeout` and cancels it', async () => {
    const runId = await startedElsewhere({ durationMs: 60_000 })
    const result = await runInProcess(base({ 'run-id': runId, timeout: '1' }))
    expect(result.failed).toBe(true)
    expect(result.outputs['status']).toBe('timed_out')
    expect(result.outputs['error']).toMatch(/The run was cancelled on the platform/)
    expect(sim.runs.get(runId)?.status()).toBe('cancelled')
  })

  it('reports a run id the platform does not know', async () => {
    sim.configure({ workflows: { 'wf-later': {} } })
    const result = await runInProcess(base({ 'run-id': 'run_nope' }))
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(/Run 'run_nope' was not found \(HTTP 404/)
  })

  it.each([
    [{ inputs: 'q: x' }, /`run-id` and `inputs` cannot be used together/],
    [{ 'thread-id': 'thr_1' }, /`run-id` and `thread-id` cannot be used together/],
    [{ wait: 'false' }, /`run-id` and `wait: false` cannot be used together/],
    [{ 'run-id': '..' }, /`run-id` must be a run id/]
  ])('refuses %j with run-id before any request', async (extra, message) => {
    const result = await runInProcess(base({ 'run-id': 'run_1', ...extra }))
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(message)
    expect(sim.requests).toHaveLength(0)
  })

  it('refuses a run-id that holds the key before anything uses it, and cancels nothing', async () => {
    const result = await runInProcess(base({ 'run-id': `run_${KEY}` }))
    expect(result.failed).toBe(true)
    expect(sim.requests).toHaveLength(0)
    expect(result.outputs['run-id']).toBeUndefined()
    expect(result.outputs['error']).toMatch(/run id that contains the API key/)
  })

  it('needs workflow-id only without run-id', async () => {
    const result = await runInProcess(base())
    expect(result.outputs['error']).toMatch(/`workflow-id` is required.*or give `run-id`/)
  })
})
