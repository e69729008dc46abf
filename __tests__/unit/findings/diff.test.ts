import { describe, expect, it } from '@jest/globals'
import { headSideLines, inDiff } from '../../../src/findings/diff.js'
import type { Finding } from '../../../src/findings/read.js'

// The head-side lines of a patch, as GitHub's `pulls/{n}/files` gives it: where a line comment
// may go.

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' line one',
  '-old two',
  '+new two',
  '+added three',
  ' line four',
  ' line five',
  '@@ -20,3 +21,2 @@ function later() {',
  ' twenty-one',
  '-removed',
  ' twenty-two',
  '\\ No newline at end of file'
].join('\n')

const finding = (line: number, endLine?: number): Finding => ({
  path: 'src/a.ts',
  line,
  endLine,
  severity: 'warning',
  message: 'x'
})

describe('headSideLines', () => {
  it('takes context and added lines of every hunk, never removed ones', () => {
    expect([...headSideLines(PATCH)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 21, 22])
  })

  it('reads a hunk with one line (no count) and an empty patch', () => {
    expect([...headSideLines('@@ -3 +3 @@\n-a\n+b')]).toEqual([3])
    expect(headSideLines('').size).toBe(0)
  })

  it('stops at a hunk’s head-side count, whatever follows it', () => {
    expect([...headSideLines('@@ -1,1 +1,1 @@\n+one\n+not counted')]).toEqual([1])
  })
})

describe('inDiff', () => {
  const diff = new Map([['src/a.ts', headSideLines(PATCH)]])
  it.each<[string, Finding, boolean]>([
    ['a line in a hunk', finding(3), true],
    ['a range inside one hunk', finding(2, 5), true],
    ['a range across the gap between hunks', finding(5, 21), false],
    ['a line outside every hunk', finding(10), false],
    ['a file the pull request did not change', { ...finding(3), path: 'other.ts' }, false]
  ])('%s: %s', (_, given, expected) => {
    expect(inDiff(given, diff)).toBe(expected)
  })
})
