import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { markdownBlock, tableCells } from '../../../../src/action/publish/card-output.js'
import { renderRunCard, type RunCardFacts } from '../../../../src/action/publish/run-card.js'
import { renderGfm } from '../../../helpers/gfm.js'

// Every card fits where it goes, whatever its parts hold, and rendering an output costs what
// the card can hold, not what the output asks for (issue 13, items 1 and 6).

const COMMENT = 60_000
const SUMMARY = 900 * 1024

const card = (fields: Partial<RunCardFacts>): RunCardFacts => ({
  workflowId: 'wf',
  runId: 'run-1',
  threadId: undefined,
  status: 'failed',
  error: undefined,
  output: undefined,
  duration: '1.0',
  ...fields
})

const output = (text: string): RunCardFacts['output'] => ({
  head: text,
  totalBytes: Buffer.byteLength(text),
  file: '/tmp/out.txt'
})

/** Text of a size drawn on a log scale, from a few characters to a few hundred kilobytes. */
const sizedText = fc
  .tuple(fc.integer({ min: 0, max: 18 }), fc.constantFrom('x', '<', '😀', '`', '\n', '@a ', '| '))
  .map(([log, unit]) => unit.repeat(Math.floor(2 ** log)))

describe('the card’s budget', () => {
  it('holds for any error, output, id and marker, in both formats (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        sizedText,
        sizedText,
        sizedText,
        fc.constantFrom('markdown' as const, 'text' as const),
        fc.constantFrom(COMMENT, SUMMARY),
        async (error, out, id, format, maxBytes) => {
          const rendered = await renderRunCard(
            card({ error, output: output(out), runId: id, threadId: id, workflowId: id }),
            { format, maxBytes, marker: '<!-- ai-planet-run-card key= started=1 -->' }
          )
          expect(Buffer.byteLength(rendered)).toBeLessThanOrEqual(maxBytes)
          expect(renderGfm(rendered).trimEnd()).toMatch(/<\/details>$|<\/pre>$|<\/table>$/)
        }
      ),
      { numRuns: 60 }
    )
  })

  it('gives a 70 KB error a quarter of a comment and the output the rest', async () => {
    const rendered = await renderRunCard(
      card({ error: 'e'.repeat(70_000), output: output('answer\n'.repeat(10_000)) }),
      { format: 'markdown', maxBytes: COMMENT }
    )
    expect(Buffer.byteLength(rendered)).toBeLessThanOrEqual(COMMENT)
    expect(rendered).toContain('[…]</pre>')
    expect(rendered).toMatch(/Output cut: the first \d+ of 70000 bytes are shown/)
  })
})

describe('rendering’s cost', () => {
  it('counts the cells a table asks for, padded to its header’s width', () => {
    const wide = `|${'a|'.repeat(3000)}\n|${'-|'.repeat(3000)}\n${'x\n'.repeat(4000)}`
    expect(tableCells(wide)).toBe(3000 * 4001)
    expect(tableCells('| a | b |\n|---|:-:|\n| 1 | 2 |\n\n| c |\n|---|\n')).toBe(2 * 2 + 1)
    expect(tableCells('no table\n---\nhere')).toBe(0)
  })

  it.each([
    [
      'a 3,000-column header over 4,000 rows',
      `|${'a|'.repeat(3000)}\n|${'-|'.repeat(3000)}\n${'x\n'.repeat(4000)}`
    ],
    [
      'a long link referenced 5,000 times',
      `[a]: http://x/${'y'.repeat(16_000)}\n\n${'[a]'.repeat(5000)}`
    ]
  ])('shows %s as text, saying why', async (_, markdown) => {
    const block = await markdownBlock(markdown, { allowMentions: false, redact: text => text })
    expect(block).toEqual({ tooCostly: expect.stringMatching(/cells|MiB/) })
    const rendered = await renderRunCard(card({ output: output(markdown) }), {
      format: 'markdown',
      maxBytes: SUMMARY
    })
    expect(rendered).toMatch(
      /Shown as text: rendered as Markdown, its (tables would have|HTML would take)/
    )
    expect(Buffer.byteLength(rendered)).toBeLessThanOrEqual(SUMMARY)
  })

  // The pathological inputs of CommonMark's own test suite, at the size a card renders.
  it.each([
    ['nested emphasis', '*a **a '.repeat(4600) + ' a** a*'.repeat(4600)],
    ['unmatched emphasis', 'a* '.repeat(10_000)],
    ['nested block quotes', '>'.repeat(32_000)],
    ['nested lists', '- '.repeat(16_000)],
    ['ordered lists', '1. '.repeat(10_000)],
    ['unclosed links', '[a](<b'.repeat(5_000)],
    ['brackets', `${'['.repeat(16_000)}a${']'.repeat(16_000)}`],
    ['backticks', '`a``'.repeat(8_000)]
  ])('renders %s into a bounded block', async (_, markdown) => {
    const block = await markdownBlock(markdown.slice(0, 32 * 1024), {
      allowMentions: false,
      redact: text => text
    })
    const html = 'html' in block ? block.html : ''
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(2 * 1024 * 1024)
  })
})
