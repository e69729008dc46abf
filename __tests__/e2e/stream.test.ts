import { execFileSync } from 'node:child_process'
import { describe, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { STREAM_SCENARIOS, streamInputs } from '../helpers/stream-scenarios.js'
import { useSimulator } from '../helpers/platform.js'

// The streaming scenarios again, against the committed bundle in a process of its own.

const node = process.env.ACTION_NODE ?? process.execPath

const sim = useSimulator()

describe(`stream: true, dist/index.js under ${execFileSync(node, ['--version']).toString().trim()}`, () => {
  for (const scenario of STREAM_SCENARIOS) {
    it(
      scenario.name,
      async () => {
        scenario.setup(sim)
        const result = await runAction({
          inputs: { ...streamInputs(sim), ...scenario.inputs },
          node,
          ...(scenario.env ? { env: scenario.env } : {}),
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
      scenario.timeoutMs ?? 30_000
    )
  }
})
