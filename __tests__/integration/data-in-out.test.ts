import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { commandViolations } from '../helpers/step.js'

// Data in and out, through run() with real @actions/core against the simulator: text inputs
// from files, named outputs, JSON checked against a schema, usage, and a link to the run.

const sim = useSimulator()

async function step(
  run: { output?: unknown; usage?: Record<string, unknown>; outputShape?: 'raw' },
  inputs: Record<string, string> = {},
  workspaceFiles?: Record<string, string | Buffer>,
  stream = false
) {
  // Lists and objects go as they are: several named outputs, or JSON.
  sim.configure({
    workflows: { 'wf-data': { run: { durationMs: 30, outputShape: 'raw', ...run } } }
  })
  return runInProcess(
    {
      'api-key': KEY,
      'base-url': sim.url,
      'workflow-id': 'wf-data',
      inputs: 'question: go',
      'poll-interval': '0.2',
      ...(stream ? { stream: 'true' } : {}),
      ...inputs
    },
    { workspaceFiles }
  )
}

const NAMED = [
  { name: 'summary', value: 'Two fixes.' },
  { name: 'notes', value: { text: '## Notes\n- a\n- b' } },
  { name: 'data', value: { version: '1.2.0', breaking: false } }
]

describe('text from a file', () => {
  it('sends the file’s text as the input’s value', async () => {
    const log = '- feat: café (1a2b)\n- fix: 東京 🚀 (3c4d)\n'
    const result = await step(
      {},
      { inputs: '- name: question\n  value: notes\n- name: changes\n  path: git.log' },
      { 'git.log': log }
    )
    expect(result.failed).toBe(false)
    const trigger = sim.requests.find(r => r.method === 'POST')
    expect((JSON.parse(trigger?.body ?? '{}') as { inputs: unknown[] }).inputs).toEqual([
      { name: 'question', type: 'text', value: 'notes' },
      { name: 'changes', type: 'text', value: log }
    ])
  })

  it('refuses a file that is not UTF-8 before any request', async () => {
    const result = await step(
      {},
      { inputs: '- name: changes\n  type: text\n  path: bad.txt' },
      { 'bad.txt': Buffer.from([0x61, 0x62, 0xff, 0x63]) }
    )
    expect(result.failed).toBe(true)
    expect(result.log).toContain("entry 'changes': 'bad.txt' is not valid UTF-8 text (at byte 2)")
    expect(sim.requests).toHaveLength(0)
  })
})

describe('named outputs', () => {
  it('sets outputs to every named value, and output as today', async () => {
    for (const stream of [false, true]) {
      const result = await step({ output: NAMED }, {}, undefined, stream)
      expect(result.failed).toBe(false)
      expect(JSON.parse(result.outputs['outputs'] ?? '{}')).toEqual({
        summary: 'Two fixes.',
        notes: '## Notes\n- a\n- b',
        data: '{\n  "version": "1.2.0",\n  "breaking": false\n}'
      })
      expect(result.outputs['output']).toBe(JSON.stringify(NAMED, null, 2))
    }
  })

  it('makes the named value output-name chooses the output, the card’s and the findings’', async () => {
    const findings = '```json\n[{"path": "a.ts", "line": 3, "message": "m"}]\n```'
    for (const stream of [false, true]) {
      const result = await step(
        { output: { summary: 'short', review: findings } },
        { 'output-name': 'review', findings: 'annotations' },
        undefined,
        stream
      )
      expect(result.failed).toBe(false)
      expect(result.outputs['output']).toBe(findings)
      expect(result.outputs['findings-count']).toBe('1')
      expect(result.summary).toContain('language-json')
    }
  })

  it('fails, listing the names, when output-name names none of them', async () => {
    const result = await step({ output: NAMED }, { 'output-name': 'sumary' })
    expect(result.failed).toBe(true)
    expect(result.outputs['status']).toBe('completed')
    expect(result.log).toContain(
      "::error::The run has no output named 'sumary'; it has 3: 'summary', 'notes', 'data'. Set `output-name` to one of them."
    )
    const plain = await step({ output: 'just text' }, { 'output-name': 'summary' })
    expect(plain.failed).toBe(true)
    expect(plain.log).toContain("but the run's output is not made of named values")
  })
})

describe('named outputs, from a hostile platform', () => {
  it('reads a named value over 512 KiB whole, not as a placeholder', async () => {
    const big = 'x'.repeat(600_000)
    const result = await step(
      {
        output: [
          { name: 'answer', value: big },
          { name: 'b', value: 'B' }
        ]
      },
      { 'output-name': 'answer' }
    )
    expect(result.failed).toBe(false)
    expect(result.outputs['output']?.startsWith('xxxxxxxx')).toBe(true)
    expect(result.outputs['outputs']).not.toContain('large-json:')
    expect(result.outputs['output']).not.toContain('large-json:')
  })

  it('never shows part of the key in the names it lists', async () => {
    const result = await step(
      { output: { [`${'a'.repeat(77)}${KEY}`]: 'x' } },
      { 'output-name': 'nope' }
    )
    expect(result.failed).toBe(true)
    for (const text of [result.log, result.outputs['error'] ?? '', result.summary]) {
      expect(text.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY.slice(0, 12))
    }
  })
})

describe('output-schema', () => {
  const SCHEMA = JSON.stringify({
    type: 'object',
    required: ['version', 'notes'],
    additionalProperties: false,
    properties: {
      version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
      notes: { type: 'array', items: { type: 'string' }, maxItems: 3 },
      date: { type: 'string', format: 'date' }
    }
  })

  it('sets json, compact, from the output or its one json block', async () => {
    const answer = 'Here:\n\n```json\n{\n  "version": "1.2.0",\n  "notes": ["a"]\n}\n```\n'
    const result = await step({ output: answer }, { 'output-schema': SCHEMA })
    expect(result.failed).toBe(false)
    expect(result.outputs['json']).toBe('{"version":"1.2.0","notes":["a"]}')
  })

  it('reads a schema from a YAML file in the workspace', async () => {
    const result = await step(
      { output: '{"version": "1.2.0", "notes": []}' },
      { 'output-schema': 'schemas/notes.yml' },
      {
        'schemas/notes.yml':
          '$schema: http://json-schema.org/draft-07/schema#\ntype: object\nrequired: [version]\n'
      }
    )
    expect(result.failed).toBe(false)
    expect(result.outputs['json']).toBe('{"version":"1.2.0","notes":[]}')
  })

  it('fails on a mismatch, listing each place as a JSON pointer, in the error, the log and the card', async () => {
    const output = JSON.stringify({
      version: 'v1',
      notes: ['a', 2, 'c', 'd'],
      date: 'yesterday',
      extra: true
    })
    const result = await step({ output }, { 'output-schema': SCHEMA })
    expect(result.failed).toBe(true)
    expect(result.outputs['json']).toBeUndefined()
    const error = result.outputs['error'] ?? ''
    expect(error).toMatch(/^The run's output does not match `output-schema` \(5 problems\):\n/)
    for (const line of [
      "  /: must NOT have additional properties ('extra')",
      '  /version: must match pattern "^\\d+\\.\\d+\\.\\d+$"',
      '  /notes: must NOT have more than 3 items',
      '  /notes/1: must be string',
      '  /date: must match format "date"'
    ]) {
      expect(error).toContain(line)
    }
    expect(result.log).toContain('/notes/1: must be string')
    expect(result.summary).toContain('/notes/1: must be string')
  })

  it('keeps the numbers as written in json', async () => {
    const result = await step(
      { output: '{"id": 12345678901234567891, "f": 1.50, "e": 1e400, "s": "a b"}' },
      { 'output-schema': '{"type": "object"}' }
    )
    expect(result.outputs['json']).toBe('{"id":12345678901234567891,"f":1.50,"e":1e400,"s":"a b"}')
  })

  it('checks uniqueItems over 80,000 items in one pass, and names the duplicates', async () => {
    const items = Array.from({ length: 80_000 }, (_, i) => ({ i, tags: ['a', 'b'] }))
    const unique = await step(
      { output: JSON.stringify(items) },
      { 'output-schema': '{"type": "array", "uniqueItems": true}' }
    )
    expect(unique.failed).toBe(false)
    const twice = await step(
      { output: JSON.stringify([...items, { tags: ['a', 'b'], i: 7 }]) },
      { 'output-schema': '{"type": "array", "uniqueItems": true}' }
    )
    expect(twice.failed).toBe(true)
    expect(twice.outputs['error']).toContain(
      '/: must NOT have duplicate items (items ## 7 and 80000 are identical)'
    )
  })

  it('fails an output over 8 MiB without reading it whole, saying so', async () => {
    const result = await step(
      { output: JSON.stringify(Array.from({ length: 1_200_000 }, () => 1234567)) },
      { 'output-schema': '{"type": "array", "items": {"type": "string"}}' }
    )
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(
      /\/: the output is \d+ bytes; `output-schema` checks outputs of at most 8388608 bytes \(8 MiB\)/
    )
  })

  it('reads the $schema spellings people use, and refuses a format it does not know', async () => {
    const ok = await step(
      { output: '{"a": "2026-12-01"}' },
      {
        'output-schema':
          '{"$schema": "https://json-schema.org/draft-07/schema", "properties": {"a": {"format": "date"}}}'
      }
    )
    expect(ok.failed).toBe(false)
    for (const [schema, problem] of [
      ['{"format": "emial"}', 'uses format "emial", which the action does not know'],
      [
        '{"$schema": "http://json-schema.org/draft-06/schema#"}',
        'it must be draft 2020-12, 2019-09 or 07'
      ]
    ]) {
      const before = sim.requests.length
      const result = await step({}, { 'output-schema': schema! })
      expect(result.failed).toBe(true)
      expect(result.log).toContain(problem)
      expect(sim.requests).toHaveLength(before)
    }
  })

  it('is a warning with fail-on-error: false, and says when the output is not JSON', async () => {
    const result = await step(
      { output: 'Sorry, I cannot.' },
      { 'output-schema': SCHEMA, 'fail-on-error': 'false' }
    )
    expect(result.failed).toBe(false)
    expect(result.log).toMatch(
      /::warning::The run's output does not match `output-schema`:%0A {2}\/: the output is not JSON/
    )
  })

  it('reports an invalid schema as an input error, before any request', async () => {
    for (const [schema, problem] of [
      ['{"type": "objekt"}', '`output-schema` is not a valid JSON Schema'],
      ['{"type": ', '`output-schema` is not JSON'],
      [
        'missing.json',
        "`output-schema` names a file that cannot be used: cannot read 'missing.json' (no such file)"
      ],
      [
        '../outside.json',
        "`output-schema` names a file that cannot be used: path '../outside.json' is outside the workspace"
      ]
    ]) {
      const result = await step({}, { 'output-schema': schema! })
      expect(result.failed).toBe(true)
      expect(result.log).toContain(problem)
      expect(sim.requests).toHaveLength(0)
    }
  })
})

describe('usage', () => {
  it('sets usage from the run object, and the card shows one row', async () => {
    const result = await step({
      output: 'ok',
      usage: { prompt_tokens: 1200, completion_tokens: 300, cost: '0.0042' }
    })
    expect(JSON.parse(result.outputs['usage'] ?? '{}')).toEqual({
      input_tokens: 1200,
      output_tokens: 300,
      total_tokens: 1500,
      cost: 0.0042
    })
    expect(result.summary).toContain(
      '<tr><th align="left">Usage</th><td>tokens 1,200 in, 300 out, 1,500 in all · cost 0.0042</td></tr>'
    )
  })

  it('reads it from the stream’s last event too, and says nothing when there is none', async () => {
    const streamed = await step(
      { output: 'ok', usage: { input_tokens: 5, output_tokens: 7 } },
      {},
      undefined,
      true
    )
    expect(JSON.parse(streamed.outputs['usage'] ?? '{}')).toEqual({
      input_tokens: 5,
      output_tokens: 7,
      total_tokens: 12
    })
    const none = await step({ output: 'ok' })
    expect(none.outputs['usage']).toBeUndefined()
    expect(none.summary).not.toContain('Usage')
  })
})

describe('run-url-template', () => {
  it('sets run-url and links the run on the card', async () => {
    const result = await step(
      { output: 'ok' },
      { 'run-url-template': 'https://app.example.com/runs/{run_id}?tab=trace' }
    )
    const runId = result.outputs['run-id'] ?? ''
    expect(result.outputs['run-url']).toBe(`https://app.example.com/runs/${runId}?tab=trace`)
    expect(result.summary).toContain(
      `<a href="https://app.example.com/runs/${runId}?tab=trace"><code>${runId}</code></a>`
    )
  })

  it('takes {run_id} in the query', async () => {
    const result = await step(
      { output: 'ok' },
      { 'run-url-template': 'https://app.example.com?run={run_id}' }
    )
    expect(result.failed).toBe(false)
    expect(result.outputs['run-url']).toBe(
      `https://app.example.com/?run=${result.outputs['run-id']}`
    )
  })

  it('encodes a hostile run id as one path segment, and keeps the log inert', async () => {
    sim.configure({ variant: { fields: { run_id: '../admin?x=<b>&y' } } })
    const result = await step(
      { output: 'ok' },
      { 'run-url-template': 'https://app.example.com/runs/{run_id}' }
    )
    expect(result.outputs['run-url']).toBe(
      'https://app.example.com/runs/..%2Fadmin%3Fx%3D%3Cb%3E%26y'
    )
    expect(result.summary).toContain(
      'href="https://app.example.com/runs/..%2Fadmin%3Fx%3D%3Cb%3E%26y"'
    )
    expect(commandViolations(result.log, KEY)).toEqual([])
  })

  it('is checked like base-url before any request', async () => {
    for (const [template, problem] of [
      ['https://app.example.com/runs', 'must hold `{run_id}`'],
      ['http://app.example.com/runs/{run_id}', 'uses http:// to a host that is not loopback'],
      ['https://user:pw@app.example.com/{run_id}', 'must not carry a user name or password'],
      ['javascript:alert({run_id})', 'must use https://'],
      ['https://{run_id}.example.com/', 'must put `{run_id}` after the host'],
      ['https:////{run_id}/x', 'must put `{run_id}` after the host'],
      ['https:{run_id}/x', 'must put `{run_id}` after the host'],
      ['https:\\\\{run_id}/x', 'must put `{run_id}` after the host']
    ]) {
      const result = await step({}, { 'run-url-template': template! })
      expect(result.failed).toBe(true)
      expect(result.log).toContain(problem)
      expect(result.log).not.toContain('pw@')
      expect(sim.requests).toHaveLength(0)
    }
  })
})
