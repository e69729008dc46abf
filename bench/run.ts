// `npm run bench [-- --quick]`: this action against what users do today, on the same simulated
// platform, each contender run as a whole process the way a runner runs a step. Writes
// BENCHMARKS.md and bench/lag.svg. --quick (a smoke check, under 3 minutes) measures fewer
// lengths and sizes, once each; the full run takes about half an hour.
import { promises as fs } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { ensureActionNodes } from '../__tests__/setup/global-setup.js'
import { removeRunnerFolders } from '../scripts/action-runner.js'
import { startSimulator } from '../simulator/index.js'
import { CONTENDERS } from './contenders.js'
import { measureLag } from './lag.js'
import { measureCards, measureMemory, measureParallel, measureStreamCpu } from './load.js'
import {
  cardTable,
  cpuLine,
  getsVerdict,
  lagChart,
  lagTable,
  memoryTable,
  parallelLine,
  startupTable
} from './report.js'
import { measureStartup } from './startup.js'

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } }
})
const quick = values.quick
const plan = quick
  ? {
      lengths: [2, 6],
      lagRuns: 1,
      pairs: 7,
      sizes: [1, 10],
      memoryRuns: 1,
      events: 100_000,
      parallelRuns: 1
    }
  : {
      lengths: [2, 6, 20, 60],
      lagRuns: 3,
      pairs: 21,
      sizes: [1, 10, 50],
      memoryRuns: 3,
      events: 100_000,
      parallelRuns: 3
    }
const out = values.out ?? (quick ? 'BENCHMARKS.quick.md' : 'BENCHMARKS.md')
const command = `npm run bench${quick ? ' -- --quick' : ''}`

const started = Date.now()
const progress = (line: string): void => {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`)
}

const nodes = ensureActionNodes()
// The action runs on Node 24, as `using: node24` does; start-up is measured under both.
const node24 = nodes.find(node => node.version.startsWith('v24.'))?.path ?? process.execPath
const sim = await startSimulator()
try {
  const startup = await measureStartup(nodes, plan.pairs, progress)
  const lag = await measureLag(sim, CONTENDERS, plan.lengths, plan.lagRuns, node24, progress)
  const memory = await measureMemory(sim, plan.sizes, plan.memoryRuns, node24, progress)
  const cards = await measureCards(sim, plan.memoryRuns, node24, progress)
  const cpu = await measureStreamCpu(sim, plan.events, plan.memoryRuns, node24, progress)
  const parallel = await measureParallel(sim, 20, 4, 2, plan.parallelRuns, node24, progress)

  const svg = quick ? 'bench/lag.quick.svg' : 'bench/lag.svg'
  await fs.writeFile(svg, lagChart(lag))
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU'
  const report = `# Benchmarks

Written by \`${command}\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length}
cores (${cpuModel}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Linux ${os.release()}; the action ran
under Node ${nodes.map(n => n.version).join(' and ')}. These machines are shared and noisy: each figure
is a median with its spread (min–max) over repeated runs, and start-up is a ratio against a bare
\`node\` measured in turns. Every contender runs as a whole process against the same simulated
platform on 127.0.0.1 (simulator/), given its inputs the way the runner gives them.

Contenders: this action polling (the defaults: poll-interval 0.5 s, growing by a quarter of the
time waited, at most 15 s), this action streaming (\`stream: true\`), and what users do today
instead: a fixed 5 s poll loop in Node (what common dispatch-and-wait actions do,
bench/contenders/fixed-poll.mjs) and a 10 s \`curl\` loop in bash (bench/contenders/curl-loop.sh).

Where a target is missed, [docs/benchmarks.md](docs/benchmarks.md) says why and what would close it.

## Completion-detection lag and gets

Step end (the process exits) minus run end (on the simulator's clock), and the gets of the run.

![Median completion-detection lag against run length](${svg.replace('bench/', 'bench/')})

${lagTable(lag)}

${getsVerdict(lag)}

## Start-up

${startupTable(startup)}

## Memory

The step's own peak RSS (from its debug line) for outputs of each size: read by polling (one
run object carrying the whole output) and streamed (64 KiB events). The text is mostly ASCII
with some accented and CJK characters, which JavaScript holds at two bytes a character.

${memoryTable(memory)}

## The run card

What rendering the run card costs when the answer is built to make it costly: the step's peak
RSS and wall time, polled with the job summary on and \`output-format: markdown\` (the
defaults). A table's rows are padded to its header's width and a reference expands to its
link each time, so a few kilobytes of Markdown can ask for gigabytes of HTML: the card counts
the cost before rendering and shows such an output as text with a note. The whole step's time
includes the 0.1 s run and start-up.

${cardTable(cards)}

## CPU

${cpuLine(cpu, plan.events)}

## Many steps against the concurrency cap

${parallelLine(parallel)}
`
  await fs.writeFile(out, report)
  progress(`wrote ${out} and ${svg}`)
} finally {
  await sim.close()
  await removeRunnerFolders()
}
