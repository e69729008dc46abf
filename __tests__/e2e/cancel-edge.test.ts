import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from '@jest/globals'
import { runAction, startAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// Review 7, against dist/index.js as the runner runs it.

const sim = useSimulator()

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-edge',
  inputs: 'question: hi',
  'poll-interval': '0.2',
  'max-poll-interval': '0.5',
  ...extra
})

async function until(condition: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 20_000
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting until ${what}`)
    await sleep(20)
  }
}

describe.each(actionNodes())(
  'edge cases of a cancelled or hostile run, dist/index.js under Node $version',
  ({ path: node }) => {
    it('SIGINT while waiting out a 429 does not say that a run may have started', async () => {
      sim.configure({ workflows: { 'wf-edge': { run: { durationMs: 60_000 } } } })
      // The concurrency cap rejects the trigger (rejected, not queued) and asks for 30 s.
      sim.injectFault('trigger', {
        kind: 'status',
        status: 429,
        body: '{"detail":"Concurrency limit reached"}',
        headers: { 'Retry-After': '30' }
      })
      const step = await startAction({ inputs: inputs(), node })
      await until(() => sim.requests.some(r => r.status === 429), 'the trigger was rejected')
      await sleep(200)
      step.child.kill('SIGINT')
      const result = await step.done
      expect(result.exitCode).toBe(1)
      expect(sim.runs.size).toBe(0)
      expect(result.outputs['status']).toBe('cancelled')
      // Nothing was started: the only trigger was refused with a 429.
      expect(result.outputs['error']).not.toMatch(/a run may have started/i)
    })

    it('never saves the key for the post step, even when the platform echoes it in the run id', async () => {
      sim.configure({
        workflows: { 'wf-edge': { run: { durationMs: 200, output: 'fine' } } },
        variant: { fields: { run_id: `run-${KEY}` } }
      })
      const result = await runAction({ inputs: inputs(), node })
      // Such an id is never used: not in a URL, not in the saved state, not in an output.
      expect(result.exitCode).toBe(1)
      expect(result.outputs['error']).toMatch(
        /run id that contains the API key.*run may have started/s
      )
      expect(result.state).not.toContain(KEY)
      expect(JSON.stringify(result.outputs)).not.toContain(KEY)
      expect(sim.requests.filter(r => r.method === 'GET')).toHaveLength(0)
    })
  }
)
