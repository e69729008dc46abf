import { runAction } from '../scripts/action-runner.js'
import { DEMO_KEY, type Simulator } from '../simulator/index.js'
import type { Contender } from './contenders.js'

// Polling measured as real processes on run lengths drawn as bench/schedule.ts draws them: this
// action with its defaults and a fixed 5 s poller, against the simulator.

export interface MixResult {
  contender: string
  seconds: number
  /** The get that found the run ended, minus the run's end: what the schedule decides. */
  lag: number | undefined
  /** The step's end (the process exits) minus the run's end: the above, and publishing. */
  stepLag: number | undefined
  gets: number | undefined
  failure?: string
}

/**
 * Real runs of the given lengths, each contender's steps all at once (the simulator keeps
 * time per run, so steps do not wait for each other): step end minus run end, and the gets of
 * each run, counted on the simulator by run id.
 */
export async function measureMix(
  sim: Simulator,
  contenders: Contender[],
  lengths: number[],
  node: string,
  progress: (line: string) => void
): Promise<MixResult[]> {
  sim.reset()
  const workflows = Object.fromEntries(
    lengths.map((seconds, index) => [
      `mix-${index}`,
      { run: { durationMs: Math.round(seconds * 1000), output: 'done' } }
    ])
  )
  sim.configure({ workflows })
  const steps = contenders.flatMap(contender =>
    lengths.map(async (seconds, index): Promise<MixResult> => {
      const step = contender.step(node)
      const outcome = await runAction({
        inputs: {
          'api-key': DEMO_KEY,
          'base-url': sim.url,
          'workflow-id': `mix-${index}`,
          inputs: '[{"name": "question", "type": "text", "value": "go"}]',
          ...step.extra
        },
        command: step.command,
        node: step.node,
        env: step.env,
        timeoutMs: (seconds + 120) * 1000
      })
      const runId = outcome.outputs['run-id']
      const run = runId === undefined ? undefined : sim.runs.get(runId)
      if (outcome.exitCode !== 0 || runId === undefined || run === undefined) {
        return {
          contender: contender.name,
          seconds,
          lag: undefined,
          stepLag: undefined,
          gets: undefined,
          failure: `exit ${outcome.exitCode}, status ${outcome.outputs['status']}`
        }
      }
      const ended = run.createdAt + Math.round(seconds * 1000)
      const getsOfRun = sim.requests.filter(
        request => request.method === 'GET' && request.path.includes(encodeURIComponent(runId))
      )
      const found = getsOfRun.find(request => request.at >= ended)
      return {
        contender: contender.name,
        seconds,
        lag: found === undefined ? undefined : (found.at - ended) / 1000,
        stepLag: (outcome.endedAt - ended) / 1000,
        gets: getsOfRun.length
      }
    })
  )
  const results = await Promise.all(steps)
  for (const contender of contenders) {
    const mine = results.filter(result => result.contender === contender.name)
    progress(
      `mix, ${contender.name}: lags ${mine.map(r => r.lag?.toFixed(2) ?? 'failed').join(', ')} s`
    )
  }
  return results
}
