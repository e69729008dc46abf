import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { LiveLog } from '../../../src/output/live-log.js'
import type { LiveLogOptions } from '../../../src/output/live-log.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const BLOCK = /^::stop-commands::([^\n]*)\n([\s\S]*)\n::([^\n]*)::$/

interface Block {
  token: string
  text: string
}

function parse(block: string): Block {
  const match = BLOCK.exec(block)
  if (!match) throw new Error(`not a stop-commands block: ${JSON.stringify(block.slice(0, 200))}`)
  const [, open, text, close] = match
  expect(close).toBe(open)
  expect(open).toMatch(UUID)
  return { token: open!, text: text! }
}

function setup(options: Omit<LiveLogOptions, 'write'> = {}) {
  const blocks: string[] = []
  const log = new LiveLog({ write: block => blocks.push(block), ...options })
  const texts = () => blocks.map(block => parse(block).text)
  return { log, blocks, texts }
}

/** The lines the job log ends up with (`write` adds a line break after every block). */
function logLines(blocks: string[]): string[] {
  return blocks.join('\n').split('\n')
}

/**
 * The lines the runner would read as workflow commands: those starting with `::` outside a
 * `::stop-commands::<token>` … `::<token>::` region.
 */
function activeCommands(blocks: string[]): string[] {
  const active: string[] = []
  let stopToken: string | undefined
  for (const line of logLines(blocks)) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
    } else if (line.startsWith('::stop-commands::')) {
      stopToken = line.slice('::stop-commands::'.length)
    } else if (line.startsWith('::')) {
      active.push(line)
    }
  }
  expect(stopToken).toBeUndefined()
  return active
}

function totalBytes(blocks: string[]): number {
  return blocks.reduce((sum, block) => sum + Buffer.byteLength(block), 0)
}

beforeEach(() => {
  jest.useFakeTimers()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('LiveLog blocks', () => {
  it('wraps every block in stop-commands with one random token per block', () => {
    const { log, blocks } = setup()
    for (let i = 0; i < 5; i++) {
      log.push(`line ${i}\n`)
      jest.advanceTimersByTime(100)
    }
    log.push('partial')
    log.close()
    expect(blocks).toHaveLength(6)
    const parsed = blocks.map(parse)
    expect(parsed.map(block => block.text)).toEqual([
      'line 0',
      'line 1',
      'line 2',
      'line 3',
      'line 4',
      'partial'
    ])
    const tokens = parsed.map(block => block.token)
    expect(new Set(tokens).size).toBe(tokens.length)
    for (const token of tokens) expect(token.length).toBeGreaterThanOrEqual(32)
  })

  it('keeps workflow commands in the text inside a stopped region', () => {
    const { log, blocks, texts } = setup()
    const commands = ['::set-output name=x::y', '::error::boom', '::add-mask::z']
    log.push(`${commands[0]}\n${commands[1]}\n`)
    jest.advanceTimersByTime(100)
    log.push(`${commands[2]}\r\n::warning::half`)
    jest.advanceTimersByTime(500)
    log.push(` a line\n::stop-commands::forged\n::forged::\n::error::after forged\n`)
    jest.advanceTimersByTime(100)
    log.push('::error::no line break')
    log.close()

    expect(blocks.length).toBeGreaterThan(1)
    expect(activeCommands(blocks)).toEqual([])
    const shown = texts().join('\n')
    for (const command of commands) expect(shown).toContain(command)
    expect(shown).toContain('::error::after forged')
    expect(shown).toContain('::error::no line break')
  })
})

describe('LiveLog batching', () => {
  it('writes complete lines after batchMs in one block', () => {
    const { log, texts } = setup()
    log.push('first\nsecond\n')
    jest.advanceTimersByTime(99)
    expect(texts()).toEqual([])
    log.push('third\n')
    jest.advanceTimersByTime(1)
    expect(texts()).toEqual(['first\nsecond\nthird'])
  })

  it('honours a custom batchMs', () => {
    const { log, texts } = setup({ batchMs: 250 })
    log.push('a\n')
    jest.advanceTimersByTime(249)
    expect(texts()).toEqual([])
    jest.advanceTimersByTime(1)
    expect(texts()).toEqual(['a'])
  })

  it('writes 1000 lines pushed in one tick as one block', () => {
    const { log, texts } = setup()
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`)
    for (const line of lines) log.push(`${line}\n`)
    jest.advanceTimersByTime(100)
    expect(texts()).toEqual([lines.join('\n')])
  })

  it('makes few blocks from a fast stream', () => {
    const { log, texts } = setup()
    const lines = Array.from({ length: 200 }, (_, i) => `token ${i}`)
    for (const line of lines) {
      log.push(`${line}\n`)
      jest.advanceTimersByTime(5)
    }
    log.close()
    // 200 lines over one second, gathered for 100 ms each: about ten blocks.
    expect(texts().length).toBeLessThanOrEqual(11)
    expect(texts().join('\n')).toBe(lines.join('\n'))
  })

  it('writes nothing for empty pushes', () => {
    const { log, blocks } = setup()
    log.push('')
    jest.advanceTimersByTime(10_000)
    log.close()
    expect(blocks).toEqual([])
  })
})

describe('LiveLog partial lines', () => {
  it('shows a partial line after idleFlushMs without new text, not before', () => {
    const { log, texts } = setup()
    log.push('thinking')
    jest.advanceTimersByTime(499)
    expect(texts()).toEqual([])
    jest.advanceTimersByTime(1)
    expect(texts()).toEqual(['thinking'])
  })

  it('restarts the idle wait at every push', () => {
    const { log, texts } = setup({ idleFlushMs: 300 })
    log.push('a')
    jest.advanceTimersByTime(200)
    log.push('b')
    jest.advanceTimersByTime(200)
    log.push('c')
    jest.advanceTimersByTime(299)
    expect(texts()).toEqual([])
    jest.advanceTimersByTime(1)
    expect(texts()).toEqual(['abc'])
  })

  it('shows the complete lines first, then the partial line', () => {
    const { log, texts } = setup()
    log.push('one\ntwo\nthr')
    jest.advanceTimersByTime(100)
    expect(texts()).toEqual(['one\ntwo'])
    jest.advanceTimersByTime(400)
    expect(texts()).toEqual(['one\ntwo', 'thr'])
    log.push('ee\n')
    jest.advanceTimersByTime(100)
    expect(texts()).toEqual(['one\ntwo', 'thr', 'ee'])
  })

  it('holds back the last holdBackChars of a partial line', () => {
    const { log, texts } = setup({ holdBackChars: 5 })
    log.push('the key is sk-ab')
    jest.advanceTimersByTime(500)
    expect(texts()).toEqual(['the key is '])
    expect(texts().join('')).not.toContain('sk-ab')
    log.push('cdef and more\n')
    jest.advanceTimersByTime(100)
    expect(texts()).toEqual(['the key is ', 'sk-abcdef and more'])
  })

  it('shows nothing at idle when the partial line is within holdBackChars', () => {
    const { log, texts } = setup({ holdBackChars: 5 })
    log.push('abcde')
    jest.advanceTimersByTime(5000)
    expect(texts()).toEqual([])
    log.close()
    expect(texts()).toEqual(['abcde'])
  })

  it('flushes everything at close, the held-back partial line included', () => {
    const { log, texts } = setup({ holdBackChars: 5 })
    log.push('done\nalmost there')
    jest.advanceTimersByTime(500)
    expect(texts()).toEqual(['done', 'almost '])
    log.close()
    expect(texts()).toEqual(['done', 'almost ', 'there'])
  })

  it('flushes waiting lines and the partial line at close without waiting', () => {
    const { log, texts } = setup()
    log.push('a\nb\npartial')
    log.close()
    expect(texts()).toEqual(['a\nb', 'partial'])
  })

  it('writes nothing after close', () => {
    const { log, blocks } = setup()
    log.push('a\n')
    log.close()
    expect(blocks).toHaveLength(1)
    expect(jest.getTimerCount()).toBe(0)
    log.push('b\nc')
    jest.advanceTimersByTime(10_000)
    log.close()
    expect(blocks).toHaveLength(1)
    expect(parse(blocks[0]!).text).toBe('a')
  })
})

describe('LiveLog line breaks', () => {
  it('shows CRLF and CR as line breaks', () => {
    const { log, blocks, texts } = setup()
    log.push('crlf\r\ncr\rlf\nend\r\n')
    jest.advanceTimersByTime(100)
    expect(texts()).toEqual(['crlf\ncr\nlf\nend'])
    expect(blocks.join('')).not.toContain('\r')
  })

  it('shows a CR in a partial line as a line break', () => {
    const { log, blocks, texts } = setup()
    log.push('10%\r20%\r30%')
    log.close()
    expect(texts().join('\n')).toBe('10%\n20%\n30%')
    expect(blocks.join('')).not.toContain('\r')
  })

  it('shows a CRLF split between two pushes as one line break', () => {
    const { log, blocks, texts } = setup()
    log.push('first\r')
    log.push('\nsecond\r\n')
    jest.advanceTimersByTime(100)
    expect(blocks.join('')).not.toContain('\r')
    expect(texts()).toEqual(['first\nsecond'])
  })
})

describe('LiveLog long lines', () => {
  it('shows a long streamed line in pieces of at most maxLineChars', () => {
    const { log, texts } = setup({ maxLineChars: 10 })
    const line = 'abcdefghijklmnopqrstuvwxyz0123456789'
    for (const char of line) log.push(char)
    log.close()
    const pieces = texts().join('\n').split('\n')
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(10)
    expect(pieces.join('')).toBe(line)
  })

  it('shows a long line pushed whole with its line break in pieces of at most maxLineChars', () => {
    const { log, texts } = setup({ maxLineChars: 10 })
    const line = 'x'.repeat(35)
    log.push(`short\n${line}\n`)
    jest.advanceTimersByTime(100)
    const pieces = texts().join('\n').split('\n')
    expect(pieces[0]).toBe('short')
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(10)
    expect(pieces.slice(1).join('')).toBe(line)
  })

  it('does not split an emoji between two pieces of a long line', () => {
    const { log, texts } = setup({ maxLineChars: 5 })
    // 'abcd' + a surrogate pair: a cut after 5 code units falls inside the pair.
    log.push('abcd😀efgh')
    log.close()
    const pieces = texts().join('\n').split('\n')
    expect(pieces.join('')).toBe('abcd😀efgh')
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(5)
      expect(Buffer.from(piece).toString('utf8')).toBe(piece)
    }
  })

  it('does not split an emoji at the held-back part of a partial line', () => {
    const { log, texts } = setup({ holdBackChars: 1 })
    log.push('ab😀')
    jest.advanceTimersByTime(500)
    log.close()
    expect(texts().join('')).toBe('ab😀')
    for (const text of texts()) expect(Buffer.from(text).toString('utf8')).toBe(text)
  })
})

describe('LiveLog echo limit', () => {
  it('stops after maxEchoBytes with a note about output-file', () => {
    const { log, blocks, texts } = setup({ maxEchoBytes: 64 * 1024 })
    const chunk = ('y'.repeat(1023) + '\n').repeat(64)
    // 5 MiB in 64 KiB chunks, the timers running in between.
    for (let i = 0; i < 80; i++) {
      log.push(chunk)
      jest.advanceTimersByTime(100)
    }
    log.close()
    expect(totalBytes(blocks)).toBeLessThan(70 * 1024)
    const last = texts().at(-1)!
    expect(last).toContain('output-file')
    expect(last).toContain(String(64 * 1024))
    expect(activeCommands(blocks)).toEqual([])
  })

  it('stops within one block when 5 MB arrive at once', () => {
    const { log, blocks, texts } = setup({ maxEchoBytes: 64 * 1024 })
    log.push(('z'.repeat(99) + '\n').repeat(50 * 1024) + 'tail')
    jest.advanceTimersByTime(100)
    expect(blocks).toHaveLength(1)
    const text = texts()[0]!
    expect(text).toContain('output-file')
    expect(totalBytes(blocks)).toBeLessThan(70 * 1024)
    expect(jest.getTimerCount()).toBe(0)
    log.push('more\n')
    jest.advanceTimersByTime(1000)
    log.close()
    expect(blocks).toHaveLength(1)
  })

  it('writes text under the limit in full without a note', () => {
    const { log, texts } = setup({ maxEchoBytes: 1024 })
    log.push('0123456789\n')
    jest.advanceTimersByTime(100)
    expect(texts()).toEqual(['0123456789'])
    log.push('x'.repeat(2000) + '\n')
    jest.advanceTimersByTime(100)
    expect(texts()).toHaveLength(2)
    expect(Buffer.byteLength(texts().join(''))).toBeLessThan(1024 + 200)
    expect(texts()[1]).toContain('output-file')
  })

  it.each([
    ['é', 2],
    ['€', 3],
    ['😀', 4]
  ])('does not turn %j (%d bytes) into U+FFFD at the cut', (char, width) => {
    // Every offset of the cut within a character, whatever the limit counts besides the text.
    for (let limit = 1000; limit < 1000 + 2 * width; limit++) {
      const { log, texts } = setup({ maxEchoBytes: limit })
      log.push(`${char.repeat(1000)}\n`)
      jest.advanceTimersByTime(100)
      const text = texts()[0]!
      expect(text).not.toContain('\uFFFD')
      const shown = text.slice(0, text.indexOf('\n['))
      expect(shown.length).toBeGreaterThan(0)
      expect(shown).toBe(char.repeat(shown.length / char.length))
      expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(limit)
      log.close()
    }
  })

  it('bounds the log even when every line arrives in a block of its own', () => {
    const maxEchoBytes = 4096
    const { log, blocks } = setup({ maxEchoBytes })
    // A slow stream of short lines: every line is written in its own block.
    for (let i = 0; i < 5000; i++) {
      log.push('x\n')
      jest.advanceTimersByTime(100)
    }
    log.close()
    expect(totalBytes(blocks)).toBeLessThan(2 * maxEchoBytes)
  })
})
