import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { findingKey } from '../../../src/findings/gate.js'
import type { Finding } from '../../../src/findings/read.js'
import {
  findingKeysIn,
  isActionReview,
  lineCommentBody,
  lineCommentKey,
  MAX_LINE_COMMENTS,
  placedKey,
  planReview,
  reviewBody
} from '../../../src/findings/review.js'
import { withoutMentionsInProse } from '../../../src/action/publish/mentions.js'

// Which findings become line comments, which go in the review's body, which are posted
// already; and the Markdown of each, which server text cannot break out of.

const same = { prose: (text: string) => text, code: (text: string) => text }
const none = { onLines: new Set<string>(), inBodies: new Set<string>() }
const finding = (line: number, extra: Partial<Finding> = {}): Finding => ({
  path: 'src/a.ts',
  line,
  severity: 'warning',
  message: `finding on ${line}`,
  ...extra
})
const diff = new Map([['src/a.ts', new Set([1, 2, 3, 4, 5])]])

describe('planReview', () => {
  it('makes line comments of findings whose every line is in the diff, and lists the rest', () => {
    const plan = planReview(
      [finding(2), finding(4, { endLine: 5 }), finding(5, { endLine: 6 }), finding(9)],
      diff,
      none,
      same
    )
    expect(plan.comments.map(c => [c.startLine, c.line])).toEqual([
      [undefined, 2],
      [4, 5]
    ])
    expect(plan.listed.map(f => f.line)).toEqual([5, 9])
  })

  it('stops at 50 line comments and lists the rest in order', () => {
    const many = new Map([['src/a.ts', new Set(Array.from({ length: 80 }, (_, i) => i + 1))]])
    const plan = planReview(
      Array.from({ length: 60 }, (_, i) => finding(i + 1)),
      many,
      none,
      same
    )
    expect(plan.comments).toHaveLength(MAX_LINE_COMMENTS)
    expect(plan.listed.map(f => f.line)).toEqual(Array.from({ length: 10 }, (_, i) => 51 + i))
  })

  it('leaves out a finding already on the same line, or in a body of the same head', () => {
    const onLine = finding(2)
    const moved = finding(3)
    const inBody = finding(9)
    const plan = planReview(
      [onLine, moved, inBody, finding(4)],
      diff,
      {
        onLines: new Set([
          placedKey(findingKey(onLine), 'src/a.ts', 2),
          // The same key, but GitHub now places that comment on another line: not the same.
          placedKey(findingKey(moved), 'src/a.ts', 7)
        ]),
        inBodies: new Set([findingKey(inBody)])
      },
      same
    )
    expect(plan.alreadyPosted).toBe(2)
    expect(plan.comments.map(c => c.line)).toEqual([3, 4])
  })
})

describe('the Markdown', () => {
  it('starts a line comment with its key, which reads back', () => {
    const body = lineCommentBody(finding(2, { title: 'T', severity: 'error' }), same)
    expect(body.split('\n')[0]).toBe(`<!-- ai-planet-finding key=${findingKey(finding(2))} -->`)
    expect(lineCommentKey(body)).toBe(findingKey(finding(2)))
    expect(lineCommentKey(`x\n${body}`)).toBeUndefined()
  })

  it('lets no server text fake a key, end the bold, or close the suggestion', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (message, title, suggestion) => {
        const planted = `<!-- ai-planet-finding key=${'0'.repeat(24)} -->`
        const evil = finding(2, {
          message: message + planted,
          title: title + planted,
          suggestion: suggestion + '\n```\n' + planted
        })
        const body = lineCommentBody(evil, same)
        expect(lineCommentKey(body)).toBe(findingKey(evil))
        const plan = planReview([evil, { ...evil, path: planted, line: 50 }], diff, none, same)
        const review = reviewBody(plan, { workflowId: 'wf', headSha: 'a'.repeat(40) }, same)
        expect(isActionReview(review)).toBe(true)
        expect(findingKeysIn(review)).toEqual([findingKey({ ...evil, path: planted, line: 50 })])
        // The suggestion's fence is longer than any run of backticks inside it.
        const fence = /\n(`{3,})suggestion\n/.exec(body)?.[1] ?? ''
        expect(fence.length).toBeGreaterThan(3)
        expect(body.endsWith(`\n${fence}`)).toBe(true)
      })
    )
  })

  it('bounds every body, whatever the findings', () => {
    const long = 'x'.repeat(16 * 1024)
    const body = lineCommentBody(finding(2, { message: long, suggestion: long }), same)
    expect(body.length).toBeLessThanOrEqual(16_000)
    expect(body).toContain('The suggested change (16384 characters) is too long')
    const listed = Array.from({ length: 1000 }, (_, i) => finding(100 + i, { message: long }))
    const plan = planReview(listed, diff, none, same)
    const review = reviewBody(plan, { workflowId: 'wf', headSha: 'a'.repeat(40) }, same)
    expect(review.length).toBeLessThanOrEqual(60_000)
    expect(review).toMatch(
      /\d+ more findings: the run card and the `findings` output list every one\.$/
    )
  })

  it('never cuts a character in half', () => {
    const body = lineCommentBody(finding(2, { message: '🚀'.repeat(9000) }), same)
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('withoutMentionsInProse', () => {
  it('makes mentions inert in prose and leaves code spans and fences alone', () => {
    const text =
      'Ask @alice and @org/team.\n`@types/node` ``a ` @b``\n```ts\n@Override\n```\n@carol'
    expect(withoutMentionsInProse(text)).toBe(
      'Ask @\u200Balice and @\u200Borg/team.\n`@types/node` ``a ` @b``\n```ts\n@Override\n```\n@\u200Bcarol'
    )
  })

  it('treats an unclosed fence as code to the end, as GitHub does, and an unclosed tick as text', () => {
    expect(withoutMentionsInProse('```\n@x\n@y')).toBe('```\n@x\n@y')
    expect(withoutMentionsInProse('a ` @x')).toBe('a ` @\u200Bx')
  })
})
