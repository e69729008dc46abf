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

/** Answers built to make the run card costly, beside a small one (issue 13, item 6). */
const CARD_ANSWERS: Array<{ name: string; output: string }> = [
  { name: 'a small answer (1 KB)', output: LINE.repeat(12) },
  {
    name: 'a 3,000-column table header over 4,000 one-cell rows (27 KB)',
    output: `|${' h |'.repeat(3000)}\n|${'---|'.repeat(3000)}\n${'| x |\n'.repeat(4000)}`
  },
  {
    name: 'a 16 KB link referenced 5,000 times (31 KB)',
    output: `[a]: http://x/${'y'.repeat(16_000)}\n\n${'[a]'.repeat(5000)}`
  },
  { name: 'nested emphasis (32 KB)', output: '*a **a '.repeat(2340) + ' a** a*'.repeat(2340) },
  {
    name: 'a 50 MB Markdown answer',
    output: LINE.repeat(Math.ceil(50e6 / Buffer.byteLength(LINE)))
  }
]

export interface CardResult {
  name: string
  peaks: number[]
  /** Whole-step wall time, seconds. */
  seconds: number[]
}

/** Peak RSS and time of a polled step that renders its card (summary on, markdown). */
export async function measureCards(
  sim: Simulator,
  runs: number,
  node: string,
  progress: (line: string) => void
): Promise<CardResult[]> {
  const results: CardResult[] = []
  for (const answer of CARD_ANSWERS) {
    const result: CardResult = { name: answer.name, peaks: [], seconds: [] }
    for (let i = 0; i < runs; i++) {
      sim.reset()
      sim.configure({ workflows: { bench: { run: { durationMs: 100, output: answer.output } } } })
      const step = await runAction({
        inputs: inputs(sim, { 'poll-interval': '0.2' }),
        node,
        env: { RUNNER_DEBUG: '1' },
        timeoutMs: 600_000
      })
      result.peaks.push(usage(step).peakMiB)
      result.seconds.push(step.durationMs / 1000)
    }
    progress(`card, ${answer.name}: ${result.peaks.join(', ')} MiB`)
    results.push(result)
  }
  return results
}
