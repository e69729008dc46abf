import { describe, expect, it } from '@jest/globals'
import { escapeHtml } from '../../../../src/action/publish/html.js'
import { renderRunCard, type RunCardFacts } from '../../../../src/action/publish/run-card.js'
import { renderGfm } from '../../../helpers/gfm.js'

const ONE_MIB = 1024 * 1024

function facts(fields: Partial<RunCardFacts> = {}, output = 'The answer is 4.'): RunCardFacts {
  return {
    workflowId: 'wf-123',
    runId: 'run-42',
    threadId: 'thread-7',
    status: 'completed',
    error: undefined,
    output: { head: output, totalBytes: Buffer.byteLength(output), file: '/tmp/out.txt' },
    duration: '12.3',
    ...fields
  }
}

const text = { format: 'text' as const, maxBytes: ONE_MIB }
const markdown = { format: 'markdown' as const, maxBytes: ONE_MIB }

describe('renderRunCard', () => {
  it('shows the workflow, run, thread, status and duration', async () => {
    const card = await renderRunCard(facts(), markdown)
    expect(card).toContain('<code>wf-123</code>')
    expect(card).toContain('<code>run-42</code>')
    expect(card).toContain('<code>thread-7</code>')
    expect(card).toContain('✅ completed')
    expect(card).toContain('12.3 s')
    expect(card).toContain('<p>The answer is 4.</p>')
    expect(card).not.toContain('Error')
  })

  it('shows dashes for what is not known', async () => {
    const card = await renderRunCard(
      {
        ...facts(),
        runId: undefined,
        threadId: undefined,
        status: undefined,
        duration: undefined,
        output: undefined
      },
      text
    )
    expect(card).toContain('not started')
    expect(card).toMatch(/<th align="left">Run<\/th><td>—<\/td>/)
    expect(card).toMatch(/<th align="left">Duration<\/th><td>—<\/td>/)
    expect(card).not.toContain('<details')
  })

  it.each(['failed', 'cancelled', 'timed_out', 'running', 'pending'])(
    'shows the status %s',
    async status => {
      expect(await renderRunCard(facts({ status }), text)).toContain(status)
    }
  )

  it('renders a Markdown output as Markdown, its raw HTML shown as text', async () => {
    const card = await renderRunCard(
      facts({}, '# Title\n\n- one\n- **two**\n\n<script>alert(1)</script> <b>bold?</b>\n'),
      markdown
    )
    const html = renderGfm(card)
    expect(html).toContain('<h1>Title</h1>')
    expect(html).toContain('<li><strong>two</strong></li>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold?&lt;/b&gt;')
    expect(html).not.toMatch(/<script|<b>/)
  })

  it('shows a text output verbatim in a fence longer than any backtick run in it', async () => {
    const output = 'code: ```js\nx()\n```\n````\n<b>not bold</b>\n'
    const card = await renderRunCard(facts({}, output), text)
    expect(card).toContain('`````text\n')
    const html = renderGfm(card)
    const code = /<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1]
    expect(code?.replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toBe(output)
  })

  it('escapes HTML in the facts and the error', async () => {
    const card = await renderRunCard(
      facts({
        workflowId: '<b>wf</b>',
        runId: 'r<1>',
        status: 'failed',
        error: 'bad <img src=x onerror=alert(1)>'
      }),
      text
    )
    expect(card).toContain('<code>&lt;b&gt;wf&lt;/b&gt;</code>')
    expect(card).toContain('<code>r&lt;1&gt;</code>')
    expect(card).toContain('<pre>bad &lt;img src=x onerror=alert(1)&gt;</pre>')
    expect(renderGfm(card)).not.toMatch(/<img|<b>/)
  })

  it('collapses a long output and leaves a short one open', async () => {
    expect(await renderRunCard(facts(), text)).toContain('<details open>')
    const long = await renderRunCard(facts({}, 'line\n'.repeat(100)), text)
    expect(long).toContain('<details><summary>')
  })

  it.each([
    ['the summary', 900 * 1024, 'markdown' as const],
    ['a comment', 60_000, 'markdown' as const],
    ['a comment', 60_000, 'text' as const]
  ])(
    'cuts a long output to fit %s (%d bytes, %s), saying where the whole is',
    async (_where, maxBytes, format) => {
      const output = '## Part\n\nSome words & <tags>, `code`, **bold**. 😀\n\n'.repeat(40_000)
      const card = await renderRunCard(facts({}, output), { format, maxBytes })
      expect(Buffer.byteLength(card)).toBeLessThanOrEqual(maxBytes)
      expect(card).toMatch(
        /Output cut: the first \d+ of \d+ bytes are shown\. The whole output is in <code>\/tmp\/out\.txt<\/code>/
      )
      expect(card).not.toContain('\uFFFD')
      // Still one card: the details block is closed, and nothing after it.
      expect(renderGfm(card).trimEnd().endsWith('</details>')).toBe(true)
    }
  )

  it('says so when the head it was given is not the whole output', async () => {
    const card = await renderRunCard(
      { ...facts(), output: { head: 'start', totalBytes: 10_000_000, file: '/o.txt' } },
      text
    )
    expect(card).toContain('the first 5 of 10000000 bytes are shown')
  })

  it('stays under 1 MiB when the error is huge', async () => {
    const card = await renderRunCard(
      facts({ status: 'failed', error: '<'.repeat(5_000_000) }),
      text
    )
    expect(Buffer.byteLength(card)).toBeLessThan(ONE_MIB)
    expect(card).toContain('[…]</pre>')
  })

  it('puts a marker first when asked', async () => {
    const card = await renderRunCard(facts(), { ...text, marker: '<!-- marker -->' })
    expect(card.startsWith('<!-- marker -->\n\n<h3>')).toBe(true)
  })
})

describe('escapeHtml', () => {
  it('escapes &, <, > and "', () => {
    expect(escapeHtml('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;')
  })
})
