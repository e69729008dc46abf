import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { KEY, useSimulator } from '../helpers/platform.js'

// GitHub's own local runner, @github/local-action, as README's "Try it locally" uses it: it
// loads src/main.ts and src/post-main.ts, calls their `run`, and prints the outputs, with
// @actions/core replaced by its own. Run against the simulator.

const sim = useSimulator()
let dir: string

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-action-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

function localAction(envFile: string): Promise<{ code: number | null; out: string }> {
  const bin = path.join(process.cwd(), 'node_modules', '.bin', 'local-action')
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['run', '.', 'src/main.ts', envFile, '--post', 'src/post-main.ts'], {
      cwd: process.cwd(),
      // Its own Node options, not jest's (--experimental-vm-modules).
      env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', chunk => (out += String(chunk)))
    child.stderr.on('data', chunk => (out += String(chunk)))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, out })
    })
  })
}

describe('@github/local-action', () => {
  it('runs the main step and the post step of the sources against the simulator', async () => {
    const envFile = path.join(dir, '.env')
    await fs.writeFile(
      envFile,
      [
        `INPUT_API-KEY=${KEY}`,
        `INPUT_BASE-URL=${sim.url}`,
        'INPUT_WORKFLOW-ID=wf-release',
        'INPUT_INPUTS=question: notes',
        'INPUT_POLL-INTERVAL=0.5',
        'INPUT_OUTPUT-NAME=notes',
        `RUNNER_TEMP=${dir}`
      ].join('\n')
    )
    const { code, out } = await localAction(envFile)
    expect({ code, tail: code === 0 ? '' : out.slice(-3000) }).toEqual({ code: 0, tail: '' })
    const runId = /::set-output name=run-id::(\S+)/.exec(out)?.[1]
    expect(runId).toMatch(/^run_/)
    expect(sim.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(out).toContain('::set-output name=status::completed')
    expect(out).toContain('::set-output name=output::## 1.2.0')
    expect(out).toContain('::set-output name=usage::{"input_tokens":1830')
    expect(out).toContain('Running Post Step')
    // The key is masked in what it prints, as on a runner.
    expect(out).not.toContain(KEY)
  }, 120_000)
})
