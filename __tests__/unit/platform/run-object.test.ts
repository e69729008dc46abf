import { describe, expect, it } from '@jest/globals'
import { errorMessageFrom, outputText, parseRunSnapshot } from '../../../src/platform/run-object.js'
import { isTerminal, normalizeStatus, type RunStatus } from '../../../src/platform/status.js'

const run = { run_id: 'r-1', thread_id: 't-1', status: 'completed', output: 'Hello' }

describe('parseRunSnapshot envelopes', () => {
  it.each([
    ['the body itself', run],
    ['`data`', { data: run }],
    ['`run`', { run }]
  ])('reads a run object given as %s', (_label, body) => {
    const snapshot = parseRunSnapshot(body)
    expect(snapshot).toEqual({
      runId: 'r-1',
      threadId: 't-1',
      status: 'completed',
      rawStatus: 'completed',
      output: 'Hello',
      raw: run
    })
  })

  it('keeps the unwrapped run object as raw', () => {
    expect(parseRunSnapshot({ data: run, meta: { page: 1 } })?.raw).toBe(run)
  })

  it('reads the body itself when `data` is not an object', () => {
    const snapshot = parseRunSnapshot({ run_id: 'r-2', status: 'running', data: 'x' })
    expect(snapshot?.runId).toBe('r-2')
    expect(snapshot?.status).toBe('running')
  })
})

describe('parseRunSnapshot ids', () => {
  it.each([
    [{ run_id: 'a' }, 'a'],
    [{ id: 'b' }, 'b'],
    [{ execution_id: 'c' }, 'c'],
    [{ run_id: 42 }, '42'],
    [{ id: 7 }, '7'],
    [{ execution_id: 0 }, '0'],
    [{ data: { execution_id: 99 } }, '99'],
    [{ run_id: 'a', id: 'b', execution_id: 'c' }, 'a'],
    // a stream event's `id` may name the event: execution_id is the more specific
    [{ id: 'b', execution_id: 'c' }, 'c'],
    [{ run_id: '', id: 'b' }, 'b']
  ])('reads the run id of %j as %j', (body, runId) => {
    expect(parseRunSnapshot(body)?.runId).toBe(runId)
  })

  it('reads a numeric thread id as text', () => {
    expect(parseRunSnapshot({ id: 1, thread_id: 12 })?.threadId).toBe('12')
  })

  it('ignores ids of the wrong type instead of failing', () => {
    const snapshot = parseRunSnapshot({ run_id: { nested: true }, id: 'ok', thread_id: [1] })
    expect(snapshot?.runId).toBe('ok')
    expect(snapshot?.threadId).toBeUndefined()
  })

  it('has no run id when none is given', () => {
    expect(parseRunSnapshot({ status: 'running' })?.runId).toBeUndefined()
  })
})

describe('statuses', () => {
  it.each<[string, RunStatus]>([
    ['queued', 'pending'],
    ['QUEUED', 'pending'],
    ['pending', 'pending'],
    ['Pending', 'pending'],
    ['running', 'running'],
    ['RUNNING', 'running'],
    ['in_progress', 'running'],
    ['In_Progress', 'running'],
    ['IN_PROGRESS', 'running'],
    ['started', 'running'],
    ['Started', 'running'],
    ['completed', 'completed'],
    ['Completed', 'completed'],
    ['succeeded', 'completed'],
    ['Succeeded', 'completed'],
    ['success', 'completed'],
    ['SUCCESS', 'completed'],
    ['failed', 'failed'],
    ['FAILED', 'failed'],
    ['error', 'failed'],
    ['ERROR', 'failed'],
    ['cancelled', 'cancelled'],
    ['CANCELLED', 'cancelled'],
    ['canceled', 'cancelled'],
    ['Canceled', 'cancelled'],
    [' completed ', 'completed']
  ])('maps %j to %s', (raw, status) => {
    expect(normalizeStatus(raw)).toBe(status)
    const snapshot = parseRunSnapshot({ run_id: 'r', status: raw })
    expect(snapshot?.status).toBe(status)
    expect(snapshot?.rawStatus).toBe(raw)
  })

  it.each(['paused', 'waiting_for_input', '', 'complete'])(
    'keeps the unknown status %j as rawStatus only, not terminal',
    raw => {
      const snapshot = parseRunSnapshot({ run_id: 'r', status: raw })
      expect(snapshot?.status).toBeUndefined()
      expect(snapshot?.rawStatus).toBe(raw)
      expect(isTerminal(snapshot?.status)).toBe(false)
    }
  )

  it('ignores a status that is not a string', () => {
    const snapshot = parseRunSnapshot({ run_id: 'r', status: 3 })
    expect(snapshot?.status).toBeUndefined()
    expect(snapshot?.rawStatus).toBeUndefined()
  })

  it('knows which statuses are terminal', () => {
    expect(isTerminal('completed')).toBe(true)
    expect(isTerminal('failed')).toBe(true)
    expect(isTerminal('cancelled')).toBe(true)
    expect(isTerminal('pending')).toBe(false)
    expect(isTerminal('running')).toBe(false)
    expect(isTerminal(undefined)).toBe(false)
  })
})

describe('outputs', () => {
  it.each(['output', 'outputs', 'result'])('reads the output from `%s`', field => {
    expect(parseRunSnapshot({ run_id: 'r', [field]: 'the answer' })?.output).toBe('the answer')
  })

  it('prefers `output`, then `outputs`, then `result`, skipping null', () => {
    expect(parseRunSnapshot({ output: 'a', outputs: 'b', result: 'c' })?.output).toBe('a')
    expect(parseRunSnapshot({ output: null, outputs: 'b', result: 'c' })?.output).toBe('b')
    expect(parseRunSnapshot({ outputs: null, result: 'c' })?.output).toBe('c')
  })

  it('has no output when none is given', () => {
    expect(parseRunSnapshot({ run_id: 'r', status: 'running' })?.output).toBeUndefined()
    expect(parseRunSnapshot({ run_id: 'r', output: null })?.output).toBeUndefined()
  })

  it('takes a string as it is', () => {
    expect(outputText('line 1\nline 2')).toBe('line 1\nline 2')
    expect(outputText('')).toBe('')
  })

  it.each(['text', 'content', 'answer', 'message'])("takes an object's `%s` string", field => {
    expect(outputText({ [field]: 'hi', other: 1 })).toBe('hi')
  })

  it('prefers text, then content, answer, message', () => {
    expect(outputText({ message: 'm', answer: 'a', content: 'c', text: 't' })).toBe('t')
    expect(outputText({ message: 'm', answer: 'a', content: 'c' })).toBe('c')
    expect(outputText({ message: 'm', answer: 'a' })).toBe('a')
  })

  it('skips a text field that is not a string', () => {
    expect(outputText({ text: 5, answer: 'a' })).toBe('a')
  })

  it("takes a one-entry {name, value} list's value", () => {
    expect(outputText([{ name: 'answer', value: 'forty-two' }])).toBe('forty-two')
    expect(outputText([{ name: 'answer', value: { content: 'nested' } }])).toBe('nested')
    expect(parseRunSnapshot({ outputs: [{ name: 'o', value: 'v' }] })?.output).toBe('v')
  })

  it('gives a two-entry list as JSON', () => {
    const list = [
      { name: 'a', value: '1' },
      { name: 'b', value: '2' }
    ]
    const text = outputText(list)
    expect(JSON.parse(text)).toEqual(list)
  })

  it('gives a one-entry list that is not {name, value} as JSON', () => {
    expect(JSON.parse(outputText([{ value: 'x' }]))).toEqual([{ value: 'x' }])
    expect(JSON.parse(outputText(['x']))).toEqual(['x'])
  })

  it('gives numbers, booleans and other objects as JSON', () => {
    expect(outputText(42)).toBe('42')
    expect(outputText(true)).toBe('true')
    expect(JSON.parse(outputText({ score: 0.9 }))).toEqual({ score: 0.9 })
    expect(parseRunSnapshot({ result: 42 })?.output).toBe('42')
  })
})

describe('error messages', () => {
  it.each([
    [{ error: 'boom' }, 'boom'],
    [{ error: { message: 'nested boom', code: 7 } }, 'nested boom'],
    [{ error_message: 'underscored' }, 'underscored'],
    [{ detail: 'Not authenticated' }, 'Not authenticated'],
    [{ message: 'plain' }, 'plain'],
    [{ error: '', message: 'fallback' }, 'fallback'],
    [{ error: { code: 1 }, error_message: 'second' }, 'second'],
    [{ error: null, detail: 'third' }, 'third']
  ])('reads %j as %j', (body, message) => {
    expect(errorMessageFrom(body)).toBe(message)
  })

  it('prefers error over error_message, detail and message', () => {
    expect(errorMessageFrom({ error: 'e', error_message: 'em', detail: 'd', message: 'm' })).toBe(
      'e'
    )
    expect(errorMessageFrom({ error_message: 'em', detail: 'd', message: 'm' })).toBe('em')
    expect(errorMessageFrom({ detail: 'd', message: 'm' })).toBe('d')
  })

  it('turns a FastAPI detail list into one line per entry, naming the input', () => {
    const body = {
      detail: [
        { loc: ['body', 'inputs', 'question'], msg: 'field required', type: 'missing' },
        { loc: ['body', 'workflow_configuration_id'], msg: 'must be a string' },
        { loc: ['body'], msg: 'body is malformed' },
        { msg: 'no location' }
      ]
    }
    const message = errorMessageFrom(body)
    expect(message?.split('\n')).toEqual([
      "input 'question': field required",
      'workflow_configuration_id: must be a string',
      'body is malformed',
      'no location'
    ])
  })

  it('gives a failed run its error', () => {
    const snapshot = parseRunSnapshot({ data: { id: 5, status: 'ERROR', error: { message: 'x' } } })
    expect(snapshot?.status).toBe('failed')
    expect(snapshot?.error).toBe('x')
  })

  it('has no error when there is none', () => {
    expect(errorMessageFrom({ status: 'completed' })).toBeUndefined()
    expect(errorMessageFrom({ detail: [] })).toBeUndefined()
    expect(errorMessageFrom({ error: '' })).toBeUndefined()
    expect(parseRunSnapshot({ run_id: 'r' })?.error).toBeUndefined()
  })

  it.each([null, undefined, 'text', 42, ['a']])('reads no error from %j', body => {
    expect(errorMessageFrom(body)).toBeUndefined()
  })
})

describe('bodies that are not run objects', () => {
  it.each([null, undefined, 'completed', 42, true, [], [{ run_id: 'r' }]])(
    'gives undefined for %j',
    body => {
      expect(parseRunSnapshot(body)).toBeUndefined()
    }
  )

  it('reads an empty object as a run with nothing known', () => {
    expect(parseRunSnapshot({})).toEqual({ raw: {} })
  })
})
