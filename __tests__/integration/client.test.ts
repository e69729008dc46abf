import http from 'node:http'
import { describe, expect, it } from '@jest/globals'
import { ApiError } from '../../src/platform/errors.js'
import { startSimulator } from '../../simulator/index.js'
import { USER_AGENT } from '../../src/util/version.js'
import {
  clientFor,
  KEY,
  recordingLogger,
  requestsTo,
  soon,
  useSimulator
} from '../helpers/platform.js'
import { closedPort, listenOnLoopback } from '../helpers/loopback.js'

const TRIGGER = '/trigger'
const question = [{ name: 'question', type: 'text' as const, value: 'Why?' }]
const trigger = { workflowId: 'wf-demo', inputs: question }

const sim = useSimulator()

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('trigger', () => {
  it('posts the documented body with the bearer key, a User-Agent and an Idempotency-Key', async () => {
    const run = await clientFor(sim).trigger({ ...trigger, threadId: 'thr_1' }, soon())
    expect(run.runId).toMatch(/.+/)
    expect(run.status).toBe('pending')
    const [request] = sim.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/api/v1/apps/workflow-execution/trigger')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      workflow_configuration_id: 'wf-demo',
      inputs: question,
      thread_id: 'thr_1'
    })
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(request?.headers['user-agent']).toBe(USER_AGENT)
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('appends endpoint paths to a base URL with a path prefix', async () => {
    const prefixed = await startSimulator({ pathPrefix: '/platform' })
    try {
      const client = clientFor({ url: `${prefixed.url}/` })
      const run = await client.trigger(trigger, soon())
      const read = await client.get(run.runId, soon())
      expect(read.runId).toBe(run.runId)
      expect(prefixed.requests.map(r => r.path)).toEqual([
        '/platform/api/v1/apps/workflow-execution/trigger',
        `/platform/api/v1/apps/workflow-execution/runs/${run.runId}`
      ])
    } finally {
      await prefixed.close()
    }
  })

  it('retries a 429 with the same Idempotency-Key and starts one run', async () => {
    sim.injectFault('trigger', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, 2)
    await clientFor(sim, { retries: 0 }).trigger(trigger, soon())
    const keys = sim.requests.map(r => r.headers['idempotency-key'])
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(sim.runs.size).toBe(1)
  })

  it('keeps retrying a 429 past `retries` until the deadline, then says it was rate limited', async () => {
    sim.injectFault(
      'trigger',
      { kind: 'status', status: 429, headers: { 'retry-after': '0.1' } },
      1000
    )
    const started = Date.now()
    const error = await failure(clientFor(sim, { retries: 1 }).trigger(trigger, soon(1500)))
    expect(error.kind).toBe('rate-limited')
    expect(error.message).toMatch(/HTTP 429/)
    expect(error.message).toMatch(/until `timeout` was spent.*raise `timeout`/)
    expect(requestsTo(sim, TRIGGER)).toBeGreaterThan(3)
    // Gave up near the 1.5 s deadline, not after a long wait (generous for a busy machine).
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(sim.runs.size).toBe(0)
  })

  it('honours Retry-After given as an HTTP date', async () => {
    const date = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000)
    sim.injectFault('trigger', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': date.toUTCString() }
    })
    await clientFor(sim).trigger(trigger, soon())
    const [first, second] = sim.requests
    expect(second!.at).toBeGreaterThanOrEqual(date.getTime() - 50)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(400)
  })

  it('honours Retry-After given in seconds', async () => {
    sim.injectFault('trigger', { kind: 'status', status: 503, headers: { 'retry-after': '1' } })
    await clientFor(sim).trigger(trigger, soon())
    const [first, second] = sim.requests
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
  })

  it('retries a 503 within `retries`, then fails with the status', async () => {
    sim.injectFault('trigger', { kind: 'status', status: 503, body: 'overloaded' }, 2)
    await clientFor(sim, { retries: 2 }).trigger(trigger, soon())
    expect(requestsTo(sim, TRIGGER)).toBe(3)

    sim.reset()
    sim.injectFault('trigger', { kind: 'status', status: 503, body: 'overloaded' }, 5)
    const error = await failure(clientFor(sim, { retries: 2 }).trigger(trigger, soon()))
    expect(error.message).toContain('HTTP 503')
    expect(error.message).toContain('overloaded')
    expect(requestsTo(sim, TRIGGER)).toBe(3)
  })

  it.each([500, 502, 504])(
    'does not retry an ambiguous %i and says a run may have started',
    async status => {
      sim.injectFault('trigger', { kind: 'status', status, body: '<h1>Bad</h1>', createRun: true })
      const error = await failure(clientFor(sim).trigger(trigger, soon()))
      expect(error.runMayHaveStarted).toBe(true)
      expect(error.message).toContain(`HTTP ${status}`)
      expect(error.message).toMatch(/run may have started/)
      expect(requestsTo(sim, TRIGGER)).toBe(1)
      expect(sim.runs.size).toBe(1)
    }
  )

  it('does not retry a connection reset after the request was sent', async () => {
    sim.injectFault('trigger', { kind: 'reset', createRun: true })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.runMayHaveStarted).toBe(true)
    expect(error.message).toMatch(/after the request was sent/)
    expect(requestsTo(sim, TRIGGER)).toBe(1)
    expect(sim.runs.size).toBe(1)
  })

  it('does not retry a truncated trigger answer', async () => {
    sim.injectFault('trigger', { kind: 'truncate' })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.runMayHaveStarted).toBe(true)
    expect(requestsTo(sim, TRIGGER)).toBe(1)
  })

  it('treats a 2xx without a run id as a protocol error that may have started a run', async () => {
    sim.injectFault('trigger', { kind: 'status', status: 200, body: '{"ok":true}' })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.kind).toBe('protocol')
    expect(error.message).toMatch(/names no run/)
    expect(error.runMayHaveStarted).toBe(true)
  })

  it('retries a refused connection `retries` times, then names the cause', async () => {
    const port = await closedPort()
    const error = await failure(
      clientFor({ url: `http://127.0.0.1:${port}` }, { retries: 2 }).trigger(trigger, soon())
    )
    expect(error.kind).toBe('unreachable')
    expect(error.runMayHaveStarted).toBe(false)
    expect(error.message).toContain('ECONNREFUSED')
    expect(error.message).toContain(`http://127.0.0.1:${port}`)
    expect(error.message).toMatch(/base-url/)
  })

  it('does not retry 401 and says to check the key', async () => {
    const error = await failure(
      clientFor(sim, { apiKey: 'not-a-known-key' }).trigger(trigger, soon())
    )
    expect(error.httpStatus).toBe(401)
    expect(error.message).toMatch(/rejected the API key.*`api-key`/s)
    expect(requestsTo(sim, TRIGGER)).toBe(1)
  })

  it('does not retry 403 and names the missing permission', async () => {
    sim.configure({ keys: { [KEY]: ['read'] } })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.httpStatus).toBe(403)
    expect(error.message).toMatch(/not allowed to trigger workflow executions/)
    expect(requestsTo(sim, TRIGGER)).toBe(1)
  })

  it('names the workflow id on 404', async () => {
    const error = await failure(
      clientFor(sim).trigger({ ...trigger, workflowId: 'wf-missing' }, soon())
    )
    expect(error.kind).toBe('not-found')
    expect(error.message).toContain("Workflow 'wf-missing' was not found")
    expect(error.message).toMatch(/deployed/)
    expect(requestsTo(sim, TRIGGER)).toBe(1)
  })

  it('lists every invalid input on 422, one line each', async () => {
    sim.configure({
      workflows: {
        'wf-two': {
          inputs: [
            { name: 'question', required: true },
            { name: 'tone', required: true }
          ]
        }
      }
    })
    const error = await failure(
      clientFor(sim).trigger(
        { workflowId: 'wf-two', inputs: [{ name: 'extra', type: 'text', value: 'x' }] },
        soon()
      )
    )
    expect(error.httpStatus).toBe(422)
    expect(error.message).toMatch(/^ {2}- input 'question': .+$/m)
    expect(error.message).toMatch(/^ {2}- input 'tone': .+$/m)
    expect(error.message).toMatch(/^ {2}- input 'extra': .+$/m)
    expect(requestsTo(sim, TRIGGER)).toBe(1)
  })

  it('does not retry a 400', async () => {
    sim.injectFault('trigger', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ detail: 'inputs must be a list' })
    })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.message).toContain('inputs must be a list')
    expect(requestsTo(sim, TRIGGER)).toBe(1)
  })

  it('refuses a redirect to another origin and never sends the key there', async () => {
    const other = await startSimulator()
    try {
      sim.injectFault('trigger', {
        kind: 'redirect',
        location: `${other.url}/api/v1/apps/workflow-execution/trigger`
      })
      const error = await failure(clientFor(sim).trigger(trigger, soon()))
      expect(error.message).toContain(other.url)
      expect(error.message).toMatch(/another origin/)
      expect(other.requests).toHaveLength(0)
    } finally {
      await other.close()
    }
  })

  it('follows a same-origin 307', async () => {
    sim.injectFault('trigger', {
      kind: 'redirect',
      location: '/api/v1/apps/workflow-execution/trigger'
    })
    const run = await clientFor(sim).trigger(trigger, soon())
    expect(run.runId).toBeTruthy()
    expect(sim.runs.size).toBe(1)
  })
})

describe('get run', () => {
  async function started(): Promise<string> {
    const run = await clientFor(sim).trigger(trigger, soon())
    sim.requests.length = 0
    return run.runId
  }

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 502', { kind: 'status', status: 502 }],
    ['a 429', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }],
    ['a reset', { kind: 'reset' }],
    ['a truncated body', { kind: 'truncate' }],
    ['an unparseable body', { kind: 'garbage' }]
  ] as const)('retries %s', async (_name, fault) => {
    const runId = await started()
    sim.injectFault('get', fault, 2)
    const run = await clientFor(sim, { retries: 2 }).get(runId, soon())
    expect(run.runId).toBe(runId)
    expect(requestsTo(sim, runId)).toBe(3)
  })

  it('gives up after `retries` consecutive failures with the last one', async () => {
    const runId = await started()
    sim.injectFault('get', { kind: 'status', status: 502, body: 'bad gateway page' }, 10)
    const error = await failure(clientFor(sim, { retries: 2 }).get(runId, soon()))
    expect(error.message).toContain('HTTP 502')
    expect(error.message).toContain('bad gateway page')
    expect(requestsTo(sim, runId)).toBe(3)
  })

  it('retries a request slower than the request timeout', async () => {
    const runId = await started()
    sim.injectFault('get', { kind: 'slow', delayMs: 1500 })
    const run = await clientFor(sim, { requestTimeoutMs: 300 }).get(runId, soon())
    expect(run.runId).toBe(runId)
    expect(requestsTo(sim, runId)).toBe(2)
  })

  it('does not retry a 404 and names the run', async () => {
    const error = await failure(clientFor(sim).get('run-nope', soon()))
    expect(error.message).toContain("Run 'run-nope' was not found")
    expect(requestsTo(sim, 'run-nope')).toBe(1)
  })

  it('logs method, path, status and time at debug level, never the key', async () => {
    const logger = recordingLogger()
    const runId = await started()
    sim.injectFault('get', { kind: 'status', status: 503 })
    await clientFor(sim, { logger }).get(runId, soon())
    const lines = logger.lines.join('\n')
    expect(lines).toMatch(
      new RegExp(`debug: GET /api/v1/apps/workflow-execution/runs/${runId} -> 503 \\(\\d+ ms\\)`)
    )
    expect(lines).toMatch(/-> 200/)
    expect(lines).not.toContain(KEY)
    expect(lines.toLowerCase()).not.toContain('bearer')
  })
})

describe('cancel run', () => {
  it('cancels an active run and treats an already finished one as done', async () => {
    const client = clientFor(sim)
    const run = await client.trigger(trigger, soon())
    expect(await client.cancel(run.runId, soon())).toBe(true)
    expect((await client.get(run.runId, soon())).status).toBe('cancelled')
    expect(await client.cancel(run.runId, soon())).toBe(false)
  })
})

describe('review findings', () => {
  it('does not busy-loop on `Retry-After: 0`', async () => {
    sim.injectFault(
      'trigger',
      { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
      1000
    )
    await failure(clientFor(sim).trigger(trigger, soon(1000)))
    expect(requestsTo(sim, TRIGGER)).toBeLessThanOrEqual(6)
  })

  it('unescapes JSON before quoting a body, so an escaped echo of the key is still redacted', async () => {
    const escaped = JSON.stringify({ detail: 'x' }).replace('x', KEY.replace(/-/g, '\\u002d'))
    sim.injectFault('trigger', { kind: 'status', status: 500, body: `[${escaped}]` })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.message).toContain('***')
    expect(error.message).not.toContain(KEY)
    expect(error.message).not.toContain('\\u002d')
  })

  it('reads only the start of a huge error page', async () => {
    sim.injectFault('get', { kind: 'status', status: 404, body: 'x'.repeat(5 * 1024 * 1024) })
    const error = await failure(clientFor(sim).get('run_missing', soon()))
    expect(error.message.length).toBeLessThan(1000)
  })

  it('never quotes part of an echoed key, wherever an excerpt would cut', async () => {
    for (const before of [280, 295, 299, 300]) {
      sim.reset()
      sim.injectFault('trigger', {
        kind: 'status',
        status: 500,
        body: `${'x'.repeat(before)}${KEY}tail`
      })
      const error = await failure(clientFor(sim).trigger(trigger, soon()))
      expect(error.message).not.toContain(KEY.slice(0, 6))
    }
  })

  it('gives a stalled error body from the streaming trigger the request timeout, and retries a 503', async () => {
    const server = http.createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' })
      response.write('overloaded, and then nothing more…')
    })
    const port = await listenOnLoopback(server)
    try {
      const started = Date.now()
      const client = clientFor(
        { url: `http://127.0.0.1:${port}` },
        { requestTimeoutMs: 300, retries: 1 }
      )
      const error = await failure(client.stream(trigger, soon(20_000)))
      expect(error.message).toContain('HTTP 503')
      expect(error.runMayHaveStarted).toBe(false)
      // The request timeout (0.3 s) cut the stalled body, not the 20 s deadline.
      expect(Date.now() - started).toBeLessThan(15_000)
    } finally {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  })
})

describe('a failure before any byte is sent is never ambiguous', () => {
  it('a key that cannot go in a header fails as not sent, with no request', async () => {
    const error = await failure(
      clientFor(sim, { apiKey: 'sk-line\nbreak-0123456789' }).trigger(trigger, soon())
    )
    expect(error.runMayHaveStarted).toBe(false)
    expect(error.message).toMatch(/nothing was sent/)
    expect(error.message).not.toMatch(/run may have started/)
    expect(sim.requests).toHaveLength(0)
  })

  it('a deadline spent while connecting is not a run that may have started', async () => {
    // A listener that never accepts: the connection hangs in the backlog or is refused.
    const error = await failure(
      clientFor({ url: 'http://10.255.255.1:81' }, { retries: 0 }).trigger(trigger, soon(300))
    )
    expect(error.runMayHaveStarted).toBe(false)
    expect(error.message).not.toMatch(/run may have started/)
  })

  it('a trigger whose head was written and then cut is ambiguous', async () => {
    sim.injectFault('trigger', { kind: 'reset' })
    const error = await failure(clientFor(sim).trigger(trigger, soon()))
    expect(error.runMayHaveStarted).toBe(true)
    expect(sim.requests).toHaveLength(1)
  })
})
