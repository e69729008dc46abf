import { describe, expect, it } from '@jest/globals'
import { boundUtf8, MAX_OUTPUT_BYTES, truncationMarker } from '../../../src/output/bounds.js'

const MARKER = '\n[cut]'

describe('boundUtf8', () => {
  it('returns text within the limit unchanged', () => {
    expect(boundUtf8('hello', 5, MARKER)).toEqual({ text: 'hello', truncated: false })
    expect(boundUtf8('', 0, MARKER)).toEqual({ text: '', truncated: false })
    expect(boundUtf8('ééé', 6, MARKER)).toEqual({ text: 'ééé', truncated: false })
  })

  it('cuts ASCII text to the limit, marker included', () => {
    const { text, truncated } = boundUtf8('a'.repeat(100), 50, MARKER)
    expect(truncated).toBe(true)
    expect(Buffer.byteLength(text)).toBe(50)
    expect(text).toBe('a'.repeat(50 - MARKER.length) + MARKER)
  })

  it.each([
    ['é', 2],
    ['€', 3],
    ['😀', 4]
  ])('never splits %j (%d bytes) at any cut position', (char, width) => {
    expect(Buffer.byteLength(char)).toBe(width)
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const source = prefix + char.repeat(40)
      const sourceBytes = Buffer.byteLength(source)
      for (let limit = MARKER.length; limit < sourceBytes; limit++) {
        const { text, truncated } = boundUtf8(source, limit, MARKER)
        expect(truncated).toBe(true)
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit)
        expect(text.endsWith(MARKER)).toBe(true)
        expect(text).not.toContain('\uFFFD')
        const kept = text.slice(0, -MARKER.length)
        expect(source.startsWith(kept)).toBe(true)
        // Only the straddling character is left out: the cut is as late as it can be.
        expect(Buffer.byteLength(kept)).toBeGreaterThan(limit - MARKER.length - width)
      }
    }
  })

  it('keeps mixed text whole up to the cut', () => {
    const source = 'Grüße 😀 € '.repeat(1000)
    const limit = 4096
    const { text } = boundUtf8(source, limit, MARKER)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit)
    expect(text).not.toContain('\uFFFD')
    expect(source.startsWith(text.slice(0, -MARKER.length))).toBe(true)
  })

  it('bounds the action output with the real marker', () => {
    const source = '€'.repeat(MAX_OUTPUT_BYTES)
    const marker = truncationMarker('output', Buffer.byteLength(source), '/tmp/out.txt')
    const { text, truncated } = boundUtf8(source, MAX_OUTPUT_BYTES, marker)
    expect(truncated).toBe(true)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES)
    expect(text.endsWith(marker)).toBe(true)
    expect(text).not.toContain('\uFFFD')
  })
})

describe('truncationMarker', () => {
  it('names the size, the limit and the file', () => {
    expect(truncationMarker('output', 600_000, '/tmp/out.txt')).toBe(
      `\n[output truncated: 600000 bytes, limit ${MAX_OUTPUT_BYTES} bytes; the whole output is in /tmp/out.txt]`
    )
    expect(truncationMarker('result', 10, undefined)).toBe(
      `\n[result truncated: 10 bytes, limit ${MAX_OUTPUT_BYTES} bytes]`
    )
  })
})
