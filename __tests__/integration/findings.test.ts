import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { commandViolations } from '../helpers/step.js'

// Findings in the run's output as annotations, outputs, a table in the card and a gate,
// through run() with real @actions/core (docs/findings.md).

const sim = useSimulator()

const finding = (i: number, severity: string) => ({
  path: `src/file${i}.ts`,
  line: i + 1,
  severity,
  title: `Finding ${i}`,
  message: `Something to fix in file ${i}`
})
const MANY = [
  ...Array.from({ length: 12 }, (_, i) => finding(i, 'high')),
  ...Array.from({ length: 12 }, (_, i) => finding(100 + i, 'medium')),
  finding(200, 'info')
]
const answer = (findings: unknown[]) =>
  `Review done.\n\n\`\`\`json\n${JSON.stringify({ findings })}\n\`\`\`\n`

async function step(output: string, extra: Record<string, string> = {}) {
  sim.configure({ workflows: { 'wf-review': { run: { durationMs: 50, output } } } })
  return runInProcess({
    'api-key': KEY,
    'base-url': sim.url,
    'workflow-id': 'wf-review',
    inputs: 'question: review',
    'poll-interval': '0.2',
    findings: 'annotations',
    ...extra
  })
}

const lines = (log: string, command: string) =>
  log.split('\n').filter(line => line.startsWith(`::${command} `))

describe('findings: annotations', () => {
  it('annotates as many findings as a step shows, most severe first, and lists all in the card', async () => {
    const result = await step(answer(MANY))
    expect(result.failed).toBe(false)
    expect(lines(result.log, 'error')).toHaveLength(9)
    expect(lines(result.log, 'warning')).toHaveLength(9)
    expect(lines(result.log, 'notice')).toHaveLength(1)
    const first = lines(result.log, 'error')[0] ?? ''
    expect(first).toMatch(/::Something to fix in file 0$/)
    for (const property of ['file=src/file0.ts', 'line=1', 'endLine=1', 'title=Finding 0']) {
      expect(first.split('::')[1]?.split(/[ ,]/)).toContain(property.split(' ')[0])
    }
    expect(result.log).toMatch(/6 more finding\(s\) than a step can show as annotations/)
    expect(result.outputs['findings-count']).toBe('25')
    const listed = JSON.parse(result.outputs['findings'] ?? '[]') as Array<{ path: string }>
    expect(listed).toHaveLength(25)
    expect(result.summary).toContain(
      '<strong>Findings:</strong> 25 (12 errors, 12 warnings, 1 notices)'
    )
    expect(result.summary).toContain('<code>src/file111.ts:112</code>')
  })

  it('fails the step, after publishing, when fail-on-findings trips', async () => {
    const result = await step(answer(MANY), { 'fail-on-findings': 'error' })
    expect(result.failed).toBe(true)
    expect(result.outputs['status']).toBe('completed')
    expect(result.log).toMatch(
      /::error::12 of 25 finding\(s\) are at error \(fail-on-findings: error\)\./
    )
    const warned = await step(answer([finding(1, 'low')]), { 'fail-on-findings': 'error' })
    expect(warned.failed).toBe(false)
    const strict = await step(answer([finding(1, 'low')]), { 'fail-on-findings': 'warning' })
    expect(strict.failed).toBe(true)
  })

  it('says, without failing, that an answer holds no findings', async () => {
    const result = await step('Looks good to me.', { 'fail-on-findings': 'notice' })
    expect(result.failed).toBe(false)
    expect(result.outputs['findings-count']).toBe('0')
    expect(result.log).toMatch(/holds no findings/)
  })

  it('reads nothing and sets no findings output when not asked', async () => {
    const result = await step(answer(MANY), { findings: 'off' })
    expect(result.outputs['findings']).toBeUndefined()
    expect(lines(result.log, 'error')).toHaveLength(0)
    expect(result.summary).not.toContain('Findings:')
  })

  it('keeps hostile findings inert and the key out', async () => {
    const hostile = {
      path: 'src/a,b::c.ts',
      line: 1,
      severity: 'error',
      title: `::set-output name=x::y ${KEY}`,
      message: `line one\n::add-mask::x\n##[set-output name=y;]z @org/team ${KEY}`
    }
    const result = await step(answer([hostile]))
    expect(commandViolations(result.log, KEY)).toEqual([])
    expect(result.log.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
    expect(result.outputs['findings']).not.toContain(KEY)
    expect(result.summary).not.toContain(KEY)
  })

  it('keeps the card within its budget with 2,000 findings', async () => {
    const result = await step(answer(Array.from({ length: 2000 }, (_, i) => finding(i, 'low'))))
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(900 * 1024)
    expect(result.summary).toMatch(
      /… and \d+ more \(the <code>findings<\/code> output has them all\)/
    )
    // Read up to 1,000, the rest counted.
    expect(result.outputs['findings-count']).toBe('1000')
  })
})
