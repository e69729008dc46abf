import type { Simulator } from '../../simulator/index.js'
import { WORKFLOW } from './stream-scenarios.js'

// A recorded stream, delivered to the action in two reads cut at a byte offset: the step's
// outputs must be the same at every offset. Swept over every offset in-process
// (integration/stream-offsets.test.ts), and at two telling ones against dist/ (e2e/).
export const RECORDING = [
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

/** The one outcome every offset must give. */
export const EXPECTED = {
  exitCode: 0,
  status: 'completed',
  runId: 'run_rec',
  output: 'é😀\nok'
}

export function deliverCutAt(sim: Simulator, offset: number): void {
  sim.reset()
  sim.configure({ workflows: { [WORKFLOW]: {} }, stream: { raw: RECORDING, splitAt: offset } })
}

export function outcomeOf(failed: boolean, outputs: Record<string, string>) {
  return {
    exitCode: failed ? 1 : 0,
    status: outputs['status'],
    runId: outputs['run-id'],
    output: outputs['output'],
    ...(outputs['error'] === undefined ? {} : { error: outputs['error'] })
  }
}
