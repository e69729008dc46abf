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

  it('differs when any of the three does, and cannot be forged by joining fields', () => {
    const base = { path: 'a.ts', line: 1, message: 'm' }
    const keys = new Set([
      findingKey(base),
      findingKey({ ...base, line: 2 }),
      findingKey({ ...base, path: 'b.ts' }),
      findingKey({ ...base, message: 'n' }),
      findingKey({ path: 'a.ts|1', line: 1, message: 'm' })
    ])
    expect(keys.size).toBe(5)
  })
})
