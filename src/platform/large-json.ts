import { randomUUID } from 'node:crypto'

// A run's response can carry an output of many megabytes in one JSON string. Parsed the usual way
// it is held three times at once (the bytes, the body as text, the parsed string; twice as many
// bytes as characters once any character is not Latin-1). Here the bytes are parsed with each
// very long string left where it is: the rest is parsed as usual, and a long string is decoded
// in pieces, on its way to the output file. See docs/platform-api.md, "Large outputs".

/** A JSON string left in the response's bytes. */
export interface LargeText {
  /** Its text in pieces, in order, no piece splitting a character. */
  pieces(): Generator<string>
  /** The whole text at once, for the rare shapes that need it. */
  text(): string
}

export interface ParsedBody {
  /** The JSON value, each long string in it replaced by a placeholder string. */
  value: unknown
  /** The long string a placeholder stands for; undefined for any other value. */
  large(value: unknown): LargeText | undefined
  /** Whether a string holds a placeholder (as part of a larger text, say). */
  mentions(text: string): boolean
  /** `value` with every placeholder replaced by `replace(text)`. */
  replaced(value: unknown, replace: (text: LargeText, bytes: number) => string): unknown
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const PIECE_BYTES = 256 * 1024

/**
 * Parses JSON from bytes, leaving every string longer than `largeBytes` (as written) in place.
 * Throws a SyntaxError, as JSON.parse does, when the bytes are not JSON.
 */
export function parseJsonBytes(
  bytes: Buffer,
  largeBytes: number,
  pieceBytes = PIECE_BYTES,
  idFields: readonly string[] = []
): ParsedBody {
  const tag = `large-json:${randomUUID()}:`
  const spans: Array<[start: number, end: number]> = []
  const parts: string[] = []
  // A byte order mark may open a JSON text (RFC 8259 lets a reader ignore it); JSON.parse would not.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let copied = bom
  for (let i = bom; i < bytes.length; i++) {
    if (bytes[i] !== QUOTE) continue
    const end = closingQuote(bytes, i + 1)
    if (end - i - 1 > largeBytes) {
      parts.push(bytes.toString('utf8', copied, i), JSON.stringify(`${tag}${spans.length}`))
      spans.push([i + 1, end])
      copied = end + 1
    }
    i = end
  }
  parts.push(bytes.toString('utf8', copied))
  const value: unknown = JSON.parse(quoteLongIntegers(parts.join(''), idFields))
  const texts = spans.map(([start, end]) => largeText(bytes, start, end, pieceBytes))
  // A long string that is not valid JSON text makes the whole response unreadable, now (checked
  // on the bytes: decoding it here would make as much garbage as the text is long).
  for (const [start, end] of spans) {
    if (!isJsonStringText(bytes, start, end)) throw new SyntaxError('not a JSON string')
  }

  const large = (candidate: unknown): LargeText | undefined => {
    if (typeof candidate !== 'string' || !candidate.startsWith(tag)) return undefined
    return texts[Number(candidate.slice(tag.length))]
  }
  const replaced = (
    inner: unknown,
    replace: (text: LargeText, bytes: number) => string
  ): unknown => {
    const text = large(inner)
    if (text !== undefined) {
      const [start, end] = spans[texts.indexOf(text)]!
      return replace(text, end - start)
    }
    if (Array.isArray(inner)) return inner.map(item => replaced(item, replace))
    if (inner !== null && typeof inner === 'object') {
      return Object.fromEntries(
        Object.entries(inner).map(([key, item]) => [key, replaced(item, replace)])
      )
    }
    return inner
  }
  return { value, large, mentions: text => text.includes(tag), replaced }
}

/**
 * JSON text with each integer of more than 15 digits that is the value of one of `fields`
 * written as a string: JSON.parse would round it (12345678901234567891 to …567000), and an id
 * must stay exact. Outside strings only: a key's quotes inside a string are escaped.
 */
export function quoteLongIntegers(text: string, fields: readonly string[]): string {
  // Most texts hold no integer that long: they are spared the search.
  if (fields.length === 0 || !/\d{16}/.test(text)) return text
  return text.replace(longIdPattern(fields), '$1"$2"')
}

const patterns = new Map<string, RegExp>()

function longIdPattern(fields: readonly string[]): RegExp {
  const keys = fields.map(field => field.replace(/[^\w]/g, '')).join('|')
  let pattern = patterns.get(keys)
  if (pattern === undefined) {
    pattern = new RegExp(`((?<!\\\\)"(?:${keys})"\\s*:\\s*)(-?\\d{16,})(?=\\s*[,}\\]])`, 'g')
    patterns.set(keys, pattern)
  }
  return pattern
}

const ESCAPED = new Set([...'"\\/bfnrt'].map(char => char.charCodeAt(0)))
const HEX = /^[0-9a-fA-F]{4}$/

/** Whether bytes are the text of a JSON string: no control character, every escape known. */
function isJsonStringText(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0
    if (byte < 0x20) return false
    if (byte !== BACKSLASH) continue
    const next = bytes[i + 1] ?? 0
    if (next === 0x75) {
      if (!HEX.test(bytes.toString('latin1', i + 2, i + 6))) return false
      i += 5
    } else if (ESCAPED.has(next)) i++
    else return false
  }
  return true
}

/** The index of the quote that ends the string whose text starts at `from`. */
function closingQuote(bytes: Buffer, from: number): number {
  for (let j = from; j < bytes.length; j++) {
    if (bytes[j] === BACKSLASH) j++
    else if (bytes[j] === QUOTE) return j
  }
  return bytes.length
}

function largeText(bytes: Buffer, start: number, end: number, pieceBytes: number): LargeText {
  function* pieces(): Generator<string> {
    for (let from = start; from < end;) {
      const to = pieceEnd(bytes, from, Math.min(end, from + pieceBytes), end)
      yield JSON.parse(`"${bytes.toString('utf8', from, to)}"`) as string
      from = to
    }
  }
  return { pieces, text: () => [...pieces()].join('') }
}

/**
 * Moves a cut back so that it splits no UTF-8 character, no escape (`\n`, `\u00e9`) and no
 * escaped surrogate pair (`\ud83d\ude00`), each of which must be decoded whole.
 */
function pieceEnd(bytes: Buffer, from: number, cut: number, end: number): number {
  if (cut >= end) return end
  let at = cut
  while (at > from && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--
  // An escape that starts in the last 11 bytes (a `\uXXXX\uXXXX` pair is 12) may run past `at`.
  for (let p = Math.max(from, at - 11); p < at; p++) {
    if (bytes[p] !== BACKSLASH || !escapes(bytes, from, p)) continue
    const length = bytes[p + 1] === 0x75 ? 6 : 2
    const pair = length === 6 && isHighSurrogateEscape(bytes, p) ? 12 : length
    if (p + pair > at) return p > from ? p : at
    p += length - 1
  }
  return at
}

/** Whether the backslash at `p` starts an escape (it is not itself escaped). */
function escapes(bytes: Buffer, from: number, p: number): boolean {
  let run = 0
  for (let k = p; k >= from && bytes[k] === BACKSLASH; k--) run++
  return run % 2 === 1
}

function isHighSurrogateEscape(bytes: Buffer, p: number): boolean {
  const hex = bytes.toString('latin1', p + 2, p + 6)
  return /^d[89ab][0-9a-f]{2}$/i.test(hex)
}
