import { describe, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { useSimulator } from '../helpers/platform.js'
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
        await scenario.check(
          {
            mode: 'dist',
            failed: result.exitCode !== 0,
            log: result.stdout,
            outputs: result.outputs,
            summary: result.summary,
            elapsedMs: result.durationMs
          },
          sim
        )
      },
      120_000
    )
  }
)
