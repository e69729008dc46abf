import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFindings, type Finding, type Severity } from '../../../src/findings/read.js'

// The findings format (docs/findings.md): what is read, what is dropped and counted.

const finding = (fields: Record<string, unknown>) => ({
  path: 'src/a.ts',
  line: 3,
  message: 'a remark',
  ...fields
})

describe('readFindings', () => {
  it('reads a JSON array, an object with findings, and the one ```json block of Markdown', () => {
    const list = [finding({})]
    const expected: Finding[] = [
      {
        path: 'src/a.ts',
        line: 3,
        endLine: undefined,
        severity: 'warning',
        title: undefined,
        message: 'a remark',
        suggestion: undefined
      }
    ]
    for (const output of [
      JSON.stringify(list),
      JSON.stringify({ findings: list, summary: 'x' }),
      `Here is my review.\n\n\`\`\`json\n${JSON.stringify(list)}\n\`\`\`\n\nThanks.`
    ]) {
      expect(readFindings(output)).toEqual({ found: true, dropped: 0, findings: expected })
    }
  })

  it('finds nothing in prose, in two json blocks, or in JSON of another shape', () => {
    const block = '```json\n[]\n```'
    for (const output of ['Looks good to me.', `${block}\n\n${block}`, '{"answer": 42}', '']) {
      expect(readFindings(output)).toEqual({ findings: [], dropped: 0, found: false })
    }
  })

  it.each([
    ['./src/a.ts', 'src/a.ts'],
    ['a/src/a.ts', 'src/a.ts'],
    ['b/src/a.ts', 'src/a.ts'],
    ['src\\win\\a.ts', 'src/win/a.ts'],
    ['src/./a.ts', 'src/a.ts']
  ])('reads the path %j as %j', (path, expected) => {
    expect(readFindings(JSON.stringify([finding({ path })])).findings[0]?.path).toBe(expected)
  })

  it.each([
    ['an absolute path', { path: '/etc/passwd' }],
    ['a drive path', { path: 'C:/x.ts' }],
    ['a path that climbs out', { path: 'src/../../x.ts' }],
    ['an empty path', { path: '' }],
    ['a path with a line break', { path: 'a.ts\nb.ts' }],
    ['line 0', { line: 0 }],
    ['a negative line', { line: -4 }],
    ['a fractional line', { line: 2.5 }],
    ['no message', { message: undefined }],
    ['an empty message', { message: '  ' }],
    ['a message that is not text', { message: 42 }]
  ])('drops and counts a finding with %s', (_, fields) => {
    const read = readFindings(JSON.stringify([finding(fields), finding({})]))
    expect(read.findings).toHaveLength(1)
    expect(read.dropped).toBe(1)
  })

  it.each<[string | undefined, Severity]>([
    ['critical', 'error'],
    ['HIGH', 'error'],
    ['error', 'error'],
    ['medium', 'warning'],
    ['low', 'warning'],
    ['warning', 'warning'],
    ['info', 'notice'],
    ['notice', 'notice'],
    ['blocker', 'warning'],
    [undefined, 'warning']
  ])('reads severity %j as %s', (severity, expected) => {
    expect(readFindings(JSON.stringify([finding({ severity })])).findings[0]?.severity).toBe(
      expected
    )
  })

  it('puts the most severe first and keeps the order within a severity', () => {
    const read = readFindings(
      JSON.stringify([
        finding({ message: 'n1', severity: 'info' }),
        finding({ message: 'w1' }),
        finding({ message: 'e1', severity: 'error' }),
        finding({ message: 'w2', severity: 'low' }),
        finding({ message: 'e2', severity: 'critical' })
      ])
    )
    expect(read.findings.map(f => f.message)).toEqual(['e1', 'e2', 'w1', 'w2', 'n1'])
  })

  it('reads a range, a title on one line and a suggestion; an end before the start is no range', () => {
    const [range, backwards] = readFindings(
      JSON.stringify([
        finding({ line: '4', end_line: 6, title: 'Two\nlines', suggestion: 'const x = 1\n' }),
        finding({ line: 9, end_line: 2 })
      ])
    ).findings
    expect(range).toMatchObject({
      line: 4,
      endLine: 6,
      title: 'Two lines',
      suggestion: 'const x = 1\n'
    })
    expect(backwards?.endLine).toBeUndefined()
  })

  it('reads at most 1,000 findings and counts the rest as dropped', () => {
    const read = readFindings(JSON.stringify(Array.from({ length: 1200 }, () => finding({}))))
    expect(read.findings).toHaveLength(1000)
    expect(read.dropped).toBe(200)
  })

  it('never throws, whatever JSON the output holds (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        const read = readFindings(JSON.stringify({ findings: [value] }))
        expect(read.findings.length + read.dropped).toBe(1)
      })
    )
  })

  it('reads the example in docs/findings.md as that page says', () => {
    const page = readFileSync('docs/findings.md', 'utf8')
    const example = /````markdown\n([\s\S]*?)````/.exec(page)?.[1] ?? ''
    const read = readFindings(example)
    expect(read).toMatchObject({ found: true, dropped: 0 })
    expect(read.findings.map(f => [f.path, f.line, f.endLine, f.severity])).toEqual([
      ['src/auth/session.ts', 42, 44, 'error'],
      ['README.md', 3, undefined, 'notice']
    ])
  })
})
