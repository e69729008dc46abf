import { promises as fs } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from '@jest/globals'
import { runAction, runPostStep, startAction } from '../../scripts/action-runner.js'
import type { Simulator } from '../../simulator/index.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it. Each case
// runs dist/index.js as the runner does, sends it real signals, and ends with the run cancelled
// on the simulator exactly once and no second run.

const GRACE_MS = 7_500
const sim = useSimulator()

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-long',
  inputs: 'question: take your time',
  'poll-interval': '0.2',
  'max-poll-interval': '0.5',
  ...extra
})

function longRun(): void {
  sim.configure({
    workflows: { 'wf-long': { run: { durationMs: 60_000, output: 'never seen' } } },
    stream: { heartbeatMs: 100, eventDelayMs: 0 }
  })
}

const cancels = (s: Simulator): number =>
  s.requests.filter(r => r.method === 'POST' && r.path.endsWith('/cancel') && r.status === 200)
    .length
const triggers = (s: Simulator): number =>
  s.requests.filter(r => r.method === 'POST' && /\/trigger(\/stream)?$/.test(r.path)).length
const onlyRun = (s: Simulator) => [...s.runs.values()][0]

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const giveUp = Date.now() + 20_000
  while (!(await condition())) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting until ${what}`)
    await sleep(20)
  }
}

function expectCancelledOnce(s: Simulator): void {
  expect(triggers(s)).toBe(1)
  expect(s.runs.size).toBe(1)
  expect(onlyRun(s)?.status()).toBe('cancelled')
  expect(cancels(s)).toBe(1)
}

describe.each(actionNodes())(
  'cancellation, dist/index.js under Node $version',
  ({ path: node }) => {
    it('SIGINT mid-poll: cancels the run, sets the outputs, exits non-zero well inside the grace', async () => {
      longRun()
      const step = await startAction({ inputs: inputs(), node })
      await until(() => sim.requests.some(r => r.method === 'GET'), 'the run is being polled')
      const signalled = Date.now()
      step.child.kill('SIGINT')
      const result = await step.done
      expect(Date.now() - signalled).toBeLessThan(GRACE_MS / 2)
      expect(result.exitCode).toBe(1)
      expect(result.outputs['status']).toBe('cancelled')
      expect(result.outputs['run-id']).toBe(onlyRun(sim)?.id)
      expect(result.outputs['error']).toMatch(/job was cancelled \(the runner sent SIGINT\)/)
      expect(result.outputs['error']).toMatch(/run was cancelled on the platform/)
      expect(result.summary).toContain('cancelled')
      expect(result.stdout).toMatch(
        /Cancelled run run_\w+ on the platform \(the job was cancelled\)/
      )
      expectCancelledOnce(sim)

      // The post step finds the run settled and sends nothing.
      const before = sim.requests.length
      const post = await runPostStep(result, { inputs: inputs(), node })
      expect(post.exitCode).toBe(0)
      expect(sim.requests).toHaveLength(before)
    })

    it('SIGTERM mid-stream: cancels the run named by the stream', async () => {
      longRun()
      const step = await startAction({ inputs: inputs({ stream: 'true' }), node })
      await until(
        async () => (await fs.readFile(step.files.GITHUB_STATE, 'utf8')).includes('run-id'),
        'the stream has named the run'
      )
      const signalled = Date.now()
      step.child.kill('SIGTERM')
      const result = await step.done
      expect(Date.now() - signalled).toBeLessThan(GRACE_MS / 2)
      expect(result.exitCode).toBe(1)
      expect(result.outputs['status']).toBe('cancelled')
      expect(result.outputs['error']).toMatch(/SIGTERM/)
      expectCancelledOnce(sim)
    })

    it('SIGINT after the run finished, while the stream stays open: the run keeps its status and output', async () => {
      sim.configure({
        workflows: { 'wf-long': { run: { durationMs: 200, output: 'the answer' } } },
        stream: { eventDelayMs: 0, withDone: false, holdOpen: true }
      })
      const step = await startAction({ inputs: inputs({ stream: 'true' }), node })
      await until(() => onlyRun(sim)?.status() === 'completed', 'the run has finished')
      // Inside the second the step waits after the final status for a final output.
      await sleep(300)
      step.child.kill('SIGINT')
      const result = await step.done
      expect(result.outputs['status']).toBe('completed')
      expect(result.outputs['output']).toBe('the answer')
      expect(result.outputs['error']).toBeUndefined()
      expect(result.stdout).toMatch(
        /The job was cancelled \(the runner sent SIGINT\) after run run_\w+ had finished; its status and output stand\./
      )
      expect(result.exitCode).toBe(0)
      expect(cancels(sim)).toBe(0)
    })

    it('SIGINT while the platform holds the trigger open: waits for the run id, then cancels it', async () => {
      longRun()
      sim.injectFault('trigger', { kind: 'slow', delayMs: 1_000 })
      const step = await startAction({ inputs: inputs(), node })
      await until(() => triggers(sim) === 1, 'the trigger has reached the platform')
      const signalled = Date.now()
      step.child.kill('SIGINT')
      const result = await step.done
      expect(Date.now() - signalled).toBeLessThan(GRACE_MS / 2)
      expect(result.exitCode).toBe(1)
      expect(result.outputs['status']).toBe('cancelled')
      expect(result.outputs['run-id']).toBe(onlyRun(sim)?.id)
      expectCancelledOnce(sim)
    })

    it('SIGKILL: the post step cancels the run main left running', async () => {
      longRun()
      const step = await startAction({ inputs: inputs(), node })
      await until(() => sim.requests.some(r => r.method === 'GET'), 'the run is being polled')
      step.child.kill('SIGKILL')
      const main = await step.done
      expect(main.signal).toBe('SIGKILL')
      expect(cancels(sim)).toBe(0)
      const post = await runPostStep(main, { inputs: inputs(), node })
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toMatch(/Cancelled run run_\w+ on the platform/)
      expect(post.stdout.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
      expectCancelledOnce(sim)
    })

    it('a second signal ends the step at once', async () => {
      longRun()
      sim.injectFault('trigger', { kind: 'slow', delayMs: 10_000 })
      const step = await startAction({ inputs: inputs(), node })
      await until(() => triggers(sim) === 1, 'the trigger has reached the platform')
      step.child.kill('SIGINT')
      await sleep(100)
      const signalled = Date.now()
      step.child.kill('SIGINT')
      const result = await step.done
      expect(result.exitCode).toBe(1)
      // At once: not when the trigger the platform holds for 10 s would have ended.
      expect(Date.now() - signalled).toBeLessThan(5_000)
    })

    it('`timeout` spent: cancels the run before failing with timed_out', async () => {
      longRun()
      const result = await runAction({ inputs: inputs({ timeout: '1' }), node })
      expect(result.exitCode).toBe(1)
      expect(result.outputs['status']).toBe('timed_out')
      expect(result.outputs['error']).toMatch(
        /Gave up waiting.*The run was cancelled on the platform/
      )
      expectCancelledOnce(sim)
      const before = sim.requests.length
      await runPostStep(result, { inputs: inputs({ timeout: '1' }), node })
      expect(sim.requests).toHaveLength(before)
    })

    it('cancel-on-exit false: leaves the run going, and so does the post step', async () => {
      longRun()
      const given = inputs({ timeout: '1', 'cancel-on-exit': 'false' })
      const result = await runAction({ inputs: given, node })
      expect(result.outputs['status']).toBe('timed_out')
      expect(result.outputs['error']).toMatch(/goes on on the platform \(cancel-on-exit is false\)/)
      const post = await runPostStep(result, { inputs: given, node })
      expect(post.exitCode).toBe(0)
      expect(cancels(sim)).toBe(0)
      expect(onlyRun(sim)?.status()).toBe('running')
    })

    it('the post step makes no request after a finished run or when nothing was triggered', async () => {
      sim.configure({ workflows: { 'wf-long': { run: { durationMs: 200, output: 'done' } } } })
      const finished = await runAction({ inputs: inputs(), node })
      expect(finished.outputs['status']).toBe('completed')
      const invalid = await runAction({ inputs: inputs({ timeout: 'soon' }), node })
      expect(invalid.exitCode).toBe(1)
      const before = sim.requests.length
      for (const main of [finished, invalid]) {
        const post = await runPostStep(main, { inputs: inputs(), node })
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toMatch(/::(warning|error)::/)
      }
      expect(sim.requests).toHaveLength(before)
    })
  }
)
