/** The most a step output may carry: GitHub's limits are per job, so one output stays modest. */
export const MAX_OUTPUT_BYTES = 512 * 1024

/**
 * Cuts text to at most `maxBytes` of UTF-8, at a character boundary, ending with `marker`
 * (which counts toward the limit). Text within the limit is returned as it is.
 */
export function boundUtf8(
  text: string,
  maxBytes: number,
  marker: string
): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= maxBytes) return { text, truncated: false }
  const bytes = Buffer.from(text)
  let end = Math.max(0, maxBytes - Buffer.byteLength(marker))
  // A continuation byte at the cut means a character straddles it: leave that character out.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return { text: bytes.subarray(0, end).toString('utf8') + marker, truncated: true }
}

export function truncationMarker(
  what: string,
  totalBytes: number,
  file: string | undefined
): string {
  const where = file ? `; the whole ${what} is in ${file}` : ''
  return `\n[${what} truncated: ${totalBytes} bytes, limit ${MAX_OUTPUT_BYTES} bytes${where}]`
}

/** `at` in UTF-16 units, moved back by one where it would fall inside a surrogate pair. */
export function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at)
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at
}
