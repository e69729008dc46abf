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
import { measureMix } from './polling.js'
import {
  PAPER_LENGTHS,
  PAPER_POLLERS,
  PAPER_SEED,
  pollRunOnPaper,
  pollingFigures,
  runLengths
} from './schedule.js'
import { measureLag } from './lag.js'
import { measureCards, measureMemory, measureParallel, measureStreamCpu } from './load.js'
import {
  cardTable,
  cpuLine,
  getsVerdict,
  lagChart,
  lagTable,
  pollingChart,
  pollingMixTable,
  pollingPaperTable,
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
      // Real runs for the polling mix: a few short ones.
      mix: runLengths(PAPER_SEED + 1, 4, 1, 30),
      pairs: 7,
      sizes: [1, 10],
      memoryRuns: 1,
      events: 100_000,
      parallelRuns: 1
    }
  : {
      lengths: [2, 6, 20, 60],
      lagRuns: 3,
      // Real runs for the polling mix: the paper's distribution, another seed.
      mix: runLengths(PAPER_SEED + 1, 12),
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
  // Fixed pollers are compared on the mix below: at 2, 6, 20 and 60 s, a 5 s or 10 s poller
  // lands on the end by design, so this table is this action's own (streaming, mostly).
  const ours = CONTENDERS.filter(c => c.name.startsWith('this action'))
  const lag = await measureLag(sim, ours, plan.lengths, plan.lagRuns, node24, progress)
  const paperLengths = runLengths(PAPER_SEED, PAPER_LENGTHS)
  const paper = PAPER_POLLERS.map(poller => pollingFigures(paperLengths, poller))
  const mixContenders = CONTENDERS.filter(
    c => c.name === 'this action, polling' || c.name.startsWith('fixed 5 s')
  )
  const mix = await measureMix(sim, mixContenders, plan.mix, node24, progress)
  const mixPaper = mixContenders.map(contender => {
    const poller = PAPER_POLLERS.find(p =>
      contender.name.startsWith('fixed 5 s') ? p.name === 'fixed 5 s' : p.name.startsWith('this')
    )!
    const runs = plan.mix.map(seconds => pollRunOnPaper(seconds, poller))
    return { contender: contender.name, lags: runs.map(r => r.lag), gets: runs.map(r => r.gets) }
  })
  const memory = await measureMemory(sim, plan.sizes, plan.memoryRuns, node24, progress)
  const cards = await measureCards(sim, plan.memoryRuns, node24, progress)
  const cpu = await measureStreamCpu(sim, plan.events, plan.memoryRuns, node24, progress)
  const parallel = await measureParallel(sim, 20, 4, 2, plan.parallelRuns, node24, progress)

  const svg = quick ? 'bench/lag.quick.svg' : 'bench/lag.svg'
  await fs.writeFile(svg, lagChart(lag))
  const pollingSvg = quick ? 'bench/polling.quick.svg' : 'bench/polling.svg'
  await fs.writeFile(pollingSvg, pollingChart(paper))
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU'
  const report = `# Benchmarks

Written by \`${command}\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length}
cores (${cpuModel}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Linux ${os.release()}; the action ran
under Node ${nodes.map(n => n.version).join(' and ')}. These machines are shared and noisy: each figure
is a median with its spread (min–max) over repeated runs, and start-up is a ratio against a bare
\`node\` measured in turns. Every contender runs as a whole process against the same simulated
platform on 127.0.0.1 (simulator/), given its inputs the way the runner gives them.

Contenders: this action polling (the defaults: poll-interval 1 s, growing by half the time
waited, at most 4.8 s), this action streaming (\`stream: true\`), and what users do today
instead: a fixed 5 s poll loop in Node (what common dispatch-and-wait actions do,
bench/contenders/fixed-poll.mjs), and for the memory figures a 10 s \`curl\` loop in bash
(bench/contenders/curl-loop.sh).

Where a target is missed, [docs/benchmarks.md](docs/benchmarks.md) says why and what would close it.

## Polling on the run lengths users have

Run lengths drawn log-uniform between 1 s and 10 min (seed ${PAPER_SEED}, ${PAPER_LENGTHS} lengths to the
millisecond, none within 50 ms of a multiple of 5 s, so that no fixed poller lands on an end by
design). The lag is the time from the run's end to the first get at or after it.

On paper: each schedule computed exactly over the mix (bench/schedule.ts; no clock, no
requests; \`__tests__/unit/run/poll-schedule.test.ts\` checks the targets the same way).
[docs/benchmarks.md](docs/benchmarks.md) says why this schedule was chosen from the curve.

![Mean lag against gets per run, one point per poller](${pollingSvg})

${pollingPaperTable(paper)}

As processes: ${plan.mix.length} real runs with lengths from the same distribution (another seed:
${plan.mix.map(s => `${s.toFixed(1)} s`).join(', ')}), each contender's steps all at once against the
simulator. The lag is the time of the get that found the run ended minus the run's end, both
on the simulator's clock, which is what the schedule decides and what is computed; the step-end
lag (the process exits) adds publishing the outputs and the card, and the process's exit.

${pollingMixTable(mix, mixPaper)}

## Completion-detection lag at fixed lengths (this action)

Step end (the process exits) minus run end (on the simulator's clock), and the gets of the run,
for this action only: streaming's target is 100 ms whatever the length. Fixed pollers are not
compared here, since at these lengths a 5 s or 10 s poller lands on the end by design: the mix
above compares them.

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
