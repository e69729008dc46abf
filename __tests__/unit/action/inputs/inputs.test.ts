import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { InputError, INPUT_NAMES, parseInputs } from '../../../../src/action/inputs/inputs.js'
import { DEFAULT_PATHS } from '../../../../src/platform/endpoints.js'
import type { RawInputs } from '../../../../src/action/inputs/inputs.js'
import type { ActionInputs } from '../../../../src/action/inputs/settings.js'

const KEY = 'sk-test-0123456789abcdef'

/** Every input undefined (as if left empty), then the given ones. */
function rawInputs(given: Partial<RawInputs> = {}): RawInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map(name => [name, undefined])) as RawInputs
  return { ...raw, ...given }
}

/** The three required inputs, valid, plus the given ones. */
function validRaw(given: Partial<RawInputs> = {}): RawInputs {
  return rawInputs({
    'api-key': KEY,
    'base-url': 'https://api.example.com',
    'workflow-id': 'wf-123',
    ...given
  })
}

let workspace: string

beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'inputs-test-'))
})

afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true })
})

async function settings(given: Partial<RawInputs> = {}): Promise<ActionInputs> {
  return parseInputs(validRaw(given), workspace)
}

/** The problems of an InputError; fails the test when parsing succeeds or throws something else. */
async function problemsOf(raw: RawInputs): Promise<string[]> {
  let thrown: unknown
  try {
    await parseInputs(raw, workspace)
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(InputError)
  return (thrown as InputError).problems
}

describe('parseInputs defaults', () => {
  it('applies every default', async () => {
    const inputs = await settings()
    expect(inputs.apiKey).toBe(KEY)
    expect(inputs.baseUrl.href).toBe('https://api.example.com/')
    expect(inputs.workflowId).toBe('wf-123')
    expect(inputs.start).toEqual({
      kind: 'trigger',
      request: { workflowId: 'wf-123', inputs: [], threadId: undefined }
    })
    expect(inputs.wait).toBe(true)
    expect(inputs.timeoutMs).toBe(600_000)
    expect(inputs.pollIntervalMs).toBe(1_000)
    expect(inputs.maxPollIntervalMs).toBe(4_800)
    expect(inputs.retries).toBe(5)
    expect(inputs.failOnError).toBe(true)
    expect(inputs.outputFile).toBeUndefined()
    expect(inputs.summary).toBe(true)
    expect(inputs.paths).toEqual(DEFAULT_PATHS)
    expect(inputs.paths).toEqual({
      trigger: '/api/v1/apps/workflow-execution/trigger',
      run: '/api/v1/apps/workflow-execution/runs/{run_id}',
      cancel: '/api/v1/apps/workflow-execution/runs/{run_id}/cancel',
      stream: '/api/v1/apps/workflow-execution/trigger/stream'
    })
  })

  it('trims the required inputs', async () => {
    const inputs = await parseInputs(
      rawInputs({
        'api-key': `  ${KEY}\n`,
        'base-url': ' https://api.example.com ',
        'workflow-id': ' wf-1 '
      }),
      workspace
    )
    expect(inputs.apiKey).toBe(KEY)
    expect(inputs.workflowId).toBe('wf-1')
    expect(inputs.baseUrl.hostname).toBe('api.example.com')
  })
})

describe('parseInputs problems', () => {
  it('reports every problem at once, each naming its input', async () => {
    const problems = await problemsOf(
      rawInputs({ 'base-url': 'https://api.example.com', timeout: 'soon', retries: 'many' })
    )
    expect(problems).toHaveLength(4)
    for (const name of ['api-key', 'workflow-id', 'timeout', 'retries']) {
      expect(problems.filter(p => p.startsWith(`\`${name}\``))).toHaveLength(1)
    }
    expect(problems.find(p => p.startsWith('`timeout`'))).toContain('(got "soon")')
  })

  it('lists the problems in the error message', async () => {
    await expect(parseInputs(rawInputs(), workspace)).rejects.toThrow(
      /Invalid inputs \(3\); no request was sent/
    )
    const problems = await problemsOf(rawInputs())
    expect(problems.map(p => p.split(' ')[0])).toEqual(['`api-key`', '`base-url`', '`workflow-id`'])
  })

  it('prefixes problems of the workflow inputs with `inputs`', async () => {
    const problems = await problemsOf(
      validRaw({
        inputs:
          '[{"name": "q", "type": "audio", "value": "x"}, {"name": "f", "type": "file", "path": "nope.bin"}]'
      })
    )
    expect(problems).toHaveLength(2)
    for (const problem of problems) expect(problem).toMatch(/^`inputs` entry/)
  })

  it('reads the workflow inputs', async () => {
    await fs.writeFile(path.join(workspace, 'a.txt'), 'abc')
    const inputs = await settings({
      inputs: '- name: q\n  value: hi\n- name: f\n  type: file\n  path: a.txt'
    })
    expect(inputs.start.kind === 'trigger' && inputs.start.request.inputs).toEqual([
      { name: 'q', type: 'text', value: 'hi' },
      { name: 'f', type: 'file', value: `data:text/plain;base64,${btoa('abc')}` }
    ])
  })
})

describe('parseInputs booleans', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('reads %j as %s', async (text, value) => {
    const inputs = await settings({
      wait: text,
      'fail-on-error': text,
      summary: text
    })
    expect(inputs.wait).toBe(value)
    expect(inputs.failOnError).toBe(value)
    expect(inputs.summary).toBe(value)
  })

  it('rejects a word that is not a boolean', async () => {
    const problems = await problemsOf(validRaw({ wait: 'maybe', summary: 'sometimes' }))
    expect(problems).toEqual([
      '`wait` must be true or false (got "maybe")',
      '`summary` must be true or false (got "sometimes")'
    ])
  })
})

describe('parseInputs durations and counts', () => {
  it.each([
    ['15m', 900_000],
    ['90s', 90_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['30', 30_000]
  ])('reads timeout %j as %d ms', async (text, ms) => {
    expect((await settings({ timeout: text })).timeoutMs).toBe(ms)
  })

  it.each(['0', 'soon', '-5', '10x', '1000h'])('rejects timeout %j', async text => {
    const problems = await problemsOf(validRaw({ timeout: text }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^`timeout` /)
  })

  it('reads poll intervals', async () => {
    const inputs = await settings({ 'poll-interval': '0.5', 'max-poll-interval': '1m' })
    expect(inputs.pollIntervalMs).toBe(500)
    expect(inputs.maxPollIntervalMs).toBe(60_000)
  })

  it('rejects a poll interval larger than the maximum', async () => {
    const problems = await problemsOf(
      validRaw({ 'poll-interval': '20', 'max-poll-interval': '15' })
    )
    expect(problems).toEqual(['`poll-interval` must not be larger than `max-poll-interval`'])
  })

  it('reports poll-interval > max-poll-interval together with other problems', async () => {
    const problems = await problemsOf(
      validRaw({ 'poll-interval': '20', 'max-poll-interval': '15', retries: 'x' })
    )
    expect(problems).toHaveLength(2)
    expect(problems).toContain('`poll-interval` must not be larger than `max-poll-interval`')
  })

  it.each([
    ['0', 0],
    ['5', 5],
    ['20', 20],
    [' 3 ', 3]
  ])('reads retries %j', async (text, count) => {
    expect((await settings({ retries: text })).retries).toBe(count)
  })

  it.each(['21', '-1', '2.5', 'five'])('rejects retries %j', async text => {
    const problems = await problemsOf(validRaw({ retries: text }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^`retries` must be a whole number from 0 to 20/)
  })
})

describe('parseInputs base-url', () => {
  it.each([
    'http://127.0.0.1:8080',
    'http://localhost',
    'http://localhost:3000/api',
    'http://127.10.0.1',
    'http://[::1]:8080',
    'https://api.example.com'
  ])('allows %s', async url => {
    const inputs = await settings({ 'base-url': url })
    expect(inputs.baseUrl.href).toBe(new URL(url).href)
  })

  it('rejects http:// to a host that is not loopback', async () => {
    const problems = await problemsOf(validRaw({ 'base-url': 'http://api.example.com' }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^`base-url` uses http:\/\//)
    expect(problems[0]).toContain('`allow-http: true`')
  })

  it.each(['http://localhost.example.com', 'http://127.0.0.1.example.com', 'http://10.0.0.1'])(
    'does not take %s for loopback',
    async url => {
      const problems = await problemsOf(validRaw({ 'base-url': url }))
      expect(problems).toEqual([expect.stringMatching(/^`base-url` uses http:\/\//)])
    }
  )

  it('allows http:// to any host with allow-http true', async () => {
    const inputs = await settings({ 'base-url': 'http://api.example.com', 'allow-http': 'true' })
    expect(inputs.baseUrl.protocol).toBe('http:')
  })

  it('honours allow-http true when another input is invalid', async () => {
    const problems = await problemsOf(
      validRaw({ 'base-url': 'http://api.example.com', 'allow-http': 'true', timeout: 'soon' })
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^`timeout` /)
  })

  it.each([
    ['ftp://api.example.com', /must use https:\/\//],
    ['https://user:pass@api.example.com', /must not carry a user name or password/],
    ['https://token@api.example.com', /must not carry a user name or password/],
    ['https://api.example.com/?x=1', /must not have a query string or fragment/],
    ['https://api.example.com/#top', /must not have a query string or fragment/],
    ['api.example.com', /must be an absolute URL/]
  ])('rejects %s', async (url, message) => {
    const problems = await problemsOf(validRaw({ 'base-url': url }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^`base-url` /)
    expect(problems[0]).toMatch(message)
  })

  it('does not echo the password of a base-url', async () => {
    const problems = await problemsOf(
      validRaw({ 'base-url': 'https://user:hunter2@api.example.com' })
    )
    expect(problems.join('\n')).not.toContain('hunter2')
  })

  it('keeps a path prefix', async () => {
    const inputs = await settings({ 'base-url': 'https://host.example.com/platform' })
    expect(inputs.baseUrl.pathname).toBe('/platform')
    expect(inputs.baseUrl.host).toBe('host.example.com')
  })
})

describe('parseInputs paths', () => {
  it('reads custom endpoint paths', async () => {
    const inputs = await settings({
      'trigger-path': '/v2/trigger',
      'run-path': '/v2/runs/{run_id}',
      'cancel-path': '/v2/runs/{run_id}/stop'
    })
    expect(inputs.paths).toEqual({
      trigger: '/v2/trigger',
      run: '/v2/runs/{run_id}',
      cancel: '/v2/runs/{run_id}/stop',
      stream: DEFAULT_PATHS.stream
    })
  })

  it('rejects a run-path or cancel-path without {run_id}', async () => {
    const problems = await problemsOf(
      validRaw({ 'run-path': '/v2/runs/latest', 'cancel-path': '/v2/cancel' })
    )
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^`run-path` must contain \{run_id\}/)
    expect(problems[1]).toMatch(/^`cancel-path` must contain \{run_id\}/)
  })

  it.each(['v2/trigger', '/v2/trig ger', '/v2/trigger?x=1', '/v2/trigger#a'])(
    'rejects the trigger-path %j',
    async text => {
      const problems = await problemsOf(validRaw({ 'trigger-path': text }))
      expect(problems).toEqual([
        expect.stringMatching(/^`trigger-path` must be a path starting with \//)
      ])
    }
  )
})

describe('parseInputs secrets and ids', () => {
  it('rejects an api-key with a space and never shows it', async () => {
    const key = 'sk-live SECRETPART123'
    let thrown: unknown
    try {
      await parseInputs(
        rawInputs({ 'api-key': key, 'base-url': 'nope', timeout: 'x', 'thread-id': 'a b' }),
        workspace
      )
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    const error = thrown as InputError
    expect(error.problems.find(p => p.startsWith('`api-key`'))).toBe(
      '`api-key` must be one word with no spaces or control characters'
    )
    for (const text of [...error.problems, error.message]) {
      expect(text).not.toContain(key)
      expect(text).not.toContain('SECRETPART123')
      expect(text).not.toContain('sk-live')
    }
  })

  it('rejects an api-key with a control character', async () => {
    const problems = await problemsOf(validRaw({ 'api-key': 'abc\u0007def' }))
    expect(problems).toEqual(['`api-key` must be one word with no spaces or control characters'])
  })

  it('reads a thread id and rejects one with a space', async () => {
    const threadOf = async (given: string) => {
      const { start } = await settings({ 'thread-id': given })
      return start.kind === 'trigger' ? start.request.threadId : 'not a trigger'
    }
    expect(await threadOf('thread-9')).toBe('thread-9')
    expect(await threadOf('')).toBeUndefined()
    const problems = await problemsOf(validRaw({ 'thread-id': 'a b' }))
    expect(problems).toEqual([expect.stringMatching(/^`thread-id` must be one word/)])
  })

  it('rejects a workflow id with a space', async () => {
    const problems = await problemsOf(validRaw({ 'workflow-id': 'my workflow' }))
    expect(problems).toEqual([expect.stringMatching(/^`workflow-id` must be one word/)])
  })
})

describe('parseInputs output-file', () => {
  it('resolves output-file against the workspace', async () => {
    const inputs = await settings({ 'output-file': 'out/answer.md' })
    expect(inputs.outputFile).toBe(path.join(workspace, 'out', 'answer.md'))
  })

  it('keeps an absolute output-file', async () => {
    const file = path.join(os.tmpdir(), 'elsewhere', 'answer.md')
    expect((await settings({ 'output-file': file })).outputFile).toBe(file)
  })

  it('treats an empty output-file as the default', async () => {
    expect((await settings({ 'output-file': '  ' })).outputFile).toBeUndefined()
  })
})
