import { describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { LiveLog } from '../../src/live-log.js'
import { OutputSink } from '../../src/output-sink.js'
import { Redactor } from '../../src/redact.js'
import { newRunState } from '../../src/run-state.js'
import { streamWorkflow } from '../../src/run-stream.js'
import { runInProcess } from '../helpers/in-process.js'
import { clientFor, KEY, recordingLogger, useSimulator } from '../helpers/platform.js'
import { STREAM_SCENARIOS, streamInputs, WORKFLOW } from '../helpers/stream-scenarios.js'

const sim = useSimulator()

describe('stream: true, through run()', () => {
  for (const scenario of STREAM_SCENARIOS) {
    it(
      scenario.name,
      async () => {
        scenario.setup(sim)
        const started = Date.now()
        const result = await runInProcess(
          { ...streamInputs(sim), ...scenario.inputs },
          // NODE_OPTIONS is for a step's own process; this one is jest's.
          { env: { ...scenario.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' } }
        )
        await scenario.check(
          { mode: 'in-process', elapsedMs: Date.now() - started, ...result },
          sim
        )
      },
      scenario.timeoutMs ?? 30_000
    )
  }
})

describe('streamWorkflow', () => {
  it('falls back to getting the run when the stream goes quiet, without triggering again', async () => {
    sim.configure({
      workflows: { [WORKFLOW]: { run: { durationMs: 800, output: 'late answer' } } },
      stream: { stallAfterEvents: 2, eventDelayMs: 0 }
    })
    const logger = recordingLogger()
    const state = newRunState()
    const output = new OutputSink(
      () => `${process.env.TMPDIR ?? '/tmp'}/stream-idle-${process.pid}.txt`,
      new Redactor([KEY]),
      1024
    )
    const blocks: string[] = []
    const started = Date.now()
    await streamWorkflow(
      {
        workflowId: WORKFLOW,
        trigger: { workflowId: WORKFLOW, inputs: [] },
        wait: true,
        timeoutMs: 20_000,
        pollIntervalMs: 50,
        maxPollIntervalMs: 200
      },
      {
        client: clientFor(sim),
        clock: systemClock,
        logger,
        output,
        live: new LiveLog({ write: block => blocks.push(block) }),
        idleTimeoutMs: 300
      },
      state
    )
    const written = await output.close()
    expect(state.status).toBe('completed')
    expect(written?.head).toBe('late answer')
    expect(logger.lines.join('\n')).toMatch(/nothing arrived for 0.3 s; following run/i)
    expect(sim.runs.size).toBe(1)
    expect(sim.requests.filter(r => r.path.endsWith('/trigger/stream'))).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('gives up at the deadline with timed_out while the stream is open', async () => {
    sim.configure({
      workflows: { [WORKFLOW]: { run: { durationMs: 30_000 } } },
      stream: { heartbeatMs: 50 }
    })
    const state = newRunState()
    const started = Date.now()
    await streamWorkflow(
      {
        workflowId: WORKFLOW,
        trigger: { workflowId: WORKFLOW, inputs: [] },
        wait: true,
        timeoutMs: 700,
        pollIntervalMs: 50,
        maxPollIntervalMs: 200
      },
      {
        client: clientFor(sim),
        clock: systemClock,
        logger: recordingLogger(),
        output: new OutputSink(() => '/dev/null', new Redactor([]), 1024),
        live: new LiveLog({ write: () => {} })
      },
      state
    )
    expect(state.status).toBe('timed_out')
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
