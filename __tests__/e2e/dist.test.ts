import { promises as fs } from 'node:fs'
import { beforeEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { KEY, sentBody, useSimulator } from '../helpers/platform.js'

// The committed bundle, run as the runner runs it: a child process under Node 24 (as
// `using: node24`) and under Node 20.

const sim = useSimulator()
beforeEach(() => {
  sim.configure({
    workflows: {
      'wf-e2e': { inputs: [{ name: 'question', required: true }], run: { durationMs: 300 } }
    }
  })
})

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-e2e',
  inputs: '- name: question\n  value: "Résumé, please"\n',
  'poll-interval': '0.2',
  'max-poll-interval': '0.2',
  ...extra
})

describe.each(actionNodes())('dist/index.js under Node $version', ({ path: node }) => {
  it('runs a workflow to completion and publishes outputs, file and summary', async () => {
    sim.configure({
      workflows: {
        'wf-e2e': { run: { durationMs: 400, output: { answer: 'Première ligne\n第二行 ✓\n' } } }
      },
      variant: { outputShape: 'raw' }
    })
    const result = await runAction({ inputs: inputs(), node })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs['status']).toBe('completed')
    expect(result.outputs['output']).toBe('Première ligne\n第二行 ✓\n')
    expect(await fs.readFile(result.outputs['output-file']!, 'utf8')).toBe(
      'Première ligne\n第二行 ✓\n'
    )
    expect(result.summary).toContain('<table>')
    expect(result.summary).toContain('第二行 ✓')
    expect(result.stdout).toContain(`Started run ${result.outputs['run-id']}`)
    expect(sentBody(sim).inputs).toEqual([
      { name: 'question', type: 'text', value: 'Résumé, please' }
    ])
  })

  it('fails the step with the run’s error, exit code 1', async () => {
    sim.configure({
      workflows: {
        'wf-e2e': { run: { durationMs: 100, outcome: 'failed', error: 'model overloaded' } }
      }
    })
    const result = await runAction({ inputs: inputs(), node })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['status']).toBe('failed')
    expect(result.stdout).toMatch(/::error::Run .+ failed: model overloaded/)
  })

  it('rejects invalid inputs before any request', async () => {
    const result = await runAction({
      inputs: inputs({ timeout: '-3', 'poll-interval': 'fast' }),
      node
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::Invalid inputs \(2\)/)
    expect(sim.requests).toHaveLength(0)
  })

  it('retries the trigger at the concurrency cap and starts exactly one run', async () => {
    sim.injectFault('trigger', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, 3)
    const result = await runAction({ inputs: inputs(), node })
    expect(result.exitCode).toBe(0)
    expect(sim.runs.size).toBe(1)
  })

  it('does not retry an ambiguous trigger failure', async () => {
    sim.injectFault('trigger', { kind: 'reset', createRun: true })
    const result = await runAction({ inputs: inputs(), node })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/run may have started/)
    expect(sim.requests).toHaveLength(1)
  })

  it('times out with status timed_out', async () => {
    sim.configure({ workflows: { 'wf-e2e': { run: { durationMs: 30_000 } } } })
    const result = await runAction({ inputs: inputs({ timeout: '1s' }), node })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['status']).toBe('timed_out')
    // Ends at the 1 s timeout, long before the 30 s run would (generous for a busy machine).
    expect(result.durationMs).toBeLessThan(20_000)
  })

  it('bounds a 600 KiB output and keeps the whole in the file', async () => {
    const big = `${'x'.repeat(100)}\n`.repeat(6200)
    sim.configure({ workflows: { 'wf-e2e': { run: { durationMs: 50, output: big } } } })
    const result = await runAction({ inputs: inputs(), node })
    expect(result.exitCode).toBe(0)
    expect(Buffer.byteLength(result.outputs['output']!)).toBeLessThanOrEqual(512 * 1024)
    expect(await fs.readFile(result.outputs['output-file']!, 'utf8')).toBe(big)
    expect(result.stdout).toMatch(/::warning::/)
  })

  it('never shows the key, even echoed back by the platform with debug on', async () => {
    sim.configure({ variant: { echoKey: true } })
    const result = await runAction({ inputs: inputs(), node, env: { RUNNER_DEBUG: '1' } })
    expect(result.exitCode).toBe(0)
    const file = await fs.readFile(result.outputs['output-file']!, 'utf8')
    const everything = [
      result.stdout,
      result.stderr,
      result.summary,
      result.state,
      file,
      JSON.stringify(result.outputs)
    ]
    expect(everything.join('\n').replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
    expect(result.stdout).toContain('::debug::GET /api/v1/apps/workflow-execution/runs/')
  })

  it('annotates the findings of a review answer and fails on them with fail-on-findings', async () => {
    const findings = [
      { path: 'src/a.ts', line: 3, severity: 'critical', title: 'Unsafe', message: 'Fix this' },
      { path: 'README.md', line: 1, severity: 'info', message: 'Typo' }
    ]
    sim.configure({
      workflows: {
        'wf-e2e': {
          run: { durationMs: 50, output: `\`\`\`json\n${JSON.stringify(findings)}\n\`\`\`` }
        }
      }
    })
    const result = await runAction({
      inputs: inputs({ findings: 'annotations', 'fail-on-findings': 'error' }),
      node
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /^::error title=Unsafe,file=src\/a\.ts,line=3,endLine=3::Fix this$/m
    )
    expect(result.stdout).toMatch(
      /^::notice title=AI finding,file=README\.md,line=1,endLine=1::Typo$/m
    )
    expect(result.stdout).toMatch(
      /::error::1 of 2 finding\(s\) are at error \(fail-on-findings: error\)\./
    )
    expect(result.outputs['findings-count']).toBe('2')
    expect(result.summary).toContain('<strong>Findings:</strong> 2')
  })
})
