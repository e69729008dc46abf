import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../helpers/in-process.js'
import { useSimulator } from '../helpers/platform.js'
import { deliverCutAt, EXPECTED, outcomeOf, RECORDING } from '../helpers/recorded-stream.js'
import { streamInputs } from '../helpers/stream-scenarios.js'

// The recorded stream delivered to the whole step in two reads cut at every byte offset: the
// outputs must be the same every time. (The parser alone is swept the same way by
// unit/platform/stream-events.test.ts; two offsets run against dist/ in e2e/.)

const sim = useSimulator()

describe('a recorded stream cut at every byte offset, through run()', () => {
  it('gives the same outputs at every offset', async () => {
    const length = Buffer.byteLength(RECORDING)
    const differing: Array<{ offset: number; outcome: unknown }> = []
    for (let offset = 0; offset <= length; offset++) {
      deliverCutAt(sim, offset)
      const result = await runInProcess(streamInputs(sim))
      const outcome = outcomeOf(result.failed, result.outputs)
      if (JSON.stringify(outcome) !== JSON.stringify(EXPECTED)) differing.push({ offset, outcome })
    }
    expect(differing).toEqual([])
  }, 120_000)
})
