/** Figures over repeated runs: the median to quote, the spread beside it. */
export interface Spread {
  median: number
  min: number
  max: number
  runs: number
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? NaN)
      : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, runs: sorted.length }
}

/** `1.23 (1.10–1.40)` in the given unit and decimals. */
export function show(figure: Spread, decimals: number, unit = ''): string {
  const f = (value: number): string => `${value.toFixed(decimals)}${unit}`
  return figure.runs > 1
    ? `${f(figure.median)} (${f(figure.min)}–${f(figure.max)})`
    : f(figure.median)
}

/** The arithmetic mean; 0 for no values. */
export function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
}
