import { promises as fs } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { type ResponseVariant } from '../../simulator/index.js'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, sentBody, useSimulator } from '../helpers/platform.js'

const sim = useSimulator()

const base = (): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-test',
  inputs: '{"question": "What changed?"}',
  'poll-interval': '0.2',
  'max-poll-interval': '0.2'
})

function workflow(run: Record<string, unknown>, variant: ResponseVariant = {}): void {
  sim.configure({ workflows: { 'wf-test': { inputs: [{ name: 'question' }], run } }, variant })
}

describe('a run that completes', () => {
  it('sets every output, writes the file and the summary, and logs briefly', async () => {
    workflow({ durationMs: 300, output: 'Line one\nLigne deux: café 東京 🚀\n' })
    const result = await runInProcess(base())
    expect(result.failed).toBe(false)
    const { outputs } = result
    expect(outputs['status']).toBe('completed')
    expect(outputs['run-id']).toMatch(/.+/)
    expect(outputs['thread-id']).toMatch(/.+/)
    expect(outputs['output']).toBe('Line one\nLigne deux: café 東京 🚀\n')
    expect(await fs.readFile(outputs['output-file']!, 'utf8')).toBe(outputs['output'])
    expect(outputs['output-file']!.startsWith(result.runnerTemp)).toBe(true)
    expect(JSON.parse(outputs['result']!)).toMatchObject({ status: 'completed' })
    expect(Number(outputs['duration'])).toBeGreaterThanOrEqual(0.2)
    expect(outputs['error']).toBeUndefined()
    expect(result.summary).toContain(outputs['run-id'])
    expect(result.summary).toContain('completed')
    expect(result.summary).toContain('café 東京 🚀')
    expect(result.log).toContain(`Started run ${outputs['run-id']} of workflow wf-test`)
    expect(result.log).toMatch(/is completed after \d+\.\d s/)
    // quiet when things go well: a handful of visible lines (debug lines are hidden by the runner)
    const visible = result.log
      .split('\n')
      .filter(l => l.trim() !== '' && !l.startsWith('::debug::'))
    expect(visible.length).toBeLessThanOrEqual(6)
    expect(result.log).not.toMatch(/::(warning|error)/)
  })

  it('sends a thread id and reports the thread', async () => {
    workflow({ durationMs: 50 })
    const result = await runInProcess({ ...base(), 'thread-id': 'thr_given' })
    expect(sentBody(sim).thread_id).toBe('thr_given')
    expect(result.outputs['thread-id']).toBe('thr_given')
  })

  it('sends a file input as a data: URL', async () => {
    workflow({ durationMs: 50 })
    sim.configure({ workflows: { 'wf-test': { inputs: [{ name: 'doc', type: 'file' }] } } })
    const result = await runInProcess(
      { ...base(), inputs: '- {name: doc, type: file, path: docs/a.txt}' },
      { workspaceFiles: { 'docs/a.txt': 'hello file' } }
    )
    expect(result.failed).toBe(false)
    const sent = sentBody(sim).inputs
    expect(sent).toEqual([
      {
        name: 'doc',
        type: 'file',
        value: `data:text/plain;base64,${Buffer.from('hello file').toString('base64')}`
      }
    ])
  })

  const variants: Array<[string, ResponseVariant, string]> = [
    [
      'data envelope, id, alternate status',
      { envelope: 'data', idField: 'id', statusStyle: 'alternate' },
      'Hi'
    ],
    [
      'run envelope, execution_id, UPPER',
      { envelope: 'run', idField: 'execution_id', statusCase: 'upper' },
      'Hi'
    ],
    ['outputs field with text object', { outputField: 'outputs', outputShape: 'text' }, 'Hi'],
    ['result field with answer object', { outputField: 'result', outputShape: 'answer' }, 'Hi'],
    ['content object, Title case', { outputShape: 'content', statusCase: 'title' }, 'Hi'],
    ['message object', { outputShape: 'message' }, 'Hi'],
    ['one named value', { outputShape: 'list-one' }, 'Hi']
  ]
  it.each(variants)('reads the response variant: %s', async (_name, variant, expected) => {
    workflow({ durationMs: 100, output: 'Hi' }, variant)
    const result = await runInProcess(base())
    expect(result.failed).toBe(false)
    expect(result.outputs['status']).toBe('completed')
    expect(result.outputs['output']).toBe(expected)
  })

  it('gives JSON for an output it cannot reduce to text', async () => {
    workflow({ durationMs: 50, output: 'Hi' }, { outputShape: 'list-many' })
    const result = await runInProcess(base())
    expect(JSON.parse(result.outputs['output']!)).toEqual(
      expect.arrayContaining([{ name: 'answer', value: 'Hi' }])
    )
  })

  it('bounds a large output at 512 KiB on a character boundary, keeping the whole in the file', async () => {
    const big = 'é€😀 ligne\n'.repeat(40_000) // ~ 640 KB of multi-byte text
    workflow({ durationMs: 50, output: big })
    const result = await runInProcess(base())
    const output = result.outputs['output']!
    expect(Buffer.byteLength(output)).toBeLessThanOrEqual(512 * 1024)
    expect(output).not.toContain('\uFFFD')
    expect(output).toMatch(
      /\[output truncated: \d+ bytes, limit 524288 bytes; the whole output is in .+\]$/
    )
    expect(await fs.readFile(result.outputs['output-file']!, 'utf8')).toBe(big)
    expect(result.log).toMatch(/::warning::.*larger than 524288 bytes.*ai-planet-run-/)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
  })

  it('writes the output where `output-file` says, relative to the workspace', async () => {
    workflow({ durationMs: 50, output: 'to a file' })
    const result = await runInProcess({ ...base(), 'output-file': 'out/answer.md' })
    expect(result.outputs['output-file']).toBe(`${result.workspace}/out/answer.md`)
    expect(await fs.readFile(`${result.workspace}/out/answer.md`, 'utf8')).toBe('to a file')
  })
})

describe('a run that does not complete', () => {
  it('fails the step with the run’s own error and still sets the outputs', async () => {
    workflow({ durationMs: 100, outcome: 'failed', error: 'Node "LLM" failed: context too long' })
    const result = await runInProcess(base())
    expect(result.failed).toBe(true)
    expect(result.outputs['status']).toBe('failed')
    expect(result.outputs['run-id']).toMatch(/.+/)
    expect(result.outputs['error']).toBe('Node "LLM" failed: context too long')
    expect(result.log).toMatch(/::error::Run .+ failed: Node "LLM" failed: context too long/)
    expect(result.summary).toContain('context too long')
  })

  it('reads the error from every documented field', async () => {
    for (const errorField of ['error-object', 'error_message', 'detail', 'message'] as const) {
      workflow(
        { durationMs: 20, outcome: 'failed', error: `boom via ${errorField}` },
        { errorField }
      )
      const result = await runInProcess(base())
      expect(result.outputs['error']).toBe(`boom via ${errorField}`)
    }
  })

  it('leaves the step green with fail-on-error false, warning instead', async () => {
    workflow({ durationMs: 50, outcome: 'failed', error: 'bad' })
    const result = await runInProcess({ ...base(), 'fail-on-error': 'false' })
    expect(result.failed).toBe(false)
    expect(result.outputs['status']).toBe('failed')
    expect(result.log).toMatch(/::warning::Run .+ failed: bad/)
  })

  it('reports a cancelled run as cancelled', async () => {
    workflow({ durationMs: 50, outcome: 'cancelled' })
    const result = await runInProcess(base())
    expect(result.failed).toBe(true)
    expect(result.outputs['status']).toBe('cancelled')
  })

  it('gives up at `timeout` with status timed_out', async () => {
    workflow({ durationMs: 60_000 })
    const started = Date.now()
    const result = await runInProcess({ ...base(), timeout: '1' })
    // About behaviour, not speed: it stops long before the 60 s run would end.
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(result.failed).toBe(true)
    expect(result.outputs['status']).toBe('timed_out')
    expect(result.outputs['error']).toMatch(
      /Gave up waiting for run .+ after 1\.0 s.*Raise `timeout`/
    )
    expect(result.outputs['run-id']).toMatch(/.+/)
  })

  it('triggers only, with wait false', async () => {
    workflow({ durationMs: 5000 })
    const result = await runInProcess({ ...base(), wait: 'false' })
    expect(result.failed).toBe(false)
    expect(result.outputs['status']).toBe('pending')
    expect(result.outputs['output']).toBeUndefined()
    expect(sim.requests).toHaveLength(1)
  })
})

describe('errors', () => {
  it('reports every invalid input at once and sends nothing', async () => {
    const result = await runInProcess({
      'api-key': KEY,
      'base-url': 'http://example.com',
      timeout: 'soon',
      retries: 'many',
      inputs: '[{"type": "video"}]'
    })
    expect(result.failed).toBe(true)
    expect(sim.requests).toHaveLength(0)
    const message = result.outputs['error']!
    for (const name of ['workflow-id', 'base-url', 'timeout', 'retries', 'inputs']) {
      expect(message).toContain(`\`${name}\``)
    }
  })

  it.each([
    ['a bad key', {}, { 'api-key': 'sk-unknown-0000000000' }, /rejected the API key/],
    [
      'a key without the trigger permission',
      { keys: { [KEY]: ['read' as const] } },
      {},
      /not allowed to trigger/
    ],
    [
      'an unknown workflow',
      {},
      { 'workflow-id': 'wf-unknown' },
      /Workflow 'wf-unknown' was not found/
    ]
  ])('fails with a precise message for %s', async (_name, options, overrides, pattern) => {
    workflow({})
    sim.configure(options)
    const result = await runInProcess({ ...base(), ...overrides })
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(pattern)
    expect(result.log).toMatch(new RegExp(`::error::.*${pattern.source}`))
    expect(sim.requests).toHaveLength(1)
  })

  it('lists the invalid inputs the platform names', async () => {
    sim.configure({ workflows: { 'wf-test': { inputs: [{ name: 'question', required: true }] } } })
    const result = await runInProcess({ ...base(), inputs: '{"topic": "x"}' })
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(/HTTP 422/)
    expect(result.outputs['error']).toMatch(/input 'question'/)
    expect(result.outputs['error']).toMatch(/input 'topic'/)
  })

  it('says a run may have started after an ambiguous trigger failure', async () => {
    workflow({})
    sim.injectFault('trigger', { kind: 'status', status: 502, createRun: true })
    const result = await runInProcess(base())
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(/HTTP 502.*\n.*run may have started/s)
    expect(sim.runs.size).toBe(1)
    expect(sim.requests).toHaveLength(1)
  })
})

describe('the API key', () => {
  it('appears nowhere, even when the platform echoes it and debug logging is on', async () => {
    workflow({ durationMs: 50, output: 'Answer' }, { echoKey: true })
    const ok = await runInProcess(base(), { env: { RUNNER_DEBUG: '1' } })
    expect(ok.outputs['output']).toContain('***')
    expect(ok.log).toContain('::debug::POST /api/v1/apps/workflow-execution/trigger -> 201')

    const wrongKey = 'sk-wrong-key-5551234567'
    const rejected = await runInProcess(
      { ...base(), 'api-key': wrongKey },
      { env: { RUNNER_DEBUG: '1' } }
    )
    expect(rejected.failed).toBe(true)
    expect(rejected.outputs['error']).toMatch(/rejected the API key/)

    for (const [result, key] of [
      [ok, KEY],
      [rejected, wrongKey]
    ] as const) {
      const everything = [
        result.log,
        result.summary,
        JSON.stringify(result.outputs),
        result.outputs['output-file']
          ? await fs.readFile(result.outputs['output-file'], 'utf8')
          : ''
      ].join('\n')
      // The one allowed appearance: the mask command that tells the runner to hide it.
      expect(everything.replace(`::add-mask::${key}`, '')).not.toContain(key)
    }
  })
})

describe('publishing', () => {
  it('still reports the run when the output file cannot be written', async () => {
    workflow({ durationMs: 50, output: 'Answer' })
    const result = await runInProcess({ ...base(), 'output-file': '.' })
    expect(result.failed).toBe(false)
    expect(result.outputs['run-id']).toMatch(/^run_/)
    expect(result.outputs['status']).toBe('completed')
    expect(result.outputs['output-file']).toBeUndefined()
    expect(result.log).toMatch(/::warning::Could not write the output file/)
  })
})
