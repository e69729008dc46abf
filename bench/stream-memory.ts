// Peak memory and time of the bundled action streaming long answers, against the simulator.
// Usage: npm run bench:stream -- [--events 10000,100000,1000000] [--runs 3] [--heap-mb 40]
// --heap-mb caps V8's old space: a run that still succeeds shows what the action keeps alive.
import { parseArgs } from 'node:util'
import { removeRunnerFolders, runAction } from '../scripts/action-runner.js'
import { DEMO_KEY as KEY, startSimulator } from '../simulator/index.js'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '3' },
    'heap-mb': { type: 'string' }
  }
})
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const sim = await startSimulator({ keys: { [KEY]: ['trigger', 'read'] } })
try {
  console.log('events | output bytes | runs | peak RSS (median, max) | wall time (median)')
  for (const count of values.events.split(',').map(Number)) {
    const chunks = Array.from({ length: count }, (_, i) => (i % 20 === 19 ? `w${i}\n` : `w${i} `))
    const bytes = Buffer.byteLength(chunks.join(''))
    const peaks: number[] = []
    const times: number[] = []
    for (let i = 0; i < Number(values.runs); i++) {
      sim.reset()
      sim.configure({
        workflows: { bench: { run: { durationMs: 100, outputChunks: chunks, output: '' } } },
        stream: { eventDelayMs: 0, finalOutput: false }
      })
      const result = await runAction({
        inputs: { 'api-key': KEY, 'base-url': sim.url, 'workflow-id': 'bench', stream: 'true' },
        env: {
          RUNNER_DEBUG: '1',
          ...(values['heap-mb']
            ? { NODE_OPTIONS: `--max-old-space-size=${values['heap-mb']}` }
            : {})
        },
        timeoutMs: 600_000
      })
      if (result.exitCode !== 0)
        throw new Error(`exit ${result.exitCode}: ${result.outputs['error']}`)
      peaks.push(Number(/peak memory: ([\d.]+) MiB/.exec(result.stdout)?.[1]))
      times.push(result.durationMs / 1000)
    }
    console.log(
      `${count} | ${bytes} | ${peaks.length} | ${median(peaks)} MiB, ${Math.max(...peaks)} MiB | ` +
        `${median(times).toFixed(1)} s`
    )
  }
} finally {
  await sim.close()
  await removeRunnerFolders()
}
