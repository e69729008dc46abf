import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { renderRunCard, type RunCardFacts } from '../../../../src/action/publish/run-card.js'
import { renderGfm } from '../../../helpers/gfm.js'

// The job summary and comments are GitHub-flavoured Markdown. The card's frame (its facts, its
// error, its output block) is HTML that a Markdown renderer must pass through untouched, so
// that no text in it can become a heading, a link, an image, or end the card early. Checked
// with a real CommonMark/GFM renderer.

/** The card as a renderer that changed nothing gives it back: blocks lose the blank line between them. */
function untouched(card: string): string {
  // Text inside the card is escaped, so no line of it starts with `<`: only the card's own tags do.
  return card.replace(/\n\n(?=<(?:!--|h3|table|p>|pre>|div>|details|\/details))/g, '\n')
}

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

const facts = (fields: Partial<RunCardFacts>, output = 'The answer.'): RunCardFacts => ({
  workflowId: 'wf-1',
  runId: 'run_1',
  threadId: 'thr_1',
  status: 'completed',
  error: undefined,
  output: { head: output, totalBytes: Buffer.byteLength(output), file: '/tmp/out.txt' },
  duration: '1.0',
  ...fields
})

const HOSTILE = [
  '# A heading',
  '',
  '[a link](https://example.com) and ![an image](https://example.com/x.png)',
  '',
  '    indented code showing <b>',
  '',
  '</details></div>',
  '',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '',
  '| a | b |',
  '|---|---|',
  '',
  '```',
  'a fence',
  '```',
  '*emphasis* ~~struck~~ https://autolink.example.com',
  '- a list',
  '> a quote',
  '&amp; &lt; entities, a \\ backslash, </pre> and <pre>',
  '',
  ''
].join('\n')

const options = { format: 'markdown' as const, maxBytes: 1024 * 1024 }

describe('the run card under a GFM renderer', () => {
  it.each([
    ['the error', { status: 'failed', error: HOSTILE }],
    [
      'the ids and status',
      { runId: HOSTILE, threadId: HOSTILE, workflowId: HOSTILE, status: HOSTILE }
    ],
    ['every field at once', { error: HOSTILE, runId: HOSTILE, threadId: HOSTILE }]
  ])('keeps its frame whatever is in %s', async (_where, fields) => {
    const card = await renderRunCard(facts(fields, HOSTILE), options)
    const html = renderGfm(card)
    expect(html).toBe(untouched(card))
    expect(html).not.toMatch(/<script|<img src=x/)
  })

  it('shows the error verbatim', async () => {
    const html = renderGfm(await renderRunCard(facts({ error: `E:\n\n${HOSTILE}` }), options))
    const pre = /<pre>([\s\S]*?)<\/pre>/.exec(html)?.[1]
    expect(decode(pre ?? '')).toBe(`E:\n\n${HOSTILE}`)
  })

  it('markdown: renders the output, its raw HTML shown, and passes untouched (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async output => {
        const card = await renderRunCard(facts({}, output), options)
        const html = renderGfm(card)
        expect(html).toBe(untouched(card))
        expect(html.match(/<\/details>/g)).toHaveLength(1)
      }),
      { numRuns: 300 }
    )
  })

  it('text: shows the output verbatim inside one code block (property)', async () => {
    const lines = fc.array(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('```', '````', '</details>', '~~~', '    x', '# h')
      ),
      { maxLength: 12 }
    )
    await fc.assert(
      fc.asyncProperty(lines, async parts => {
        // CommonMark reads CR as a line end and NUL as U+FFFD: the text is compared as it reads them.
        const output = parts.join('\n').replace(/[\r\0]/g, '')
        const card = await renderRunCard(facts({}, output), { ...options, format: 'text' })
        const html = renderGfm(card)
        const blocks = [
          ...html.matchAll(/<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/g)
        ]
        expect(blocks).toHaveLength(1)
        const expected = output === '' || output.endsWith('\n') ? output : `${output}\n`
        expect(decode(blocks[0]![1]!)).toBe(expected)
        expect(html.trimEnd().endsWith('</details>')).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
