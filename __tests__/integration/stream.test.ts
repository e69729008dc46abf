import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { LiveLog } from '../../src/output/live-log.js'
import { Redactor } from '../../src/output/redactor.js'
import { OutputSink } from '../../src/output/sink.js'
import { RunRecord } from '../../src/run/state.js'
import { streamRun } from '../../src/run/stream.js'
import { systemClock } from '../../src/util/clock.js'
import { runInProcess } from '../helpers/in-process.js'
import { clientFor, KEY, recordingLogger, useSimulator } from '../helpers/platform.js'
import { STREAM_SCENARIOS, streamInputs, WORKFLOW } from '../helpers/stream-scenarios.js'

const sim = useSimulator()

describe('stream: true, through run()', () => {
  it.each(STREAM_SCENARIOS)(
    '$name',
    async scenario => {
      scenario.setup(sim)
      const started = Date.now()
      const result = await runInProcess(
        { ...streamInputs(sim), ...scenario.inputs },
        // NODE_OPTIONS is for a step's own process; this one is jest's.
        { env: { ...scenario.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' } }
      )
      await scenario.check({ mode: 'in-process', elapsedMs: Date.now() - started, ...result }, sim)
    },
    120_000
  )
})

describe('streamRun', () => {
  let dir: string
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stream-run-'))
  })
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  function deps(extra: { idleTimeoutMs?: number; blocks?: string[] } = {}) {
    const logger = recordingLogger()
    return {
      logger,
      deps: {
        client: clientFor(sim),
        clock: systemClock,
        logger,
        sink: new OutputSink(() => path.join(dir, 'output.txt'), new Redactor([KEY]), 1024),
        signal: new AbortController().signal,
        live: new LiveLog({ write: block => extra.blocks?.push(block) }),
        idleTimeoutMs: extra.idleTimeoutMs
      }
    }
  }

  const timing = (timeoutMs: number) => {
    const startedAt = Date.now()
    return {
      startedAt,
      deadline: startedAt + timeoutMs,
      pollIntervalMs: 50,
      maxPollIntervalMs: 200
    }
  }
  const request = { workflowId: WORKFLOW, inputs: [] }

  it('falls back to getting the run when the stream goes quiet, without triggering again', async () => {
    sim.configure({
      workflows: { [WORKFLOW]: { run: { durationMs: 800, output: 'late answer' } } },
      stream: { stallAfterEvents: 2, eventDelayMs: 0 }
    })
    const { deps: streamDeps, logger } = deps({ idleTimeoutMs: 300 })
    const record = new RunRecord()
    await streamRun(request, timing(20_000), streamDeps, record)
    const output = await streamDeps.sink.close()
    expect(record.current.status).toBe('completed')
    expect(output?.head).toBe('late answer')
    expect(logger.lines.join('\n')).toMatch(/nothing arrived for 0.3 s; following run/i)
    expect(sim.runs.size).toBe(1)
    expect(sim.requests.filter(r => r.path.endsWith('/trigger/stream'))).toHaveLength(1)
    // The fallback began after the idle timeout, not after the 20 s deadline.
    expect(sim.requests.filter(r => r.method === 'GET').length).toBeGreaterThan(0)
  })

  it('gives up at the deadline with timed_out while the stream is open', async () => {
    sim.configure({
      workflows: { [WORKFLOW]: { run: { durationMs: 30_000 } } },
      stream: { heartbeatMs: 50 }
    })
    const record = new RunRecord()
    await streamRun(request, timing(700), deps().deps, record)
    expect(record.current.status).toBe('timed_out')
    expect(record.current.error).toMatch(/Gave up waiting for run run_\w+ after 0\.7 s/)
  })
})
