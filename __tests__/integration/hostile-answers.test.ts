import http from 'node:http'
import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { listenOnLoopback } from '../helpers/loopback.js'

// Review 7: defects found by attacking the action as a hostile server and a careless user.

const sim = useSimulator()

const base = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-hostile-answers',
  inputs: 'question: hi',
  'poll-interval': '0.2',
  'max-poll-interval': '0.2',
  ...extra
})

function workflow(run: Record<string, unknown>, fields?: Record<string, unknown>): void {
  sim.configure({
    workflows: { 'wf-hostile-answers': { run: { durationMs: 300, output: 'fine', ...run } } },
    variant: fields ? { fields } : {}
  })
}

/** A tiny platform whose answers are written byte for byte. */
async function rawPlatform(
  answer: (req: http.IncomingMessage) => { status: number; body: string }
): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    req.resume()
    req.on('end', () => {
      const { status, body } = answer(req)
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
  })
  const port = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

describe('answers from a hostile platform', () => {
  it('a run object that carries a `data` field of its own is still read as the run', async () => {
    // The body names the run at its top level; its `data` is the run's payload, not an envelope.
    workflow({}, { data: { trace: [], tokens: 12 } })
    const result = await runInProcess(base())
    expect(result.outputs['error']).toBeUndefined()
    expect(result.outputs['run-id']).toBe([...sim.runs.values()][0]?.id)
    expect(result.outputs['status']).toBe('completed')
    expect(result.failed).toBe(false)
  })

  it('a get answer that names another run at its top level is an error, `data` or not', async () => {
    workflow({ durationMs: 60_000 })
    sim.injectFault('get', {
      kind: 'status',
      status: 200,
      body: JSON.stringify({
        run_id: 'run_other',
        data: { status: 'completed', output: 'not mine' }
      })
    })
    const result = await runInProcess(base({ timeout: '3' }))
    expect(result.outputs['output']).toBeUndefined()
    expect(result.outputs['status']).not.toBe('completed')
    expect(result.outputs['error']).toMatch(/with run "run_other"/)
  })

  it('a trigger answer that starts with a UTF-8 byte order mark is read as the run', async () => {
    const platform = await rawPlatform(req => {
      if (req.url?.endsWith('/trigger')) {
        return { status: 201, body: '\ufeff{"run_id": "run_bom", "status": "pending"}' }
      }
      return { status: 200, body: '{"run_id": "run_bom", "status": "completed", "output": "ok"}' }
    })
    try {
      const result = await runInProcess({ ...base(), 'base-url': platform.url })
      expect(result.outputs['error']).toBeUndefined()
      expect(result.outputs['run-id']).toBe('run_bom')
      expect(result.outputs['status']).toBe('completed')
    } finally {
      await platform.close()
    }
  })

  it.each(['__proto__', 'Constructor'])(
    'a status of %j is an unknown status, not an object that breaks publishing',
    async status => {
      workflow({ durationMs: 60_000 }, { status })
      const result = await runInProcess(base({ wait: 'false' }))
      expect(result.outputs['run-id']).toBe([...sim.runs.values()][0]?.id)
      expect(result.log).not.toMatch(/Could not publish the run's results/)
      expect(result.summary).toContain('AI Planet workflow run')
      expect(result.failed).toBe(false)
    }
  )

  it('a run id sent as a JSON number beyond 2^53 is followed and cancelled by its own id', async () => {
    const ID = '12345678901234567891'
    const platform = await rawPlatform(req => {
      if (req.url?.endsWith('/trigger')) {
        return { status: 201, body: `{"run_id": ${ID}, "status": "running"}` }
      }
      if (req.url?.includes(`/runs/${ID}`)) {
        return { status: 200, body: `{"run_id": ${ID}, "status": "running"}` }
      }
      return { status: 404, body: '{"detail": "Run not found"}' }
    })
    try {
      const result = await runInProcess({ ...base(), 'base-url': platform.url, timeout: '2' })
      // Every get and the cancel must name the run the platform created.
      const runRequests = platform.seen.filter(line => line.includes('/runs/'))
      expect(runRequests.length).toBeGreaterThan(0)
      for (const line of runRequests) expect(line).toContain(`/runs/${ID}`)
      expect(result.outputs['run-id']).toBe(ID)
    } finally {
      await platform.close()
    }
  })

  it('a 1.2 MB thread id does not push the job summary past 1 MiB', async () => {
    workflow({}, { thread_id: `thr_${'t'.repeat(1_200_000)}` })
    const result = await runInProcess(base())
    expect(result.outputs['status']).toBe('completed')
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
  })

  it('the key, JSON-escaped as `\\/`, in a long error body is not shown', async () => {
    const key = 'sk-live/0123456789abcdef'
    const escaped = key.replace('/', '\\/')
    // A JSON error body longer than the 1 MiB the action reads of it, echoing the key as
    // PHP's json_encode (and others) write it: with the slash escaped.
    const body = `{"detail":"invalid token ${escaped}","trace":"${'x'.repeat(1_200_000)}"}`
    sim.injectFault('trigger', { kind: 'status', status: 401, body })
    const result = await runInProcess({ ...base(), 'api-key': key })
    expect(result.failed).toBe(true)
    const everywhere = [result.log, result.summary, ...Object.values(result.outputs)].join('\n')
    expect(everywhere).toContain('HTTP 401')
    expect(everywhere).not.toContain(escaped)
  })

  it('`result` stays valid JSON when the key is made of digits', async () => {
    const key = '1234567890'
    sim.configure({ keys: { [key]: ['trigger', 'read', 'cancel'] } })
    workflow({}, { tokens: 91234567890 })
    const result = await runInProcess({ ...base(), 'api-key': key })
    expect(result.outputs['status']).toBe('completed')
    expect(() => JSON.parse(result.outputs['result']!) as unknown).not.toThrow()
  })

  it('a 303 to another origin after a trigger says that a run may have started', async () => {
    workflow({})
    sim.injectFault('trigger', {
      kind: 'redirect',
      status: 303,
      location: 'http://127.0.0.2:9/runs/run_created'
    })
    const result = await runInProcess(base())
    expect(result.failed).toBe(true)
    expect(result.outputs['error']).toMatch(/redirect \(HTTP 303\) to another origin/)
    expect(result.outputs['error']).toMatch(/A run may have started/)
  })
})
