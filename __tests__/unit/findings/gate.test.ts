import { describe, expect, it } from '@jest/globals'
import { findingKey, findingsAtOrAbove } from '../../../src/findings/gate.js'
import type { Finding, Severity } from '../../../src/findings/read.js'

const at = (severity: Severity, message: string = severity): Finding => ({
  path: 'a.ts',
  line: 1,
  severity,
  message
})
const findings = [at('error'), at('warning'), at('warning'), at('notice')]

describe('findingsAtOrAbove', () => {
  it.each<[Severity | 'never', number]>([
    ['never', 0],
    ['error', 1],
    ['warning', 3],
    ['notice', 4]
  ])('counts %s as %d', (threshold, count) => {
    expect(findingsAtOrAbove(findings, threshold)).toBe(count)
  })
})

describe('findingKey', () => {
  it('is the same for the same file, line and message, whatever else differs', () => {
    const titled: Finding = { ...at('notice', 'm'), title: 't' }
    expect(findingKey(at('error', 'm'))).toBe(findingKey(titled))
    expect(findingKey(at('error', 'm'))).toMatch(/^[0-9a-f]{24}$/)
  })

  it('differs when the file or the message does, and cannot be forged by joining fields', () => {
    const base = { path: 'a.ts', message: 'm' }
    const keys = new Set([
      findingKey(base),
      findingKey({ ...base, path: 'b.ts' }),
      findingKey({ ...base, message: 'n' }),
      findingKey({ path: 'a.ts","', message: '' }),
      findingKey({ path: 'a.tsm', message: '' })
    ])
    expect(keys.size).toBe(5)
  })

  it('is the same wherever the finding’s lines are: a push moves them', () => {
    expect(findingKey({ path: 'a.ts', line: 3, message: 'm' } as never)).toBe(
      findingKey({ path: 'a.ts', line: 90, message: 'm' } as never)
    )
  })
})
