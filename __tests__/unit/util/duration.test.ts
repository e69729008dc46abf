import { describe, expect, it } from '@jest/globals'
import { formatSeconds, parseDurationSeconds } from '../../../src/util/duration.js'

describe('parseDurationSeconds', () => {
  it.each([
    ['600', 600],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['1h30m15s', 5415],
    ['0.5', 0.5],
    ['1.5m', 90],
    ['  15M  ', 900],
    ['1h 30m', 5400],
    ['0', 0]
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds)
  })

  it.each(['abc', '-5', '10x', '', '   ', 'h', 'm', '1m1h', '1.5.2', '5 minutes', '1e3', '.5'])(
    'rejects %j',
    text => {
      expect(parseDurationSeconds(text)).toBeUndefined()
    }
  )
})

describe('formatSeconds', () => {
  it.each([
    [0, '0.0'],
    [1000, '1.0'],
    [1234, '1.2'],
    [1250, '1.3'],
    [59_999, '60.0'],
    [600_000, '600.0'],
    [49, '0.0'],
    [50, '0.1']
  ])('formats %d ms as %j', (ms, text) => {
    expect(formatSeconds(ms)).toBe(text)
  })
})
