import { createParser } from 'eventsource-parser'
import {
  errorMessageFrom,
  ID_FIELDS,
  namedOutputs,
  outputText,
  readIdentity,
  readUsage,
  type RunIdentity,
  type Usage
} from './run-object.js'
import { quoteLongIntegers } from './large-json.js'
import { isRecord, tryParseJson } from '../util/json.js'

/** What one event of the run's stream says; every field is optional (docs/platform-api.md). */
export interface StreamUpdate extends RunIdentity {
  /** A piece of output, to append. */
  piece?: string
  /** The final output, replacing the pieces. */
  output?: string
  /** The final output's named values, when it is made of them. */
  named?: Record<string, string>
  usage?: Usage
  error?: string
}

/** The first of `delta`, `content`, `text` and `token` that is text: a piece of the output. */
const PIECE_FIELDS = ['delta', 'content', 'text', 'token'] as const

/** Reads one event's `data`: 'done' for `[DONE]`, undefined for data that is not a JSON object. */
export function interpretEventData(data: string): StreamUpdate | 'done' | undefined {
  if (data.trim() === '[DONE]') return 'done'
  const json = tryParseJson(quoteLongIntegers(data, ID_FIELDS))
  if (json === undefined || !isRecord(json.value)) return undefined
  const fields = json.value
  const update: StreamUpdate = readIdentity(fields)
  for (const field of PIECE_FIELDS) {
    const piece = fields[field]
    if (typeof piece === 'string') {
      update.piece = piece
      break
    }
  }
  if (fields.output !== undefined && fields.output !== null) {
    update.output = outputText(fields.output)
    const named = namedOutputs(fields.output)
    if (named !== undefined) update.named = named
  }
  const usage = readUsage(fields)
  if (usage !== undefined) update.usage = usage
  // An event's `message` or `detail` is often progress ("node LLM finished"): it is read as the
  // error only in a failure event. An `error` field counts when it says something.
  const error =
    errorMessageFrom({ error: fields.error }) ??
    (update.status === 'failed' ? errorMessageFrom(fields) : undefined)
  if (error !== undefined) update.error = error
  return update
}

export type StreamEnd = 'done' | 'ended'

// A final `output` event carries the whole answer; past this many characters the stream is
// treated as broken and the run is read by id instead.
const MAX_EVENT_CHARS = 32 * 1024 * 1024

/**
 * Feeds the bytes of a server-sent-event stream through a streaming UTF-8 decoder (so that a
 * character split across chunks survives) into the parser, calling `onUpdate` for each event
 * and `onActivity` for anything at all (heartbeats included). Resolves with how the stream
 * ended; rejects when it breaks.
 */
export async function readEventStream(
  chunks: AsyncIterable<Uint8Array>,
  handlers: {
    onUpdate: (update: StreamUpdate) => void | Promise<void>
    onActivity: () => void
  }
): Promise<StreamEnd> {
  let done = false
  let parseError: Error | undefined
  // Updates of one chunk are handled before the next chunk is read: the stream waits for the
  // output file, so memory does not fill with events when the disk is slower than the network.
  let updates: StreamUpdate[] = []
  const handle = async (): Promise<void> => {
    const batch = mergePieces(updates)
    updates = []
    for (const update of batch) await handlers.onUpdate(update)
  }
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: event => {
      if (done) return
      const update = interpretEventData(event.data)
      if (update === 'done') done = true
      else if (update !== undefined) updates.push(update)
    },
    onError: error => {
      if (error.type === 'max-buffer-size-exceeded') parseError = error
    }
  })
  const decoder = new TextDecoder('utf-8')
  let text = ''
  for await (const chunk of chunks) {
    handlers.onActivity()
    text = decoder.decode(chunk, { stream: true })
    parser.feed(text)
    await handle()
    if (parseError) throw parseError
    if (done) return 'done'
  }
  const tail = decoder.decode()
  if (tail !== '') {
    text = tail
    parser.feed(tail)
  }
  // A final CR may yet be the first half of a CRLF, so the parser holds the line it ends (and
  // with it a closing blank line). The stream is over: say so with the LF that settles it.
  if (text.endsWith('\r')) parser.feed('\n')
  await handle()
  return done ? 'done' : 'ended'
}

/**
 * Consecutive events that only carry a piece of output, as one: a model streams a token an
 * event, and one chunk from the network holds hundreds of them; their order and text are kept.
 */
function mergePieces(updates: StreamUpdate[]): StreamUpdate[] {
  const merged: StreamUpdate[] = []
  let pieces: string[] = []
  const flush = (): void => {
    if (pieces.length > 0) merged.push({ piece: pieces.join('') })
    pieces = []
  }
  for (const update of updates) {
    if (update.piece !== undefined && Object.keys(update).length === 1) {
      pieces.push(update.piece)
    } else {
      flush()
      merged.push(update)
    }
  }
  flush()
  return merged
}
