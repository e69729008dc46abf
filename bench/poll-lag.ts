// Completion-detection lag and request count of the polling wait, measured end to end:
// the committed dist/index.js runs as a child process against the simulator, with real time.
// Usage: npm run bench:poll -- [--runs N] [--durations 6,60]
import { parseArgs } from 'node:util'
import { removeRunnerFolders, runAction } from '../scripts/action-runner.js'
import { DEMO_KEY as KEY, startSimulator } from '../simulator/index.js'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    durations: { type: 'string', default: '6,60' }
  }
})
const runs = Number(values.runs)
const durations = values.durations.split(',').map(Number)

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const sim = await startSimulator({ keys: { [KEY]: ['trigger', 'read'] } })
try {
  console.log('run length | runs | lag after completion (median, max) | gets (median, max)')
  for (const seconds of durations) {
    const lags: number[] = []
    const gets: number[] = []
    for (let i = 0; i < runs; i++) {
      sim.reset()
      sim.configure({ workflows: { bench: { run: { durationMs: seconds * 1000 } } } })
      const result = await runAction({
        inputs: { 'api-key': KEY, 'base-url': sim.url, 'workflow-id': 'bench', inputs: 'q: x' },
        timeoutMs: (seconds + 60) * 1000
      })
      if (result.outputs['status'] !== 'completed')
        throw new Error(`run ended ${result.outputs['status']}`)
      const run = [...sim.runs.values()][0]!
      const reads = sim.requests.filter(r => r.method === 'GET')
      // The action notices completion when the first answer saying so reaches it.
      lags.push((reads.at(-1)!.at - (run.createdAt + seconds * 1000)) / 1000)
      gets.push(reads.length)
    }
    console.log(
      `${seconds} s | ${runs} | ${median(lags).toFixed(2)} s, ${Math.max(...lags).toFixed(2)} s | ` +
        `${median(gets)}, ${Math.max(...gets)}`
    )
  }
} finally {
  await sim.close()
  await removeRunnerFolders()
}
