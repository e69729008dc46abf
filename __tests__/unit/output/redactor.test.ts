import { describe, expect, it } from '@jest/globals'
import { Redactor } from '../../../src/output/redactor.js'

describe('Redactor', () => {
  it('replaces the key everywhere', () => {
    const redactor = new Redactor(['sk-abc123'])
    expect(redactor.redact('key sk-abc123, again sk-abc123sk-abc123.')).toBe(
      'key ***, again ******.'
    )
  })

  it('leaves text without the key alone', () => {
    expect(new Redactor(['sk-abc123']).redact('nothing to hide: sk-abc12')).toBe(
      'nothing to hide: sk-abc12'
    )
  })

  it('replaces the URL-encoded form', () => {
    const secret = 'a b/c+d=e&f'
    const encoded = encodeURIComponent(secret)
    expect(encoded).not.toBe(secret)
    const text = new Redactor([secret]).redact(`GET /x?token=${encoded}&y=1`)
    expect(text).toBe('GET /x?token=***&y=1')
  })

  it('replaces the JSON-escaped form', () => {
    const secret = 'pa"ss\\word'
    const body = JSON.stringify({ error: `invalid key ${secret}` })
    expect(body).not.toContain(secret)
    const text = new Redactor([secret]).redact(body)
    expect(text).toBe('{"error":"invalid key ***"}')
  })

  it('replaces several secrets', () => {
    const redactor = new Redactor(['one-secret', 'two-secret'])
    expect(redactor.redact('one-secret and two-secret')).toBe('*** and ***')
  })

  it('replaces a longer secret whole when it contains a shorter one', () => {
    const redactor = new Redactor(['abc', 'abcdef'])
    expect(redactor.redact('xabcdefx abc')).toBe('x***x ***')
  })

  it('ignores an empty secret', () => {
    const redactor = new Redactor(['', 'sk-1'])
    expect(redactor.redact('plain text sk-1')).toBe('plain text ***')
    expect(new Redactor(['']).redact('plain text')).toBe('plain text')
    expect(new Redactor([]).redact('plain text')).toBe('plain text')
    expect(new Redactor(['']).longestSecretLength).toBe(0)
  })

  it('reports the longest form of any secret: every character escaped as \\uXXXX', () => {
    expect(new Redactor(['abc']).longestSecretLength).toBe(3 * 6)
    expect(new Redactor(['a b', 'abcdef']).longestSecretLength).toBe(6 * 6)
    expect(new Redactor([]).longestSecretLength).toBe(0)
  })

  it('removes a secret with any of its characters escaped, in JSON or in a URL', () => {
    const redactor = new Redactor(['sk-live/0123456789abcdef'])
    for (const spelled of [
      'sk-live\\/0123456789abcdef',
      'sk\\u002dlive\\u002F0123456789abcdef',
      'sk%2Dlive%2f0123456789abcdef',
      '\\u0073k-live/0123456789abcdef'
    ]) {
      expect(redactor.redact(`before ${spelled} after`)).toBe('before *** after')
    }
    // Letters are not matched in another case: that would be another text.
    expect(redactor.redact('SK-LIVE/0123456789ABCDEF')).toBe('SK-LIVE/0123456789ABCDEF')
  })
})
