import { createParser } from 'eventsource-parser'
import { z } from 'zod'
import {
  errorMessageFrom,
  ID_FIELDS,
  identityFields,
  outputText,
  readIdentity,
  type RunIdentity
} from './run-object.js'
import { quoteLongIntegers } from './large-json.js'
import { tryParseJson } from '../util/json.js'

/** What one event of the run's stream says; every field is optional (docs/platform-api.md). */
export interface StreamUpdate extends RunIdentity {
  /** A piece of output, to append. */
  piece?: string
  /** The final output, replacing the pieces. */
  output?: string
  error?: string
}

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)
const eventFields = z.looseObject({
  ...identityFields,
  delta: optional(z.string()),
  content: optional(z.string()),
  text: optional(z.string()),
  token: optional(z.string()),
  output: z.unknown().optional()
})

/** Reads one event's `data`: 'done' for `[DONE]`, undefined for data that is not a JSON object. */
export function interpretEventData(data: string): StreamUpdate | 'done' | undefined {
  if (data.trim() === '[DONE]') return 'done'
  const json = tryParseJson(quoteLongIntegers(data, ID_FIELDS))
  if (json === undefined) return undefined
  const parsed = eventFields.safeParse(json.value)
  if (!parsed.success) return undefined
  const fields = parsed.data
  const update: StreamUpdate = readIdentity(fields)
  const piece = fields.delta ?? fields.content ?? fields.text ?? fields.token
  if (piece !== undefined) update.piece = piece
  if (fields.output !== undefined && fields.output !== null)
    update.output = outputText(fields.output)
  // An event's `message` or `detail` is often progress ("node LLM finished"): it is read as the
  // error only in a failure event. An `error` field counts when it says something.
  const error =
    errorMessageFrom({ error: fields.error }) ??
    (update.status === 'failed' ? errorMessageFrom(json.value) : undefined)
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
    const batch = updates
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
