import { parseJsonBytes, type ParsedBody } from './large-json.js'
import { ID_FIELDS, parseRunSnapshot, type RunSnapshot } from './run-object.js'

/** Strings longer than this stay in the answer's bytes: no step output could carry them whole. */
const LARGE_STRING_BYTES = 512 * 1024

/**
 * Reads a trigger or get answer (a 2xx body) as a run, or undefined when it is not JSON or not a
 * run object. A long output is not decoded here but handed on as pieces (large-json.ts), and
 * `raw` notes, instead of holding, any long string left out of it.
 */
export function readRunAnswer(bytes: Buffer): RunSnapshot | undefined {
  let body: ParsedBody
  try {
    body = parseJsonBytes(bytes, LARGE_STRING_BYTES, undefined, ID_FIELDS)
  } catch {
    return undefined
  }
  const snapshot = parseRunSnapshot(body.value)
  if (snapshot === undefined) return undefined
  const largeOutput = body.large(snapshot.output)
  const shortTexts = [
    largeOutput === undefined ? snapshot.output : undefined,
    snapshot.error,
    snapshot.runId,
    snapshot.threadId,
    snapshot.rawStatus
  ]
  const note = (_text: unknown, bytes: number): string =>
    `[left out of result: ${bytes} bytes; see the output and output-file outputs]`
  if (shortTexts.some(text => typeof text === 'string' && body.mentions(text))) {
    // A long string where a short one is read (an error, an id, an output of an unusual
    // shape): decoded whole after all, as JSON.parse would have.
    const whole = parseRunSnapshot(body.replaced(body.value, text => text.text()))
    return whole && { ...whole, raw: body.replaced(whole.raw, note), rawReduced: true }
  }
  if (largeOutput === undefined) return snapshot
  return {
    ...snapshot,
    output: largeOutput,
    raw: body.replaced(snapshot.raw, note),
    rawReduced: true
  }
}
