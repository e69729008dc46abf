import { runAction } from '../scripts/action-runner.js'
import { DEMO_KEY, type Simulator } from '../simulator/index.js'
import type { Contender } from './contenders.js'

/** The same work for every contender: one text input, written as the JSON list all accept. */
const INPUTS = '[{"name": "question", "type": "text", "value": "go"}]'

export interface LagResult {
  contender: string
  /** The run's length, in seconds. */
  seconds: number
  /** Step end minus run end, in seconds, one per run. */
  lags: number[]
  gets: number[]
  failures: string[]
}

/**
 * Completion-detection lag: how long after the run ends (on the simulator's clock) the step
 * ends (the process exits), and how many gets of the run it made, for runs of each length.
 */
export async function measureLag(
  sim: Simulator,
  contenders: Contender[],
  lengths: number[],
  runs: number,
  node: string,
  progress: (line: string) => void
): Promise<LagResult[]> {
  const results: LagResult[] = []
  for (const seconds of lengths) {
    for (const contender of contenders) {
      const result: LagResult = {
        contender: contender.name,
        seconds,
        lags: [],
        gets: [],
        failures: []
      }
      for (let i = 0; i < runs; i++) {
        sim.reset()
        sim.configure({
          workflows: {
            bench: {
              run: { durationMs: seconds * 1000, output: 'done', outputChunks: ['do', 'ne'] }
            }
          },
          stream: { eventDelayMs: 0, heartbeatMs: 5000 }
        })
        const step = contender.step(node)
        const outcome = await runAction({
          inputs: {
            'api-key': DEMO_KEY,
            'base-url': sim.url,
            'workflow-id': 'bench',
            inputs: INPUTS,
            ...step.extra
          },
          command: step.command,
          node: step.node,
          env: step.env,
          timeoutMs: (seconds + 60) * 1000
        })
        const run = [...sim.runs.values()][0]
        if (
          outcome.exitCode !== 0 ||
          run === undefined ||
          outcome.outputs['status'] !== 'completed'
        ) {
          result.failures.push(`exit ${outcome.exitCode}, status ${outcome.outputs['status']}`)
          continue
        }
        result.lags.push((outcome.endedAt - (run.createdAt + seconds * 1000)) / 1000)
        result.gets.push(sim.requests.filter(r => r.method === 'GET').length)
      }
      progress(
        `lag ${seconds} s, ${contender.name}: ${result.lags.map(l => l.toFixed(2)).join(', ')} s`
      )
      results.push(result)
    }
  }
  return results
}
