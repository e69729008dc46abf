import { describe, expect, it } from '@jest/globals'
import {
  PAPER_LENGTHS,
  PAPER_POLLERS,
  PAPER_SEED,
  pollingFigures,
  runLengths
} from '../../../bench/schedule.js'

// The default polling schedule against a fixed 5 s poller, computed exactly (no clock) on run
// lengths drawn log-uniform from 1 s to 10 min with a fixed seed: issue 17's targets.

const lengths = runLengths(PAPER_SEED, PAPER_LENGTHS)
const figures = (name: string) => {
  const poller = PAPER_POLLERS.find(p => p.name === name)
  if (!poller) throw new Error(`no poller ${name}`)
  return pollingFigures(lengths, poller)
}

describe('the default polling schedule, on paper', () => {
  it('draws lengths from 1 s to 10 min, none within 50 ms of a multiple of 5 s', () => {
    expect(lengths).toHaveLength(PAPER_LENGTHS)
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1)
    expect(Math.max(...lengths)).toBeLessThanOrEqual(600)
    for (const seconds of lengths) {
      expect(Math.abs(seconds - 5 * Math.round(seconds / 5))).toBeGreaterThanOrEqual(0.05)
    }
    // Log-uniform: about as many runs under 10 s as between 10 s and 100 s.
    const under10 = lengths.filter(s => s < 10).length
    const under100 = lengths.filter(s => s >= 10 && s < 100).length
    expect(under10 / under100).toBeGreaterThan(0.85)
    expect(under10 / under100).toBeLessThan(1.15)
  })

  it('beats the fixed 5 s poller: mean lag at most 0.8×, p95 at most its, gets at most 1.25×', () => {
    const ours = figures('this action (defaults)')
    const five = figures('fixed 5 s')
    expect(ours.meanLag).toBeLessThanOrEqual(0.8 * five.meanLag)
    expect(ours.p95Lag).toBeLessThanOrEqual(five.p95Lag)
    expect(ours.getsPerRun).toBeLessThanOrEqual(1.25 * five.getsPerRun)
  })

  it('notices runs of up to 10 s within 1 s on average', () => {
    expect(figures('this action (defaults)').shortMeanLag).toBeLessThanOrEqual(1)
  })
})
