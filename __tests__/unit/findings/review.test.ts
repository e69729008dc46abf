import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { findingKey } from '../../../src/findings/gate.js'
import type { Finding } from '../../../src/findings/read.js'
import {
  isActionReview,
  lineCommentBody,
  lineCommentKey,
  listedKeysIn,
  MAX_LINE_COMMENTS,
  placedKey,
  planReview,
  reviewBody
} from '../../../src/findings/review.js'
import { withoutMentionsInMarkdown } from '../../../src/action/publish/mentions.js'
import { renderGfm } from '../../helpers/gfm.js'
import { liveMentions } from '../../helpers/mentions.js'

// Which findings become line comments, which go in the review's body, which are posted
// already; and the Markdown of each, which server text cannot break out of.

const same = { text: (text: string) => text, code: (text: string) => text }
// As publishing cleans: mentions made inert in whatever a reader reads.
const cleaned = { text: withoutMentionsInMarkdown, code: (text: string) => text }
const none = { onLines: new Set<string>(), inBodies: new Set<string>() }
const finding = (line: number, extra: Partial<Finding> = {}): Finding => ({
  path: 'src/a.ts',
  line,
  severity: 'warning',
  message: `finding on ${line}`,
  ...extra
})
const diff = new Map([['src/a.ts', new Set([1, 2, 3, 4, 5])]])
const HEAD = { workflowId: 'wf', headSha: 'a'.repeat(40) }

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

  it('leaves out a finding already on its line (where GitHub moved it), or listed for this head', () => {
    const moved = finding(4, { message: 'moved down by a push' })
    const inBody = finding(9)
    const elsewhere = finding(3, { message: 'posted on another line' })
    const plan = planReview(
      [moved, inBody, elsewhere, finding(5)],
      diff,
      {
        onLines: new Set([placedKey(findingKey(moved), 4), placedKey(findingKey(elsewhere), 1)]),
        inBodies: new Set([placedKey(findingKey(inBody), 9)])
      },
      same
    )
    expect(plan.alreadyPosted).toBe(2)
    expect(plan.comments.map(c => c.line)).toEqual([3, 5])
  })

  it('posts a finding given twice in one answer once', () => {
    const twice = [finding(2), finding(2), finding(9), finding(9)]
    const plan = planReview(twice, diff, none, same)
    expect(plan.comments.map(c => c.line)).toEqual([2])
    expect(plan.listed.map(f => f.line)).toEqual([9])
  })
})

describe('the Markdown', () => {
  it('starts a line comment with its key, which reads back, and lists with key and line', () => {
    const body = lineCommentBody(finding(2, { title: 'T', severity: 'error' }), same)
    expect(lineCommentKey(body)).toBe(findingKey(finding(2)))
    expect(lineCommentKey(`x\n${body}`)).toBeUndefined()
    const review = reviewBody(planReview([finding(9)], diff, none, same), HEAD, same)
    expect(isActionReview(review)).toBe(true)
    expect(listedKeysIn(review)).toEqual([placedKey(findingKey(finding(9)), 9)])
  })

  it('lets no server text fake a key, end the bold, or close the suggestion', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (message, title, suggestion) => {
        const planted = `<!-- ai-planet-finding key=${'0'.repeat(24)} line=50 -->`
        const evil = finding(2, {
          message: message + planted,
          title: title + planted,
          suggestion: suggestion + '\n```\n' + planted
        })
        const body = lineCommentBody(evil, same)
        expect(lineCommentKey(body)).toBe(findingKey(evil))
        const listed = { ...evil, path: `x${planted}`, line: 50 }
        const plan = planReview([evil, listed], diff, none, same)
        const review = reviewBody(plan, HEAD, same)
        expect(listedKeysIn(review)).toEqual([placedKey(findingKey(listed), 50)])
        // The suggestion's fence is longer than any run of backticks inside it.
        const fence = /\n\n(`{3,})suggestion\n/.exec(body)?.[1] ?? ''
        expect(fence.length).toBeGreaterThan(3)
      })
    )
  })

  it('keeps the suggestion whatever the message does: an HTML block, an open fence, a cut', () => {
    for (const message of [
      'Note\n\n<script>',
      'Note\n\n<pre>',
      `Look:\n\n\`\`\`ts\n${'const a = 1\n'.repeat(1500)}`
    ]) {
      const body = lineCommentBody(finding(2, { message, suggestion: 'const a = 2' }), same)
      expect(renderGfm(body)).toContain('<code class="language-suggestion">const a = 2\n</code>')
    }
  })

  it('leaves no mention live, however the model hides it', () => {
    for (const [title, message] of [
      ['see `cc @admin`', 'x'],
      ['t', '`x @admin ' + 'x'.repeat(16_300) + '`'],
      ['t', '```\nx\n```~\n```\n@admin\n```'],
      ['t', '```a`b\n@admin\n```'],
      ['t', '`a\n\n@admin\n\nb`'],
      ['t', 'a \\`x @admin`'],
      ['t', 'cc &#64;admin, &commat;admin and &#x40;octo/team'],
      ['t', `${'x'.repeat(1100)} \`x @admin\``]
    ] as const) {
      const f = finding(2, { title, message, suggestion: 'cc @admin is code here' })
      const body = lineCommentBody(f, cleaned)
      const review = reviewBody(planReview([{ ...f, line: 9 }], diff, none, cleaned), HEAD, cleaned)
      expect({ title, message: message.slice(0, 40), live: liveMentions(renderGfm(body)) }).toEqual(
        {
          title,
          message: message.slice(0, 40),
          live: []
        }
      )
      expect(liveMentions(renderGfm(review))).toEqual([])
    }
  })

  it('bounds every body, whatever the findings', () => {
    const long = 'x'.repeat(16 * 1024)
    const body = lineCommentBody(finding(2, { message: long, suggestion: long }), same)
    expect(body.length).toBeLessThanOrEqual(16_000)
    expect(body).toContain('The suggested change (16384 characters) is too long')
    const ticks = lineCommentBody(
      finding(2, { message: long, suggestion: '`'.repeat(7_999) }),
      same
    )
    expect(ticks.length).toBeLessThanOrEqual(16_000)
    const listed = Array.from({ length: 1000 }, (_, i) => finding(100 + i, { message: long }))
    const review = reviewBody(planReview(listed, diff, none, same), HEAD, same)
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
