import { execFileSync, spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseCommandFile } from '../../scripts/action-runner.js'
import { KEY, requestsTo, sentBody, useSimulator } from '../helpers/platform.js'

// Why: BENCHMARKS.md compares the action with these contenders; a contender that mis-polled or
// failed quietly would make the comparison flatter the action.

// The stand-ins for what users do today instead of the action (bench/contenders/), run as whole
// processes the way a runner runs a step, against the simulator.

const sim = useSimulator()

const contender = (name: string): string =>
  fileURLToPath(new URL(`../../bench/contenders/${name}`, import.meta.url))

const INPUTS = [{ name: 'question', type: 'text', value: 'What changed?' }]

// Temporary folders made by a test, removed after it.
const made: string[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map(dir => fs.rm(dir, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-contender-'))
  made.push(dir)
  return dir
}

interface ContenderResult {
  exitCode: number | null
  log: string
  outputs: Record<string, string>
}

async function runContender(
  command: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<ContenderResult> {
  const outputFile = path.join(await tempDir(), 'output.txt')
  await fs.writeFile(outputFile, '')
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      GITHUB_OUTPUT: outputFile,
      POLL_SECONDS: '0.2',
      'INPUT_API-KEY': KEY,
      'INPUT_BASE-URL': sim.url,
      'INPUT_WORKFLOW-ID': 'wf-bench',
      INPUT_INPUTS: JSON.stringify(INPUTS),
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve))
  clearTimeout(timer)
  return { exitCode, log, outputs: parseCommandFile(await fs.readFile(outputFile, 'utf8')) }
}

// A PATH with bash, curl, node and the coreutils the script uses, and no jq: the fallback.
async function pathWithoutJq(): Promise<string> {
  const bin = await tempDir()
  for (const tool of ['bash', 'curl', 'sleep', 'printenv']) {
    const found = execFileSync('bash', ['-c', `command -v ${tool}`])
      .toString()
      .trim()
    await fs.symlink(found, path.join(bin, tool))
  }
  await fs.symlink(process.execPath, path.join(bin, 'node'))
  return bin
}

const contenders: Array<[string, () => Promise<ContenderResult>]> = [
  ['curl-loop.sh', () => runContender('bash', [contender('curl-loop.sh')])],
  [
    'curl-loop.sh without jq (node parses)',
    async () => {
      const bin = await pathWithoutJq()
      return runContender(path.join(bin, 'bash'), [contender('curl-loop.sh')], { PATH: bin })
    }
  ],
  ['fixed-poll.mjs', () => runContender(process.execPath, [contender('fixed-poll.mjs')])]
]

describe.each(contenders)('%s', (_name, run) => {
  it('triggers once, waits for the run and writes its outputs', async () => {
    sim.configure({ workflows: { 'wf-bench': { run: { durationMs: 1000, output: 'hello' } } } })
    const started = Date.now()
    const result = await run()
    // on a mismatch the whole result, log included, is printed
    expect(result).toMatchObject({ exitCode: 0 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(requestsTo(sim, '/trigger')).toBe(1)
    expect(sentBody(sim)).toEqual({ workflow_configuration_id: 'wf-bench', inputs: INPUTS })
    const runIds = [...sim.runs.keys()]
    expect(runIds).toHaveLength(1)
    expect(result.outputs).toEqual({ status: 'completed', 'run-id': runIds[0], output: 'hello' })
    expect(requestsTo(sim, `/runs/${runIds[0]}`)).toBeGreaterThanOrEqual(1)
  })

  it('exits 1 on a failed run', async () => {
    sim.configure({
      workflows: { 'wf-bench': { run: { durationMs: 300, outcome: 'failed', error: 'boom' } } }
    })
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.outputs['status']).toBe('failed')
    expect(result.outputs['run-id']).toBe([...sim.runs.keys()][0])
    expect(result.log).toContain('boom')
    expect(requestsTo(sim, '/trigger')).toBe(1)
  })
})
