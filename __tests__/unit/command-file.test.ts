import { describe, expect, it } from '@jest/globals'
import { parseCommandFile } from '../../scripts/action-runner.js'

// The harness reads GITHUB_OUTPUT and GITHUB_STATE as the runner does (actions/runner,
// FileCommandManager, on Linux), so that a value the runner would see differently fails a test.

describe('parseCommandFile', () => {
  it('reads name=value lines and heredoc values', () => {
    const text = 'a=1\nb<<EOF_1\nline one\nline two\nEOF_1\nc=x=y\n'
    expect(parseCommandFile(text)).toEqual({ a: '1', b: 'line one\nline two', c: 'x=y' })
  })

  it('keeps a CRLF inside a value, and a CR at the end of a name=value line', () => {
    const text = 'out<<D\nfirst\r\nsecond\r\nD\nplain=value\r\n'
    expect(parseCommandFile(text)).toEqual({ out: 'first\r\nsecond\r', plain: 'value\r' })
  })

  it('takes only a line that is exactly the delimiter as its end', () => {
    const text = 'out<<D\nD \n D\nD\r\nD\n'
    expect(parseCommandFile(text)).toEqual({ out: 'D \n D\nD\r' })
  })

  it('reads an empty heredoc value, and fails on a missing delimiter as the runner does', () => {
    expect(parseCommandFile('e<<D\nD\n')).toEqual({ e: '' })
    expect(() => parseCommandFile('e<<D\nvalue\n')).toThrow(/delimiter not found/)
  })
})
