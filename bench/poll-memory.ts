// Peak memory of the bundled action reading a large output by polling, against the simulator.
// Usage: npm run bench:poll-memory -- [--mb 1,10,20,50] [--runs 3] [--entry path/to/index.js]
// The figure is the step's own peak RSS, which it logs at debug level; the target is about
// twice the output plus the process's baseline (the peak of a run with a tiny output).
import { parseArgs } from 'node:util'
import { removeRunnerFolders, runAction } from '../scripts/action-runner.js'
import { DEMO_KEY as KEY, startSimulator } from '../simulator/index.js'

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '1,10,20,50' },
    runs: { type: 'string', default: '3' },
    entry: { type: 'string' }
  }
})
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const MIB = 1024 * 1024
// A line of a model's answer, ASCII and a little Unicode, about 80 bytes.
const LINE = 'The quick brown fox jumps over the lazy dog; café, naïve, 東京. Line of the answer.\n'

const sim = await startSimulator({ keys: { [KEY]: ['trigger', 'read'] } })

async function peakFor(output: string): Promise<number> {
  sim.reset()
  sim.configure({ workflows: { bench: { run: { durationMs: 300, output } } } })
  const result = await runAction({
    inputs: {
      'api-key': KEY,
      'base-url': sim.url,
      'workflow-id': 'bench',
      inputs: 'q: x',
      'poll-interval': '0.5'
    },
    env: { RUNNER_DEBUG: '1' },
    entry: values.entry,
    timeoutMs: 600_000
  })
  if (result.exitCode !== 0) throw new Error(`exit ${result.exitCode}: ${result.outputs['error']}`)
  return Number(/peak memory: ([\d.]+) MiB/.exec(result.stdout)?.[1])
}

try {
  const runs = Number(values.runs)
  const baseline: number[] = []
  for (let i = 0; i < runs; i++) baseline.push(await peakFor('tiny'))
  const base = median(baseline)
  console.log(`baseline (a tiny output): ${base} MiB (median of ${runs})`)
  console.log('output | runs | peak RSS (median, max) | 2 × output + baseline | within')
  for (const mb of values.mb.split(',').map(Number)) {
    const output = LINE.repeat(Math.ceil((mb * MIB) / Buffer.byteLength(LINE)))
    const outputMib = Buffer.byteLength(output) / MIB
    const peaks: number[] = []
    for (let i = 0; i < runs; i++) peaks.push(await peakFor(output))
    const target = 2 * outputMib + base
    console.log(
      `${mb} MB | ${runs} | ${median(peaks)} MiB, ${Math.max(...peaks)} MiB | ` +
        `${target.toFixed(0)} MiB | ${median(peaks) <= target ? 'yes' : 'no'}`
    )
  }
} finally {
  await sim.close()
  await removeRunnerFolders()
}
