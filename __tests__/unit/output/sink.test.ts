import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { defaultOutputFile, OutputSink } from '../../../src/output/sink.js'
import { Redactor } from '../../../src/output/redactor.js'

const KEY = 'sk-live-0123456789abcdef'

let dir: string
let file: string

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'output-sink-'))
  file = path.join(dir, 'out', 'output.txt')
})

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

function sink(headBytes = 1000, secrets: string[] = [KEY]) {
  const chooseFile = jest.fn(() => file)
  return { sink: new OutputSink(chooseFile, new Redactor(secrets), headBytes), chooseFile }
}

async function readOutput(): Promise<string> {
  return fs.readFile(file, 'utf8')
}

/** Splits text into pieces of 1 to `max` characters, the same pieces on every run. */
function pieces(text: string, max: number): string[] {
  const result: string[] = []
  let seed = 7
  for (let i = 0; i < text.length;) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const size = 1 + (seed % max)
    result.push(text.slice(i, i + size))
    i += size
  }
  return result
}

describe('OutputSink writing', () => {
  it('writes the appends in order and reports the byte count', async () => {
    const { sink: out } = sink(10_000)
    const parts = ['héllo ', 'wörld ', '😀 ', '€100\n', 'the end']
    for (const part of parts) await out.append(part)
    const summary = await out.close()
    const expected = parts.join('')
    expect(await readOutput()).toBe(expected)
    expect(summary).toEqual({ file, head: expected, totalBytes: Buffer.byteLength(expected) })
    expect(summary!.totalBytes).toBeGreaterThan(expected.length)
  })

  it('creates the parent folders of the chosen file', async () => {
    file = path.join(dir, 'a', 'b', 'c', 'run.txt')
    const { sink: out } = sink()
    await out.append('x')
    await out.close()
    expect(await fs.readFile(file, 'utf8')).toBe('x')
  })

  it('writes large outputs completely', async () => {
    const { sink: out } = sink(100)
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i} é😀\n`).join('')
    for (const part of pieces(text, 5000)) await out.append(part)
    const summary = await out.close()
    expect(await readOutput()).toBe(text)
    expect(summary!.totalBytes).toBe(Buffer.byteLength(text))
  })

  it('has no summary when nothing was appended, and one for an empty output', async () => {
    expect(await sink().sink.close()).toBeUndefined()
    const { sink: out } = sink()
    await out.append('')
    expect(await out.close()).toMatchObject({ head: '', totalBytes: 0 })
    expect(await readOutput()).toBe('')
  })

  it('keeps the head and says why when the file cannot be written', async () => {
    const out = new OutputSink(() => os.tmpdir(), new Redactor([KEY]), 1024)
    await out.append('still ')
    await out.replace('kept in memory')
    const summary = await out.close()
    expect(summary).toMatchObject({ file: undefined, head: 'kept in memory', totalBytes: 14 })
    expect(summary!.fileError).toMatch(/EISDIR/)
  })
})

describe('OutputSink redaction', () => {
  it('replaces a whole key in one append', async () => {
    const { sink: out } = sink()
    await out.append(`key=${KEY}; again ${KEY}.`)
    const summary = await out.close()
    expect(await readOutput()).toBe('key=***; again ***.')
    expect(summary!.head).toBe('key=***; again ***.')
  })

  it('replaces a key split across two appends at every position', async () => {
    for (let at = 1; at < KEY.length; at++) {
      const { sink: out } = sink()
      await out.append(`before ${KEY.slice(0, at)}`)
      await out.append(`${KEY.slice(at)} after`)
      const summary = await out.close()
      const content = await readOutput()
      expect(content).toBe('before *** after')
      expect(summary!.head).toBe('before *** after')
      await fs.rm(file)
    }
  })

  it('replaces a key split across three appends', async () => {
    const { sink: out } = sink()
    await out.append(`a ${KEY.slice(0, 5)}`)
    await out.append(KEY.slice(5, 15))
    await out.append(`${KEY.slice(15)} b`)
    const summary = await out.close()
    expect(await readOutput()).toBe('a *** b')
    expect(summary!.head).toBe('a *** b')
  })

  it('replaces a key appended one character at a time', async () => {
    const { sink: out } = sink()
    const text = `start ${KEY} middle ${KEY}${KEY} end`
    for (const char of text) await out.append(char)
    const summary = await out.close()
    expect(await readOutput()).toBe('start *** middle ****** end')
    expect(summary!.head).toBe('start *** middle ****** end')
    expect(summary!.totalBytes).toBe(Buffer.byteLength('start *** middle ****** end'))
  })

  it('replaces keys in a long stream of pieces of any size', async () => {
    const { sink: out } = sink(500)
    const text = Array.from({ length: 3000 }, (_, i) => `row ${i} ${i % 7 === 0 ? KEY : 'é'}\n`)
      .join('')
      .concat(KEY)
    for (const part of pieces(text, 40)) await out.append(part)
    const summary = await out.close()
    const content = await readOutput()
    expect(content).not.toContain(KEY)
    expect(content).toBe(text.split(KEY).join('***'))
    expect(summary!.head).not.toContain(KEY)
    expect(content.startsWith(summary!.head)).toBe(true)
  })

  it('replaces the URL-encoded and JSON-escaped key split across appends', async () => {
    const secret = 'p@ss/w"rd'
    const encoded = encodeURIComponent(secret)
    const escaped = JSON.stringify(secret).slice(1, -1)
    const { sink: out } = sink(1000, [secret])
    const text = `url ?k=${encoded}& json {"k":"${escaped}"} raw ${secret}.`
    for (const char of text) await out.append(char)
    const summary = await out.close()
    expect(await readOutput()).toBe('url ?k=***& json {"k":"***"} raw ***.')
    expect(summary!.head).toBe('url ?k=***& json {"k":"***"} raw ***.')
  })

  it('never keeps the key in the head, even when the head is cut inside it', async () => {
    const { sink: out } = sink(10)
    for (const char of `01234567${KEY}tail`) await out.append(char)
    const summary = await out.close()
    expect(summary!.head).not.toContain('sk-')
    expect(summary!.head).toBe('01234567***tai')
    expect(await readOutput()).toBe('01234567***tail')
  })
})

describe('OutputSink replace', () => {
  it('discards what was written before', async () => {
    const { sink: out } = sink()
    await out.append('draft one ')
    await out.append(`draft two ${KEY.slice(0, 4)}`)
    await out.replace('final')
    const summary = await out.close()
    expect(await readOutput()).toBe('final')
    expect(summary).toEqual({ file, head: 'final', totalBytes: 5 })
  })

  it('discards output already written to disk', async () => {
    const { sink: out, chooseFile } = sink(100)
    for (let i = 0; i < 100; i++) await out.append('d'.repeat(1023) + '\n')
    // Over 64 KiB: a batch is on disk already.
    expect(chooseFile).toHaveBeenCalledTimes(1)
    expect((await fs.stat(file)).size).toBeGreaterThanOrEqual(64 * 1024)
    await out.replace(`final € with ${KEY}`)
    const summary = await out.close()
    const expected = 'final € with ***'
    expect(await readOutput()).toBe(expected)
    expect(summary).toEqual({ file, head: expected, totalBytes: Buffer.byteLength(expected) })
    expect(chooseFile).toHaveBeenCalledTimes(1)
  })

  it('replaces with a large text after a large output', async () => {
    const { sink: out } = sink(100)
    for (let i = 0; i < 200; i++) await out.append('o'.repeat(1024))
    const replacement = 'n'.repeat(100 * 1024)
    await out.replace(replacement)
    const summary = await out.close()
    expect(await readOutput()).toBe(replacement)
    expect(summary!.totalBytes).toBe(100 * 1024)
    expect(summary!.head).toBe('n'.repeat(104))
  })

  it('keeps appending after a replace', async () => {
    const { sink: out } = sink()
    await out.append('old')
    await out.replace('new ')
    await out.append(`more ${KEY.slice(0, 10)}`)
    await out.append(`${KEY.slice(10)}!`)
    const summary = await out.close()
    expect(await readOutput()).toBe('new more ***!')
    expect(summary).toEqual({ file, head: 'new more ***!', totalBytes: 13 })
  })
})

describe('OutputSink head', () => {
  it('keeps a bounded head of 10 MB appended in 1 KiB pieces', async () => {
    const { sink: out } = sink(1000)
    const piece = 'abcdefghijklmnopqrstuvwxyz012345'.repeat(32)
    expect(piece.length).toBe(1024)
    for (let i = 0; i < 10 * 1024; i++) await out.append(piece)
    const summary = await out.close()
    const headBytes = Buffer.byteLength(summary!.head)
    expect(headBytes).toBeGreaterThan(1000)
    expect(headBytes).toBeLessThanOrEqual(1004)
    expect(summary!.totalBytes).toBe(10 * 1024 * 1024)
    const content = await fs.readFile(file)
    expect(content.length).toBe(10 * 1024 * 1024)
    expect(content.subarray(0, headBytes).toString('utf8')).toBe(summary!.head)
  })

  it('keeps a bounded head of a single 5 MB append', async () => {
    const { sink: out } = sink(1000)
    const text = 'q'.repeat(5 * 1024 * 1024)
    await out.append(text)
    const summary = await out.close()
    expect(summary!.head).toBe('q'.repeat(1004))
    expect(summary!.totalBytes).toBe(5 * 1024 * 1024)
    expect((await fs.stat(file)).size).toBe(5 * 1024 * 1024)
  })

  it('keeps the whole output as head when it fits', async () => {
    const { sink: out } = sink(1000)
    const text = 'é'.repeat(500)
    await out.append(text)
    const summary = await out.close()
    expect(summary!.head).toBe(text)
    expect(summary!.totalBytes).toBe(1000)
  })

  it.each([
    ['é', 2],
    ['€', 3],
    ['😀', 4]
  ])('cuts a head of %j (%d bytes) just past the limit', async char => {
    const { sink: out } = sink(1000)
    for (let i = 0; i < 2000; i++) await out.append(char)
    const summary = await out.close()
    const head = summary!.head
    const headBytes = Buffer.byteLength(head)
    expect(headBytes).toBeGreaterThan(1000)
    expect(headBytes).toBeLessThanOrEqual(1006)
    // Only the last character may be a replaced one, beyond the limit.
    const body = head.endsWith('\uFFFD') ? head.slice(0, -1) : head
    expect(body).not.toContain('\uFFFD')
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(1000)
    const content = await readOutput()
    expect(content.startsWith(body)).toBe(true)
    expect(content).toBe(char.repeat(2000))
  })
})

describe('OutputSink surrogate pairs', () => {
  it.each(['abcde', 'abcdef', 'sk-1234567'])(
    'never splits an emoji at the hold-back cut (key %j)',
    async key => {
      const { sink: out } = sink(1_000_000, [key])
      const emoji = ['😀', '🎉', '🚀', '👍🏽', '𝄞']
      let text = 'x'
      await out.append('x')
      for (let i = 0; i < 500; i++) {
        const next = emoji[i % emoji.length]!
        text += next
        await out.append(next)
      }
      const summary = await out.close()
      const content = await readOutput()
      expect(content).not.toContain('\uFFFD')
      expect(content).toBe(text)
      expect(summary!.head).toBe(text)
      expect(summary!.totalBytes).toBe(Buffer.byteLength(text))
    }
  )

  it('never splits an emoji across batches written to disk', async () => {
    const { sink: out } = sink(100, ['abcdef'])
    const emoji = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? '😀' : 'é'))
    let text = ''
    for (let i = 0; i < emoji.length;) {
      const count = 1 + ((i * 7919) % 97)
      const part = emoji.slice(i, i + count).join('')
      text += part
      await out.append(part)
      i += count
    }
    const summary = await out.close()
    const content = await readOutput()
    expect(content).not.toContain('\uFFFD')
    expect(content).toBe(text)
    expect(summary!.totalBytes).toBe(Buffer.byteLength(text))
  })
})

describe('OutputSink without output', () => {
  it('returns undefined and creates no file when nothing was appended', async () => {
    const { sink: out, chooseFile } = sink()
    expect(await out.close()).toBeUndefined()
    expect(chooseFile).not.toHaveBeenCalled()
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('creates an empty file for an empty append', async () => {
    const { sink: out } = sink()
    await out.append('')
    const summary = await out.close()
    expect(summary).toEqual({ file, head: '', totalBytes: 0 })
    expect(await readOutput()).toBe('')
  })

  it('writes a key alone as the mask', async () => {
    const { sink: out } = sink()
    await out.append(KEY)
    const summary = await out.close()
    expect(summary).toEqual({ file, head: '***', totalBytes: 3 })
    expect(await readOutput()).toBe('***')
  })
})

describe('OutputSink chooseFile', () => {
  it('is called at close when the output is small, and once', async () => {
    const { sink: out, chooseFile } = sink()
    expect(chooseFile).not.toHaveBeenCalled()
    await out.append('small')
    await out.append(' output')
    expect(chooseFile).not.toHaveBeenCalled()
    await out.close()
    expect(chooseFile).toHaveBeenCalledTimes(1)
    expect(await readOutput()).toBe('small output')
  })

  it('is called at the first write to disk, and only once', async () => {
    const { sink: out, chooseFile } = sink()
    await out.append('a'.repeat(1024))
    expect(chooseFile).not.toHaveBeenCalled()
    for (let i = 0; i < 300; i++) await out.append('b'.repeat(1024))
    expect(chooseFile).toHaveBeenCalledTimes(1)
    await out.replace('c')
    await out.close()
    expect(chooseFile).toHaveBeenCalledTimes(1)
  })
})

describe('defaultOutputFile', () => {
  it('names the file after the run id under RUNNER_TEMP', () => {
    expect(defaultOutputFile('/runner/temp', 'run-42')).toBe(
      '/runner/temp/ai-planet-run-run-42.txt'
    )
    expect(defaultOutputFile('/runner/temp', 'a.b_C-9')).toBe(
      '/runner/temp/ai-planet-run-a.b_C-9.txt'
    )
  })

  it('uses `unknown` when there is no run id', () => {
    expect(defaultOutputFile('/runner/temp', undefined)).toBe(
      '/runner/temp/ai-planet-run-unknown.txt'
    )
  })

  it.each([
    ['../../etc/passwd', 'ai-planet-run-.._.._etc_passwd.txt'],
    ['a/b\\c d', 'ai-planet-run-a_b_c_d.txt'],
    ['id:1?*<>|"', 'ai-planet-run-id_1______.txt'],
    ['ünï', 'ai-planet-run-_n_.txt'],
    ['line\nbreak', 'ai-planet-run-line_break.txt']
  ])('sanitises the run id %j', (runId, name) => {
    const file = defaultOutputFile('/runner/temp', runId)
    expect(file).toBe(path.join('/runner/temp', name))
    expect(path.dirname(file)).toBe('/runner/temp')
  })
})
