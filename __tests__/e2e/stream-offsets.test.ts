import { describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { useSimulator } from '../helpers/platform.js'
import { deliverCutAt, EXPECTED, outcomeOf, RECORDING } from '../helpers/recorded-stream.js'
import { streamInputs } from '../helpers/stream-scenarios.js'

// The recorded stream cut where a reader is most likely to go wrong, against dist/index.js:
// inside the emoji's four bytes, and between a CR and its LF. Every other offset is swept
// in-process (integration/stream-offsets.test.ts).

const sim = useSimulator()
const INSIDE_EMOJI = Buffer.from(RECORDING).indexOf(Buffer.from('😀')) + 2
const INSIDE_CRLF = Buffer.from(RECORDING).indexOf(Buffer.from('"running"}\r\n')) + 11

describe.each(actionNodes())(
  'a recorded stream cut in two, dist/index.js under Node $version',
  ({ path: node }) => {
    it.each([
      ['inside a character', INSIDE_EMOJI],
      ['between a CR and its LF', INSIDE_CRLF]
    ])('gives the same outputs cut %s', async (_, offset) => {
      deliverCutAt(sim, offset)
      const result = await runAction({ inputs: streamInputs(sim), node })
      expect(outcomeOf(result.exitCode !== 0, result.outputs)).toEqual(EXPECTED)
    })
  }
)
