import type { LagResult } from './lag.js'
import type { MixResult } from './polling.js'
import type { PollingFigures } from './schedule.js'
import type { CardResult, MemoryResult, ParallelResult } from './load.js'
import type { StartupResult } from './startup.js'
import { mean, show, spread } from './stats.js'

const MIB = 1024 * 1024
const met = (ok: boolean): string => (ok ? 'met' : '**missed**')

export function lagTable(results: LagResult[]): string {
  const rows = results.map(r => {
    const lag = spread(r.lags)
    const target = r.contender.includes('streaming')
      ? 0.1
      : r.contender.includes('polling')
        ? // The schedule's own bound (half the time waited, 1 s to 4.8 s) and a get's round trip.
          Math.min(4.8, Math.max(1, r.seconds / 2)) + 0.2
        : undefined
    const verdict =
      target === undefined ? '—' : `≤ ${target} s (median): ${met(lag.median <= target)}`
    const failed = r.failures.length > 0 ? ` (${r.failures.length} failed: ${r.failures[0]})` : ''
    return `| ${r.seconds} s | ${r.contender} | ${show(lag, 2, ' s')}${failed} | ${show(spread(r.gets), 0)} | ${verdict} |`
  })
  return [
    '| run | contender | lag: median (min–max) | gets | target (this action) |',
    '| --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function getsVerdict(results: LagResult[]): string {
  const polling60 = results.find(r => r.seconds === 60 && r.contender.includes('polling'))
  if (!polling60) return 'The 60 s run was not measured in this (quick) run.'
  const gets = spread(polling60.gets)
  return `Gets of the run for the 60 s run, polling: ${show(gets, 0)}; target at most 20: ${met(gets.max <= 20)}.`
}

export function startupTable(results: StartupResult[]): string {
  const limit = (r: StartupResult): number =>
    r.case === 'first request' ? 2.2 : r.node.startsWith('v24.') ? 1.6 : 1.8
  const rows = results.map(r => {
    const ratio = spread(r.ratios)
    const target =
      r.case === 'first request' && !r.node.startsWith('v24.')
        ? '— (no target)'
        : `≤ ${limit(r)}×: ${met(ratio.median <= limit(r))}`
    return `| ${r.case} | ${r.node} | ${show(ratio, 2, '×')} | ${show(spread(r.actionMs), 0, ' ms')} | ${show(spread(r.bareMs), 0, ' ms')} | ${target} |`
  })
  return [
    '| case | Node | action ÷ bare node: median (min–max) | action | bare `node -e 0` | target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function memoryTable(results: MemoryResult[]): string {
  const rows = results.map(r => {
    const peak = spread(r.peaks)
    const limit = (2 * r.outputMB * 1e6 + 100e6) / MIB
    return `| ${r.mode} | ${r.outputMB} MB | ${show(peak, 1, ' MiB')} | ≤ ${limit.toFixed(0)} MiB: ${met(peak.median <= limit)} |`
  })
  return [
    '| mode | output | peak RSS: median (min–max) | target: 2 × output + 100 MB |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function cpuLine(cpu: number[], events: number): string {
  const figure = spread(cpu)
  return `CPU time (user + system) of the step for a stream of ${events.toLocaleString('en')} small events: ${show(figure, 2, ' s')}; target under 1.5 s: ${met(figure.median < 1.5)}.`
}

export function parallelLine(result: ParallelResult): string {
  const makespan = spread(result.makespans)
  const ideal = (result.steps / result.cap) * result.runSeconds
  const allOnce = result.allCompletedOnce.every(Boolean)
  return (
    `${result.steps} steps at once against a concurrency cap of ${result.cap}, runs of ${result.runSeconds} s ` +
    `(no Retry-After): every step completed with exactly one run: ${allOnce ? 'yes' : '**no**'}; ` +
    `makespan ${show(makespan, 1, ' s')}, ${(makespan.median / ideal).toFixed(2)}× the ideal ${ideal} s; ` +
    `target at most 1.5×: ${met(allOnce && makespan.median <= 1.5 * ideal)}.`
  )
}

const COLOURS = ['#1f77b4', '#2ca02c', '#ff7f0e', '#d62728']

/** Median lag against run length, one line per contender, drawn from the measured figures. */
export function lagChart(results: LagResult[]): string {
  const width = 640
  const height = 360
  const margin = { left: 60, right: 190, top: 20, bottom: 45 }
  const lengths = [...new Set(results.map(r => r.seconds))].sort((a, b) => a - b)
  const contenders = [...new Set(results.map(r => r.contender))]
  const lagOf = (r: LagResult): number => spread(r.lags).median
  const maxLag = Math.max(1, ...results.filter(r => r.lags.length > 0).map(lagOf))
  const maxLength = Math.max(...lengths)
  const x = (seconds: number): number =>
    margin.left + (seconds / maxLength) * (width - margin.left - margin.right)
  const y = (lag: number): number =>
    height - margin.bottom - (lag / maxLag) * (height - margin.top - margin.bottom)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<line x1="${margin.left}" y1="${y(0)}" x2="${x(maxLength)}" y2="${y(0)}" stroke="black"/>`,
    `<line x1="${margin.left}" y1="${y(0)}" x2="${margin.left}" y2="${margin.top}" stroke="black"/>`,
    `<text x="${(margin.left + x(maxLength)) / 2}" y="${height - 8}" text-anchor="middle">run length (s)</text>`,
    `<text transform="translate(16 ${height / 2}) rotate(-90)" text-anchor="middle">completion-detection lag (s), median</text>`
  ]
  for (const seconds of lengths) {
    parts.push(
      `<text x="${x(seconds)}" y="${y(0) + 16}" text-anchor="middle">${seconds}</text>`,
      `<line x1="${x(seconds)}" y1="${y(0)}" x2="${x(seconds)}" y2="${y(0) + 4}" stroke="black"/>`
    )
  }
  for (let tick = 0; tick <= 4; tick++) {
    const lag = (maxLag * tick) / 4
    parts.push(
      `<text x="${margin.left - 6}" y="${y(lag) + 4}" text-anchor="end">${lag.toFixed(1)}</text>`,
      `<line x1="${margin.left}" y1="${y(lag)}" x2="${x(maxLength)}" y2="${y(lag)}" stroke="#ddd"/>`
    )
  }
  contenders.forEach((name, index) => {
    const colour = COLOURS[index % COLOURS.length]!
    const points = results
      .filter(r => r.contender === name && r.lags.length > 0)
      .sort((a, b) => a.seconds - b.seconds)
      .map(r => `${x(r.seconds).toFixed(1)},${y(lagOf(r)).toFixed(1)}`)
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>`,
      ...points.map(point => {
        const [cx, cy] = point.split(',')
        return `<circle cx="${cx}" cy="${cy}" r="3" fill="${colour}"/>`
      }),
      `<rect x="${width - margin.right + 15}" y="${margin.top + index * 20}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${width - margin.right + 32}" y="${margin.top + index * 20 + 10}">${name}</text>`
    )
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}

/** The run card's cost for costly answers, against the small answer's peak. */
export function cardTable(results: CardResult[]): string {
  const baseline = spread(results[0]?.peaks ?? []).median
  const rows = results.map((r, index) => {
    const peak = spread(r.peaks)
    const above = peak.median - baseline
    const target = index === 0 || r.name.includes('50 MB') ? '—' : `≤ 50 MiB: ${met(above <= 50)}`
    return `| ${r.name} | ${show(peak, 1, ' MiB')} | ${index === 0 ? '—' : `${above.toFixed(1)} MiB`} | ${show(spread(r.seconds), 2, ' s')} | ${target} |`
  })
  return [
    '| answer | peak RSS: median (min–max) | above the small answer | step time | target: above the small answer |',
    '| --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

/** The computed figures of each poller over the mix, with issue 17's targets for the defaults. */
export function pollingPaperTable(figures: PollingFigures[]): string {
  const five = figures.find(f => f.poller === 'fixed 5 s')
  const rows = figures.map(f => {
    const verdict =
      five && f.poller.startsWith('this action')
        ? [
            `mean ≤ 0.8× (${(f.meanLag / five.meanLag).toFixed(2)}×): ${met(f.meanLag <= 0.8 * five.meanLag)}`,
            `p95 ≤ 1× (${(f.p95Lag / five.p95Lag).toFixed(2)}×): ${met(f.p95Lag <= five.p95Lag)}`,
            `gets ≤ 1.25× (${(f.getsPerRun / five.getsPerRun).toFixed(2)}×): ${met(f.getsPerRun <= 1.25 * five.getsPerRun)}`,
            `≤ 10 s runs ≤ 1 s: ${met(f.shortMeanLag <= 1)}`
          ].join('; ')
        : '—'
    return `| ${f.poller} | ${f.meanLag.toFixed(2)} s | ${f.p95Lag.toFixed(2)} s | ${f.worstLag.toFixed(2)} s | ${f.getsPerRun.toFixed(1)} | ${f.shortMeanLag.toFixed(2)} s | ${verdict} |`
  })
  return [
    '| poller | mean lag | p95 lag | worst lag | gets per run | mean lag, runs ≤ 10 s | targets (against fixed 5 s) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

/** Measured against computed, per contender, over the same real run lengths. */
export function pollingMixTable(
  measured: MixResult[],
  computed: Array<{ contender: string; lags: number[]; gets: number[] }>
): string {
  const contenders = [...new Set(measured.map(r => r.contender))]
  const rows = contenders.map(name => {
    const mine = measured.filter(r => r.contender === name)
    const ok = mine.filter(r => r.lag !== undefined && r.gets !== undefined)
    const lags = ok.map(r => r.lag ?? 0)
    const paper = computed.find(c => c.contender === name)
    const failed = mine.length - ok.length
    const failure = failed > 0 ? ` (${failed} failed: ${mine.find(r => r.failure)?.failure})` : ''
    return (
      `| ${name} | ${mine.length}${failure} ` +
      `| ${mean(lags).toFixed(2)} s | ${paper ? mean(paper.lags).toFixed(2) : '—'} s ` +
      `| ${Math.max(...lags).toFixed(2)} s | ${paper ? Math.max(...paper.lags).toFixed(2) : '—'} s ` +
      `| ${ok.reduce((sum, r) => sum + (r.gets ?? 0), 0)} | ${paper ? paper.gets.reduce((a, b) => a + b, 0) : '—'} ` +
      `| ${mean(ok.map(r => r.stepLag ?? 0)).toFixed(2)} s |`
    )
  })
  return [
    '| contender | runs | mean lag, measured | computed | worst lag, measured | computed | gets in all, measured | computed | mean step-end lag, measured |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

/** Mean lag against gets per run, one point per poller, both axes logarithmic. */
export function pollingChart(figures: PollingFigures[]): string {
  const width = 640
  const height = 400
  const margin = { left: 70, right: 30, top: 20, bottom: 50 }
  const [minGets, maxGets] = [1, 200]
  const [minLag, maxLag] = [0.2, 100]
  const x = (gets: number): number =>
    margin.left +
    (Math.log(gets / minGets) / Math.log(maxGets / minGets)) * (width - margin.left - margin.right)
  const y = (lag: number): number =>
    height -
    margin.bottom -
    (Math.log(lag / minLag) / Math.log(maxLag / minLag)) * (height - margin.top - margin.bottom)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<line x1="${margin.left}" y1="${y(minLag)}" x2="${x(maxGets)}" y2="${y(minLag)}" stroke="black"/>`,
    `<line x1="${margin.left}" y1="${y(minLag)}" x2="${margin.left}" y2="${y(maxLag)}" stroke="black"/>`,
    `<text x="${(margin.left + x(maxGets)) / 2}" y="${height - 10}" text-anchor="middle">gets per run (log scale)</text>`,
    `<text transform="translate(18 ${(margin.top + y(minLag)) / 2}) rotate(-90)" text-anchor="middle">mean completion-detection lag, s (log scale)</text>`
  ]
  for (const gets of [1, 2, 5, 10, 20, 50, 100, 200]) {
    parts.push(
      `<line x1="${x(gets)}" y1="${y(minLag)}" x2="${x(gets)}" y2="${y(maxLag)}" stroke="#eee"/>`,
      `<text x="${x(gets)}" y="${y(minLag) + 16}" text-anchor="middle">${gets}</text>`
    )
  }
  for (const lag of [0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]) {
    parts.push(
      `<line x1="${margin.left}" y1="${y(lag)}" x2="${x(maxGets)}" y2="${y(lag)}" stroke="#eee"/>`,
      `<text x="${margin.left - 6}" y="${y(lag) + 4}" text-anchor="end">${lag}</text>`
    )
  }
  const fixed = figures.filter(f => f.poller.startsWith('fixed'))
  // The fixed pollers' curve: the trade-off a fixed interval buys.
  parts.push(
    `<polyline fill="none" stroke="#999" stroke-dasharray="4 3" points="${fixed
      .map(f => `${x(f.getsPerRun).toFixed(1)},${y(f.meanLag).toFixed(1)}`)
      .join(' ')}"/>`
  )
  for (const f of figures) {
    const ours = f.poller.startsWith('this action')
    const colour = ours ? '#d62728' : '#1f77b4'
    parts.push(
      `<circle cx="${x(f.getsPerRun).toFixed(1)}" cy="${y(f.meanLag).toFixed(1)}" r="${ours ? 6 : 4}" fill="${colour}"/>`,
      // Labels on the right half go to the left of their point, so that none leaves the chart.
      x(f.getsPerRun) > width / 2
        ? `<text x="${(x(f.getsPerRun) - 9).toFixed(1)}" y="${(y(f.meanLag) + 18).toFixed(1)}" text-anchor="end" fill="${colour}">${f.poller}: ${f.meanLag.toFixed(2)} s, ${f.getsPerRun.toFixed(1)} gets</text>`
        : `<text x="${(x(f.getsPerRun) + 9).toFixed(1)}" y="${(y(f.meanLag) - 8).toFixed(1)}" fill="${colour}">${f.poller}: ${f.meanLag.toFixed(2)} s, ${f.getsPerRun.toFixed(1)} gets</text>`
    )
  }
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
