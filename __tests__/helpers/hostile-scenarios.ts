import { expect } from '@jest/globals'
import type { Simulator } from '../../simulator/index.js'
import { renderGfm } from './gfm.js'
import { KEY } from './platform.js'
import { commandViolations, type Scenario, type StepResult } from './step.js'

/**
 * A hostile server: every string it sends is data, never a command, a path or Markdown. Shared
 * by the in-process suite (src through run()) and the end-to-end suite (dist/index.js).
 */

const WORKFLOW = 'wf-hostile'

/** Commands in both of the runner's forms, a line break to start a new line, and Markdown. */
const PAYLOAD =
  'x ##[set-output name=status;]hacked ##[add-mask]run\n::set-output name=status::hacked\n' +
  '::add-mask::run\n\n# heading [link](https://evil.example) </details>'

export function hostileInputs(sim: Simulator, extra: Record<string, string> = {}) {
  return {
    'api-key': KEY,
    'base-url': sim.url,
    'workflow-id': WORKFLOW,
    inputs: 'question: hello',
    'poll-interval': '0.2',
    'max-poll-interval': '0.5',
    ...extra
  }
}

function workflow(sim: Simulator, run: Record<string, unknown>, fields?: Record<string, unknown>) {
  sim.configure({
    workflows: { [WORKFLOW]: { run: { durationMs: 200, output: 'fine', ...run } } },
    variant: fields ? { fields } : {}
  })
}

function expectNoCommands(result: StepResult): void {
  expect(commandViolations(result.log, KEY)).toEqual([])
  expect(result.outputs['status']).not.toBe('hacked')
}

const paths = (sim: Simulator): string[] => sim.requests.map(r => r.path)

export const HOSTILE_SCENARIOS: Scenario[] = [
  {
    name: 'commands in the status are shown, never obeyed',
    setup: sim => workflow(sim, { durationMs: 60_000 }, { status: `running ${PAYLOAD}` }),
    inputs: { timeout: '1' },
    check: result => {
      expectNoCommands(result)
      expect(result.outputs['status']).toBe('timed_out')
      expect(result.log).toContain('##[set-output name=status;]hacked')
    }
  },
  {
    name: 'commands in the run id and thread id are shown, never obeyed',
    setup: sim => workflow(sim, {}, { run_id: `run_1 ${PAYLOAD}`, thread_id: PAYLOAD }),
    check: result => {
      expectNoCommands(result)
      expect(result.outputs['run-id']).toBe(`run_1 ${PAYLOAD}`)
      expect(result.outputs['thread-id']).toBe(PAYLOAD)
      expect(result.log).toMatch(/Started run run_1 x ##\[set-output/)
    }
  },
  {
    name: 'commands and Markdown in the run’s error are shown, never obeyed',
    setup: sim => workflow(sim, { outcome: 'failed', error: PAYLOAD }),
    check: result => {
      expectNoCommands(result)
      expect(result.failed).toBe(true)
      expect(result.outputs['status']).toBe('failed')
      expect(result.outputs['error']).toBe(PAYLOAD)
      // Rendered as GitHub renders the summary, the error is text: no heading, no link.
      expect(renderGfm(result.summary)).not.toMatch(/<(h1|a)\b/)
      expect(renderGfm(result.summary)).toContain('# heading [link](https://evil.example)')
    }
  },
  {
    name: 'a run id of `..` never moves the request path',
    setup: sim => workflow(sim, {}, { run_id: '..' }),
    check: (result, sim) => {
      expect(result.failed).toBe(true)
      expect(result.outputs['error']).toMatch(/cannot be put in a request path/)
      expect(paths(sim)).toEqual(['/api/v1/apps/workflow-execution/trigger'])
    }
  },
  {
    name: 'a get that names another run is an error, not that run’s result',
    setup: sim => {
      workflow(sim, {})
      sim.injectFault('get', {
        kind: 'status',
        status: 200,
        body: JSON.stringify({ run_id: 'run_other', status: 'completed', output: 'not mine' })
      })
    },
    check: (result, sim) => {
      expect(result.failed).toBe(true)
      expect(result.outputs['error']).toMatch(
        /answered the get of run 'run_\w+' with run "run_other"/
      )
      expect(result.outputs['output']).toBeUndefined()
      expect(result.outputs['status']).not.toBe('completed')
      // Not retried: another run's answer is no passing failure.
      expect(sim.requests.filter(r => r.method === 'GET')).toHaveLength(1)
    }
  },
  {
    name: 'a 5 MB error is bounded in the annotation, the output and the summary',
    setup: sim => workflow(sim, { outcome: 'failed', error: `boom ${'e'.repeat(5_000_000)}` }),
    check: result => {
      expect(result.failed).toBe(true)
      const annotation = result.log.split('\n').find(line => line.startsWith('::error::'))
      expect(annotation).toBeDefined()
      expect(Buffer.byteLength(annotation!)).toBeLessThan(6 * 1024)
      expect(annotation).toMatch(/the whole error is in the `error` output/)
      expect(Buffer.byteLength(result.outputs['error']!)).toBeLessThanOrEqual(512 * 1024)
      expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
    }
  },
  {
    name: 'a redirect to a Location that is no URL is named as such',
    setup: sim => {
      workflow(sim, {})
      sim.injectFault('get', { kind: 'redirect', status: 302, location: 'http://[::1' })
    },
    check: result => {
      expect(result.failed).toBe(true)
      expect(result.outputs['error']).toMatch(
        /redirect \(HTTP 302\) to "http:\/\/\[::1", which is not a URL/
      )
      expect(result.outputs['error']).not.toMatch(/Invalid URL/)
    }
  },
  {
    name: 'a run object too big for `result` still gives valid JSON',
    setup: sim => workflow(sim, { output: `${'long answer '.repeat(80_000)}` }),
    check: result => {
      expect(result.failed).toBe(false)
      const parsed = JSON.parse(result.outputs['result']!) as Record<string, unknown>
      expect(parsed['status']).toBe('completed')
      expect(parsed['output']).toMatch(/^\[left out of result: \d+ (bytes|characters)/)
      expect(result.log).toMatch(/::warning::The run object is larger than 524288 bytes/)
    }
  },
  {
    name: 'commands in a streamed answer (both forms) are shown, never obeyed',
    setup: sim =>
      workflow(sim, {
        output: 'done',
        outputChunks: [`${PAYLOAD}\n`, '##[add-mask]done\n', 'done']
      }),
    inputs: { stream: 'true' },
    check: result => {
      expectNoCommands(result)
      expect(result.outputs['status']).toBe('completed')
      expect(result.log).toContain('##[add-mask]done')
    }
  }
]
