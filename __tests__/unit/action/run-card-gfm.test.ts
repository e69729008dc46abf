import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { renderRunCard, type RunCardFacts } from '../../../src/action/run-card.js'
import { renderGfm } from '../../helpers/gfm.js'

// The job summary is GitHub-flavoured Markdown. A card that is rendered "as designed" is one
// the Markdown renderer passes through untouched: every block stays HTML, so no text in it can
// become a heading, a link, an image, a list or code.

/** The card as a renderer that changed nothing gives it back: blocks only lose the blank line between them. */
function untouched(card: string): string {
  // Text inside the card is escaped, so no line of it starts with `<`: only the card's own tags do.
  return card.replace(/\n\n(?=<(?:h3|table|p>|pre>|details|\/details))/g, '\n')
}

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

const facts = (fields: Partial<RunCardFacts>): RunCardFacts => ({
  workflowId: 'wf-1',
  runId: 'run_1',
  threadId: 'thr_1',
  status: 'completed',
  error: undefined,
  output: 'The answer.',
  duration: '1.0',
  outputFile: '/tmp/out.txt',
  ...fields
})

const HOSTILE = [
  '# A heading',
  '',
  '[a link](https://example.com) and ![an image](https://example.com/x.png)',
  '',
  '    indented code showing <b>',
  '',
  '</details>',
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

describe('the run card under a GFM renderer', () => {
  it.each([
    ['the output', { output: HOSTILE }],
    ['the error', { status: 'failed', error: HOSTILE }],
    [
      'the ids and status',
      { runId: HOSTILE, threadId: HOSTILE, workflowId: HOSTILE, status: HOSTILE }
    ],
    ['every field at once', { output: HOSTILE, error: HOSTILE, runId: HOSTILE, threadId: HOSTILE }]
  ])('renders exactly as designed with Markdown and HTML in %s', (_where, fields) => {
    const card = renderRunCard(facts(fields))
    const html = renderGfm(card)
    expect(html).toBe(untouched(card))
    expect(html).not.toMatch(/<(h1|h2|a|img|script|ul|ol|blockquote)\b/)
  })

  it('shows the output and the error verbatim', () => {
    const html = renderGfm(renderRunCard(facts({ output: HOSTILE, error: `E:\n\n${HOSTILE}` })))
    const pres = [...html.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map(match => decode(match[1]!))
    expect(pres).toEqual([`E:\n\n${HOSTILE}`, HOSTILE])
  })

  it('passes any text through untouched (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ maxLength: 100 }),
        fc.string({ maxLength: 40 }),
        (output, error, runId) => {
          const card = renderRunCard(facts({ output, error: error || undefined, runId }))
          expect(renderGfm(card)).toBe(untouched(card))
        }
      ),
      { numRuns: 300 }
    )
  })
})
