import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { startSimulator, type Simulator } from '../../simulator/index.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { streamInputs, WORKFLOW } from '../helpers/stream-scenarios.js'

// A recorded stream, delivered to the bundled action in two reads cut at every byte offset:
// the step's outputs must be the same every time. (The parser itself is swept the same way,
// in-process, by __tests__/unit/platform/stream-events.test.ts.)
const RECORDING = [
  ': hello',
  '',
  'event: run',
  'data: {"run_id":"run_rec","status":"running"}',
  '',
  'data: {"delta":"é😀\\n"}',
  '',
  'data: {"delta":',
  'data: "ok"}',
  '',
  'data: {"status":"completed"}',
  '',
  'data: [DONE]',
  '',
  ''
].join('\r\n')
const WORKERS = 2

let sims: Simulator[] = []
beforeAll(async () => {
  sims = await Promise.all(Array.from({ length: WORKERS }, () => startSimulator()))
})
afterAll(async () => {
  await Promise.all(sims.map(sim => sim.close()))
})

describe.each(actionNodes())(
  'a recorded stream cut at every byte offset, dist/index.js under Node $version',
  ({ path: node }) => {
    it('gives the same outputs at every offset', async () => {
      const length = Buffer.byteLength(RECORDING)
      const offsets = Array.from({ length: length + 1 }, (_, i) => i)
      const seen = new Map<string, number[]>()
      await Promise.all(
        sims.map(async (sim, worker) => {
          for (let i = worker; i < offsets.length; i += WORKERS) {
            sim.reset()
            sim.configure({
              workflows: { [WORKFLOW]: {} },
              stream: { raw: RECORDING, splitAt: offsets[i]! }
            })
            const result = await runAction({ inputs: streamInputs(sim), node })
            const outcome = JSON.stringify({
              exitCode: result.exitCode,
              status: result.outputs['status'],
              runId: result.outputs['run-id'],
              output: result.outputs['output'],
              error: result.outputs['error']
            })
            seen.set(outcome, [...(seen.get(outcome) ?? []), offsets[i]!])
          }
        })
      )
      expect([...seen.keys()]).toEqual([
        JSON.stringify({ exitCode: 0, status: 'completed', runId: 'run_rec', output: 'é😀\nok' })
      ])
      expect(seen.values().next().value).toHaveLength(length + 1)
    }, 300_000)
  }
)
