import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  firstInvalidUtf8,
  MAX_FILE_BYTES,
  resolveWorkflowInputs
} from '../../../../src/action/inputs/workflow-files.js'
import { parseWorkflowInputs } from '../../../../src/action/inputs/workflow-inputs.js'

describe('parseWorkflowInputs forms', () => {
  it('reads a JSON list', () => {
    const text = JSON.stringify([
      { name: 'question', type: 'text', value: 'What is 2+2?' },
      { name: 'photo', type: 'image', value: 'https://example.com/a.png' }
    ])
    expect(parseWorkflowInputs(text)).toEqual({
      specs: [
        { name: 'question', type: 'text', value: 'What is 2+2?' },
        { name: 'photo', type: 'image', value: 'https://example.com/a.png' }
      ],
      problems: []
    })
  })

  it('reads a YAML list', () => {
    const text = [
      '- name: question',
      '  type: text',
      '  value: What is 2+2?',
      '- name: doc',
      '  type: file',
      '  path: docs/report.pdf'
    ].join('\n')
    expect(parseWorkflowInputs(text)).toEqual({
      specs: [
        { name: 'question', type: 'text', value: 'What is 2+2?' },
        { name: 'doc', type: 'file', path: 'docs/report.pdf' }
      ],
      problems: []
    })
  })

  it('reads a JSON map as text inputs', () => {
    expect(parseWorkflowInputs('{"question": "hi", "language": "en"}')).toEqual({
      specs: [
        { name: 'question', type: 'text', value: 'hi' },
        { name: 'language', type: 'text', value: 'en' }
      ],
      problems: []
    })
  })

  it('reads a YAML map, turning numbers and booleans into text', () => {
    const { specs, problems } = parseWorkflowInputs(
      'question: hi\ncount: 3\nratio: 0.5\nverbose: true'
    )
    expect(problems).toEqual([])
    expect(specs).toEqual([
      { name: 'question', type: 'text', value: 'hi' },
      { name: 'count', type: 'text', value: '3' },
      { name: 'ratio', type: 'text', value: '0.5' },
      { name: 'verbose', type: 'text', value: 'true' }
    ])
  })

  it('gives `type` the default text', () => {
    const { specs, problems } = parseWorkflowInputs('[{"name": "q", "value": "v"}]')
    expect(problems).toEqual([])
    expect(specs).toEqual([{ name: 'q', type: 'text', value: 'v' }])
  })

  it('keeps non-text values of a list entry as they are', () => {
    const { specs } = parseWorkflowInputs(
      '[{"name": "n", "value": 5}, {"name": "o", "value": {"a": 1}}]'
    )
    expect(specs.map(s => s.value)).toEqual([5, { a: 1 }])
  })

  it.each(['', '   ', '\n\n', 'null', '~'])('gives no entries and no problems for %j', text => {
    expect(parseWorkflowInputs(text)).toEqual({ specs: [], problems: [] })
  })
})

describe('parseWorkflowInputs problems', () => {
  const problemsOf = (value: unknown): string[] =>
    parseWorkflowInputs(typeof value === 'string' ? value : JSON.stringify(value)).problems

  it('rejects an unknown type', () => {
    const problems = problemsOf([{ name: 'q', type: 'audio', value: 'x' }])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain("entry 1 ('q')")
    expect(problems[0]).toContain('`type`')
    expect(problems[0]).toContain('text, file, image')
  })

  it('rejects an entry without a name', () => {
    const problems = problemsOf([{ type: 'text', value: 'x' }])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^entry 1\b/)
    expect(problems[0]).toContain('`name`')
  })

  it('rejects an empty name', () => {
    const problems = problemsOf([{ name: '  ', value: 'x' }])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('`name`')
  })

  it('rejects an unknown field, naming it and the allowed ones', () => {
    const problems = problemsOf([{ name: 'q', value: 'x', vaule: 'y' }])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain("entry 1 ('q')")
    expect(problems[0]).toContain('`vaule`')
    expect(problems[0]).toContain('allowed: name, type, value, path')
  })

  it('rejects both value and path', () => {
    const problems = problemsOf([{ name: 'f', type: 'file', value: 'x', path: 'a.txt' }])
    expect(problems).toEqual([expect.stringContaining('either `value` or `path`, not both')])
  })

  it('takes a path on a text entry (its file is read as text)', () => {
    expect(problemsOf([{ name: 'f', path: 'a.txt' }])).toEqual([])
  })

  it('rejects an entry with neither value nor path', () => {
    const problems = problemsOf([{ name: 'q', type: 'text' }])
    expect(problems).toEqual([expect.stringContaining('needs a `value`')])
  })

  it('rejects an entry that is not an object', () => {
    const problems = problemsOf(['question'])
    expect(problems).toEqual([expect.stringContaining('must be an object')])
  })

  it('rejects duplicate names', () => {
    const problems = problemsOf([
      { name: 'q', value: '1' },
      { name: 'q', value: '2' }
    ])
    expect(problems).toEqual(["entry 'q' is given more than once"])
  })

  it.each([
    ['hello', 'string'],
    ['42', 'number'],
    ['true', 'boolean']
  ])('rejects the scalar document %j', (text, kind) => {
    const { specs, problems } = parseWorkflowInputs(text)
    expect(specs).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`not a single ${kind}`)
  })

  it.each(['[1, 2', '{"question": ', 'a: b: c', '- a\nb: c'])(
    'rejects the unparseable %j',
    text => {
      const { specs, problems } = parseWorkflowInputs(text)
      expect(specs).toEqual([])
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(/^is neither JSON nor YAML/)
    }
  )

  it('rejects a map entry that is an object or empty', () => {
    const { specs, problems } = parseWorkflowInputs('question: hi\nfile:\n  path: a.png\nempty:')
    expect(specs).toEqual([{ name: 'question', type: 'text', value: 'hi' }])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain("entry 'file'")
    expect(problems[1]).toContain("entry 'empty'")
  })

  it('reports every problem at once', () => {
    const { specs, problems } = parseWorkflowInputs(
      JSON.stringify([
        { name: 'ok', value: 'fine' },
        { name: 'a', type: 'video', value: 'x' },
        { type: 'text', value: 'nameless' },
        { name: 'b', value: 'x', extra: 1 },
        { name: 'c', type: 'image', value: 'x', path: 'p.png' },
        { name: 'd', type: 'text', path: '' },
        { name: 'ok', value: 'again' }
      ])
    )
    expect(specs.map(s => s.name)).toEqual(['ok', 'ok'])
    expect(problems).toHaveLength(6)
    expect(problems[0]).toContain("entry 2 ('a')")
    expect(problems[1]).toMatch(/^entry 3\b/)
    expect(problems[2]).toContain("entry 4 ('b')")
    expect(problems[3]).toContain("entry 5 ('c')")
    expect(problems[4]).toContain("entry 6 ('d') field `path`: `path` must not be empty")
    expect(problems[5]).toBe("entry 'ok' is given more than once")
  })
})

describe('resolveWorkflowInputs', () => {
  let base: string
  let workspace: string
  let outside: string

  beforeEach(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'wf-inputs-'))
    workspace = path.join(base, 'workspace')
    outside = path.join(base, 'outside')
    await fs.mkdir(workspace)
    await fs.mkdir(outside)
  })

  afterEach(async () => {
    await fs.rm(base, { recursive: true, force: true })
  })

  it('passes entries with a value through', async () => {
    const result = await resolveWorkflowInputs(
      [{ name: 'q', type: 'text', value: 'hi' }],
      workspace
    )
    expect(result).toEqual({ inputs: [{ name: 'q', type: 'text', value: 'hi' }], problems: [] })
  })

  it('turns an image path into a data: URL and drops the path', async () => {
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255])
    await fs.mkdir(path.join(workspace, 'img'))
    await fs.writeFile(path.join(workspace, 'img', 'cat.png'), content)
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'photo', type: 'image', path: 'img/cat.png' }],
      workspace
    )
    expect(problems).toEqual([])
    expect(inputs).toEqual([
      { name: 'photo', type: 'image', value: `data:image/png;base64,${content.toString('base64')}` }
    ])
    expect(inputs[0]).not.toHaveProperty('path')
    const value = inputs[0]?.value as string
    expect(Buffer.from(value.split(',')[1] ?? '', 'base64')).toEqual(content)
  })

  it('gives a .txt file the text/plain type', async () => {
    await fs.writeFile(path.join(workspace, 'notes.txt'), 'héllo')
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'doc', type: 'file', path: 'notes.txt' }],
      workspace
    )
    expect(problems).toEqual([])
    const value = inputs[0]?.value as string
    expect(value).toMatch(/^data:text\/plain;base64,/)
    expect(Buffer.from(value.split(',')[1] ?? '', 'base64').toString('utf8')).toBe('héllo')
  })

  it('sends a text entry’s file as its text, without a byte-order mark', async () => {
    const log = 'feat: café 東京 🚀\r\nfix: x\n'
    await fs.writeFile(path.join(workspace, 'changes.txt'), `\uFEFF${log}`)
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'changes', type: 'text', path: 'changes.txt' }],
      workspace
    )
    expect(problems).toEqual([])
    expect(inputs).toEqual([{ name: 'changes', type: 'text', value: log }])
  })

  it('refuses a text file that is not UTF-8, naming the file and the byte', async () => {
    // Latin-1 "café" after eight good bytes: 0xE9 is not followed by continuation bytes.
    await fs.writeFile(path.join(workspace, 'latin1.txt'), Buffer.from('ok: 12 caf\xe9', 'latin1'))
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'changes', type: 'text', path: 'latin1.txt' }],
      workspace
    )
    expect(inputs).toEqual([])
    expect(problems).toEqual([
      expect.stringMatching(
        /^entry 'changes': 'latin1\.txt' is not valid UTF-8 text \(at byte 10\)/
      )
    ])
  })

  it('refuses a text file over 5 MiB, and a link out of the workspace', async () => {
    await fs.writeFile(path.join(workspace, 'big.txt'), 'x'.repeat(5 * 1024 * 1024 + 1))
    await fs.writeFile(path.join(outside, 'secret.txt'), 'secret')
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(workspace, 'link.txt'))
    const { inputs, problems } = await resolveWorkflowInputs(
      [
        { name: 'big', type: 'text', path: 'big.txt' },
        { name: 'link', type: 'text', path: 'link.txt' }
      ],
      workspace
    )
    expect(inputs).toEqual([])
    expect(problems).toEqual([
      "entry 'big': 'big.txt' is 5242881 bytes; a text input read from a file is at most 5242880 bytes (5 MiB)",
      expect.stringContaining("entry 'link': path 'link.txt' is outside the workspace")
    ])
  })

  it('gives a file of unknown type application/octet-stream', async () => {
    await fs.writeFile(path.join(workspace, 'blob.unknownext'), 'x')
    const { inputs } = await resolveWorkflowInputs(
      [{ name: 'doc', type: 'file', path: 'blob.unknownext' }],
      workspace
    )
    expect(inputs[0]?.value).toBe(`data:application/octet-stream;base64,${btoa('x')}`)
  })

  it('reports a missing file', async () => {
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'doc', type: 'file', path: 'missing.pdf' }],
      workspace
    )
    expect(inputs).toEqual([])
    expect(problems).toEqual(["entry 'doc': cannot read 'missing.pdf' (no such file)"])
  })

  it('reports a directory', async () => {
    await fs.mkdir(path.join(workspace, 'dir'))
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'doc', type: 'file', path: 'dir' }],
      workspace
    )
    expect(inputs).toEqual([])
    expect(problems).toEqual(["entry 'doc': 'dir' is not a file"])
  })

  it('rejects a path escaping the workspace', async () => {
    await fs.writeFile(path.join(outside, 'secret.txt'), 'secret')
    const { inputs, problems } = await resolveWorkflowInputs(
      [
        { name: 'a', type: 'file', path: '../outside/secret.txt' },
        { name: 'b', type: 'file', path: '../x' },
        { name: 'c', type: 'file', path: path.join(outside, 'secret.txt') }
      ],
      workspace
    )
    expect(inputs).toEqual([])
    expect(problems).toHaveLength(3)
    for (const problem of problems) expect(problem).toContain('is outside the workspace')
  })

  it('rejects a symlink inside the workspace pointing outside it', async () => {
    await fs.writeFile(path.join(outside, 'secret.txt'), 'secret')
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(workspace, 'link.txt'))
    await fs.symlink(outside, path.join(workspace, 'linkdir'))
    const { inputs, problems } = await resolveWorkflowInputs(
      [
        { name: 'a', type: 'file', path: 'link.txt' },
        { name: 'b', type: 'file', path: 'linkdir/secret.txt' }
      ],
      workspace
    )
    expect(inputs).toEqual([])
    expect(problems).toEqual([
      expect.stringContaining("entry 'a': path 'link.txt' is outside the workspace"),
      expect.stringContaining("entry 'b': path 'linkdir/secret.txt' is outside the workspace")
    ])
  })

  it('follows a symlink that stays inside the workspace', async () => {
    await fs.writeFile(path.join(workspace, 'real.txt'), 'ok')
    await fs.symlink(path.join(workspace, 'real.txt'), path.join(workspace, 'alias.txt'))
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'a', type: 'file', path: 'alias.txt' }],
      workspace
    )
    expect(problems).toEqual([])
    expect(inputs[0]?.value).toBe(`data:text/plain;base64,${btoa('ok')}`)
  })

  it('accepts a file whose name starts with two dots', async () => {
    await fs.writeFile(path.join(workspace, '..notes.txt'), 'ok')
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'a', type: 'file', path: '..notes.txt' }],
      workspace
    )
    expect(problems).toEqual([])
    expect(inputs[0]?.value).toBe(`data:text/plain;base64,${btoa('ok')}`)
  })

  it('rejects a file just over 20 MiB', async () => {
    const big = path.join(workspace, 'big.bin')
    await fs.writeFile(big, '')
    await fs.truncate(big, MAX_FILE_BYTES + 1)
    const { inputs, problems } = await resolveWorkflowInputs(
      [{ name: 'big', type: 'file', path: 'big.bin' }],
      workspace
    )
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024)
    expect(inputs).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`is ${MAX_FILE_BYTES + 1} bytes`)
    expect(problems[0]).toContain('20 MiB')
  })

  it('reports every problem and resolves the rest', async () => {
    await fs.writeFile(path.join(workspace, 'ok.txt'), 'ok')
    const { inputs, problems } = await resolveWorkflowInputs(
      [
        { name: 'q', type: 'text', value: 'v' },
        { name: 'missing', type: 'file', path: 'nope.txt' },
        { name: 'ok', type: 'file', path: 'ok.txt' },
        { name: 'out', type: 'file', path: '../x' }
      ],
      workspace
    )
    expect(inputs.map(i => i.name)).toEqual(['q', 'ok'])
    expect(problems).toHaveLength(2)
  })
})

describe('a single entry written without its list dash', () => {
  it('is reported instead of being read as inputs named `name` and `value`', () => {
    const { specs, problems } = parseWorkflowInputs('name: question\nvalue: Why?')
    expect(specs).toEqual([])
    expect(problems).toEqual([expect.stringMatching(/single \{name, value\} entry.*list/)])
  })
})

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder on any bytes, and names where it stops', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.string({ unit: 'binary' }).map(text => new TextEncoder().encode(text))
        ),
        bytes => {
          const at = firstInvalidUtf8(bytes)
          let valid = true
          try {
            decoder.decode(bytes)
          } catch {
            valid = false
          }
          expect(at === undefined).toBe(valid)
          // Everything before it is valid: it is where a decoder first fails.
          expect(() => decoder.decode(bytes.subarray(0, at ?? bytes.length))).not.toThrow()
        }
      ),
      { numRuns: 2000 }
    )
  })
})
