import { describe, expect, it } from '@jest/globals'
import {
  escapeHtml,
  MAX_SUMMARY_OUTPUT_BYTES,
  renderRunCard,
  type RunCardFacts
} from '../../../src/action/run-card.js'

const ONE_MIB = 1024 * 1024

type CardState = Omit<RunCardFacts, 'duration' | 'outputFile'>

function state(fields: Partial<CardState> = {}): CardState {
  return {
    workflowId: 'wf-123',
    runId: 'run-42',
    threadId: 'thread-7',
    status: 'completed',
    error: undefined,
    output: 'The answer is 4.',
    ...fields
  }
}

function renderRunSummary(card: {
  state: Partial<CardState>
  duration: string | undefined
  outputFile: string | undefined
}): string {
  return renderRunCard({
    workflowId: undefined,
    runId: undefined,
    threadId: undefined,
    status: undefined,
    error: undefined,
    output: undefined,
    ...card.state,
    duration: card.duration,
    outputFile: card.outputFile
  })
}

describe('renderRunCard', () => {
  it('shows the workflow, run, thread, status and duration', () => {
    const card = renderRunSummary({ state: state(), duration: '12.3', outputFile: undefined })
    expect(card).toContain('<code>wf-123</code>')
    expect(card).toContain('<code>run-42</code>')
    expect(card).toContain('<code>thread-7</code>')
    expect(card).toContain('completed')
    expect(card).toContain('12.3 s')
    expect(card).toContain('The answer is 4.')
    expect(card).not.toContain('Error')
  })

  it('shows dashes for what is not known', () => {
    const card = renderRunSummary({
      state: { workflowId: 'wf-1' },
      duration: undefined,
      outputFile: undefined
    })
    expect(card).toContain('not started')
    expect(card).toMatch(/<th align="left">Run<\/th><td>—<\/td>/)
    expect(card).toMatch(/<th align="left">Duration<\/th><td>—<\/td>/)
    expect(card).not.toContain('<details')
  })

  it.each(['failed', 'cancelled', 'timed_out', 'running', 'pending'] as const)(
    'shows the status %s',
    status => {
      const card = renderRunSummary({
        state: state({ status }),
        duration: '1.0',
        outputFile: undefined
      })
      expect(card).toContain(status)
    }
  )

  it('escapes HTML in the output', () => {
    const card = renderRunSummary({
      state: state({ output: '<script>alert("x")</script> & more' }),
      duration: '1.0',
      outputFile: undefined
    })
    expect(card).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more')
    expect(card).not.toContain('<script>')
  })

  it('escapes HTML in the facts and the error', () => {
    const card = renderRunSummary({
      state: state({
        workflowId: '<b>wf</b>',
        runId: 'r<1>',
        status: 'failed',
        error: 'bad <img src=x onerror=alert(1)>'
      }),
      duration: '1.0',
      outputFile: '/tmp/<out>.txt'
    })
    expect(card).toContain('<code>&lt;b&gt;wf&lt;/b&gt;</code>')
    expect(card).toContain('<code>r&lt;1&gt;</code>')
    expect(card).toContain('bad &lt;img src=x onerror=alert(1)&gt;')
    expect(card).not.toContain('<img')
    expect(card).not.toContain('<b>')
  })

  it('shows the error', () => {
    const card = renderRunSummary({
      state: state({ status: 'failed', output: undefined, error: 'The workflow crashed.' }),
      duration: '3.0',
      outputFile: undefined
    })
    expect(card).toContain('Error')
    expect(card).toContain('<pre>The workflow crashed.</pre>')
  })

  it('truncates output over 256 KiB, naming the output file', () => {
    const output = 'a'.repeat(300 * 1024)
    const card = renderRunSummary({
      state: state({ output }),
      duration: '1.0',
      outputFile: '/runner/temp/ai-planet-run-run-42.txt'
    })
    expect(card).toContain('Output truncated here')
    expect(card).toContain('<code>/runner/temp/ai-planet-run-run-42.txt</code>')
    const shown = /<pre>(a*)<\/pre>/.exec(card)?.[1] ?? ''
    expect(shown.length).toBe(MAX_SUMMARY_OUTPUT_BYTES)
    expect(Buffer.byteLength(card)).toBeLessThan(ONE_MIB)
  })

  it('does not truncate output at the limit', () => {
    const output = 'a'.repeat(MAX_SUMMARY_OUTPUT_BYTES)
    const card = renderRunSummary({
      state: state({ output }),
      duration: '1.0',
      outputFile: '/o.txt'
    })
    expect(card).toContain(`<pre>${output}</pre>`)
    expect(card).not.toContain('truncated')
  })

  it('stays under 1 MiB for 5 MB of characters that escape to four times their size', () => {
    const output = '<'.repeat(5_000_000)
    const card = renderRunSummary({
      state: state({ output }),
      duration: '1.0',
      outputFile: '/o.txt'
    })
    expect(card).toContain('Output truncated here')
    expect(Buffer.byteLength(card)).toBeLessThan(ONE_MIB)
    expect(card).not.toContain('&lt&')
    expect(card).toMatch(/(&lt;)+<\/pre>/)
  })

  it('never cuts a multi-byte character or an escape in two', () => {
    const output = '😀&'.repeat(200_000)
    const card = renderRunSummary({
      state: state({ output }),
      duration: '1.0',
      outputFile: '/o.txt'
    })
    expect(card).not.toContain('\uFFFD')
    expect(card).toMatch(/(😀&amp;)+(😀)?<\/pre>/)
    expect(Buffer.byteLength(card)).toBeLessThan(ONE_MIB)
  })

  it('stays under 1 MiB when the error is huge', () => {
    const card = renderRunSummary({
      state: state({ status: 'failed', error: '<'.repeat(5_000_000) }),
      duration: '1.0',
      outputFile: '/o.txt'
    })
    expect(Buffer.byteLength(card)).toBeLessThan(ONE_MIB)
  })
})

describe('escapeHtml', () => {
  it('escapes &, <, > and "', () => {
    expect(escapeHtml('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;')
  })
})
