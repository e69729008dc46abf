import { describe, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { useSimulator } from '../helpers/platform.js'
import { fromDist } from '../helpers/step.js'
import { STREAM_SCENARIOS, streamInputs } from '../helpers/stream-scenarios.js'

// The streaming scenarios again, against the committed bundle in a process of its own.

const sim = useSimulator()

describe.each(actionNodes())(
  'stream: true, dist/index.js under Node $version',
  ({ path: node }) => {
    it.each(STREAM_SCENARIOS)(
      '$name',
      async scenario => {
        scenario.setup(sim)
        const result = await runAction({
          inputs: { ...streamInputs(sim), ...scenario.inputs },
          node,
          env: scenario.env,
          timeoutMs: scenario.timeoutMs ?? 30_000
        })
        await scenario.check(fromDist(result), sim)
      },
      120_000
    )
  }
)
