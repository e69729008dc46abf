import { runAction, type ActionRunResult } from '../scripts/action-runner.js'
import { DEMO_KEY, type Simulator } from '../simulator/index.js'

// A line of a model's answer, mostly ASCII with some accented and CJK characters: text that
// JavaScript holds at two bytes a character, the costlier case.
const LINE = 'The quick brown fox jumps over the lazy dog; café, naïve, 東京. Line of the answer.\n'

const inputs = (sim: Simulator, extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': DEMO_KEY,
  'base-url': sim.url,
  'workflow-id': 'bench',
  inputs: 'question: go',
  ...extra
})

/** The step's own figures, from its debug line: peak RSS (MiB) and CPU time (s). */
function usage(result: ActionRunResult): { peakMiB: number; cpuSeconds: number } {
  if (result.exitCode !== 0) {
    throw new Error(`the step failed (exit ${result.exitCode}): ${result.outputs['error']}`)
  }
  const line = /peak memory: ([\d.]+) MiB; cpu: ([\d.]+) s/.exec(result.stdout)
  return { peakMiB: Number(line?.[1]), cpuSeconds: Number(line?.[2]) }
}

export interface MemoryResult {
  mode: 'polling' | 'streaming'
  outputMB: number
  peaks: number[]
}

/** Peak RSS of the step for outputs of each size, read by polling and streamed as deltas. */
export async function measureMemory(
  sim: Simulator,
  sizesMB: number[],
  runs: number,
  node: string,
  progress: (line: string) => void
): Promise<MemoryResult[]> {
  const results: MemoryResult[] = []
  for (const mode of ['polling', 'streaming'] as const) {
    for (const outputMB of sizesMB) {
      const output = LINE.repeat(Math.ceil((outputMB * 1_000_000) / Buffer.byteLength(LINE)))
      // Streamed as 64 KiB events, as a model writes a long answer.
      const pieces = output.match(/[\s\S]{1,65536}/g) ?? [output]
      const result: MemoryResult = { mode, outputMB, peaks: [] }
      for (let i = 0; i < runs; i++) {
        sim.reset()
        sim.configure({
          workflows: { bench: { run: { durationMs: 300, output, outputChunks: pieces } } },
          stream: { eventDelayMs: 0, finalOutput: false }
        })
        const step = await runAction({
          inputs: inputs(sim, mode === 'streaming' ? { stream: 'true' } : {}),
          node,
          env: { RUNNER_DEBUG: '1' },
          timeoutMs: 600_000
        })
        result.peaks.push(usage(step).peakMiB)
      }
      progress(`memory, ${mode}, ${outputMB} MB: ${result.peaks.join(', ')} MiB`)
      results.push(result)
    }
  }
  return results
}

/** CPU time (user + system) of the step for a stream of `events` small events. */
export async function measureStreamCpu(
  sim: Simulator,
  events: number,
  runs: number,
  node: string,
  progress: (line: string) => void
): Promise<number[]> {
  const pieces = Array.from({ length: events }, (_, i) => (i % 20 === 19 ? `w${i}\n` : `w${i} `))
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    sim.reset()
    sim.configure({
      workflows: { bench: { run: { durationMs: 100, output: '', outputChunks: pieces } } },
      stream: { eventDelayMs: 0, finalOutput: false }
    })
    const step = await runAction({
      inputs: inputs(sim, { stream: 'true' }),
      node,
      env: { RUNNER_DEBUG: '1' },
      timeoutMs: 600_000
    })
    cpu.push(usage(step).cpuSeconds)
  }
  progress(`cpu, ${events} events: ${cpu.map(c => c.toFixed(2)).join(', ')} s`)
  return cpu
}

export interface ParallelResult {
  steps: number
  cap: number
  runSeconds: number
  makespans: number[]
  /** Every step completed, and the platform saw exactly one run per step. */
  allCompletedOnce: boolean[]
}

/** Many steps at once against the platform's concurrency cap: all must complete, one run each. */
export async function measureParallel(
  sim: Simulator,
  steps: number,
  cap: number,
  runSeconds: number,
  runs: number,
  node: string,
  progress: (line: string) => void
): Promise<ParallelResult> {
  const result: ParallelResult = { steps, cap, runSeconds, makespans: [], allCompletedOnce: [] }
  for (let i = 0; i < runs; i++) {
    sim.reset()
    // No Retry-After: the harder case, where the action picks its own waits.
    sim.configure({
      concurrencyCap: cap,
      retryAfter: '',
      workflows: { bench: { run: { durationMs: runSeconds * 1000, output: 'done' } } }
    })
    const started = Date.now()
    const outcomes = await Promise.all(
      Array.from({ length: steps }, () =>
        runAction({ inputs: inputs(sim, { timeout: '120' }), node, timeoutMs: 180_000 })
      )
    )
    result.makespans.push((Math.max(...outcomes.map(o => o.endedAt)) - started) / 1000)
    const completed = outcomes.every(o => o.exitCode === 0 && o.outputs['status'] === 'completed')
    const ids = new Set(outcomes.map(o => o.outputs['run-id']))
    result.allCompletedOnce.push(completed && sim.runs.size === steps && ids.size === steps)
  }
  progress(
    `parallel, ${steps} steps, cap ${cap}: ${result.makespans.map(m => m.toFixed(1)).join(', ')} s`
  )
  return result
}
