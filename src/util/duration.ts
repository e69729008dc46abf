/**
 * Parses `600`, `90s`, `15m`, `1h` or a combination such as `1h30m` into seconds.
 * Returns undefined for anything else, so the caller can name the input in its message.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed)
  const match = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/.exec(
    trimmed
  )
  if (!match || trimmed === '') return undefined
  const [, hours, minutes, seconds] = match
  return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)
}

/** Seconds with at most one decimal, as shown in the log, the summary and the `duration` output. */
export function formatSeconds(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1)
}
