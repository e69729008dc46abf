import { promises as fs } from 'node:fs'
import { expect } from '@jest/globals'
import type { Simulator } from '../../simulator/index.js'
import { KEY } from './platform.js'
import { commandViolations, type Scenario, type StepResult } from './step.js'

/**
 * The streaming scenarios of issue 3, shared by the in-process suite (src through run()) and
 * the end-to-end suite (the committed dist/index.js as a child process).
 */

export interface StreamScenario extends Scenario {
  /** Generous bound for slow machines. */
  timeoutMs?: number
}

export const WORKFLOW = 'wf-stream'

export function streamInputs(
  sim: Simulator,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    'api-key': KEY,
    'base-url': sim.url,
    'workflow-id': WORKFLOW,
    inputs: 'question: stream it',
    stream: 'true',
    'poll-interval': '0.2',
    'max-poll-interval': '0.2',
    ...extra
  }
}

const ANSWER = 'Grüße aus 東京 🚀\nZweite Zeile, ça va?\nthird line'

function configure(
  sim: Simulator,
  run: Record<string, unknown>,
  stream: Record<string, unknown> = {}
): void {
  sim.configure({
    workflows: { [WORKFLOW]: { inputs: [{ name: 'question' }], run: { durationMs: 300, ...run } } },
    stream: { eventDelayMs: 0, ...stream }
  })
}

const gets = (sim: Simulator): number => sim.requests.filter(r => r.method === 'GET').length
const streamTriggers = (sim: Simulator): number =>
  sim.requests.filter(r => r.path.endsWith('/trigger/stream')).length

function expectCompleted(result: StepResult, sim: Simulator, output = ANSWER): void {
  expect(result.failed).toBe(false)
  expect(result.outputs['status']).toBe('completed')
  expect(result.outputs['output']).toBe(output)
  expect(result.outputs['run-id']).toMatch(/^run_/)
  expect(sim.runs.size).toBe(1)
  expect(streamTriggers(sim)).toBe(1)
}

export const STREAM_SCENARIOS: StreamScenario[] = [
  {
    name: 'a completed run, one byte per write, CRLF, named events: shown live, no polling',
    setup: sim =>
      configure(sim, { output: ANSWER }, { chunkSize: 1, lineEnding: '\r\n', eventNames: 'named' }),
    check: (result, sim) => {
      expectCompleted(result, sim)
      expect(gets(sim)).toBe(0)
      for (const line of ANSWER.split('\n')) expect(result.log).toContain(`\n${line}\n`)
      expect(result.log).toMatch(
        /Started run run_\w+ of workflow wf-stream in thread thr_\w+; streaming/
      )
      expect(result.summary).toContain('東京 🚀')
    }
  },
  {
    name: 'LF line ends',
    setup: sim => configure(sim, { output: ANSWER }, { lineEnding: '\n' }),
    check: (result, sim) => expectCompleted(result, sim)
  },
  {
    name: 'CR line ends, three bytes per write',
    setup: sim => configure(sim, { output: ANSWER }, { lineEnding: '\r', chunkSize: 3 }),
    check: (result, sim) => {
      expectCompleted(result, sim)
      expect(gets(sim)).toBe(0)
    }
  },
  {
    name: 'a data field spread over several lines',
    setup: sim => configure(sim, { output: ANSWER }, { multilineData: true, chunkSize: 7 }),
    check: (result, sim) => expectCompleted(result, sim)
  },
  {
    name: 'heartbeats between slow events, and no [DONE]',
    setup: sim =>
      configure(
        sim,
        { output: ANSWER, durationMs: 600 },
        { eventDelayMs: 80, heartbeatMs: 20, withDone: false }
      ),
    check: (result, sim) => {
      expectCompleted(result, sim)
      expect(gets(sim)).toBe(0)
    }
  },
  {
    name: 'a recorded stream cut in two inside a multi-byte character',
    setup: sim => {
      const raw =
        'data: {"run_id":"run_rec","thread_id":"thr_rec","status":"running"}\n\n' +
        'data: {"delta":"Ünïcødé 😀 "}\n\ndata: {"delta":"done"}\n\n' +
        'data: {"status":"completed"}\n\ndata: [DONE]\n\n'
      const split = Buffer.from(raw).indexOf(Buffer.from('😀')) + 2
      configure(sim, {}, { raw, splitAt: split })
    },
    check: result => {
      expect(result.failed).toBe(false)
      expect(result.outputs['run-id']).toBe('run_rec')
      expect(result.outputs['output']).toBe('Ünïcødé 😀 done')
    }
  },
  {
    name: 'the stream drops after the run id: the run is followed by getting it, one run only',
    setup: sim => configure(sim, { output: ANSWER, durationMs: 500 }, { dropAfterEvents: 2 }),
    check: (result, sim) => {
      expectCompleted(result, sim)
      expect(gets(sim)).toBeGreaterThan(0)
      expect(result.log).toMatch(/following run run_\w+ by getting it/)
    }
  },
  {
    name: 'the stream drops before the run id: a clear error, no second trigger',
    setup: sim => configure(sim, { output: ANSWER }, { dropAfterEvents: 0 }),
    check: (result, sim) => {
      expect(result.failed).toBe(true)
      expect(result.outputs['error']).toMatch(
        /stopped before it named the run.*run may have started/s
      )
      expect(streamTriggers(sim)).toBe(1)
      expect(gets(sim)).toBe(0)
    }
  },
  {
    name: 'a failure event fails the step with the run’s error',
    setup: sim => configure(sim, { outcome: 'failed', error: 'tool "search" timed out' }),
    check: (result, sim) => {
      expect(result.failed).toBe(true)
      expect(result.outputs['status']).toBe('failed')
      expect(result.outputs['error']).toBe('tool "search" timed out')
      expect(result.log).toMatch(/::error::Run run_\w+ failed: tool "search" timed out/)
      expect(gets(sim)).toBe(0)
    }
  },
  {
    name: 'a final output replaces the pieces',
    setup: sim =>
      configure(sim, { output: 'The final, edited answer.', outputChunks: ['a draft ', 'answer'] }),
    check: (result, sim) => {
      expectCompleted(result, sim, 'The final, edited answer.')
      expect(result.log).toContain('a draft answer')
    }
  },
  {
    name: 'a 429 before the stream starts is retried, one run',
    setup: sim => {
      configure(sim, { output: ANSWER })
      sim.injectFault('stream', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, 2)
    },
    check: (result, sim) => {
      expect(result.failed).toBe(false)
      expect(result.outputs['output']).toBe(ANSWER)
      expect(streamTriggers(sim)).toBe(3)
      expect(sim.runs.size).toBe(1)
    }
  },
  {
    name: 'an ambiguous failure before the stream starts is not retried',
    setup: sim => {
      configure(sim, { output: ANSWER })
      sim.injectFault('stream', { kind: 'status', status: 502, createRun: true })
    },
    check: (result, sim) => {
      expect(result.failed).toBe(true)
      expect(result.outputs['error']).toMatch(/HTTP 502.*run may have started/s)
      expect(streamTriggers(sim)).toBe(1)
    }
  },
  {
    name: 'workflow commands in the model’s answer do not take effect',
    setup: sim =>
      configure(sim, {
        output: 'safe',
        outputChunks: [
          '::set-output name=status::hacked\n',
          '::error title=x::injected\n',
          '::add-mask::safe\n',
          '::stop-commands::guess\n',
          'old style ##[set-output name=status;]hacked and ##[add-mask]safe\n',
          'plain\n'
        ]
      }),
    check: (result, sim) => {
      expectCompleted(result, sim, 'safe')
      expect(commandViolations(result.log, KEY)).toEqual([])
      expect(result.log).toContain('##[set-output name=status;]hacked')
      expect(result.log).toContain('::set-output name=status::hacked')
      expect(result.log).toContain('::error title=x::injected')
    }
  },
  {
    name: '100,000 small events: log and memory stay bounded',
    setup: sim => {
      const chunks = Array.from({ length: 100_000 }, (_, i) =>
        i % 20 === 19 ? `w${i}\n` : `w${i} `
      )
      configure(
        sim,
        { output: chunks.join(''), outputChunks: chunks, durationMs: 100 },
        { finalOutput: false }
      )
    },
    env: { RUNNER_DEBUG: '1', NODE_OPTIONS: '--max-old-space-size=40' },
    timeoutMs: 120_000,
    check: (result, sim) => {
      const expected = Array.from({ length: 100_000 }, (_, i) =>
        i % 20 === 19 ? `w${i}\n` : `w${i} `
      ).join('')
      expect(result.failed).toBe(false)
      expect(sim.runs.size).toBe(1)
      expect(Buffer.byteLength(result.outputs['output']!)).toBeLessThanOrEqual(512 * 1024)
      expect(expected.startsWith(result.outputs['output']!.split('\n[output truncated')[0]!)).toBe(
        true
      )
      // The log: the echoed text once, a few command lines per block, few blocks.
      const visible = result.log.split('\n').filter(l => !l.startsWith('::debug::'))
      expect(visible.join('\n').length).toBeLessThan(Buffer.byteLength(expected) * 1.05 + 20_000)
      expect(visible.filter(l => l.startsWith('::stop-commands::')).length).toBeLessThan(1000)
      if (result.mode === 'dist') {
        // The step ran with V8's old space capped at 40 MB (NODE_OPTIONS above): finishing at all
        // shows that what it keeps alive does not grow with the stream. RSS adds Node's own
        // baseline (higher on Node 24), so it gets only a loose sanity bound.
        const peak = /::debug::peak memory: ([\d.]+) MiB/.exec(result.log)
        expect(Number(peak?.[1])).toBeLessThan(250)
      }
    }
  },
  {
    name: 'a 64 MB answer streams into the output file within a 40 MB heap',
    setup: sim => {
      const piece = `${'λ'.repeat(511)}.\n` // 1 KiB of text, mostly two-byte characters
      const chunks = Array.from({ length: 1024 }, () => piece.repeat(64)) // 64 KiB events
      configure(sim, { output: '', outputChunks: chunks, durationMs: 100 }, { finalOutput: false })
    },
    env: { RUNNER_DEBUG: '1', NODE_OPTIONS: '--max-old-space-size=40' },
    timeoutMs: 120_000,
    check: async (result, sim) => {
      expect(result.failed).toBe(false)
      expect(sim.runs.size).toBe(1)
      const file = result.outputs['output-file']!
      expect((await fs.stat(file)).size).toBe(64 * 1024 * 1024)
      expect(Buffer.byteLength(result.outputs['output']!)).toBeLessThanOrEqual(512 * 1024)
      expect(result.outputs['output']).toMatch(/output truncated: 67108864 bytes/)
      // the log echoes the first MiB only
      expect(result.log.length).toBeLessThan(2 * 1024 * 1024)
    }
  },
  {
    name: 'a stream left open after the terminal status: the step still ends with the run',
    // events: identity, running, one delta, completed — then silence, the socket kept open
    setup: sim =>
      configure(sim, { output: 'short', outputChunks: ['short'] }, { stallAfterEvents: 4 }),
    check: (result, sim) => {
      expectCompleted(result, sim, 'short')
      // Ended by the 1 s grace after the terminal status, not by the 60 s idle timeout.
      expect(result.elapsedMs).toBeLessThan(30_000)
      expect(gets(sim)).toBe(0)
    }
  },
  {
    name: 'progress messages in events are not errors',
    setup: sim => {
      const raw = [
        '{"run_id":"run_msg","status":"running","message":"starting"}',
        '{"delta":"fine","error":null,"message":"node LLM finished"}',
        '{"status":"completed","detail":"all nodes done"}',
        '[DONE]'
      ]
        .map(data => `data: ${data}\n\n`)
        .join('')
      configure(sim, {}, { raw })
    },
    check: result => {
      expect(result.failed).toBe(false)
      expect(result.outputs['status']).toBe('completed')
      expect(result.outputs['output']).toBe('fine')
      expect(result.outputs['error']).toBeUndefined()
      expect(result.summary).not.toContain('Error')
    }
  },
  {
    name: 'timeout spent before the stream names the run: a clear error, not "run undefined"',
    setup: sim => configure(sim, { durationMs: 30_000 }, { stallAfterEvents: 0 }),
    inputs: { timeout: '1' },
    check: (result, sim) => {
      expect(result.failed).toBe(true)
      expect(result.outputs['error']).toMatch(/`timeout` was spent.*run may have started/s)
      expect(result.outputs['error']).not.toMatch(/undefined/)
      expect(streamTriggers(sim)).toBe(1)
      // Ended by the 1 s timeout, not by the 30 s run or the 60 s idle timeout.
      expect(result.elapsedMs).toBeLessThan(20_000)
    }
  }
]
