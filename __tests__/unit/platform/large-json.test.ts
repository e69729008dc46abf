import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseJsonBytes } from '../../../src/platform/large-json.js'

/** JSON text for a string, with some characters written as \u escapes, as a server may. */
function escapedJson(text: string, escapeEvery: number): string {
  let json = '"'
  let i = 0
  for (const char of text) {
    for (const unit of [char]) {
      if (escapeEvery > 0 && i++ % escapeEvery === 0) {
        for (let k = 0; k < unit.length; k++) {
          json += `\\u${unit.charCodeAt(k).toString(16).padStart(4, '0')}`
        }
      } else json += JSON.stringify(unit).slice(1, -1)
    }
  }
  return `${json}"`
}

describe('parseJsonBytes', () => {
  it('parses a body with no long string as JSON.parse does', () => {
    const body = { run_id: 'r', status: 'completed', output: 'short', list: [1, 'two', null] }
    const parsed = parseJsonBytes(Buffer.from(JSON.stringify(body)), 1024)
    expect(parsed.value).toEqual(body)
    expect(parsed.large(body.output)).toBeUndefined()
  })

  it('leaves a long string in place and gives it back whole, in pieces', () => {
    const output = 'Grüße 東京 🚀 "quoted" \\ back\nslash\t'.repeat(500)
    const bytes = Buffer.from(JSON.stringify({ run_id: 'r', output, status: 'completed' }))
    const parsed = parseJsonBytes(bytes, 1024, 100)
    const value = parsed.value as Record<string, unknown>
    expect(value['run_id']).toBe('r')
    expect(value['status']).toBe('completed')
    const large = parsed.large(value['output'])
    expect(large).toBeDefined()
    const pieces = [...large!.pieces()]
    expect(pieces.length).toBeGreaterThan(10)
    expect(pieces.join('')).toBe(output)
    expect(large!.text()).toBe(output)
    expect(parsed.mentions(`before ${String(value['output'])} after`)).toBe(true)
    expect(parsed.replaced(value, (_text, bytes) => `<${bytes}>`)).toEqual({
      run_id: 'r',
      output: `<${Buffer.byteLength(JSON.stringify(output)) - 2}>`,
      status: 'completed'
    })
  })

  it('refuses what JSON.parse refuses, long strings included', () => {
    expect(() => parseJsonBytes(Buffer.from('{"a": '), 4)).toThrow(SyntaxError)
    expect(() => parseJsonBytes(Buffer.from(`{"a": "${'x'.repeat(50)}\u0001"}`), 4)).toThrow()
    expect(() => parseJsonBytes(Buffer.from(`{"a": "${'x'.repeat(50)}\\q"}`), 4)).toThrow()
  })

  it('a server cannot forge a placeholder', () => {
    const parsed = parseJsonBytes(Buffer.from('{"output": "large-json:x:0"}'), 4)
    expect(parsed.large((parsed.value as { output: string }).output)).toBeUndefined()
  })

  it('decodes any text, however it is escaped and wherever the pieces are cut (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 2, maxLength: 200 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 12, max: 40 }),
        (text, escapeEvery, pieceBytes) => {
          // One-letter keys, so that only the output is longer than the limit of 1 byte.
          const body = `{"a": 1, "o": ${escapedJson(text, escapeEvery)}, "b": [true]}`
          const expected = (JSON.parse(body) as { o: string }).o
          const parsed = parseJsonBytes(Buffer.from(body), 1, pieceBytes)
          const value = parsed.value as { a: number; o: string; b: boolean[] }
          expect(value.a).toBe(1)
          expect(value.b).toEqual([true])
          const pieces = [...parsed.large(value.o)!.pieces()]
          expect(pieces.join('')).toBe(expected)
          // Each piece is written on its own: none may split a surrogate pair the text keeps.
          const eachAsUtf8 = pieces.map(piece => Buffer.from(piece).toString()).join('')
          expect(eachAsUtf8).toBe(Buffer.from(expected).toString())
        }
      ),
      { numRuns: 3000 }
    )
  })
})
