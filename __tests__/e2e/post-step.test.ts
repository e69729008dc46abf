import { spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DIST_POST_ENTRY,
  runAction,
  runPostStep,
  startAction,
  type ActionRunResult
} from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// The post step (runs.post, `post-if: always()`) has an entry of its own that can only cancel
// a run main saved, and checks what it reads with main's rules (issue 13, items 7 and 8).

const sim = useSimulator()
const TRACE = fileURLToPath(new URL('../helpers/load-trace.mjs', import.meta.url))
let dir: string
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'post-step-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-post',
  inputs: 'question: hi',
  'poll-interval': '0.2',
  ...extra
})

/** A main step that left `state` behind (as GITHUB_STATE lines) and died. */
function diedWith(state: Record<string, string>): ActionRunResult {
  return {
    exitCode: null,
    signal: 'SIGKILL',
    stdout: '',
    stderr: '',
    outputs: {},
    summary: '',
    state: Object.entries(state)
      .map(([name, value]) => `${name}<<EOF\n${value}\nEOF`)
      .join('\n'),
    workspace: dir,
    runnerTemp: dir,
    durationMs: 0,
    endedAt: Date.now()
  }
}

describe('the post step’s bundle', () => {
  it('holds nothing that could trigger a run', async () => {
    const bundle = await fs.readFile(DIST_POST_ENTRY, 'utf8')
    // The trigger's body, the client that sends it, and the main step's wiring.
    for (const part of [
      'workflow_configuration_id',
      'idempotencyKey: randomUUID',
      'runStep',
      'readInputs'
    ]) {
      expect(bundle).not.toContain(part)
    }
    const files = await fs.readdir(path.dirname(DIST_POST_ENTRY))
    expect(files.filter(file => file.endsWith('.js'))).toEqual(['index.js'])
  })
})

describe.each(actionNodes())(
  'the post step, dist/post/index.js under Node $version',
  ({ path: node }) => {
    it('sends nothing when main was killed before it saved anything, and loads only its own file', async () => {
      sim.configure({ workflows: { 'wf-post': { run: { durationMs: 60_000 } } } })
      const step = await startAction({ inputs: inputs(), node })
      step.child.kill('SIGKILL')
      const main = await step.done
      expect(main.state).toBe('')
      const trace = path.join(dir, `trace-${Math.random().toString(36).slice(2)}`)
      const post = await runPostStep(main, {
        inputs: inputs(),
        node,
        env: { NODE_OPTIONS: `--import ${TRACE}`, LOAD_TRACE_FILE: trace }
      })
      expect(post.exitCode).toBe(0)
      expect(sim.requests).toHaveLength(0)
      const loaded = (await fs.readFile(trace, 'utf8'))
        .split('\n')
        .filter(line => line.startsWith('file ') && line.includes('/dist/'))
        .map(line => path.relative(path.dirname(DIST_POST_ENTRY), fileURLToPath(line.slice(5))))
      expect(loaded).toEqual(['index.js'])
    })

    it.each([
      [
        'a cancel-path that is not the cancel endpoint',
        { 'cancel-path': '/api/v1/admin/delete-all' }
      ],
      ['a cancel-path with a dot segment', { 'cancel-path': '/api/v1/runs/{run_id}/../../admin' }],
      ['a run id that moves the path', { 'run-id': '..' }],
      ['a run id with a line break', { 'run-id': 'run_1\nrun_2' }],
      ['a base URL on plain http to another host', { 'base-url': 'http://platform.invalid' }],
      ['a base URL with credentials', { 'base-url': 'https://user:pass@platform.invalid' }],
      ['a base URL that is not a URL', { 'base-url': 'platform' }]
    ])('sends nothing for saved state with %s', async (_, planted) => {
      const state = {
        'run-id': 'run_123',
        'base-url': sim.url,
        'cancel-path': '/api/v1/apps/workflow-execution/runs/{run_id}/cancel',
        ...planted
      }
      const post = await runPostStep(diedWith(state), { inputs: inputs(), node })
      expect(post.exitCode).toBe(0)
      expect(sim.requests).toHaveLength(0)
      expect(post.stdout).toMatch(
        /::warning::The post step did not cancel the run the main step left: .*it sent nothing/
      )
      expect(post.stdout.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
    })

    it('still cancels the run a killed main saved, when the state is what main saves', async () => {
      sim.configure({ workflows: { 'wf-post': { run: { durationMs: 60_000 } } } })
      const main = await startAction({ inputs: inputs(), node })
      const giveUp = Date.now() + 20_000
      while (!(await fs.readFile(main.files.GITHUB_STATE, 'utf8')).includes('run-id')) {
        if (Date.now() > giveUp) throw new Error('main never saved its run')
        await new Promise(resolve => setTimeout(resolve, 20))
      }
      main.child.kill('SIGKILL')
      const post = await runPostStep(await main.done, { inputs: inputs(), node })
      expect(post.stdout).toMatch(/Cancelled run run_\w+ on the platform/)
      expect(sim.requests.filter(r => r.path.endsWith('/cancel'))).toHaveLength(1)
      expect(sim.requests.filter(r => r.path.endsWith('/trigger'))).toHaveLength(1)
    })

    it('cancels the very run main addressed: the saved id is not trimmed', async () => {
      const state = {
        'run-id': 'run_1\u00a0',
        'base-url': sim.url,
        'cancel-path': '/api/v1/apps/workflow-execution/runs/{run_id}/cancel'
      }
      const post = await runPostStep(diedWith(state), { inputs: inputs(), node })
      expect(post.exitCode).toBe(0)
      expect(sim.requests.map(r => r.path)).toEqual([
        '/api/v1/apps/workflow-execution/runs/run_1%C2%A0/cancel'
      ])
    })

    it('warns, and fails nothing, when a proxy variable is not a URL', async () => {
      const state = {
        'run-id': 'run_1',
        'base-url': sim.url,
        'cancel-path': '/api/v1/apps/workflow-execution/runs/{run_id}/cancel'
      }
      const post = await runPostStep(diedWith(state), {
        inputs: inputs(),
        node,
        env: { HTTP_PROXY: 'ftp://proxy.corp:21' }
      })
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toMatch(
        /::warning::Could not cancel run run_1.*HTTP_PROXY is not a proxy URL/
      )
      expect(sim.requests).toHaveLength(0)
    })

    it('refuses plain http to another host unless allow-http is set', async () => {
      const state = {
        'run-id': 'run_1',
        'base-url': 'http://platform.invalid',
        'cancel-path': '/api/v1/apps/workflow-execution/runs/{run_id}/cancel'
      }
      const refused = await runPostStep(diedWith(state), { inputs: inputs(), node })
      expect(refused.stdout).toMatch(/uses http:\/\/ to a host that is not loopback/)
      const allowed = await runPostStep(diedWith(state), {
        inputs: inputs({ 'allow-http': 'true' }),
        node
      })
      // Allowed, it tries (and cannot reach the host): a warning, never a failed job.
      expect(allowed.exitCode).toBe(0)
      expect(allowed.stdout).toMatch(/::warning::Could not cancel run run_1/)
    })
  }
)

describe('a step that ran main and post the runner’s way', () => {
  it('post with no inputs at all does nothing and fails nothing', () => {
    const run = spawnSync(process.execPath, [DIST_POST_ENTRY], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/::(warning|error)::/)
  })

  it('the main entry still runs the whole step', async () => {
    sim.configure({ workflows: { 'wf-post': { run: { durationMs: 100, output: 'ok' } } } })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['output']).toBe('ok')
  })
})
